"""Bilateral meetings: asked by one delegation of another, answered, then given a room and a slot.

A slot suits a meeting when both heads of delegation are free (no published session they chair,
moderate, speak in or hold a place in, no gala dinner they attend, no other meeting of their
delegation) and a bilateral room is free (no scheduled meeting, no published session). Every
change to a meeting locks its row; placing a meeting locks the venue's bilateral rooms first, so
two placements never race for one room. On PostgreSQL the exclusion constraint
`bilateral_no_room_overlap` holds the rule again below the services.
"""

from datetime import date, datetime, time, timedelta
from typing import NamedTuple

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from conference.errors import full_clean_or_raise
from conference.models import Conference, Room
from delegations.enums import DelegateRole, DelegationStatus
from delegations.models import Delegate, Delegation
from sessions.enums import SessionState
from sessions.errors import (
    BilateralAlreadyRequested,
    BilateralDayInvalid,
    BilateralNotPossible,
    BilateralSlotTaken,
    BilateralStateInvalid,
    BilateralWithItself,
    NotABilateralRoom,
    NotBilateralParty,
)
from sessions.models import BilateralMeeting, BilateralState, GalaAnswer, Session
from sessions.selectors import bilateral_counterparts, sessions_attended_by
from sessions.services.bilateral_solver import Request, place
from sessions.services.notices import (
    notify_bilateral_answered,
    notify_bilateral_cancelled,
    notify_bilateral_requested,
    notify_bilateral_scheduled,
)

_CLOSED = [DelegationStatus.DECLINED, DelegationStatus.WITHDRAWN]


class BilateralSchedule(NamedTuple):
    placed: list[BilateralMeeting]
    # Accepted meetings for which no slot suits both sides; they stay accepted.
    unplaced: list[BilateralMeeting]


def check_bilateral_request(
    requester: Delegation, *, counterpart: Delegation, preferred_day: date
) -> None:
    """Raise the domain error that refuses this request, if any."""
    if requester.pk == counterpart.pk:
        raise BilateralWithItself()
    conference = requester.conference
    if requester.status in _CLOSED:
        raise _not_possible(requester)
    # The one rule for who may receive a request, shared with the portal's picker.
    if not bilateral_counterparts(requester).filter(pk=counterpart.pk).exists():
        raise _not_possible(counterpart)
    if not conference.start_date <= preferred_day <= conference.end_date:
        raise BilateralDayInvalid()
    if _open_between(requester, counterpart).exists():
        raise BilateralAlreadyRequested()


def _not_possible(delegation: Delegation) -> BilateralNotPossible:
    return BilateralNotPossible(
        _("%(name)s does not take part in meetings at this conference.")
        % {"name": delegation.display_name}
    )


def request_bilateral(
    requester: Delegation,
    *,
    counterpart: Delegation,
    preferred_day: date,
    level: str,
    topics: str = "",
    requested_by: str = "",
) -> BilateralMeeting:
    """Ask another delegation of the same conference for a meeting; the delegation asked is
    told and answers in the portal. One meeting stands between two delegations at a time,
    whoever asked."""
    check_bilateral_request(requester, counterpart=counterpart, preferred_day=preferred_day)
    meeting = BilateralMeeting(
        conference=requester.conference,
        requester=requester,
        counterpart=counterpart,
        preferred_day=preferred_day,
        level=level,
        topics=topics.strip(),
        requested_by=requested_by,
    )
    full_clean_or_raise(meeting, BilateralWithItself, BilateralAlreadyRequested)
    with transaction.atomic():
        try:
            with transaction.atomic():
                meeting.save()
        except IntegrityError as exc:
            # The other delegation asked at the same moment: its request stands.
            raise BilateralAlreadyRequested() from exc
        notify_bilateral_requested(meeting)
    return meeting


def accept_bilateral(meeting: BilateralMeeting, *, delegation: Delegation | None = None):
    """The delegation asked (or the organisers for it, `delegation=None`) accepts; the meeting
    waits for a slot, and the delegation that asked is told."""
    return _answer(meeting, delegation, BilateralState.ACCEPTED)


def decline_bilateral(meeting: BilateralMeeting, *, delegation: Delegation | None = None):
    """The delegation asked (or the organisers for it) declines; the delegation that asked is
    told."""
    return _answer(meeting, delegation, BilateralState.DECLINED)


def cancel_bilateral(
    meeting: BilateralMeeting, *, delegation: Delegation | None = None
) -> BilateralMeeting:
    """Cancel a meeting that still stands: the delegation that asked at any time, the other once
    it has accepted (before, it declines), the organisers (`delegation=None`) always. A
    scheduled meeting frees its room. Both sides are told; those who had the time get the
    entry that removes it from their calendar."""
    with transaction.atomic():
        meeting = _locked(meeting.pk)
        _check_party(meeting, delegation)
        if meeting.state not in BilateralState.open():
            raise BilateralStateInvalid(_("This meeting no longer stands."))
        if (
            delegation is not None
            and delegation.pk == meeting.counterpart_id
            and meeting.state == BilateralState.REQUESTED
        ):
            raise BilateralStateInvalid(_("Decline the request instead of cancelling it."))
        if meeting.state == BilateralState.SCHEDULED:
            meeting.sequence += 1
        meeting.state = BilateralState.CANCELLED
        meeting.cancelled_by = delegation
        meeting.cancelled_at = timezone.now()
        meeting.save()
        notify_bilateral_cancelled(meeting)
    return meeting


