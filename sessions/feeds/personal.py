"""One delegate's own agenda as iCalendar: the sessions they attend and, for a head of
delegation, the bilateral meetings scheduled for their delegation; from live rows."""

from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from delegations.emails import message_language
from delegations.enums import DelegateRole
from sessions.feeds import render
from sessions.feeds.snapshot import session_entry
from sessions.models import BilateralMeeting, BilateralState
from sessions.selectors import sessions_attended_by


def personal_calendar(delegate) -> bytes:
    delegation = delegate.delegation
    conference = delegation.conference
    entries = [
        session_entry(s, conference) | {"sequence": 0} for s in sessions_attended_by(delegate)
    ]
    return render.ical_calendar(
        conference,
        entries,
        language=delegation.language,
        stamp=timezone.now(),
        name=f"{conference.name}: {delegate.full_name}",
        meetings=_bilaterals(delegate) if delegate.role == DelegateRole.HEAD else (),
    )


def _bilaterals(delegate):
    """The same uid as the .ics sent with the confirmation, so calendars keep one entry."""
    delegation = delegate.delegation
    conference = delegation.conference
    meetings = BilateralMeeting.objects.filter(
        Q(requester=delegation) | Q(counterpart=delegation),
        conference=conference,
        state=BilateralState.SCHEDULED,
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
            }
            for meeting in meetings
        ]
