"""Install the Hanoi demo conference from the data files beside this module, through the services.

Idempotent: every object is found by its natural key (the conference's slug, a State's country,
an organisation's acronym, a delegate's name, a session's code) and created only when missing, so a
second run changes nothing. The public figures of the day are named in the data as reported;
everyone else is generated, fictional and plainly so, below the level of any office that one real
person holds. Sessions whose content is invented are marked illustrative. The protocol (the
speakers' list, the signing order, the seated state banquet, roundtable places) is in
`protocol.py`.
"""

import random
import tomllib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from django.db import transaction

from conference import services as conference_services
from conference.errors import AlreadyRecorded
from conference.french_names import ORGANISATIONS
from conference.models import AccessZone, Conference, Convention, Room, Venue
from delegations import services as delegation_services
from delegations.enums import DelegateRole, DelegationKind, ProtocolRank
from delegations.models import Delegate, Delegation
from sessions import services as session_services
from sessions.demo.bilaterals import install_bilaterals_and_booths
from sessions.demo.host_services import install_host_services
from sessions.demo.protocol import load_protocol
from sessions.enums import SessionState
from sessions.errors import NothingToRelease
from sessions.models import Session

DATA_DIR = Path(__file__).resolve().parent

GIVEN_NAMES = ["Alex", "Sam", "Robin", "Kim", "Noor", "Ari", "Jo", "Mika", "Remy", "Sasha"]
FAMILY_NAMES = ["Example", "Sample", "Placeholder", "Specimen", "Demo", "Fictive", "Mock"]

# Levels of representation of the generated (fictional) heads of State delegations: only levels
# that many people hold at once, so that no invented person takes an office a real person held
# (a State has one President, one Prime Minister, one Minister for Foreign Affairs).
STATE_HEAD_RANKS = [
    (ProtocolRank.VICE_MINISTER, 2),
    (ProtocolRank.AMBASSADOR, 3),
    (ProtocolRank.SENIOR_OFFICIAL, 1),
]
STATE_HEAD_FUNCTIONS = {
    ProtocolRank.VICE_MINISTER: "Vice-Minister (fictional person)",
    ProtocolRank.AMBASSADOR: "Ambassador (fictional person)",
    ProtocolRank.SENIOR_OFFICIAL: "Senior official (fictional person)",
}
# Observer States: the Holy See sends nuncios and officials, not vice-ministers.
OBSERVER_HEAD_RANKS = [(ProtocolRank.SENIOR_OFFICIAL, 1)]
# Settings of the conference the data file may give beside the required ones.
OPTIONAL_CONFERENCE_FIELDS = [
    "lot_letter",
    "speaking_minutes_state",
    "speaking_minutes_observer",
    "speaking_minutes_reply",
    "provisional_signing_on_scan",
    "regional_balance",
]


@dataclass
class DemoReport:
    created: dict = field(default_factory=dict)
    totals: dict = field(default_factory=dict)

    def count_new(self, name, created):
        self.created[name] = self.created.get(name, 0) + int(created)


def load_hanoi_demo() -> tuple[Conference, DemoReport]:
    """Install or complete the demo; returns the conference and what was created."""
    data = read_data("hanoi2025.toml")
    delegations = read_data("hanoi2025_delegations.toml")
    report = DemoReport()
    with transaction.atomic():
        venue = install_venue(data["venue"], report)
        convention = install_convention(data["convention"], report)
        conference = install_conference(data["conference"], venue, report, convention=convention)
        rooms = {room.name: room for room in venue.rooms.all()}
        for entry in data["sessions"]:
            install_session(conference, rooms, entry, report)
        for entry in delegations["states"]:
            install_state_delegation(conference, entry, report)
        for entry in delegations["organisations"]:
            install_organisation_delegation(conference, entry, report)
        # The principals the programme names are delegates now: one person each, not two.
        report.count_new("session people linked", session_services.link_session_people(conference))
        _signatures(convention, delegations, conference.city, report)
        load_protocol(conference, delegations, report)
        # Before the release, so that the exhibition's opening hours are in it.
        install_bilaterals_and_booths(conference, report)
        install_host_services(conference, report)
        release(conference, report)
    report.totals = {
        "rooms": venue.rooms.count(),
        "sessions": conference.sessions.count(),
        "delegations": conference.delegations.count(),
        "delegates": Delegate.objects.filter(delegation__conference=conference).count(),
    }
    return conference, report


