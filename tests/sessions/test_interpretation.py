"""Interpretation: a room holds only the sessions its booths can interpret, and the language
services read each day's plan (sessions x languages) on screen and as CSV."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse

from sessions import services
from sessions.errors import TooFewBooths
from sessions.interpretation import interpretation_plan
from sessions.models import Session
from tests.console import sign_in_to_console
from tests.factories import HANOI, ConferenceFactory, RoomFactory, SessionFactory

pytestmark = pytest.mark.django_db

UN_SIX = ["ar", "zh", "en", "es", "fr", "ru"]


def at(hour, minute=0, day=25):
    return dt.datetime(2025, 10, day, hour, minute, tzinfo=HANOI)


@pytest.fixture
def conference():
    return ConferenceFactory(languages=["en", "fr", "vi"])


def _create(conference, room, languages, slug="debate", start=9):
    return services.create_session(
        conference,
        slug=slug,
        kind="high_level_debate",
        title=slug,
        room=room,
        starts_at=at(start),
        ends_at=at(start + 1),
        languages=languages,
    )


def test_a_session_in_six_languages_cannot_be_placed_in_a_room_with_four_booths(conference):
    hall = RoomFactory(venue=conference.venue, name="Hall 3", interpretation_booths=4)

    with pytest.raises(TooFewBooths) as refused:
        _create(conference, hall, UN_SIX)

    assert refused.value.message == (
        "Hall 3 has 4 interpretation booths; the session's 6 languages need 6."
    )
    assert not Session.objects.exists()


def test_a_session_in_six_languages_fits_a_room_with_six_booths(conference):
    hall = RoomFactory(venue=conference.venue, interpretation_booths=6)

    session = _create(conference, hall, UN_SIX)

    assert session.room == hall


def test_a_session_in_one_language_needs_no_booth(conference):
    room = RoomFactory(venue=conference.venue, interpretation_booths=0)

    assert _create(conference, room, ["en"]).languages == ["en"]
    assert services.interpretation_booths_needed(["en", "en"]) == 0
    assert services.interpretation_booths_needed(["en", "vi"]) == 2


def test_moving_a_session_to_a_room_with_too_few_booths_is_refused_and_changes_nothing(
    conference,
):
    main_hall = RoomFactory(venue=conference.venue, interpretation_booths=15)
    small = RoomFactory(venue=conference.venue, interpretation_booths=2)
    session = _create(conference, main_hall, UN_SIX)

    with pytest.raises(TooFewBooths):
        services.reschedule_session(session, starts_at=at(14), ends_at=at(15), room=small)

    session.refresh_from_db()
    assert (session.room, session.starts_at) == (main_hall, at(9))


def test_publishing_a_draft_whose_room_lost_booths_is_refused(conference):
    hall = RoomFactory(venue=conference.venue, interpretation_booths=6)
    session = _create(conference, hall, UN_SIX)
    hall.interpretation_booths = 4
    hall.save()
    session.refresh_from_db()

    with pytest.raises(TooFewBooths):
        services.publish_session(session)

    assert Session.objects.get().state == "draft"


def test_the_days_plan_lists_sessions_by_time_with_their_languages(conference):
    hall = RoomFactory(venue=conference.venue, name="Main Hall", interpretation_booths=15)
    r339 = RoomFactory(venue=conference.venue, name="R339", interpretation_booths=2)
    _create(conference, hall, [*UN_SIX, "vi"], slug="opening", start=9)
    _create(conference, r339, ["en", "vi"], slug="roundtable", start=14)
    _create(conference, r339, ["en"], slug="english-only", start=11)
    cancelled = {"state": "cancelled", "starts_at": at(16), "ends_at": at(17)}
    SessionFactory(conference=conference, room=hall, languages=UN_SIX, **cancelled)
    next_day = {"starts_at": at(9, day=26), "ends_at": at(10, day=26)}
    SessionFactory(conference=conference, room=hall, languages=UN_SIX, **next_day)

    plan = interpretation_plan(conference, dt.date(2025, 10, 25))

    assert [row.session.slug for row in plan.rows] == ["opening", "english-only", "roundtable"]
    assert plan.languages == ["en", "fr", "vi", "ar", "es", "ru", "zh"]
    assert [row.booths_needed for row in plan.rows] == [7, 0, 2]
    minutes = plan.minutes_per_language()
    assert minutes == {"en": 120, "fr": 60, "vi": 120, "ar": 60, "es": 60, "ru": 60, "zh": 60}


def test_the_language_services_read_the_plan_and_download_it_as_csv(conference):
    hall = RoomFactory(venue=conference.venue, name="Main Hall", interpretation_booths=15)
    _create(conference, hall, ["en", "fr"], slug="opening")
    user = User.objects.create_user("interpreters", is_staff=True)
    user.groups.add(Group.objects.get(name="Language services"))
    client = sign_in_to_console(Client(), user)
    url = reverse("admin:programme_session_interpretation")
    query = {"conference": conference.pk, "day": "2025-10-25"}

    page = client.get(url, query)
    csv = client.get(url, {**query, "format": "csv"})
    refused = sign_in_to_console(Client(), User.objects.create_user("x", is_staff=True)).get(
        url, query
    )

    assert page.status_code == 200
    assert "opening" in page.content.decode()
    assert csv["Content-Type"] == "text/csv; charset=utf-8"
    assert csv.content.decode().splitlines() == [
        "Starts,Ends,Session,Room,Booths in the room,Booths needed,en,fr,vi",
        "09:00,10:00,opening,Main Hall,15,2,x,x,",
    ]
    assert refused.status_code == 403


def test_the_session_form_refuses_languages_the_room_cannot_interpret(conference, admin_client):
    hall = RoomFactory(venue=conference.venue, name="Hall 3", interpretation_booths=4)
    session = _create(conference, hall, ["en", "fr"])

    response = admin_client.post(
        reverse("admin:programme_session_change", args=[session.pk]),
        {
            "conference": conference.pk,
            "slug": session.slug,
            "kind": session.kind,
            "title": session.title,
            "translations": "{}",
            "room": hall.pk,
            "starts_at_0": "2025-10-25",
            "starts_at_1": "09:00",
            "ends_at_0": "2025-10-25",
            "ends_at_1": "10:00",
            "access": "open",
            "languages": '["ar", "zh", "en", "es", "fr", "ru"]',
            "people-TOTAL_FORMS": "0",
            "people-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 200
    assert "Hall 3 has 4 interpretation booths" in response.content.decode()
    session.refresh_from_db()
    assert session.languages == ["en", "fr"]
