"""The webhook tasks: thin wrappers around conference.webhooks.services."""

from celery import shared_task
from django.utils import timezone

from conference.webhooks import services
from conference.webhooks.models import DeliveryState, WebhookDelivery

# A retry due within this many seconds is scheduled with a countdown; later ones wait for the
# sweep (every minute): long waits live in the database.
SHORT_RETRY_SECONDS = 120


@shared_task(name=services.DELIVER_TASK, acks_late=True, ignore_result=True)
def deliver_webhook(*, delivery_id):
    if services.deliver(delivery_id) != DeliveryState.RETRY:
        return
    due = WebhookDelivery.objects.filter(pk=delivery_id).values_list("next_attempt_at", flat=True)[
        0
    ]
    wait = (due - timezone.now()).total_seconds()
    if wait <= SHORT_RETRY_SECONDS:
        deliver_webhook.apply_async(kwargs={"delivery_id": delivery_id}, countdown=max(0, wait))


@shared_task(name="conference.sweep_webhooks", ignore_result=True)
def sweep_webhooks():
    return services.sweep()
