"""The head of delegation's personal agenda holds every slot: the signing, the statement in the
general debate, the bilateral meetings, places and the banquet; the iCalendar and the list."""

import datetime as dt

import pytest
from icalendar import Calendar

from conference.models import Convention
from sessions import services
from sessions.feeds.personal import personal_agenda, personal_calendar
from tests.factories import DelegateFactory, DelegationFactory, RoomFactory, SessionFactory
from tests.sessions.speakers import at, make_debate

pytestmark = pytest.mark.django_db


@pytest.fixture
def head():
    conference = make_debate()  # general debate: 25 Oct 14:00-14:12, 26 Oct 9:00-9:30
    conference.convention = Convention.objects.create(
        slug="uncc",
        title="United Nations Convention against Cybercrime",
        short_title="Hanoi Convention",
        adopted_on=dt.date(2024, 12, 24),
        depositary="Secretary-General of the United Nations",
    )
    conference.save()
    room = RoomFactory(venue=conference.venue, name="Signing Hall")
    services.publish_session(
        SessionFactory(
            conference=conference,
            room=room,
            kind="signing_ceremony",
            slug="signing",
            title="Opening for signature",
            starts_at=at(25, 10),
            ends_at=at(25, 12),
        )
    )
    delegation = DelegationFactory(conference=conference, country="BR", language="en")
    head = DelegateFactory(delegation=delegation, role="head", protocol_rank="head_of_state")
    services.register_signatory(delegation, delegate=head)
    services.assign_signing_slots(conference)
    services.request_to_speak(delegation)
    return head


def test_the_heads_calendar_holds_the_signing_and_the_statement(head):
    calendar = Calendar.from_ical(personal_calendar(head))

    events = sorted(
        (e.decoded("dtstart").astimezone(dt.UTC), str(e["SUMMARY"]), str(e["LOCATION"]))
        for e in calendar.walk("VEVENT")
    )
    assert [
        (when.astimezone(at(25, 0).tzinfo).strftime("%d %H:%M"), s) for when, s, _ in events
    ] == [
        ("25 10:00", "Signing of the Convention: place 1 in the signing order"),
        ("25 14:00", "Statement in the general debate: place 1 on the list"),
    ]
    assert events[0][2].startswith("Signing Hall, ")


def test_the_dashboard_list_gives_the_same_slots_in_time_order(head):
    agenda = personal_agenda(head)

    assert [(item["starts"], item["summary"]) for item in agenda] == [
        (at(25, 10), "Signing of the Convention: place 1 in the signing order"),
        (at(25, 14), "Statement in the general debate: place 1 on the list"),
    ]


def test_a_member_of_the_delegation_holds_neither_slot(head):
    member = DelegateFactory(delegation=head.delegation)

    assert personal_agenda(member) == []


def test_a_french_heads_calendar_names_the_conference_room_and_venue_in_french(head):
    conference = head.delegation.conference
    conference.translations = {"fr": {"name": "Conférence de Hanoï"}}
    conference.save()
    room = conference.venue.rooms.get(name="Signing Hall")
    room.translations = {"fr": {"name": "Salle de signature"}}
    room.save()
    conference.venue.translations = {"fr": {"name": "Centre national des congrès"}}
    conference.venue.save()
    head.delegation.language = "fr"
    head.delegation.save()

    calendar = Calendar.from_ical(personal_calendar(head))

    assert str(calendar["X-WR-CALNAME"]).startswith("Conférence de Hanoï: ")
    locations = [str(event["LOCATION"]) for event in calendar.walk("VEVENT")]
    assert "Salle de signature, Centre national des congrès" in locations
    assert not any("Signing Hall" in location for location in locations)
