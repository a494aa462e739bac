"""The Hanoi demo's protocol: the speakers' list, the signing order, the seated state banquet and
booked roundtable places, all made through the services.

Every choice comes from a random generator seeded by the conference and the purpose, over
delegations taken in the order of their natural keys, so that every fresh install is the same.
Each part skips what it already made (an inscription, a signatory, an answer, a place), so a
second run creates nothing, and it keeps what organisers changed in the console since.
"""

import math
import random
from datetime import datetime, time, timedelta
from io import BytesIO

from django.core.files.base import ContentFile
from django.db.models import Q
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from delegations.enums import DelegateRole, DelegationKind
from delegations.models import Delegation
from sessions import services
from sessions.enums import SessionKind, SessionState
from sessions.models import (
    SIGNS_WITHOUT_FULL_POWERS,
    FullPowersState,
    GalaAnswer,
    GalaSeat,
    GalaTable,
    Inscription,
    Place,
    Session,
    Signatory,
)

# Statements in the general debate over the two days, as reported: 71 by States, organisations
# and companies. Which of them spoke, and in which order, is not on the public record: the list
# is drawn (illustrative), in these proportions.
SPEAKING_STATES = 53
SPEAKING_ORGANISATIONS = 12
SPEAKING_COMPANIES = 6
SPEAKING_ORGANISATION_KINDS = {
    DelegationKind.REIO,
    DelegationKind.REGIONAL_ORGANISATION,
    DelegationKind.INTERGOVERNMENTAL_ORGANISATION,
    DelegationKind.UN_ENTITY,
}
FULL_POWERS_VERIFIER = "Office of Legal Affairs (demo)"
# Who signed each instrument of full powers is not on the public record: illustrative.
FULL_POWERS_ISSUER = ("minister_for_foreign_affairs", "Minister for Foreign Affairs (illustrative)")
# At most one signature every two minutes from the start of the ceremony: 64 States signed in
# the ceremony of 25 October (Ministry of Public Security, 26 October), 2h15 in the demo.
# Each signature's minute is illustrative; the register keeps its day, verified or not.
MINUTES_PER_SIGNATURE = 2
# Drawn States that did not sign in Hanoi but named a signatory who needs full powers, to
# show the console's other states of full powers (none of them gets a slot): (state, reason).
UNVERIFIED_FULL_POWERS = [
    (FullPowersState.PENDING, ""),
    (FullPowersState.MISSING, ""),
    (FullPowersState.REJECTED, "Credentials were sent; they are not an instrument of full powers."),
]
GALA_SLUG = "state-banquet"
GALA_GUESTS = {
    *DelegationKind.states(),
    DelegationKind.REIO,
    DelegationKind.REGIONAL_ORGANISATION,
    DelegationKind.INTERGOVERNMENTAL_ORGANISATION,
    DelegationKind.UN_ENTITY,
}
GALA_REGRETS = 0.1
GALA_DIETARY = 0.2
DIETARY_NEEDS = ["Vegetarian", "Halal", "No pork", "Gluten-free", "Vegan", "No shellfish"]
TOP_TABLE_SEATS = 13
TABLE_SEATS = 10
# Requests for places, one per delegation; 40 places each, so the first fills its wait list.
ROUNDTABLE_REQUESTS = {"roundtable-1": 44, "roundtable-2": 30, "roundtable-3": 36}


def load_protocol(conference, delegations_data, report):
    """Install the four parts; `delegations_data` is the delegations' data file, read."""
    delegations = sorted(
        Delegation.objects.filter(conference=conference).prefetch_related("delegates"),
        key=lambda d: (d.country.code or "", d.acronym),
    )
    signatures = [
        (entry.get("code") or entry["acronym"], entry)
        for entry in delegations_data["states"] + delegations_data["organisations"]
        if "signed_on" in entry
    ]
    # A signature made later at Headquarters has no slot in the conference's signing order.
    signed = {code for code, entry in signatures if entry.get("signed_at") != "headquarters"}
    signed_later = {code for code, _entry in signatures} - signed
    # Only a signature known to be of the ceremony's day gets a minute in the ceremony; one of
    # the next day, or of a day the sources do not give, keeps its slot unsigned there.
    at_ceremony = {
        code
        for code, entry in signatures
        if code in signed
        and entry.get("signed_day_verified", True)
        and entry["signed_on"] == conference.start_date
    }
    named_signatories = {
        entry["code"]: entry["signatory"]
        for entry in delegations_data["states"]
        if "signatory" in entry
    }
    _speakers_list(conference, delegations, report)
    _signing_order(
        conference, delegations, signed, signed_later, at_ceremony, named_signatories, report
    )
    _state_banquet(conference, delegations, report)
    _roundtable_places(conference, delegations, report)


