"""The console for delegations, one module per concern; importing them registers them."""

from delegations.admin import badges, check_in, delegations, invitations, jobs  # noqa: F401
