"""Reads of the programme reused by services, the console and the API."""

from collections import Counter
from datetime import timedelta
from typing import NamedTuple

from django.db.models import Exists, OuterRef, Prefetch, Q, Subquery
from django.utils import timezone

from conference.models import Signature
from conference.regional_groups import regional_group
from delegations.choices import delegations_on_the_floor
from delegations.enums import DelegateRole, DelegationKind, DelegationStatus
from delegations.models import ScanDirection
from delegations.precedence import order_by_precedence
from delegations.services.check_in import ScanReason
from sessions.enums import SessionAccess, SessionKind, SessionState
from sessions.models import (
    AgendaLink,
    GalaAnswer,
    GalaSeat,
    GalaTable,
    Inscription,
    MediaPool,
    Place,
    PlaceState,
    PoolPlace,
    ReplyRequest,
    ScheduleRelease,
    Session,
    SessionPerson,
    agenda_token_hash,
)


def room_clash(session: Session) -> Session | None:
    """The published session that would share the room with `session` at an overlapping time."""
    if session.room_id is None:
        return None
    return (
        Session.objects.published()
        .overlapping(room=session.room_id, starts_at=session.starts_at, ends_at=session.ends_at)
        .exclude(pk=session.pk)
        .first()
    )


def has_chosen_places(delegation) -> bool:
    """Whether one of the delegation's delegates holds a place, confirmed or on the wait list:
    the roundtables' item of the registration checklist."""
    return Place.objects.filter(
        delegate__delegation=delegation, state__in=[PlaceState.CONFIRMED, PlaceState.WAITLISTED]
    ).exists()


def attendees_of(session_ids) -> dict[int, set[int]]:
    """Delegate ids attending each session, for notices of change: the chairs, moderators and
    speakers who are delegates, confirmed places, and the guests who accepted the gala dinner
    (seated or not yet: a moved dinner concerns them all). Bilateral meetings add one union term
    here when they exist."""
    attendees = {session_id: set() for session_id in session_ids}
    people = SessionPerson.objects.filter(
        session_id__in=session_ids, delegate__isnull=False
    ).values_list("session_id", "delegate_id")
    places = Place.objects.filter(
        session_id__in=session_ids, state=PlaceState.CONFIRMED
    ).values_list("session_id", "delegate_id")
    guests = GalaAnswer.objects.filter(session_id__in=session_ids, attending=True).values_list(
        "session_id", "delegate_id"
    )
    for session_id, delegate_id in [*people, *places, *guests]:
        attendees[session_id].add(delegate_id)
    return attendees


def latest_release(conference_slug, *, with_content=False):
    """The latest release of a conference, its conference joined; the (large) frozen programme
    is loaded only when asked, because a feed served from the cache does not need it."""
    releases = ScheduleRelease.objects.select_related("conference__venue").filter(
        conference__slug=conference_slug
    )
    if not with_content:
        releases = releases.defer("sessions", "changes")
    return releases.order_by("-number").first()


def sessions_attended_by(delegate):
    """The public sessions a delegate attends, in time order: those the delegate chairs,
    moderates or speaks in, confirmed places, and the gala dinner the delegate accepted (before
    any seating: the evening is in the agenda from the "yes"); bilateral meetings add one union
    term."""
    return (
        Session.objects.filter(state__in=["published", "cancelled"])
        .filter(
            Q(people__delegate=delegate)
            | Q(places__delegate=delegate, places__state=PlaceState.CONFIRMED)
            | Q(gala_answers__delegate=delegate, gala_answers__attending=True)
        )
        .select_related("room", "conference__venue")
        .distinct()
        .order_by("starts_at")
    )


def delegate_by_agenda_token(token):
    link = (
        AgendaLink.objects.select_related("delegate__delegation__conference__venue")
        .filter(token_hash=agenda_token_hash(token or ""))
        .first()
    )
    return link.delegate if link else None


def speakers_list(conference) -> list[Inscription]:
    """Active inscriptions in speaking order: positions set by hand first (the frozen list),
    else by precedence at the level of the person who takes the floor, then the time the
    delegation took that level; balanced between regional groups within a level where the
    conference asks for it."""
    active = list(
        Inscription.objects.filter(conference=conference, withdrawn_at__isnull=True)
        .select_related("delegation", "speaker")
        .prefetch_related("delegation__delegates")
    )
    if any(entry.position for entry in active):
        return sorted(active, key=lambda e: (e.position or 10**9, e.requested_at))
    return order_by_precedence(
        active,
        conference=conference,
        delegation_of=lambda entry: entry.delegation,
        rank_of=lambda entry: entry.level,
        inscribed_at={entry.pk: entry.ranked_at for entry in active},
        group_of=(
            (lambda entry: regional_group(entry.delegation.country.code))
            if conference.regional_balance
            else None
        ),
    )


