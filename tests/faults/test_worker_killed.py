"""A Celery worker killed (SIGKILL) in the middle of sending invitations.

The worker is a real `celery worker` process; it dies while the SMTP server holds its reply to
the third message. The rows it had claimed stay `sending`; the beat sweep, once they have waited
SENDING_TIMEOUT, hands them to another worker. What the secretariat relies on: nothing lost, and
at most one extra copy, with the same Message-ID (receiving servers drop it), of the message the
worker was sending when it died.
"""

from collections import Counter

import pytest
import time_machine
from celery.contrib.testing.worker import start_worker as start_worker_thread
from django.utils import timezone

from config.celery import app as celery_app
from delegations.models import OutboundMessage
from delegations.services import invite_delegations, sweep_outbox
from delegations.services.outbox import SENDING_TIMEOUT
from tests.factories import DelegationFactory
from tests.faults.conftest import open_conference, wait_until

pytestmark = [pytest.mark.fault, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

COUNTRIES = ["FR", "DE", "JP", "BR", "KE", "IN", "MX", "NO", "SN", "TH", "VN", "CL"]


def _states():
    return Counter(OutboundMessage.objects.values_list("state", flat=True))


def test_a_worker_killed_while_sending_loses_nothing_and_repeats_at_most_one(
    broker, start_worker, paced_smtp_server, settings
):
    smtp = paced_smtp_server(hold_at=3, hold=15)
    worker = start_worker(broker_url=broker.url, smtp_port=smtp.port)
    conference = open_conference()
    for country in COUNTRIES:
        DelegationFactory(conference=conference, country=country)

    invite_delegations(conference)
    assert smtp.handler.holding.wait(timeout=15), "the worker never sent a third message"
    worker.kill()  # the third message is in, its 250 OK not yet out
    assert _states() == Counter(sent=2, sending=10)

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", smtp.port
    later = timezone.now() + SENDING_TIMEOUT + SENDING_TIMEOUT / 5
    with (
        time_machine.travel(later),
        start_worker_thread(
            celery_app, pool="threads", concurrency=2, perform_ping_check=False, loglevel="WARNING"
        ),
    ):
        swept = sweep_outbox()
        delivered = wait_until(lambda: _states() == Counter(sent=12), seconds=15)

    assert swept == 10
    assert delivered
    rows = list(OutboundMessage.objects.order_by("pk"))
    in_flight = rows[2].message_id
    received = Counter(message["Message-ID"] for message in smtp.messages)
    assert received == Counter({row.message_id: 1 for row in rows}) + Counter({in_flight: 1})
