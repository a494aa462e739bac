"""The organisers' decision on each delegate of a submitted registration."""

from django.db import transaction

from conference.webhooks import events as webhook_events
from delegations.enums import AccreditationStatus, DelegationStatus
from delegations.errors import NotSubmitted, ReasonRequired
from delegations.models import BadgeState, Delegate, Delegation
from delegations.services.badges import revoke_badge
from delegations.services.notifications import notify_delegate_accredited, notify_delegate_rejected


def accredit_delegate(delegate: Delegate) -> Delegate:
    return _decide(delegate, AccreditationStatus.ACCREDITED, reason="")


def reject_delegate(delegate: Delegate, *, reason: str) -> Delegate:
    """Refuse a delegate's accreditation; the focal point reads the reason."""
    if not reason.strip():
        raise ReasonRequired()
    return _decide(delegate, AccreditationStatus.REJECTED, reason=reason.strip())


def _decide(delegate, status, *, reason):
    with transaction.atomic():
        delegation = Delegation.objects.select_for_update().get(pk=delegate.delegation_id)
        if delegation.status not in (DelegationStatus.REGISTERED, DelegationStatus.ACCREDITED):
            raise NotSubmitted()
        delegate = Delegate.objects.select_for_update().get(pk=delegate.pk)
        if delegate.accreditation_status == status and delegate.rejection_reason == reason:
            return delegate
        delegate.accreditation_status = status
        delegate.rejection_reason = reason
        delegate.save(update_fields=["accreditation_status", "rejection_reason", "updated_at"])
        if status == AccreditationStatus.ACCREDITED:
            notify_delegate_accredited(delegate)
            webhook_events.delegate_accredited(delegate)
        else:
            # A refused person must not keep a badge that still opens doors.
            for badge in delegate.badges.filter(state=BadgeState.ACTIVE):
                revoke_badge(badge, reason=reason)
            notify_delegate_rejected(delegate, reason=reason)
        # The delegation is accredited once no delegate waits and at least one may come.
        statuses = set(delegation.delegates.values_list("accreditation_status", flat=True))
        accredited = (
            AccreditationStatus.PENDING not in statuses
            and AccreditationStatus.ACCREDITED in statuses
        )
        new_status = DelegationStatus.ACCREDITED if accredited else DelegationStatus.REGISTERED
        if delegation.status != new_status:
            previous, delegation.status = delegation.status, new_status
            delegation.save(update_fields=["status", "updated_at"])
            webhook_events.delegation_status_changed(delegation, previous=previous)
    return delegate
