"""Bilateral meetings: requests, answers, the scheduler (exact, not greedy), moves and
cancellations, and the notices with their calendar entries."""

import datetime as dt
import itertools
import random
import threading

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.urls import reverse

from conference.models import Room
from delegations.models import OutboundMessage
from sessions import services
from sessions.demo.bilaterals import install_bilaterals_and_booths
from sessions.errors import (
    BilateralAlreadyRequested,
    BilateralDayInvalid,
    BilateralNotPossible,
    BilateralSlotTaken,
    BilateralStateInvalid,
    BilateralWithItself,
    NotABilateralRoom,
    NotBilateralParty,
)
from sessions.feeds.personal import personal_calendar
from sessions.models import BilateralMeeting, Booth, Exhibitor, Place
from sessions.services.bilateral_solver import Request, place
from tests.factories import (
    HANOI,
    ConferenceFactory,
    DelegateFactory,
    DelegationFactory,
    RoomFactory,
    SessionFactory,
)

pytestmark = pytest.mark.django_db

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
    """A State's delegation with its head."""
    delegation = DelegationFactory(conference=conference, country=code, language=language)
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


# Requests and answers


def test_a_request_tells_the_delegation_asked_in_its_language(
    conference, django_capture_on_commit_callbacks
):
    france, viet_nam = state(conference, "FR", "fr"), state(conference, "VN", "vi")

    with django_capture_on_commit_callbacks(execute=True):
        meeting = services.request_bilateral(
            france,
            counterpart=viet_nam,
            preferred_day=DAY,
            level="ministerial",
            topics="  Mutual legal assistance ",
            requested_by="focal@mission.example.org",
        )

    meeting.refresh_from_db()
    assert (meeting.state, meeting.topics, meeting.requested_by) == (
        "requested",
        "Mutual legal assistance",
        "focal@mission.example.org",
    )
    (message,) = mail.outbox
    assert (message.to, message.subject) == (
        [viet_nam.focal_point_email],
        "Đề nghị gặp song phương: Pháp",
    )
    assert "ở cấp Bộ trưởng, ưu tiên vào ngày 25/10/2025" in message.body
    assert "/portal/bilaterals/" in message.body


@pytest.mark.parametrize(
    ("case", "error"),
    [
        ("itself", BilateralWithItself),
        ("day before the conference", BilateralDayInvalid),
        ("other conference", BilateralNotPossible),
        ("withdrawn", BilateralNotPossible),
        ("already asked", BilateralAlreadyRequested),
        ("already asked the other way", BilateralAlreadyRequested),
    ],
)
def test_bad_requests_are_refused_and_nothing_is_saved(
    conference, django_capture_on_commit_callbacks, case, error
):
    france, viet_nam = state(conference, "FR"), state(conference, "VN")
    services.request_bilateral(
        state(conference, "JP"), counterpart=viet_nam, preferred_day=DAY, level="experts"
    )
    requester, counterpart, day = france, viet_nam, DAY
    if case == "itself":
        counterpart = france
    elif case == "day before the conference":
        day = dt.date(2025, 10, 24)
    elif case == "other conference":
        counterpart = state(ConferenceFactory(), "DE")
    elif case == "withdrawn":
        viet_nam.status = "withdrawn"
        viet_nam.save()
    else:
        services.request_bilateral(france, counterpart=viet_nam, preferred_day=DAY, level="experts")
        if case == "already asked the other way":
            requester, counterpart = viet_nam, france
    before = BilateralMeeting.objects.count()
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(error):
        services.request_bilateral(
            requester, counterpart=counterpart, preferred_day=day, level="ministerial"
        )

    assert BilateralMeeting.objects.count() == before
    assert mail.outbox == []


def test_an_unknown_level_is_refused(conference):
    with pytest.raises(ValidationError) as refused:
        services.request_bilateral(
            state(conference, "FR"),
            counterpart=state(conference, "VN"),
            preferred_day=DAY,
            level="emperors",
        )

    assert list(refused.value.message_dict) == ["level"]
    assert BilateralMeeting.objects.count() == 0


