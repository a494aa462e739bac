"""The general debate's speakers' list as the chair prints it."""

from django.utils import formats, translation
from django.utils.translation import gettext as _

from conference.listing import listing_pdf
from conference.local_time import long_date, short_date_time


def speakers_list_pdf(conference, *, sittings, rows) -> bytes:
    """`rows` as the API's running order lists them (order, delegation, speaker, function,
    level, minutes, expected_at: opening statements and rights of reply without an order);
    `sittings` are the general debate's published sessions in time order. Times
    print in the conference's timezone, wherever the server is."""
    tzinfo = conference.tzinfo
    lines = [_("General debate: list of speakers")]
    lines += [_sitting(sitting, conference) for sitting in sittings] or [
        _("No sitting of the general debate is published yet.")
    ]
    return listing_pdf(
        title=conference.localized_name(translation.get_language()),
        lines=lines,
        header=[
            _("No."),
            _("Delegation"),
            _("Speaker"),
            _("Level of representation"),
            _("Minutes"),
            _("Expected at"),
        ],
        rows=[
            [
                str(row["order"] or ""),
                row["delegation"],
                [row["speaker"], row["function"]],
                row["level"],
                str(row["minutes"]),
                _when(row["expected_at"], tzinfo),
            ]
            for row in rows
        ],
        widths=[0.05, 0.2, 0.33, 0.2, 0.08, 0.14],
        conference=conference,
        empty=_("Nobody is inscribed to speak yet."),
    )


def _sitting(session, conference):
    tzinfo = conference.tzinfo
    starts, ends = session.starts_at.astimezone(tzinfo), session.ends_at.astimezone(tzinfo)
    day = long_date(starts)
    hours = "\N{EN DASH}".join(formats.time_format(moment, "H:i") for moment in (starts, ends))
    language, fallback = translation.get_language(), conference.languages
    title = session.localized(language, fallback)[0]
    # The commas and colon are the language's (full-width in Chinese), not English ones.
    if session.room_id:
        return _("%(day)s, %(hours)s, %(room)s: %(title)s") % {
            "day": day,
            "hours": hours,
            "room": session.room.localized_name(language, fallback),
            "title": title,
        }
    return _("%(day)s, %(hours)s: %(title)s") % {"day": day, "hours": hours, "title": title}


def _when(moment, tzinfo):
    if moment is None:
        return _("after the last sitting")
    return short_date_time(moment.astimezone(tzinfo))
