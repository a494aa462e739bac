"""Confirmations of every later step, each one outbox message keyed by its business event.

Other apps call these inside their own transactions: the message is written with the change it
confirms and sent after commit; calling twice for the same event sends once.
"""

import hashlib
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from icalendar import Calendar, Event

from delegations.emails import render_message
from delegations.models import Delegate, Delegation, ProgrammeChangeNotice
from delegations.services.outbox import build_message, queue_message

# Changes of programme for one person within this window go out as one message.
CHANGE_GATHERING_WINDOW = timedelta(minutes=10)


def notify_registration_submitted(delegation: Delegation):
    count = delegation.delegates.count()
    # The submission's time is in the key: a registration reopened and submitted again is
    # confirmed again, while announcing one submission twice sends once.
    key = f"delegation:{delegation.pk}:submitted:{delegation.updated_at.isoformat()}"
    return _to_focal_point(delegation, "registration_submitted", key, delegate_count=count)


def notify_delegate_accredited(delegate: Delegate):
    return _to_focal_point(
        delegate.delegation,
        "delegate_accredited",
        f"delegate:{delegate.pk}:accredited",
        delegate=delegate,
    )


def notify_delegate_rejected(delegate: Delegate, *, reason: str):
    digest = hashlib.sha256(reason.encode()).hexdigest()[:16]
    key = f"delegate:{delegate.pk}:rejected:{digest}"
    return _to_focal_point(
        delegate.delegation, "delegate_rejected", key, delegate=delegate, reason=reason
    )


def notify_place(delegate: Delegate, *, session, outcome: str, position: int | None = None):
    """A place in a session: "confirmed", "waitlisted" (with its position) or "promoted"."""
    if outcome not in ("confirmed", "waitlisted", "promoted"):
        raise ValueError(f"unknown outcome {outcome!r}")
    attachments = [] if outcome == "waitlisted" else [_session_ics(session, delegate)]
    key = f"place:{session.pk}:{delegate.pk}:{outcome}:{position or ''}"
    return _to_delegate(
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
    return _to_delegate(
        delegate, "gala_answer", key, attending=attending, **_session_context(session)
    )


def notify_programme_changes(conference, *, changes_by_delegate: dict[int, list[dict]]) -> int:
    """Record the changes each delegate must hear of; the beat job `send_programme_digests`
    gathers them into one message per person. Returns the number of delegates concerned."""
    due_at = timezone.now() + CHANGE_GATHERING_WINDOW
    notices = [
        ProgrammeChangeNotice(delegate_id=delegate_id, change=_jsonable(change), due_at=due_at)
        for delegate_id, changes in changes_by_delegate.items()
        for change in changes
    ]
    ProgrammeChangeNotice.objects.bulk_create(notices)
    return len(changes_by_delegate)


def send_programme_digests(*, now=None) -> int:
    """Send one message per delegate whose oldest waiting change is due, with every change
    waiting for that delegate. Returns the number of messages queued."""
    now = now or timezone.now()
    due_delegates = (
        ProgrammeChangeNotice.objects.filter(message__isnull=True, due_at__lte=now)
        .values_list("delegate_id", flat=True)
        .distinct()
    )
    sent = 0
    for delegate_id in list(due_delegates):
        with transaction.atomic():
            notices = list(
                ProgrammeChangeNotice.objects.select_for_update()
                .filter(delegate_id=delegate_id, message__isnull=True)
                .order_by("pk")
            )
            if not notices:
                continue
            delegate = Delegate.objects.select_related("delegation__conference").get(pk=delegate_id)
            tz = delegate.delegation.conference.tzinfo
            changes = [_localised(notice.change, tz) for notice in notices]
            key = f"programme-changes:{delegate_id}:{notices[0].pk}-{notices[-1].pk}"
            message = _to_delegate(delegate, "programme_changes", key, changes=changes)
            ProgrammeChangeNotice.objects.filter(pk__in=[n.pk for n in notices]).update(
                message=message
            )
            sent += 1
    return sent


def _to_focal_point(delegation, name, key, **context):
    return _queue(
        delegation, delegation.focal_point_email, delegation.language, name, key, **context
    )


def _to_delegate(delegate, name, key, *, attachments=(), **context):
    delegation = delegate.delegation
    return _queue(
        delegation,
        delegate.email or delegation.focal_point_email,
        delegation.language,
        name,
        key,
        attachments=attachments,
        delegate=delegate,
        **context,
    )


def _queue(delegation, to, language, name, key, *, attachments=(), **context):
    conference = delegation.conference
    rendered = render_message(
        name,
        language=language,
        context={
            "conference": conference,
            "delegation": delegation,
            "portal_url": f"{settings.SITE_URL}/portal/",
            **context,
        },
    )
    return queue_message(
        build_message(
            key=key,
            to=to,
            subject=rendered.subject,
            text=rendered.text,
            html=rendered.html,
            language=rendered.language,
            conference=conference,
            delegation=delegation,
            attachments=attachments,
        )
    )


def _session_context(session):
    tz = session.conference.tzinfo
    return {
        "session_title": session.title,
        "session_starts": session.starts_at.astimezone(tz),
        "session_ends": session.ends_at.astimezone(tz),
        "session_room": session.room.name if session.room_id else "",
    }


def _session_ics(session, delegate):
    calendar = Calendar()
    calendar.add("prodid", "-//Conference logistics//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", f"session-{session.pk}@{session.conference.slug}")
    event.add("summary", session.title)
    event.add("dtstart", session.starts_at.astimezone(session.conference.tzinfo))
    event.add("dtend", session.ends_at.astimezone(session.conference.tzinfo))
    event.add("dtstamp", timezone.now())
    if session.room_id:
        event.add("location", f"{session.room.name}, {session.conference.venue.name}")
    calendar.add_component(event)
    return {
        "filename": f"{session.slug}.ics",
        "mimetype": "text/calendar",
        "content": calendar.to_ical().decode(),
    }


def _jsonable(change):
    return {k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in change.items()}


def _localised(change, tz):
    localised = dict(change)
    for field in ("old_starts_at", "old_ends_at", "new_starts_at", "new_ends_at"):
        if change.get(field):
            localised[field] = datetime.fromisoformat(change[field]).astimezone(tz)
    return localised
