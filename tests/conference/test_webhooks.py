"""Webhooks: signed deliveries to a real HTTP receiver on the loopback, once per event, retried
with backoff, written in the emitting transaction and sent after it commits."""

import datetime as dt
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import time_machine
from django.contrib.auth.models import Group, User
from django.db import transaction

from conference.models import Convention
from conference.services import record_signature
from conference.webhooks import events, signing
from conference.webhooks import services as webhooks
from conference.webhooks.models import DeliveryState, Webhook, WebhookDelivery
from delegations.services import accredit_delegate
from sessions import services as programme
from tests.console import sign_in_to_console
from tests.factories import ConferenceFactory, DelegateFactory, SessionFactory

pytestmark = pytest.mark.django_db


class Receiver:
    """An HTTP server on 127.0.0.1 that records each POST and answers the next status given."""

    def __init__(self):
        self.received = []
        self.statuses = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.received.append((dict(self.headers), body))
                self.send_response(receiver.statuses.pop(0) if receiver.statuses else 204)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    server = Receiver()
    yield server
    server.close()


@pytest.fixture
def conference():
    return ConferenceFactory(slug="hanoi2025")


def _hook(conference, receiver, *events):
    return Webhook.objects.create(conference=conference, url=receiver.url, events=list(events))


def _release(conference, django_capture_on_commit_callbacks):
    programme.publish_session(SessionFactory(conference=conference))
    with django_capture_on_commit_callbacks(execute=True):
        return programme.release_schedule(conference)


def test_a_release_reaches_the_receiver_signed_with_the_hooks_secret(
    conference, receiver, django_capture_on_commit_callbacks
):
    hook = _hook(conference, receiver, "release.published")

    release = _release(conference, django_capture_on_commit_callbacks)

    ((headers, body),) = receiver.received
    payload = json.loads(body)
    assert (payload["event"], payload["conference"]) == ("release.published", "hanoi2025")
    assert payload["data"]["number"] == release.number
    assert headers["X-Webhook-Event"] == "release.published"
    assert headers["X-Webhook-Id"] == f"release.published:{conference.pk}:1:{hook.pk}"
    assert signing.verify(hook.secret, body, headers["X-Webhook-Signature"]) is True
    assert signing.verify("another secret", body, headers["X-Webhook-Signature"]) is False
    assert signing.verify(hook.secret, body + b" ", headers["X-Webhook-Signature"]) is False
    assert WebhookDelivery.objects.get().state == DeliveryState.DELIVERED


def test_an_old_signature_is_refused_by_the_receivers_check(conference, receiver):
    body = b'{"event":"release.published"}'
    header = signing.sign("secret", body, 1_000_000)

    assert signing.verify("secret", body, header, now=1_000_000 + 60) is True
    assert signing.verify("secret", body, header, now=1_000_000 + 3600) is False


def test_a_hook_receives_only_the_events_it_asked_for(
    conference, receiver, django_capture_on_commit_callbacks
):
    _hook(conference, receiver, "signature.recorded")

    _release(conference, django_capture_on_commit_callbacks)

    assert receiver.received == []
    assert WebhookDelivery.objects.count() == 0


def test_an_event_announced_twice_and_a_delivery_dispatched_twice_arrive_once(
    conference, receiver, django_capture_on_commit_callbacks
):
    _hook(conference, receiver, "release.published")
    release = _release(conference, django_capture_on_commit_callbacks)
    (delivery,) = WebhookDelivery.objects.all()

    with django_capture_on_commit_callbacks(execute=True):
        assert events.release_published(release) == []
    outcomes = [webhooks.deliver(delivery.pk) for _ in range(3)]

    assert len(receiver.received) == 1
    assert outcomes == ["skipped"] * 3


def test_a_rolled_back_event_leaves_no_delivery_and_sends_nothing(conference, receiver):
    _hook(conference, receiver, "release.published")
    programme.publish_session(SessionFactory(conference=conference))

    def release_then_fail():
        with transaction.atomic():
            programme.release_schedule(conference)
            raise RuntimeError

    with pytest.raises(RuntimeError):
        release_then_fail()

    assert WebhookDelivery.objects.count() == 0
    assert receiver.received == []


