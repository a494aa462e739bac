"""Redis stopped while invitations are being sent, then started again, empty (no persistence).

A real `celery worker` delivers to a real SMTP server; the broker is a redis-server of the test's
own. What the secretariat relies on: sending never hangs while the broker is down, and once it is
back, the sweep hands on what it lost, so every delegation gets its invitation exactly once.
"""

import datetime as dt
import time
from collections import Counter

import pytest
import time_machine
from django.utils import timezone

from delegations.models import Invitation, OutboundMessage
from delegations.services import invite_delegations, sweep_outbox
from tests.factories import DelegationFactory
from tests.faults.conftest import open_conference, wait_until

pytestmark = [pytest.mark.fault, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

FIRST = ["FR", "DE", "JP", "BR", "KE", "IN"]
SECOND = ["MX", "NO", "SN", "TH", "VN", "CL"]


def _all_sent():
    return not OutboundMessage.objects.exclude(state="sent").exists()


def test_invitations_sent_while_redis_restarts_arrive_once_each(
    broker, start_worker, paced_smtp_server
):
    smtp = paced_smtp_server(pause=0.2)  # a few seconds of sending, for Redis to die during
    start_worker(broker_url=broker.url, smtp_port=smtp.port)
    conference = open_conference()
    first = [DelegationFactory(conference=conference, country=c) for c in FIRST]
    second = [DelegationFactory(conference=conference, country=c) for c in SECOND]

    invite_delegations(conference, delegations=first)
    assert wait_until(lambda: len(smtp.messages) >= 1, seconds=15), "the worker never sent"
    broker.kill()
    started = time.monotonic()
    invite_delegations(conference, delegations=second)
    elapsed = time.monotonic() - started
    assert OutboundMessage.objects.filter(delegation__in=second, state="queued").count() == 6

    broker.start()
    # The beat sweep, a few minutes on, finds the rows whose dispatch was refused or lost.
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=3)):
        swept = sweep_outbox()
    delivered = wait_until(_all_sent, seconds=15)

    assert elapsed < 5, f"inviting took {elapsed:.1f} s with the broker down"
    assert swept >= 6
    assert delivered
    received = Counter(message["Message-ID"] for message in smtp.messages)
    rows = OutboundMessage.objects.all()
    assert received == Counter({row.message_id: 1 for row in rows})
    assert sorted(message["To"] for message in smtp.messages) == sorted(
        d.focal_point_email for d in first + second
    )
    assert set(Invitation.objects.values_list("state", flat=True)) == {"sent"}
