"""The gala dinner: delegates' answers, the seating plan by precedence, moves by hand.

Every write locks the dinner's session row first, so that a seating being made and a guest being
moved by hand never interleave.
"""

from collections import Counter
from itertools import zip_longest

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from conference.errors import full_clean_or_raise
from delegations.enums import DelegateRole
from delegations.models import Delegate
from delegations.precedence import BY_LOT, order_delegates
from delegations.services import ensure_editable
from sessions.enums import SessionKind
from sessions.errors import (
    GalaSeatTaken,
    GalaTableOccupied,
    NoSuchGalaSeat,
    NotAGalaDinner,
    NotEnoughGalaSeats,
    NotInvitedToGala,
)
from sessions.models import GalaAnswer, GalaSeat, GalaTable, Session
from sessions.selectors import is_invited_to_gala
from sessions.services.notices import notify_gala_answer


def check_gala_guest(session: Session, *, delegate: Delegate) -> None:
    """Raise NotAGalaDinner unless `session` is a gala dinner of the delegate's conference, and
    NotInvitedToGala unless the delegate is invited to it (`is_invited_to_gala`)."""
    if session.kind != SessionKind.GALA_DINNER:
        raise NotAGalaDinner()
    if delegate.delegation.conference_id != session.conference_id:
        raise NotAGalaDinner()
    if not is_invited_to_gala(session, delegate):
        raise NotInvitedToGala()


def answer_gala_dinner(
    session: Session,
    *,
    delegate: Delegate,
    attending: bool,
    dietary_needs: str = "",
    by_focal_point=False,
) -> GalaAnswer:
    """Record (or change) a delegate's answer to the gala dinner and confirm it by e-mail.

    Regrets free the delegate's seat, if one was given. `answered_at` is the time the present
    answer (yes or no) was first given, and the confirmation is keyed by it: each change of
    answer (yes, no, then yes again) is confirmed once, while the same answer given again, or
    only a change of dietary needs, sends nothing new."""
    check_gala_guest(session, delegate=delegate)
    if by_focal_point:
        ensure_editable(delegate.delegation)  # organisers record answers at any time
    with transaction.atomic():
        _locked(session.pk)
        previous = GalaAnswer.objects.filter(session=session, delegate=delegate).first()
        unchanged = previous is not None and previous.attending == attending
        answer, _created = GalaAnswer.objects.update_or_create(
            session=session,
            delegate=delegate,
            defaults={
                "attending": attending,
                "dietary_needs": " ".join(dietary_needs.split()),
                "answered_at": previous.answered_at if unchanged else timezone.now(),
            },
        )
        if not attending:
            GalaSeat.objects.filter(session=session, delegate=delegate).delete()
        notify_gala_answer(
            delegate, session=session, attending=attending, answered_at=answer.answered_at
        )
    return answer


def seat_gala_dinner(session: Session) -> list[GalaSeat]:
    """Seat every attending guest, replacing the previous plan as a whole.

    The top table takes the host's head of delegation in the middle, then the conference's
    principals (the Secretary-General, the co-organisers' heads, the host's dignitaries), then
    the other heads of delegation in the order of precedence: the principal guest on the host's
    right, the next on the left, and so on outward. The other guests are spread so that a
    delegation meets many tables (the dinner is for talking to other delegations): the
    remaining heads of delegation
    by precedence first, then the other members by precedence, each at the table with the fewest
    of their own delegation, ties going to the emptiest table, then the lowest number. Two of one
    delegation share a table only when no table with a free seat lacks them. Among tables where
    the delegation has as many guests, the top table's spare seats come last: it is the heads'.

    Refused, with the plan left as it was, when there are fewer seats than guests."""
    if session.kind != SessionKind.GALA_DINNER:
        raise NotAGalaDinner()
    with transaction.atomic():
        session = _locked(session.pk)
        tables = list(GalaTable.objects.filter(session=session).order_by("-is_top_table", "number"))
        guests = list(
            Delegate.objects.filter(gala_answers__session=session, gala_answers__attending=True)
            .select_related("delegation")
            .order_by("family_name", "given_names", "pk")
        )
        seats = sum(table.seats for table in tables)
        if seats < len(guests):
            raise NotEnoughGalaSeats(
                _(
                    "%(guests)d guests attend but the tables have %(seats)d seats: "
                    "add tables or seats first."
                )
                % {"guests": len(guests), "seats": seats},
                guests=len(guests),
                seats=seats,
            )
        plan = _plan(session.conference, tables, guests)
        GalaSeat.objects.filter(session=session).delete()
        return GalaSeat.objects.bulk_create(
            GalaSeat(session=session, table=table, delegate=delegate, seat_number=number)
            for table, number, delegate in plan
        )


