"""Side events: proposed by a delegation for a slot of the grid, decided by the protocol, and
given a room of the slot with no clash.

The rooms of a slot are allocated under a lock on the slot's row, so two organisers accepting
two events of one slot at once cannot give them the same room; the database's unique constraint
(one accepted event per room and slot) holds the rule again below the services. An accepted
event becomes a published programme session of kind side event, with its organisers and
speakers, so that the next schedule release puts it in the feeds.
"""

from django.db import transaction
from django.utils import timezone

from conference.errors import full_clean_or_raise
from conference.models import Room
from delegations.enums import DelegationStatus
from delegations.models import Delegation
from delegations.services.notifications import notify_focal_point
from sessions.enums import PersonRole, SessionKind, SideEventState
from sessions.errors import (
    NoRoomFree,
    RoomUnsuitable,
    SideEventDecided,
    SideEventNotOpen,
    SlotNotOfConference,
    TooFewBooths,
)
from sessions.models import Session, SideEventApplication, SideEventSlot
from sessions.selectors import room_clash
from sessions.services.programme import (
    add_session_person,
    cancel_session,
    create_session,
    interpretation_booths_needed,
    publish_session,
    reschedule_session,
)

# Only the concurrency test's negative control turns this off, to show the race it guards.
LOCK_SLOT_ROW = True

PROPOSING_STATUSES = (
    DelegationStatus.CONFIRMED,
    DelegationStatus.REGISTERED,
    DelegationStatus.ACCREDITED,
)


def propose_side_event(
    delegation: Delegation,
    *,
    slot: SideEventSlot,
    title: str,
    organisers: str,
    speakers: str = "",
    languages: list[str],
    expected_audience: int,
    technical_needs: str = "",
    is_illustrative: bool = False,
) -> SideEventApplication:
    """A delegation's application for `slot`; the focal point receives an acknowledgement.
    `is_illustrative` marks one invented for a demonstration, and later its session."""
    if delegation.status not in PROPOSING_STATUSES:
        raise SideEventNotOpen()
    if slot.conference_id != delegation.conference_id:
        raise SlotNotOfConference()
    with transaction.atomic():
        application = SideEventApplication(
            conference_id=delegation.conference_id,
            delegation=delegation,
            slot=slot,
            title=title.strip(),
            organisers=organisers.strip(),
            speakers=speakers.strip(),
            languages=list(dict.fromkeys(languages)),
            expected_audience=expected_audience,
            technical_needs=technical_needs.strip(),
            is_illustrative=is_illustrative,
        )
        full_clean_or_raise(application)
        application.save()
        _notify(application, "received")
    return application


def accept_side_event(
    application: SideEventApplication, *, room: Room | None = None
) -> SideEventApplication:
    """Accept a submitted side event in its slot, in `room` or in the smallest free room of the
    slot that holds the expected audience and has booths for its languages (`NoRoomFree`), and
    publish it as a programme session with its organisers and speakers."""
    with transaction.atomic():
        application = _locked(application)
        if application.state != SideEventState.SUBMITTED:
            raise SideEventDecided()
        slot = _slot(application.slot_id)
        room = _room_for(application, slot, room)
        session = create_session(
            application.conference,
            slug=f"side-event-{application.pk}",
            kind=SessionKind.SIDE_EVENT,
            title=application.title,
            room=room,
            starts_at=slot.starts_at,
            ends_at=slot.ends_at,
            languages=application.languages or ["en"],
            is_illustrative=application.is_illustrative,
        )
        for position, name in enumerate(application.organiser_names):
            add_session_person(session, role=PersonRole.ORGANISER, name=name, position=position)
        for position, name in enumerate(application.speaker_names):
            add_session_person(session, role=PersonRole.SPEAKER, name=name, position=position)
        publish_session(session)
        application.state = SideEventState.ACCEPTED
        application.room, application.session = room, session
        application.decided_at = timezone.now()
        application.save(update_fields=["state", "room", "session", "decided_at"])
        _notify(application, "accepted")
    return application