def test_a_failing_receiver_is_retried_with_backoff_then_delivered(
    conference, receiver, django_capture_on_commit_callbacks
):
    receiver.statuses = [503, 502]
    _hook(conference, receiver, "release.published")
    with time_machine.travel(dt.datetime(2026, 12, 4, 12, tzinfo=dt.UTC), tick=False):
        _release(conference, django_capture_on_commit_callbacks)
        delivery = WebhookDelivery.objects.get()
        first = (delivery.state, delivery.attempts, delivery.last_status_code)
        first_wait = delivery.next_attempt_at
    with time_machine.travel(first_wait, tick=False):
        assert webhooks.sweep() == 1
        delivery.refresh_from_db()
        second_wait = delivery.next_attempt_at - first_wait
    with time_machine.travel(delivery.next_attempt_at, tick=False):
        webhooks.sweep()

    delivery.refresh_from_db()
    assert first == (DeliveryState.RETRY, 1, 503)
    assert first_wait == dt.datetime(2026, 12, 4, 12, 0, 30, tzinfo=dt.UTC)
    assert second_wait == dt.timedelta(minutes=2)
    assert (delivery.state, delivery.attempts, delivery.last_status_code) == (
        DeliveryState.DELIVERED,
        3,
        204,
    )
    ids = {headers["X-Webhook-Id"] for headers, _body in receiver.received}
    assert (len(receiver.received), len(ids)) == (3, 1)


def test_a_receiver_that_refuses_for_good_is_not_retried(
    conference, receiver, django_capture_on_commit_callbacks
):
    receiver.statuses = [410]
    _hook(conference, receiver, "release.published")

    _release(conference, django_capture_on_commit_callbacks)

    delivery = WebhookDelivery.objects.get()
    assert (delivery.state, delivery.next_attempt_at) == (DeliveryState.FAILED, None)
    assert webhooks.sweep() == 0


def test_an_unreachable_receiver_is_retried(conference, django_capture_on_commit_callbacks):
    closed = Receiver()
    closed.close()
    Webhook.objects.create(conference=conference, url=closed.url, events=["release.published"])

    _release(conference, django_capture_on_commit_callbacks)

    delivery = WebhookDelivery.objects.get()
    assert (delivery.state, delivery.last_status_code) == (DeliveryState.RETRY, None)
    assert delivery.last_error != ""


def test_accreditation_and_the_delegations_status_are_announced(
    conference, receiver, django_capture_on_commit_callbacks
):
    _hook(conference, receiver, "delegate.accredited", "delegation.status_changed")
    delegate = DelegateFactory(delegation__conference=conference, delegation__status="registered")

    with django_capture_on_commit_callbacks(execute=True):
        accredit_delegate(delegate)

    events = [json.loads(body) for _headers, body in receiver.received]
    assert [(e["event"], e["data"].get("status")) for e in events] == [
        ("delegate.accredited", None),
        ("delegation.status_changed", "accredited"),
    ]
    assert events[1]["data"]["previous_status"] == "registered"


def test_a_signature_is_announced_to_the_conferences_of_the_convention(
    conference, receiver, django_capture_on_commit_callbacks
):
    convention = Convention.objects.create(
        slug="uncc",
        title="United Nations Convention against Cybercrime",
        short_title="Hanoi Convention",
        adopted_on=dt.date(2024, 12, 24),
        depositary="Secretary-General of the United Nations",
    )
    conference.convention = convention
    conference.save()
    _hook(conference, receiver, "signature.recorded")

    with django_capture_on_commit_callbacks(execute=True):
        record_signature(convention, country="VN", signed_on=dt.date(2025, 10, 25), place="Hanoi")

    ((_headers, body),) = receiver.received
    assert json.loads(body)["data"] == {
        "party": "Viet Nam",
        "country": "VN",
        "organisation": "",
        "signed_on": "2025-10-25",
        "day_is_verified": True,
        "place": "Hanoi",
        "source": "",
    }


def test_the_delivery_log_is_read_only_and_for_protocol(client, conference, receiver):
    hook = _hook(conference, receiver, "release.published")
    delivery = WebhookDelivery.objects.create(
        webhook=hook, event="release.published", idempotency_key="k", payload={}
    )
    protocol = User.objects.create_user("protocol@un.example.org", password="x" * 20, is_staff=True)
    protocol.groups.add(Group.objects.get(name="Protocol"))
    security = User.objects.create_user("security@un.example.org", password="x" * 20, is_staff=True)
    security.groups.add(Group.objects.get(name="Security"))
    page = f"/admin/conference/webhookdelivery/{delivery.pk}/change/"

    sign_in_to_console(client, security)
    refused = client.get(page)
    sign_in_to_console(client, protocol)
    shown = client.get(page)
    posted = client.post(page, {"state": "delivered"})

    assert refused.status_code == 403
    assert shown.status_code == 200
    assert posted.status_code == 403
    delivery.refresh_from_db()
    assert delivery.state == DeliveryState.QUEUED