def speaking_minutes(conference, delegation) -> int:
    if delegation.kind == DelegationKind.MEMBER_STATE:
        return conference.speaking_minutes_state
    return conference.speaking_minutes_observer


class Statement(NamedTuple):
    """One line of the chair's running order."""

    # "opening" (a chair or principal), "list" (an inscription), "reply" (a right of reply)
    kind: str
    sitting: Session | None
    entry: object  # a SessionPerson, an Inscription or a ReplyRequest
    minutes: int
    expected_at: object  # None beyond the last sitting
    started_at: object
    ended_at: object


def running_order(conference) -> list[Statement]:
    """The general debate as the chair runs it: each sitting opens with the statements of its
    chairs and principals (those given a statement time), then the speakers' list fills the
    sitting, then the rights of reply asked in it are heard in the order of the requests, with
    their own time limit. A statement that does not fit in a sitting goes to the next one;
    those beyond the last sitting have no expected time."""
    sittings = list(
        Session.objects.filter(
            conference=conference, kind=SessionKind.GENERAL_DEBATE, state=SessionState.PUBLISHED
        )
        .order_by("starts_at")
        .prefetch_related(
            Prefetch(
                "people",
                queryset=SessionPerson.objects.filter(statement_minutes__isnull=False)
                .select_related("delegate")
                .order_by("position", "pk"),
                to_attr="openers",
            ),
            Prefetch(
                "replies",
                queryset=ReplyRequest.objects.select_related("delegation", "speaker").order_by(
                    "requested_at", "pk"
                ),
                to_attr="reply_requests",
            ),
        )
    )
    waiting = list(speakers_list(conference))
    order = []
    reply_minutes = conference.speaking_minutes_reply
    for sitting in sittings:
        clock = sitting.starts_at
        for person in sitting.openers:
            order.append(_statement("opening", sitting, person, person.statement_minutes, clock))
            clock += timedelta(minutes=person.statement_minutes)
        list_ends = sitting.ends_at - timedelta(minutes=reply_minutes * len(sitting.reply_requests))
        while waiting:
            minutes = speaking_minutes(conference, waiting[0].delegation)
            if clock + timedelta(minutes=minutes) > list_ends:
                break
            order.append(_statement("list", sitting, waiting.pop(0), minutes, clock))
            clock += timedelta(minutes=minutes)
        for reply in sitting.reply_requests:
            order.append(_statement("reply", sitting, reply, reply_minutes, clock))
            clock += timedelta(minutes=reply_minutes)
    for entry in waiting:
        minutes = speaking_minutes(conference, entry.delegation)
        order.append(_statement("list", None, entry, minutes, None))
    return order


def _statement(kind, sitting, entry, minutes, expected_at):
    return Statement(
        kind=kind,
        sitting=sitting,
        entry=entry,
        minutes=minutes,
        expected_at=expected_at,
        started_at=getattr(entry, "started_at", None),
        ended_at=getattr(entry, "ended_at", None),
    )


def expected_times(conference) -> list[tuple[Inscription, object]]:
    """Each speaker on the list with the expected start of the statement (see
    `running_order`); None for those beyond the last sitting."""
    return [
        (statement.entry, statement.expected_at)
        for statement in running_order(conference)
        if statement.kind == "list"
    ]


def seating_plan(session) -> list[GalaTable]:
    """The dinner's tables, the top table first, each with `.seated`: its seats in seat order,
    with the delegate, the delegation and the guest's `dietary_needs`. Two queries."""
    needs = GalaAnswer.objects.filter(session=OuterRef("session"), delegate=OuterRef("delegate"))
    seats = (
        GalaSeat.objects.select_related("delegate__delegation")
        .annotate(dietary_needs=Subquery(needs.values("dietary_needs")[:1]))
        .order_by("seat_number")
    )
    return list(
        GalaTable.objects.filter(session=session)
        .order_by("-is_top_table", "number")
        .prefetch_related(Prefetch("guests", queryset=seats, to_attr="seated"))
    )


class DietarySummary(NamedTuple):
    guests: int
    # (need, number of guests), the most frequent first; spelling and case set aside.
    needs: list[tuple[str, int]]


