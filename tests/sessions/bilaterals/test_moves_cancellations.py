"""Bilateral meetings: moves and cancellations."""

import datetime as dt
import threading

import pytest
from django.core import mail
from django.db import IntegrityError, connection, transaction

from sessions import services
from sessions.errors import (
    BilateralDayInvalid,
    BilateralSlotTaken,
    BilateralStateInvalid,
    NotABilateralRoom,
    NotBilateralParty,
)
from sessions.models import BilateralMeeting
from tests.factories import (
    ConferenceFactory,
    RoomFactory,
)
from tests.sessions.bilaterals.support import (
    DAY,
    accepted,
    at,
    bilateral_room,
    busy,
    ics_of,
    schedule,
    slot_of,
    state,
)

pytestmark = pytest.mark.django_db


def test_a_move_by_hand_checks_the_slot_and_sends_the_new_entry(
    conference, django_capture_on_commit_callbacks
):
    room = bilateral_room(conference)
    france, viet_nam = state(conference, "FR"), state(conference, "VN")
    roundtable = busy(viet_nam, at(14), at(15), "roundtable")
    meeting = accepted(france, viet_nam)
    schedule(conference)
    mail.outbox.clear()

    with pytest.raises(BilateralSlotTaken) as taken:
        services.reschedule_bilateral(meeting, room=room, starts_at=at(14), ends_at=at(14, 30))
    assert str(taken.value) == (
        f"The head of delegation of Viet Nam is busy at that time: {roundtable.title}."
    )
    with pytest.raises(NotABilateralRoom):
        services.reschedule_bilateral(
            meeting,
            room=RoomFactory(venue=conference.venue),
            starts_at=at(16),
            ends_at=at(16, 30),
        )
    with pytest.raises(BilateralDayInvalid):
        services.reschedule_bilateral(
            meeting, room=room, starts_at=at(16, day=dt.date(2025, 10, 27)), ends_at=at(17)
        )
    assert slot_of(meeting)[2] == at(9)

    with django_capture_on_commit_callbacks(execute=True):
        services.reschedule_bilateral(meeting, room=room, starts_at=at(16), ends_at=at(16, 45))

    meeting.refresh_from_db()
    assert (meeting.starts_at, meeting.ends_at, meeting.sequence) == (at(16), at(16, 45), 2)
    first, _second = mail.outbox
    assert first.subject == "Bilateral meeting moved: Viet Nam"
    assert "has been moved to 25 October 2025, 16:00-16:45" in first.body
    assert "SEQUENCE:2" in ics_of(first)


def test_a_move_onto_another_meeting_in_the_room_is_refused(conference):
    room = bilateral_room(conference)
    first = accepted(state(conference, "FR"), state(conference, "VN"))
    second = accepted(state(conference, "JP"), state(conference, "CL"))
    schedule(conference)  # 9:00 and 9:30 in the one room

    with pytest.raises(BilateralSlotTaken) as taken:
        services.reschedule_bilateral(second, room=room, starts_at=at(9), ends_at=at(9, 30))

    assert str(taken.value) == f"Bilateral Room 1 is taken at that time: {first}."
    assert slot_of(first)[2] == at(9)
    assert slot_of(second)[2] == at(9, 30)


def test_cancelling_a_scheduled_meeting_frees_the_room_and_removes_the_entry(
    conference, django_capture_on_commit_callbacks
):
    bilateral_room(conference)
    france, viet_nam = state(conference, "FR"), state(conference, "VN", "fr")
    meeting = accepted(france, viet_nam)
    schedule(conference)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_bilateral(meeting, delegation=france)

    meeting.refresh_from_db()
    assert (meeting.state, meeting.cancelled_by, meeting.sequence) == ("cancelled", france, 2)
    to_france, to_viet_nam = mail.outbox
    assert "has been cancelled at your request" in to_france.body
    assert to_viet_nam.subject == "Entretien bilatéral annulé : France"
    assert "est annulé par la délégation de la France" in to_viet_nam.body
    entry = ics_of(to_viet_nam)
    assert ("METHOD:CANCEL" in entry, "STATUS:CANCELLED" in entry) == (True, True)
    # The slot it held is free again for another meeting.
    other = accepted(state(conference, "JP"), state(conference, "CL"))
    schedule(conference)
    assert slot_of(other)[2] == at(9)


def test_who_may_cancel_what(conference):
    france, viet_nam, japan = (state(conference, code) for code in ("FR", "VN", "JP"))
    request = services.request_bilateral(
        france, counterpart=viet_nam, preferred_day=DAY, level="experts"
    )

    with pytest.raises(BilateralStateInvalid):  # the delegation asked declines instead
        services.cancel_bilateral(request, delegation=viet_nam)
    with pytest.raises(NotBilateralParty):
        services.cancel_bilateral(request, delegation=japan)
    services.cancel_bilateral(request, delegation=france)  # a request withdrawn
    with pytest.raises(BilateralStateInvalid):
        services.cancel_bilateral(request)

    meeting = accepted(japan, viet_nam)
    services.cancel_bilateral(meeting, delegation=viet_nam)  # once accepted, either side
    meeting.refresh_from_db()
    assert (meeting.state, meeting.cancelled_by) == ("cancelled", viet_nam)


@pytest.mark.postgres
def test_postgresql_refuses_two_scheduled_meetings_in_one_room_at_once(conference):
    room = bilateral_room(conference)
    first = accepted(state(conference, "FR"), state(conference, "VN"))
    second = accepted(state(conference, "JP"), state(conference, "CL"))
    services.reschedule_bilateral(first, room=room, starts_at=at(9), ends_at=at(10))

    with pytest.raises(IntegrityError, match="bilateral_no_room_overlap"), transaction.atomic():
        BilateralMeeting.objects.filter(pk=second.pk).update(
            state="scheduled", room=room, starts_at=at(9, 30), ends_at=at(10, 30)
        )


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_organisers_moving_meetings_into_one_slot_at_once_get_one_each():
    conference = ConferenceFactory()
    room = bilateral_room(conference)
    meetings = [
        accepted(state(conference, a), state(conference, b))
        for a, b in (("FR", "VN"), ("JP", "CL"), ("DE", "BR"), ("GB", "AU"))
    ]
    start, outcomes = threading.Event(), []

    def move(meeting):
        start.wait()
        try:
            services.reschedule_bilateral(meeting, room=room, starts_at=at(9), ends_at=at(9, 30))
            outcomes.append("scheduled")
        except BilateralSlotTaken:
            outcomes.append("taken")
        finally:
            connection.close()

    threads = [threading.Thread(target=move, args=(m,)) for m in meetings]
    for thread in threads:
        thread.start()
    start.set()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["scheduled", "taken", "taken", "taken"]
    assert BilateralMeeting.objects.filter(state="scheduled").count() == 1
