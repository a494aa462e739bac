"""Every write about delegations that matters, one module per concern; re-exported here so that
callers write `from delegations import services; services.create_delegation(...)`."""

from delegations.services.registry import add_delegate, create_delegation

__all__ = ["add_delegate", "create_delegation"]
