"""The iCalendar feed's events, written directly for speed (a cold render of 5,000 sessions
took 1.1 s through `icalendar`), are the very bytes `icalendar` writes for the same events:
escaping, folding inside multi-byte characters and escapes, times in the conference's zone."""

import datetime as dt
import random
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar, Event

from conference.text import single_line, strip_control_characters
from sessions.feeds import ical_text, render

# Characters that escape, fold or are dropped: separators, breaks, backslashes and carets (an
# escape is never split by a fold), 2-, 3- and 4-byte UTF-8, a bidi override, a control.
ALPHABET = [*"ab ,;:\\^\n\r\t\"'xyz0", "é", "ş", "中", "ع", "😀", "\\N", "\u202e", "\x01"]


def library_calendar(conference, sessions, *, language, stamp):
    """The same calendar built event by event through `icalendar`, as the feed did before."""
    tz = conference.tzinfo
    calendar = Calendar()
    calendar.add("prodid", "-//Conference logistics//Schedule//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", single_line(conference.localized_name(language)))
    calendar.add("x-wr-timezone", conference.timezone)
    calendar.add_component(render._vtimezone(conference))
    for entry in sessions:
        starts, ends = render.local_times(entry, tz)
        title, description = render.localised(entry, language, conference.languages)
        event = Event()
        event.add("uid", f"{entry['guid']}@{conference.slug}")
        event.add("summary", single_line(title))
        event.add("description", strip_control_characters(description))
        event.add("dtstart", starts)
        event.add("dtend", ends)
        event.add("dtstamp", stamp)
        event.add("sequence", entry["sequence"])
        event.add("status", "CANCELLED" if entry["state"] == "cancelled" else "CONFIRMED")
        room = render.room_name(entry, language, conference.languages)
        venue = conference.localized_venue_name(language)
        location = ", ".join(part for part in (room, venue) if part)
        event.add("location", single_line(location))
        event.add("url", render.feed_url(conference.slug, f"schedule/sessions/{entry['id']}/"))
        calendar.add_component(event)
    return calendar.to_ical()


def invented(zone, count, seed):
    chance = random.Random(seed)

    def text(longest):
        return "".join(chance.choice(ALPHABET) for _ in range(chance.randint(0, longest)))

    names = {"en": text(90) or "COP", "fr": text(90) or "CdP"}
    venues = {"en": text(20), "fr": text(20)}
    conference = SimpleNamespace(
        tzinfo=ZoneInfo(zone),
        timezone=zone,
        languages=["en", "fr"],
        localized_name=lambda language: names.get(language, names["en"]),
        slug="cop-30",
        localized_venue_name=lambda language: venues.get(language, venues["en"]),
        start_date=dt.date(2025, 10, 25),
        end_date=dt.date(2025, 10, 30),
    )
    sessions = [
        {
            "id": n,
            "guid": f"guid-{n}",
            "title": text(120),
            "description": text(400),
            "translations": {"fr": {"title": text(80)}} if n % 3 else {},
            "starts_at": dt.datetime(2025, 10, 25, n % 24, 15, tzinfo=dt.UTC).isoformat(),
            "ends_at": dt.datetime(2025, 10, 26, 1, 0, tzinfo=dt.UTC).isoformat(),
            "sequence": n % 4,
            "state": chance.choice(["published", "cancelled"]),
            "room": {"id": 1, "name": text(30)} if n % 2 else None,
            "room_translations": {"fr": {"name": text(30)}} if n % 4 == 1 else {},
        }
        for n in range(count)
    ]
    return conference, sessions


@pytest.mark.parametrize("zone", ["Asia/Ho_Chi_Minh", "UTC", "America/Argentina/Buenos_Aires"])
@pytest.mark.parametrize("language", ["fr", "ar"])
def test_the_written_feed_is_the_bytes_icalendar_writes(zone, language):
    conference, sessions = invented(zone, 300, seed=zone)
    stamp = dt.datetime(2026, 12, 4, 19, 52, 11, 123456, tzinfo=dt.UTC)

    written = render.ical_calendar(conference, sessions, language=language, stamp=stamp)

    assert written == library_calendar(conference, sessions, language=language, stamp=stamp)
    assert len(Calendar.from_ical(written).walk("VEVENT")) == 300


def test_a_fold_never_splits_a_character_or_an_escape():
    # 73 ASCII octets, then a 3-byte character that would straddle the 75-octet limit
    assert ical_text.fold("S" * 73 + "中z") == ("S" * 73).encode() + "\r\n 中z".encode()
    # an escaping backslash at the limit goes to the next line with the character it escapes
    assert ical_text.fold("S" * 73 + "\\,") == ("S" * 73).encode() + b"\r\n \\,"
    assert ical_text.fold("S" * 74) == ("S" * 74).encode()  # 74 octets: no fold
