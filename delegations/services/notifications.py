"""Confirmations of every later step, each one outbox message keyed by its business event.

Other apps call these inside their own transactions: the message is written with the change it
confirms and sent after commit; calling twice for the same event sends once.
"""

import hashlib
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from conference.translations import localized
from delegations.emails import message_language, render_message
from delegations.models import Delegate, Delegation, ProgrammeChangeNotice
from delegations.services.outbox import build_message, queue_message

# Changes of programme for one person within this window go out as one message.
CHANGE_GATHERING_WINDOW = timedelta(minutes=10)


def notify_registration_submitted(delegation: Delegation):
    count = delegation.delegates.count()
    # The submission's time is in the key: a registration reopened and submitted again is
    # confirmed again, while announcing one submission twice sends once.
    key = f"delegation:{delegation.pk}:submitted:{delegation.updated_at.isoformat()}"
    return notify_focal_point(delegation, "registration_submitted", key, delegate_count=count)


def notify_delegate_accredited(delegate: Delegate):
    return notify_focal_point(
        delegate.delegation,
        "delegate_accredited",
        f"delegate:{delegate.pk}:accredited",
        delegate=delegate,
    )


def notify_delegate_rejected(delegate: Delegate, *, reason: str):
    digest = hashlib.sha256(reason.encode()).hexdigest()[:16]
    key = f"delegate:{delegate.pk}:rejected:{digest}"
    return notify_focal_point(
        delegate.delegation, "delegate_rejected", key, delegate=delegate, reason=reason
    )


def notify_programme_changes(conference, *, changes_by_delegate: dict[int, list[dict]]) -> int:
    """Record the changes each delegate must hear of; the beat job `send_programme_digests`
    gathers them into one message per person. Returns the number of delegates concerned."""
    due_at = timezone.now() + CHANGE_GATHERING_WINDOW
    notices = [
        ProgrammeChangeNotice(delegate_id=delegate_id, change=_jsonable(change), due_at=due_at)
        for delegate_id, changes in changes_by_delegate.items()
        for change in changes
    ]
    ProgrammeChangeNotice.objects.bulk_create(notices)
    return len(changes_by_delegate)


def send_programme_digests(*, now=None) -> int:
    """Send one message per delegate whose oldest waiting change is due, with every change
    waiting for that delegate. Returns the number of messages queued."""
    now = now or timezone.now()
    due_delegates = (
        ProgrammeChangeNotice.objects.filter(message__isnull=True, due_at__lte=now)
        .values_list("delegate_id", flat=True)
        .distinct()
    )
    sent = 0
    for delegate_id in list(due_delegates):
        with transaction.atomic():
            notices = list(
                ProgrammeChangeNotice.objects.select_for_update()
                .filter(delegate_id=delegate_id, message__isnull=True)
                .order_by("pk")
            )
            if not notices:
                continue
            delegate = Delegate.objects.select_related("delegation__conference").get(pk=delegate_id)
            conference = delegate.delegation.conference
            language = message_language(delegate.delegation.language)
            changes = [_localised(notice.change, conference, language) for notice in notices]
            key = f"programme-changes:{delegate_id}:{notices[0].pk}-{notices[-1].pk}"
            message = notify_delegate(delegate, "programme_changes", key, changes=changes)
            ProgrammeChangeNotice.objects.filter(pk__in=[n.pk for n in notices]).update(
                message=message
            )
            sent += 1
    return sent


def notify_focal_point(delegation, name, key, **context):
    """Queue the message `name` to the delegation's focal point, in its language, keyed by
    its business event (`key`): the programme's notices use it too."""
    return _queue(
        delegation, delegation.focal_point_email, delegation.language, name, key, **context
    )


def notify_delegate(delegate, name, key, *, attachments=(), **context):
    """Queue the message `name` to the delegate (or the focal point when the delegate has no
    address), in the delegation's language."""
    delegation = delegate.delegation
    return _queue(
        delegation,
        delegate.email or delegation.focal_point_email,
        delegation.language,
        name,
        key,
        attachments=attachments,
        delegate=delegate,
        **context,
    )


def _queue(delegation, to, language, name, key, *, attachments=(), **context):
    conference = delegation.conference
    rendered = render_message(
        name,
        language=language,
        context={
            "conference": conference,
            "delegation": delegation,
            "portal_url": f"{settings.SITE_URL}/portal/",
            **context,
        },
    )
    return queue_message(
        build_message(
            key=key,
            to=to,
            subject=rendered.subject,
            text=rendered.text,
            html=rendered.html,
            language=rendered.language,
            conference=conference,
            delegation=delegation,
            attachments=attachments,
        )
    )


def _jsonable(change):
    return {k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in change.items()}


def _localised(change, conference, language):
    """A change as its recipient reads it: times in the conference's zone, the session's title
    and its rooms in the recipient's language (notices recorded before rooms were translated
    hold the names as typed)."""
    localised = dict(change)
    for field in ("old_starts_at", "old_ends_at", "new_starts_at", "new_ends_at"):
        if change.get(field):
            localised[field] = datetime.fromisoformat(change[field]).astimezone(conference.tzinfo)
    order = conference.languages
    localised["title"] = localized(
        change.get("translations"), "title", change["title"], language, order
    )
    for side in ("old_room", "new_room"):
        if change.get(side):
            translations = change.get(f"{side}_translations")
            localised[side] = localized(translations, "name", change[side], language, order)
    return localised
