"""Every write to the programme that matters, one module per concern; re-exported here."""

from sessions.services.agenda import issue_agenda_link, revoke_agenda_link
from sessions.services.programme import (
    add_session_person,
    cancel_session,
    create_session,
    publish_session,
    reschedule_session,
)
from sessions.services.releases import release_schedule

__all__ = [
    "add_session_person",
    "cancel_session",
    "create_session",
    "issue_agenda_link",
    "publish_session",
    "release_schedule",
    "reschedule_session",
    "revoke_agenda_link",
]
