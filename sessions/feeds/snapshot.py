"""The frozen form of the public programme stored in a release, and the changes between two.

A snapshot holds everything the feeds show and nothing private: titles and descriptions in every
language, times in UTC, the room, and the public name and function of chairs, moderators and
speakers (never their contact or passport data).
"""

import uuid

from django.db.models import Prefetch

from sessions.enums import SessionState
from sessions.models import Session, SessionPerson

# Namespace of the stable frab GUIDs of sessions: uuid5(namespace, "<conference>/<session id>").
GUID_NAMESPACE = uuid.UUID("2b0c3f4e-9a51-4d52-9d0f-6b1c2f6e7a10")
# What makes a change worth telling: a new time or room, or a new state.
_TRACKED = ("starts_at", "ends_at", "room", "state")


def session_guid(conference_slug, session_id):
    return str(uuid.uuid5(GUID_NAMESPACE, f"{conference_slug}/{session_id}"))


def take_snapshot(conference, *, previous=None):
    """The public programme as it stands: published sessions, and cancelled sessions that an
    earlier release showed (they stay, marked cancelled). Two queries whatever the size."""
    earlier = {entry["id"]: entry for entry in (previous or [])}
    sessions = (
        Session.objects.filter(
            conference=conference, state__in=[SessionState.PUBLISHED, SessionState.CANCELLED]
        )
        .select_related("room")
        .prefetch_related(
            Prefetch(
                "people",
                queryset=SessionPerson.objects.select_related("delegate").order_by(
                    "role", "position"
                ),
            )
        )
        .order_by("starts_at", "room__name", "pk")
    )
    snapshot = []
    for session in sessions:
        if session.state == SessionState.CANCELLED and session.pk not in earlier:
            continue
        snapshot.append(sequenced(session_entry(session, conference), earlier.get(session.pk)))
    return snapshot


def sequenced(entry, before):
    """The entry with its iCalendar SEQUENCE: that of `before` (the same session in an earlier
    release), one more if its time, room or state changed since; 0 when new."""
    if before is None:
        return entry | {"sequence": 0}
    changed = any(before[key] != entry[key] for key in _TRACKED)
    return entry | {"sequence": before["sequence"] + 1 if changed else before["sequence"]}


def session_entry(session, conference):
    """One session in its frozen, public form (sequence added by the caller)."""
    return {
        "id": session.pk,
        "slug": session.slug,
        "guid": session_guid(conference.slug, session.pk),
        "kind": session.kind,
        "title": session.title,
        "description": session.description,
        "translations": session.translations,
        "room": {"id": session.room_id, "name": session.room.name} if session.room else None,
        # Apart from "room", whose changes are told to the readers: a new translation of the
        # room's name does not move the session.
        "room_translations": session.room.translations if session.room else {},
        "starts_at": session.starts_at.isoformat(),
        "ends_at": session.ends_at.isoformat(),
        "languages": session.languages,
        "state": session.state,
        "illustrative": session.is_illustrative,
        "people": [
            {
                "role": p.role,
                "name": p.public_name,
                "function": p.public_function,
                "organisation": p.is_organisation,
            }
            for p in session.people.all()
        ],
    }


def compare(previous, current):
    """New, moved (old and new time and room) and cancelled sessions between two snapshots."""
    before = {entry["id"]: entry for entry in previous}
    now = {entry["id"]: entry for entry in current}
    changes = {"new": [], "moved": [], "cancelled": []}
    for session_id, entry in now.items():
        old = before.get(session_id)
        published = entry["state"] == SessionState.PUBLISHED
        if old is None or (published and old["state"] == SessionState.CANCELLED):
            if published:
                changes["new"].append(_change(None, entry))
        elif not published and old["state"] == SessionState.PUBLISHED:
            changes["cancelled"].append(_change(old, entry))
        elif published and any(old[k] != entry[k] for k in ("starts_at", "ends_at", "room")):
            changes["moved"].append(_change(old, entry))
    for session_id, old in before.items():
        if session_id not in now and old["state"] == SessionState.PUBLISHED:
            changes["cancelled"].append(_change(old, None))  # unpublished since: gone
    return changes


def _change(old, new):
    some = new or old
    return {
        "id": some["id"],
        "title": some["title"],
        "old_starts_at": old["starts_at"] if old else None,
        "old_ends_at": old["ends_at"] if old else None,
        "old_room": old["room"]["name"] if old and old["room"] else None,
        "new_starts_at": new["starts_at"] if new and new["state"] == "published" else None,
        "new_ends_at": new["ends_at"] if new and new["state"] == "published" else None,
        "new_room": new["room"]["name"] if new and new["room"] else None,
        # So that each recipient's notice reads the title and the rooms in their language.
        "translations": some.get("translations") or {},
        "old_room_translations": (old.get("room_translations") or {}) if old else {},
        "new_room_translations": (new.get("room_translations") or {}) if new else {},
    }
