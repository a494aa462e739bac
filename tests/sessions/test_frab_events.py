"""frab events complete, as frab readers take them: every element present (empty where unknown),
languages, chairs apart from speakers, organisations never as persons, states as fields."""

import datetime as dt
import json
from pathlib import Path
from xml.etree import ElementTree

import jsonschema
import pytest
from dateutil.parser import parse
from django.conf import settings
from lxml import etree

from sessions import services
from sessions.models import SessionPerson
from tests.factories import HANOI, ConferenceFactory, RoomFactory, SessionFactory

pytestmark = pytest.mark.django_db

# The project's copy, and the shared one beside the checkout (../shared, or ../../shared from a
# worktree) where it exists.
SCHEMA_FOLDERS = [Path(__file__).parent / "schemas" / "frab"] + [
    folder
    for folder in (
        Path(settings.BASE_DIR).parent / "shared" / "schemas" / "frab",
        Path(settings.BASE_DIR).parent.parent / "shared" / "schemas" / "frab",
    )
    if folder.is_dir()
]
# What frab readers (pretalx's importer, Giggity, ConfClerk, EventFahrplan) read of an event.
EVENT_ELEMENTS = [
    "room",
    "title",
    "subtitle",
    "type",
    "date",
    "start",
    "duration",
    "abstract",
    "slug",
    "track",
    "logo",
    "language",
    "description",
    "url",
    "persons",
    "recording",
    "links",
    "attachments",
]


def at(day, hour, minute=0):
    return dt.datetime(2025, 10, day, hour, minute, tzinfo=HANOI)


@pytest.fixture
def signing():
    conference = ConferenceFactory(slug="hanoi2025", name="Hanoi Convention")
    hall = RoomFactory(venue=conference.venue, name="Main Hall", interpretation_booths=6)
    ceremony = services.publish_session(
        SessionFactory(
            conference=conference,
            room=hall,
            slug="signing",
            kind="signing_ceremony",
            title="Opening for signature",
            description="",
            starts_at=at(25, 10, 15),
            ends_at=at(25, 12),
            languages=["en", "fr", "vi"],
        )
    )
    SessionPerson.objects.create(
        session=ceremony,
        role="chair",
        name="Office of Legal Affairs",
        function="for the Secretary-General",
        is_organisation=True,
    )
    SessionPerson.objects.create(session=ceremony, role="chair", name="Ghada Waly", function="")
    SessionPerson.objects.create(
        session=ceremony, role="speaker", name="Luong Tam Quang", function="Minister"
    )
    roundtable = services.publish_session(
        SessionFactory(
            conference=conference,
            room=hall,
            slug="roundtable",
            kind="roundtable",
            title="Roundtable",
            starts_at=at(26, 14),
            ends_at=at(26, 14, 45),
            languages=["en"],
        )
    )
    services.release_schedule(conference)
    services.cancel_session(roundtable)
    services.release_schedule(conference)
    return conference


def _get(client, path, **headers):
    return client.get(f"/api/v1/conferences/hanoi2025/{path}", **headers)


def _events(client):
    return ElementTree.fromstring(_get(client, "schedule.xml").content).findall("day/room/event")


def test_every_frab_xml_event_has_every_element_readers_read(client, signing):
    events = _events(client)

    assert [[child.tag for child in event] for event in events] == [EVENT_ELEMENTS] * 2
    ceremony = events[0]
    assert (ceremony.findtext("subtitle"), ceremony.findtext("logo")) == ("", "")
    assert ceremony.find("links").findall("link") == []
    assert ceremony.find("attachments").findall("attachment") == []
    assert ceremony.findtext("recording/optout") == "false"


def test_frab_xml_and_json_are_valid_against_both_copies_of_the_schemas(client, signing):
    xml = etree.fromstring(_get(client, "schedule.xml").content)
    document = _get(client, "schedule.json").json()

    for folder in SCHEMA_FOLDERS:
        xsd = etree.XMLSchema(etree.parse(str(folder / "schedule.xml.xsd")))
        schema = json.loads((folder / "schedule.schema.json").read_text())
        validator = jsonschema.Draft6Validator(
            schema, format_checker=jsonschema.Draft6Validator.FORMAT_CHECKER
        )
        assert xsd.validate(xml), xsd.error_log
        assert [error.message for error in validator.iter_errors(document)] == []


