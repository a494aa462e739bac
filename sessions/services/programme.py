"""Every write to the programme. The rule that matters most here: a room never holds two
published sessions at overlapping times. And a room holds only the sessions whose languages its
interpretation booths can serve."""

from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from conference.models import Conference, Room
from delegations.models import Delegate
from sessions.enums import SessionState
from sessions.errors import (
    DelegateOfAnotherConference,
    RoomBoothsInUse,
    RoomDoubleBooked,
    RoomNotAtVenue,
    SessionTimesInvalid,
    TooFewBooths,
)
from sessions.models import Session, SessionPerson
from sessions.selectors import room_clash

# What `reschedule_session` changes; `update_session` changes the rest of what an organiser edits.
PLACEMENT_FIELDS = frozenset({"starts_at", "ends_at", "room"})
# Never changed by `update_session`: the state moves through publish and cancel only, and a
# session does not move to another conference.
FIXED_FIELDS = frozenset({"conference", "state"})


def create_session(conference: Conference, **fields) -> Session:
    """Create a session as a draft. Drafts may overlap: the programme is built by moving them.
    Raises `SessionTimesInvalid` or `RoomNotAtVenue`; nothing is saved then."""
    session = Session(conference=conference, state=SessionState.DRAFT, **fields)
    _check_times_and_room(session)
    session.full_clean()
    session.save()
    return session


def check_placement(session: Session) -> None:
    """Raise the error that saving `session` where and when it now stands would raise: a room
    of another venue, an end before the start, or (published only) a room already held. Forms call
    it to show the refusal beside the fields; the writing services check again under a lock."""
    _check_times_and_room(session)
    if session.state == SessionState.PUBLISHED:
        _refuse_overlap(session)


def update_session(session: Session, **fields) -> Session:
    """Change what a session says about itself (title, kind, code, description, translations,
    capacity, access, languages). Its time and room change through `reschedule_session`, its
    state through `publish_session` and `cancel_session`, which hold their rules."""
    refused = sorted(set(fields) & (PLACEMENT_FIELDS | FIXED_FIELDS))
    if refused:
        raise TypeError(f"update_session does not change {', '.join(refused)}")
    for name, value in fields.items():
        setattr(session, name, value)
    check_interpretation_booths(session)  # its languages may have changed
    session.full_clean()
    session.save(update_fields=[*fields, "updated_at"])
    return session


def publish_session(session: Session) -> Session:
    """Publish a draft (or restore a cancelled session). Raises `TooFewBooths` when its room
    cannot interpret its languages, `RoomDoubleBooked` when another
    published session holds the room at an overlapping time. The room row is locked first, so two
    organisers publishing into the same slot at once cannot both succeed; on PostgreSQL the
    exclusion constraint `session_no_room_overlap` holds the rule again below the services."""
    with transaction.atomic():
        check_interpretation_booths(session)
        _lock_room(session.room_id)
        _refuse_overlap(session)
        session.state = SessionState.PUBLISHED
        _save_or_double_booked(session, update_fields=["state", "updated_at"])
    return session


def reschedule_session(
    session: Session, *, starts_at: datetime, ends_at: datetime, room: Room | None
) -> Session:
    """Move a session to a new time or room, under the same no-overlap rule when published."""
    with transaction.atomic():
        session.starts_at, session.ends_at, session.room = starts_at, ends_at, room
        _check_times_and_room(session)
        if session.state == SessionState.PUBLISHED:
            _lock_room(session.room_id)
            _refuse_overlap(session)
        _save_or_double_booked(
            session, update_fields=["starts_at", "ends_at", "room", "updated_at"]
        )
    return session


def cancel_session(session: Session) -> Session:
    """Cancel a session. It stays in the programme, marked cancelled, and frees its room."""
    session.state = SessionState.CANCELLED
    session.save(update_fields=["state", "updated_at"])
    return session


def add_session_person(session: Session, **fields) -> SessionPerson:
    """Name a chair, moderator or speaker of the session: a delegate or a named guest. A
    delegate must be of the session's conference (`DelegateOfAnotherConference`); picked, the
    delegate is the person, so a name typed beside it is dropped: agendas, badges and the
    running order then show one person, not a delegate and a guest of the same name."""
    person = SessionPerson(session=session, **fields)
    _one_person(person)
    person.full_clean()
    person.save()
    return person


