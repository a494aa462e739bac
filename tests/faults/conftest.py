"""Real servers in processes of their own, which a fault test can cut, stop or kill.

The web server (gunicorn) and the Celery worker are started as in production, against the test
database, so that a connection cut or a SIGKILL hits what production would run. Each runs in a
process group of its own: a kill ends exactly that group, never anything else on the machine.
"""

import asyncio
import contextlib
import datetime as dt
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote

import pytest
import redis
import requests
from aiosmtpd.controller import Controller
from django.db import connection
from django.utils import timezone
from django.utils.crypto import get_random_string

from config.celery import app as celery_app
from tests.factories import ConferenceFactory
from tests.integration.conftest import use_broker
from tests.project.test_deployment import PRODUCTION
from tests.smtp import RecordingHandler, SMTPServer, free_port

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
IN_CI = os.environ.get("CI", "").lower() == "true"
# Variables of this machine that must not leak into the servers started here.
OWN_VARIABLES = ("DATABASE_URL", "REDIS_URL", "EMAIL_URL", "MEDIA_ROOT", *PRODUCTION)


def _missing(reason):
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: a missing service fails the run)", pytrace=False)
    pytest.skip(reason)


def database_url():
    """The URL of pytest-django's test database, for the processes started here."""
    settings = connection.settings_dict
    user = quote(settings["USER"] or "postgres")
    password = f":{quote(settings['PASSWORD'])}" if settings["PASSWORD"] else ""
    host, port = settings["HOST"] or "127.0.0.1", settings["PORT"] or 5432
    return f"postgres://{user}{password}@{host}:{port}/{settings['NAME']}"


def environment(**variables):
    env = {name: value for name, value in os.environ.items() if name not in OWN_VARIABLES}
    return {**env, "DATABASE_URL": database_url(), "LOG_LEVEL": "WARNING", **variables}


def open_conference():
    """A conference still open to answers and registration by the wall clock, since the servers
    started here live on the wall clock, not on the test's travelled one."""
    now = timezone.now()
    return ConferenceFactory(
        reply_deadline=now + dt.timedelta(days=20),
        registration_deadline=now + dt.timedelta(days=30),
    )


def wait_until(condition, *, seconds=15.0, step=0.05):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return False


class ProcessGroup:
    """A command started in a session of its own; `kill` sends SIGKILL to its whole group (a
    Celery worker's pool children die with it, as when the host loses the process)."""

    def __init__(self, command, *, env, log):
        self.log = log.open("ab")
        self.process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def kill(self):
        self._signal(signal.SIGKILL)
        self.process.wait(timeout=10)
        self.log.close()

    def stop(self):
        self._signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.kill()
        self.log.close()

    def _signal(self, number):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, number)


