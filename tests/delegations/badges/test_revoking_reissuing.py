"""Badges: revoking and reissuing."""

import pytest

from delegations import services
from delegations.errors import (
    BadgeAlreadyRevoked,
    NotAccredited,
    RevocationReasonRequired,
)
from delegations.models import Badge
from tests.delegations.badges.support import accredited
from tests.factories import (
    DelegationFactory,
)


@pytest.mark.django_db
@pytest.mark.parametrize("reason", ["", "   "])
def test_revoke_badge_requires_a_reason(conference, reason):
    badge = services.issue_badge(accredited(conference))

    with pytest.raises(RevocationReasonRequired):
        services.revoke_badge(badge, reason=reason)

    badge.refresh_from_db()
    assert (badge.state, badge.revoked_at, badge.delegate.badge_number) == (
        "active",
        None,
        "HAN-000001",
    )


@pytest.mark.django_db
def test_revoke_badge_records_the_reason_and_frees_the_delegate(conference):
    badge = services.issue_badge(accredited(conference))

    services.revoke_badge(badge, reason=" Reported lost ")

    badge.refresh_from_db()
    badge.delegate.refresh_from_db()
    assert (badge.state, badge.revocation_reason) == ("revoked", "Reported lost")
    assert badge.revoked_at is not None
    assert badge.delegate.badge_number == ""
    with pytest.raises(BadgeAlreadyRevoked):
        services.revoke_badge(badge, reason="Again")


@pytest.mark.django_db
def test_reissue_badge_revokes_the_old_one_and_never_reuses_a_number(conference):
    delegate = accredited(conference)
    old = services.issue_badge(delegate)

    new = services.reissue_badge(delegate, reason="Name corrected")
    other = services.issue_badge(
        accredited(delegation=DelegationFactory(conference=conference, country="DE"))
    )

    old.refresh_from_db()
    delegate.refresh_from_db()
    assert (old.state, old.revocation_reason) == ("revoked", "Name corrected")
    assert (new.number, new.state, delegate.badge_number) == ("HAN-000002", "active", new.number)
    assert other.number == "HAN-000003"


@pytest.mark.django_db
def test_reissue_badge_refuses_a_delegate_no_longer_accredited(conference):
    delegate = accredited(conference)
    badge = services.issue_badge(delegate)
    delegate.accreditation_status = "rejected"
    delegate.save()

    with pytest.raises(NotAccredited):
        services.reissue_badge(delegate)

    badge.refresh_from_db()
    assert (badge.state, Badge.objects.count()) == ("active", 1)


@pytest.mark.django_db
def test_mark_printed_marks_valid_badges_only(conference):
    printed = services.issue_badge(accredited(conference))
    revoked = services.issue_badge(
        accredited(delegation=DelegationFactory(conference=conference, country="DE"))
    )
    services.revoke_badge(revoked, reason="Withdrawn")

    count = services.mark_printed(Badge.objects.all())

    printed.refresh_from_db()
    revoked.refresh_from_db()
    assert count == 1
    assert printed.printed_at is not None
    assert revoked.printed_at is None
    assert printed.history.count() == 2  # issued, printed: the audit trail sees the printing
