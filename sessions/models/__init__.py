"""The programme's models, one module per concern."""

from sessions.models.releases import AgendaLink, ScheduleRelease, agenda_token_hash
from sessions.models.session import Session, SessionPerson, SessionQuerySet

__all__ = [
    "AgendaLink",
    "ScheduleRelease",
    "Session",
    "SessionPerson",
    "SessionQuerySet",
    "agenda_token_hash",
]