def refuse_side_event(application: SideEventApplication, *, reason: str) -> SideEventApplication:
    """Refuse a submitted or accepted side event; an accepted one's session is cancelled and
    its room freed."""
    with transaction.atomic():
        application = _locked(application)
        if application.state not in (SideEventState.SUBMITTED, SideEventState.ACCEPTED):
            raise SideEventDecided()
        _close(application, SideEventState.REFUSED, reason=reason.strip())
        _notify(application, "refused")
    return application


def withdraw_side_event(application: SideEventApplication) -> SideEventApplication:
    """The proposing delegation withdraws its side event, accepted or not."""
    with transaction.atomic():
        application = _locked(application)
        if application.state not in (SideEventState.SUBMITTED, SideEventState.ACCEPTED):
            raise SideEventDecided()
        _close(application, SideEventState.WITHDRAWN, reason="")
    return application


def move_side_event(
    application: SideEventApplication, *, slot: SideEventSlot, room: Room | None = None
) -> SideEventApplication:
    """Move a side event to another slot (or another room of its slot). An accepted one keeps
    its acceptance and gets a room of the new slot under the same rules; its session moves."""
    if slot.conference_id != application.conference_id:
        raise SlotNotOfConference()
    with transaction.atomic():
        application = _locked(application)
        if application.state not in (SideEventState.SUBMITTED, SideEventState.ACCEPTED):
            raise SideEventDecided()
        if application.state == SideEventState.ACCEPTED:
            locked = _slot(slot.pk)
            room = _room_for(application, locked, room)
            reschedule_session(
                application.session, starts_at=locked.starts_at, ends_at=locked.ends_at, room=room
            )
            application.room = room
        application.slot = slot
        application.save(update_fields=["slot", "room"])
        _notify(application, "moved")
    return application


def _slot(slot_id):
    slots = SideEventSlot.objects.select_related("conference")
    return (slots.select_for_update(of=("self",)) if LOCK_SLOT_ROW else slots).get(pk=slot_id)


def _room_for(application, slot, room):
    """The room the application gets in `slot`: the one asked for, checked, or the smallest
    suitable free one."""
    taken = set(
        SideEventApplication.objects.filter(slot=slot, state=SideEventState.ACCEPTED)
        .exclude(pk=application.pk)
        .values_list("room_id", flat=True)
    )
    needed = interpretation_booths_needed(application.languages)
    candidates = slot.rooms.order_by("capacity", "name")
    if room is not None:
        if room.pk in taken or not candidates.filter(pk=room.pk).exists():
            raise RoomUnsuitable()
        if room.capacity < application.expected_audience:
            raise RoomUnsuitable()
        if room.interpretation_booths < needed:
            raise TooFewBooths(room=room, needed=needed, available=room.interpretation_booths)
        return room
    for candidate in candidates:
        if (
            candidate.pk not in taken
            and candidate.capacity >= application.expected_audience
            and candidate.interpretation_booths >= needed
            and not _held_by_another_session(application, slot, candidate)
        ):
            return candidate
    raise NoRoomFree()


def _held_by_another_session(application, slot, room):
    probe = Session(
        pk=application.session_id, room=room, starts_at=slot.starts_at, ends_at=slot.ends_at
    )
    return room_clash(probe) is not None


def _close(application, state, *, reason):
    if application.session_id:
        cancel_session(application.session)
    application.state = state
    application.reason = reason
    application.room = None
    application.decided_at = timezone.now()
    application.save(update_fields=["state", "reason", "room", "decided_at"])


def _locked(application):
    # Only the application's row is locked (`of=("self",)`): its session and room may be null.
    return (
        SideEventApplication.objects.select_for_update(of=("self",))
        .select_related("conference", "delegation", "session", "slot", "room")
        .get(pk=application.pk)
    )


def _notify(application, outcome):
    slot = application.slot
    # A move back to an earlier slot and room is news again: the time of the move is in the key.
    moment = timezone.now().isoformat() if outcome == "moved" else ""
    return notify_focal_point(
        application.delegation,
        f"side_event_{outcome}",
        f"side-event:{application.pk}:{outcome}:{slot.pk}:{application.room_id or ''}:{moment}",
        application=application,
        slot_starts=slot.starts_at,
        slot_ends=slot.ends_at,
        room=application.room,
    )
