"""Badges: issuing."""

import pytest

from delegations import services
from delegations.errors import (
    BadgeAlreadyIssued,
    NotAccredited,
)
from delegations.models import Badge
from tests.delegations.badges.support import accredited
from tests.factories import (
    ConferenceFactory,
    DelegateFactory,
    DelegationFactory,
)


@pytest.mark.django_db
def test_issue_badge_numbers_badges_per_conference(conference):
    first = services.issue_badge(accredited(conference))
    second = services.issue_badge(
        accredited(delegation=DelegationFactory(conference=conference, country="DE"))
    )
    elsewhere = services.issue_badge(accredited(ConferenceFactory(slug="geneva2026")))

    assert [first.number, second.number, elsewhere.number] == [
        "HAN-000001",
        "HAN-000002",
        "GEN-000001",
    ]
    assert first.delegate.badge_number == "HAN-000001"
    first.delegate.refresh_from_db()
    assert (first.state, first.delegate.badge_number) == ("active", "HAN-000001")


@pytest.mark.django_db
@pytest.mark.parametrize("status", ["pending", "rejected"])
def test_issue_badge_refuses_a_delegate_not_accredited(conference, status):
    delegate = DelegateFactory(
        delegation=DelegationFactory(conference=conference), accreditation_status=status
    )

    with pytest.raises(NotAccredited):
        services.issue_badge(delegate)

    delegate.refresh_from_db()
    assert (Badge.objects.count(), delegate.badge_number) == (0, "")


@pytest.mark.django_db
def test_issue_badge_refuses_a_second_valid_badge(conference):
    delegate = accredited(conference)
    services.issue_badge(delegate)

    with pytest.raises(BadgeAlreadyIssued):
        services.issue_badge(delegate)

    assert list(Badge.objects.values_list("number", flat=True)) == ["HAN-000001"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kind", "country", "category", "colour"),
    [
        ("member_state", "FR", "head_of_delegation", "red"),
        ("member_state", "FR", "delegate", "red"),
        ("member_state", "FR", "security", "red"),
        ("member_state", "VN", "delegate", "red"),
        ("member_state", "VN", "security", "blue"),
        ("member_state", "VN", "support", "blue"),
        ("observer_state", "PS", "head_of_delegation", "green"),
        ("un_entity", "", "delegate", "green"),
        ("intergovernmental_organisation", "", "delegate", "green"),
        ("ngo", "", "delegate", "green"),
        ("academia", "", "delegate", "green"),
        ("media", "", "delegate", "yellow"),
    ],
)
def test_issue_badge_colours_by_kind_and_category(conference, kind, country, category, colour):
    delegation = DelegationFactory(
        conference=conference, kind=kind, country=country, name="" if country else "Agency"
    )

    badge = services.issue_badge(accredited(delegation=delegation, badge_category=category))

    assert (badge.category, badge.colour) == (category, colour)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("category", "zones"),
    [("head_of_delegation", ["plenary", "vip"]), ("delegate", ["plenary"]), ("security", [])],
)
def test_issue_badge_takes_the_zones_of_its_category(conference, category, zones):
    badge = services.issue_badge(accredited(conference, badge_category=category))

    assert badge.zones == zones
