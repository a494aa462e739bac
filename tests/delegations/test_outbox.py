"""Delivery of outbox rows to a real SMTP server on loopback."""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from delegations.errors import SecretErased
from delegations.models import OutboundMessage
from delegations.services import deliver_message, queue_message, retry_now, sweep_outbox
from delegations.services.outbox import build_message

pytestmark = pytest.mark.django_db


def _queued(key="event:1"):
    return queue_message(
        build_message(
            key=key,
            to="focalpoint.fr@mission.example.org",
            subject="Invitation",
            text="Dear focal point,\n\nWelcome.",
            html="<p>Welcome.</p>",
        )
    )


def test_queue_message_twice_for_one_event_keeps_one_row():
    first = _queued()
    second = _queued()

    assert first.pk == second.pk
    assert OutboundMessage.objects.count() == 1


def test_a_row_delivered_ten_times_makes_one_smtp_transaction(smtp_server):
    message = _queued()

    outcomes = [deliver_message(message.pk) for _ in range(10)]

    assert outcomes == ["sent"] + ["skipped"] * 9
    assert smtp_server.handler.transactions == 1
    (received,) = smtp_server.messages
    assert received["Message-ID"] == message.message_id
    assert received["To"] == "focalpoint.fr@mission.example.org"
    assert received.get_content_type() == "multipart/alternative"


def test_a_transient_451_is_retried_and_sent_on_a_later_attempt(smtp_server):
    message = _queued()
    smtp_server.reply_next("451 4.3.0 Try again later")

    assert deliver_message(message.pk) == "retry"
    message.refresh_from_db()
    assert (message.state, message.attempts) == ("retry", 1)
    assert "451" in message.last_error
    assert message.next_attempt_at == pytest.approx(
        timezone.now() + dt.timedelta(seconds=10), abs=dt.timedelta(seconds=2)
    )
    # Not before its time...
    assert deliver_message(message.pk) == "skipped"
    # ...then sent.
    with time_machine.travel(message.next_attempt_at):
        assert deliver_message(message.pk) == "sent"

    message.refresh_from_db()
    assert (message.state, message.attempts, message.last_error) == ("sent", 2, "")
    assert len(smtp_server.messages) == 1


def test_a_permanent_550_fails_with_the_reason(smtp_server):
    message = _queued()
    smtp_server.reply_next("550 5.1.1 Mailbox unavailable")

    assert deliver_message(message.pk) == "failed"

    message.refresh_from_db()
    assert message.state == "failed"
    assert message.last_error == ("SMTPDataError: (550, b'5.1.1 Mailbox unavailable')")
    assert smtp_server.messages == []


def test_an_unreachable_server_is_retried_with_growing_delays_then_fails(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 1  # nothing listens there
    message = _queued()
    delays = []

    for _ in range(6):
        message.refresh_from_db()
        with time_machine.travel(message.next_attempt_at or timezone.now(), tick=False):
            state = deliver_message(message.pk)
            message.refresh_from_db()
            if message.next_attempt_at:
                delays.append((message.next_attempt_at - timezone.now()).total_seconds())

    assert state == "failed"
    assert delays == [10, 30, 60, 300, 900]
    assert message.attempts == 6
    assert "ConnectionRefusedError" in message.last_error


def test_retry_now_queues_a_failed_row_again(smtp_server, django_capture_on_commit_callbacks):
    message = _queued()
    smtp_server.reply_next("550 No such user")
    deliver_message(message.pk)

    with django_capture_on_commit_callbacks(execute=True):
        retry_now(message)

    message.refresh_from_db()
    assert message.state == "sent"
    assert len(smtp_server.messages) == 1


def test_sweep_redispatches_rows_whose_dispatch_never_ran(smtp_server):
    message = _queued()  # no on_commit run: as if the broker had been down

    with time_machine.travel(timezone.now() + dt.timedelta(minutes=3)):
        assert sweep_outbox() == 1

    message.refresh_from_db()
    assert message.state == "sent"


def test_sweep_recovers_a_row_left_sending_by_a_dead_worker(smtp_server):
    message = _queued()
    OutboundMessage.objects.filter(pk=message.pk).update(state="sending", attempts=1)

    with time_machine.travel(timezone.now() + dt.timedelta(minutes=6)):
        assert sweep_outbox() == 1

    message.refresh_from_db()
    assert (message.state, message.attempts) == ("sent", 2)
    (received,) = smtp_server.messages
    assert received["Message-ID"] == message.message_id


def test_a_message_that_fails_for_good_keeps_no_secret_and_is_not_resent_without_it(smtp_server):
    message = queue_message(
        build_message(
            key="password-reset:1",
            to="focalpoint.fr@mission.example.org",
            subject="Reset",
            text=f"Open {OutboundMessage.SECRET_MARKER} to choose a password.",
            secret="https://conf.example/portal/reset/MQ/secret-token/",
        )
    )
    smtp_server.reply_next("550 5.1.1 Mailbox unavailable")

    assert deliver_message(message.pk) == "failed"
    message.refresh_from_db()
    assert message.secret == ""
    with pytest.raises(SecretErased):
        retry_now(message)
    message.refresh_from_db()
    assert message.state == "failed"
    assert smtp_server.messages == []
