"""The outbox: queue a message with the change it announces, deliver it once.

`queue_message` writes the row inside the caller's transaction and dispatches it after commit.
`deliver_message` is what the delivery task runs: it claims the row (queued/retry -> sending) under
a row lock, sends outside any transaction, then records the outcome. A row not waiting to be sent
is left alone, so dispatching one row ten times sends it once. `sweep_outbox` re-dispatches rows
whose dispatch never ran (the broker was down) and rows stuck in `sending` (a worker died).
"""

import contextlib
import logging
import smtplib
import time
import uuid
from datetime import timedelta

from celery import current_app
from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from delegations.errors import SecretErased
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
# Rows per delivery task: one SMTP connection each, and enough tasks to keep workers busy.
DISPATCH_CHUNK = 50
# The delivery task, by the name it is registered under (delegations/apps.py).
DELIVER_TASK = "delegations.deliver_messages"
SWEEP_LIMIT = 10_000


def build_message(
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
    """An unsaved outbox row for the business event `key`, sent from the conference's address."""
    return OutboundMessage(
        idempotency_key=key,
        to=to,
        from_email=(conference.email_from if conference else "") or settings.DEFAULT_FROM_EMAIL,
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


def queue_message(message: OutboundMessage) -> OutboundMessage:
    """Save an unsaved row (from `build_message`) and dispatch it after the caller's transaction
    commits. Announcing the same event (the same key) again returns the existing row and sends
    nothing more. A rolled-back transaction leaves no row and dispatches nothing."""
    key = message.idempotency_key
    with transaction.atomic():
        existing = OutboundMessage.objects.filter(idempotency_key=key).first()
        if existing is not None:
            return existing
        try:
            with transaction.atomic():
                message.save()
        except IntegrityError:
            # The same event announced concurrently: the other transaction's row stands.
            return OutboundMessage.objects.get(idempotency_key=key)
        transaction.on_commit(lambda: dispatch_messages([message.pk]))
    return message


def queue_new_messages(messages: list[OutboundMessage]) -> list[OutboundMessage]:
    """Write many rows for events that are new by construction (a batch of new invitations) in
    one statement, and dispatch them after commit in chunks. A repeated key fails the caller's
    transaction, which is right: a new event cannot have been announced already."""
    # No savepoint: nothing here is undone on its own, the caller's transaction fails whole.
    with transaction.atomic(savepoint=False):
        created = OutboundMessage.objects.bulk_create(messages)
        ids = [message.pk for message in created]
        transaction.on_commit(lambda: dispatch_messages(ids))
    return created


def dispatch_messages(message_ids) -> bool:
    """Hand rows to the broker, a chunk per task so that one worker process sends a chunk over
    one SMTP connection. Never raises: a refused dispatch leaves the rows queued for the sweep,
    and the request that caused it still succeeds."""
    global _broker_down_until
    deliver_messages = current_app.tasks[DELIVER_TASK]
    message_ids = list(message_ids)
    for start in range(0, len(message_ids), DISPATCH_CHUNK):
        if time.time() < _broker_down_until:
            return False
        chunk = message_ids[start : start + DISPATCH_CHUNK]
        try:
            deliver_messages.apply_async(kwargs={"message_ids": chunk}, retry=False)
        except Exception:  # any broker failure: kombu, redis, socket
            _broker_down_until = time.time() + BROKER_BACKOFF_SECONDS
            logger.warning(
                "Broker unreachable; %s messages stay queued for the sweep",
                len(message_ids) - start,
                exc_info=True,
            )
            return False
    return True


def deliver_message(message_id: int) -> str:
    """Send one row if it waits to be sent; returns its state afterwards, or "skipped"."""
    return deliver_messages([message_id])[message_id]


def deliver_messages(message_ids) -> dict[int, str]:
    """Send the rows that wait to be sent over one SMTP connection; returns each row's outcome
    ("sent", "retry", "failed", or "skipped" for a row not waiting to be sent)."""
    outcomes = dict.fromkeys(message_ids, "skipped")
    connection = get_connection()
    try:
        with _relaxed_commits():
            for message in _claim(message_ids):
                outcomes[message.pk] = _deliver(message, connection)
    finally:
        connection.close()
    return outcomes


def _deliver(message, connection):
    try:
        try:
            _send(message, connection)
        except smtplib.SMTPServerDisconnected:
            # The kept connection went stale (the server timed it out): once more, afresh.
            connection.close()
            _send(message, connection)
    except smtplib.SMTPResponseException as error:
        return _record_failure(message, error, permanent=500 <= error.smtp_code < 600)
    except smtplib.SMTPRecipientsRefused as error:
        codes = [code for code, _ in error.recipients.values()]
        return _record_failure(message, error, permanent=all(500 <= c < 600 for c in codes))
    except (TimeoutError, smtplib.SMTPException, OSError) as error:
        connection.close()  # reopened by the next send
        return _record_failure(message, error, permanent=False)
    _record_sent(message)
    return MessageState.SENT


def _claim(message_ids):
    """Claim the rows that wait to be sent (queued, or retry whose time has come) in one
    conditional UPDATE: queued/retry -> sending, marked with this delivery's claim. Rows another
    delivery claimed first are not waiting any more, so no row is ever sent by two deliveries."""
    now = timezone.now()
    claim = uuid.uuid4()
    waiting = Q(state=MessageState.QUEUED) | Q(
        state=MessageState.RETRY, next_attempt_at__lte=now + SLACK
    )
    OutboundMessage.objects.filter(waiting, pk__in=message_ids).update(
        state=MessageState.SENDING, attempts=F("attempts") + 1, claim=claim, updated_at=now
    )
    return list(OutboundMessage.objects.filter(claim=claim).order_by("pk"))


def _send(message, connection):
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
        connection=connection,
    )
    if html:
        email.attach_alternative(html, "text/html")
    for attachment in message.attachments:
        email.attach(attachment["filename"], attachment["content"], attachment["mimetype"])
    connection.open()  # kept open across the rows of one delivery (no-op when already open)
    email.send()


@contextlib.contextmanager
def _relaxed_commits():
    """While one delivery runs, its writes commit without waiting for PostgreSQL to flush its WAL
    to disk.

    A delivery writes the state of every message it sends; waiting for a disk flush each time
    made the flushes, not SMTP, the limit of throughput. A crash of the worker loses nothing
    committed this way; only a crash of the database server itself within a fraction of a second
    can forget a write. A forgotten "sent" makes the sweep send that message once more, with the
    same Message-ID, which receiving servers use to drop the copy; a forgotten claim, retry or
    failure leaves the row queued or `sending`, which the sweep takes up again. The setting is the
    session's for the length of the delivery, not `SET LOCAL` in a transaction per write, so that
    each write is one statement in autocommit: one round trip instead of four.

    What pays for it, with `_RECORD_SENT` (the two are one change): `bench/invitations.py
    --sizes 1000 --warm-up 50` on the 2-core CI machine, 2026-12-04, delivered 212 messages/s
    end to end (ratio 0.72 to plain smtplib in the same run) with both, and 118 messages/s
    (ratio 0.21) with neither (the ORM's two updates in a transaction, commits waiting for the
    disk). A first pair of runs on a busier machine gave ratios 0.35 and 0.29.
    """
    connection = transaction.get_connection()
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO OFF")
    try:
        yield
    finally:
        # Fails only on a broken connection or an aborted transaction, which drop the setting.
        with contextlib.suppress(DatabaseError), connection.cursor() as cursor:
            cursor.execute("RESET synchronous_commit")


# The row is sent, and so is the invitation whose first message it is (queued -> sent), in one
# statement: this runs once per message, and two ORM updates cost twice the round trips. The
# figure that pays for it is in `_relaxed_commits`'s docstring (212 against 118 messages/s).
_RECORD_SENT = f"""
    WITH sent AS (
        UPDATE {OutboundMessage._meta.db_table}
        SET state = %(sent)s, sent_at = %(now)s, last_error = '', next_attempt_at = NULL,
            secret = '', claim = NULL, updated_at = %(now)s
        WHERE id = %(id)s
        RETURNING invitation_id
    )
    UPDATE {Invitation._meta.db_table} SET state = %(invitation_sent)s, sent_at = %(now)s
    WHERE id IN (SELECT invitation_id FROM sent) AND state = %(invitation_queued)s
"""


def _record_sent(message):
    now = timezone.now()
    connection = transaction.get_connection()
    if connection.vendor != "postgresql":
        with transaction.atomic():
            _record_sent_orm(message, now)
        return
    with connection.cursor() as cursor:
        cursor.execute(
            _RECORD_SENT,
            {
                "id": message.pk,
                "now": now,
                "sent": MessageState.SENT,
                "invitation_sent": InvitationState.SENT,
                "invitation_queued": InvitationState.QUEUED,
            },
        )


def _record_sent_orm(message, now):
    OutboundMessage.objects.filter(pk=message.pk).update(
        state=MessageState.SENT,
        sent_at=now,
        last_error="",
        next_attempt_at=None,
        secret="",
        claim=None,
        updated_at=now,
    )
    if message.invitation_id:
        Invitation.objects.filter(pk=message.invitation_id, state=InvitationState.QUEUED).update(
            state=InvitationState.SENT, sent_at=now
        )


def _record_failure(message, error, *, permanent):
    description = f"{error.__class__.__name__}: {error}"[:2000]
    final = permanent or message.attempts >= MAX_ATTEMPTS
    delay = None if final else RETRY_DELAYS[message.attempts - 1]
    # A message that will never go keeps no secret: the link it carried dies with it.
    erased = {"secret": ""} if final else {}
    OutboundMessage.objects.filter(pk=message.pk).update(
        **erased,
        state=MessageState.FAILED if final else MessageState.RETRY,
        last_error=description,
        next_attempt_at=None if final else timezone.now() + delay,
        updated_at=timezone.now(),
    )
    logger.warning("Delivery of message %s failed (%s): %s", message.pk, message.attempts, error)
    return MessageState.FAILED if final else MessageState.RETRY


def retry_now(message: OutboundMessage) -> OutboundMessage:
    """An organiser's "retry now": a failed or waiting row is queued again and dispatched.

    Raises `SecretErased` for a failed message whose one-time link was erased when it failed:
    it cannot be sent again; a new invitation or reset makes a new link."""
    if not message.secret and OutboundMessage.SECRET_MARKER in message.body_text:
        raise SecretErased()
    with transaction.atomic():
        updated = OutboundMessage.objects.filter(
            pk=message.pk, state__in=[MessageState.FAILED, MessageState.RETRY]
        ).update(state=MessageState.QUEUED, next_attempt_at=None, updated_at=timezone.now())
        if updated:
            transaction.on_commit(lambda: dispatch_messages([message.pk]))
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
    message_ids = list(due.values_list("pk", flat=True).order_by("pk")[:SWEEP_LIMIT])
    return len(message_ids) if dispatch_messages(message_ids) else 0
