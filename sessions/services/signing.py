"""The signing ceremony: signatories, their full powers, the signing order and the signatures."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from conference.files import uploaded_name
from conference.services import record_signature
from delegations.models import Delegate, Delegation
from delegations.precedence import BY_LOT, order_delegations
from delegations.uploads import check_pdf
from sessions.errors import (
    FullPowersIssuerMissing,
    FullPowersNeeded,
    NoConventionToSign,
    NotAStateDelegation,
    NothingToVerify,
    ReasonRequired,
)
from sessions.models import (
    SIGNS_WITHOUT_FULL_POWERS,
    FullPowersAuthority,
    FullPowersState,
    Signatory,
)
from sessions.services.notices import notify_full_powers, notify_signature


def register_signatory(delegation: Delegation, *, delegate: Delegate) -> Signatory:
    """Name the person who signs for a State or a regional economic integration organisation
    (the European Union signs; the Council of Europe, a regional organisation, does not).
    Whether full powers are needed follows from the protocol rank: not for a Head of State,
    Head of Government or Minister for Foreign Affairs of a State. Naming someone else starts
    again: their full powers must be uploaded and verified."""
    if not delegation.is_treaty_participant:
        raise NotAStateDelegation()
    if delegate.delegation_id != delegation.pk:
        raise NotAStateDelegation(_("The signatory must belong to the delegation."))
    # An organisation's signatory always holds full powers from the organisation.
    needed = not delegation.is_state or delegate.protocol_rank not in SIGNS_WITHOUT_FULL_POWERS
    signatory, _created = Signatory.objects.update_or_create(
        conference=delegation.conference,
        delegation=delegation,
        defaults={
            "delegate": delegate,
            "full_powers": "",
            "full_powers_state": (
                FullPowersState.MISSING if needed else FullPowersState.NOT_REQUIRED
            ),
            "full_powers_issued_by": "",
            "full_powers_issuer": "",
            "original_received_at": None,
            "original_received_by": "",
            "rejection_reason": "",
            "verified_by": "",
            "verified_at": None,
            "slot": None,
        },
    )
    return signatory


def upload_full_powers(
    signatory: Signatory, *, file, issued_by: str = "", issuer: str = ""
) -> Signatory:
    """Keep a copy of the instrument of full powers (a PDF, checked by its content, at most
    10 MB) for verification by the organisers, with who signed it (`issued_by`, one of the
    three authorities, and `issuer`, their name and title) when the delegation says so. The
    original still has to reach the depositary."""
    if issued_by and issued_by not in FullPowersAuthority.values:
        raise FullPowersIssuerMissing()
    check_pdf(file)
    with transaction.atomic():
        signatory.full_powers.save("full-powers.pdf", file, save=False)
        signatory.full_powers_name = uploaded_name(file)
        signatory.full_powers_issued_by = issued_by
        signatory.full_powers_issuer = " ".join(issuer.split())
        signatory.original_received_at = None
        signatory.original_received_by = ""
        signatory.full_powers_state = FullPowersState.PENDING
        signatory.rejection_reason = ""
        signatory.save()
    return signatory


def verify_full_powers(
    signatory: Signatory,
    *,
    approve: bool,
    by: str,
    reason: str = "",
    issued_by: str = "",
    issuer: str = "",
):
    """An organiser approves the full powers, or rejects them with a reason; the delegation is
    told either way. Approval needs the authority that signed them (the Head of State, the Head
    of Government or the Minister for Foreign Affairs) and their name and title, as the
    delegation gave them or as the organiser reads them on the instrument (`issued_by`,
    `issuer`). The signatory then signs once the original is received, or at once where the
    conference allows signing on a copy."""
    if not approve and not reason.strip():
        raise ReasonRequired()
    if signatory.full_powers_state != FullPowersState.PENDING:
        raise NothingToVerify()
    issued_by = issued_by or signatory.full_powers_issued_by
    issuer = " ".join((issuer or signatory.full_powers_issuer).split())
    if approve and (issued_by not in FullPowersAuthority.values or not issuer):
        raise FullPowersIssuerMissing()
    with transaction.atomic():
        signatory.full_powers_issued_by = issued_by
        signatory.full_powers_issuer = issuer
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


def record_original_full_powers(signatory: Signatory, *, by: str, received_at=None) -> Signatory:
    """Record that the original instrument of full powers reached the depositary (the Treaty
    Section), so that a signatory whose copy was verified may sign. Recording it again keeps
    the first receipt."""
    if signatory.full_powers_state != FullPowersState.APPROVED:
        raise NothingToVerify(_("Only verified full powers have an original to receive."))
    if signatory.original_received_at is None:
        signatory.original_received_at = received_at or timezone.now()
        signatory.original_received_by = by
        signatory.save(update_fields=["original_received_at", "original_received_by"])
    return signatory


def assign_signing_slots(conference) -> list[Signatory]:
    """Places at the signing table in the order of precedence, the host first; only those who
    may sign (full powers verified, or not needed) get a place."""
    with transaction.atomic():
        signatories = list(
            Signatory.objects.select_for_update()
            .filter(conference=conference, signed_at__isnull=True)
            .select_related("conference", "delegation", "delegate")
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
    Refused while full powers are needed and not verified (nor their original received, unless
    the conference allows signing on a copy), and outside the convention's opening for
    signature. Signing twice changes nothing; a signature the Convention already holds for the
    State or organisation (entered from the depositary's records) is kept as it is."""
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
        delegation = signatory.delegation
        participant = (
            {"country": delegation.country.code, "organisation": ""}
            if delegation.is_state
            else {"country": "", "organisation": delegation.name}
        )
        if not conference.convention.signatures.filter(**participant).exists():
            record_signature(
                conference.convention,
                signed_on=timezone.localdate(signatory.signed_at, conference.tzinfo),
                place=place or conference.city,
                **participant,
            )
        notify_signature(signatory)
    return signatory
