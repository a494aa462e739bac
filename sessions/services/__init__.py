"""Every write to the programme that matters, one module per concern; re-exported here."""

from sessions.services.programme import (
    add_session_person,
    cancel_session,
    create_session,
    publish_session,
    reschedule_session,
)

__all__ = [
    "add_session_person",
    "cancel_session",
    "create_session",
    "publish_session",
    "reschedule_session",
]