def _speakers_list(conference, delegations, report):
    """States, organisations and companies ask to speak in the general debate, in a drawn
    order: their time of inscription. The conference's principals open the sittings instead."""
    states = [
        d
        for d in delegations
        if d.kind == DelegationKind.MEMBER_STATE and d.country.code != conference.host_country.code
    ]
    organisations = [
        d
        for d in delegations
        if d.kind in SPEAKING_ORGANISATION_KINDS
        and not any(person.principal_order for person in d.delegates.all())
    ]
    companies = [d for d in delegations if d.kind == DelegationKind.PRIVATE_SECTOR]
    inscribed = set(
        Inscription.objects.filter(conference=conference).values_list("delegation_id", flat=True)
    )
    rng = random.Random(f"{conference.slug}-speakers")
    speakers = [
        *rng.sample(states, min(SPEAKING_STATES, len(states))),
        *rng.sample(organisations, min(SPEAKING_ORGANISATIONS, len(organisations))),
        *rng.sample(companies, min(SPEAKING_COMPANIES, len(companies))),
    ]
    rng.shuffle(speakers)
    for delegation in speakers:
        # Withdrawn ones count too: a withdrawal made in the console stays.
        if delegation.pk in inscribed:
            report.count_new("speakers' list inscriptions", False)
            continue
        services.request_to_speak(delegation)
        report.count_new("speakers' list inscriptions", True)


def _signing_order(
    conference, delegations, signed, signed_later, at_ceremony, named_signatories, report
):
    """The signatories of the States and the REIO that signed in Hanoi (the heads, or the
    person the data names: Viet Nam's Minister of Public Security), full powers uploaded,
    approved and their originals received where needed, and their slots; a few States that did
    not sign wait on their full powers.

    The Convention's signatures themselves are recorded by the loader from the data file; the
    ceremony is then entered in the signing order from the start of the ceremony's session
    (`record_signing` keeps the signatures already recorded), for the signatories `at_ceremony`
    only: those who signed on the next day, or whose sources do not say on which day they
    signed, keep their slot, unsigned in the ceremony; the register holds their day, or says
    it is not verified."""
    registered = set(
        Signatory.objects.filter(conference=conference).values_list("delegation_id", flat=True)
    )
    states = [d for d in delegations if d.is_state]
    plan = [
        (d, FullPowersState.APPROVED, "")
        for d in delegations
        if d.is_treaty_participant and (d.country.code or d.acronym) in signed
    ]
    waiting = [
        d
        for d in states
        if d.country.code not in signed | signed_later
        and _head(d).protocol_rank not in SIGNS_WITHOUT_FULL_POWERS
    ]
    rng = random.Random(f"{conference.slug}-full-powers")
    drawn = rng.sample(waiting, min(len(UNVERIFIED_FULL_POWERS), len(waiting)))
    plan += [(d, *outcome) for d, outcome in zip(drawn, UNVERIFIED_FULL_POWERS, strict=False)]
    created = 0
    for delegation, state, reason in plan:
        if delegation.pk in registered:
            report.count_new("signatories", False)
            continue
        signatory = services.register_signatory(
            delegation, delegate=_signatory(delegation, named_signatories)
        )
        if signatory.full_powers_state != FullPowersState.NOT_REQUIRED:
            _give_full_powers(signatory, conference, state=state, reason=reason)
        report.count_new("signatories", True)
        created += 1
    if created:
        services.assign_signing_slots(conference)
    _ceremony(conference, at_ceremony)


def _ceremony(conference, at_ceremony):
    ceremony = Session.objects.filter(
        conference=conference, kind=SessionKind.SIGNING_CEREMONY
    ).first()
    opening = (
        ceremony.starts_at
        if ceremony
        else datetime.combine(conference.start_date, time(10), tzinfo=conference.tzinfo)
    )
    waiting = list(
        Signatory.objects.filter(conference=conference, signed_at__isnull=True, slot__isnull=False)
        .filter(Q(delegation__country__in=at_ceremony) | Q(delegation__acronym__in=at_ceremony))
        .select_related("conference", "delegation")
        .order_by("slot")
    )
    step = timedelta(minutes=MINUTES_PER_SIGNATURE)
    if ceremony and waiting:
        # Timed by slot, so the last slot (signed or not) still falls within the ceremony.
        share = (ceremony.ends_at - ceremony.starts_at) / waiting[-1].slot
        step = min(step, timedelta(seconds=int(share.total_seconds())))
    for signatory in waiting:
        services.record_signing(signatory, signed_at=opening + step * (signatory.slot - 1))


def _give_full_powers(signatory, conference, *, state, reason):
    if state == FullPowersState.MISSING:
        return
    issued_by, issuer = FULL_POWERS_ISSUER
    services.upload_full_powers(
        signatory,
        file=ContentFile(_full_powers_pdf(signatory, conference), "full-powers.pdf"),
        issued_by=issued_by,
        issuer=issuer,
    )
    if state != FullPowersState.PENDING:
        services.verify_full_powers(
            signatory,
            approve=state == FullPowersState.APPROVED,
            by=FULL_POWERS_VERIFIER,
            reason=reason,
        )
    if state == FullPowersState.APPROVED:
        services.record_original_full_powers(signatory, by=FULL_POWERS_VERIFIER)


