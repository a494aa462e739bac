"""The processes of bench/scale_out.py: its own database, the SMTP server on loopback that counts
what the workers deliver, two gunicorns and two Celery workers with production settings
(bench/production.py), and the wait until all answer."""

import os
import signal
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"


def serve_smtp(port, path, counter, stop):
    """Records the Message-ID of every message received, one a line, in `path`."""
    from email.parser import BytesHeaderParser

    from aiosmtpd.controller import Controller

    class Handler:
        def __init__(self):
            self.file = open(path, "a")  # noqa: SIM115 (open for the life of the server)

        async def handle_DATA(self, server, session, envelope):
            headers = BytesHeaderParser().parsebytes(envelope.original_content)
            self.file.write(f"{headers['Message-ID']}\n")
            self.file.flush()
            with counter.get_lock():
                counter.value += 1
            return "250 OK"

    controller = Controller(Handler(), hostname="127.0.0.1", port=port)
    controller.start()
    stop.wait()
    controller.stop()


class Group:
    """A server started in a process group of its own, so that a kill takes its children too."""

    def __init__(self, name, command, *, env, logs, node=None):
        self.name, self.node = name, node  # node: a Celery worker's name
        self.log = (logs / f"{name}.log").open("ab")
        self.process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def signal(self, number):
        if self.process.poll() is None:
            os.killpg(self.process.pid, number)

    def stop(self):
        self.signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.signal(signal.SIGKILL)
            self.process.wait()
        self.log.close()


def create_database(server_url, name):
    import psycopg
    from psycopg import sql

    with psycopg.connect(server_url, autocommit=True) as connection:
        connection.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def drop_database(server_url, name):
    import psycopg
    from psycopg import sql

    with psycopg.connect(server_url, autocommit=True) as connection:
        # FORCE ends the connections to this database only: the run's own servers.
        connection.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


def start_servers(env, ports, args, logs):
    web_env = {**env, "HOST": "127.0.0.1"}
    if args.web_workers:
        web_env["WEB_CONCURRENCY"] = str(args.web_workers)
    gunicorn = [str(BIN / "gunicorn"), "config.wsgi", "--config", "config/gunicorn.py"]
    webs = [
        Group(
            f"web{n}",
            # No control socket: its default path is one per user, which the two would share.
            [*gunicorn, "--no-control-socket"],
            env={**web_env, "PORT": str(port)},
            logs=logs,
        )
        for n, port in enumerate(ports, start=1)
    ]
    celery = [str(BIN / "celery"), "-A", "config", "worker", "--loglevel", "WARNING"]
    celery += [
        "--concurrency",
        str(args.worker_concurrency),
        "--without-gossip",
        "--without-mingle",
    ]
    workers = [
        Group(
            f"worker{n}",
            [*celery, "-n", f"scale{n}@bench"],
            env=env,
            logs=logs,
            node=f"scale{n}@bench",
        )
        for n in (1, 2)
    ]
    return webs, workers


def wait_ready(ports, *, workers):
    import requests

    from config.celery import app

    deadline = time.monotonic() + 60
    pending = set(ports)
    while pending and time.monotonic() < deadline:
        for port in list(pending):
            try:
                if requests.get(f"http://127.0.0.1:{port}/healthz", timeout=5).ok:
                    pending.discard(port)
            except requests.RequestException:
                time.sleep(0.2)
    while len(app.control.ping(timeout=1)) < workers and time.monotonic() < deadline:
        time.sleep(0.5)
    if pending or time.monotonic() >= deadline:
        raise SystemExit("the web servers or the workers did not start within 60 s")
