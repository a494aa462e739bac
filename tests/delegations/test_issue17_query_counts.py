"""The day's arrivals, the list of participants and the interpretation plan read the same
number of queries whatever the size of the conference."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from delegations.services import list_of_participants, movements_on
from sessions.interpretation import interpretation_plan
from tests.delegations.arrivals.support import hanoi, officer_of, traveller
from tests.factories import ConferenceFactory, DelegateFactory, DelegationFactory, SessionFactory

pytestmark = pytest.mark.django_db

COUNTRIES = ["FR", "DE", "JP", "BR", "CL", "GH", "KE", "PE", "SN", "TH"]


def _conference(size):
    conference = ConferenceFactory()
    for index, country in enumerate(COUNTRIES[:size]):
        delegation = DelegationFactory(conference=conference, country=country, status="registered")
        traveller(
            delegation,
            rank="minister",
            family_name=f"H{index}",
            arrives_at=hanoi(24, 9),
            flight=f"AF{index}",
        )
        DelegateFactory(delegation=delegation, role="member")
        officer_of(
            conference, delegation, email=f"officer{index}.{conference.slug}@host.example.vn"
        )
        SessionFactory(conference=conference, languages=["en", "fr"])
    return conference


def _queries(read):
    with CaptureQueriesContext(connection) as captured:
        read()
    return len(captured.captured_queries)


@pytest.mark.parametrize(
    "read",
    [
        lambda c: movements_on(c, dt.date(2025, 10, 24)),
        lambda c: list_of_participants(c),
        lambda c: interpretation_plan(c, dt.date(2025, 10, 25)),
    ],
    ids=["arrivals", "participants", "interpretation"],
)
def test_the_read_does_not_grow_with_the_conference(read):
    small, large = _conference(2), _conference(10)

    assert _queries(lambda: read(small)) == _queries(lambda: read(large))