def test_frab_tells_the_floor_language_chairs_and_interpretation_apart_from_persons(
    client, signing
):
    ceremony = _events(client)[0]

    assert ceremony.findtext("language") == "en"
    assert [p.text for p in ceremony.findall("persons/person")] == ["Luong Tam Quang"]
    assert ceremony.findtext("description") == (
        "Chair: Ghada Waly\n"
        "Organisations: Office of Legal Affairs (for the Secretary-General)\n"
        "Interpretation: fr, vi"
    )


def test_frab_json_events_carry_the_same_elements(client, signing):
    rooms = _get(client, "schedule.json").json()["schedule"]["conference"]["days"][0]["rooms"]
    event = rooms["Main Hall"][0]

    assert [p["name"] for p in event["persons"]] == ["Luong Tam Quang"]
    assert (event["language"], event["links"], event["attachments"]) == ("en", [], [])
    assert event["description"].endswith("Interpretation: fr, vi")


def test_frab_description_is_in_the_feed_language(client, signing):
    ceremony = ElementTree.fromstring(_get(client, "schedule.xml?lang=fr").content).find(
        "day/room/event"
    )

    assert ceremony.findtext("description").startswith("Présidence : Ghada Waly\n")


def test_a_cancelled_session_says_so_in_frab_and_as_fields_in_json(client, signing):
    roundtable = _events(client)[1]
    session = _get(client, "schedule/").json()["days"][1]["sessions"][0]

    assert roundtable.findtext("title") == "CANCELLED: Roundtable"
    assert roundtable.findtext("description") == "This session is cancelled."
    assert (session["title"], session["state"], session["cancelled"]) == (
        "Roundtable",
        "cancelled",
        True,
    )
    assert session["illustrative"] is False


def test_a_cancelled_title_is_marked_in_the_feed_language(client, signing):
    events = ElementTree.fromstring(_get(client, "schedule.xml?lang=fr").content).iter("event")

    assert [event.findtext("title") for event in events][1] == "ANNULÉ : Roundtable"


def test_the_json_feed_keeps_languages_chairs_and_organisations_apart(client, signing):
    session = _get(client, "schedule/").json()["days"][0]["sessions"][0]

    assert (session["language"], session["interpretation"]) == ("en", ["fr", "vi"])
    assert session["chairs"] == [{"name": "Ghada Waly", "function": ""}]
    assert session["speakers"] == [{"name": "Luong Tam Quang", "function": "Minister"}]
    assert session["organisations"] == [
        {
            "name": "Office of Legal Affairs",
            "function": "for the Secretary-General",
            "role": "chair",
        }
    ]


def test_the_xml_feed_answers_under_frabs_media_type_when_asked(client, signing):
    plain = _get(client, "schedule.xml")
    frab = _get(client, "schedule.xml", HTTP_ACCEPT="application/vnd.frab+xml")

    assert plain["Content-Type"] == "application/xml; charset=utf-8"
    assert frab["Content-Type"] == "application/vnd.frab+xml; charset=utf-8"
    assert frab.content == plain.content


def test_pretalx_frab_importer_reads_every_event(client, signing):
    """What pretalx's `process_frab` (schedule/utils.py, the release with import_schedule) reads
    of each event, read the same way: no element missing, times and speakers as published."""
    root = ElementTree.fromstring(_get(client, "schedule.xml").content)
    imported = []
    for day in root.findall("day"):
        for room in day.findall("room"):
            for talk in room.findall("event"):
                date = talk.find("date").text
                start = parse(date + " " + talk.find("start").text)
                hours, minutes = talk.find("duration").text.split(":")
                imported.append(
                    {
                        "room": room.attrib["name"],
                        "code": talk.attrib["id"],
                        "start": start,
                        "end": start + dt.timedelta(hours=int(hours), minutes=int(minutes)),
                        "type": talk.find("type").text,
                        "track": talk.find("track").text,
                        "optout": talk.find("recording").find("optout").text == "true",
                        "title": talk.find("title").text,
                        "subtitle": talk.find("subtitle").text,
                        "abstract": talk.find("abstract").text,
                        "description": talk.find("description").text,
                        "locale": talk.find("language").text or "en",
                        "speakers": [p.text for p in talk.find("persons").findall("person")],
                    }
                )
    assert root.find("version").text == "v2"

    assert [(i["start"], i["end"], i["speakers"]) for i in imported] == [
        (at(25, 10, 15), at(25, 12), ["Luong Tam Quang"]),
        (at(26, 14), at(26, 14, 45), []),
    ]
    assert [(i["type"], i["track"], i["locale"], i["optout"]) for i in imported] == [
        ("signing_ceremony", "signing_ceremony", "en", False),
        ("roundtable", "roundtable", "en", False),
    ]
