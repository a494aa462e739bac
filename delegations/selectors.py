"""Reads about delegations reused by the API, the console and the portal."""

from django.db.models import Count, Q

from delegations.models import Delegation


def delegations_with_registration(conference_slug=None):
    """Delegations with their conference and the count of delegates by accreditation status,
    in one query whatever their number."""

    def delegates(status=None):
        condition = Q(delegates__accreditation_status=status) if status else None
        return Count("delegates", filter=condition, distinct=True)

    delegations = Delegation.objects.select_related("conference").annotate(
        delegate_count=delegates(),
        accredited_count=delegates("accredited"),
        pending_count=delegates("pending"),
        rejected_count=delegates("rejected"),
    )
    if conference_slug:
        delegations = delegations.filter(conference__slug=conference_slug)
    return delegations.order_by("conference", "kind", "country", "name")
