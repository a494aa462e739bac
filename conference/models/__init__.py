"""The event itself: conferences, the venues that hold them, their rooms and access zones, and
the conventions they open for signature, one module per concern; `conference.models.X` is the
name every caller (and every migration) uses."""

from conference.models.convention import (
    Convention,
    DepositaryNotification,
    Instrument,
    ParticipantKind,
    Party,
    Signature,
)
from conference.models.event import (
    Conference,
    default_delegation_quotas,
    default_languages,
    default_reminder_days,
)
from conference.models.venues import AccessZone, Room, Venue
from conference.webhooks.models import Webhook, WebhookDelivery

__all__ = [
    "AccessZone",
    "Conference",
    "Convention",
    "DepositaryNotification",
    "Instrument",
    "ParticipantKind",
    "Party",
    "Room",
    "Signature",
    "Venue",
    "Webhook",
    "WebhookDelivery",
    "default_delegation_quotas",
    "default_languages",
    "default_reminder_days",
]
