"""Settings come from the environment; a bad value stops the start and names the variable."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SETTINGS_VARIABLES = [
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "SITE_URL",
    "REDIS_URL",
    "DATABASE_URL",
    "EMAIL_URL",
    "PASSPORT_KEYS",
    "PASSPORT_FINGERPRINT_KEY",
]


def _start(**variables):
    """Import the settings in a fresh interpreter, as a start would, with only these variables."""
    env = {k: v for k, v in os.environ.items() if k not in SETTINGS_VARIABLES}
    env.update(variables, DJANGO_SETTINGS_MODULE="config.settings")
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.DEBUG, s.DATABASES['default']['ENGINE'], s.CELERY_TASK_ALWAYS_EAGER, "
        "s.EMAIL_BACKEND, s.SITE_URL)"
    )
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )


def test_settings_with_nothing_configured_run_on_sqlite_with_eager_tasks():
    result = _start()

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "True",
        "django.db.backends.sqlite3",
        "True",
        "django.core.mail.backends.console.EmailBackend",
        "http://127.0.0.1:8000",
    ]


def test_settings_read_the_environment():
    result = _start(
        DEBUG="false",
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/conference",
        REDIS_URL="redis://127.0.0.1:6379/0",
        EMAIL_URL="smtp://127.0.0.1:2525",
        SITE_URL="https://conference.example.org/",
        SECRET_KEY="x" * 50,
        PASSPORT_KEYS="kR8a1XJ0yq5m0S8m3YfYl8Yk0bC4m1Zt2Yw3rV9hQ0E=",
        PASSPORT_FINGERPRINT_KEY="f" * 64,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "False",
        "django.db.backends.postgresql",
        "False",
        "django.core.mail.backends.smtp.EmailBackend",
        "https://conference.example.org",
    ]


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("DEBUG", "maybe"),
        ("DATABASE_URL", "oracle-ish://somewhere/db"),
        ("REDIS_URL", "http://127.0.0.1:6379"),
        ("EMAIL_URL", "pigeon://loft"),
        ("SITE_URL", "ftp://conference.example.org"),
        ("ALLOWED_HOSTS", " , "),
        ("PASSPORT_KEYS", "not-a-fernet-key"),
    ],
)
def test_settings_with_a_bad_value_stop_the_start_and_name_it(variable, value):
    result = _start(**{variable: value})

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert f"{variable} has an invalid value" in result.stderr
