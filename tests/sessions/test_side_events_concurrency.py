"""Accepting many side events of one slot at once gives each a different room, never one room
twice, on PostgreSQL with real concurrent transactions."""

import datetime as dt
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from sessions import services
from sessions.models import SideEventApplication, SideEventSlot
from sessions.services import side_events as side_event_service
from tests.factories import HANOI, ConferenceFactory, DelegationFactory, RoomFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

ROOMS = 4
APPLICATIONS = 12


def _slot_and_applications():
    conference = ConferenceFactory()
    slot = SideEventSlot.objects.create(
        conference=conference, starts_at=dt.datetime(2025, 10, 26, 9, tzinfo=HANOI)
    )
    slot.rooms.set(RoomFactory(venue=conference.venue) for _ in range(ROOMS))
    applications = []
    for index in range(APPLICATIONS):
        delegation = DelegationFactory(
            conference=conference, kind="ngo", country="", name=f"NGO {index}", status="confirmed"
        )
        applications.append(
            services.propose_side_event(
                delegation,
                slot=slot,
                title=f"Event {index}",
                organisers=f"NGO {index}",
                languages=["en"],
                expected_audience=10,
            )
        )
    return slot, applications


def _race(applications):
    start = threading.Event()

    def accept(application):
        start.wait()
        try:
            services.accept_side_event(application)
            return "accepted"
        except Exception as error:  # the negative control records what broke
            return type(error).__name__
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=len(applications)) as pool:
        futures = [pool.submit(accept, application) for application in applications]
        start.set()
        return [future.result() for future in futures]


def test_concurrent_acceptances_fill_each_room_of_the_slot_once():
    slot, applications = _slot_and_applications()

    outcomes = _race(applications)

    assert sorted(outcomes) == ["NoRoomFree"] * (APPLICATIONS - ROOMS) + ["accepted"] * ROOMS
    rooms = SideEventApplication.objects.filter(slot=slot, state="accepted").values_list(
        "room", flat=True
    )
    assert len(set(rooms)) == ROOMS


def test_negative_control_without_the_slot_lock_the_race_shows(monkeypatch):
    """The same race without the lock on the slot: rival transactions pick the same room and
    all but one fail on the database's constraints, so fewer events are accepted than there
    are rooms, or an error other than NoRoomFree appears; the test above would see it."""
    monkeypatch.setattr(side_event_service, "LOCK_SLOT_ROW", False)
    raced = []
    for _ in range(5):  # a race is likely, not certain, in one round
        _slot, applications = _slot_and_applications()
        outcomes = _race(applications)
        raced = [o for o in outcomes if o not in ("accepted", "NoRoomFree")]
        if raced or outcomes.count("accepted") < ROOMS:
            break

    assert raced or outcomes.count("accepted") < ROOMS, outcomes
