"""Writes of the depositary's register: signatures of a convention, instruments deposited and the
depositary notifications that announce them.

The rules are those of the convention's final clauses (for the Convention against Cybercrime,
Art. 64 and 65) as the convention's fields state them, never as literals: who may sign (States
and the regional economic integration organisations the convention names), where and when
(the opening for signature, then Headquarters until the closing date, never before the
adoption), and which instrument a participant deposits (ratification, acceptance or approval
after a signature, accession without one); a REIO signs and deposits only after one of its
member States.
"""

from datetime import date

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from conference.errors import (
    AlreadyRecorded,
    NoMemberStateSigned,
    NotAParticipant,
    SignatureNotOpen,
    WrongInstrument,
)
from conference.models import Convention, DepositaryNotification, Instrument, Signature
from conference.webhooks import events as webhook_events


def record_signature(
    convention: Convention,
    *,
    signed_on: date,
    place: str,
    country: str = "",
    organisation: str = "",
    day_is_verified: bool = True,
    source: str = "",
) -> Signature:
    """Record that a State (country code) or a REIO (organisation) signed; once per participant.
    The conferences' webhooks hear of it once the signature is committed. `source` names where
    the signature is reported; `day_is_verified=False` when it says the participant signed
    during the opening for signature but not on which day (the date must still be one of them).

    Refused (SignatureNotOpen) before the adoption, outside the opening for signature at its
    place, at Headquarters before the opening ends or after the closing date, and elsewhere;
    refused (NotAParticipant) for an organisation that is not one of the convention's REIOs,
    and (NoMemberStateSigned) for a REIO none of whose member States has signed by that day."""
    check_participant(convention, country=country, organisation=organisation)
    check_signature_open(convention, signed_on=signed_on, place=place)
    if organisation:
        check_member_state_signed(convention, organisation=organisation, signed_on=signed_on)
    with transaction.atomic():
        signature = _record(
            Signature(
                convention=convention,
                country=country,
                organisation=organisation,
                signed_on=signed_on,
                place=place,
                day_is_verified=day_is_verified,
                source=source,
            )
        )
        webhook_events.signature_recorded(signature)
    return signature


def deposit_instrument(
    convention: Convention,
    *,
    kind: str,
    deposited_on: date,
    country: str = "",
    organisation: str = "",
) -> Instrument:
    """Record an instrument of ratification, acceptance or approval (by a signatory, not before
    its signature) or of accession (by a participant that did not sign); once per participant.
    Nothing is deposited before the adoption."""
    check_instrument(
        convention,
        kind=kind,
        deposited_on=deposited_on,
        country=country,
        organisation=organisation,
    )
    return _record(
        Instrument(
            convention=convention,
            country=country,
            organisation=organisation,
            kind=kind,
            deposited_on=deposited_on,
        )
    )


def record_depositary_notification(
    convention: Convention,
    *,
    reference: str,
    issued_on: date,
    subject: str,
    is_illustrative: bool = False,
) -> DepositaryNotification:
    """Keep a depositary notification in the register's list; once per reference."""
    notification = DepositaryNotification(
        convention=convention,
        reference=reference.strip(),
        issued_on=issued_on,
        subject=subject.strip(),
        is_illustrative=is_illustrative,
    )
    if DepositaryNotification.objects.filter(
        convention=convention, reference=notification.reference
    ).exists():
        raise AlreadyRecorded()
    notification.full_clean()
    notification.save()
    return notification


def check_instrument(
    convention: Convention,
    *,
    kind: str,
    deposited_on: date,
    country: str = "",
    organisation: str = "",
) -> None:
    """Raise unless the participant may deposit an instrument of this kind on that date."""
    check_participant(convention, country=country, organisation=organisation)
    if deposited_on < convention.adopted_on:
        raise SignatureNotOpen(_("No instrument is deposited before the convention's adoption."))
    signature = convention.signatures.filter(country=country, organisation=organisation).first()
    if kind == Instrument.Kind.ACCESSION and signature is not None:
        raise WrongInstrument(
            _("A signatory ratifies, accepts or approves the convention: it does not accede.")
        )
    if kind != Instrument.Kind.ACCESSION:
        if signature is None:
            raise WrongInstrument(
                _("A participant that did not sign the convention accedes to it.")
            )
        if deposited_on < signature.signed_on:
            raise WrongInstrument(_("The instrument cannot precede the signature."))
    if organisation:
        check_member_state_deposited(
            convention, organisation=organisation, deposited_on=deposited_on
        )


