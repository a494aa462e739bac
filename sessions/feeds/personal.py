"""One delegate's own agenda: the sessions they attend (places, chairs and speakers, the banquet
they accepted) and their own appointments: for a head of delegation the bilateral meetings of the
delegation; for whoever holds them, the place at the signing table and the statement in the
general debate. As iCalendar, and as a list for the portal; from live rows.

A subscribed calendar keeps one entry per UID and takes a change only when SEQUENCE rises, so a
session carries the UID and SEQUENCE of the public feed's latest release (one more when the live
session has moved or been cancelled since), and a bilateral meeting its own UID and SEQUENCE, the
same as the .ics sent with its confirmation; a cancelled session or meeting stays, marked
CANCELLED, so the calendar drops it. DTSTAMP is the time of the latest change the agenda knows
of, so the same agenda renders to the same bytes and a conditional request can be answered 304.
"""

from datetime import datetime, time, timedelta

from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext as _

from delegations.emails import message_language
from delegations.enums import DelegateRole
from sessions.enums import SessionKind, SessionState
from sessions.feeds import render
from sessions.feeds.snapshot import sequenced, session_entry
from sessions.models import BilateralMeeting, BilateralState, Session, Signatory
from sessions.selectors import (
    expected_times,
    latest_release,
    sessions_attended_by,
    speaking_minutes,
)


def personal_calendar(delegate) -> bytes:
    return agenda_calendar(delegate)[0]


def agenda_calendar(delegate) -> tuple[bytes, datetime | None]:
    """(the agenda as iCalendar bytes, the time of its latest change, or None when one of its
    appointments cannot tell when it last changed: the signing order and the speakers' list
    move without a time of their own, so only the body's ETag can answer a poll then)."""
    delegation = delegate.delegation
    conference = delegation.conference
    release = latest_release(conference.slug, with_content=True)
    released = {entry["id"]: entry for entry in (release.sessions if release else [])}
    sessions = list(sessions_attended_by(delegate))
    entries = [sequenced(session_entry(s, conference), released.get(s.pk)) for s in sessions]
    with translation.override(message_language(delegation.language)):
        appointments = personal_appointments(delegate)
    known = [s.updated_at for s in sessions] + [
        a["changed_at"] for a in appointments if a["changed_at"] is not None
    ]
    if release is not None:
        known.append(release.published_at)
    # With nothing in it yet, a fixed stamp: the agenda's bytes stay the same between polls.
    stamp = max(known, default=datetime.combine(conference.start_date, time(), conference.tzinfo))
    body = render.ical_calendar(
        conference,
        entries,
        language=delegation.language,
        stamp=stamp,
        name=f"{conference.localized_name(delegation.language)}: {delegate.full_name}",
        meetings=appointments,
    )
    every_change_known = all(a["changed_at"] is not None for a in appointments)
    return body, stamp if every_change_known else None


def personal_agenda(delegate) -> list[dict]:
    """Every slot the delegate holds, in time order, each with summary, starts, ends and
    location, in the active language: the sessions and the appointments of the calendar,
    without what was cancelled."""
    language = translation.get_language()
    fallback = delegate.delegation.conference.languages
    items = [
        {
            "summary": session.localized(language, fallback)[0],
            "starts": session.starts_at,
            "ends": session.ends_at,
            "location": session.room.localized_name(language, fallback) if session.room else "",
        }
        for session in sessions_attended_by(delegate)
        if session.state == SessionState.PUBLISHED
    ]
    appointments = [a for a in personal_appointments(delegate) if a["status"] != "CANCELLED"]
    return sorted(items + appointments, key=lambda item: item["starts"])


def personal_appointments(delegate) -> list[dict]:
    """The delegate's own slots besides sessions, in the active language."""
    appointments = _signing(delegate) + _statement(delegate)
    if delegate.role == DelegateRole.HEAD:
        appointments += _bilaterals(delegate)
    return appointments


def _signing(delegate):
    """The place at the signing table, at the ceremony's time."""
    conference = delegate.delegation.conference
    signatory = Signatory.objects.filter(
        conference=conference, delegate=delegate, slot__isnull=False
    ).first()
    ceremony = (
        Session.objects.filter(
            conference=conference,
            kind=SessionKind.SIGNING_CEREMONY,
            state=SessionState.PUBLISHED,
        )
        .select_related("room")
        .order_by("starts_at")
        .first()
    )
    if signatory is None or ceremony is None:
        return []
    return [
        _appointment(
            f"signing-{signatory.pk}@{conference.slug}",
            _("Signing of the Convention: place %(slot)s in the signing order")
            % {"slot": signatory.slot},
            ceremony.starts_at,
            ceremony.ends_at,
            _location(ceremony.room, conference),
        )
    ]


def _statement(delegate):
    """The statement in the general debate, by the speaker the delegation named, at the expected
    time of the speakers' list."""
    delegation = delegate.delegation
    conference = delegation.conference
    for place, (entry, expected) in enumerate(expected_times(conference), start=1):
        if entry.delegation_id != delegation.pk:
            continue
        speaks = entry.speaker_id == delegate.pk or (
            entry.speaker_id is None and delegate.role == DelegateRole.HEAD
        )
        if not speaks or expected is None:
            return []
        debate = (
            Session.objects.filter(
                conference=conference,
                kind=SessionKind.GENERAL_DEBATE,
                state=SessionState.PUBLISHED,
                starts_at__lte=expected,
                ends_at__gt=expected,
            )
            .select_related("room")
            .first()
        )
        return [
            _appointment(
                f"statement-{entry.pk}@{conference.slug}",
                _("Statement in the general debate: place %(place)s on the list")
                % {"place": place},
                expected,
                expected + timedelta(minutes=speaking_minutes(conference, delegation)),
                _location(debate.room if debate else None, conference),
            )
        ]
    return []


def _bilaterals(delegate):
    """The same uid as the .ics sent with the confirmation, so calendars keep one entry; a
    meeting cancelled after it had a time stays, marked CANCELLED, so calendars drop it."""
    delegation = delegate.delegation
    conference = delegation.conference
    meetings = BilateralMeeting.objects.filter(
        Q(requester=delegation) | Q(counterpart=delegation),
        Q(state=BilateralState.SCHEDULED)
        | Q(state=BilateralState.CANCELLED, starts_at__isnull=False),
        conference=conference,
    ).select_related("requester", "counterpart", "room")
    return [
        _appointment(
            f"bilateral-{meeting.pk}@{conference.slug}",
            _("Bilateral meeting with %(other)s")
            % {"other": meeting.other_side(delegation).display_name},
            meeting.starts_at,
            meeting.ends_at,
            _location(meeting.room, conference),
            sequence=meeting.sequence,
            cancelled=meeting.state == BilateralState.CANCELLED,
            changed_at=max(
                moment
                for moment in (
                    meeting.requested_at,
                    meeting.answered_at,
                    meeting.scheduled_at,
                    meeting.cancelled_at,
                )
                if moment is not None
            ),
        )
        for meeting in meetings
    ]


def _appointment(uid, summary, starts, ends, location, *, sequence=0, cancelled=False, **known):
    return {
        "uid": uid,
        "summary": summary,
        "starts": starts,
        "ends": ends,
        "location": location,
        "sequence": sequence,
        "status": "CANCELLED" if cancelled else "CONFIRMED",
        "changed_at": known.get("changed_at"),
    }


def _location(room, conference):
    """The room in the active language (else the conference's), then the venue."""
    language = translation.get_language()
    name = room.localized_name(language, conference.languages) if room else ""
    return ", ".join(part for part in (name, conference.localized_venue_name(language)) if part)
