"""The programme's models, one module per concern."""

from sessions.models.releases import ScheduleRelease
from sessions.models.session import Session, SessionPerson, SessionQuerySet

__all__ = ["ScheduleRelease", "Session", "SessionPerson", "SessionQuerySet"]
