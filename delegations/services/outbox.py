"""The outbox: queue a message with the change it announces, deliver it once.

`queue_message` writes the row inside the caller's transaction and dispatches it after commit.
`deliver_message` is what the delivery task runs: it claims the row (queued/retry -> sending) under
a row lock, sends outside any transaction, then records the outcome. A row not waiting to be sent
is left alone, so dispatching one row ten times sends it once. `sweep_outbox` re-dispatches rows
whose dispatch never ran (the broker was down) and rows stuck in `sending` (a worker died).
"""

import logging
import smtplib
import time
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.utils import timezone

from delegations.models import Invitation, InvitationState, MessageState, OutboundMessage

logger = logging.getLogger(__name__)

# Growing delays between attempts; the sixth failure is final.
RETRY_DELAYS = [
    timedelta(seconds=10),
    timedelta(seconds=30),
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=15),
]
MAX_ATTEMPTS = len(RETRY_DELAYS) + 1
# A dispatch that has not run after this long is redone by the sweep.
DISPATCH_GRACE = timedelta(minutes=2)
# A row still `sending` after this long belonged to a worker that died.
SENDING_TIMEOUT = timedelta(minutes=5)
# A retry dispatched with a countdown may arrive a little early on a skewed clock.
SLACK = timedelta(seconds=2)
# After the broker refused one dispatch, skip dispatching for a while instead of making every
# request wait for a connection time-out: the rows stay queued and the sweep sends them.
BROKER_BACKOFF_SECONDS = 30
_broker_down_until = 0.0


def queue_message(
    *,
    key: str,
    to: str,
    subject: str,
    text: str,
    html: str = "",
    language: str = "en",
    conference=None,
    delegation=None,
    invitation=None,
    attachments=(),
    secret: str = "",
) -> OutboundMessage:
    """Write one outbox row for a business event, identified by `key`, and dispatch it after the
    caller's transaction commits. Announcing the same event again returns the existing row and
    sends nothing more. A rolled-back transaction leaves no row and dispatches nothing."""
    with transaction.atomic():
        existing = OutboundMessage.objects.filter(idempotency_key=key).first()
        if existing is not None:
            return existing
        try:
            with transaction.atomic():
                message = OutboundMessage.objects.create(
                    idempotency_key=key,
                    to=to,
                    from_email=(conference.email_from if conference else "")
                    or settings.DEFAULT_FROM_EMAIL,
                    reply_to=conference.email_reply_to if conference else "",
                    subject=subject,
                    body_text=text,
                    body_html=html,
                    language=language,
                    conference=conference,
                    delegation=delegation,
                    invitation=invitation,
                    attachments=list(attachments),
                    secret=secret,
                )
        except IntegrityError:
            # The same event announced concurrently: the other transaction's row stands.
            return OutboundMessage.objects.get(idempotency_key=key)
        transaction.on_commit(lambda: dispatch_message(message.pk))
    return message


def dispatch_message(message_id: int) -> bool:
    """Hand the row to the broker. Never raises: a refused dispatch leaves the row queued for
    the sweep, and the request that caused it still succeeds."""
    global _broker_down_until
    from delegations.tasks import deliver_message  # tasks import services, not the reverse

    if time.time() < _broker_down_until:
        return False
    try:
        deliver_message.apply_async(kwargs={"message_id": message_id}, retry=False)
    except Exception:  # any broker failure: kombu, redis, socket
        _broker_down_until = time.time() + BROKER_BACKOFF_SECONDS
        logger.warning(
            "Broker unreachable; message %s stays queued for the sweep", message_id, exc_info=True
        )
        return False
    return True


def deliver_message(message_id: int) -> str:
    """Send one outbox row if it waits to be sent; returns the row's state afterwards."""
    message = _claim(message_id)
    if message is None:
        return "skipped"
    try:
        _send(message)
    except smtplib.SMTPResponseException as error:
        return _record_failure(message, error, permanent=500 <= error.smtp_code < 600)
    except smtplib.SMTPRecipientsRefused as error:
        codes = [code for code, _ in error.recipients.values()]
        return _record_failure(message, error, permanent=all(500 <= c < 600 for c in codes))
    except (TimeoutError, smtplib.SMTPException, OSError) as error:
        return _record_failure(message, error, permanent=False)
    _record_sent(message)
    return MessageState.SENT


