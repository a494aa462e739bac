"""Rendering a release in each public format. Pure functions of the frozen programme: they read
no database, so a feed costs the same queries whatever the number of sessions."""

import gc
import json
from collections import defaultdict
from contextlib import contextmanager
from datetime import datetime

from django.conf import settings
from icalendar import Calendar, Event, Timezone, TimezoneStandard

from conference.text import single_line
from conference.translations import localized
from sessions.feeds import ical_text

ROLES = {
    "chair": "chairs",
    "moderator": "moderators",
    "speaker": "speakers",
    "organiser": "organisers",
}


@contextmanager
def cycle_collection_paused():
    """Python's cycle collector paused while a feed renders. A release of 5,000 sessions is
    hundreds of thousands of live objects, and each of the collector's frequent passes during a
    render walked them: a cold JSON render (the release read and decoded included) took 160 ms
    with it and 90 ms without, the frab XML 224 ms and 136 ms (in process, medians of 5 languages,
    2026-12-04). A render makes no reference cycles worth collecting, and reference counting
    still frees its garbage; the collector resumes after it, even when the render fails. Only
    the render that paused it resumes it, so two threads rendering at once leave it running."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def feed_url(conference_slug, suffix=""):
    return f"{settings.SITE_URL}/api/v1/conferences/{conference_slug}/{suffix}"


def localised(entry, language, fallback=()):
    """Title and description in `language`, else in the `fallback` languages (the conference's,
    in its order), else the original."""
    translations = entry["translations"]
    return (
        localized(translations, "title", entry["title"], language, fallback),
        localized(translations, "description", entry["description"], language, fallback),
    )


def room_name(entry, language, fallback=()):
    """The session's room in `language` (releases frozen before rooms were translated hold no
    translations: the name as typed), or "" when it has none."""
    if not entry["room"]:
        return ""
    translations = entry.get("room_translations") or {}
    return localized(translations, "name", entry["room"]["name"], language, fallback)


def local_times(entry, tz):
    starts = datetime.fromisoformat(entry["starts_at"]).astimezone(tz)
    ends = datetime.fromisoformat(entry["ends_at"]).astimezone(tz)
    return starts, ends


def select_sessions(release, *, day=None, kind=None, room=None, language=None):
    tz = release.conference.tzinfo
    chosen = []
    for entry in release.sessions:
        starts, _ = local_times(entry, tz)
        if day and starts.date().isoformat() != day:
            continue
        if kind and entry["kind"] != kind:
            continue
        if room and (entry["room"] or {}).get("id") != room:
            continue
        if language and language not in entry["languages"]:
            continue
        chosen.append(entry)
    return chosen


def main_language(entry):
    """The language spoken on the floor: the first of the session's languages."""
    return entry["languages"][0] if entry["languages"] else "en"


def interpretation(entry):
    """The languages the session is interpreted into, besides the floor's."""
    return entry["languages"][1:]


def people_by_role(entry):
    """Chairs, moderators and speakers who are persons, and organisations or offices apart
    (whatever their role): a feed never lists an office as a person. Releases frozen before
    organisations were marked hold none."""
    people = {role: [] for role in ROLES.values()}
    people["organisations"] = []
    for person in entry["people"]:
        shown = {"name": person["name"], "function": person["function"]}
        if person.get("organisation"):
            people["organisations"].append(shown | {"role": person["role"]})
        else:
            people[ROLES[person["role"]]].append(shown)
    return people


def json_session(entry, conference, language):
    """One session as the JSON feed shows it: times with the conference's offset, public people,
    the floor's language apart from interpretation, and its states as fields."""
    starts, ends = local_times(entry, conference.tzinfo)
    title, description = localised(entry, language, conference.languages)
    people = people_by_role(entry)
    room = entry["room"] and entry["room"] | {
        "name": room_name(entry, language, conference.languages)
    }
    return {
        "id": entry["id"],
        "slug": entry["slug"],
        "kind": entry["kind"],
        "title": title,
        "description": description,
        "room": room,
        "starts_at": starts.isoformat(),
        "ends_at": ends.isoformat(),
        "timezone": conference.timezone,
        "languages": entry["languages"],
        "language": main_language(entry),
        "interpretation": interpretation(entry),
        **people,
        "state": entry["state"],
        "cancelled": entry["state"] == "cancelled",
        "illustrative": entry.get("illustrative", False),
        "url": feed_url(conference.slug, f"schedule/sessions/{entry['id']}/"),
    }


def render_json(release, sessions, *, language):
    conference = release.conference
    days = defaultdict(list)
    for entry in sessions:
        item = json_session(entry, conference, language)
        days[item["starts_at"][:10]].append(item)
    document = {
        "conference": {
            "slug": conference.slug,
            "name": conference.localized_name(language),
            "venue": conference.localized_venue_name(language),
            "timezone": conference.timezone,
            "start_date": conference.start_date.isoformat(),
            "end_date": conference.end_date.isoformat(),
        },
        "release": {
            "number": release.number,
            "published_at": release.published_at.isoformat(),
        },
        "language": language,
        "days": [{"date": day, "sessions": entries} for day, entries in sorted(days.items())],
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()


def render_ical(release, sessions, *, language):
    return ical_calendar(
        release.conference, sessions, language=language, stamp=release.published_at
    )


def ical_calendar(conference, sessions, *, language, stamp, name=None, meetings=()):
    """The sessions as iCalendar; `meetings` adds a person's own appointments (bilateral
    meetings), each a dict with uid, summary, starts, ends, location and sequence."""
    tz = conference.tzinfo
    calendar = Calendar()
    calendar.add("prodid", "-//Conference logistics//Schedule//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", single_line(name or conference.localized_name(language)))
    calendar.add("x-wr-timezone", conference.timezone)
    calendar.add_component(_vtimezone(conference))
    shell = calendar.to_ical()
    end = b"END:VCALENDAR\r\n"
    events = ical_text.session_events(
        conference,
        sessions,
        language=language,
        stamp=stamp,
        local_times=local_times,
        localised=localised,
        room_name=room_name,
        url=feed_url,
    )
    return shell[: -len(end)] + events + b"".join(_meeting(m, tz, stamp) for m in meetings) + end


def _meeting(meeting, tz, stamp):
    """One of a person's own appointments as a VEVENT, through `icalendar` (a handful a person,
    unlike the sessions, which `ical_text` writes directly)."""
    event = Event()
    event.add("uid", meeting["uid"])
    event.add("summary", single_line(meeting["summary"]))
    event.add("dtstart", meeting["starts"].astimezone(tz))
    event.add("dtend", meeting["ends"].astimezone(tz))
    event.add("dtstamp", stamp)
    event.add("sequence", meeting["sequence"])
    event.add("status", meeting.get("status", "CONFIRMED"))
    event.add("location", single_line(meeting["location"]))
    return event.to_ical()


def _vtimezone(conference):
    """The conference's VTIMEZONE, from the zone's offset at the conference (no daylight saving
    in Asia/Ho_Chi_Minh; zones with DST get the standard offset of the conference's dates)."""
    start = datetime.combine(conference.start_date, datetime.min.time(), tzinfo=conference.tzinfo)
    offset = start.utcoffset()
    zone = Timezone()
    zone.add("tzid", conference.timezone)
    standard = TimezoneStandard()
    standard.add("dtstart", datetime(1970, 1, 1))
    standard.add("tzoffsetfrom", offset)
    standard.add("tzoffsetto", offset)
    standard.add("tzname", start.tzname())
    zone.add_component(standard)
    return zone
