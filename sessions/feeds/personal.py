"""One delegate's own agenda: the sessions they attend (places, chairs and speakers, the
banquet they accepted) and their own appointments: for a head of delegation the bilateral
meetings scheduled for the delegation; for whoever holds them, the place at the signing table
and the statement in the general debate. As iCalendar, and as a list for the portal; from live
rows."""

from datetime import timedelta

from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from delegations.emails import message_language
from delegations.enums import DelegateRole
from sessions.enums import SessionKind, SessionState
from sessions.feeds import render
from sessions.feeds.snapshot import session_entry
from sessions.models import BilateralMeeting, BilateralState, Session, Signatory
from sessions.selectors import expected_times, sessions_attended_by, speaking_minutes


def personal_calendar(delegate) -> bytes:
    delegation = delegate.delegation
    conference = delegation.conference
    entries = [
        session_entry(s, conference) | {"sequence": 0} for s in sessions_attended_by(delegate)
    ]
    with translation.override(message_language(delegation.language)):
        appointments = personal_appointments(delegate)
    return render.ical_calendar(
        conference,
        entries,
        language=delegation.language,
        stamp=timezone.now(),
        name=f"{conference.name}: {delegate.full_name}",
        meetings=appointments,
    )


def personal_agenda(delegate) -> list[dict]:
    """Every slot the delegate holds, in time order, each with summary, starts, ends and
    location, in the active language: the sessions and the appointments of the calendar."""
    items = [
        {
            "summary": session.localized(translation.get_language())[0],
            "starts": session.starts_at,
            "ends": session.ends_at,
            "location": session.room.name if session.room else "",
        }
        for session in sessions_attended_by(delegate)
        if session.state == SessionState.PUBLISHED
    ]
    return sorted(items + personal_appointments(delegate), key=lambda item: item["starts"])


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
        {
            "uid": f"signing-{signatory.pk}@{conference.slug}",
            "summary": _("Signing of the Convention: place %(slot)s in the signing order")
            % {"slot": signatory.slot},
            "starts": ceremony.starts_at,
            "ends": ceremony.ends_at,
            "location": _location(ceremony.room, conference),
            "sequence": 0,
        }
    ]


def _statement(delegate):
    """The statement in the general debate: by the speaker the delegation named, else by its
    head of delegation; at the expected time of the speakers' list."""
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
            {
                "uid": f"statement-{entry.pk}@{conference.slug}",
                "summary": _("Statement in the general debate: place %(place)s on the list")
                % {"place": place},
                "starts": expected,
                "ends": expected + timedelta(minutes=speaking_minutes(conference, delegation)),
                "location": _location(debate.room if debate else None, conference),
                "sequence": 0,
            }
        ]
    return []


def _bilaterals(delegate):
    """The same uid as the .ics sent with the confirmation, so calendars keep one entry."""
    delegation = delegate.delegation
    conference = delegation.conference
    meetings = BilateralMeeting.objects.filter(
        Q(requester=delegation) | Q(counterpart=delegation),
        conference=conference,
        state=BilateralState.SCHEDULED,
    ).select_related("requester", "counterpart", "room")
    return [
        {
            "uid": f"bilateral-{meeting.pk}@{conference.slug}",
            "summary": _("Bilateral meeting with %(other)s")
            % {"other": meeting.other_side(delegation).display_name},
            "starts": meeting.starts_at,
            "ends": meeting.ends_at,
            "location": _location(meeting.room, conference),
            "sequence": meeting.sequence,
        }
        for meeting in meetings
    ]


def _location(room, conference):
    return ", ".join(part for part in (room.name if room else "", conference.venue.name) if part)
