"""The demo as installed: the conference, its programme, its delegations and their people, and a
second run that changes nothing."""

import datetime as dt
import tomllib

import pytest
from django.db.models import Q

from conference.models import Conference, Room
from delegations.enums import DelegateRole, DelegationKind
from delegations.models import Delegate, Delegation, OutboundMessage
from sessions.demo.loader import DATA_DIR
from sessions.enums import SessionKind, SessionState
from sessions.models import (
    GalaAnswer,
    GalaSeat,
    GalaTable,
    Inscription,
    Place,
    Session,
    SessionPerson,
    SideEventApplication,
    Signatory,
)
from sessions.selectors import expected_times, sessions_attended_by
from tests.sessions.loaded_demo.support import load_demo

pytestmark = pytest.mark.django_db


def _counts():
    return {
        model.__name__: model.objects.count()
        for model in (
            Conference,
            Room,
            Session,
            SessionPerson,
            Delegation,
            Delegate,
            Inscription,
            Signatory,
            GalaAnswer,
            GalaTable,
            GalaSeat,
            Place,
            OutboundMessage,
        )
    }


def test_load_demo_installs_the_hanoi_conference(hanoi):
    assert hanoi.name == (
        "Signing Ceremony and High-Level Conference of the UN Convention against Cybercrime"
    )
    assert (hanoi.start_date, hanoi.end_date) == (dt.date(2025, 10, 25), dt.date(2025, 10, 26))
    assert hanoi.timezone == "Asia/Ho_Chi_Minh"
    assert hanoi.venue.name == "National Convention Center"
    assert {"Main Hall", "R339", "R313", "Banquet Hall", "Exhibition Hall"} <= set(
        hanoi.venue.rooms.values_list("name", flat=True)
    )
    assert hanoi.venue.rooms.get(name="Main Hall").capacity == 3500
    zones = set(hanoi.venue.access_zones.values_list("code", flat=True))
    assert hanoi.badge_zones["exhibitor"] == ["exhibition"]
    assert all(set(codes) <= zones for codes in hanoi.badge_zones.values())


def test_load_demo_holds_the_programme_as_announced(hanoi):
    published = Session.objects.filter(conference=hanoi, state=SessionState.PUBLISHED)
    by_kind = {kind: published.filter(kind=kind).count() for kind in SessionKind.values}

    assert by_kind["opening"] == 1
    assert by_kind["signing_ceremony"] == 1
    assert by_kind["closing"] == 1
    assert by_kind["gala_dinner"] == 1
    assert by_kind["high_level_debate"] == 4
    assert by_kind["roundtable"] == 3
    assert by_kind["exhibition"] >= 1
    assert by_kind["side_event"] >= 3
    assert by_kind["press_conference"] >= 2
    days = {
        s.starts_at.astimezone(hanoi.tzinfo).date() for s in published.filter(kind="general_debate")
    }
    assert days == {dt.date(2025, 10, 25), dt.date(2025, 10, 26)}
    fourth = Session.objects.get(conference=hanoi, slug="roundtable-4")
    assert fourth.state == SessionState.DRAFT


def test_load_demo_places_the_roundtables_as_reported(hanoi):
    roundtables = Session.objects.filter(conference=hanoi, kind="roundtable").published()
    found = {
        (s.title[:40], s.room.name, s.starts_at.astimezone(hanoi.tzinfo).strftime("%d %H:%M"))
        for s in roundtables
    }

    assert found == {
        ("Safeguarding Citizens in the Digital Tra", "R339", "25 14:30"),
        ("Fostering International Cooperation in P", "R339", "26 11:15"),
        ("The UN Convention against Cybercrime: A ", "R313", "26 14:00"),
    }


def test_load_demo_invites_states_and_organisations(hanoi):
    states = Delegation.objects.filter(conference=hanoi, kind__in=DelegationKind.states())
    organisations = Delegation.objects.filter(conference=hanoi).exclude(
        kind__in=DelegationKind.states()
    )
    with open(DATA_DIR / "hanoi2025_delegations.toml", "rb") as data:
        signatories = {s["code"] for s in tomllib.load(data)["states"] if s.get("signed_on")}

    assert states.count() >= 110
    assert organisations.count() >= 150
    assert signatories <= set(states.values_list("country", flat=True))
    assert {"VN", "FR", "GB", "CN", "RU"} <= signatories
    assert organisations.filter(acronym__in=["UNODC", "INTERPOL", "EU"]).count() == 3


