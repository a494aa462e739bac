"""Side events: proposed for a slot, accepted into a free room of the slot with no clash,
moved or refused by the protocol, and published in the feeds with their organisers."""

import datetime as dt

import pytest
from django.core import mail
from django.test import Client

from sessions import services
from sessions.errors import NoRoomFree, SideEventNotOpen, SlotNotOfConference
from sessions.models import Session, SideEventApplication, SideEventSlot
from tests.delegations.arrivals.support import console_member
from tests.factories import HANOI, ConferenceFactory, DelegationFactory, RoomFactory

pytestmark = pytest.mark.django_db


def at(hour, minute=0, day=26):
    return dt.datetime(2025, 10, day, hour, minute, tzinfo=HANOI)


@pytest.fixture
def grid():
    """Hanoi's grid of the 26th: three slots, 60 minutes plus 15 of changeover, three rooms."""
    conference = ConferenceFactory(slug="hanoi2025", languages=["en", "fr", "vi"])
    venue = conference.venue
    rooms = {
        "R201": RoomFactory(venue=venue, name="R201", capacity=100),
        "R202": RoomFactory(venue=venue, name="R202", capacity=60, interpretation_booths=2),
        "Hall 3": RoomFactory(venue=venue, name="Hall 3", capacity=400, interpretation_booths=6),
    }
    slots = []
    for hour, minute in ((9, 0), (12, 0), (13, 30)):
        slot = SideEventSlot.objects.create(conference=conference, starts_at=at(hour, minute))
        slot.rooms.set(rooms.values())
        slots.append(slot)
    return conference, rooms, slots


def _propose(conference, slot, *, country="FR", audience=80, languages=("en",), **fields):
    delegation = DelegationFactory(conference=conference, country=country, status="confirmed")
    data = {
        "title": f"Side event of {country}",
        "organisers": f"{country} mission\nUNODC",
        "speakers": "Ms A, Director",
        "languages": list(languages),
        "expected_audience": audience,
        "technical_needs": "Two screens",
    }
    return services.propose_side_event(delegation, slot=slot, **(data | fields))


def test_a_proposal_is_acknowledged_to_the_focal_point(grid, django_capture_on_commit_callbacks):
    conference, _rooms, slots = grid

    with django_capture_on_commit_callbacks(execute=True):
        application = _propose(conference, slots[0])

    assert application.state == "submitted"
    (message,) = mail.outbox
    assert message.subject == "Manifestation parallèle reçue : Side event of FR"
    assert "26 octobre 2025, 09:00-10:00 (heure de Hanoi, UTC+7)" in message.body


def test_a_delegation_that_declined_cannot_propose(grid):
    conference, _rooms, slots = grid
    declined = DelegationFactory(conference=conference, status="declined")

    with pytest.raises(SideEventNotOpen):
        services.propose_side_event(
            declined,
            slot=slots[0],
            title="T",
            organisers="X",
            languages=["en"],
            expected_audience=1,
        )

    assert not SideEventApplication.objects.exists()


def test_a_slot_of_another_conference_is_refused(grid):
    conference, _rooms, _slots = grid
    elsewhere = SideEventSlot.objects.create(conference=ConferenceFactory(), starts_at=at(9))

    with pytest.raises(SlotNotOfConference):
        _propose(conference, elsewhere)


def test_accepting_gives_the_smallest_free_room_that_suits_and_publishes_the_session(grid):
    conference, rooms, slots = grid
    english = _propose(conference, slots[0], country="FR", audience=80)
    bilingual = _propose(conference, slots[0], country="DE", audience=50, languages=["en", "fr"])
    large = _propose(conference, slots[0], country="JP", audience=90, languages=["en", "vi"])

    services.accept_side_event(english)
    services.accept_side_event(bilingual)
    services.accept_side_event(large)

    english.refresh_from_db()
    bilingual.refresh_from_db()
    large.refresh_from_db()
    assert english.room == rooms["R201"]  # 100 seats, no booth needed
    assert bilingual.room == rooms["R202"]  # 60 seats, two booths
    assert large.room == rooms["Hall 3"]  # R202 too small, R201 taken and without booths
    session = english.session
    assert (session.kind, session.state) == ("side_event", "published")
    assert (session.starts_at, session.ends_at) == (at(9), at(10))
    assert [(p.role, p.name) for p in session.people.order_by("role", "position")] == [
        ("organiser", "FR mission"),
        ("organiser", "UNODC"),
        ("speaker", "Ms A, Director"),
    ]


