"""Reads about delegations reused by the API, the console and the portal."""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from knox.models import AuthToken

from delegations.enums import DelegateRole
from delegations.models import Delegate, Delegation


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


@dataclass(frozen=True)
class ChecklistItem:
    key: str
    label: str
    done: bool
    url_name: str


@dataclass(frozen=True)
class _ChecklistRule:
    key: str
    label: str
    url_name: str
    is_done: Callable[[Delegation], bool]
    position: int


# Items that apps above this one add when they start (sessions/apps.py adds the roundtables), so
# that the submission checks them without this app importing the programme.
_added_rules: dict[str, _ChecklistRule] = {}


def add_checklist_item(key, label, url_name, *, is_done, position):
    """Add an item to every delegation's checklist, `position` among the items of this app
    (0 first, 5 after the last); adding the same key again replaces it."""
    _added_rules[key] = _ChecklistRule(key, label, url_name, is_done, position)


def registration_checklist(delegation: Delegation) -> list[ChecklistItem]:
    """What the focal point still has to do before submitting, in the order of the portal's
    pages. Every item must be done for the submission to be accepted."""
    delegates = list(
        Delegate.objects.filter(delegation=delegation).select_related("travel").order_by("pk")
    )

    def travel_given(delegate):
        travel = getattr(delegate, "travel", None)
        return bool(travel and travel.arrives_at and travel.departs_at)

    def item(key, label, done, url_name):
        return ChecklistItem(key, label, bool(done), url_name)

    own = [
        item(
            "head",
            _("Head of delegation named"),
            any(d.role == DelegateRole.HEAD for d in delegates),
            "portal:delegates",
        ),
        item(
            "photos",
            _("A photo for every delegate who needs one"),
            delegates and all(d.photo or not d.photo_required for d in delegates),
            "portal:delegates",
        ),
        item(
            "passports",
            _("Nationality, date of birth and passport number of every delegate"),
            delegates
            and all(d.nationality and d.date_of_birth and d.passport_last4 for d in delegates),
            "portal:delegates",
        ),
        item(
            "credentials",
            _("Note verbale or credentials letter"),
            delegation.credentials,
            "portal:documents",
        ),
        item(
            "travel",
            _("Arrival and departure of every delegate"),
            delegates and all(travel_given(d) for d in delegates),
            "portal:travel",
        ),
    ]
    for rule in sorted(_added_rules.values(), key=lambda rule: -rule.position):
        own.insert(
            rule.position, item(rule.key, rule.label, rule.is_done(delegation), rule.url_name)
        )
    return own


def has_api_token(user) -> bool:
    """Whether the user holds an API token (only its hash is stored: it cannot be shown again)."""
    return AuthToken.objects.filter(user=user).exists()
