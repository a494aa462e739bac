"""The numbers on the console's first page, for one conference, in a handful of queries.

Each figure carries the address of the console list that shows those rows, so an organiser goes
from "12 invitations not opened" to the twelve in one click.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from conference.models import Conference, Signature
from conference.replica import reads_from_replica
from delegations.enums import AccreditationStatus, BadgeCategory, DelegationStatus, ProtocolRank
from delegations.models import (
    Delegate,
    Delegation,
    Invitation,
    InvitationState,
    MessageState,
    OutboundMessage,
)
from sessions.enums import SessionKind, SessionState
from sessions.models import GalaAnswer, PlaceState, Session

HEADS = [ProtocolRank.HEAD_OF_STATE, ProtocolRank.HEAD_OF_GOVERNMENT]
# The places card lists the first roundtables by time and counts the rest, with a link: 5,000
# sessions made it a 5,000-row table (8 s of the 8.4 s the dashboard took at that size).
ROUNDTABLES_SHOWN = 20
COMING = [DelegationStatus.CONFIRMED, DelegationStatus.REGISTERED, DelegationStatus.ACCREDITED]


@dataclass
class Figure:
    label: str
    value: int
    url: str
    alert: bool = False


@dataclass
class Dashboard:
    conference: Conference
    invitations: list[Figure] = field(default_factory=list)
    delegations: list[Figure] = field(default_factory=list)
    categories: list[Figure] = field(default_factory=list)
    accreditation: list[Figure] = field(default_factory=list)
    heads_expected: Figure | None = None
    roundtables: list[tuple[str, int, int, str]] = field(default_factory=list)
    roundtables_more: Figure | None = None
    gala: list[tuple[str, int, int, str]] = field(default_factory=list)
    outbox: list[Figure] = field(default_factory=list)
    signatures: Figure | None = None


def current_conference(slug=None):
    """The conference asked for, else the next or running one, else the latest."""
    conferences = Conference.objects.order_by("start_date")
    if slug:
        return conferences.filter(slug=slug).first()
    today = timezone.localdate()
    return conferences.filter(end_date__gte=today).first() or conferences.last()


@reads_from_replica  # numbers for a glance: a replica's second of lag is no harm
def dashboard(conference: Conference) -> Dashboard:
    board = Dashboard(conference=conference)
    pk = conference.pk

    def link(model, **filters):
        meta = model._meta
        return f"{reverse(f'admin:{meta.app_label}_{meta.model_name}_changelist')}?" + urlencode(
            filters
        )

    by_state = _counts(Invitation.objects.filter(delegation__conference=pk), "state")
    board.invitations = [
        Figure(
            label,
            by_state.get(state, 0),
            link(Invitation, state__exact=state, delegation__conference__id__exact=pk),
        )
        for state, label in InvitationState.choices
    ]
    by_status = _counts(Delegation.objects.filter(conference=pk), "status")
    board.delegations = [
        Figure(
            label,
            by_status.get(status, 0),
            link(Delegation, status__exact=status, conference__id__exact=pk),
        )
        for status, label in DelegationStatus.choices
    ]
    delegates = Delegate.objects.filter(conference=pk)
    by_category, by_accreditation = _delegate_counts(delegates)
    board.categories = [
        Figure(
            label,
            by_category.get(category, 0),
            link(Delegate, badge_category__exact=category, delegation__conference__id__exact=pk),
        )
        for category, label in BadgeCategory.choices
    ]
    board.accreditation = [
        Figure(
            label,
            by_accreditation.get(status, 0),
            link(
                Delegate, accreditation_status__exact=status, delegation__conference__id__exact=pk
            ),
        )
        for status, label in AccreditationStatus.choices
    ]
    # One aggregate over the few heads, read through the index delegate_conference_rank: without
    # it, stale statistics after a bulk import made the planner loop over every delegate of every
    # delegation (3 s at 100,000 delegates in the issue). bench/large_conference.py prints the
    # plan: a bitmap index scan on it, 0.49 s for all the dashboard's figures at 20,000 delegates.
    heads = delegates.filter(protocol_rank__in=HEADS, delegation__status__in=COMING).count()
    board.heads_expected = Figure(
        "", heads, link(Delegate, delegation__conference__id__exact=pk, role__exact="head")
    )
    board.roundtables, board.roundtables_more = _places(conference, link)
    board.gala = _gala(conference, link)
    messages = _counts(OutboundMessage.objects.filter(conference=pk), "state")
    board.outbox = [
        Figure(
            label,
            messages.get(state, 0),
            link(OutboundMessage, state__exact=state),
            alert=state == MessageState.FAILED and messages.get(state, 0) > 0,
        )
        for state, label in MessageState.choices
        if state != MessageState.SENT
    ]
    if conference.convention_id:
        signed = Signature.objects.filter(convention=conference.convention_id).count()
        board.signatures = Figure("", signed, link(Signature))
    return board


def _counts(queryset, field_name):
    return dict(queryset.values_list(field_name).annotate(n=Count("pk")).order_by())


def _delegate_counts(delegates):
    """Delegates by badge category and by accreditation status from one scan of the table, not
    two: at 100,000 delegates each GROUP BY scan took 22 to 26 ms of the dashboard's 51 ms of
    SQL (in process, 2026-12-04); the pairs are a few dozen rows, summed here."""
    by_category, by_accreditation = {}, {}
    pairs = delegates.values_list("badge_category", "accreditation_status").annotate(n=Count("pk"))
    for category, status, count in pairs.order_by():
        by_category[category] = by_category.get(category, 0) + count
        by_accreditation[status] = by_accreditation.get(status, 0) + count
    return by_category, by_accreditation


def _places(conference, link):
    sessions = (
        Session.objects.filter(
            conference=conference, kind=SessionKind.ROUNDTABLE, state=SessionState.PUBLISHED
        )
        .select_related("room")
        .annotate(
            confirmed=Count("places", filter=Q(places__state=PlaceState.CONFIRMED)),
            waiting=Count("places", filter=Q(places__state=PlaceState.WAITLISTED)),
        )
        .order_by("starts_at", "pk")
    )
    shown = list(sessions[: ROUNDTABLES_SHOWN + 1])
    more = None
    if len(shown) > ROUNDTABLES_SHOWN:
        shown = shown[:ROUNDTABLES_SHOWN]
        rest = sessions.order_by().count() - ROUNDTABLES_SHOWN
        more = Figure(
            "",
            rest,
            link(
                Session,
                conference__id__exact=conference.pk,
                kind__exact=SessionKind.ROUNDTABLE,
                state__exact=SessionState.PUBLISHED,
            ),
        )
    changelist = link(Session)
    rows = [
        (str(s), s.confirmed, s.effective_capacity or 0, s.waiting, f"{changelist}id={s.pk}")
        for s in shown
    ]
    return rows, more


def _gala(conference, link):
    dinners = Session.objects.filter(conference=conference, kind=SessionKind.GALA_DINNER)
    answers = _counts(GalaAnswer.objects.filter(session__in=dinners, attending=True), "session_id")
    return [
        (
            str(d),
            answers.get(d.pk, 0),
            d.effective_capacity or 0,
            0,
            link(GalaAnswer, session__id__exact=d.pk, attending__exact=1),
        )
        for d in dinners.select_related("room")
    ]
