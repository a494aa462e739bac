"""Reads about delegations reused by the API, the console and the portal."""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

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


def registration_checklist(delegation: Delegation) -> list[ChecklistItem]:
    """What the focal point still has to do before submitting, in the order of the portal's
    pages. Every item must be done for the submission to be accepted."""
    from sessions.models import PlaceState  # the programme app sits above this one

    delegates = list(
        Delegate.objects.filter(delegation=delegation).select_related("travel").order_by("pk")
    )
    has_place = Delegate.objects.filter(
        delegation=delegation, places__state__in=[PlaceState.CONFIRMED, PlaceState.WAITLISTED]
    ).exists()

    def travel_given(delegate):
        travel = getattr(delegate, "travel", None)
        return bool(travel and travel.arrives_at and travel.departs_at)

    def item(key, label, done, url_name):
        return ChecklistItem(key, label, bool(done), url_name)

    return [
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
        item("sessions", _("Roundtables chosen"), has_place, "portal:programme"),
        item(
            "travel",
            _("Arrival and departure of every delegate"),
            delegates and all(travel_given(d) for d in delegates),
            "portal:travel",
        ),
    ]
