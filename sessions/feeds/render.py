"""Rendering a release in each public format. Pure functions of the frozen programme: they read
no database, so a feed costs the same queries whatever the number of sessions."""

import json
from collections import defaultdict
from datetime import datetime, timedelta
from xml.etree import ElementTree

from django.conf import settings
from icalendar import Calendar, Event, Timezone, TimezoneStandard

from conference.text import single_line, strip_control_characters
from sessions.feeds.snapshot import session_guid

ROLES = {"chair": "chairs", "moderator": "moderators", "speaker": "speakers"}


def feed_url(conference_slug, suffix=""):
    return f"{settings.SITE_URL}/api/v1/conferences/{conference_slug}/{suffix}"


def _localised(entry, language):
    translated = entry["translations"].get(language, {}) if language else {}
    return (
        translated.get("title") or entry["title"],
        translated.get("description") or entry["description"],
    )


def _local(entry, tz):
    starts = datetime.fromisoformat(entry["starts_at"]).astimezone(tz)
    ends = datetime.fromisoformat(entry["ends_at"]).astimezone(tz)
    return starts, ends


def select_sessions(release, *, day=None, kind=None, room=None, language=None):
    tz = release.conference.tzinfo
    chosen = []
    for entry in release.sessions:
        starts, _ = _local(entry, tz)
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