def check_participant(convention: Convention, *, country: str = "", organisation: str = ""):
    """Raise NotAParticipant unless exactly one of a State or a REIO named by the convention."""
    if bool(country) == bool(organisation):
        raise NotAParticipant()
    if organisation and organisation not in convention.regional_organisations:
        raise NotAParticipant(
            _(
                "%(name)s is not a regional economic integration organisation of this "
                "convention: it neither signs nor deposits an instrument."
            )
            % {"name": organisation}
        )


def check_member_state_signed(convention: Convention, *, organisation: str, signed_on: date):
    """Raise NoMemberStateSigned unless one of the REIO's member States (the convention's
    `regional_organisation_members`) signed on or before `signed_on`.

    Art. 64(2) opens the Convention to a REIO "provided that at least one member State of such
    organization has signed" it: the wording of UNTOC art. 36(2) and UNCAC art. 67(2), whose
    final clauses the Convention follows. The Convention's own text of art. 64(2) was not found
    in the public sources searched, so the rule is that of its models (unverified). A REIO whose
    member States the register does not know is refused too: the condition cannot be checked."""
    members = _member_states(convention, organisation)
    if not convention.signatures.filter(country__in=members, signed_on__lte=signed_on).exists():
        raise NoMemberStateSigned(
            _(
                "%(name)s signs only once at least one of its member States has signed the "
                "convention, on the same day at the latest."
            )
            % {"name": organisation}
        )


def check_member_state_deposited(
    convention: Convention, *, organisation: str, deposited_on: date
) -> None:
    """Raise NoMemberStateSigned unless one of the REIO's member States deposited an instrument
    (of any kind) on or before `deposited_on`.

    UNTOC art. 36(3) and (4) and UNCAC art. 67(3) and (4), the models of the Convention's final
    clauses: a REIO deposits its instrument of ratification, acceptance or approval "if at least
    one of its member States has done likewise", and accedes only once one of them is a party.
    The Convention's own text was not found in the public sources searched (unverified)."""
    members = _member_states(convention, organisation)
    if not convention.instruments.filter(
        country__in=members, deposited_on__lte=deposited_on
    ).exists():
        raise NoMemberStateSigned(
            _(
                "%(name)s deposits an instrument only once at least one of its member States "
                "has deposited its own, on the same day at the latest."
            )
            % {"name": organisation}
        )


def _member_states(convention: Convention, organisation: str) -> list[str]:
    members = convention.regional_organisation_members.get(organisation) or []
    if not members:
        raise NoMemberStateSigned(
            _(
                "The member States of %(name)s are not recorded for this convention: it signs "
                "only once at least one of them has signed."
            )
            % {"name": organisation}
        )
    return members


def check_signature_open(convention: Convention, *, signed_on: date, place: str) -> None:
    """Raise SignatureNotOpen unless the convention is open for signature at `place` on
    `signed_on` (Art. 64: at the opening's place on its days, then at Headquarters until the
    closing date)."""
    if signed_on < convention.adopted_on:
        raise SignatureNotOpen(_("Nobody signs a convention before its adoption."))
    if convention.signature_closes_on and signed_on > convention.signature_closes_on:
        raise SignatureNotOpen(
            _("The convention was open for signature until %(date)s.")
            % {"date": convention.signature_closes_on.isoformat()}
        )
    if convention.opening_from is None:
        return
    opening_until = convention.opening_until or convention.opening_from
    if signed_on < convention.opening_from:
        raise SignatureNotOpen(
            _("The convention opens for signature on %(date)s.")
            % {"date": convention.opening_from.isoformat()}
        )
    at_opening = _same_place(place, convention.opening_place)
    if signed_on <= opening_until and not at_opening:
        raise SignatureNotOpen(
            _("Until %(date)s the convention is open for signature in %(place)s only.")
            % {"date": opening_until.isoformat(), "place": convention.opening_place}
        )
    if signed_on > opening_until and not _same_place(place, convention.headquarters_place):
        raise SignatureNotOpen(
            _("After %(date)s the convention is open for signature at %(place)s only.")
            % {"date": opening_until.isoformat(), "place": convention.headquarters_place}
        )


def _same_place(place, expected):
    return not expected or " ".join(place.split()).casefold() == expected.casefold()


def _record(row):
    already = type(row).objects.filter(
        convention=row.convention, country=row.country, organisation=row.organisation
    )
    if already.exists():
        raise AlreadyRecorded()
    row.full_clean()
    try:
        with transaction.atomic():
            row.save()
    except IntegrityError as error:
        raise AlreadyRecorded() from error
    return row
