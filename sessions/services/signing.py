"""The signing ceremony: signatories, their full powers, the signing order and the signatures."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from conference.services import record_signature
from delegations.models import Delegate, Delegation
from delegations.precedence import BY_LOT, order_delegations
from delegations.uploads import check_pdf
from sessions.errors import (
    FullPowersNeeded,
    NoConventionToSign,
    NotAStateDelegation,
    NothingToVerify,
    ReasonRequired,
)
from sessions.models import SIGNS_WITHOUT_FULL_POWERS, FullPowersState, Signatory
from sessions.services.notices import notify_full_powers, notify_signature


def register_signatory(delegation: Delegation, *, delegate: Delegate) -> Signatory:
    """Name the person who signs for a State. Whether full powers are needed follows from the
    protocol rank: not for a Head of State, Head of Government or Minister for Foreign Affairs.
    Naming someone else starts again: their full powers must be uploaded and verified."""
    if not delegation.is_state:
        raise NotAStateDelegation()
    if delegate.delegation_id != delegation.pk:
        raise NotAStateDelegation(_("The signatory must belong to the delegation."))
    needed = delegate.protocol_rank not in SIGNS_WITHOUT_FULL_POWERS
    signatory, _created = Signatory.objects.update_or_create(
        conference=delegation.conference,
        delegation=delegation,
        defaults={
            "delegate": delegate,
            "full_powers": "",
            "full_powers_state": (
                FullPowersState.MISSING if needed else FullPowersState.NOT_REQUIRED
            ),
            "rejection_reason": "",
            "verified_by": "",
            "verified_at": None,
            "slot": None,
        },
    )
    return signatory


def upload_full_powers(signatory: Signatory, *, file) -> Signatory:
    """Keep the instrument of full powers (a PDF, checked by its content, at most 10 MB) for
    verification by the organisers."""
    check_pdf(file)
    with transaction.atomic():
        signatory.full_powers.save("full-powers.pdf", file, save=False)
        signatory.full_powers_state = FullPowersState.PENDING
        signatory.rejection_reason = ""
        signatory.save()
    return signatory


def verify_full_powers(signatory: Signatory, *, approve: bool, by: str, reason: str = ""):
    """An organiser approves the full powers, or rejects them with a reason; the delegation is
    told either way."""
    if not approve and not reason.strip():
        raise ReasonRequired()
    if signatory.full_powers_state != FullPowersState.PENDING:
        raise NothingToVerify()
    with transaction.atomic():
        signatory.full_powers_state = (
            FullPowersState.APPROVED if approve else FullPowersState.REJECTED
        )
        signatory.rejection_reason = "" if approve else reason.strip()
        signatory.verified_by = by
        signatory.verified_at = timezone.now()
        if not approve:
            signatory.slot = None
        signatory.save()
        notify_full_powers(signatory)
    return signatory


def assign_signing_slots(conference) -> list[Signatory]:
    """Places at the signing table in the order of precedence, the host first; only those who
    may sign (full powers verified, or not needed) get a place."""
    with transaction.atomic():
        signatories = list(
            Signatory.objects.select_for_update()
            .filter(conference=conference, signed_at__isnull=True)
            .select_related("delegation", "delegate")
        )
        by_delegation = {s.delegation_id: s for s in signatories}
        Signatory.objects.filter(pk__in=[s.pk for s in signatories]).update(slot=None)
        eligible = [s.delegation for s in signatories if s.may_sign]
        ordered = order_delegations(eligible, conference=conference, tie_break=BY_LOT)
        already = Signatory.objects.filter(conference=conference, signed_at__isnull=False)
        start = (max(already.values_list("slot", flat=True), default=None) or 0) + 1
        for slot, delegation in enumerate(ordered, start=start):
            Signatory.objects.filter(pk=by_delegation[delegation.pk].pk).update(slot=slot)
    return list(
        Signatory.objects.filter(conference=conference, slot__isnull=False).order_by("slot")
    )


def record_signing(signatory: Signatory, *, place: str = "", signed_at=None) -> Signatory:
    """Record that the signatory signed (now, or at `signed_at` when the ceremony is entered
    afterwards): the Convention's signature (date and place) and the delegation's notice.
    Refused while full powers are needed and not verified. Signing twice changes nothing; a
    signature the Convention already holds for the State (entered from the depositary's
    records) is kept as it is."""
    with transaction.atomic():
        signatory = (
            Signatory.objects.select_for_update(of=("self",))
            .select_related("conference__convention", "delegation", "delegate")
            .get(pk=signatory.pk)
        )
        if signatory.signed_at is not None:
            return signatory
        if not signatory.may_sign or signatory.slot is None:
            raise FullPowersNeeded()
        conference = signatory.conference
        if conference.convention is None:
            raise NoConventionToSign()
        signatory.signed_at = signed_at or timezone.now()
        signatory.save(update_fields=["signed_at"])
        country = signatory.delegation.country.code
        if not conference.convention.signatures.filter(country=country).exists():
            record_signature(
                conference.convention,
                country=country,
                signed_on=timezone.localdate(signatory.signed_at, conference.tzinfo),
                place=place or conference.city,
            )
        notify_signature(signatory)
    return signatory
