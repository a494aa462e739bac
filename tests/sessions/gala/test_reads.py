"""The gala dinner: reads for the console and the caterer."""

import pytest

from sessions import services
from sessions.selectors import (
    DietarySummary,
    dietary_summary,
    seating_plan,
)
from tests.sessions.gala.support import attend, delegation_of, head_of, table

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("size", [2, 8])
def test_seating_plan_takes_two_queries_whatever_its_size(gala, size, django_assert_num_queries):
    for number in range(1, size + 1):
        table(gala, number, 2)
    countries = ["BR", "FR", "KE", "JP", "DE", "AT", "CL", "GH"][:size]
    attend(gala, *(head_of(delegation_of(gala.conference, c), "minister") for c in countries))
    services.seat_gala_dinner(gala)

    with django_assert_num_queries(2):
        plan = seating_plan(gala)
        guests = [
            (seat.delegate.full_name, seat.delegate.delegation.kind)
            for t in plan
            for seat in t.seated
        ]

    assert len(guests) == size


def test_dietary_summary_counts_attending_guests_by_need(gala):
    conference = gala.conference
    needs = {"BR": "Vegetarian", "FR": " vegetarian. ", "KE": "Halal", "JP": "", "DE": "Vegan"}
    for code, need in needs.items():
        services.answer_gala_dinner(
            gala,
            delegate=head_of(delegation_of(conference, code), "minister"),
            attending=code != "DE",
            dietary_needs=need,
        )

    assert dietary_summary(gala) == DietarySummary(
        guests=4, needs=[("Vegetarian", 2), ("Halal", 1)]
    )
    for t in seating_plan(gala):
        assert t.seated == []
