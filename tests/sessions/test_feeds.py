"""The public feeds: formats valid against their schemas, content, filters, caching."""

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest
from django.core.cache import cache
from icalendar import Calendar
from lxml import etree

from sessions import services
from sessions.feeds import cache as feed_cache
from sessions.models import Session, SessionPerson
from tests.factories import HANOI, ConferenceFactory, DelegateFactory, RoomFactory, SessionFactory

pytestmark = pytest.mark.django_db

SCHEMAS = Path(__file__).parent / "schemas" / "frab"


def at(day, hour, minute=0):
    return dt.datetime(2025, 10, day, hour, minute, tzinfo=HANOI)


@pytest.fixture
def programme():
    conference = ConferenceFactory(slug="hanoi2025", name="Hanoi Convention")
    hall = RoomFactory(venue=conference.venue, name="Main Hall", interpretation_booths=15)
    r339 = RoomFactory(venue=conference.venue, name="R339")
    opening = services.publish_session(
        SessionFactory(
            conference=conference,
            room=hall,
            slug="opening",
            kind="opening",
            title="Opening session",
            translations={"fr": {"title": "Séance d'ouverture"}},
            starts_at=at(25, 9),
            ends_at=at(25, 10),
            languages=["en", "fr", "vi"],
        )
    )
    roundtable = services.publish_session(
        SessionFactory(
            conference=conference,
            room=r339,
            slug="roundtable-2",
            kind="roundtable",
            title="Roundtable 2",
            starts_at=at(26, 11, 15),
            ends_at=at(26, 12),
            languages=["en"],
        )
    )
    SessionFactory(conference=conference, room=r339, slug="draft", title="Not yet public")
    speaker = DelegateFactory(
        delegation__conference=conference,
        given_names="Alex",
        family_name="EXAMPLE",
        function="Minister",
        email="private@example.org",
    )
    SessionPerson.objects.create(session=opening, role="speaker", delegate=speaker)
    SessionPerson.objects.create(session=opening, role="chair", name="Ghada Waly", function="UNODC")
    services.release_schedule(conference)
    return conference, opening, roundtable


def _get(client, path, **headers):
    return client.get(f"/api/v1/conferences/hanoi2025/{path}", **headers)


def test_json_feed_lists_days_then_sessions_with_offsets_and_public_people(client, programme):
    response = _get(client, "schedule/")

    assert response.status_code == 200
    document = response.json()
    assert [day["date"] for day in document["days"]] == ["2025-10-25", "2025-10-26"]
    opening = document["days"][0]["sessions"][0]
    assert opening["title"] == "Opening session"
    assert opening["starts_at"] == "2025-10-25T09:00:00+07:00"
    assert opening["ends_at"] == "2025-10-25T10:00:00+07:00"
    assert opening["timezone"] == "Asia/Ho_Chi_Minh"
    assert opening["room"]["name"] == "Main Hall"
    assert opening["speakers"] == [{"name": "Alex EXAMPLE", "function": "Minister"}]
    assert opening["chairs"] == [{"name": "Ghada Waly", "function": "UNODC"}]
    assert opening["state"] == "published"
    assert "private@example.org" not in response.content.decode()
    assert "Not yet public" not in response.content.decode()


def test_json_feed_speaks_the_language_asked(client, programme):
    by_parameter = _get(client, "schedule/?lang=fr").json()
    by_header = _get(client, "schedule/", HTTP_ACCEPT_LANGUAGE="fr").json()

    for document in (by_parameter, by_header):
        assert document["days"][0]["sessions"][0]["title"] == "Séance d'ouverture"
        # No French title: the original stays.
        assert document["days"][1]["sessions"][0]["title"] == "Roundtable 2"


@pytest.mark.parametrize(
    ("query", "slugs"),
    [
        ("day=2025-10-26", ["roundtable-2"]),
        ("kind=opening", ["opening"]),
        ("language=vi", ["opening"]),
        ("", ["opening", "roundtable-2"]),
    ],
)
def test_json_feed_filters(client, programme, query, slugs):
    document = _get(client, f"schedule/?{query}").json()

    assert [s["slug"] for day in document["days"] for s in day["sessions"]] == slugs


def test_json_feed_filters_by_room(client, programme):
    _, _, roundtable = programme
    document = _get(client, f"schedule/?room={roundtable.room_id}").json()

    assert [s["slug"] for day in document["days"] for s in day["sessions"]] == ["roundtable-2"]


def test_a_bad_filter_is_a_clear_400(client, programme):
    response = _get(client, "schedule/?day=26-10-2025&kind=banquet")

    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert set(error["details"]) == {"day", "kind"}


def test_feeds_of_an_unknown_or_unreleased_conference_are_404(client):
    ConferenceFactory(slug="vienna2026")
    for slug in ("vienna2026", "nowhere"):
        response = client.get(f"/api/v1/conferences/{slug}/schedule/")
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "no_release"


