import json
import logging

import pytest
from django.contrib.auth import get_user_model
from django.http import HttpRequest
from rest_framework.test import APIClient

from delegations.services import issue_api_token
from tests.console import sign_in_to_console
from tests.factories import DelegateFactory


def _events(caplog):
    return [json.loads(r.getMessage()) for r in caplog.records if r.name == "security"]


@pytest.mark.django_db
def test_sign_in_failure_and_sign_out_are_recorded_with_actor_and_address(client, caplog):
    get_user_model().objects.create_user("protocol", password="correct horse 2025")
    caplog.set_level(logging.INFO, logger="security")

    client.post("/admin/login/", {"username": "protocol", "password": "wrong"})
    # django-axes wants the request that signs in; the test client's login gives none.
    client.login(request=HttpRequest(), username="protocol", password="correct horse 2025")

    events = _events(caplog)
    assert [(e["event"], e["actor"]) for e in events] == [
        ("sign_in_failed", "protocol"),
        ("sign_in", "protocol"),
    ]
    assert events[0]["address"] == "127.0.0.1"
    assert events[0]["path"] == "/admin/login/"
    assert "wrong" not in json.dumps(events)
    assert all(e["time"] for e in events)


@pytest.mark.django_db
def test_a_lockout_is_recorded_at_the_failure_that_locks_and_at_each_later_attempt(
    client, caplog, settings
):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # six checks
    get_user_model().objects.create_user("protocol", password="correct horse 2025")
    caplog.set_level(logging.INFO, logger="security")

    for _attempt in range(5):
        client.post("/admin/login/", {"username": "protocol", "password": "wrong"})
    locked = _events(caplog)
    refused = client.post(
        "/admin/login/", {"username": "protocol", "password": "correct horse 2025"}
    )

    assert [e["event"] for e in locked].count("sign_in_failed") == 5
    (lockout,) = [e for e in locked if e["event"] == "locked_out"]
    assert (lockout["actor"], lockout["address"], lockout["path"]) == (
        "protocol",
        "127.0.0.1",
        "/admin/login/",
    )
    assert refused.status_code == 429
    assert [e["event"] for e in _events(caplog)].count("locked_out") == 2


@pytest.mark.django_db
def test_a_refusal_in_the_console_is_recorded_with_actor_path_and_address(client, caplog, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]  # the test client stands as our proxy
    clerk = get_user_model().objects.create_user("clerk", is_staff=True)
    delegate = DelegateFactory(passport_last4="2345", passport_number_encrypted="token")
    sign_in_to_console(client, clerk)
    caplog.set_level(logging.INFO, logger="security")

    response = client.get(
        f"/admin/delegations/delegate/{delegate.pk}/passport/",
        HTTP_X_FORWARDED_FOR="203.0.113.7",
    )

    assert response.status_code == 403
    (event,) = [e for e in _events(caplog) if e["event"] != "sign_in"]
    assert {k: event[k] for k in ("event", "actor", "path", "address", "method")} == {
        "event": "permission_denied",
        "actor": "clerk",
        "path": f"/admin/delegations/delegate/{delegate.pk}/passport/",
        "address": "203.0.113.7",
        "method": "GET",
    }


@pytest.mark.django_db
def test_a_signed_in_user_without_a_delegation_is_refused_and_recorded(client, caplog):
    user = get_user_model().objects.create_user("stranger")
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    caplog.set_level(logging.INFO, logger="security")

    response = client.get("/portal/dashboard/")

    assert response.status_code == 403
    assert [(e["event"], e["actor"], e["path"]) for e in _events(caplog)] == [
        ("sign_in", "stranger", ""),
        ("permission_denied", "stranger", "/portal/dashboard/"),
    ]


@pytest.mark.django_db
def test_the_api_records_a_refused_token_without_the_token_and_a_refused_permission(caplog):
    caplog.set_level(logging.INFO, logger="security")
    reader = get_user_model().objects.create_user("reader", is_staff=True)
    token = issue_api_token(reader)
    guessed = "0" * 40

    bad = APIClient().get("/api/v1/delegations/", HTTP_AUTHORIZATION=f"Token {guessed}")
    unprivileged = APIClient().get("/api/v1/delegations/", HTTP_AUTHORIZATION=f"Token {token}")
    anonymous = APIClient().get("/api/v1/delegations/")

    assert (bad.status_code, unprivileged.status_code, anonymous.status_code) == (401, 403, 401)
    events = _events(caplog)
    assert [(e["event"], e["actor"], e["path"], e["address"]) for e in events] == [
        ("api_token_refused", None, "/api/v1/delegations/", "127.0.0.1"),
        ("permission_denied", "reader", "/api/v1/delegations/", "127.0.0.1"),
    ]
    assert events[0]["reason"] == "Invalid token."
    assert guessed not in json.dumps(events)
    assert token not in json.dumps(events)