def test_when_every_room_of_the_slot_is_taken_the_event_stays_submitted(grid):
    conference, _rooms, slots = grid
    for country in ("FR", "DE", "JP"):
        services.accept_side_event(_propose(conference, slots[1], country=country, audience=10))
    late = _propose(conference, slots[1], country="BR", audience=10)

    with pytest.raises(NoRoomFree):
        services.accept_side_event(late)

    late.refresh_from_db()
    assert (late.state, late.room, late.session) == ("submitted", None, None)
    assert Session.objects.filter(kind="side_event").count() == 3


def test_a_room_held_by_another_session_is_not_given(grid):
    conference, rooms, slots = grid
    roundtable = services.create_session(
        conference,
        slug="roundtable",
        kind="roundtable",
        title="Roundtable",
        room=rooms["R201"],
        starts_at=at(9, 30),
        ends_at=at(10, 30),
        languages=["en"],
    )
    services.publish_session(roundtable)
    application = _propose(conference, slots[0], audience=50)

    services.accept_side_event(application)

    application.refresh_from_db()
    assert application.room == rooms["R202"]


def test_moving_an_accepted_event_moves_its_session_and_tells_the_focal_point(
    grid, django_capture_on_commit_callbacks
):
    conference, rooms, slots = grid
    application = services.accept_side_event(_propose(conference, slots[0]))

    with django_capture_on_commit_callbacks(execute=True):
        services.move_side_event(application, slot=slots[2])

    application.refresh_from_db()
    assert (application.slot, application.room) == (slots[2], rooms["R201"])
    assert application.session.starts_at == at(13, 30)
    assert mail.outbox[-1].subject == "Manifestation parallèle déplacée : Side event of FR"


def test_refusing_an_accepted_event_cancels_its_session_and_frees_the_room(grid):
    conference, rooms, slots = grid
    first = services.accept_side_event(_propose(conference, slots[0], country="FR"))
    services.refuse_side_event(first, reason="The programme is full.")
    second = services.accept_side_event(_propose(conference, slots[0], country="DE"))

    first.refresh_from_db()
    assert (first.state, first.room, first.session.state) == ("refused", None, "cancelled")
    assert second.room == rooms["R201"]


def test_an_accepted_event_is_in_the_feed_with_its_organisers(grid):
    conference, _rooms, slots = grid
    services.accept_side_event(_propose(conference, slots[0]))
    services.release_schedule(conference)

    document = Client().get("/api/v1/conferences/hanoi2025/schedule/").json()

    (session,) = document["days"][0]["sessions"]
    assert session["kind"] == "side_event"
    assert session["organisers"] == [
        {"name": "FR mission", "function": ""},
        {"name": "UNODC", "function": ""},
    ]


def test_the_protocol_decides_in_the_console_and_logistics_may_not(grid):
    conference, rooms, slots = grid
    application = _propose(conference, slots[0])
    url = f"/admin/programme/sideeventapplication/{application.pk}/decide/"
    protocol = console_member("Protocol")

    no_reason = protocol.post(url, {"decision": "refuse", "reason": ""})
    accepted = protocol.post(url, {"decision": "accept", "room": rooms["Hall 3"].pk})
    refused = console_member("Logistics").post(url, {"decision": "refuse", "reason": "No"})

    assert "Give the reason" in no_reason.content.decode()
    assert accepted.status_code == 302
    application.refresh_from_db()
    assert (application.state, application.room) == ("accepted", rooms["Hall 3"])
    assert refused.status_code == 403