def reschedule_bilateral(
    meeting: BilateralMeeting, *, room: Room, starts_at: datetime, ends_at: datetime
) -> BilateralMeeting:
    """Give an accepted meeting, or a scheduled one, a room and a time chosen by hand, under the
    same rules as the scheduler; both sides get the (new) calendar entry."""
    with transaction.atomic():
        _lock_rooms(meeting.conference)
        meeting = _locked(meeting.pk)
        if meeting.state not in (BilateralState.ACCEPTED, BilateralState.SCHEDULED):
            raise BilateralStateInvalid(_("Only an accepted meeting is given a room and a time."))
        check_bilateral_slot(meeting, room=room, starts_at=starts_at, ends_at=ends_at)
        _schedule(meeting, room, starts_at, ends_at)
    return meeting


def check_bilateral_slot(
    meeting: BilateralMeeting, *, room: Room, starts_at: datetime, ends_at: datetime
) -> None:
    """Raise the domain error that refuses this room and time for the meeting, if any."""
    conference = meeting.conference
    if room.kind != Room.Kind.BILATERAL_ROOM or room.venue_id != conference.venue_id:
        raise NotABilateralRoom()
    tz = conference.tzinfo
    day = starts_at.astimezone(tz).date()
    if (
        ends_at <= starts_at
        or ends_at.astimezone(tz).date() != day
        or not conference.start_date <= day <= conference.end_date
    ):
        raise BilateralDayInvalid(
            _("A meeting takes place within one day of the conference and ends after it starts.")
        )
    rooms = _room_bookings([room], exclude=meeting)
    programmes = _programmes([meeting.requester, meeting.counterpart], exclude=meeting)
    for start, end, label in rooms[room.pk]:
        if start < ends_at and starts_at < end:
            raise BilateralSlotTaken(
                _("%(room)s is taken at that time: %(what)s.") % {"room": room, "what": label}
            )
    for side in (meeting.requester, meeting.counterpart):
        for start, end, label in programmes[side.pk]:
            if start < ends_at and starts_at < end:
                raise BilateralSlotTaken(
                    _("The head of delegation of %(name)s is busy at that time: %(what)s.")
                    % {"name": side.display_name, "what": label}
                )


def schedule_bilaterals(
    conference: Conference,
    *,
    slot_minutes: int = 30,
    day_starts: time = time(8, 0),
    day_ends: time = time(19, 0),
    not_before: datetime | None = None,
) -> BilateralSchedule:
    """Give every accepted meeting a bilateral room and a slot of `slot_minutes` between
    `day_starts` and `day_ends` on a day of the conference, not before `not_before` (now, by
    default), free for both sides; the preferred day is tried first. The placement is exact:
    as many meetings as can be placed are (see `bilateral_solver`). Both sides of every meeting
    placed get the confirmation with the calendar entry; the others stay accepted."""
    with transaction.atomic():
        rooms = _lock_rooms(conference)
        meetings = list(
            BilateralMeeting.objects.select_for_update(of=("self",))
            .filter(conference=conference, state=BilateralState.ACCEPTED)
            .select_related("conference__venue", "requester", "counterpart")
            .order_by("requested_at", "pk")
        )
        if not meetings:
            return BilateralSchedule(placed=[], unplaced=[])
        slots = _grid(conference, slot_minutes, day_starts, day_ends, not_before)
        room_bookings = _room_bookings(rooms)
        free_rooms = {
            index: [room for room in rooms if _free(room_bookings[room.pk], slot)]
            for index, slot in enumerate(slots)
        }
        programmes = _programmes(
            {side for meeting in meetings for side in (meeting.requester, meeting.counterpart)}
        )
        requests = [
            Request(
                key=meeting.pk,
                sides=frozenset((meeting.requester_id, meeting.counterpart_id)),
                slots=_slots_for(meeting, slots, free_rooms, programmes),
                order=order,
            )
            for order, meeting in enumerate(meetings)
        ]
        chosen = place(requests, {index: len(free) for index, free in free_rooms.items()})
        placed = []
        for meeting in meetings:
            if meeting.pk in chosen:
                start, end = slots[chosen[meeting.pk]]
                _schedule(meeting, free_rooms[chosen[meeting.pk]].pop(0), start, end)
                placed.append(meeting)
    return BilateralSchedule(placed=placed, unplaced=[m for m in meetings if m.pk not in chosen])


