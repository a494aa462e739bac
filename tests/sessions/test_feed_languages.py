"""The public feeds in each language of the site: `?lang=` or Accept-Language chooses the titles
(the session's translation, else its original) and the fixed strings the feed writes (frab's
"Chair:" and "Interpretation:" lines), and every document stays valid in every language."""

import json
from pathlib import Path

import jsonschema
import pytest
from django.conf import settings
from django.utils import translation
from icalendar import Calendar
from lxml import etree

from sessions import services
from sessions.models import SessionPerson
from tests.factories import ConferenceFactory, RoomFactory, SessionFactory
from tests.project.test_translations import TRANSLATED
from tests.sessions.test_feeds import _get, at

pytestmark = pytest.mark.django_db

SCHEMAS = Path(__file__).parent / "schemas" / "frab"
LANGUAGES = [code for code, _name in settings.LANGUAGES]
# The opening's title in each language but English (the Hanoi programme's own where it has one).
OPENING = {
    "ar": "الجلسة الافتتاحية",
    "zh-hans": "开幕会议",
    "es": "Sesión de apertura",
    "fr": "Séance d'ouverture",
    "ru": "Открытие конференции",
    "vi": "Phiên khai mạc",
}
CHAIR = "Ghada Waly (UNODC)"


@pytest.fixture
def programme():
    """An opening translated into every language, chaired and interpreted (so frab writes its
    fixed lines), and a roundtable translated into none."""
    conference = ConferenceFactory(slug="hanoi2025", name="Hanoi Convention")
    hall = RoomFactory(venue=conference.venue, name="Main Hall", interpretation_booths=15)
    opening = services.publish_session(
        SessionFactory(
            conference=conference,
            room=hall,
            slug="opening",
            kind="opening",
            title="Opening session",
            translations={code: {"title": title} for code, title in OPENING.items()},
            starts_at=at(25, 9),
            ends_at=at(25, 10),
            languages=["en", "fr", "vi"],
        )
    )
    services.publish_session(
        SessionFactory(
            conference=conference,
            room=hall,
            slug="roundtable-2",
            title="Roundtable 2",
            starts_at=at(26, 11),
            ends_at=at(26, 12),
            languages=["en"],
        )
    )
    SessionPerson.objects.create(session=opening, role="chair", name="Ghada Waly", function="UNODC")
    services.release_schedule(conference)
    return conference


def _fixed_lines(language):
    """The lines frab adds to the opening's description, as the language's catalogue words them."""
    with translation.override(language):
        return [
            translation.gettext("Chair: %(names)s") % {"names": CHAIR},
            # The languages joined as the reader's language joins a list ("fr، vi" in Arabic).
            translation.gettext("Interpretation: %(languages)s")
            % {"languages": translation.pgettext("list separator", ", ").join(["fr", "vi"])},
        ]


def _asked(client, path, language, way):
    if way == "parameter":
        response = _get(client, f"{path}?lang={language}", HTTP_ACCEPT_LANGUAGE="en")
    else:
        response = _get(client, path, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    assert response["Content-Language"] == language
    return response


def _title(language):
    return OPENING.get(language, "Opening session")


WAYS = ["parameter", "header"]


@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_json_schedule_in_each_language(client, programme, language, way):
    document = _asked(client, "schedule/", language, way).json()

    assert document["language"] == language
    opening, roundtable = (day["sessions"][0] for day in document["days"])
    assert opening["title"] == _title(language)
    assert roundtable["title"] == "Roundtable 2"  # no translation: the original


@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_frab_xml_in_each_language_is_valid_and_translated(client, programme, language, way):
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "schedule.xml.xsd")))
    document = etree.fromstring(_asked(client, "schedule.xml", language, way).content)

    assert schema.validate(document), schema.error_log
    opening = document.find("day/room/event")
    assert opening.findtext("title") == _title(language)
    description = opening.findtext("description")
    for line in _fixed_lines(language):
        assert line in description


@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_frab_json_in_each_language_is_valid_and_translated(client, programme, language, way):
    schema = json.loads((SCHEMAS / "schedule.schema.json").read_text())
    validator = jsonschema.Draft6Validator(
        schema, format_checker=jsonschema.Draft6Validator.FORMAT_CHECKER
    )
    document = _asked(client, "schedule.json", language, way).json()

    assert [error.message for error in validator.iter_errors(document)] == []
    day = document["schedule"]["conference"]["days"][0]
    (opening,) = (event for events in day["rooms"].values() for event in events)
    assert opening["title"] == _title(language)
    for line in _fixed_lines(language):
        assert line in opening["description"]


@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_icalendar_in_each_language_parses_with_the_titles_of_that_language(
    client, programme, language, way
):
    calendar = Calendar.from_ical(_asked(client, "schedule.ics", language, way).content)

    summaries = sorted(str(event["SUMMARY"]) for event in calendar.walk("VEVENT"))
    assert summaries == sorted([_title(language), "Roundtable 2"])


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_fixed_strings_of_each_language_are_its_own(language):
    # Every language is held complete by tests/project/test_translations.py, so each writes
    # frab's lines in its own words, not in English: the check above compares real translations.
    assert not set(_fixed_lines(language)) & set(_fixed_lines("en"))


def test_spanish_and_russian_frab_lines_read_as_the_un_writes_them(client, programme):
    spanish = _get(client, "schedule.xml?lang=es").content.decode()
    russian = _get(client, "schedule.xml?lang=ru").content.decode()

    assert f"Presidencia: {CHAIR}" in spanish
    assert "Interpretación: fr, vi" in spanish
    assert f"Председатель: {CHAIR}" in russian
    assert "Устный перевод: fr, vi" in russian
