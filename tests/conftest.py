"""Shared fixtures, and the rule for tests that need a real service.

A test marked `postgres` or `redis` runs against the real server. Without it (a laptop on SQLite)
the test is skipped with a message; under CI=true a missing service is a failure, never a skip.
"""

import os

import pytest
import redis
from django.conf import settings
from django.db import connection
from django.test import Client
from django.utils import translation

from config.celery import app as celery_app
from delegations.services import outbox
from tests.console import sign_in_to_console
from tests.smtp import SMTPServer

IN_CI = os.environ.get("CI", "").lower() == "true"

# A second alias on the test database, as DATABASE_REPLICA_URL gives in production: a "mirror"
# in Django's words, a second connection to the same database. Nothing reads from it until a
# test names it in settings.READ_REPLICA (tests/project/test_replica.py).
if "replica" not in settings.DATABASES:
    _default = settings.DATABASES["default"]
    settings.DATABASES["replica"] = {
        **_default,
        "TEST": {**_default.get("TEST", {}), "MIRROR": "default"},
    }
TEST_REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/15"


def _missing(reason):
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: a missing service fails the run)", pytrace=False)
    pytest.skip(reason)


def _redis_answers(url):
    try:
        return redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.RedisError:
        return False


def pytest_runtest_setup(item):
    if item.get_closest_marker("postgres") and connection.vendor != "postgresql":
        _missing("needs PostgreSQL: set DATABASE_URL=postgres://...")
    if item.get_closest_marker("redis") and not _redis_answers(TEST_REDIS_URL):
        _missing(f"needs Redis at {TEST_REDIS_URL}")


@pytest.fixture
def redis_url():
    return TEST_REDIS_URL


@pytest.fixture(autouse=True)
def eager_tasks():
    """Unit tests run tasks in the calling thread; integration tests start a real worker and
    turn this off."""
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = settings.CELERY_TASK_ALWAYS_EAGER
    outbox._broker_down_until = 0.0  # a test that stopped the broker must not slow the next


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on loopback, and Django's SMTP backend pointed at it."""
    with SMTPServer() as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = server.port
        yield server


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploads (photos, documents) go to a folder of the test's own, never the project's."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def default_language():
    """A request activates its language for the thread and leaves it there; each test starts
    from the default, as each request in production starts from its own."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def admin_client(admin_user):
    """pytest-django's `admin_client`, signed in with the second factor the console requires."""
    return sign_in_to_console(Client(), admin_user)
