"""Celery tasks of the workflows: thin, idempotent wrappers around the services.

Each takes keyword-only primitive ids, fetches, returns quietly when there is nothing to do, and
calls one service. Long waits live in the database (next_reminder_at, next_attempt_at, due_at)
and are picked up by the beat jobs below, never by long countdowns, which Redis redelivers.
"""

from celery import shared_task
from django.utils import timezone

from delegations.models import MessageState, OutboundMessage
from delegations.services import invitations, notifications, outbox

# A retry due within this many seconds is scheduled with a countdown; later ones wait for the
# sweep, which runs every minute.
SHORT_RETRY_SECONDS = 120


@shared_task(name="delegations.deliver_message", acks_late=True, ignore_result=True)
def deliver_message(*, message_id):
    state = outbox.deliver_message(message_id)
    if state == MessageState.RETRY:
        next_attempt = (
            OutboundMessage.objects.filter(pk=message_id)
            .values_list("next_attempt_at", flat=True)
            .first()
        )
        if next_attempt is not None:
            countdown = max(0.0, (next_attempt - timezone.now()).total_seconds())
            if countdown <= SHORT_RETRY_SECONDS:
                deliver_message.apply_async(kwargs={"message_id": message_id}, countdown=countdown)


@shared_task(name="delegations.sweep_outbox", ignore_result=True)
def sweep_outbox():
    return outbox.sweep_outbox()


@shared_task(name="delegations.send_reminders", ignore_result=True)
def send_reminders():
    return invitations.send_due_reminders()


@shared_task(name="delegations.expire_invitations", ignore_result=True)
def expire_invitations():
    return invitations.expire_invitations()


@shared_task(name="delegations.send_programme_digests", ignore_result=True)
def send_programme_digests():
    return notifications.send_programme_digests()