def test_the_answer_tells_the_delegation_that_asked(conference, django_capture_on_commit_callbacks):
    france, viet_nam, japan = (
        state(conference, "FR", "fr"),
        state(conference, "VN"),
        state(conference, "JP"),
    )
    first = services.request_bilateral(
        france, counterpart=viet_nam, preferred_day=DAY, level="summit"
    )
    second = services.request_bilateral(
        france, counterpart=japan, preferred_day=DAY, level="experts"
    )

    with django_capture_on_commit_callbacks(execute=True):
        services.accept_bilateral(first, delegation=viet_nam)
        services.decline_bilateral(second, delegation=japan)

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.state, second.state) == ("accepted", "declined")
    assert first.answered_at is not None
    yes, no = mail.outbox[-2:]
    assert (yes.to, yes.subject) == (
        [france.focal_point_email],
        "Entretien bilatéral accepté : Viet Nam",
    )
    assert "une salle et un horaire où les deux chefs de délégation sont libres" in yes.body
    assert no.subject == "Entretien bilatéral décliné : Japon"


def test_only_the_delegation_asked_answers_and_only_once(conference):
    france, viet_nam = state(conference, "FR"), state(conference, "VN")
    meeting = services.request_bilateral(
        france, counterpart=viet_nam, preferred_day=DAY, level="summit"
    )

    with pytest.raises(NotBilateralParty):
        services.accept_bilateral(meeting, delegation=france)
    services.decline_bilateral(meeting, delegation=viet_nam)
    with pytest.raises(BilateralStateInvalid):
        services.accept_bilateral(meeting, delegation=viet_nam)

    meeting.refresh_from_db()
    assert meeting.state == "declined"


def test_after_a_decline_either_side_may_ask_again(conference):
    france, viet_nam = state(conference, "FR"), state(conference, "VN")
    meeting = services.request_bilateral(
        france, counterpart=viet_nam, preferred_day=DAY, level="summit"
    )
    services.decline_bilateral(meeting, delegation=viet_nam)

    again = services.request_bilateral(
        viet_nam, counterpart=france, preferred_day=DAY, level="summit"
    )

    assert again.state == "requested"


def test_the_database_keeps_one_open_meeting_per_pair(conference):
    france, viet_nam = state(conference, "FR"), state(conference, "VN")
    services.request_bilateral(france, counterpart=viet_nam, preferred_day=DAY, level="summit")

    with pytest.raises(IntegrityError), transaction.atomic():
        BilateralMeeting.objects.create(
            conference=conference,
            requester=viet_nam,
            counterpart=france,
            preferred_day=DAY,
            level="summit",
        )


# The scheduler


def test_meetings_are_placed_where_both_heads_are_free_and_both_sides_get_the_entry(
    conference, django_capture_on_commit_callbacks
):
    bilateral_room(conference)
    france, viet_nam = state(conference, "FR", "fr"), state(conference, "VN", "vi")
    busy(france, at(9), at(10), "plenary")  # the French head chairs it
    roundtable = services.publish_session(
        SessionFactory(conference=conference, slug="rt", starts_at=at(10), ends_at=at(10, 30))
    )
    Place.objects.create(session=roundtable, delegate=head(viet_nam), state="confirmed")
    meeting = accepted(france, viet_nam)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        result = schedule(conference)

    assert (result.placed, result.unplaced) == ([meeting], [])
    assert slot_of(meeting) == ("scheduled", "Bilateral Room 1", at(10, 30))
    assert meeting.ends_at == at(11)
    to_france, to_viet_nam = mail.outbox
    assert (to_france.to, to_france.subject) == (
        [france.focal_point_email],
        "Entretien bilatéral confirmé : Viet Nam",
    )
    assert "le 25 octobre 2025, de 10:30 à 11:00 (Asia/Ho_Chi_Minh)" in to_france.body
    assert to_viet_nam.subject == "Xác nhận cuộc gặp song phương: Pháp"
    entry = ics_of(to_france)
    assert "DTSTART;TZID=Asia/Ho_Chi_Minh:20251025T103000" in entry
    assert "SEQUENCE:1" in entry
    assert f"UID:bilateral-{meeting.pk}@{conference.slug}" in entry
    assert "LOCATION:Bilateral Room 1" in entry


