"""Demo bilateral meetings and exhibition booths for the Hanoi conference, made through the
services.

The meetings are fictional (which bilaterals took place on the sidelines is not all public);
the booths follow the "20+ exhibition booths" of the facts, with a plausible floor plan, and
the exhibitors are organisations of the demo's delegation list. Idempotent: a meeting is found
by its two delegations, a booth by its number, an exhibitor by its delegation; nothing is made
twice and a second run sends nothing.
"""

from datetime import time, timedelta
from decimal import Decimal

from django.db import transaction
from django.db.models import Q

from conference.models import Room
from delegations.enums import DelegationStatus
from delegations.models import Delegation
from sessions import services
from sessions.models import BilateralMeeting, Booth, BoothState, Exhibitor

# (asking, asked, preferred day of the conference (0 or 1), level, state to reach, topics)
MEETINGS = [
    ("VN", "AU", 0, "ministerial", "scheduled", "Cooperation under the Convention"),
    ("FR", "VN", 1, "ministerial", "scheduled", "Mutual legal assistance"),
    ("GB", "JP", 0, "senior_officials", "scheduled", ""),
    ("UNODC", "KH", 1, "senior_officials", "scheduled", "Technical assistance"),
    ("BR", "ZA", 1, "ministerial", "accepted", ""),
    ("CL", "PT", 0, "experts", "requested", "Electronic evidence"),
]

# (code prefix, how many, width, depth, where in the hall)
BOOTH_ROWS = [
    ("A", 12, "3", "3", "Row A, along the north wall"),
    ("B", 8, "3", "6", "Row B, centre aisle"),
    ("C", 4, "6", "6", "Island C, facing the main entrance"),
]

# (booth, exhibitor's acronym or the host's country code, description). Contacts are fictional.
ALLOCATIONS = [
    ("C01", "VN", "Ministry of Public Security of Viet Nam: the national cybersecurity effort."),
    ("C02", "UNODC", "UNODC Global Programme on Cybercrime: technical assistance and training."),
    ("C03", "VIETTEL", "Telecommunications and digital services."),
    ("C04", "FPT", "Information technology services and software."),
    ("B01", "BKAV", "Cybersecurity software."),
    ("B02", "VNPT", "Telecommunications and digital infrastructure."),
    ("B03", "MICROSOFT", "Software and cloud services; digital crimes unit."),
    ("B04", "HUAWEI", "Information and communications technology."),
    ("A01", "KASPERSKY", "Cybersecurity and threat intelligence."),
    ("A02", "CISCO", "Networking and security."),
    ("A03", "GOOGLE", "Internet services; threat analysis."),
    ("A04", "GROUPIB", "Threat intelligence and digital forensics."),
    ("A05", "TRENDMICRO", "Cybersecurity software."),
    ("A06", "VNU", "Research and training in information technology."),
]


def install_bilaterals_and_booths(conference, report=None) -> dict[str, int]:
    """Make what is missing; returns how many of each thing were made, and adds them to the
    loader's `report` when one is given."""
    made = {"bilateral meetings": 0, "booths": 0, "exhibitors": 0, "booths allocated": 0}
    with transaction.atomic():
        made["bilateral meetings"] = _meetings(conference)
        made["booths"] = _booths(conference)
        made["exhibitors"], made["booths allocated"] = _allocations(conference)
    if report is not None:
        for name, count in made.items():
            report.count_new(name, count)
    return made


def _delegation(conference, code):
    # Two capitals name a State: "AU" is Australia here, not the African Union's acronym.
    by_code = Q(country=code) if len(code) == 2 else Q(acronym=code)
    return Delegation.objects.filter(by_code, conference=conference).first()


def _took_part(delegation):
    """The record's delegations came to Hanoi and answered their invitation by note verbale, not
    through the portal: their reply is written as the record shows it, with no invitation
    e-mail, so that they may receive the requests below."""
    if delegation.status == DelegationStatus.INVITED:
        Delegation.objects.filter(pk=delegation.pk).update(status=DelegationStatus.CONFIRMED)
        delegation.status = DelegationStatus.CONFIRMED


def _meetings(conference):
    to_schedule, to_accept, made = [], [], 0
    for asking, asked, day, level, state, topics in MEETINGS:
        requester, counterpart = _delegation(conference, asking), _delegation(conference, asked)
        if requester is None or counterpart is None:
            continue
        for side in (requester, counterpart):
            _took_part(side)
        between = Q(requester=requester, counterpart=counterpart) | Q(
            requester=counterpart, counterpart=requester
        )
        if BilateralMeeting.objects.filter(between, conference=conference).exists():
            continue
        meeting = services.request_bilateral(
            requester,
            counterpart=counterpart,
            preferred_day=conference.start_date + timedelta(days=day),
            level=level,
            topics=topics,
            requested_by="demo",
        )
        made += 1
        {"scheduled": to_schedule, "accepted": to_accept}.get(state, []).append(meeting)
    for meeting in to_schedule:
        services.accept_bilateral(meeting)
    if to_schedule:
        # The demo conference lies in the past: slots are offered from its first morning.
        services.schedule_bilaterals(
            conference, not_before=conference.local_datetime(conference.start_date, time(0))
        )
    # Accepted after the scheduler ran, so that they stay waiting for a slot.
    for meeting in to_accept:
        services.accept_bilateral(meeting)
    return made


def _booths(conference):
    hall = Room.objects.filter(venue_id=conference.venue_id, kind=Room.Kind.EXHIBITION_HALL).first()
    if hall is None:
        return 0
    existing = set(Booth.objects.filter(conference=conference).values_list("code", flat=True))
    made = 0
    for prefix, count, width, depth, location in BOOTH_ROWS:
        for number in range(1, count + 1):
            code = f"{prefix}{number:02d}"
            if code in existing:
                continue
            services.add_booth(
                conference,
                room=hall,
                code=code,
                width_m=Decimal(width),
                depth_m=Decimal(depth),
                location=location,
            )
            made += 1
    return made


def _allocations(conference):
    exhibitors = allocated = 0
    booths = {booth.code: booth for booth in Booth.objects.filter(conference=conference)}
    for code, who, description in ALLOCATIONS:
        delegation, booth = _delegation(conference, who), booths.get(code)
        if delegation is None or booth is None:
            continue
        if not Exhibitor.objects.filter(delegation=delegation).exists():
            slug = "".join(ch for ch in who.lower() if ch.isalnum())
            services.save_exhibitor(
                delegation,
                description=description,
                contact_name=f"Exhibition contact ({who}), fictional",
                contact_email=f"exhibition.{slug}@exhibitors.example.org",
            )
            exhibitors += 1
        if booth.state == BoothState.AVAILABLE:
            services.allocate_booth(booth, exhibitor=delegation)
            allocated += 1
    return exhibitors, allocated
