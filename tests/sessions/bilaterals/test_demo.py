"""Bilateral meetings: the demo."""

import pytest

from conference.models import Room
from delegations.models import OutboundMessage
from sessions import services
from sessions.demo.bilaterals import install_bilaterals_and_booths
from sessions.feeds.personal import personal_calendar
from sessions.models import BilateralMeeting, Booth, Exhibitor
from tests.factories import (
    ConferenceFactory,
    DelegateFactory,
    DelegationFactory,
    RoomFactory,
    SessionFactory,
)
from tests.sessions.bilaterals.support import accepted, at, bilateral_room, head, schedule, state

pytestmark = pytest.mark.django_db


def test_the_demo_makes_meetings_and_booths_through_the_services_once():
    conference = ConferenceFactory(slug="hanoi2025", host_country="VN")
    bilateral_room(conference)
    bilateral_room(conference, "Bilateral Room 2")
    hall = RoomFactory(
        venue=conference.venue, kind=Room.Kind.EXHIBITION_HALL, name="Exhibition Hall"
    )
    services.publish_session(
        SessionFactory(
            conference=conference,
            kind="exhibition",
            slug="exhibition",
            room=hall,
            starts_at=at(8),
            ends_at=at(18),
        )
    )
    for code in ("VN", "AU", "FR", "GB", "JP", "KH", "BR", "ZA", "CL", "PT"):
        state(conference, code)
    for acronym, kind in (("UNODC", "un_entity"), ("VIETTEL", "private_sector")):
        DelegationFactory(
            conference=conference, kind=kind, country="", name=acronym, acronym=acronym
        )

    install_bilaterals_and_booths(conference)

    meetings = BilateralMeeting.objects.filter(conference=conference)
    assert sorted(meetings.values_list("state", flat=True)) == [
        "accepted",
        "requested",
        "scheduled",
        "scheduled",
        "scheduled",
        "scheduled",
    ]
    for meeting in meetings.filter(state="scheduled"):
        assert meeting.room.kind == Room.Kind.BILATERAL_ROOM
    booths = Booth.objects.filter(conference=conference)
    assert booths.count() == 24
    allocated = booths.filter(state="allocated").order_by("code")
    assert [(b.code, b.exhibitor.display_name) for b in allocated] == [
        ("C01", "Viet Nam"),
        ("C02", "UNODC"),
        ("C03", "VIETTEL"),
    ]
    assert Exhibitor.objects.filter(delegation__conference=conference).count() == 3
    messages = OutboundMessage.objects.count()

    again = install_bilaterals_and_booths(conference)

    assert again == {"bilateral meetings": 0, "booths": 0, "exhibitors": 0, "booths allocated": 0}
    assert OutboundMessage.objects.count() == messages


def test_a_scheduled_meeting_is_in_each_heads_personal_agenda_only(conference):
    bilateral_room(conference)
    france, kenya = state(conference, "FR"), state(conference, "KE")
    member = DelegateFactory(delegation=france, role="member")
    meeting = accepted(france, kenya)
    schedule(conference)

    french_head = personal_calendar(head(france)).decode()
    kenyan_head = personal_calendar(head(kenya)).decode()
    french_member = personal_calendar(member).decode()

    meeting.refresh_from_db()
    uid = f"UID:bilateral-{meeting.pk}@{conference.slug}"
    assert uid in french_head
    assert "Bilateral meeting with Kenya" in french_head
    assert uid in kenyan_head
    assert "Bilateral meeting with France" in kenyan_head
    assert uid not in french_member
