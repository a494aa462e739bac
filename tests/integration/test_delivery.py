"""End to end: services -> outbox -> Redis -> a real worker -> a real SMTP server."""

import datetime as dt
import time

import pytest
import time_machine
from django.db import close_old_connections
from django.utils import timezone

from delegations.models import Invitation, OutboundMessage
from delegations.services import invite_delegations, sweep_outbox
from tests.factories import ConferenceFactory, DelegationFactory

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True)]

BEFORE_DEADLINE = dt.datetime(2025, 9, 15, 2, 0, tzinfo=dt.UTC)
COUNTRIES = ["FR", "DE", "JP", "BR", "KE", "IN", "MX", "NO", "SN", "TH", "VN", "CL"]


def _wait_for(condition, *, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        close_old_connections()
        if condition():
            return True
        time.sleep(0.2)
    return False


def _conference_with_delegations():
    conference = ConferenceFactory()
    for country in COUNTRIES:
        DelegationFactory(conference=conference, country=country)
    return conference


def test_every_invitation_arrives_exactly_once(worker, smtp_server):
    with time_machine.travel(BEFORE_DEADLINE):
        conference = _conference_with_delegations()
        with worker():
            invite_delegations(conference)
            delivered = _wait_for(lambda: len(smtp_server.messages) >= len(COUNTRIES))
            time.sleep(1)  # room for a duplicate to show up, if there were one

    assert delivered
    recipients = sorted(m["To"] for m in smtp_server.messages)
    assert recipients == sorted(set(recipients))
    assert len(recipients) == len(COUNTRIES)
    assert set(OutboundMessage.objects.values_list("state", flat=True)) == {"sent"}
    assert set(Invitation.objects.values_list("state", flat=True)) == {"sent"}


def test_with_redis_unreachable_sending_succeeds_quickly_and_the_sweep_delivers_later(
    broker, worker, smtp_server, redis_url
):
    with time_machine.travel(BEFORE_DEADLINE):
        conference = _conference_with_delegations()
        broker("redis://127.0.0.1:1/0")  # nothing listens there
        started = time.monotonic()
        invitations = invite_delegations(conference)
        elapsed = time.monotonic() - started
        assert set(OutboundMessage.objects.values_list("state", flat=True)) == {"queued"}

        broker(redis_url)
        with worker():
            later = timezone.now() + dt.timedelta(minutes=3)
            with time_machine.travel(later):
                dispatched = sweep_outbox()
            delivered = _wait_for(lambda: len(smtp_server.messages) >= len(COUNTRIES))
            time.sleep(1)

    assert len(invitations) == len(COUNTRIES)
    assert elapsed < 5, f"sending took {elapsed:.1f} s with the broker down"
    assert dispatched == len(COUNTRIES)
    assert delivered
    assert len(smtp_server.messages) == len(COUNTRIES)
    assert set(OutboundMessage.objects.values_list("state", flat=True)) == {"sent"}
