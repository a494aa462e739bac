"""One delegate's own agenda as iCalendar: the sessions they attend, from live rows."""

from django.utils import timezone

from sessions.feeds import render
from sessions.feeds.snapshot import session_entry
from sessions.selectors import sessions_attended_by


def personal_calendar(delegate) -> bytes:
    conference = delegate.delegation.conference
    entries = [
        session_entry(s, conference) | {"sequence": 0} for s in sessions_attended_by(delegate)
    ]
    return render.ical_calendar(
        conference,
        entries,
        language=delegate.delegation.language,
        stamp=timezone.now(),
        name=f"{conference.name}: {delegate.full_name}",
    )
