"""The demo's host services: slots, outlets, pools, liaison officers and arrivals, made once."""

import pytest

from delegations.models import LiaisonOfficer, MediaOutlet, Travel
from sessions.demo.host_services import install_host_services
from sessions.demo.loader import DemoReport
from sessions.models import MediaPool, SideEventSlot
from tests.factories import (
    ConferenceFactory,
    DelegateFactory,
    DelegationFactory,
    RoomFactory,
    SessionFactory,
)

pytestmark = pytest.mark.django_db


def test_the_demo_installs_the_host_services_once_and_says_what_is_invented():
    conference = ConferenceFactory()
    RoomFactory(venue=conference.venue, name="R201")
    RoomFactory(venue=conference.venue, name="Hall 2")
    SessionFactory(conference=conference, slug="signing-ceremony", kind="signing_ceremony")
    for country, rank in (("FR", "head_of_state"), ("JP", "minister"), ("BR", "delegate")):
        delegation = DelegationFactory(conference=conference, country=country)
        DelegateFactory(delegation=delegation, role="head", protocol_rank=rank)

    install_host_services(conference, DemoReport())
    second = DemoReport()
    install_host_services(conference, second)

    slots = SideEventSlot.objects.filter(conference=conference).order_by("starts_at")
    assert [s.starts_at.astimezone(conference.tzinfo).strftime("%d %H:%M") for s in slots] == [
        "26 09:00",
        "26 12:00",
        "26 13:30",
    ]
    assert sorted(r.name for r in slots[0].rooms.all()) == ["Hall 2", "R201"]
    assert MediaOutlet.objects.count() == 5
    assert MediaPool.objects.get().places == 12
    officers = LiaisonOfficer.objects.order_by("name")
    assert [o.name for o in officers] == [
        "Liaison officer 1 (illustrative)",
        "Liaison officer 2 (illustrative)",
        "Liaison officer 3 (illustrative)",
    ]
    assert officers[0].assignments.get().delegation.country.code == "FR"
    assert Travel.objects.count() == 3
    assert set(Travel.objects.values_list("hotel", flat=True)) == {
        "Hotel 1 (illustrative)",
        "Hotel 2 (illustrative)",
        "Hotel 3 (illustrative)",
    }
    assert sum(second.created.values()) == 0
