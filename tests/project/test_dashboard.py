"""The console's first page: the conference's numbers, each leading to the list it counts."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from config import dashboard as dashboard_module
from config.dashboard import dashboard
from delegations.models import Delegate, Invitation, OutboundMessage
from sessions.models import GalaAnswer, Place
from tests.console import sign_in_to_console
from tests.factories import ConferenceFactory, DelegateFactory, DelegationFactory, SessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def organiser(client):
    user = get_user_model().objects.create_superuser("chief", password="x")
    return sign_in_to_console(client, user)


@pytest.fixture
def hanoi():
    conference = ConferenceFactory()
    france = DelegationFactory(conference=conference, country="FR", status="confirmed")
    kenya = DelegationFactory(conference=conference, country="KE", status="registered")
    DelegationFactory(conference=conference, country="BR", status="declined")
    president = DelegateFactory(delegation=france, role="head", protocol_rank="head_of_state")
    DelegateFactory(delegation=france, role="security", badge_category="security")
    member = DelegateFactory(delegation=kenya, accreditation_status="accredited")
    for delegation, state in ((france, "accepted"), (kenya, "accepted"), (france, "revoked")):
        Invitation.objects.create(
            delegation=delegation,
            email="x@example.org",
            state=state,
            expires_at=conference.reply_deadline,
        )
    roundtable = SessionFactory(conference=conference, state="published", capacity=5)
    Place.objects.create(session=roundtable, delegate=president, state="confirmed")
    Place.objects.create(session=roundtable, delegate=member, state="waitlisted", waitlist_number=1)
    dinner = SessionFactory(conference=conference, kind="gala_dinner", capacity=200)
    GalaAnswer.objects.create(session=dinner, delegate=president, attending=True)
    OutboundMessage.objects.create(
        idempotency_key="k1", to="x@example.org", subject="s", conference=conference, state="failed"
    )
    return conference


def test_the_numbers_are_right_and_each_leads_to_the_rows_it_counts(organiser, hanoi):
    board = dashboard(hanoi)

    invitations = {f.label: f.value for f in board.invitations}
    delegations = {f.label: f.value for f in board.delegations}
    assert (invitations["Accepted"], invitations["Revoked"], invitations["Sent"]) == (2, 1, 0)
    assert (delegations["Confirmed"], delegations["Registered"], delegations["Declined"]) == (
        1,
        1,
        1,
    )
    assert board.heads_expected.value == 1
    assert [(taken, seats, waiting) for _t, taken, seats, waiting, _u in board.roundtables] == [
        (1, 5, 1)
    ]
    assert [(taken, seats) for _t, taken, seats, _w, _u in board.gala] == [(1, 200)]
    failed = next(f for f in board.outbox if f.alert)
    assert failed.value == 1
    figures = [
        *board.invitations,
        *board.delegations,
        *board.categories,
        *board.accreditation,
        board.heads_expected,
        failed,
    ]
    for figure in figures:
        response = organiser.get(figure.url)
        assert response.status_code == 200, figure.url
        assert response.context["cl"].result_count == figure.value, figure.url


def test_the_console_index_shows_the_dashboard_with_svg_and_no_external_resource(
    organiser, hanoi, django_assert_max_num_queries
):
    with django_assert_max_num_queries(30):
        response = organiser.get("/admin/")

    page = response.content.decode()
    assert hanoi.name in page
    assert "<svg" in page
    assert 'aria-label="Invitations by state"' in page
    assert "state__exact=accepted" in page  # each bar leads to its list
    assert "Heads of State and Government expected" in page
    assert "https://" not in page


def test_the_delegates_list_stays_at_a_few_queries_with_10000_rows(
    organiser, django_assert_max_num_queries
):
    delegation = DelegationFactory()
    Delegate.objects.bulk_create(
        Delegate(
            delegation=delegation,
            conference=delegation.conference,
            family_name=f"NAME{n:05d}",
            given_names="Alex",
        )
        for n in range(10_000)
    )

    with django_assert_max_num_queries(15):
        response = organiser.get("/admin/delegations/delegate/")

    assert response.status_code == 200
    assert response.context["cl"].result_count == 10_000


def test_the_places_card_lists_the_first_roundtables_and_links_to_the_rest(
    organiser, hanoi, monkeypatch
):
    monkeypatch.setattr(dashboard_module, "ROUNDTABLES_SHOWN", 2)
    SessionFactory.create_batch(3, conference=hanoi, state="published", capacity=5)
    SessionFactory(conference=hanoi, state="draft")  # not published: not counted

    board = dashboard(hanoi)
    page = organiser.get(f"/admin/?conference={hanoi.slug}").content.decode()
    rest = organiser.get(board.roundtables_more.url)

    assert len(board.roundtables) == 2
    assert board.roundtables_more.value == 2
    assert "and 2 more roundtables" in page
    assert rest.status_code == 200
    assert rest.context["cl"].result_count == 4


def test_the_dashboard_runs_the_same_queries_whatever_the_number_of_delegates(organiser, hanoi):
    """Counts are aggregates, one scan of the delegates for both their category and their
    accreditation figures: 2,000 more delegates add no query."""
    with CaptureQueriesContext(connection) as small:
        before = dashboard(hanoi)
    delegation = DelegationFactory(conference=hanoi, country="KH", status="confirmed")
    Delegate.objects.bulk_create(
        Delegate(
            delegation=delegation,
            conference=hanoi,
            family_name=f"NAME{n:05d}",
            given_names="Alex",
            badge_category="delegate",
            accreditation_status="accredited",
        )
        for n in range(2_000)
    )
    with CaptureQueriesContext(connection) as large:
        after = dashboard(hanoi)

    assert len(large.captured_queries) == len(small.captured_queries)
    delegate_scans = [
        q for q in large.captured_queries if 'FROM "delegations_delegate"' in q["sql"]
    ]
    assert len(delegate_scans) == 2  # categories with accreditation, then the heads expected
    accredited = {f.label: f.value for f in after.accreditation}["Accredited"]
    assert accredited == {f.label: f.value for f in before.accreditation}["Accredited"] + 2_000
    delegates = {f.label: f.value for f in after.categories}["Delegate"]
    assert delegates == {f.label: f.value for f in before.categories}["Delegate"] + 2_000