def _answer(meeting, delegation, state):
    with transaction.atomic():
        meeting = _locked(meeting.pk)
        if delegation is not None and delegation.pk != meeting.counterpart_id:
            raise NotBilateralParty()
        if meeting.state != BilateralState.REQUESTED:
            raise BilateralStateInvalid(_("This request has already been answered or withdrawn."))
        meeting.state = state
        meeting.answered_at = timezone.now()
        meeting.save(update_fields=["state", "answered_at"])
        notify_bilateral_answered(meeting)
    return meeting


def _schedule(meeting, room, starts_at, ends_at):
    meeting.room, meeting.starts_at, meeting.ends_at = room, starts_at, ends_at
    meeting.state = BilateralState.SCHEDULED
    meeting.sequence += 1
    meeting.scheduled_at = timezone.now()
    try:
        with transaction.atomic():
            meeting.save(
                update_fields=["room", "starts_at", "ends_at", "state", "sequence", "scheduled_at"]
            )
    except IntegrityError as exc:
        if "bilateral_no_room_overlap" in str(exc):
            raise BilateralSlotTaken() from exc
        raise
    notify_bilateral_scheduled(meeting)


def _check_party(meeting, delegation):
    if delegation is not None and delegation.pk not in (
        meeting.requester_id,
        meeting.counterpart_id,
    ):
        raise NotBilateralParty()


def _locked(meeting_id):
    # No join on the room: a row read after waiting for the lock is the new version, but a
    # nullable joined row may come back empty with it.
    return (
        BilateralMeeting.objects.select_for_update(of=("self",))
        .select_related("conference__venue", "requester", "counterpart")
        .get(pk=meeting_id)
    )


def _lock_rooms(conference):
    return list(
        Room.objects.select_for_update()
        .filter(venue_id=conference.venue_id, kind=Room.Kind.BILATERAL_ROOM)
        .order_by("name", "pk")
    )


def _open_between(one, other):
    return BilateralMeeting.objects.filter(
        Q(requester=one, counterpart=other) | Q(requester=other, counterpart=one),
        state__in=BilateralState.open(),
    )


def _grid(conference, slot_minutes, day_starts, day_ends, not_before):
    not_before = not_before or timezone.now()
    length = timedelta(minutes=slot_minutes)
    slots, day = [], conference.start_date
    while day <= conference.end_date:
        start = conference.local_datetime(day, day_starts)
        while start + length <= conference.local_datetime(day, day_ends):
            if start >= not_before:
                slots.append((start, start + length))
            start += length
        day += timedelta(days=1)
    return slots


def _slots_for(meeting, slots, free_rooms, programmes):
    tz = meeting.conference.tzinfo
    busy = programmes[meeting.requester_id] + programmes[meeting.counterpart_id]
    suitable = [
        index for index, slot in enumerate(slots) if free_rooms[index] and _free(busy, slot)
    ]
    # The preferred day first (stable: in time order within each part).
    return tuple(
        sorted(suitable, key=lambda i: slots[i][0].astimezone(tz).date() != meeting.preferred_day)
    )


def _free(bookings, slot):
    start, end = slot
    return not any(b_start < end and start < b_end for b_start, b_end, _label in bookings)


def _room_bookings(rooms, *, exclude=None):
    """For each room: (start, end, what) of its scheduled meetings and published sessions."""
    bookings = {room.pk: [] for room in rooms}
    meetings = (
        BilateralMeeting.objects.filter(room__in=rooms, state=BilateralState.SCHEDULED)
        .exclude(pk=exclude.pk if exclude else None)
        .select_related("requester", "counterpart")
    )
    for meeting in meetings:
        bookings[meeting.room_id].append((meeting.starts_at, meeting.ends_at, str(meeting)))
    for session in Session.objects.published().filter(room__in=rooms):
        bookings[session.room_id].append((session.starts_at, session.ends_at, session.title))
    return bookings


def _programmes(delegations, *, exclude=None):
    """For each delegation: (start, end, what) of its head's sessions and gala dinners, and of
    the delegation's scheduled meetings. A delegation without a head is held by its meetings
    only."""
    programme = {delegation.pk: [] for delegation in delegations}
    heads = Delegate.objects.filter(delegation__in=list(programme), role=DelegateRole.HEAD)
    for head in heads:
        attended = [s for s in sessions_attended_by(head) if s.state == SessionState.PUBLISHED]
        # The selector leaves gala dinners out; the heads are the dinner's first guests.
        attended += Session.objects.published().filter(
            pk__in=GalaAnswer.objects.filter(delegate=head, attending=True).values("session_id")
        )
        programme[head.delegation_id] += [(s.starts_at, s.ends_at, s.title) for s in attended]
    meetings = (
        BilateralMeeting.objects.filter(
            Q(requester__in=list(programme)) | Q(counterpart__in=list(programme)),
            state=BilateralState.SCHEDULED,
        )
        .exclude(pk=exclude.pk if exclude else None)
        .select_related("requester", "counterpart")
    )
    for meeting in meetings:
        entry = (meeting.starts_at, meeting.ends_at, str(meeting))
        for side in (meeting.requester_id, meeting.counterpart_id):
            if side in programme:
                programme[side].append(entry)
    return programme
