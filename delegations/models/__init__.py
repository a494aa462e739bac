"""Who comes, one module per concern."""

from delegations.models.delegation import CORRESPONDENCE_LANGUAGES, Delegate, Delegation
from delegations.models.invitation import (
    Invitation,
    InvitationState,
    InvitationToken,
    hash_token,
)
from delegations.models.outbox import MessageState, OutboundMessage, ProgrammeChangeNotice

__all__ = [
    "CORRESPONDENCE_LANGUAGES",
    "Delegate",
    "Delegation",
    "Invitation",
    "InvitationState",
    "InvitationToken",
    "MessageState",
    "OutboundMessage",
    "ProgrammeChangeNotice",
    "hash_token",
]
