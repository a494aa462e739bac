"""Badges: concurrency."""

import pytest

from delegations.models import Badge
from delegations.services import badges as badges_service
from tests.delegations.badges.support import _issue_all_at_once, _many_delegates


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_issues_give_distinct_consecutive_numbers():
    outcomes = _issue_all_at_once(_many_delegates(10))

    assert sorted(outcomes) == [f"HAN-{n:06d}" for n in range(1, 11)]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_negative_control_without_the_lock_concurrent_issues_collide(monkeypatch):
    monkeypatch.setattr(badges_service, "LOCK_CONFERENCE_ROW", False)
    delegates = _many_delegates(10)

    outcomes = []
    for _ in range(5):  # a race is likely, not certain, in one round
        outcomes = _issue_all_at_once(delegates)
        if "IntegrityError" in outcomes:
            break
        Badge.objects.all().delete()

    assert "IntegrityError" in outcomes, outcomes