def release(conference, report):
    """Publish the programme as a release when it differs from the latest one (or none)."""
    try:
        session_services.release_schedule(conference, notes="Programme as announced.")
        report.count_new("schedule releases", True)
    except NothingToRelease:
        report.count_new("schedule releases", False)


def read_data(name):
    """One of the demo's data files beside this module, parsed."""
    with open(DATA_DIR / name, "rb") as data_file:
        return tomllib.load(data_file)


def install_venue(entry, report):
    venue, created = Venue.objects.get_or_create(
        name=entry["name"],
        city=entry["city"],
        defaults={
            "country": entry["country"],
            "address": entry.get("address", ""),
            "translations": entry.get("translations", {}),
        },
    )
    report.count_new("venues", created)
    zones = {}
    for zone in entry["zones"]:
        zones[zone["code"]], created = AccessZone.objects.get_or_create(
            venue=venue,
            code=zone["code"],
            defaults={"name": zone["name"], "translations": zone.get("translations", {})},
        )
        report.count_new("access zones", created)
    for room in entry["rooms"]:
        _, created = Room.objects.get_or_create(
            venue=venue,
            name=room["name"],
            defaults={
                "kind": room["kind"],
                "capacity": room["capacity"],
                "interpretation_booths": room.get("interpretation_booths", 0),
                "access_zone": zones[room["zone"]],
                "translations": room.get("translations", {}),
            },
        )
        report.count_new("rooms", created)
    return venue


def install_convention(entry, report):
    convention, created = Convention.objects.get_or_create(
        slug=entry["slug"],
        defaults={k: v for k, v in entry.items() if k not in ("slug", "notifications")},
    )
    report.count_new("conventions", created)
    for notification in entry.get("notifications", []):
        try:
            conference_services.record_depositary_notification(convention, **notification)
            report.count_new("depositary notifications", True)
        except AlreadyRecorded:
            report.count_new("depositary notifications", False)
    return convention


def _signatures(convention, delegations, place, report):
    """The signatures of the opening for signature at `place`, and those made later at
    Headquarters (`signed_at = "headquarters"`), each with its source, as the data file gives
    them; where the source names the signature but not its day, the register says so."""
    for entry in delegations["states"] + delegations["organisations"]:
        if "signed_on" not in entry:
            continue
        party = {"country": entry["code"]} if "code" in entry else {"organisation": entry["name"]}
        at_headquarters = entry.get("signed_at") == "headquarters"
        try:
            conference_services.record_signature(
                convention,
                signed_on=entry["signed_on"],
                place=convention.headquarters_place if at_headquarters else place,
                day_is_verified=entry.get("signed_day_verified", True),
                source=entry.get("signature_source", ""),
                **party,
            )
            report.count_new("signatures", True)
        except AlreadyRecorded:
            report.count_new("signatures", False)


def install_conference(entry, venue, report, *, convention):
    conference, created = Conference.objects.get_or_create(
        slug=entry["slug"],
        defaults={
            "name": entry["name"],
            "theme": entry.get("theme", ""),
            "translations": entry.get("translations", {}),
            "city": entry["city"],
            "host_country": entry["host_country"],
            "venue": venue,
            "convention": convention,
            "timezone": entry["timezone"],
            "start_date": entry["start_date"],
            "end_date": entry["end_date"],
            "languages": entry["languages"],
            "reply_deadline": entry["reply_deadline"],
            "registration_deadline": entry["registration_deadline"],
            "badge_zones": entry.get("badge_zones", {}),
            **{key: entry[key] for key in OPTIONAL_CONFERENCE_FIELDS if key in entry},
        },
    )
    if created:
        conference.full_clean()
    report.count_new("conferences", created)
    return conference


def install_session(conference, rooms, entry, report):
    if Session.objects.filter(conference=conference, slug=entry["slug"]).exists():
        report.count_new("sessions", False)
        return
    tz = conference.tzinfo
    session = session_services.create_session(
        conference,
        slug=entry["slug"],
        kind=entry["kind"],
        title=entry["title"],
        description=entry.get("description", ""),
        translations=entry.get("translations", {}),
        room=rooms[entry["room"]],
        starts_at=datetime.combine(entry["day"], entry["start"], tzinfo=tz),
        ends_at=datetime.combine(entry["day"], entry["end"], tzinfo=tz),
        capacity=entry.get("capacity"),
        access=entry.get("access", "open"),
        languages=entry["languages"],
        is_illustrative=entry.get("illustrative", False),
    )
    for position, person in enumerate(entry.get("people", [])):
        session_services.add_session_person(session, position=position, **person)
    if entry.get("state", SessionState.PUBLISHED) == SessionState.PUBLISHED:
        session_services.publish_session(session)
    report.count_new("sessions", True)