class RedisServer:
    """A redis-server of the test's own on a free port, without persistence: stopping it loses
    whatever it held, as a crashed broker does. `start` again serves the same URL."""

    def __init__(self, tmp_path):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.tmp_path = tmp_path
        self.process = None

    def start(self):
        command = [
            "redis-server",
            "--port",
            str(self.port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--daemonize",
            "no",
            "--dir",
            str(self.tmp_path),
        ]
        self.process = ProcessGroup(command, env=os.environ.copy(), log=self.tmp_path / "redis.log")
        client = redis.Redis(port=self.port, socket_connect_timeout=0.2)
        if not wait_until(lambda: _answers(client)):
            self.process.stop()
            pytest.fail(f"redis-server did not start: see {self.tmp_path / 'redis.log'}")

    def kill(self):
        self.process.kill()


def _answers(client):
    try:
        return client.ping()
    except redis.RedisError:
        return False


@pytest.fixture
def redis_server(tmp_path):
    if shutil.which("redis-server") is None:
        _missing("needs the redis-server program")
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.process.stop()


@pytest.fixture
def broker(redis_server):
    """The test's own Redis as the broker of this process, with tasks really queued."""
    celery_app.conf.task_always_eager = False
    previous = celery_app.conf.broker_url
    use_broker(redis_server.url)
    yield redis_server
    use_broker(previous)


@pytest.fixture
def start_worker(tmp_path):
    """Start `celery worker` processes (prefork, as in production) against the test database."""
    workers = []

    def start(*, broker_url, smtp_port, concurrency=1):
        command = [
            str(BIN / "celery"),
            "-A",
            "config",
            "worker",
            "--pool",
            "prefork",
            "--concurrency",
            str(concurrency),
            "--loglevel",
            "WARNING",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        ]
        env = environment(REDIS_URL=broker_url, EMAIL_URL=f"smtp://127.0.0.1:{smtp_port}")
        workers.append(ProcessGroup(command, env=env, log=tmp_path / "worker.log"))
        return workers[-1]

    yield start
    for worker in workers:
        worker.stop()


class PacedHandler(RecordingHandler):
    """Records each message as it arrives, then takes `pause` seconds to say 250 OK; the reply
    to the `hold_at`-th message waits `hold` seconds, so a test can act while a sender waits."""

    def __init__(self, *, pause, hold_at, hold):
        super().__init__()
        self.pause, self.hold_at, self.hold = pause, hold_at, hold
        self.holding = threading.Event()

    async def handle_DATA(self, server, session, envelope):
        reply = await super().handle_DATA(server, session, envelope)
        if len(self.messages) == self.hold_at and not self.holding.is_set():
            self.holding.set()
            await asyncio.sleep(self.hold)
        else:
            await asyncio.sleep(self.pause)
        return reply


@pytest.fixture
def paced_smtp_server():
    servers = []

    def start(*, pause=0.0, hold_at=None, hold=0.0):
        server = SMTPServer()
        server.handler = PacedHandler(pause=pause, hold_at=hold_at, hold=hold)
        server.controller = Controller(server.handler, hostname="127.0.0.1", port=server.port)
        servers.append(server.__enter__())
        return server

    yield start
    for server in servers:
        server.__exit__(None, None, None)


class Browser:
    """A focal point's browser. The production cookies are `Secure` and `__Host-`, which
    `requests` would not send over the plain HTTP of loopback: the browser keeps them itself."""

    CSRF_COOKIE = "__Host-csrftoken"

    def __init__(self, base_url):
        self.base_url = base_url
        self.http = requests.Session()
        # Django takes the cookie's secret itself as the form's token: no page to render first.
        self.cookies = {self.CSRF_COOKIE: get_random_string(32)}

    def get(self, path):
        return self._send("GET", path)

    def post(self, path, data, files=None):
        data = {**data, "csrfmiddlewaretoken": self.cookies[self.CSRF_COOKIE]}
        return self._send("POST", path, data=data, files=files)

    def sign_in(self, email, password):
        response = self.post("/portal/sign-in/", {"username": email, "password": password})
        assert response.status_code == 302, response.text[:500]
        return self

    def _send(self, method, path, **kwargs):
        cookie = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        response = self.http.request(
            method,
            self.base_url + path,
            headers={"Cookie": cookie},
            allow_redirects=False,
            timeout=30,
            **kwargs,
        )
        self.cookies.update(response.cookies.get_dict())
        return response


class WebServer:
    """gunicorn with config/gunicorn.py and the production settings (DEBUG=false)."""

    def __init__(self, tmp_path, *, workers, threads):
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.media_root = tmp_path / "media"
        # No broker: tasks run in the request, so that nothing but the database is in play.
        production = {name: value for name, value in PRODUCTION.items() if name != "REDIS_URL"}
        production |= {
            "ALLOWED_HOSTS": "127.0.0.1",
            "SITE_URL": self.base_url,
            "SECURE_SSL_REDIRECT": "false",
            "EMAIL_URL": "dummymail://",
            "MEDIA_ROOT": str(self.media_root),
            "HOST": "127.0.0.1",
            "PORT": str(self.port),
            "WEB_CONCURRENCY": str(workers),
            "WEB_THREADS": str(threads),
        }
        env = environment(**production)
        # No control socket: gunicorn's default path is one per user, shared with any other.
        command = [str(BIN / "gunicorn"), "config.wsgi", "--config", "config/gunicorn.py"]
        command.append("--no-control-socket")
        self.process = ProcessGroup(command, env=env, log=tmp_path / "gunicorn.log")
        if not wait_until(self._answers):
            self.process.stop()
            pytest.fail(f"gunicorn did not start: see {tmp_path / 'gunicorn.log'}")

    def browser(self):
        return Browser(self.base_url)

    def _answers(self):
        try:
            return requests.get(self.base_url + "/healthz", timeout=5).status_code == 200
        except requests.RequestException:
            return False


@pytest.fixture(scope="module")
def web_server(django_db_setup, tmp_path_factory):
    """Two gunicorn workers of eight threads: however the two share the connections, eight
    requests are in flight at once."""
    server = WebServer(tmp_path_factory.mktemp("web"), workers=2, threads=8)
    yield server
    server.process.stop()
