"""One delegate's own agenda as iCalendar: the sessions they attend and, for a head of
delegation, the bilateral meetings scheduled for their delegation; from live rows.

A subscribed calendar keeps one entry per UID and takes a change only when SEQUENCE rises, so a
session carries the UID and SEQUENCE of the public feed's latest release (one more when the live
session has moved or been cancelled since), and a bilateral meeting its own UID and SEQUENCE, the
same as the .ics sent with its confirmation; a cancelled session or meeting stays, marked
CANCELLED, so the calendar drops it. DTSTAMP is the time of the latest change the agenda shows,
so the same agenda renders to the same bytes and a conditional request can be answered 304.
"""

from datetime import datetime, time

from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext as _

from delegations.emails import message_language
from delegations.enums import DelegateRole
from sessions.feeds import render
from sessions.feeds.snapshot import sequenced, session_entry
from sessions.models import BilateralMeeting, BilateralState
from sessions.selectors import latest_release, sessions_attended_by


def personal_calendar(delegate) -> bytes:
    return personal_agenda(delegate)[0]


def personal_agenda(delegate):
    """(the agenda as iCalendar bytes, the time of its latest change)."""
    delegation = delegate.delegation
    conference = delegation.conference
    release = latest_release(conference.slug, with_content=True)
    released = {entry["id"]: entry for entry in (release.sessions if release else [])}
    sessions = list(sessions_attended_by(delegate))
    entries = [sequenced(session_entry(s, conference), released.get(s.pk)) for s in sessions]
    meetings = _bilaterals(delegate) if delegate.role == DelegateRole.HEAD else []
    changes = [s.updated_at for s in sessions] + [m["changed_at"] for m in meetings]
    if release is not None:
        changes.append(release.published_at)
    # With nothing in it yet, a fixed stamp: the agenda's bytes stay the same between polls.
    stamp = max(changes, default=datetime.combine(conference.start_date, time(), conference.tzinfo))
    body = render.ical_calendar(
        conference,
        entries,
        language=delegation.language,
        stamp=stamp,
        name=f"{conference.name}: {delegate.full_name}",
        meetings=meetings,
    )
    return body, stamp


def _bilaterals(delegate):
    """The same uid as the .ics sent with the confirmation, so calendars keep one entry."""
    delegation = delegate.delegation
    conference = delegation.conference
    meetings = BilateralMeeting.objects.filter(
        Q(requester=delegation) | Q(counterpart=delegation),
        Q(state=BilateralState.SCHEDULED)
        | Q(state=BilateralState.CANCELLED, starts_at__isnull=False),
        conference=conference,
    ).select_related("requester", "counterpart", "room")
    with translation.override(message_language(delegation.language)):
        return [
            {
                "uid": f"bilateral-{meeting.pk}@{conference.slug}",
                "summary": _("Bilateral meeting with %(other)s")
                % {"other": meeting.other_side(delegation).display_name},
                "starts": meeting.starts_at,
                "ends": meeting.ends_at,
                "location": ", ".join(
                    part
                    for part in (meeting.room.name if meeting.room else "", conference.venue.name)
                    if part
                ),
                "sequence": meeting.sequence,
                "status": (
                    "CANCELLED" if meeting.state == BilateralState.CANCELLED else "CONFIRMED"
                ),
                "changed_at": max(
                    moment
                    for moment in (meeting.requested_at, meeting.answered_at, meeting.cancelled_at)
                    if moment is not None
                ),
            }
            for meeting in meetings
        ]
