"""Notices of the programme to the people it concerns: places, the gala dinner's answers, the
signing ceremony, bilateral meetings and booths.

Each is one outbox message keyed by its business event, written in the caller's transaction and
sent after commit (`delegations.services.notifications` holds the outbox's side of it).
"""

from datetime import datetime

from django.utils import timezone, translation
from django.utils.functional import lazy
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from delegations.emails import message_language, quote_text
from delegations.models import Delegate
from delegations.services.notifications import notify_delegate, notify_focal_point
from sessions.models import BilateralState, FullPowersState


def _read_when_rendered(text):
    """`text()` worked out when the message is rendered, in the recipient's language: a
    session's title or a room's name as the reader reads it, not as the organiser typed it."""
    return lazy(text, str)()


def _room_name(room, conference):
    return room.localized_name(translation.get_language(), conference.languages)


def _location(room, conference):
    """ "Room, venue" in the active language (else the conference's): a calendar's LOCATION."""
    venue = conference.localized_venue_name(translation.get_language())
    return f"{_room_name(room, conference)}, {venue}"


def _session_title(session):
    return session.localized(translation.get_language(), session.conference.languages)[0]


def notify_place(delegate: Delegate, *, session, outcome: str, position: int | None = None):
    """A place in a session: "confirmed", "waitlisted" (with its position) or "promoted"."""
    if outcome not in ("confirmed", "waitlisted", "promoted"):
        raise ValueError(f"unknown outcome {outcome!r}")
    attachments = [] if outcome == "waitlisted" else [_session_ics(session, delegate)]
    key = f"place:{session.pk}:{delegate.pk}:{outcome}:{position or ''}"
    return notify_delegate(
        delegate,
        f"place_{outcome}",
        key,
        attachments=attachments,
        position=position,
        **_session_context(session),
    )


def notify_gala_answer(
    delegate: Delegate, *, session, attending: bool, answered_at: datetime | None = None
):
    # The time the answer was given is in the key: yes, no, then yes again is confirmed three
    # times, while the same answer announced twice sends once. Without it, one per answer.
    answer = "yes" if attending else "no"
    version = f":{answered_at.isoformat()}" if answered_at else ""
    key = f"gala:{session.pk}:{delegate.pk}:{answer}{version}"
    return notify_delegate(
        delegate, "gala_answer", key, attending=attending, **_session_context(session)
    )


def notify_full_powers(signatory):
    approved = signatory.full_powers_state == FullPowersState.APPROVED
    key = f"full-powers:{signatory.pk}:{signatory.full_powers_state}:{signatory.verified_at}"
    return notify_focal_point(
        signatory.delegation,
        "full_powers",
        key,
        delegate=signatory.delegate,
        approved=approved,
        reason=signatory.rejection_reason,
    )


def notify_signature(signatory):
    conference = signatory.delegation.conference
    return notify_focal_point(
        signatory.delegation,
        "signature_recorded",
        f"signature:{signatory.pk}",
        delegate=signatory.delegate,
        signed_at=signatory.signed_at.astimezone(conference.tzinfo),
    )


def notify_bilateral_requested(meeting):
    """To the delegation asked, which answers in the portal. The requester's own words are
    quoted as theirs (a `> ` block, shown as a quotation without links), never woven into the
    Secretariat's sentences."""
    return notify_focal_point(
        meeting.counterpart,
        "bilateral_requested",
        f"bilateral:{meeting.pk}:requested",
        other=meeting.requester,
        quoted_topics=quote_text(meeting.topics),
        **_meeting_context(meeting),
    )


def notify_bilateral_answered(meeting):
    """To the delegation that asked: accepted (a slot follows) or declined."""
    return notify_focal_point(
        meeting.requester,
        "bilateral_answered",
        f"bilateral:{meeting.pk}:{meeting.state}",
        other=meeting.counterpart,
        accepted=meeting.state == BilateralState.ACCEPTED,
        **_meeting_context(meeting),
    )


def notify_bilateral_scheduled(meeting):
    """To both sides, with the calendar entry. Each new time (a higher `.sequence`) is a new
    message, and its entry replaces the one the calendar holds."""
    return [
        notify_focal_point(
            delegation,
            "bilateral_scheduled",
            f"bilateral:{meeting.pk}:scheduled:{meeting.sequence}:{delegation.pk}",
            attachments=[_bilateral_ics(meeting, delegation)],
            other=meeting.other_side(delegation),
            rescheduled=meeting.sequence > 1,
            **_meeting_context(meeting),
        )
        for delegation in (meeting.requester, meeting.counterpart)
    ]


