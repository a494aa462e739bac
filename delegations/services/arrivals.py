"""Arrivals and departures: who meets whom at the airport, and who hears of a change.

The protocol of an arrival follows the rank of the delegation's principal on that flight (the
highest-ranked person aboard): a Minister of the host greets a Head of State or Government, and
the whole party goes through the VIP lounge and leaves by the principal's motorcade or car. A
change of travel is sent to the delegation's liaison officer, who meets the flight.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from conference.errors import full_clean_or_raise
from conference.models import Conference
from conference.services import save_reference
from delegations.emails import render_message
from delegations.enums import AirportTransfer, GreetingLevel, GroundTransport, ProtocolRank
from delegations.errors import LiaisonOfficerExists, NotTheSameConference
from delegations.models import (
    Delegate,
    Delegation,
    LiaisonAssignment,
    LiaisonOfficer,
    OutboundMessage,
    Travel,
)
from delegations.services.outbox import build_message, queue_message

# The travel fields a liaison officer acts on; a change to any of them is sent to the officer.
TRACKED_FIELDS = (
    "arrives_at",
    "arrival_flight",
    "arrival_airport",
    "departs_at",
    "departure_flight",
    "departure_airport",
    "hotel",
    "transfer",
)
ARRIVAL, DEPARTURE = "arrival", "departure"


@dataclass(frozen=True)
class ArrivalProtocol:
    greeting: GreetingLevel
    vip_lounge: bool
    transport: GroundTransport


# Levels of precedence (ProtocolRank.precedence) up to which each treatment applies.
_HEADS = ProtocolRank.precedence(ProtocolRank.HEAD_OF_GOVERNMENT)
_MINISTERS = ProtocolRank.precedence(ProtocolRank.MINISTER)
_SENIOR_HEADS = ProtocolRank.precedence(ProtocolRank.HEAD_OF_ORGANISATION)


def arrival_protocol(rank: str, *, transfer: str = AirportTransfer.NONE) -> ArrivalProtocol:
    """The greeting, the lounge and the ground transport a principal of `rank` receives.

    Heads of State, Vice-Presidents, Crown Princes and Heads of Government: a Minister, the VIP
    lounge and a motorcade. Deputy Heads of Government and Ministers: a Vice-Minister, the
    lounge and a car. Vice-Ministers, ambassadors and heads of organisations: the Director-General
    of State Protocol, the lounge and a car. Others: the liaison officer, and the shuttle when a
    transfer was asked for."""
    level = ProtocolRank.precedence(rank)
    if level <= _HEADS:
        return ArrivalProtocol(GreetingLevel.MINISTER, True, GroundTransport.MOTORCADE)
    if level <= _MINISTERS:
        return ArrivalProtocol(GreetingLevel.VICE_MINISTER, True, GroundTransport.CAR)
    if level <= _SENIOR_HEADS:
        return ArrivalProtocol(GreetingLevel.PROTOCOL_DIRECTOR, True, GroundTransport.CAR)
    shuttle = transfer != AirportTransfer.NONE
    return ArrivalProtocol(
        GreetingLevel.LIAISON_OFFICER,
        False,
        GroundTransport.SHUTTLE if shuttle else GroundTransport.NONE,
    )


@dataclass
class Movement:
    """One delegation's party on one flight, arriving or leaving."""

    direction: str
    delegation: Delegation
    at: datetime
    flight: str
    airport: str
    people: list[Delegate] = field(default_factory=list)
    hotels: list[str] = field(default_factory=list)
    officer: LiaisonOfficer | None = None

    @property
    def principal(self) -> Delegate:
        return self.people[0]

    @property
    def protocol(self) -> ArrivalProtocol:
        transfers = {person.travel.transfer for person in self.people}
        wanted = {AirportTransfer.BOTH, AirportTransfer.ARRIVAL}
        if self.direction == DEPARTURE:
            wanted = {AirportTransfer.BOTH, AirportTransfer.DEPARTURE}
        asked = AirportTransfer.BOTH if transfers & wanted else AirportTransfer.NONE
        return arrival_protocol(self.principal.protocol_rank, transfer=asked)


def movements_on(
    conference: Conference, day: date, *, direction: str = ARRIVAL, delegations=None
) -> list[Movement]:
    """Each delegation's parties landing (or leaving) on `day` in the conference's timezone, by
    time, then by the principal's precedence; within a party, by precedence. `delegations`, a
    queryset, narrows the sheet (a liaison officer's own)."""
    starts = datetime.combine(day, time.min, tzinfo=conference.tzinfo)
    moment = "arrives_at" if direction == ARRIVAL else "departs_at"
    flight = "arrival_flight" if direction == ARRIVAL else "departure_flight"
    airport = "arrival_airport" if direction == ARRIVAL else "departure_airport"
    travels = Travel.objects.filter(
        delegate__delegation__conference=conference,
        **{f"{moment}__gte": starts, f"{moment}__lt": starts + timedelta(days=1)},
    ).select_related("delegate__delegation__liaison__officer")
    if delegations is not None:
        travels = travels.filter(delegate__delegation__in=delegations)
    parties: dict[tuple, Movement] = {}
    for travel in travels:
        delegate = travel.delegate
        when = getattr(travel, moment)
        key = (delegate.delegation_id, getattr(travel, flight).upper(), when)
        if key not in parties:
            assignment = getattr(delegate.delegation, "liaison", None)
            parties[key] = Movement(
                direction=direction,
                delegation=delegate.delegation,
                at=when,
                flight=getattr(travel, flight),
                airport=getattr(travel, airport),
                officer=assignment.officer if assignment else None,
            )
        party = parties[key]
        party.people.append(delegate)
        if travel.hotel and travel.hotel not in party.hotels:
            party.hotels.append(travel.hotel)
    for party in parties.values():
        party.people.sort(key=_precedence)
    return sorted(
        parties.values(),
        key=lambda p: (p.at, _precedence(p.principal), p.delegation.display_name),
    )


