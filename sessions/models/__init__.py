"""The programme's models, one module per concern."""

from sessions.models.places import Place, PlaceState
from sessions.models.releases import AgendaLink, ScheduleRelease, agenda_token_hash
from sessions.models.session import Session, SessionPerson, SessionQuerySet
from sessions.models.speakers import Inscription

__all__ = [
    "AgendaLink",
    "Inscription",
    "Place",
    "PlaceState",
    "ScheduleRelease",
    "Session",
    "SessionPerson",
    "SessionQuerySet",
    "agenda_token_hash",
]
