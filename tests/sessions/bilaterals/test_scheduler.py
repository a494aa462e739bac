"""Bilateral meetings: the scheduler."""

import datetime as dt
import random

import pytest
from django.core import mail

from sessions import services
from sessions.models import Place
from sessions.services.bilateral_solver import Request, place
from tests.factories import (
    ConferenceFactory,
    SessionFactory,
)
from tests.sessions.bilaterals.support import (
    DAY,
    _greedy,
    _most_by_brute_force,
    accepted,
    at,
    bilateral_room,
    busy,
    head,
    ics_of,
    schedule,
    slot_of,
    state,
)

pytestmark = pytest.mark.django_db


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
    assert "le 25 octobre 2025, de 10:30 à 11:00 (heure de Hanoi, UTC+7)" in to_france.body
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
