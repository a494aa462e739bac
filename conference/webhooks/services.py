"""Webhook deliveries, like the e-mail outbox: a row per event and webhook, written in the
emitting transaction, sent after commit, once.

`emit` is what the domain services call at the events integrators follow. `deliver` is what the
delivery task runs: it claims the row (queued/retry -> sending) with a conditional UPDATE, POSTs
the signed body outside any transaction, and records the outcome; a row not waiting to be sent is
left alone, so dispatching one row twice sends it once. `sweep` re-dispatches rows whose dispatch
never ran and retries whose time has come.
"""

import json
import logging
import time
import urllib.error
import urllib.request
from datetime import timedelta

from celery import current_app
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from conference.webhooks import signing
from conference.webhooks.models import DeliveryState, Webhook, WebhookDelivery

logger = logging.getLogger(__name__)

RETRY_DELAYS = [
    timedelta(seconds=30),
    timedelta(minutes=2),
    timedelta(minutes=10),
    timedelta(hours=1),
    timedelta(hours=6),
]
MAX_ATTEMPTS = len(RETRY_DELAYS) + 1
TIMEOUT_SECONDS = 10
# A queued row whose dispatch has not run after this long, or a row still `sending` after
# this long (its worker died), is dispatched again by the sweep.
DISPATCH_GRACE = timedelta(minutes=2)
SENDING_TIMEOUT = timedelta(minutes=5)
SLACK = timedelta(seconds=2)
DELIVER_TASK = "conference.deliver_webhook"
# Answers that say "later": everything else under 500 is the receiver refusing for good.
TRANSIENT_STATUSES = {408, 425, 429}


def emit(conference, *, event: str, key: str, data: dict) -> list[WebhookDelivery]:
    """Write one delivery per active webhook of the conference that wants `event`, in the
    caller's transaction, and dispatch them after it commits. `key` names the business event
    (e.g. the release's number): emitting the same event again writes and sends nothing more."""
    hooks = [
        hook
        for hook in Webhook.objects.filter(conference=conference, active=True)
        if event in hook.events
    ]
    created = []
    for hook in hooks:
        idempotency_key = f"{event}:{key}:{hook.pk}"
        payload = {
            "id": idempotency_key,
            "event": event,
            "conference": conference.slug,
            "created_at": timezone.now().isoformat(),
            "data": json.loads(json.dumps(data, cls=DjangoJSONEncoder)),
        }
        try:
            with transaction.atomic():
                delivery, new = WebhookDelivery.objects.get_or_create(
                    idempotency_key=idempotency_key,
                    defaults={"webhook": hook, "event": event, "payload": payload},
                )
        except IntegrityError:
            continue  # emitted concurrently: the other transaction's row stands
        if new:
            created.append(delivery)
    if created:
        ids = [delivery.pk for delivery in created]
        transaction.on_commit(lambda: dispatch(ids))
    return created


def dispatch(delivery_ids) -> bool:
    """Hand rows to the broker; never raises: a refused dispatch leaves them for the sweep."""
    task = current_app.tasks[DELIVER_TASK]
    for delivery_id in delivery_ids:
        try:
            task.apply_async(kwargs={"delivery_id": delivery_id}, retry=False)
        except Exception:  # any broker failure: kombu, redis, socket
            logger.warning("Broker unreachable; webhook deliveries wait for the sweep")
            return False
    return True


def deliver(delivery_id: int) -> str:
    """Send one delivery if it waits to be sent; returns its state afterwards, or "skipped"."""
    delivery = _claim(delivery_id)
    if delivery is None:
        return "skipped"
    body = json.dumps(delivery.payload, separators=(",", ":")).encode()
    request = urllib.request.Request(
        delivery.webhook.url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": "conference-logistics-webhooks/1.0",
            signing.ID_HEADER: delivery.idempotency_key,
            signing.EVENT_HEADER: delivery.event,
            signing.SIGNATURE_HEADER: signing.sign(delivery.webhook.secret, body, int(time.time())),
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as answer:
            status = answer.status
    except urllib.error.HTTPError as error:
        permanent = error.code < 500 and error.code not in TRANSIENT_STATUSES
        return _record_failure(delivery, str(error), status=error.code, permanent=permanent)
    except (OSError, ValueError) as error:  # refused, reset, timed out, bad URL
        return _record_failure(delivery, str(error), status=None, permanent=False)
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        state=DeliveryState.DELIVERED,
        last_status_code=status,
        last_error="",
        delivered_at=timezone.now(),
        next_attempt_at=None,
    )
    return DeliveryState.DELIVERED


def _claim(delivery_id):
    now = timezone.now()
    waiting = Q(state=DeliveryState.QUEUED) | Q(
        state=DeliveryState.RETRY, next_attempt_at__lte=now + SLACK
    )
    claimed = WebhookDelivery.objects.filter(waiting, pk=delivery_id).update(
        state=DeliveryState.SENDING, attempts=F("attempts") + 1, updated_at=now
    )
    if not claimed:
        return None
    return WebhookDelivery.objects.select_related("webhook").get(pk=delivery_id)


def _record_failure(delivery, error, *, status, permanent):
    final = permanent or delivery.attempts >= MAX_ATTEMPTS
    state = DeliveryState.FAILED if final else DeliveryState.RETRY
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        state=state,
        last_status_code=status,
        last_error=error[:1000],
        next_attempt_at=None if final else timezone.now() + RETRY_DELAYS[delivery.attempts - 1],
    )
    return state


def sweep() -> int:
    """Dispatch again what waits: retries whose time has come, queued rows whose dispatch never
    ran, and rows left `sending` by a worker that died. Returns how many were dispatched."""
    now = timezone.now()
    WebhookDelivery.objects.filter(
        state=DeliveryState.SENDING, updated_at__lt=now - SENDING_TIMEOUT
    ).update(state=DeliveryState.RETRY, next_attempt_at=now)
    due = list(
        WebhookDelivery.objects.filter(
            Q(state=DeliveryState.QUEUED, created_at__lt=now - DISPATCH_GRACE)
            | Q(state=DeliveryState.RETRY, next_attempt_at__lte=now)
        ).values_list("pk", flat=True)[:1000]
    )
    dispatch(due)
    return len(due)