def dietary_summary(session) -> DietarySummary:
    """For the caterer: how many guests attend, and how many have each dietary need."""
    answers = GalaAnswer.objects.filter(session=session, attending=True).values_list(
        "dietary_needs", flat=True
    )
    counts, labels, guests = Counter(), {}, 0
    for need in answers:
        guests += 1
        label = " ".join(need.split()).rstrip(".")
        if label:
            key = label.casefold()
            labels.setdefault(key, label[:1].upper() + label[1:])
            counts[key] += 1
    needs = sorted(((labels[k], n) for k, n in counts.items()), key=lambda e: (-e[1], e[0]))
    return DietarySummary(guests=guests, needs=needs)


def is_invited_to_gala(session: Session, delegate) -> bool:
    """A dinner open to all invites every delegate; one by invitation or by category (the state
    banquet) invites the heads of delegation and the conference's principals (the
    Secretary-General, the co-organisers' heads, the host's dignitaries), as protocol has it."""
    if session.access == SessionAccess.OPEN:
        return True
    return delegate.role == DelegateRole.HEAD or delegate.principal_order is not None


def gala_guests(session: Session, delegates) -> list:
    """The delegates among `delegates` invited to the dinner, in their order."""
    return [delegate for delegate in delegates if is_invited_to_gala(session, delegate)]


def banquet_zones_withheld(conference, delegate) -> set[str]:
    """The access zones of the dinners by invitation that `delegate` is not invited to: their
    badge does not open the banquet hall (delegations' badges ask this, see sessions/apps.py)."""
    dinners = (
        Session.objects.filter(
            conference=conference,
            kind=SessionKind.GALA_DINNER,
            state=SessionState.PUBLISHED,
            room__access_zone__isnull=False,
        )
        .exclude(access=SessionAccess.OPEN)
        .select_related("room__access_zone")
    )
    return {
        dinner.room.access_zone.code
        for dinner in dinners
        if not is_invited_to_gala(dinner, delegate)
    }


def with_register_signature(signatories):
    """Signatories annotated with their participant's signature in the convention's register:
    `register_signed_on` and `register_day_is_verified` (None when the register holds none). A
    REIO's delegation is found by its name, as the register names organisations."""
    in_register = Signature.objects.filter(
        convention_id=OuterRef("conference__convention_id")
    ).filter(
        Q(country=OuterRef("delegation__country"), organisation="")
        | Q(country="", organisation=OuterRef("delegation__name"))
    )
    return signatories.annotate(
        register_signed_on=Subquery(in_register.values("signed_on")[:1]),
        register_day_is_verified=Subquery(in_register.values("day_is_verified")[:1]),
    )


# A restricted event closes its zone to the journalists outside its pool from this long before
# it starts until this long after it ends: the pool is taken in first and led out last.
POOL_WINDOW = timedelta(minutes=30)


def media_pool_admission(conference, badge, *, zone_code, direction) -> ScanReason | None:
    """The doors' rule for a journalist's badge at a restricted event under way (a published
    session with a media pool, in a room of the zone): the pool's journalists are admitted, even
    to a zone their badge does not list (the family photo's lounge), and the other journalists
    are refused on entry, even to a zone it does (the plenary during the signing). Any other
    badge, zone or time: None, and the badge's zones decide. One query, for journalists only
    (delegations' check-in asks this, see sessions/apps.py)."""
    if badge.journalist_id is None:
        return None
    now = timezone.now()
    held = (
        MediaPool.objects.filter(
            session__conference=conference,
            session__state=SessionState.PUBLISHED,
            session__room__access_zone__venue_id=conference.venue_id,
            session__room__access_zone__code=zone_code,
            session__starts_at__lte=now + POOL_WINDOW,
            session__ends_at__gte=now - POOL_WINDOW,
        )
        .annotate(
            held=Exists(
                PoolPlace.objects.filter(pool=OuterRef("pk"), journalist_id=badge.journalist_id)
            )
        )
        .values_list("held", flat=True)
    )
    held = list(held)
    if not held:
        return None
    if any(held):
        return ScanReason.ALLOWED
    return ScanReason.POOL_ONLY if direction == ScanDirection.ENTRY else None


# A delegation that accepted its invitation and has not withdrawn: the only ones a request for a
# bilateral meeting may reach (one still "invited" never agreed to hear from the others).
RECEIVES_BILATERALS = [
    DelegationStatus.CONFIRMED,
    DelegationStatus.REGISTERED,
    DelegationStatus.ACCREDITED,
]


def bilateral_counterparts(requester):
    """The delegations `requester` may ask for a bilateral meeting: of its conference, on the
    floor (not the media), having accepted their invitation and still taking part, not itself.
    The portal's picker lists these and `check_bilateral_request` refuses any other."""
    return (
        delegations_on_the_floor(requester.conference)
        .filter(status__in=RECEIVES_BILATERALS)
        .exclude(pk=requester.pk)
    )
