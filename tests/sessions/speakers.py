"""The general debate used by the speakers' list tests: two sittings, and inscriptions."""

import datetime as dt

import time_machine

from sessions import services
from tests.factories import (
    HANOI,
    ConferenceFactory,
    DelegateFactory,
    DelegationFactory,
    OrganisationDelegationFactory,
    RoomFactory,
    SessionFactory,
)


def at(day, hour, minute=0):
    return dt.datetime(2025, 10, day, hour, minute, tzinfo=HANOI)


def make_debate():
    conference = ConferenceFactory(
        host_country="VN", speaking_minutes_state=5, speaking_minutes_observer=3
    )
    hall = RoomFactory(venue=conference.venue, name="Main Hall")
    for day, start, end in ((25, (14, 0), (14, 12)), (26, (9, 0), (9, 30))):
        services.publish_session(
            SessionFactory(
                conference=conference,
                room=hall,
                kind="general_debate",
                slug=f"debate-{day}",
                starts_at=at(day, *start),
                ends_at=at(day, *end),
            )
        )
    return conference


def inscribe(conference, country, rank, when, kind="member_state"):
    if kind == "ngo":
        delegation = OrganisationDelegationFactory(conference=conference, name=country)
    else:
        delegation = DelegationFactory(conference=conference, country=country, kind=kind)
    DelegateFactory(delegation=delegation, role="head", protocol_rank=rank)
    with time_machine.travel(when):
        return services.request_to_speak(delegation)