def link_session_people(conference: Conference) -> int:
    """Link the chairs, moderators and speakers the programme names (the principals of the day
    are typed in before their delegations exist) to the conference's delegates who are the same
    persons: the same given and family names, in either order, case and spacing aside. A name
    that fits no delegate, or more than one, stays a named guest. Returns how many were linked."""
    delegates = {}
    for delegate in Delegate.objects.filter(delegation__conference=conference):
        for order in (
            (delegate.given_names, delegate.family_name),
            (delegate.family_name, delegate.given_names),
        ):
            delegates.setdefault(_name_key(*order), set()).add(delegate)
    linked = 0
    named = SessionPerson.objects.filter(
        session__conference=conference, delegate__isnull=True, is_organisation=False
    )
    for person in named:
        matches = delegates.get(_name_key(person.name), set())
        if len(matches) == 1:
            change_session_person(person, delegate=next(iter(matches)))
            linked += 1
    return linked


def _name_key(*parts):
    return " ".join(" ".join(parts).split()).casefold()


def check_session_delegate(session: Session, delegate) -> None:
    """Raise `DelegateOfAnotherConference` unless `delegate` (or None) may take part in the
    session: the console's forms call it to answer with a form error."""
    if delegate is not None and delegate.delegation.conference_id != session.conference_id:
        raise DelegateOfAnotherConference()


def _one_person(person):
    if person.delegate_id is None:
        return
    check_session_delegate(person.session, person.delegate)
    person.name = ""
    person.is_organisation = False


def interpretation_booths_needed(languages) -> int:
    """Interpretation booths a session in `languages` needs: none in a single language, else one
    per language, since each booth interprets into its own language (the six UN languages need
    six booths)."""
    count = len(set(languages or ()))
    return count if count > 1 else 0


def check_interpretation_booths(session: Session) -> None:
    """Raise `TooFewBooths` when the session's room has fewer interpretation booths than its
    languages need. A session without a room is not checked yet."""
    room = session.room
    if room is None:
        return
    needed = interpretation_booths_needed(session.languages)
    if needed > room.interpretation_booths:
        raise TooFewBooths(room=room, needed=needed, available=room.interpretation_booths)


def check_room_booths(room: Room) -> None:
    """Raise `RoomBoothsInUse` when the room, with the booths it is given, can no longer
    interpret a session to come in it (draft or published, accepted side events included, since
    they are sessions). Registered as a rule of room changes (sessions/apps.py), so lowering a
    room's booth count in the console is refused, naming the sessions to move first. Sessions
    already over are left out: a renovated room does not rewrite what was held in it."""
    if room.pk is None:
        return
    to_come = (
        Session.objects.filter(room_id=room.pk, ends_at__gt=timezone.now())
        .exclude(state=SessionState.CANCELLED)
        .order_by("starts_at", "pk")
    )
    short = [
        session
        for session in to_come
        if interpretation_booths_needed(session.languages) > room.interpretation_booths
    ]
    if short:
        raise RoomBoothsInUse(
            room=room,
            available=room.interpretation_booths,
            sessions=[_session_with_languages(session) for session in short],
        )


def _session_with_languages(session):
    count = interpretation_booths_needed(session.languages)
    return ngettext("%(title)s (%(count)d language)", "%(title)s (%(count)d languages)", count) % {
        "title": session.title,
        "count": count,
    }


def change_session_person(person: SessionPerson, **fields) -> SessionPerson:
    """Change a chair, moderator or speaker's role, name, function or order. The person stays
    in their session: naming someone in another session is `add_session_person` there."""
    if "session" in fields and fields.pop("session").pk != person.session_id:
        raise TypeError("change_session_person does not move a person to another session")
    for name, value in fields.items():
        setattr(person, name, value)
    _one_person(person)
    person.full_clean()
    person.save()
    return person


def remove_session_person(person: SessionPerson) -> None:
    """Take a chair, moderator or speaker off the session."""
    person.delete()


def _check_times_and_room(session):
    if session.ends_at <= session.starts_at:
        raise SessionTimesInvalid()
    if session.room is not None and session.room.venue_id != session.conference.venue_id:
        raise RoomNotAtVenue()
    check_interpretation_booths(session)


def _lock_room(room_id):
    if room_id is not None:
        Room.objects.select_for_update().filter(pk=room_id).first()


def _refuse_overlap(session):
    clash = room_clash(session)
    if clash is not None:
        raise RoomDoubleBooked(
            _("%(room)s already holds the published session “%(title)s” at that time.")
            % {"room": clash.room, "title": clash.title},
            clash=clash.slug,
        )


def _save_or_double_booked(session, *, update_fields):
    try:
        with transaction.atomic():
            session.save(update_fields=update_fields)
    except IntegrityError as exc:
        if "session_no_room_overlap" in str(exc):
            raise RoomDoubleBooked() from exc
        raise
