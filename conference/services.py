"""Writes of the conference's own records: rooms, whose changes the floors above may refuse,
and the depositary's register: signatures of a convention, instruments deposited and the
depositary notifications that announce them.

The rules are those of the convention's final clauses (for the Convention against Cybercrime,
Art. 64 and 65) as the convention's fields state them, never as literals: who may sign (States
and the regional economic integration organisations the convention names), where and when
(the opening for signature, then Headquarters until the closing date, never before the
adoption), and which instrument a participant deposits (ratification, acceptance or approval
after a signature, accession without one).
"""

from datetime import date

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from conference.errors import AlreadyRecorded, NotAParticipant, SignatureNotOpen, WrongInstrument
from conference.models import Convention, DepositaryNotification, Instrument, Room, Signature
from conference.webhooks import events as webhook_events

# Rules of the floors above that refuse a change to a room (the programme refuses fewer
# interpretation booths than the sessions to come in the room need); each takes the room as it
# would be saved and raises a `DomainError`. Registered once at start (sessions/apps.py).
_ROOM_RULES = []


def check_room_change(rule) -> None:
    """Register a rule that a room's change must pass; registering it again changes nothing."""
    if rule not in _ROOM_RULES:
        _ROOM_RULES.append(rule)


def check_room(room: Room) -> None:
    """Raise the first `DomainError` of a registered rule that refuses the room as it is now
    (unsaved changes included); the console calls it to show the refusal on the form."""
    for rule in _ROOM_RULES:
        rule(room)


def save_room(room: Room) -> Room:
    """Save a new or changed room once every registered rule accepts it. The room's row is
    locked first, as placing a session locks it, so a session cannot slip into the room between
    the check and the save. Raises the rule's `DomainError`, saving nothing."""
    with transaction.atomic():
        if room.pk is not None:
            Room.objects.select_for_update().filter(pk=room.pk).first()
        room.full_clean()
        check_room(room)
        room.save()
    return room


def record_signature(
    convention: Convention,
    *,
    signed_on: date,
    place: str,
    country: str = "",
    organisation: str = "",
) -> Signature:
    """Record that a State (country code) or a REIO (organisation) signed; once per participant.
    The conferences' webhooks hear of it once the signature is committed.

    Refused (SignatureNotOpen) before the adoption, outside the opening for signature at its
    place, at Headquarters before the opening ends or after the closing date, and elsewhere;
    refused (NotAParticipant) for an organisation that is not one of the convention's REIOs."""
    check_participant(convention, country=country, organisation=organisation)
    check_signature_open(convention, signed_on=signed_on, place=place)
    with transaction.atomic():
        signature = _record(
            Signature(
                convention=convention,
                country=country,
                organisation=organisation,
                signed_on=signed_on,
                place=place,
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
