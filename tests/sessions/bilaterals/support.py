"""Helpers, data and fixtures shared by the tests of this package."""

import datetime as dt
import itertools

import pytest

from conference.models import Room
from sessions import services
from tests.factories import (
    HANOI,
    ConferenceFactory,
    DelegateFactory,
    DelegationFactory,
    RoomFactory,
    SessionFactory,
)

DAY = dt.date(2025, 10, 25)


# The scheduler offers no slot in the past: these tests run before the conference.
BEFORE = dt.datetime(2025, 10, 1, tzinfo=HANOI)


def at(hour, minute=0, day=DAY):
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=HANOI)


@pytest.fixture
def conference():
    """A one-day conference, so that the scheduler's slots are those of one day."""
    return ConferenceFactory(host_country="VN", end_date=DAY)


def bilateral_room(conference, name="Bilateral Room 1"):
    return RoomFactory(
        venue=conference.venue, kind=Room.Kind.BILATERAL_ROOM, name=name, capacity=12
    )


def state(conference, code, language="en"):
    """A State's delegation that accepted its invitation, with its head."""
    delegation = DelegationFactory(
        conference=conference, country=code, language=language, accepted=True
    )
    DelegateFactory(delegation=delegation, role="head", protocol_rank="minister")
    return delegation


def head(delegation):
    return delegation.delegates.get(role="head")


def busy(delegation, starts_at, ends_at, slug):
    """The head of `delegation` chairs a published session at that time."""
    session = SessionFactory(
        conference=delegation.conference, slug=slug, starts_at=starts_at, ends_at=ends_at
    )
    services.add_session_person(session, role="chair", delegate=head(delegation))
    return services.publish_session(session)


def accepted(requester, counterpart, day=DAY):
    meeting = services.request_bilateral(
        requester, counterpart=counterpart, preferred_day=day, level="ministerial"
    )
    return services.accept_bilateral(meeting, delegation=counterpart)


def schedule(conference, **window):
    window = {"day_starts": dt.time(9), "day_ends": dt.time(12), **window}
    return services.schedule_bilaterals(conference, not_before=BEFORE, **window)


def slot_of(meeting):
    meeting.refresh_from_db()
    return (meeting.state, meeting.room.name if meeting.room else None, meeting.starts_at)


def ics_of(message):
    (attachment,) = message.attachments
    _filename, content, mimetype = attachment
    assert mimetype == "text/calendar"
    return content.replace("\r\n ", "")


def _greedy(requests, free_rooms):
    """Each request in turn takes its first slot still free: the reference that fails."""
    free, taken, chosen = dict(free_rooms), {}, {}
    for request in sorted(requests, key=lambda r: r.order):
        for slot in request.slots:
            if free[slot] and not taken.get(slot, set()) & request.sides:
                chosen[request.key] = slot
                free[slot] -= 1
                taken.setdefault(slot, set()).update(request.sides)
                break
    return chosen


def _most_by_brute_force(requests, free_rooms):
    best = 0
    options = [(*request.slots, None) for request in requests]
    for choice in itertools.product(*options):
        used, ok = {}, True
        for request, slot in zip(requests, choice, strict=True):
            if slot is None:
                continue
            sides, count = used.setdefault(slot, (set(), 0))
            if sides & request.sides or count == free_rooms[slot]:
                ok = False
                break
            used[slot] = (sides | request.sides, count + 1)
        if ok:
            best = max(best, sum(slot is not None for slot in choice))
    return best
