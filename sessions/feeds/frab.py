"""A release in the frab schedule format, XML and JSON, as Giggity, ConfClerk, EventFahrplan and
pretalx's importer read it.

Every event carries every element those consumers read, empty where nothing is known (subtitle,
abstract, description, logo, persons, links, attachments, recording), so that no reader stops on
a missing one. frab has no field for a session's state or for its people's roles: persons are the
speakers (never an organisation); chairs, moderators, organisations, the interpretation languages
and the cancelled or illustrative state are told in the description, in the feed's language, and a
cancelled session's title keeps its prefix for readers that show only titles.
"""

import json
from collections import defaultdict
from datetime import datetime, timedelta
from xml.etree import ElementTree

from django.utils import translation
from django.utils.translation import gettext as _

from conference.text import joined, strip_control_characters
from sessions.feeds.render import (
    feed_url,
    interpretation,
    local_times,
    localised,
    main_language,
    people_by_role,
    room_name,
)
from sessions.feeds.snapshot import session_guid

# The frab XML media type some readers ask for; the same bytes as application/xml.
FRAB_XML_MEDIA_TYPE = "application/vnd.frab+xml"
# The element order of an event in frab's own exports (the XSD takes them in any order).
XML_EVENT_TEXT = (
    "room",
    "title",
    "subtitle",
    "type",
    "date",
    "start",
    "duration",
    "abstract",
    "slug",
    "track",
    "logo",
    "language",
    "description",
    "url",
)


def _names(people):
    return joined(
        f"{person['name']} ({person['function']})" if person["function"] else person["name"]
        for person in people
    )


def _description(entry, description, people):
    """The session's description followed by what frab has no field for."""
    lines = []
    if entry["state"] == "cancelled":
        lines.append(_("This session is cancelled."))
    if entry.get("illustrative"):
        lines.append(_("Illustrative: this session is invented for the demonstration."))
    if people["chairs"]:
        lines.append(_("Chair: %(names)s") % {"names": _names(people["chairs"])})
    if people["moderators"]:
        lines.append(_("Moderator: %(names)s") % {"names": _names(people["moderators"])})
    if people["organisations"]:
        lines.append(_("Organisations: %(names)s") % {"names": _names(people["organisations"])})
    if interpretation(entry):
        lines.append(
            _("Interpretation: %(languages)s") % {"languages": joined(interpretation(entry))}
        )
    return "\n\n".join(part for part in (description, "\n".join(lines)) if part)


def _event(entry, conference, language, tz):
    starts, ends = local_times(entry, tz)
    title, description = localised(entry, language, conference.languages)
    minutes = int((ends - starts).total_seconds() // 60)
    room = room_name(entry, language, conference.languages) or "TBA"
    people = people_by_role(entry)
    cancelled = entry["state"] == "cancelled"
    return {
        "id": entry["id"],
        "guid": entry["guid"],
        "date": starts.isoformat(),
        "start": starts.strftime("%H:%M"),
        "end": ends.isoformat(),
        "duration": f"{minutes // 60:02d}:{minutes % 60:02d}",
        "room": room,
        "slug": f"{conference.slug}-{entry['id']}-{entry['slug']}",
        "url": feed_url(conference.slug, f"schedule/sessions/{entry['id']}/"),
        # frab has no state: readers that show only titles must still see the cancellation.
        "title": _("CANCELLED: %(title)s") % {"title": title} if cancelled else title,
        "subtitle": "",
        "type": entry["kind"],
        "track": entry["kind"],
        "logo": "",
        "language": main_language(entry),
        "abstract": description,
        "description": _description(entry, description, people),
        "persons": [
            {"name": p["name"], "guid": session_guid(conference.slug, f"p-{p['name']}")}
            for p in people["speakers"]
        ],
        "links": [],
        "attachments": [],
    }


def frab_days(release, sessions, language):
    """Days (every day of the conference, 1-based), then rooms, then events, as frab nests them."""
    conference = release.conference
    tz = conference.tzinfo
    days = []
    for index in range((conference.end_date - conference.start_date).days + 1):
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
    with translation.override(language):
        for entry in sessions:
            day = by_date.get(local_times(entry, tz)[0].date())
            if day is None:
                continue  # outside the conference's dates (a rehearsal): not in the frab days
            event = _event(entry, conference, language, tz)
            day["rooms"][event["room"]].append(event)
    return days


def render_frab_json(release, sessions, *, language):
    conference = release.conference
    days = frab_days(release, sessions, language)
    rooms = sorted({room for day in days for room in day["rooms"]})
    # A room's guid is that of its name as typed, the same in every language of the feed.
    typed = {
        room_name(entry, language, conference.languages): room_name(entry, None)
        for entry in sessions
    }
    document = {
        "$schema": "https://c3voc.de/schedule/schema.json",
        "generator": {"name": "conference-logistics", "version": "1.0"},
        "schedule": {
            "version": f"v{release.number}",
            "base_url": feed_url(conference.slug),
            "conference": {
                "acronym": conference.slug,
                "title": conference.localized_name(language),
                "start": conference.start_date.isoformat(),
                "end": conference.end_date.isoformat(),
                "daysCount": len(days),
                "timeslot_duration": "00:15",
                "time_zone_name": conference.timezone,
                "url": feed_url(conference.slug, "schedule/"),
                "rooms": [
                    {
                        "name": name,
                        "guid": session_guid(conference.slug, f"room-{typed.get(name, name)}"),
                    }
                    for name in rooms
                ],
                "days": [
                    {
                        "index": day["index"],
                        "date": day["date"].isoformat(),
                        "day_start": day["start"].isoformat(),
                        "day_end": day["end"].isoformat(),
                        "rooms": dict(sorted(day["rooms"].items())),
                    }
                    for day in days
                ],
            },
        },
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()


def render_frab_xml(release, sessions, *, language):
    conference = release.conference
    root = ElementTree.Element("schedule")
    ElementTree.SubElement(root, "generator", name="conference-logistics", version="1.0")
    ElementTree.SubElement(root, "url").text = feed_url(conference.slug, "schedule.xml")
    ElementTree.SubElement(root, "version").text = f"v{release.number}"
    head = ElementTree.SubElement(root, "conference")
    for tag, text in (
        ("acronym", conference.slug),
        ("title", conference.localized_name(language)),
        ("start", conference.start_date.isoformat()),
        ("end", conference.end_date.isoformat()),
        ("days", str((conference.end_date - conference.start_date).days + 1)),
        ("timeslot_duration", "00:15"),
        ("base_url", feed_url(conference.slug)),
        ("time_zone_name", conference.timezone),
    ):
        ElementTree.SubElement(head, tag).text = text
    for day in frab_days(release, sessions, language):
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
                _xml_event(room_element, event)
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


def _xml_event(room_element, event):
    element = ElementTree.SubElement(room_element, "event", id=str(event["id"]), guid=event["guid"])
    for tag in XML_EVENT_TEXT:
        ElementTree.SubElement(element, tag).text = event[tag]
    persons = ElementTree.SubElement(element, "persons")
    for person in event["persons"]:
        ElementTree.SubElement(persons, "person", guid=person["guid"]).text = person["name"]
    recording = ElementTree.SubElement(element, "recording")
    ElementTree.SubElement(recording, "license").text = ""
    ElementTree.SubElement(recording, "optout").text = "false"
    ElementTree.SubElement(element, "links")
    ElementTree.SubElement(element, "attachments")
