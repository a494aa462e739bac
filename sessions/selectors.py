"""Reads of the programme reused by services, the console and the API."""

from sessions.models import (
    AgendaLink,
    Place,
    PlaceState,
    ScheduleRelease,
    Session,
    SessionPerson,
    agenda_token_hash,
)


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


def attendees_of(session_ids) -> dict[int, set[int]]:
    """Delegate ids attending each session, for notices of change: the chairs, moderators and
    speakers who are delegates, and confirmed places. Seats at the gala dinner and bilateral
    meetings add one union term each here when they exist."""
    attendees = {session_id: set() for session_id in session_ids}
    people = SessionPerson.objects.filter(
        session_id__in=session_ids, delegate__isnull=False
    ).values_list("session_id", "delegate_id")
    places = Place.objects.filter(
        session_id__in=session_ids, state=PlaceState.CONFIRMED
    ).values_list("session_id", "delegate_id")
    for session_id, delegate_id in [*people, *places]:
        attendees[session_id].add(delegate_id)
    return attendees


def latest_release(conference_slug, *, with_content=False):
    """The latest release of a conference, its conference joined; the (large) frozen programme
    is loaded only when asked, because a feed served from the cache does not need it."""
    releases = ScheduleRelease.objects.select_related("conference__venue").filter(
        conference__slug=conference_slug
    )
    if not with_content:
        releases = releases.defer("sessions", "changes")
    return releases.order_by("-number").first()


def sessions_attended_by(delegate):
    """The public sessions a delegate attends, in time order: those the delegate chairs,
    moderates or speaks in, and confirmed places; gala seats and bilateral meetings add one union
    term each."""
    return (
        Session.objects.filter(state__in=["published", "cancelled"], people__delegate=delegate)
        .select_related("room", "conference__venue")
        .distinct()
        .order_by("starts_at")
    )


def delegate_by_agenda_token(token):
    link = (
        AgendaLink.objects.select_related("delegate__delegation__conference__venue")
        .filter(token_hash=agenda_token_hash(token or ""))
        .first()
    )
    return link.delegate if link else None