def _claim(message_id):
    with transaction.atomic():
        message = OutboundMessage.objects.select_for_update().filter(pk=message_id).first()
        if message is None or message.state not in MessageState.waiting():
            return None
        early = message.next_attempt_at and message.next_attempt_at > timezone.now() + SLACK
        if message.state == MessageState.RETRY and early:
            return None
        message.state = MessageState.SENDING
        message.attempts += 1
        message.save(update_fields=["state", "attempts", "updated_at"])
    return message


def _send(message):
    text, html = message.body_text, message.body_html
    if message.secret:
        text = text.replace(OutboundMessage.SECRET_MARKER, message.secret)
        html = html.replace(OutboundMessage.SECRET_MARKER, message.secret)
    email = EmailMultiAlternatives(
        subject=message.subject,
        body=text,
        from_email=message.from_email,
        to=[message.to],
        reply_to=[message.reply_to] if message.reply_to else None,
        headers={"Message-ID": message.message_id},
        connection=get_connection(),
    )
    if html:
        email.attach_alternative(html, "text/html")
    for attachment in message.attachments:
        email.attach(attachment["filename"], attachment["content"], attachment["mimetype"])
    email.send()


def _record_sent(message):
    with transaction.atomic():
        OutboundMessage.objects.filter(pk=message.pk).update(
            state=MessageState.SENT,
            sent_at=timezone.now(),
            last_error="",
            next_attempt_at=None,
            secret="",
            updated_at=timezone.now(),
        )
        if message.invitation_id:
            # The invitation's first message went out: queued -> sent.
            Invitation.objects.filter(
                pk=message.invitation_id, state=InvitationState.QUEUED
            ).update(state=InvitationState.SENT, sent_at=timezone.now())


def _record_failure(message, error, *, permanent):
    description = f"{error.__class__.__name__}: {error}"[:2000]
    final = permanent or message.attempts >= MAX_ATTEMPTS
    delay = None if final else RETRY_DELAYS[message.attempts - 1]
    OutboundMessage.objects.filter(pk=message.pk).update(
        state=MessageState.FAILED if final else MessageState.RETRY,
        last_error=description,
        next_attempt_at=None if final else timezone.now() + delay,
        updated_at=timezone.now(),
    )
    logger.warning("Delivery of message %s failed (%s): %s", message.pk, message.attempts, error)
    return MessageState.FAILED if final else MessageState.RETRY


def retry_now(message: OutboundMessage) -> OutboundMessage:
    """An organiser's "retry now": a failed or waiting row is queued again and dispatched."""
    with transaction.atomic():
        updated = OutboundMessage.objects.filter(
            pk=message.pk, state__in=[MessageState.FAILED, MessageState.RETRY]
        ).update(state=MessageState.QUEUED, next_attempt_at=None, updated_at=timezone.now())
        if updated:
            transaction.on_commit(lambda: dispatch_message(message.pk))
    message.refresh_from_db()
    return message


def sweep_outbox(*, now=None) -> int:
    """Re-dispatch what should be moving and is not. Returns the number of rows dispatched."""
    now = now or timezone.now()
    OutboundMessage.objects.filter(
        state=MessageState.SENDING, updated_at__lt=now - SENDING_TIMEOUT
    ).update(state=MessageState.RETRY, next_attempt_at=now, updated_at=now)
    due = OutboundMessage.objects.filter(
        state=MessageState.QUEUED, created_at__lt=now - DISPATCH_GRACE
    ) | OutboundMessage.objects.filter(state=MessageState.RETRY, next_attempt_at__lte=now)
    dispatched = 0
    for message_id in due.values_list("pk", flat=True).order_by("pk")[:5000]:
        if not dispatch_message(message_id):
            break
        dispatched += 1
    return dispatched
