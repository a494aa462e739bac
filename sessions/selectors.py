"""Reads of the programme reused by services, the console and the API."""

from sessions.models import Session


def room_clash(session: Session) -> Session | None:
    """The published session that would share the room with `session` at an overlapping time."""
    if session.room_id is None:
        return None
    return (
        Session.objects.published()
        .overlapping(room=session.room_id, starts_at=session.starts_at, ends_at=session.ends_at)
        .exclude(pk=session.pk)
        .first()
    )
