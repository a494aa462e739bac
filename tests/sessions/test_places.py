import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core import mail
from django.db import connection

from sessions import services
from sessions.errors import AlreadyHasPlace, DelegationQuotaReached, PlacesNotOffered
from sessions.models import Place
from sessions.services import places as places_service
from tests.factories import ConferenceFactory, DelegateFactory, DelegationFactory, SessionFactory

pytestmark = pytest.mark.django_db

COUNTRIES = ["FR", "DE", "JP", "BR", "KE", "IN", "MX", "NO", "SN", "TH", "CL", "GH"]


@pytest.fixture
def roundtable():
    conference = ConferenceFactory(places_per_delegation=2)
    return services.publish_session(
        SessionFactory(conference=conference, title="Roundtable 1", capacity=2)
    )


def delegate_of(conference, country="FR", **fields):
    delegation = DelegationFactory(conference=conference, country=country, language="en")
    return DelegateFactory(delegation=delegation, email=f"{country}@x.example.org", **fields)


def test_places_are_confirmed_then_wait_listed_in_order(
    roundtable, django_capture_on_commit_callbacks
):
    conference = roundtable.conference
    with django_capture_on_commit_callbacks(execute=True):
        places = [
            services.reserve_place(roundtable, delegate=delegate_of(conference, country))
            for country in ("FR", "DE", "JP", "BR")
        ]

    assert [(p.state, p.waitlist_number) for p in places] == [
        ("confirmed", None),
        ("confirmed", None),
        ("waitlisted", 1),
        ("waitlisted", 2),
    ]
    subjects = [m.subject for m in mail.outbox]
    assert subjects.count("Place confirmed: Roundtable 1") == 2
    assert subjects.count("On the waiting list: Roundtable 1") == 2
    assert "You are number 2 on its waiting list" in mail.outbox[-1].body


def test_a_freed_place_goes_to_the_first_on_the_wait_list(
    roundtable, django_capture_on_commit_callbacks
):
    conference = roundtable.conference
    first, _, next_one, after = (
        services.reserve_place(roundtable, delegate=delegate_of(conference, country))
        for country in ("FR", "DE", "JP", "BR")
    )

    with django_capture_on_commit_callbacks(execute=True):
        promoted = services.release_place(first)

    assert promoted == next_one
    next_one.refresh_from_db()
    assert next_one.state == "confirmed"
    after.refresh_from_db()
    assert services.waitlist_position(after) == 1
    assert mail.outbox[-1].subject == "A place has freed: Roundtable 1"
    assert mail.outbox[-1].to == ["JP@x.example.org"]


def test_a_delegate_holds_one_place_and_a_delegation_its_quota(roundtable):
    conference = roundtable.conference
    delegate = delegate_of(conference)
    services.reserve_place(roundtable, delegate=delegate)

    with pytest.raises(AlreadyHasPlace):
        services.reserve_place(roundtable, delegate=delegate)
    services.reserve_place(roundtable, delegate=DelegateFactory(delegation=delegate.delegation))
    with pytest.raises(DelegationQuotaReached) as excinfo:
        services.reserve_place(roundtable, delegate=DelegateFactory(delegation=delegate.delegation))

    assert excinfo.value.context == {"quota": 2}
    assert Place.objects.count() == 2


def test_sessions_without_capacity_or_not_published_take_no_places():
    conference = ConferenceFactory()
    delegate = delegate_of(conference)
    draft = SessionFactory(conference=conference, capacity=10)
    open_plenary = services.publish_session(
        SessionFactory(conference=conference, capacity=0, slug="plenary")
    )

    for session in (draft, open_plenary):
        with pytest.raises(PlacesNotOffered):
            services.reserve_place(session, delegate=delegate)


# Concurrent requests in flight at once: each holds its own PostgreSQL connection, and the
# server here allows 100.
WORKERS = 50


def _race(session, delegates):
    """Every delegate asks for a place, WORKERS at a time, all released at the same moment;
    returns each request's outcome."""
    start = threading.Event()

    def ask(delegate):
        start.wait()
        try:
            return services.reserve_place(session, delegate=delegate).state
        except Exception as error:  # the negative control records what broke
            return type(error).__name__
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        futures = [pool.submit(ask, delegate) for delegate in delegates]
        start.set()
        return [future.result() for future in futures]


def _last_ten_places_and_requests(count):
    conference = ConferenceFactory(places_per_delegation=1)
    session = services.publish_session(SessionFactory(conference=conference, capacity=30))
    for index in range(20):  # 20 of 30 seats taken: 10 left
        delegation = DelegationFactory(
            conference=conference, kind="ngo", country="", name=f"Taken {index}"
        )
        Place.objects.create(
            session=session, delegate=DelegateFactory(delegation=delegation), state="confirmed"
        )
    delegates = []
    for index in range(count):
        delegation = DelegationFactory(
            conference=conference, kind="ngo", country="", name=f"Asking {index}"
        )
        delegates.append(DelegateFactory(delegation=delegation))
    return session, delegates


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_requests_for_the_last_ten_places_give_exactly_ten():
    session, delegates = _last_ten_places_and_requests(200)

    outcomes = _race(session, delegates)

    assert (outcomes.count("confirmed"), outcomes.count("waitlisted")) == (10, 190)
    assert Place.objects.filter(session=session, state="confirmed").count() == 30
    numbers = sorted(
        Place.objects.filter(session=session, state="waitlisted").values_list(
            "waitlist_number", flat=True
        )
    )
    assert numbers == list(range(1, 191))


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_negative_control_without_the_lock_the_race_overbooks(monkeypatch):
    """The same race with the session lock taken away: the test above would see it."""
    monkeypatch.setattr(places_service, "LOCK_SESSION_ROW", False)
    session, delegates = _last_ten_places_and_requests(200)

    outcomes = []
    for _ in range(5):  # a race is likely, not certain, in one round: a few rounds at most
        outcomes = _race(session, delegates)
        if Place.objects.filter(session=session, state="confirmed").count() > 30:
            break
        Place.objects.filter(delegate__in=delegates).delete()

    assert Place.objects.filter(session=session, state="confirmed").count() > 30, outcomes


def test_a_released_place_no_longer_counts_against_capacity_or_quota(
    roundtable, django_capture_on_commit_callbacks
):
    conference = roundtable.conference
    france = delegate_of(conference, "FR")
    colleague = DelegateFactory(delegation=france.delegation, email="fr2@x.example.org")
    released = services.reserve_place(roundtable, delegate=france)
    services.reserve_place(roundtable, delegate=colleague)
    services.release_place(released)
    services.release_place(Place.objects.get(delegate=colleague))

    with django_capture_on_commit_callbacks(execute=True):
        again = services.reserve_place(roundtable, delegate=france)  # the same delegate
        newcomer = services.reserve_place(roundtable, delegate=delegate_of(conference, "DE"))
        third = services.reserve_place(
            roundtable, delegate=DelegateFactory(delegation=france.delegation, email="f3@x.org")
        )

    assert [(p.state, p.waitlist_number) for p in (again, newcomer, third)] == [
        ("confirmed", None),
        ("confirmed", None),
        ("waitlisted", 1),
    ]


def test_a_delegate_of_another_conference_gets_no_place_and_no_mail(
    roundtable, django_capture_on_commit_callbacks
):
    stranger = delegate_of(ConferenceFactory(), "FR")

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(PlacesNotOffered):
        services.reserve_place(roundtable, delegate=stranger)

    assert Place.objects.count() == 0
    assert mail.outbox == []