def _precedence(delegate):
    return (ProtocolRank.precedence(delegate.protocol_rank), delegate.family_name)


def register_liaison_officer(
    conference: Conference, *, name: str, email: str, phone: str = "", language: str = "en"
) -> LiaisonOfficer:
    """Make `email` a liaison officer of `conference`: a sign-in of their own (not a console
    account, with no password until they choose one) and a welcome message whose link lets them
    choose it. Registering the same address twice for one conference raises
    `LiaisonOfficerExists`."""
    email = email.strip().lower()
    User = get_user_model()
    with transaction.atomic():
        user = User.objects.filter(username=email).first()
        if user is None:
            user = User(username=email, email=email)
            user.set_unusable_password()
            user.save()
        if LiaisonOfficer.objects.filter(conference=conference, user=user).exists():
            raise LiaisonOfficerExists()
        officer = LiaisonOfficer.objects.create(
            conference=conference, user=user, name=name, phone=phone, language=language
        )
        rendered = render_message(
            "liaison_welcome",
            language=language,
            context={
                "conference": conference,
                "officer": officer,
                "link": f"{settings.SITE_URL}/liaison/password/{OutboundMessage.SECRET_MARKER}/",
                "sign_in": f"{settings.SITE_URL}/liaison/",
            },
        )
        uid = urlsafe_base64_encode(force_bytes(user.pk))
        queue_message(
            build_message(
                key=f"liaison-officer:{officer.pk}:welcome",
                to=email,
                subject=rendered.subject,
                text=rendered.text,
                html=rendered.html,
                language=rendered.language,
                conference=conference,
                secret=f"{uid}/{default_token_generator.make_token(user)}",
            )
        )
    return officer


def assign_liaison_officer(delegation: Delegation, officer: LiaisonOfficer) -> LiaisonAssignment:
    """Put `delegation` in `officer`'s care, in place of any officer it had. Both must belong to
    the same conference (`NotTheSameConference`)."""
    if officer.conference_id != delegation.conference_id:
        raise NotTheSameConference()
    with transaction.atomic():
        assignment, _created = LiaisonAssignment.objects.update_or_create(
            delegation=delegation, defaults={"officer": officer}
        )
    return assignment


def change_liaison_officer(officer: LiaisonOfficer, **fields) -> LiaisonOfficer:
    """An officer's name, telephone or language of messages; the sign-in (their e-mail address)
    and the conference stay, a new address is a new officer."""
    if {"user", "conference"} & set(fields):
        raise ValueError("An officer's sign-in and conference do not change.")
    return save_reference(officer, **fields)


def unassign_liaison_officer(assignment: LiaisonAssignment) -> None:
    """Take a delegation out of its officer's care (the delegation then has none)."""
    LiaisonAssignment.objects.filter(pk=assignment.pk).delete()


def travel_snapshot(travel: Travel | None) -> dict:
    """The tracked fields' values, to compare a travel record before and after a change."""
    if travel is None or travel.pk is None:
        return dict.fromkeys(TRACKED_FIELDS)
    return {name: getattr(travel, name) for name in TRACKED_FIELDS}


def save_travel_as_organiser(travel: Travel) -> Travel:
    """The logistics desk's edit of a travel record, at any time (the focal point's edits go
    through `save_travel`, only while the registration is open). The liaison officer hears of
    the change."""
    with transaction.atomic():
        before = travel_snapshot(
            Travel.objects.select_for_update().filter(pk=travel.pk).first() if travel.pk else None
        )
        full_clean_or_raise(travel)
        travel.save()
        notify_travel_change(travel, before=before)
    return travel


def notify_travel_change(travel: Travel, *, before: dict) -> OutboundMessage | None:
    """Queue a message to the delegation's liaison officer when a tracked field changed; nothing
    when nothing changed or nobody is assigned. Each saved change is sent once."""
    after = travel_snapshot(travel)
    changed = [name for name in TRACKED_FIELDS if before.get(name) != after[name]]
    delegate = travel.delegate
    assignment = (
        LiaisonAssignment.objects.select_related("officer__user")
        .filter(delegation_id=delegate.delegation_id)
        .first()
    )
    if not changed or assignment is None or not assignment.officer.user.email:
        return None
    officer = assignment.officer
    delegation = delegate.delegation
    conference = delegation.conference
    rendered = render_message(
        "travel_changed",
        language=officer.language,
        context={
            "conference": conference,
            "delegation": delegation,
            "delegate": delegate,
            "officer": officer,
            "travel": travel,
            "changed": [str(Travel._meta.get_field(name).verbose_name) for name in changed],
            "liaison_url": f"{settings.SITE_URL}/liaison/delegations/{delegation.pk}/",
        },
    )
    return queue_message(
        build_message(
            key=f"travel:{travel.pk}:changed:{travel.updated_at.isoformat()}",
            to=officer.user.email,
            subject=rendered.subject,
            text=rendered.text,
            html=rendered.html,
            language=rendered.language,
            conference=conference,
            delegation=delegation,
        )
    )
