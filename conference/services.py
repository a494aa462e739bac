"""Writes about the event itself: signatures of the Convention and instruments deposited."""

from datetime import date

from django.db import IntegrityError, transaction

from conference.errors import AlreadyRecorded
from conference.models import Convention, Instrument, Signature
from conference.webhooks import events as webhook_events


def record_signature(
    convention: Convention,
    *,
    signed_on: date,
    place: str,
    country: str = "",
    organisation: str = "",
) -> Signature:
    """Record that a State (country code) or a REIO (organisation) signed. Once per party.
    The conferences' webhooks hear of it once the signature is committed."""
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
    """Record an instrument of ratification, acceptance, approval or accession. Once per party."""
    return _record(
        Instrument(
            convention=convention,
            country=country,
            organisation=organisation,
            kind=kind,
            deposited_on=deposited_on,
        )
    )


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
