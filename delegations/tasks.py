"""Celery tasks of the workflows: thin, idempotent wrappers around the services.

Each takes keyword-only primitive ids, fetches, returns quietly when there is nothing to do, and
calls one service. Long waits live in the database (next_reminder_at, next_attempt_at, due_at)
and are picked up by the beat jobs below, never by long countdowns, which Redis redelivers.
"""

from datetime import timedelta

from celery import shared_task
from django.utils import timezone

from delegations.admin.jobs import selected_rows
from delegations.models import ConsoleJob, JobState, MessageState, OutboundMessage
from delegations.services import invitations, jobs, notifications, outbox, passports

# A retry due within this many seconds is scheduled with a countdown; later ones wait for the
# sweep, which runs every minute.
SHORT_RETRY_SECONDS = 120


@shared_task(name="delegations.deliver_messages", acks_late=True, ignore_result=True)
def deliver_messages(*, message_ids):
    outcomes = outbox.deliver_messages(message_ids)
    retrying = [pk for pk, state in outcomes.items() if state == MessageState.RETRY]
    soon = timezone.now() + timedelta(seconds=SHORT_RETRY_SECONDS)
    for message_id, next_attempt in OutboundMessage.objects.filter(
        pk__in=retrying, next_attempt_at__lte=soon
    ).values_list("pk", "next_attempt_at"):
        countdown = max(0.0, (next_attempt - timezone.now()).total_seconds())
        deliver_messages.apply_async(kwargs={"message_ids": [message_id]}, countdown=countdown)


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


@shared_task(name="delegations.erase_passport_data", ignore_result=True)
def erase_passport_data():
    erasures = passports.erase_expired_passport_data()
    return {e.conference.slug: [e.delegates, e.history_rows] for e in erasures}


@shared_task(name="delegations.run_console_job", acks_late=True, ignore_result=True)
def run_console_job(*, job_id):
    job = ConsoleJob.objects.filter(pk=job_id, state=JobState.QUEUED).first()
    if job is None:
        return
    # The rows are rebuilt through the console's list, as the organiser saw them.
    jobs.run_job(job, select=selected_rows)


@shared_task(name="delegations.delete_expired_jobs", ignore_result=True)
def delete_expired_jobs():
    return jobs.delete_expired_jobs()
