"""The list of participants: who is listed, in which order, and its issued versions.

The list is the official document of who took part: delegation by delegation, in the order of
precedence, each person's title, name and function as the delegation gave them (no private
data). The Secretariat issues numbered provisional versions, each delegation corrects and
confirms its own entries in the portal, then the Secretariat issues the final version, after
which nothing changes.
"""

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils import timezone, translation

from conference.models import Conference
from delegations.enums import (
    AccreditationStatus,
    DelegateRole,
    DelegationKind,
    DelegationStatus,
    ParticipantListKind,
    ProtocolRank,
)
from delegations.errors import NotListed, ParticipantListClosed
from delegations.models import Delegate, Delegation, ListCheck, ListEntry, ParticipantList
from delegations.precedence import order_delegations
from delegations.services.notifications import notify_focal_point

# The sections of the document, in order; media are accredited apart and not listed.
SECTIONS = (
    DelegationKind.MEMBER_STATE,
    DelegationKind.OBSERVER_STATE,
    DelegationKind.UN_ENTITY,
    DelegationKind.INTERGOVERNMENTAL_ORGANISATION,
    DelegationKind.REGIONAL_ORGANISATION,
    DelegationKind.NGO,
    DelegationKind.ACADEMIA,
    DelegationKind.PRIVATE_SECTOR,
)
LISTED_STATUSES = (
    DelegationStatus.CONFIRMED,
    DelegationStatus.REGISTERED,
    DelegationStatus.ACCREDITED,
)
# Security officers, interpreters, liaison and exhibitor staff are not participants.
LISTED_ROLES = (
    DelegateRole.HEAD,
    DelegateRole.DEPUTY_HEAD,
    DelegateRole.MEMBER,
    DelegateRole.ADVISER,
)
_ROLE_ORDER = {role: position for position, role in enumerate(LISTED_ROLES)}


def listed_delegates(delegation: Delegation, *, final: bool = False) -> list[Delegate]:
    """The delegation's listed people, head first, then deputy head, then by rank and name.
    A provisional list shows those not refused; the final list only the accredited."""
    # From the prefetched delegates when the caller prefetched them (the whole list at once).
    delegates = [
        d
        for d in delegation.delegates.all()
        if d.role in LISTED_ROLES
        and (
            d.accreditation_status == AccreditationStatus.ACCREDITED
            if final
            else d.accreditation_status != AccreditationStatus.REJECTED
        )
    ]
    return sorted(
        delegates,
        key=lambda d: (
            _ROLE_ORDER[d.role],
            ProtocolRank.precedence(d.protocol_rank),
            d.family_name.casefold(),
            d.given_names.casefold(),
        ),
    )


def printed_entry(delegate: Delegate) -> dict:
    """Title, name and function as printed: the delegation's correction, else its registration."""
    entry = getattr(delegate, "list_entry", None)
    if entry is not None:
        return {"title": entry.title, "name": entry.name, "function": entry.function}
    name = " ".join(part for part in (delegate.given_names, delegate.family_name) if part)
    return {"title": delegate.title, "name": name, "function": delegate.function}


def list_of_participants(conference: Conference, *, final: bool = False) -> list[dict]:
    """The document's content: sections in order, each with its delegations in the order of
    precedence and their entries; a delegation with nobody listed is left out."""
    delegations = (
        Delegation.objects.filter(conference=conference, status__in=LISTED_STATUSES)
        .exclude(kind=DelegationKind.MEDIA)
        .prefetch_related("delegates__list_entry")
    )
    ordered = order_delegations(list(delegations), conference=conference)
    sections = []
    for kind in SECTIONS:
        members = []
        for delegation in (d for d in ordered if d.kind == kind):
            entries = [printed_entry(d) for d in listed_delegates(delegation, final=final)]
            if entries:
                members.append({"delegation": str(delegation.display_name), "entries": entries})
        if members:
            sections.append({"kind": str(kind), "delegations": members})
    return sections


def final_issued(conference: Conference) -> bool:
    return ParticipantList.objects.filter(
        conference=conference, kind=ParticipantListKind.FINAL
    ).exists()


def issue_participant_list(
    conference: Conference, *, final: bool = False, user=None
) -> ParticipantList:
    """Freeze the list as the next numbered version. A provisional version asks each listed
    delegation's focal point to check its entries in the portal; the final version closes the
    list (`ParticipantListClosed` afterwards)."""
    with transaction.atomic():
        Conference.objects.select_for_update().filter(pk=conference.pk).first()
        if final_issued(conference):
            raise ParticipantListClosed()
        last = ParticipantList.objects.filter(conference=conference).aggregate(n=Max("number"))
        with _in_working_language(conference):
            content = list_of_participants(conference, final=final)
        issued = ParticipantList.objects.create(
            conference=conference,
            kind=ParticipantListKind.FINAL if final else ParticipantListKind.PROVISIONAL,
            number=(last["n"] or 0) + 1,
            issued_by=user,
            content=content,
        )
        if not final:
            for delegation in _listed_delegations(conference):
                notify_focal_point(
                    delegation,
                    "participant_list_check",
                    f"participant-list:{issued.pk}:delegation:{delegation.pk}",
                    participant_list=issued,
                    check_url=f"{settings.SITE_URL}/portal/participants/",
                )
    return issued


def correct_list_entry(delegate: Delegate, *, title: str, name: str, function: str) -> ListEntry:
    """The delegation's correction of how one of its people is printed, until the final list
    is issued. The delegation's earlier confirmation is withdrawn: it confirms again."""
    delegation = delegate.delegation
    with transaction.atomic():
        Delegation.objects.select_for_update().filter(pk=delegation.pk).first()
        _ensure_open(delegation.conference)
        if delegate.role not in LISTED_ROLES:
            raise NotListed()
        entry, _created = ListEntry.objects.update_or_create(
            delegate=delegate,
            defaults={"title": title.strip(), "name": name.strip(), "function": function.strip()},
        )
        ListCheck.objects.filter(delegation=delegation).delete()
    return entry


def confirm_list_entries(delegation: Delegation) -> ListCheck:
    """The delegation confirms that its entries are right, until the final list is issued."""
    with transaction.atomic():
        Delegation.objects.select_for_update().filter(pk=delegation.pk).first()
        _ensure_open(delegation.conference)
        check, _created = ListCheck.objects.update_or_create(
            delegation=delegation, defaults={"checked_at": timezone.now()}
        )
    return check


def _ensure_open(conference):
    if final_issued(conference):
        raise ParticipantListClosed()


def _listed_delegations(conference):
    return (
        Delegation.objects.filter(conference=conference, status__in=LISTED_STATUSES)
        .exclude(kind=DelegationKind.MEDIA)
        .filter(delegates__role__in=LISTED_ROLES)
        .distinct()
    )


def _in_working_language(conference):
    return translation.override(conference.working_language)
