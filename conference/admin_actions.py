"""The console's one way of applying a service to the rows an organiser selected.

It stands on the ground floor because every app's console (conference, delegations, the
programme) uses it. The rules stay in the service; this only reports, row by row, what the
service refused, and counts what it did.
"""

from collections.abc import Callable, Iterable

from django.contrib import messages
from django.utils.translation import gettext as _

from conference.errors import DomainError


def apply_to_selected(
    model_admin,
    request,
    rows: Iterable,
    service: Callable,
    *,
    done,
    refused_level: int = messages.ERROR,
) -> int:
    """Call `service(row)` for each selected row and return how many it changed.

    A row the service refuses (a `DomainError`) is named in its own message with the reason, and
    the others go on: one refusal does not undo the rest. `done` is a plural-aware message with a
    `%(count)d` placeholder, made with `ngettext_lazy(singular, plural, "count")`, so that the
    count picks the right form in every language ("1 booth released", "2 booths released").
    """
    changed = 0
    for row in rows:
        try:
            service(row)
        except DomainError as error:
            model_admin.message_user(
                request,
                _("%(row)s: %(reason)s") % {"row": row, "reason": error.message},
                refused_level,
            )
        else:
            changed += 1
    model_admin.message_user(request, done % {"count": changed})
    return changed