def _full_powers_pdf(signatory, conference):
    """A one-page instrument, plainly fictional, naming the treaty and the person."""
    buffer = BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4, invariant=True)  # the same bytes on every run
    lines = [
        "INSTRUMENT OF FULL POWERS (fictional, for the demo)",
        conference.convention.short_title if conference.convention else conference.name,
        f"{signatory.delegate.full_name}, {signatory.delegate.function}",
        f"for {signatory.delegation.display_name}",
    ]
    for number, line in enumerate(lines):
        page.drawString(72, 760 - 24 * number, str(line))
    page.save()
    return buffer.getvalue()


def _state_banquet(conference, delegations, report):
    """The heads of delegation of States and intergovernmental bodies answer (a few regrets,
    some dietary needs); tables are set in the banquet hall for those who come, and seated."""
    session = Session.objects.filter(
        conference=conference, slug=GALA_SLUG, kind=SessionKind.GALA_DINNER
    ).first()
    if session is None:
        return
    answered = set(GalaAnswer.objects.filter(session=session).values_list("delegate_id", flat=True))
    rng = random.Random(f"{conference.slug}-gala")
    for delegation in (d for d in delegations if d.kind in GALA_GUESTS):
        is_host = delegation.country.code == conference.host_country.code
        # The head of delegation, and the principals (the host's dignitaries among them).
        for guest in _banquet_guests(delegation):
            # Drawn for every guest, answered or not, so that each keeps the same draw.
            regrets = rng.random() < GALA_REGRETS and not is_host and not guest.principal_order
            needs = rng.choice(DIETARY_NEEDS) if rng.random() < GALA_DIETARY else ""
            if guest.pk in answered:
                report.count_new("gala dinner answers", False)
                continue
            services.answer_gala_dinner(
                session, delegate=guest, attending=not regrets, dietary_needs=needs
            )
            report.count_new("gala dinner answers", True)
    if not GalaTable.objects.filter(session=session).exists():
        guests = GalaAnswer.objects.filter(session=session, attending=True).count()
        others = math.ceil(max(guests - TOP_TABLE_SEATS, 0) / TABLE_SEATS)
        # No service makes tables: like rooms, they are data the organisers type in.
        tables = [GalaTable(session=session, number=1, seats=TOP_TABLE_SEATS, is_top_table=True)]
        tables += [
            GalaTable(session=session, number=n, seats=TABLE_SEATS) for n in range(2, others + 2)
        ]
        GalaTable.objects.bulk_create(tables)
        report.count_new("gala tables", len(tables))
    if not GalaSeat.objects.filter(session=session).exists():
        report.count_new("gala seats", len(services.seat_gala_dinner(session)))


def _roundtable_places(conference, delegations, report):
    """One delegate of each drawn delegation asks for a place: confirmed, or wait-listed."""
    roundtables = Session.objects.filter(
        conference=conference,
        kind=SessionKind.ROUNDTABLE,
        state=SessionState.PUBLISHED,
        slug__in=ROUNDTABLE_REQUESTS,
    ).order_by("starts_at")
    # Released places count too: a place given up in the console stays given up.
    asked = set(
        Place.objects.filter(session__in=roundtables).values_list("session_id", "delegate_id")
    )
    candidates = [d for d in delegations if d.kind != DelegationKind.MEDIA]
    for session in roundtables:
        rng = random.Random(f"{conference.slug}-{session.slug}")
        requests = min(ROUNDTABLE_REQUESTS[session.slug], len(candidates))
        for delegation in rng.sample(candidates, requests):
            delegate = _member(delegation)
            if (session.pk, delegate.pk) in asked:
                report.count_new("roundtable places", False)
                continue
            services.reserve_place(session, delegate=delegate)
            report.count_new("roundtable places", True)


def _head(delegation):
    return next(d for d in delegation.delegates.all() if d.role == DelegateRole.HEAD)


def _signatory(delegation, named_signatories):
    """The head of delegation, unless the data names the person who signed."""
    named = named_signatories.get(delegation.country.code)
    if named is None:
        return _head(delegation)
    return next(
        d for d in delegation.delegates.all() if f"{d.family_name} {d.given_names}" == named
    )


def _banquet_guests(delegation):
    return sorted(
        (
            d
            for d in delegation.delegates.all()
            if d.role == DelegateRole.HEAD or d.principal_order is not None
        ),
        key=lambda d: d.pk,
    )


def _member(delegation):
    """The delegation's first member (a head goes only when there is nobody else)."""
    people = sorted(delegation.delegates.all(), key=lambda d: (d.role == DelegateRole.HEAD, d.pk))
    return people[0]
