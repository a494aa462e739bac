"""Who comes, one module per concern."""

from delegations.models.account import PortalAccount
from delegations.models.badges import (
    Badge,
    BadgeColour,
    BadgeState,
    Scan,
    ScanDirection,
    ScannerDevice,
)
from delegations.models.delegation import CORRESPONDENCE_LANGUAGES, Delegate, Delegation
from delegations.models.invitation import (
    Invitation,
    InvitationState,
    InvitationToken,
    hash_token,
)
from delegations.models.jobs import ConsoleJob, JobKind, JobState
from delegations.models.liaison import LiaisonAssignment, LiaisonOfficer
from delegations.models.media import MEDIA_CATEGORY, MediaApplication, MediaOutlet
from delegations.models.outbox import MessageState, OutboundMessage, ProgrammeChangeNotice
from delegations.models.participants import ListCheck, ListEntry, ParticipantList
from delegations.models.travel import Travel

__all__ = [
    "CORRESPONDENCE_LANGUAGES",
    "MEDIA_CATEGORY",
    "Badge",
    "BadgeColour",
    "BadgeState",
    "ConsoleJob",
    "Delegate",
    "Delegation",
    "Invitation",
    "InvitationState",
    "InvitationToken",
    "JobKind",
    "JobState",
    "LiaisonAssignment",
    "LiaisonOfficer",
    "ListCheck",
    "ListEntry",
    "MediaApplication",
    "MediaOutlet",
    "MessageState",
    "OutboundMessage",
    "ParticipantList",
    "PortalAccount",
    "ProgrammeChangeNotice",
    "Scan",
    "ScanDirection",
    "ScannerDevice",
    "Travel",
    "hash_token",
]