def test_gala_dinners_and_other_meetings_keep_the_heads_busy(conference):
    bilateral_room(conference)
    bilateral_room(conference, "Bilateral Room 2")
    france, viet_nam, japan = (
        state(conference, "FR"),
        state(conference, "VN"),
        state(conference, "JP"),
    )
    gala = services.publish_session(
        SessionFactory(
            conference=conference,
            kind="gala_dinner",
            slug="gala",
            starts_at=at(9),
            ends_at=at(10),
        )
    )
    services.answer_gala_dinner(gala, delegate=head(japan), attending=True)
    first = accepted(france, viet_nam)
    second = accepted(japan, france)

    schedule(conference)

    # Two rooms are free at 9:00, but Japan dines and France is already in a meeting.
    assert slot_of(first)[2] == at(9)
    assert slot_of(second)[2] == at(10)


def test_the_search_succeeds_where_greedy_in_request_order_fails(conference):
    """One room, two slots (9:00 and 9:30). The first request could take either; the second
    only 9:00, because the Japanese head chairs a session at 9:30. Giving each request in turn
    its first free slot places the first at 9:00 and leaves the second without a slot."""
    bilateral_room(conference)
    france, viet_nam, japan, chile = (state(conference, code) for code in ("FR", "VN", "JP", "CL"))
    busy(japan, at(9, 30), at(10), "press")
    first = accepted(france, viet_nam)
    second = accepted(japan, chile)
    slots = [(at(9), at(9, 30)), (at(9, 30), at(10))]
    requests = [
        Request(key=1, sides=frozenset("AB"), slots=(0, 1), order=0),
        Request(key=2, sides=frozenset("CD"), slots=(0,), order=1),
    ]
    assert _greedy(requests, {0: 1, 1: 1}) == {1: 0}  # the naive way fails the second

    result = schedule(conference, day_starts=dt.time(9), day_ends=dt.time(10))

    assert result.unplaced == []
    assert (slot_of(first)[2], slot_of(second)[2]) == (slots[1][0], slots[0][0])


def test_what_cannot_all_be_placed_places_the_most_and_the_rest_stays_accepted(conference):
    bilateral_room(conference)
    bilateral_room(conference, "Bilateral Room 2")
    france, viet_nam, japan, chile = (state(conference, code) for code in ("FR", "VN", "JP", "CL"))
    # France is asked for three meetings and has two free slots.
    meetings = [accepted(france, viet_nam), accepted(japan, france), accepted(chile, france)]

    result = schedule(conference, day_starts=dt.time(9), day_ends=dt.time(10))

    assert (len(result.placed), len(result.unplaced)) == (2, 1)
    states = sorted(slot_of(meeting)[0] for meeting in meetings)
    assert states == ["accepted", "scheduled", "scheduled"]
    times = {slot_of(meeting)[2] for meeting in result.placed}
    assert times == {at(9), at(9, 30)}


def test_rooms_are_never_double_booked_and_sessions_in_them_count(conference):
    room = bilateral_room(conference)
    # The only bilateral room holds a published briefing from 9:00 to 10:00.
    services.publish_session(
        SessionFactory(
            conference=conference, room=room, slug="briefing", starts_at=at(9), ends_at=at(10)
        )
    )
    pairs = [("FR", "VN"), ("JP", "CL"), ("DE", "BR")]
    meetings = [accepted(state(conference, a), state(conference, b)) for a, b in pairs]

    result = schedule(conference, day_starts=dt.time(9), day_ends=dt.time(11))

    assert len(result.placed) == 2
    assert sorted(slot_of(m)[2] for m in result.placed) == [at(10), at(10, 30)]
    assert len(result.unplaced) == 1
    assert len(meetings) == 3


