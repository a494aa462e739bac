"""The day's arrivals (or departures) sheet for the airport desk and the liaison officers."""

from django.utils import formats, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from conference.listing import listing_pdf
from conference.local_time import long_date, time_label
from conference.text import joined
from delegations.services.arrivals import ARRIVAL


def movements_sheet_pdf(conference, day, movements, *, direction=ARRIVAL) -> bytes:
    """One row per delegation's party on one flight, in time order; times in the conference's
    timezone, wherever the server is."""
    tzinfo = conference.tzinfo
    when = long_date(day)
    if direction == ARRIVAL:
        heading = _("Arrivals on %(day)s") % {"day": when}
        empty = _("No arrival is expected on this day.")
    else:
        heading = _("Departures on %(day)s") % {"day": when}
        empty = _("No departure is expected on this day.")
    rows = []
    for movement in movements:
        protocol = movement.protocol
        officer = movement.officer
        rows.append(
            [
                formats.time_format(movement.at.astimezone(tzinfo), "H:i"),
                [movement.flight or "-", movement.airport],
                [movement.delegation.display_name, _persons(len(movement.people))],
                [person.full_name for person in movement.people],
                [
                    str(protocol.greeting.label),
                    _("VIP lounge") if protocol.vip_lounge else "",
                    str(protocol.transport.label),
                ],
                joined(movement.hotels) or "-",
                [officer.name, officer.phone] if officer else "-",
            ]
        )
    return listing_pdf(
        title=conference.localized_name(translation.get_language()),
        lines=[heading, _("Times in %(time_label)s") % {"time_label": time_label(conference)}],
        header=[
            _("Time"),
            _("Flight"),
            _("Delegation"),
            _("Party, by precedence"),
            _("Greeting, lounge, transport"),
            _("Hotel"),
            _("Liaison officer"),
        ],
        rows=rows,
        widths=[0.06, 0.09, 0.15, 0.22, 0.2, 0.14, 0.14],
        conference=conference,
        empty=empty,
    )


def _persons(count):
    return ngettext("%(count)d person", "%(count)d persons", count) % {"count": count}
