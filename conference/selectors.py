"""Reads about the event itself."""

from datetime import timedelta

from conference.models import Convention


def convention_status(convention: Convention) -> dict:
    """Signatories, instruments and entry into force.

    The convention enters into force on the ninetieth day (by default) after the deposit of the
    fortieth instrument; an instrument of a regional economic integration organisation does not
    count in addition to those of its member States, so it is listed but not counted.
    """
    signatures = list(convention.signatures.order_by("signed_on", "pk"))
    instruments = list(convention.instruments.order_by("deposited_on", "pk"))
    counting = [instrument for instrument in instruments if not instrument.is_reio]
    needed = convention.instruments_for_entry_into_force
    decisive = counting[needed - 1] if len(counting) >= needed else None
    return {
        "convention": convention,
        "signatures": signatures,
        "instruments": instruments,
        "instruments_counted": len(counting),
        "instruments_missing": max(0, needed - len(counting)),
        "entry_into_force": (
            decisive.deposited_on + timedelta(days=convention.days_after_last_instrument)
            if decisive
            else None
        ),
    }
