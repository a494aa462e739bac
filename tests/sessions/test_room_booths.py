"""Lowering a room's interpretation booths re-checks the sessions to come in it: a room keeps
the booths its sessions need, whether it is edited on its own page or in its venue's rooms."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from conference import services as conference_services
from conference.models import Room
from sessions import services
from sessions.errors import RoomBoothsInUse
from tests.factories import HANOI, ConferenceFactory, RoomFactory

pytestmark = pytest.mark.django_db

UN_SIX = ["ar", "zh", "en", "es", "fr", "ru"]
# Three weeks before the Hanoi conference: its sessions are still to come.
BEFORE = dt.datetime(2025, 10, 4, 9, 0, tzinfo=HANOI)
AFTER = dt.datetime(2026, 12, 4, 9, 0, tzinfo=HANOI)


def at(hour, day=25):
    return dt.datetime(2025, 10, day, hour, 0, tzinfo=HANOI)


@pytest.fixture
def hall():
    conference = ConferenceFactory(languages=["en", "fr", "vi"])
    hall = RoomFactory(venue=conference.venue, name="Hall 3", interpretation_booths=6)
    services.create_session(
        conference,
        slug="debate",
        kind="high_level_debate",
        title="High-level debate 1",
        room=hall,
        starts_at=at(9),
        ends_at=at(10),
        languages=UN_SIX,
    )
    services.create_session(
        conference,
        slug="roundtable",
        kind="roundtable",
        title="Roundtable 2",
        room=hall,
        starts_at=at(11),
        ends_at=at(12),
        languages=["en", "vi"],
    )
    return hall


def _lower(room, booths):
    room.interpretation_booths = booths
    return conference_services.save_room(room)


@time_machine.travel(BEFORE)
def test_lowering_booths_below_a_session_to_come_is_refused_naming_it(hall):
    with pytest.raises(RoomBoothsInUse) as refused:
        _lower(hall, 4)

    assert refused.value.message == (
        "Hall 3 cannot have only 4 interpretation booths: these sessions to come in it need "
        "more: High-level debate 1 (6 languages). Move them to another room or change their "
        "languages first."
    )
    assert Room.objects.get(pk=hall.pk).interpretation_booths == 6


@time_machine.travel(BEFORE)
def test_lowering_booths_below_every_session_names_them_all(hall):
    with pytest.raises(RoomBoothsInUse) as refused:
        _lower(hall, 0)

    assert refused.value.context["sessions"] == [
        "High-level debate 1 (6 languages)",
        "Roundtable 2 (2 languages)",
    ]


@time_machine.travel(BEFORE)
def test_lowering_booths_to_what_the_sessions_still_need_is_saved(hall):
    _lower(hall, 6)
    hall.name = "Hall Three"

    conference_services.save_room(hall)

    assert Room.objects.get(pk=hall.pk).name == "Hall Three"


@time_machine.travel(BEFORE)
def test_a_cancelled_session_does_not_hold_the_booths(hall):
    services.cancel_session(hall.sessions.get(slug="debate"))

    _lower(hall, 2)

    assert Room.objects.get(pk=hall.pk).interpretation_booths == 2


@time_machine.travel(AFTER)
def test_sessions_already_held_do_not_hold_the_booths(hall):
    _lower(hall, 0)

    assert Room.objects.get(pk=hall.pk).interpretation_booths == 0


@time_machine.travel(BEFORE)
def test_the_room_page_shows_the_refusal_on_the_booths_and_saves_nothing(hall, admin_client):
    response = admin_client.post(
        reverse("admin:conference_room_change", args=[hall.pk]),
        {
            "venue": hall.venue_id,
            "name": "Hall 3",
            "kind": hall.kind,
            "capacity": hall.capacity,
            "interpretation_booths": "4",
            "access_zone": "",
        },
    )

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "High-level debate 1 (6 languages)" in errors["interpretation_booths"][0]
    assert Room.objects.get(pk=hall.pk).interpretation_booths == 6


@time_machine.travel(BEFORE)
def test_the_venues_rooms_refuse_the_same_change(hall, admin_client):
    venue = hall.venue
    rooms = list(venue.rooms.order_by("pk"))
    data = {
        "name": venue.name,
        "city": venue.city,
        "country": venue.country,
        "access_zones-TOTAL_FORMS": "0",
        "access_zones-INITIAL_FORMS": "0",
        "rooms-TOTAL_FORMS": str(len(rooms)),
        "rooms-INITIAL_FORMS": str(len(rooms)),
    }
    for index, room in enumerate(rooms):
        data |= {
            f"rooms-{index}-id": room.pk,
            f"rooms-{index}-venue": venue.pk,
            f"rooms-{index}-name": room.name,
            f"rooms-{index}-kind": room.kind,
            f"rooms-{index}-capacity": room.capacity,
            f"rooms-{index}-interpretation_booths": 1
            if room == hall
            else room.interpretation_booths,
            f"rooms-{index}-access_zone": room.access_zone_id or "",
        }

    response = admin_client.post(reverse("admin:conference_venue_change", args=[venue.pk]), data)

    assert response.status_code == 200
    assert "cannot have only 1 interpretation booths" in response.content.decode()
    assert Room.objects.get(pk=hall.pk).interpretation_booths == 6
