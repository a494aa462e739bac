"""Creating delegations and their delegates."""

from django.db import IntegrityError, transaction

from conference.errors import full_clean_or_raise
from conference.models import Conference
from delegations.errors import DelegationAlreadyExists, HeadOfDelegationAlreadyNamed
from delegations.models import Delegate, Delegation


def create_delegation(conference: Conference, **fields) -> Delegation:
    """Create a delegation. Raises `DelegationAlreadyExists` for a second delegation of the same
    State (or organisation acronym). The unique index decides in the end, so two organisers
    entering the same State at the same moment still end with one delegation."""
    delegation = Delegation(conference=conference, **fields)
    full_clean_or_raise(delegation, DelegationAlreadyExists)
    try:
        with transaction.atomic():
            delegation.save()
    except IntegrityError as exc:
        raise DelegationAlreadyExists() from exc
    return delegation


def add_delegate(delegation: Delegation, **fields) -> Delegate:
    """Add a delegate. Raises `HeadOfDelegationAlreadyNamed` for a second head of delegation,
    kept by a partial unique index that also holds against concurrent writes."""
    delegate = Delegate(delegation=delegation, conference_id=delegation.conference_id, **fields)
    full_clean_or_raise(delegate, HeadOfDelegationAlreadyNamed)
    try:
        with transaction.atomic():
            delegate.save()
    except IntegrityError as exc:
        raise HeadOfDelegationAlreadyNamed() from exc
    return delegate
