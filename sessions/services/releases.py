"""Publishing the programme as numbered, frozen releases, and telling those whose sessions moved."""

import logging
from datetime import datetime

from celery import current_app
from django.db import transaction
from django.utils import timezone

from conference.models import Conference
from conference.webhooks import events as webhook_events
from delegations.services import notify_programme_changes
from sessions.errors import NothingToRelease
from sessions.feeds.cache import WARM_TASK, forget_latest
from sessions.feeds.snapshot import compare, take_snapshot
from sessions.models import ScheduleRelease
from sessions.selectors import attendees_of


def release_schedule(conference: Conference, *, notes: str = "") -> ScheduleRelease:
    """Freeze the public programme as the next release. Raises `NothingToRelease` when it is the
    same as the latest release. Queues a notice of the changes (new, moved, cancelled) for the
    delegates attending the sessions concerned, and for no one else; the first release notifies
    nobody. Releases of one conference are serialised by a lock on the conference row. After
    commit, a task renders every feed of the release, so that no reader waits for a cold render."""
    with transaction.atomic():
        Conference.objects.select_for_update().filter(pk=conference.pk).first()
        previous = ScheduleRelease.objects.filter(conference=conference).order_by("-number").first()
        earlier = previous.sessions if previous else []
        snapshot = take_snapshot(conference, previous=earlier)
        if previous is not None and _public(snapshot) == _public(earlier):
            raise NothingToRelease()
        changes = compare(earlier, snapshot)
        release = ScheduleRelease.objects.create(
            conference=conference,
            number=previous.number + 1 if previous else 1,
            published_at=timezone.now(),
            notes=notes,
            sessions=snapshot,
            changes=changes,
        )
        if previous is not None:
            _notify_attendees(conference, changes)
        webhook_events.release_published(release)
        # Dropped now for this process, and again after commit in case a concurrent request
        # cached the old pointer in between.
        forget_latest(conference.slug)
        transaction.on_commit(lambda: forget_latest(conference.slug))
        transaction.on_commit(lambda: _warm_feeds(release.pk))
    return release


logger = logging.getLogger(__name__)


def _warm_feeds(release_id):
    """Queue the warm-up of the feeds. Never raises: without a broker the first reader renders the
    feed, as before, and the release itself stands."""
    try:
        current_app.tasks[WARM_TASK].apply_async(kwargs={"release_id": release_id}, retry=False)
    except Exception:  # any broker failure: kombu, redis, socket
        logger.warning("Could not queue the warm-up of the feeds of release %s", release_id)


def _public(snapshot):
    return [{k: v for k, v in entry.items() if k != "sequence"} for entry in snapshot]


def _notify_attendees(conference, changes):
    by_session = {}
    for kind, entries in changes.items():
        for entry in entries:
            by_session[entry["id"]] = _notice(kind, entry)
    if not by_session:
        return
    changes_by_delegate = {}
    for session_id, delegate_ids in attendees_of(list(by_session)).items():
        for delegate_id in delegate_ids:
            changes_by_delegate.setdefault(delegate_id, []).append(by_session[session_id])
    if changes_by_delegate:
        notify_programme_changes(conference, changes_by_delegate=changes_by_delegate)


def _notice(kind, entry):
    def when(value):
        return datetime.fromisoformat(value) if value else None

    return {
        "session_id": entry["id"],
        "title": entry["title"],
        "change": kind,
        "old_starts_at": when(entry["old_starts_at"]),
        "old_ends_at": when(entry["old_ends_at"]),
        "old_room": entry["old_room"],
        "new_starts_at": when(entry["new_starts_at"]),
        "new_ends_at": when(entry["new_ends_at"]),
        "new_room": entry["new_room"],
        "translations": entry.get("translations", {}),
        "old_room_translations": entry.get("old_room_translations", {}),
        "new_room_translations": entry.get("new_room_translations", {}),
    }
