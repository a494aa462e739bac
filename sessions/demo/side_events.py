"""Demo side-event applications (issue 17), made through the services on the slot grid.

Which delegations proposed which side events through their administrative officers is not
public: every application here is invented, says so in its title, and is marked illustrative,
which its session in the programme and the feeds carries on. Three are accepted (each gets a
free room of its slot and is published with its organisers), one waits for the protocol's
decision, one is refused. Idempotent: an application is found by its title.
"""

from django.db.models import Q

from delegations.enums import DelegationStatus
from delegations.models import Delegation
from sessions import services
from sessions.enums import SideEventState
from sessions.models import SideEventApplication, SideEventSlot

UN_SIX = ["ar", "zh", "en", "es", "fr", "ru"]

# (proposer: a country code or an acronym, slot (0-2), title, organisers, speakers, languages,
# expected audience, technical needs, outcome). All invented: illustrative.
APPLICATIONS = [
    (
        "UNODC",
        0,
        "Illustrative side event: Technical assistance for implementing the Convention",
        "UNODC\nMinistry of Public Security of Viet Nam",
        "Programme officer, UNODC (fictional)\nDeputy director, MPS (fictional)",
        UN_SIX,
        250,
        "Six interpretation booths; a projector.",
        SideEventState.ACCEPTED,
    ),
    (
        "AU",
        1,
        "Illustrative side event: Electronic evidence across the Pacific",
        "Australia\nPacific partners (fictional)",
        "Legal adviser, Attorney-General's Department (fictional)",
        ["en"],
        80,
        "",
        SideEventState.ACCEPTED,
    ),
    (
        "KH",
        2,
        "Illustrative side event: Mekong cooperation against online scam compounds",
        "Cambodia\nViet Nam",
        "Two senior police officers (fictional)",
        ["en", "vi"],
        120,
        "Two interpretation booths (English and Vietnamese).",
        SideEventState.ACCEPTED,
    ),
    (
        "UNICEF",
        0,
        "Illustrative side event: Children's safety online in South-East Asia",
        "UNICEF",
        "",
        ["en"],
        60,
        "",
        SideEventState.SUBMITTED,
    ),
    (
        "GB",
        1,
        "Illustrative side event: Ransomware negotiations and the law",
        "United Kingdom",
        "",
        ["en"],
        40,
        "",
        SideEventState.REFUSED,
    ),
]
REFUSAL = "The slot's programme is full (illustrative decision)."


def install_side_event_applications(conference, report) -> None:
    slots = list(SideEventSlot.objects.filter(conference=conference).order_by("starts_at"))
    if not slots:
        return
    for who, slot, title, organisers, speakers, languages, audience, needs, outcome in APPLICATIONS:
        delegation = _delegation(conference, who)
        exists = SideEventApplication.objects.filter(conference=conference, title=title).exists()
        if delegation is None or exists or slot >= len(slots):
            report.count_new("side-event applications", False)
            continue
        _confirmed(delegation)
        application = services.propose_side_event(
            delegation,
            slot=slots[slot],
            title=title,
            organisers=organisers,
            speakers=speakers,
            languages=languages,
            expected_audience=audience,
            technical_needs=needs,
            is_illustrative=True,
        )
        if outcome == SideEventState.ACCEPTED:
            services.accept_side_event(application)
        elif outcome == SideEventState.REFUSED:
            services.refuse_side_event(application, reason=REFUSAL)
        report.count_new("side-event applications", True)


def _delegation(conference, code):
    # Two capitals name a State ("AU" is Australia, not the African Union's acronym).
    by_code = Q(country=code) if len(code) == 2 else Q(acronym=code)
    return Delegation.objects.filter(by_code, conference=conference).first()


def _confirmed(delegation):
    """Only a delegation that confirmed its participation proposes a side event. The record's
    delegations took part, but the demo holds no answers to invitations (they would have
    expired in October 2025), so the proposers are marked confirmed here, in their history."""
    if delegation.status == DelegationStatus.INVITED:
        delegation.status = DelegationStatus.CONFIRMED
        delegation.save(update_fields=["status", "updated_at"])