def test_load_demo_people_are_fictional_with_example_addresses(hanoi):
    delegations = Delegation.objects.filter(conference=hanoi)
    delegates = Delegate.objects.filter(delegation__conference=hanoi)
    # The public figures of the day, named as reported, have no address of ours.
    named = delegations.filter(Q(country="VN") | Q(acronym__in=["UNSG", "UNODC"]))
    generated = delegates.exclude(delegation__in=named)

    assert all(
        email.endswith("example.org")
        for email in delegations.values_list("focal_point_email", flat=True)
    )
    assert all(email.endswith("example.org") for email in generated.values_list("email", flat=True))
    assert set(delegates.filter(delegation__in=named).values_list("email", flat=True)) == {""}
    # Every delegation has exactly one head of delegation, and a few delegates besides.
    assert delegates.filter(role=DelegateRole.HEAD).count() == delegations.count()
    assert generated.count() >= 2 * (delegations.count() - named.count())
    assert delegates.get(delegation__country="VN", role="head").protocol_rank == "head_of_state"


def test_load_demo_twice_changes_nothing(hanoi):
    before = _counts()

    last_line = load_demo()

    assert _counts() == before
    assert last_line.startswith("Demo conference hanoi2025 installed: ")
    assert last_line.endswith("(created by this run: nothing).")


def test_load_demo_links_the_principals_in_the_programme_to_their_delegates(hanoi):
    """The President, the Secretary-General and the others named in the programme are the
    delegates of the same name: their sessions are in their own agendas, shown once."""
    # The programme as announced; the illustrative side events name invented people.
    named = SessionPerson.objects.filter(
        session__conference=hanoi, session__is_illustrative=False, is_organisation=False
    )
    president = Delegate.objects.get(
        delegation__conference=hanoi, family_name="LUONG", given_names="Cuong"
    )
    guterres = Delegate.objects.get(delegation__conference=hanoi, family_name="GUTERRES")

    assert not named.filter(delegate__isnull=True).exists()
    assert {"opening", "welcome-family-photo", "state-banquet"} <= set(
        sessions_attended_by(president).values_list("slug", flat=True)
    )
    assert "opening" in set(sessions_attended_by(guterres).values_list("slug", flat=True))


def test_load_demo_holds_71_statements_over_both_days(hanoi):
    schedule = expected_times(hanoi)

    assert len(schedule) == 71
    assert {entry.delegation.kind for entry, _time in schedule} >= {
        DelegationKind.MEMBER_STATE,
        DelegationKind.UN_ENTITY,
        DelegationKind.PRIVATE_SECTOR,
    }
    assert not any(entry.delegation.country == "VN" for entry, _time in schedule)
    # After the co-chairs' and the Prime Minister's opening statements (25 minutes); everyone
    # is heard within the sittings, on both days.
    times = [time.astimezone(hanoi.tzinfo) for _entry, time in schedule]
    assert times[0] == dt.datetime(2025, 10, 25, 14, 25, tzinfo=hanoi.tzinfo)
    assert {time.date() for time in times} == {dt.date(2025, 10, 25), dt.date(2025, 10, 26)}


def test_load_demo_holds_invented_side_event_applications_decided_on_the_slot_grid(hanoi, client):
    applications = SideEventApplication.objects.filter(conference=hanoi).select_related(
        "slot", "room", "session"
    )
    by_state = {
        state: sorted(a.title.split(": ", 1)[1] for a in applications if a.state == state)
        for state in ("accepted", "submitted", "refused")
    }
    accepted = [a for a in applications if a.state == "accepted"]
    feed = client.get("/api/v1/conferences/hanoi2025/schedule/").json()
    in_feed = {
        session["title"]: session
        for day in feed["days"]
        for session in day["sessions"]
        if session["kind"] == "side_event"
    }

    assert by_state == {
        "accepted": [
            "Electronic evidence across the Pacific",
            "Mekong cooperation against online scam compounds",
            "Technical assistance for implementing the Convention",
        ],
        "submitted": ["Children's safety online in South-East Asia"],
        "refused": ["Ransomware negotiations and the law"],
    }
    # Invented, and saying so in the data and wherever they are shown.
    assert all(a.is_illustrative and a.title.startswith("Illustrative") for a in applications)
    for application in accepted:
        session = application.session
        assert (session.starts_at, session.room) == (application.slot.starts_at, application.room)
        assert application.slot.rooms.filter(pk=application.room_id).exists()
        entry = in_feed[application.title]
        assert entry["illustrative"] is True
        assert [p["name"] for p in entry["organisers"]] == application.organiser_names
    # No room of a slot holds two events: the grid's own sessions and the accepted ones.
    for application in accepted:
        clash = Session.objects.published().overlapping(
            room=application.room_id,
            starts_at=application.session.starts_at,
            ends_at=application.session.ends_at,
        )
        assert list(clash) == [application.session]
    assert in_feed["Illustrative side event: Technical assistance for implementing the Convention"][
        "languages"
    ] == ["ar", "zh", "en", "es", "fr", "ru"]
