import datetime as dt
import tomllib
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction

from conference.models import Conference, Room
from delegations.enums import DelegateRole, DelegationKind
from delegations.models import Delegate, Delegation
from sessions.demo.loader import DATA_DIR
from sessions.enums import SessionKind, SessionState
from sessions.models import Session, SessionPerson

pytestmark = pytest.mark.django_db


def _load():
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue().strip().splitlines()[-1]


def _counts():
    return {
        model.__name__: model.objects.count()
        for model in (Conference, Room, Session, SessionPerson, Delegation, Delegate)
    }


@pytest.fixture(scope="module")
def hanoi(django_db_setup, django_db_blocker):
    """The demo, loaded once for this module inside a transaction rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        _load()
        yield Conference.objects.get(slug="hanoi2025")
        transaction.set_rollback(True)


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

    assert all(
        email.endswith("example.org")
        for email in delegations.values_list("focal_point_email", flat=True)
    )
    assert all(email.endswith("example.org") for email in delegates.values_list("email", flat=True))
    # Every delegation has exactly one head of delegation, and a few delegates besides.
    assert delegates.filter(role=DelegateRole.HEAD).count() == delegations.count()
    assert delegates.count() >= 2 * delegations.count()
    assert delegates.get(delegation__country="VN", role="head").protocol_rank == "head_of_state"


def test_load_demo_twice_changes_nothing(hanoi):
    before = _counts()

    last_line = _load()

    assert _counts() == before
    assert last_line.startswith("Demo conference hanoi2025 installed: ")
    assert last_line.endswith("(created by this run: nothing).")


def test_load_demo_records_the_signatures_of_25_october(hanoi):
    signatures = hanoi.convention.signatures.all()

    assert hanoi.convention.short_title.startswith("United Nations Convention against Cybercrime")
    assert signatures.count() == 43
    assert signatures.filter(organisation="European Union").count() == 1
    assert {s.signed_on for s in signatures} == {dt.date(2025, 10, 25)}
    assert signatures.filter(country="VN").exists()
