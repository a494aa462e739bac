"""The programme's models, one module per concern."""

from sessions.models.session import Session, SessionPerson, SessionQuerySet

__all__ = ["Session", "SessionPerson", "SessionQuerySet"]