def json_session(entry, conference, language):
    """One session as the JSON feed shows it: times with the conference's offset, public people."""
    starts, ends = _local(entry, conference.tzinfo)
    title, description = _localised(entry, language)
    people = {role: [] for role in ROLES.values()}
    for person in entry["people"]:
        people[ROLES[person["role"]]].append(
            {"name": person["name"], "function": person["function"]}
        )
    return {
        "id": entry["id"],
        "slug": entry["slug"],
        "kind": entry["kind"],
        "title": title,
        "description": description,
        "room": entry["room"],
        "starts_at": starts.isoformat(),
        "ends_at": ends.isoformat(),
        "timezone": conference.timezone,
        "languages": entry["languages"],
        **people,
        "state": entry["state"],
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
            "name": conference.name,
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


def _frab_days(release, sessions, language):
    """Days (every day of the conference, 1-based), then rooms, then events, as frab nests them."""
    conference = release.conference
    tz = conference.tzinfo
    day_count = (conference.end_date - conference.start_date).days + 1
    days = []
    for index in range(day_count):
        date = conference.start_date + timedelta(days=index)
        start = datetime.combine(date, datetime.min.time(), tzinfo=tz)
        days.append(
            {
                "index": index + 1,
                "date": date,
                "start": start,
                "end": start + timedelta(days=1),
                "rooms": defaultdict(list),
            }
        )
    by_date = {day["date"]: day for day in days}
    for entry in sessions:
        starts, ends = _local(entry, tz)
        day = by_date.get(starts.date())
        if day is None:
            continue  # outside the conference's dates (a rehearsal): not in the frab days
        title, description = _localised(entry, language)
        minutes = int((ends - starts).total_seconds() // 60)
        room = entry["room"]["name"] if entry["room"] else "TBA"
        day["rooms"][room].append(
            {
                "id": entry["id"],
                "guid": entry["guid"],
                "date": starts.isoformat(),
                "start": starts.strftime("%H:%M"),
                "end": ends.isoformat(),
                "duration": f"{minutes // 60:02d}:{minutes % 60:02d}",
                "room": room,
                "slug": f"{conference.slug}-{entry['id']}-{entry['slug']}",
                "url": feed_url(conference.slug, f"schedule/sessions/{entry['id']}/"),
                "title": title if entry["state"] == "published" else f"CANCELLED: {title}",
                "type": entry["kind"],
                "language": entry["languages"][0] if entry["languages"] else "en",
                "abstract": description,
                "persons": [
                    {"name": p["name"], "guid": session_guid(conference.slug, f"p-{p['name']}")}
                    for p in entry["people"]
                ],
            }
        )
    return days


def render_frab_json(release, sessions, *, language):
    conference = release.conference
    days = _frab_days(release, sessions, language)
    rooms = sorted({room for day in days for room in day["rooms"]})
    document = {
        "$schema": "https://c3voc.de/schedule/schema.json",
        "generator": {"name": "conference-logistics", "version": "1.0"},
        "schedule": {
            "version": f"v{release.number}",
            "base_url": feed_url(conference.slug),
            "conference": {
                "acronym": conference.slug,
                "title": conference.name,
                "start": conference.start_date.isoformat(),
                "end": conference.end_date.isoformat(),
                "daysCount": len(days),
                "timeslot_duration": "00:15",
                "time_zone_name": conference.timezone,
                "url": feed_url(conference.slug, "schedule/"),
                "rooms": [
                    {"name": name, "guid": session_guid(conference.slug, f"room-{name}")}
                    for name in rooms
                ],
                "days": [
                    {
                        "index": day["index"],
                        "date": day["date"].isoformat(),
                        "day_start": day["start"].isoformat(),
                        "day_end": day["end"].isoformat(),
                        "rooms": {
                            room: [_frab_json_event(event) for event in events]
                            for room, events in sorted(day["rooms"].items())
                        },
                    }
                    for day in days
                ],
            },
        },
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()


def _frab_json_event(event):
    return {
        **{
            key: event[key]
            for key in (
                "guid",
                "id",
                "date",
                "start",
                "end",
                "duration",
                "room",
                "slug",
                "url",
                "title",
                "type",
                "language",
                "abstract",
                "persons",
            )
        },
        "subtitle": "",
        "track": event["type"],
        "description": event["abstract"],
        "links": [],
    }


def render_frab_xml(release, sessions, *, language):
    conference = release.conference
    root = ElementTree.Element("schedule")
    ElementTree.SubElement(root, "generator", name="conference-logistics", version="1.0")
    ElementTree.SubElement(root, "url").text = feed_url(conference.slug, "schedule.xml")
    ElementTree.SubElement(root, "version").text = f"v{release.number}"
    head = ElementTree.SubElement(root, "conference")
    for tag, text in (
        ("acronym", conference.slug),
        ("title", conference.name),
        ("start", conference.start_date.isoformat()),
        ("end", conference.end_date.isoformat()),
        ("days", str((conference.end_date - conference.start_date).days + 1)),
        ("timeslot_duration", "00:15"),
        ("base_url", feed_url(conference.slug)),
        ("time_zone_name", conference.timezone),
    ):
        ElementTree.SubElement(head, tag).text = text
    for day in _frab_days(release, sessions, language):
        day_element = ElementTree.SubElement(
            root,
            "day",
            index=str(day["index"]),
            date=day["date"].isoformat(),
            start=day["start"].isoformat(),
            end=day["end"].isoformat(),
        )
        for room, events in sorted(day["rooms"].items()):
            room_element = ElementTree.SubElement(day_element, "room", name=room)
            for event in events:
                element = ElementTree.SubElement(
                    room_element, "event", id=str(event["id"]), guid=event["guid"]
                )
                for tag in (
                    "room",
                    "title",
                    "type",
                    "date",
                    "start",
                    "duration",
                    "abstract",
                    "slug",
                    "language",
                    "url",
                ):
                    ElementTree.SubElement(element, tag).text = event[tag]
                ElementTree.SubElement(element, "subtitle").text = ""
                ElementTree.SubElement(element, "track").text = event["type"]
                persons = ElementTree.SubElement(element, "persons")
                for person in event["persons"]:
                    ElementTree.SubElement(persons, "person", guid=person["guid"]).text = person[
                        "name"
                    ]
    _strip_controls(root)
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)


def _strip_controls(root):
    """XML 1.0 has no place for control characters: one in a name would make the whole feed
    ill-formed, so they are dropped from every text and attribute."""
    for element in root.iter():
        if element.text:
            element.text = strip_control_characters(element.text)
        for name, value in element.attrib.items():
            element.set(name, strip_control_characters(value))


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
    calendar.add("x-wr-calname", single_line(name or conference.name))
    calendar.add("x-wr-timezone", conference.timezone)
    calendar.add_component(_vtimezone(conference))
    for entry in sessions:
        starts, ends = _local(entry, tz)
        title, description = _localised(entry, language)
        event = Event()
        event.add("uid", f"{entry['guid']}@{conference.slug}")
        event.add("summary", single_line(title))
        event.add("description", strip_control_characters(description))
        event.add("dtstart", starts)
        event.add("dtend", ends)
        event.add("dtstamp", stamp)
        event.add("sequence", entry["sequence"])
        event.add("status", "CANCELLED" if entry["state"] == "cancelled" else "CONFIRMED")
        room = entry["room"]["name"] if entry["room"] else ""
        location = ", ".join(part for part in (room, conference.venue.name) if part)
        event.add("location", single_line(location))
        event.add("url", feed_url(conference.slug, f"schedule/sessions/{entry['id']}/"))
        calendar.add_component(event)
    for meeting in meetings:
        event = Event()
        event.add("uid", meeting["uid"])
        event.add("summary", single_line(meeting["summary"]))
        event.add("dtstart", meeting["starts"].astimezone(tz))
        event.add("dtend", meeting["ends"].astimezone(tz))
        event.add("dtstamp", stamp)
        event.add("sequence", meeting["sequence"])
        event.add("status", "CONFIRMED")
        event.add("location", single_line(meeting["location"]))
        calendar.add_component(event)
    return calendar.to_ical()


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