def install_state_delegation(conference, entry, report, *, delegates=True):
    code = entry["code"]
    if Delegation.objects.filter(conference=conference, country=code).exists():
        report.count_new("delegations", False)
        return
    delegation = delegation_services.create_delegation(
        conference,
        kind=entry["kind"],
        country=code,
        language=entry["language"],
        focal_point_name=f"Focal Point ({code}), fictional",
        focal_point_email=f"focalpoint.{code.lower()}@mission.example.org",
    )
    if not delegates:
        report.count_new("delegations", True)
        return
    if "people" in entry:
        _named_delegates(delegation, entry["people"], report)
        report.count_new("delegations", True)
        return
    rng = random.Random(f"{conference.slug}-{code}")
    spread = OBSERVER_HEAD_RANKS if entry["kind"] == DelegationKind.OBSERVER_STATE else None
    ranks, weights = zip(*(spread or STATE_HEAD_RANKS), strict=True)
    head_rank = rng.choices(ranks, weights=weights)[0]
    _generate_delegates(
        delegation,
        rng,
        head_rank=head_rank,
        head_function=STATE_HEAD_FUNCTIONS[head_rank],
        members=rng.randint(2, 4),
        report=report,
    )
    report.count_new("delegations", True)


def organisation_translations(entry) -> dict:
    """The organisation's names in other languages as the data file gives them, with its French
    name and article from the United Nations' list (conference/french_names.py) where the file
    gives none: the console then shows them, and an organiser corrects them there."""
    translations = dict(entry.get("translations", {}))
    if "fr" not in translations and entry["name"] in ORGANISATIONS:
        article, name = ORGANISATIONS[entry["name"]]
        translations["fr"] = {"name": name, "article": article}
    return translations


def install_organisation_delegation(conference, entry, report, *, delegates=True):
    if Delegation.objects.filter(conference=conference, acronym=entry["acronym"]).exists():
        report.count_new("delegations", False)
        return
    slug = "".join(ch for ch in entry["acronym"].lower() if ch.isalnum())
    delegation = delegation_services.create_delegation(
        conference,
        kind=entry["kind"],
        name=entry["name"],
        acronym=entry["acronym"],
        translations=organisation_translations(entry),
        language=entry["language"],
        focal_point_name=f"Focal Point ({entry['acronym']}), fictional",
        focal_point_email=f"focalpoint.{slug}@org.example.org",
    )
    if not delegates:
        report.count_new("delegations", True)
        return
    if "people" in entry:
        _named_delegates(delegation, entry["people"], report)
        report.count_new("delegations", True)
        return
    rng = random.Random(f"{conference.slug}-{entry['acronym']}")
    is_media = entry["kind"] == DelegationKind.MEDIA
    _generate_delegates(
        delegation,
        rng,
        # A senior official leads the delegation: the heads of the organisations are real people.
        head_rank=ProtocolRank.SENIOR_OFFICIAL,
        head_function="Bureau chief" if is_media else "Head of delegation (fictional person)",
        members=rng.randint(1, 2),
        report=report,
    )
    report.count_new("delegations", True)


def _named_delegates(delegation, people, report):
    """The public figures of the day, as the data file names them."""
    for person in people:
        delegation_services.add_delegate(delegation, **person)
        report.count_new("delegates", True)


def _generate_delegates(delegation, rng, *, head_rank, head_function, members, report):
    suffix = (delegation.country.code or delegation.acronym).lower()
    people = [(DelegateRole.HEAD, head_rank, head_function)]
    people += [(DelegateRole.MEMBER, ProtocolRank.DELEGATE, "Delegate")] * members
    for index, (role, rank, function) in enumerate(people):
        given, family = rng.choice(GIVEN_NAMES), rng.choice(FAMILY_NAMES)
        local_part = "".join(
            ch for ch in f"{given}.{family}.{suffix}{index}".lower() if ch.isalnum() or ch == "."
        )
        delegation_services.add_delegate(
            delegation,
            title="H.E." if role == DelegateRole.HEAD and delegation.is_state else "",
            given_names=given,
            family_name=family.upper(),
            function=function,
            role=role,
            protocol_rank=rank,
            email=f"{local_part}@delegates.example.org",
        )
        report.count_new("delegates", True)
