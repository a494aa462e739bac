"""The sessions' VEVENTs written as iCalendar text directly, byte for byte what the `icalendar`
package writes for the same events.

Why: a cold render of the 5,000-session iCalendar feed took 1,116 ms in process (median of 5
languages, 2026-12-04), 70 % of it in `icalendar`'s per-property objects and its
character-by-character line folding; written here it takes 66 ms. The calendar's head,
its VTIMEZONE, the constant DTSTAMP line and the shape of a local time's line still come from
`icalendar` (once per calendar), and `tests/sessions/test_ical_text.py` compares whole feeds
with `icalendar`'s own output.
"""

from datetime import datetime

from icalendar import Event

from conference.text import single_line, strip_control_characters

FOLD_OCTETS = 74  # RFC 5545: lines of at most 75 octets, the fold's leading space included
_BACKSLASH, _CARET = 0x5C, 0x5E


def escape_text(value):
    """A TEXT value escaped as `icalendar` escapes it (the order of the replacements matters)."""
    return (
        value.replace(r"\N", "\n")
        .replace("\\", "\\\\")
        .replace(";", r"\;")
        .replace(",", r"\,")
        .replace("\r\n", r"\n")
        .replace("\n", r"\n")
        .replace("\r", r"\n")
    )


def fold(line):
    """The content line as UTF-8, folded where `icalendar` folds it: at most 74 octets a line,
    never inside a character, and an escaping backslash or caret carried to the next line.
    Works on the bytes, not character by character (the cost of the library's folding)."""
    data = line.encode()
    if len(data) <= FOLD_OCTETS:
        return data
    parts, start, size = [], 0, len(data)
    while size - start > FOLD_OCTETS:
        end = start + FOLD_OCTETS
        while data[end] & 0xC0 == 0x80:  # a UTF-8 continuation byte: back to the character
            end -= 1
        if end - 1 > start and data[end - 1] in (_BACKSLASH, _CARET):
            end -= 1
        parts.append(data[start:end])
        start = end
    parts.append(data[start:])
    return b"\r\n ".join(parts)


def _library_lines(name, value):
    """The content lines `icalendar` writes for one property, without the VEVENT around them."""
    event = Event()
    event.add(name, value)
    return event.to_ical().split(b"\r\n")[1:-2]


class LocalTimeLine:
    """DTSTART and DTEND as `icalendar` writes a time in the conference's zone ("DTSTART;TZID=
    Asia/Ho_Chi_Minh:20251025T080000", or "...Z" in UTC), learnt once from the library."""

    def __init__(self, tz):
        sample = _library_lines("dtstart", datetime(2000, 1, 1, tzinfo=tz))[0].decode()
        self.params = sample[len("DTSTART") : sample.rindex(":") + 1]
        self.suffix = "Z" if sample.endswith("Z") else ""

    def __call__(self, name, moment):
        return f"{name}{self.params}{moment.strftime('%Y%m%dT%H%M%S')}{self.suffix}"


def session_events(
    conference, sessions, *, language, stamp, local_times, localised, room_name, url
):
    """The VEVENTs of `sessions` as one bytes block; the properties in the order `icalendar`
    sorts them (SUMMARY, DTSTART, DTEND, DTSTAMP, UID, SEQUENCE, then by name)."""
    tz = conference.tzinfo
    local_line = LocalTimeLine(tz)
    stamp_line = b"\r\n".join(_library_lines("dtstamp", stamp))
    venue = conference.localized_venue_name(language)  # once: the same for every session
    chunks = []
    for entry in sessions:
        starts, ends = local_times(entry, tz)
        title, description = localised(entry, language, conference.languages)
        room = room_name(entry, language, conference.languages)
        location = ", ".join(part for part in (room, venue) if part)
        status = "CANCELLED" if entry["state"] == "cancelled" else "CONFIRMED"
        chunks += (
            b"BEGIN:VEVENT",
            fold("SUMMARY:" + escape_text(single_line(title))),
            fold(local_line("DTSTART", starts)),
            fold(local_line("DTEND", ends)),
            stamp_line,
            fold(f"UID:{escape_text(entry['guid'])}@{escape_text(conference.slug)}"),
            f"SEQUENCE:{int(entry['sequence'])}".encode(),
            fold("DESCRIPTION:" + escape_text(strip_control_characters(description))),
            fold("LOCATION:" + escape_text(single_line(location))),
            f"STATUS:{status}".encode(),
            fold("URL:" + url(conference.slug, f"schedule/sessions/{entry['id']}/")),
            b"END:VEVENT",
        )
    return b"\r\n".join(chunks) + b"\r\n" if chunks else b""
