"""Who comes, one module per concern."""

from delegations.models.delegation import CORRESPONDENCE_LANGUAGES, Delegate, Delegation

__all__ = ["CORRESPONDENCE_LANGUAGES", "Delegate", "Delegation"]