def test_the_preferred_day_comes_first_and_no_slot_is_in_the_past():
    conference = ConferenceFactory(start_date=DAY, end_date=dt.date(2025, 10, 26))
    bilateral_room(conference)
    day_two = dt.date(2025, 10, 26)
    wants_day_two = accepted(state(conference, "FR"), state(conference, "VN"), day=day_two)
    wants_day_one = accepted(state(conference, "JP"), state(conference, "CL"), day=DAY)

    services.schedule_bilaterals(
        conference,
        day_starts=dt.time(9),
        day_ends=dt.time(12),
        not_before=at(10, 15),
    )

    assert slot_of(wants_day_two)[2] == at(9, day=day_two)
    assert slot_of(wants_day_one)[2] == at(10, 30)


def test_scheduling_twice_changes_nothing_and_sends_nothing(
    conference, django_capture_on_commit_callbacks
):
    bilateral_room(conference)
    meeting = accepted(state(conference, "FR"), state(conference, "VN"))
    schedule(conference)
    placed = slot_of(meeting)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        result = schedule(conference)

    assert result.placed == result.unplaced == []
    assert slot_of(meeting) == placed
    assert mail.outbox == []


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


def test_the_search_places_as_many_as_brute_force_on_random_cases():
    rng = random.Random(2025)
    for _ in range(150):
        slots = rng.randint(1, 4)
        free_rooms = {slot: rng.randint(1, 2) for slot in range(slots)}
        sides = "ABCDEF"[: rng.randint(2, 6)]
        requests = [
            Request(
                key=key,
                sides=frozenset(rng.sample(sides, 2)),
                slots=tuple(sorted(rng.sample(range(slots), rng.randint(0, slots)))),
                order=key,
            )
            for key in range(rng.randint(1, 6))
        ]

        chosen = place(requests, free_rooms)

        assert len(chosen) == _most_by_brute_force(requests, free_rooms)
        by_key = {request.key: request for request in requests}
        for slot in set(chosen.values()):
            here = [by_key[key] for key, s in chosen.items() if s == slot]
            assert len(here) <= free_rooms[slot]
            assert sum(len(r.sides) for r in here) == len(
                frozenset().union(*(r.sides for r in here))
            )
        assert all(chosen[key] in by_key[key].slots for key in chosen)


# Moves and cancellations


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
    assert "est annulé par la délégation « France »" in to_viet_nam.body
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


# The console


def test_the_console_answers_schedules_and_reports_errors_as_messages(
    admin_client, conference, time_machine
):
    time_machine.move_to(BEFORE)
    bilateral_room(conference)
    france, viet_nam, japan = (state(conference, code) for code in ("FR", "VN", "JP"))
    asked = services.request_bilateral(
        france, counterpart=viet_nam, preferred_day=DAY, level="summit"
    )
    declined = services.request_bilateral(
        japan, counterpart=viet_nam, preferred_day=DAY, level="summit"
    )
    services.decline_bilateral(declined)
    changelist = reverse("admin:programme_bilateralmeeting_changelist")

    response = admin_client.post(
        changelist,
        {"action": "accept_selected", "_selected_action": [asked.pk, declined.pk]},
        follow=True,
    )

    texts = [str(m) for m in response.context["messages"]]
    assert f"{declined}: This request has already been answered or withdrawn." in texts
    assert "1 meetings accepted." in texts
    asked.refresh_from_db()
    assert asked.state == "accepted"

    response = admin_client.post(
        changelist, {"action": "schedule_accepted", "_selected_action": [asked.pk]}, follow=True
    )

    assert f"{conference}: 1 meetings placed; both sides are told." in [
        str(m) for m in response.context["messages"]
    ]
    asked.refresh_from_db()
    assert (asked.state, asked.starts_at) == ("scheduled", at(8))


