"""The console for delegations, one module per concern; importing them registers them."""

from delegations.admin import (  # noqa: F401
    arrivals,
    badges,
    check_in,
    delegations,
    invitations,
    jobs,
    media,
    participants,
    travel,
)
