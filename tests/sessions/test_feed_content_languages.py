"""The feeds name the conference, the rooms and the venue in the language asked (`?lang=`),
falling back to the conference's languages, and stay valid: frab's <conference><title> and
<room name>, the iCalendar's X-WR-CALNAME and LOCATION ("room, venue"), the JSON feed's
conference name, venue and room. (frab's schema has no element for the venue: the frab feeds
name the rooms only.)"""

from pathlib import Path

import pytest
from icalendar import Calendar
from lxml import etree

from conference.models import Conference
from sessions import services
from tests.factories import ConferenceFactory, RoomFactory, SessionFactory
from tests.sessions.test_feeds import _get, at

pytestmark = pytest.mark.django_db

SCHEMAS = Path(__file__).parent / "schemas" / "frab"
NAME = {
    "fr": "Cérémonie de signature de la Convention de Hanoï",
    "ar": "حفل التوقيع على اتفاقية هانوي",
}
HALL = {"fr": "Salle principale", "ar": "القاعة الرئيسية"}
VENUE = {
    "fr": "Centre national des congrès",
    "ar": "المركز الوطني للمؤتمرات",
    "zh-hans": "国家会议中心",
}


@pytest.fixture
def programme():
    conference = ConferenceFactory(
        slug="hanoi2025",
        name="Hanoi Convention signing",
        languages=["en", "fr"],
        translations={code: {"name": name} for code, name in NAME.items()},
        venue__name="National Convention Center",
        venue__translations={code: {"name": name} for code, name in VENUE.items()},
    )
    hall = RoomFactory(
        venue=conference.venue,
        name="Main Hall",
        translations={code: {"name": name} for code, name in HALL.items()},
    )
    services.publish_session(
        SessionFactory(conference=conference, room=hall, starts_at=at(25, 9), ends_at=at(25, 10))
    )
    services.release_schedule(conference)
    return conference


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_frab_xml_names_the_conference_and_the_room_in_the_language_asked(
    client, programme, language
):
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "schedule.xml.xsd")))
    document = etree.fromstring(_get(client, f"schedule.xml?lang={language}").content)

    assert schema.validate(document), schema.error_log
    assert document.findtext("conference/title") == NAME[language]
    assert document.find("day/room").get("name") == HALL[language]
    assert document.findtext("day/room/event/room") == HALL[language]


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_icalendar_names_the_conference_and_the_room_in_the_language_asked(
    client, programme, language
):
    calendar = Calendar.from_ical(_get(client, f"schedule.ics?lang={language}").content)

    assert str(calendar["X-WR-CALNAME"]) == NAME[language]
    (event,) = calendar.walk("VEVENT")
    assert str(event["LOCATION"]) == f"{HALL[language]}, {VENUE[language]}"


def test_icalendar_names_the_venue_in_chinese_and_the_untranslated_room_as_typed(client, programme):
    # The room has no Chinese name: English (the name as typed) comes first in the conference's
    # languages; the venue has its own.
    calendar = Calendar.from_ical(_get(client, "schedule.ics?lang=zh-hans").content)

    (event,) = calendar.walk("VEVENT")
    assert str(event["LOCATION"]) == "Main Hall, 国家会议中心"


def test_icalendar_falls_back_to_the_conferences_first_language_for_the_venue(client, programme):
    Conference.objects.filter(pk=programme.pk).update(languages=["fr", "en"])

    calendar = Calendar.from_ical(_get(client, "schedule.ics?lang=ru").content)

    (event,) = calendar.walk("VEVENT")
    assert str(event["LOCATION"]) == "Salle principale, Centre national des congrès"


def test_json_feed_names_the_conference_and_the_room_in_the_language_asked(client, programme):
    document = _get(client, "schedule/?lang=ar").json()

    assert document["conference"]["name"] == NAME["ar"]
    assert document["conference"]["venue"] == VENUE["ar"]
    assert document["days"][0]["sessions"][0]["room"]["name"] == HALL["ar"]


def test_json_feed_names_the_venue_in_chinese(client, programme):
    document = _get(client, "schedule/?lang=zh-hans").json()

    assert document["conference"]["venue"] == "国家会议中心"


@pytest.mark.parametrize("language", ["ar", "zh-hans"])
def test_frab_xml_stays_valid_for_a_translated_venue(client, programme, language):
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "schedule.xml.xsd")))
    document = etree.fromstring(_get(client, f"schedule.xml?lang={language}").content)

    assert schema.validate(document), schema.error_log


def test_a_language_without_a_translation_falls_back_to_the_conferences(client, programme):
    # Russian is not translated: the conference's languages are English then French, and
    # English is the name as typed.
    document = etree.fromstring(_get(client, "schedule.xml?lang=ru").content)

    assert document.findtext("conference/title") == "Hanoi Convention signing"
    assert document.find("day/room").get("name") == "Main Hall"
    calendar = Calendar.from_ical(_get(client, "schedule.ics?lang=ru").content)
    (event,) = calendar.walk("VEVENT")
    assert str(event["LOCATION"]) == "Main Hall, National Convention Center"


def test_the_rooms_guid_is_the_same_in_every_language(client, programme):
    guids = {
        language: _get(client, f"schedule.json?lang={language}").json()["schedule"]["conference"][
            "rooms"
        ][0]["guid"]
        for language in ("en", "fr", "ar")
    }

    assert len(set(guids.values())) == 1