def test_the_console_refuses_a_move_onto_a_busy_head_as_a_form_error(admin_client, conference):
    room = bilateral_room(conference)
    france, viet_nam = state(conference, "FR"), state(conference, "VN")
    busy(france, at(9), at(10), "plenary")
    meeting = accepted(france, viet_nam)
    url = reverse("admin:programme_bilateralmeeting_change", args=[meeting.pk])

    response = admin_client.post(
        url,
        {
            "room": room.pk,
            "starts_at_0": "2025-10-25",
            "starts_at_1": "02:00",  # 9:00 in Hanoi: the console works in UTC
            "ends_at_0": "2025-10-25",
            "ends_at_1": "02:30",
        },
    )

    assert response.status_code == 200
    assert "The head of delegation of France is busy at that time" in str(
        response.context["adminform"].form.non_field_errors()
    )
    meeting.refresh_from_db()
    assert (meeting.state, meeting.room) == ("accepted", None)


# The demo


def test_the_demo_makes_meetings_and_booths_through_the_services_once():
    conference = ConferenceFactory(slug="hanoi2025", host_country="VN")
    bilateral_room(conference)
    bilateral_room(conference, "Bilateral Room 2")
    hall = RoomFactory(
        venue=conference.venue, kind=Room.Kind.EXHIBITION_HALL, name="Exhibition Hall"
    )
    services.publish_session(
        SessionFactory(
            conference=conference,
            kind="exhibition",
            slug="exhibition",
            room=hall,
            starts_at=at(8),
            ends_at=at(18),
        )
    )
    for code in ("VN", "AU", "FR", "GB", "JP", "KH", "BR", "ZA", "CL", "PT"):
        state(conference, code)
    for acronym, kind in (("UNODC", "un_entity"), ("VIETTEL", "private_sector")):
        DelegationFactory(
            conference=conference, kind=kind, country="", name=acronym, acronym=acronym
        )

    install_bilaterals_and_booths(conference)

    meetings = BilateralMeeting.objects.filter(conference=conference)
    assert sorted(meetings.values_list("state", flat=True)) == [
        "accepted",
        "requested",
        "scheduled",
        "scheduled",
        "scheduled",
        "scheduled",
    ]
    for meeting in meetings.filter(state="scheduled"):
        assert meeting.room.kind == Room.Kind.BILATERAL_ROOM
    booths = Booth.objects.filter(conference=conference)
    assert booths.count() == 24
    allocated = booths.filter(state="allocated").order_by("code")
    assert [(b.code, b.exhibitor.display_name) for b in allocated] == [
        ("C01", "Viet Nam"),
        ("C02", "UNODC"),
        ("C03", "VIETTEL"),
    ]
    assert Exhibitor.objects.filter(delegation__conference=conference).count() == 3
    messages = OutboundMessage.objects.count()

    again = install_bilaterals_and_booths(conference)

    assert again == {"bilateral meetings": 0, "booths": 0, "exhibitors": 0, "booths allocated": 0}
    assert OutboundMessage.objects.count() == messages


def test_a_scheduled_meeting_is_in_each_heads_personal_agenda_only(conference):
    bilateral_room(conference)
    france, kenya = state(conference, "FR"), state(conference, "KE")
    member = DelegateFactory(delegation=france, role="member")
    meeting = accepted(france, kenya)
    schedule(conference)

    french_head = personal_calendar(head(france)).decode()
    kenyan_head = personal_calendar(head(kenya)).decode()
    french_member = personal_calendar(member).decode()

    meeting.refresh_from_db()
    uid = f"UID:bilateral-{meeting.pk}@{conference.slug}"
    assert uid in french_head
    assert "Bilateral meeting with Kenya" in french_head
    assert uid in kenyan_head
    assert "Bilateral meeting with France" in kenyan_head
    assert uid not in french_member
