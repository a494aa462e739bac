"""Production settings: `check --deploy` is clean, and organisers' sessions expire."""

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
import time_machine
from django.contrib.auth import get_user_model

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "k3y-" + "x9" * 30,
    "ALLOWED_HOSTS": "conference.example.org",
    "SITE_URL": "https://conference.example.org",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "PASSPORT_KEYS": "kR8a1XJ0yq5m0S8m3YfYl8Yk0bC4m1Zt2Yw3rV9hQ0E=",
    "PASSPORT_FINGERPRINT_KEY": "f" * 64,
}


def _environment(*leave_out):
    """This process's environment for a subprocess, without the test-only knobs (the browser
    tests allow Django's sync calls under Playwright's loop; a deployment must not)."""
    left_out = {"DJANGO_ALLOW_ASYNC_UNSAFE", *leave_out}
    return {k: v for k, v in os.environ.items() if k not in left_out}


def _manage(*args, **variables):
    env = {**_environment(), **variables}
    env.pop("DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )


def test_check_deploy_is_clean_with_production_settings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    variables = {**PRODUCTION}
    del variables["SECRET_KEY"]
    env = _environment("SECRET_KEY")
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env={**env, **variables},
        capture_output=True,
        text=True,
    )

    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is false." in result.stderr


@pytest.mark.parametrize("missing", ["PASSPORT_KEYS", "PASSPORT_FINGERPRINT_KEY"])
def test_production_refuses_to_start_without_the_passport_keys(missing):
    variables = {k: v for k, v in PRODUCTION.items() if k != missing}
    env = _environment(missing)
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env={**env, **variables},
        capture_output=True,
        text=True,
    )

    assert result.returncode != 0
    assert "PASSPORT_KEYS and PASSPORT_FINGERPRINT_KEY must be set" in result.stderr


@pytest.mark.django_db
def test_an_idle_organiser_is_signed_out_after_30_minutes(client):
    organiser = get_user_model().objects.create_user("protocol", password="x", is_staff=True)
    start = dt.datetime(2025, 10, 25, 8, 0, tzinfo=dt.UTC)
    with time_machine.travel(start, tick=False) as clock:
        client.force_login(organiser)
        assert client.get("/healthz").wsgi_request.user.is_authenticated
        clock.shift(dt.timedelta(minutes=29))
        assert client.get("/healthz").wsgi_request.user.is_authenticated
        clock.shift(dt.timedelta(minutes=31))

        response = client.get("/healthz")

    assert response.wsgi_request.user.is_authenticated is False
