"""Demo data of the host secretariat's services (issue 17), made through the services:
side-event slots and applications (sessions/demo/side_events.py), media outlets and pools,
liaison officers and their delegations' arrivals.

The slots follow the facts (26 October: 09:00, 12:00 and 13:30, 60 minutes plus 15 of
changeover); which rooms held side events is not public, so the rooms are illustrative. The
outlets' quotas, the pools' places, the liaison officers, the flights and the hotels are
invented and say so. Idempotent: a slot is found by its start, an outlet by its name, a pool by
its session, an officer by their address, a travel record by its delegate.
"""

from datetime import datetime, time, timedelta

from delegations import services as delegation_services
from delegations.enums import DelegateRole, ProtocolRank
from delegations.models import Delegation, LiaisonOfficer, MediaOutlet, Travel
from sessions.demo.side_events import install_side_event_applications
from sessions.models import MediaPool, Session, SideEventSlot

SLOT_STARTS = [time(9, 0), time(12, 0), time(13, 30)]
SIDE_EVENT_ROOMS = ["R201", "R202", "Hall 2", "Hall 3"]  # illustrative
# (outlet, country, quota): real outlets of the kind that covered the event; quotas illustrative.
OUTLETS = [
    ("Viet Nam News Agency (VNA)", "VN", 12),
    ("Nhân Dân", "VN", 8),
    ("Agence France-Presse", "FR", 4),
    ("Reuters", "GB", 4),
    ("Xinhua", "CN", 4),
]
# (session code, places): illustrative numbers of pool places.
POOLS = [("signing-ceremony", 12), ("welcome-family-photo", 8)]
OFFICERS = 3  # each in the care of one of the three highest-ranked delegations


def install_host_services(conference, report) -> None:
    _slots(conference, report)
    install_side_event_applications(conference, report)
    for name, country, quota in OUTLETS:
        _, created = MediaOutlet.objects.get_or_create(
            conference=conference, name=name, defaults={"country": country, "quota": quota}
        )
        report.count_new("media outlets", created)
    for code, places in POOLS:
        session = Session.objects.filter(conference=conference, slug=code).first()
        if session is not None:
            _, created = MediaPool.objects.get_or_create(
                session=session, defaults={"places": places}
            )
            report.count_new("media pools", created)
    _liaison_officers(conference, report)


def _slots(conference, report):
    rooms = list(conference.venue.rooms.filter(name__in=SIDE_EVENT_ROOMS))
    day = conference.end_date  # the side events were held on the second day
    for start in SLOT_STARTS:
        slot, created = SideEventSlot.objects.get_or_create(
            conference=conference, starts_at=datetime.combine(day, start, conference.tzinfo)
        )
        if created:
            slot.rooms.set(rooms)
        report.count_new("side-event slots", created)


def _liaison_officers(conference, report):
    heads = sorted(
        (
            delegation
            for delegation in Delegation.objects.filter(conference=conference).prefetch_related(
                "delegates"
            )
            if delegation.is_state
        ),
        key=lambda d: (_head_level(d), str(d.country.name)),
    )
    for number, delegation in enumerate(heads[:OFFICERS], start=1):
        email = f"liaison{number}@host.example.org"
        officer = LiaisonOfficer.objects.filter(conference=conference, user__username=email).first()
        if officer is None:
            officer = delegation_services.register_liaison_officer(
                conference,
                name=f"Liaison officer {number} (illustrative)",
                email=email,
                phone=f"+84 90 000 000{number}",
            )
            report.count_new("liaison officers", True)
        delegation_services.assign_liaison_officer(delegation, officer)
        _arrivals(conference, delegation, number)


def _arrivals(conference, delegation, number):
    """The delegation lands together the day before the opening and leaves the day after."""
    lands = datetime.combine(
        conference.start_date - timedelta(days=1), time(8 + 2 * number, 30), conference.tzinfo
    )
    for delegate in delegation.delegates.all():
        if Travel.objects.filter(delegate=delegate).exists():
            continue
        delegation_services.save_travel_as_organiser(
            Travel(
                delegate=delegate,
                arrives_at=lands,
                arrival_flight=f"DEMO{100 + number}",  # invented
                arrival_airport="HAN",
                departs_at=lands + timedelta(days=3),
                departure_flight=f"DEMO{200 + number}",  # invented
                departure_airport="HAN",
                hotel=f"Hotel {number} (illustrative)",
            )
        )


def _head_level(delegation):
    heads = [d for d in delegation.delegates.all() if d.role == DelegateRole.HEAD]
    return ProtocolRank.precedence(heads[0].protocol_rank) if heads else 99