def test_frab_xml_is_valid_against_the_schema(client, programme):
    response = _get(client, "schedule.xml")
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "schedule.xml.xsd")))

    document = etree.fromstring(response.content)

    assert schema.validate(document), schema.error_log
    assert document.findtext("conference/acronym") == "hanoi2025"
    events = document.findall("day/room/event")
    assert [e.findtext("type") for e in events] == ["opening", "roundtable"]
    assert events[0].findtext("date") == "2025-10-25T09:00:00+07:00"
    assert events[1].findtext("duration") == "00:45"


def test_frab_json_is_valid_against_the_schema(client, programme):
    schema = json.loads((SCHEMAS / "schedule.schema.json").read_text())
    document = _get(client, "schedule.json").json()

    validator = jsonschema.Draft6Validator(
        schema, format_checker=jsonschema.Draft6Validator.FORMAT_CHECKER
    )

    assert [error.message for error in validator.iter_errors(document)] == []
    assert document["schedule"]["conference"]["acronym"] == "hanoi2025"


def test_the_schema_check_sees_an_invalid_document():
    schema = json.loads((SCHEMAS / "schedule.schema.json").read_text())
    validator = jsonschema.Draft6Validator(
        schema, format_checker=jsonschema.Draft6Validator.FORMAT_CHECKER
    )
    bad = {"schedule": {"version": "v1", "conference": {"acronym": "Hanoi-2025"}}}

    assert list(validator.iter_errors(bad)) != []


def test_icalendar_has_stable_uids_the_timezone_and_a_growing_sequence(client, programme):
    conference, opening, roundtable = programme
    first = Calendar.from_ical(_get(client, "schedule.ics").content)
    services.reschedule_session(
        roundtable, starts_at=at(26, 14), ends_at=at(26, 14, 45), room=roundtable.room
    )
    services.cancel_session(opening)
    services.release_schedule(conference)

    second = Calendar.from_ical(_get(client, "schedule.ics").content)

    assert [tz["TZID"] for tz in second.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]
    events = {e["UID"]: e for e in second.walk("VEVENT")}
    assert set(events) == {e["UID"] for e in first.walk("VEVENT")}
    by_summary = {str(e["SUMMARY"]): e for e in events.values()}
    moved, cancelled = by_summary["Roundtable 2"], by_summary["Opening session"]
    assert moved["DTSTART"].params["TZID"] == "Asia/Ho_Chi_Minh"
    assert moved.decoded("DTSTART") == at(26, 14)
    assert (moved["SEQUENCE"], cancelled["SEQUENCE"]) == (1, 1)
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert str(moved["LOCATION"]) == f"R339, {conference.venue.name}"


def test_feeds_answer_304_to_a_conditional_get(client, programme):
    for path in ("schedule/", "schedule.xml", "schedule.json", "schedule.ics"):
        first = _get(client, path)
        assert first["Cache-Control"] == "public, max-age=60"
        again = _get(client, path, HTTP_IF_NONE_MATCH=first["ETag"])
        since = _get(client, path, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
        assert (first.status_code, again.status_code, since.status_code) == (200, 304, 304)


def test_a_new_release_changes_the_etag(client, programme):
    conference, opening, _ = programme
    before = _get(client, "schedule/")["ETag"]
    services.cancel_session(opening)
    services.release_schedule(conference)

    after = _get(client, "schedule/", HTTP_IF_NONE_MATCH=before)

    assert after.status_code == 200
    assert after["ETag"] != before
    assert after.json()["days"][0]["sessions"][0]["state"] == "cancelled"


def test_the_draft_is_never_served(client, programme):
    _, _, roundtable = programme
    services.reschedule_session(
        roundtable, starts_at=at(26, 15), ends_at=at(26, 16), room=roundtable.room
    )

    document = _get(client, "schedule/").json()

    assert document["days"][1]["sessions"][0]["starts_at"] == "2025-10-26T11:15:00+07:00"


@pytest.mark.parametrize("size", [20, 2000])
def test_feed_queries_do_not_grow_with_the_sessions(client, size, django_assert_num_queries):
    conference = ConferenceFactory(slug="bigconf")
    rooms = [RoomFactory(venue=conference.venue) for _ in range(10)]
    sessions = []
    for n in range(size):  # each room holds back-to-back 5-minute sessions on both days
        start = at(25 + (n // 10) % 2, 8) + dt.timedelta(minutes=5 * (n // 20))
        sessions.append(
            SessionFactory.build(
                conference=conference,
                room=rooms[n % 10],
                slug=f"s{n}",
                state="published",
                starts_at=start,
                ends_at=start + dt.timedelta(minutes=5),
            )
        )
    Session.objects.bulk_create(sessions)
    services.release_schedule(conference)

    for path in ("schedule/", "schedule.xml", "schedule.json", "schedule.ics"):
        cache.clear()
        feed_cache.clear_local()
        with django_assert_num_queries(2):  # cold: the latest release, then its programme
            cold = client.get(f"/api/v1/conferences/bigconf/{path}")
        with django_assert_num_queries(0):  # warm: both come from the caches
            warm = client.get(f"/api/v1/conferences/bigconf/{path}")
        assert cold.content == warm.content
    assert sum(len(d["sessions"]) for d in cold_json(client)["days"]) == size


def cold_json(client):
    return client.get("/api/v1/conferences/bigconf/schedule/").json()
