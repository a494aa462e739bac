import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from conference.models import Conference, Room
from tests.factories import ConferenceFactory, RoomFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("slug", ["hanoi2025", "cop1", "vienna2026"])
def test_conference_slug_accepts_lowercase_letters_and_digits(slug):
    ConferenceFactory.build(slug=slug, venue=RoomFactory().venue).full_clean()


@pytest.mark.parametrize("slug", ["hanoi-2025", "Hanoi2025", "abc", "hanoi_2025", "hà2025"])
def test_conference_slug_refuses_what_frab_cannot_take_as_an_acronym(slug):
    conference = ConferenceFactory.build(slug=slug, venue=RoomFactory().venue)

    with pytest.raises(ValidationError) as excinfo:
        conference.full_clean()

    assert list(excinfo.value.message_dict) == ["slug"]


def test_conference_slug_rule_is_held_by_the_database_too():
    conference = ConferenceFactory()

    with pytest.raises(IntegrityError):
        Conference.objects.filter(pk=conference.pk).update(slug="hanoi-2025")


def test_conference_timezone_must_be_an_iana_name():
    conference = ConferenceFactory.build(timezone="Indochina Time", venue=RoomFactory().venue)

    with pytest.raises(ValidationError) as excinfo:
        conference.full_clean()

    assert excinfo.value.message_dict == {
        "timezone": ["Indochina Time is not an IANA timezone name (for example Asia/Ho_Chi_Minh)."]
    }


def test_conference_cannot_end_before_it_starts():
    conference = ConferenceFactory()

    with pytest.raises(IntegrityError):
        Conference.objects.filter(pk=conference.pk).update(start_date="2025-10-27")


def test_room_capacity_cannot_be_negative():
    room = RoomFactory()

    with pytest.raises(IntegrityError):
        Room.objects.filter(pk=room.pk).update(capacity=-1)


def test_conference_local_datetime_is_in_the_conference_timezone():
    conference = ConferenceFactory()

    opening = conference.local_datetime(conference.start_date, dt.time(9, 0))

    assert opening.isoformat() == "2025-10-25T09:00:00+07:00"