def notify_bilateral_cancelled(meeting):
    """To both sides; a meeting that had a time comes with the entry that removes it from the
    calendar."""
    return [
        notify_focal_point(
            delegation,
            "bilateral_cancelled",
            f"bilateral:{meeting.pk}:cancelled:{delegation.pk}",
            attachments=[_bilateral_ics(meeting, delegation, cancel=True)]
            if meeting.starts_at
            else [],
            other=meeting.other_side(delegation),
            by_us=meeting.cancelled_by_id == delegation.pk,
            by_organisers=meeting.cancelled_by_id is None,
            **_meeting_context(meeting),
        )
        for delegation in (meeting.requester, meeting.counterpart)
    ]


def notify_booth(booth, *, exhibitor, allocated):
    """To the exhibitor: a booth allocated (with its times of set-up and tear-down), or
    withdrawn. Keyed by the allocation, so a booth allocated again is announced again."""
    tz = booth.conference.tzinfo
    outcome = "allocated" if allocated else "released"
    return notify_focal_point(
        exhibitor,
        "booth",
        f"booth:{booth.pk}:{exhibitor.pk}:{booth.allocated_at.isoformat()}:{outcome}",
        allocated=allocated,
        booth=booth,
        hall=_read_when_rendered(lambda: _room_name(booth.room, booth.conference)),
        setup_from=booth.setup_from.astimezone(tz),
        teardown_by=booth.teardown_by.astimezone(tz),
    )


def _meeting_context(meeting):
    tz = meeting.conference.tzinfo
    return {
        "meeting": meeting,
        "preferred_day": meeting.preferred_day,
        "meeting_room": (
            _read_when_rendered(lambda: _room_name(meeting.room, meeting.conference))
            if meeting.room_id
            else ""
        ),
        "meeting_starts": meeting.starts_at.astimezone(tz) if meeting.starts_at else None,
        "meeting_ends": meeting.ends_at.astimezone(tz) if meeting.ends_at else None,
    }


def _bilateral_ics(meeting, delegation, *, cancel=False):
    conference = meeting.conference
    tz = conference.tzinfo
    with translation.override(message_language(delegation.language)):
        summary = _("Bilateral meeting with %(other)s") % {
            "other": meeting.other_side(delegation).display_name
        }
    calendar = Calendar()
    calendar.add("prodid", "-//Conference logistics//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if cancel else "PUBLISH")
    event = Event()
    event.add("uid", f"bilateral-{meeting.pk}@{conference.slug}")
    event.add("sequence", meeting.sequence)
    event.add("summary", summary)
    event.add("dtstart", meeting.starts_at.astimezone(tz))
    event.add("dtend", meeting.ends_at.astimezone(tz))
    event.add("dtstamp", timezone.now())
    event.add("status", "CANCELLED" if cancel else "CONFIRMED")
    if meeting.room_id:
        with translation.override(message_language(delegation.language)):
            event.add("location", _location(meeting.room, conference))
    calendar.add_component(event)
    return {
        "filename": f"bilateral-{meeting.pk}.ics",
        "mimetype": "text/calendar",
        "content": calendar.to_ical().decode(),
    }


def _session_context(session):
    tz = session.conference.tzinfo
    return {
        "session_title": _read_when_rendered(lambda: _session_title(session)),
        "session_starts": session.starts_at.astimezone(tz),
        "session_ends": session.ends_at.astimezone(tz),
        "session_room": (
            _read_when_rendered(lambda: _room_name(session.room, session.conference))
            if session.room_id
            else ""
        ),
    }


def _session_ics(session, delegate):
    with translation.override(message_language(delegate.delegation.language)):
        return _session_calendar(session)


def _session_calendar(session):
    calendar = Calendar()
    calendar.add("prodid", "-//Conference logistics//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", f"session-{session.pk}@{session.conference.slug}")
    event.add("summary", _session_title(session))
    event.add("dtstart", session.starts_at.astimezone(session.conference.tzinfo))
    event.add("dtend", session.ends_at.astimezone(session.conference.tzinfo))
    event.add("dtstamp", timezone.now())
    if session.room_id:
        event.add("location", _location(session.room, session.conference))
    calendar.add_component(event)
    return {
        "filename": f"{session.slug}.ics",
        "mimetype": "text/calendar",
        "content": calendar.to_ical().decode(),
    }