def check_gala_move(seat: GalaSeat, *, table: GalaTable, seat_number: int) -> None:
    """Raise NoSuchGalaSeat or GalaSeatTaken unless the guest may be moved there."""
    if table.session_id != seat.session_id or not 1 <= seat_number <= table.seats:
        raise NoSuchGalaSeat(
            _("%(table)s has seats 1 to %(seats)d at this dinner.")
            % {"table": table, "seats": table.seats}
        )
    taken = (
        GalaSeat.objects.filter(table=table, seat_number=seat_number)
        .exclude(pk=seat.pk)
        .select_related("delegate")
        .first()
    )
    if taken is not None:
        raise GalaSeatTaken(
            _("Seat %(number)d at %(table)s is taken by %(name)s.")
            % {"number": seat_number, "table": table, "name": taken.delegate.full_name}
        )


def move_guest(seat: GalaSeat, *, table: GalaTable, seat_number: int) -> GalaSeat:
    """Move a seated guest to a free seat, at the same or another table of the same dinner."""
    with transaction.atomic():
        _locked(seat.session_id)
        seat = GalaSeat.objects.select_related("delegate").get(pk=seat.pk)
        check_gala_move(seat, table=table, seat_number=seat_number)
        seat.table = table
        seat.seat_number = seat_number
        seat.save(update_fields=["table", "seat_number"])
    return seat


def top_table_seat_order(seats: int) -> list[int]:
    """Seat numbers in the order of precedence at the top table, whose seats are numbered from
    the host's far left to far right: the middle, then right and left alternately, outward."""
    middle = (seats + 1) // 2
    right = range(middle + 1, seats + 1)
    left = range(middle - 1, 0, -1)
    outward = [n for pair in zip_longest(right, left) for n in pair if n is not None]
    return [middle, *outward]


def _plan(conference, tables, guests):
    ordered = order_delegates(guests, conference=conference, tie_break=BY_LOT)
    free = {
        table.pk: (
            top_table_seat_order(table.seats)
            if table.is_top_table
            else list(range(1, table.seats + 1))
        )
        for table in tables
    }
    # How many guests of each delegation sit at each table so far.
    present = {table.pk: Counter() for table in tables}
    plan = []

    def sit(table, delegate):
        plan.append((table, free[table.pk].pop(0), delegate))
        present[table.pk][delegate.delegation_id] += 1

    top = tables[0] if tables and tables[0].is_top_table else None
    if top is not None:
        for head in _heads_host_first(ordered, conference)[: top.seats]:
            sit(top, head)
    seated = {delegate.pk for _table, _number, delegate in plan}
    waiting = [delegate for delegate in ordered if delegate.pk not in seated]
    # Stable: precedence otherwise.
    waiting.sort(key=lambda d: d.role != DelegateRole.HEAD and d.principal_order is None)
    for delegate in waiting:
        table = min(
            (table for table in tables if free[table.pk]),
            key=lambda t: (
                present[t.pk][delegate.delegation_id],
                t is top,
                t.seats - len(free[t.pk]),
                t.number,
            ),
        )
        sit(table, delegate)
    return plan


def _heads_host_first(ordered, conference):
    """The heads of delegation and the principals (the Secretary-General, the co-organisers'
    heads, the host's dignitaries, whatever their role in their delegation), in precedence."""
    heads = [
        delegate
        for delegate in ordered
        if delegate.role == DelegateRole.HEAD or delegate.principal_order is not None
    ]
    # The host of the dinner sits in the middle whatever the precedence setting says.
    host = next(
        (
            h
            for h in heads
            if h.role == DelegateRole.HEAD
            and h.delegation.country.code == conference.host_country.code
        ),
        None,
    )
    if host is None:
        return heads
    return [host, *(h for h in heads if h.pk != host.pk)]


def save_gala_table(table: GalaTable, **fields) -> GalaTable:
    """Add a table to a gala dinner, or change one. Refused (NotAGalaDinner) for a session that
    is not a gala dinner, and (GalaTableOccupied) for fewer seats than the highest seat a guest
    already holds at the table: the seating plan and the place cards would name a seat that is
    gone."""
    for name, value in fields.items():
        setattr(table, name, value)
    with transaction.atomic():
        session = _locked(table.session_id)
        if session.kind != SessionKind.GALA_DINNER:
            raise NotAGalaDinner()
        if table.pk is not None:
            _ensure_seats_free(table, beyond=table.seats)
        full_clean_or_raise(table)
        table.save()
    return table


def remove_gala_table(table: GalaTable) -> None:
    """Delete a table nobody is seated at (GalaTableOccupied otherwise)."""
    with transaction.atomic():
        _locked(table.session_id)
        _ensure_seats_free(table, beyond=0)
        table.delete()


def _ensure_seats_free(table, *, beyond):
    if GalaSeat.objects.filter(table=table, seat_number__gt=beyond).exists():
        raise GalaTableOccupied()


def _locked(session_id):
    return (
        Session.objects.select_for_update(of=("self",))
        .select_related("conference")
        .get(pk=session_id)
    )
