"""Reads about the event itself: the depositary's register of a convention; the names of a
venue's access zones."""

from datetime import date, timedelta

from django.utils.translation import get_language

from conference.models import AccessZone, Conference, Convention, Instrument


def convention_status(convention: Convention) -> dict:
    """Signatories, instruments, notifications and entry into force.

    Art. 65(1): the convention enters into force on the ninetieth day (by default) after the
    deposit of the fortieth instrument; an instrument of a regional economic integration
    organisation does not count in addition to those of its member States, so it is listed but
    not counted. Art. 65(2): for a participant depositing after the fortieth instrument, on the
    thirtieth day (by default) after its own deposit, or on the convention's date if later.
    `participants` joins each participant's signature and instrument, as the Treaty Collection
    lists them (alphabetically by name)."""
    signatures = list(convention.signatures.order_by("signed_on", "pk"))
    instruments = list(convention.instruments.order_by("deposited_on", "pk"))
    counting = [instrument for instrument in instruments if not instrument.is_reio]
    needed = convention.instruments_for_entry_into_force
    decisive = counting[needed - 1] if len(counting) >= needed else None
    entry_into_force = (
        decisive.deposited_on + timedelta(days=convention.days_after_last_instrument)
        if decisive
        else None
    )
    for instrument in instruments:
        instrument.entry_into_force = entry_into_force_for(
            convention, instrument, decisive=decisive, convention_date=entry_into_force
        )
    return {
        "convention": convention,
        "signatures": signatures,
        "instruments": instruments,
        "participants": _participants(signatures, instruments),
        "notifications": list(convention.notifications.order_by("issued_on", "pk")),
        "instruments_counted": len(counting),
        "instruments_missing": max(0, needed - len(counting)),
        "entry_into_force": entry_into_force,
    }


def entry_into_force_for(
    convention: Convention,
    instrument: Instrument,
    *,
    decisive: Instrument | None,
    convention_date: date | None,
) -> date | None:
    """The date the convention enters into force for the participant of `instrument`; None
    while the convention is not due to enter into force.

    Art. 65(1), as the Treaty Collection quotes it (chapter XVIII-16): "This Convention shall
    enter into force on the ninetieth day after the date of deposit of the fortieth instrument of
    ratification, acceptance, approval or accession. For the purpose of this paragraph, any
    instrument deposited by a regional economic integration organization shall not be counted as
    additional to those deposited by member States of that organization". So every instrument
    deposited up to the decisive one gets the convention's own date.

    Art. 65(2): its text was not found in the sources read for the demo (see
    sessions/demo/hanoi-2025-facts.md). The rule applied is the one of the same clause of the
    conventions whose final clauses this one follows (UNCAC art. 68(2), UNTOC art. 38(2)): for a
    State or organization depositing after the decisive instrument, the thirtieth day after the
    date of its deposit, or the convention's own date if that is later. The thirty days are
    `days_after_later_instrument`, not a literal."""
    if decisive is None or convention_date is None:
        return None
    if (instrument.deposited_on, instrument.pk) <= (decisive.deposited_on, decisive.pk):
        return convention_date
    own = instrument.deposited_on + timedelta(days=convention.days_after_later_instrument)
    return max(own, convention_date)


def _participants(signatures, instruments):
    rows = {}
    for signature in signatures:
        rows.setdefault(_key(signature), {"name": str(signature), "party": signature})[
            "signature"
        ] = signature
    for instrument in instruments:
        rows.setdefault(_key(instrument), {"name": str(instrument), "party": instrument})[
            "instrument"
        ] = instrument
    return sorted(
        ({"signature": None, "instrument": None, **row} for row in rows.values()),
        key=lambda row: row["name"].casefold(),
    )


def _key(party):
    return (party.country.code or "", party.organisation)


# The Treaty Collection's mark beside an instrument's date: none for a ratification.
TREATY_COLLECTION_MARKS = {
    Instrument.Kind.RATIFICATION: "",
    Instrument.Kind.ACCEPTANCE: "A",
    Instrument.Kind.APPROVAL: "AA",
    Instrument.Kind.ACCESSION: "a",
}


def zone_names(conference: Conference, codes, language: str | None = None) -> list[str]:
    """The names of the access zones `codes` of the conference's venue, in the order given: what
    a person reads, where the codes ("vip", "press") are what a badge and a door hold. A code
    no longer in the venue shows as it is."""
    names = venue_zone_names(conference, language, codes=codes)
    return [names.get(code, code) for code in codes]


def venue_zone_names(conference: Conference, language: str | None = None, codes=None) -> dict:
    """Code -> name of the access zones of the conference's venue (those of `codes` if given),
    in `language` (the reader's, by default), else in the conference's languages in order, else
    as typed. One query."""
    language = language or get_language()
    zones = AccessZone.objects.filter(venue_id=conference.venue_id).only(
        "code", "name", "translations"
    )
    if codes is not None:
        zones = zones.filter(code__in=codes)
    return {zone.code: zone.localized_name(language, conference.languages) for zone in zones}
