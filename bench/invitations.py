"""Benchmark: invitations end to end against plain smtplib, in the same run.

    .venv/bin/python bench/invitations.py [--sizes 200 5000]

End to end: `invite_delegations` (service -> outbox rows -> Redis) and a Celery worker with two
processes delivering to an SMTP server on loopback (aiosmtpd, in this process); the clock stops
when the server has received every message. Baseline: the same messages (same subject, bodies
and size) sent by plain `smtplib` over one connection to the same server. Prints messages per
second for both and their ratio; the target is a ratio of at least 0.5, and 5,000 invitations
delivered within 60 s on a 2-core machine.

It uses its own PostgreSQL database (created and dropped) and Redis database 14 (flushed).
"""

import argparse
import multiprocessing
import os
import smtplib
import subprocess
import sys
import time
from email.message import EmailMessage
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DATABASE = "bench_invitations"
REDIS_URL = "redis://127.0.0.1:6379/14"


class CountingHandler:
    """Counts the messages received, in a counter shared with the benchmark's process."""

    def __init__(self, counter):
        self.counter = counter

    async def handle_DATA(self, server, session, envelope):
        with self.counter.get_lock():
            self.counter.value += 1
        return "250 OK"


def serve_smtp(port, counter, stop):
    # The SMTP server runs in a process of its own, so that it competes with neither side.
    from aiosmtpd.controller import Controller

    controller = Controller(CountingHandler(counter), hostname="127.0.0.1", port=port)
    controller.start()
    stop.wait()
    controller.stop()


def wait_for(counter, target, *, timeout):
    deadline = time.monotonic() + timeout
    while counter.value < target and time.monotonic() < deadline:
        time.sleep(0.02)
    return counter.value >= target


def baseline(messages, port):
    started = time.perf_counter()
    with smtplib.SMTP("127.0.0.1", port) as client:
        for message in messages:
            client.send_message(message)
    return time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 5000])
    args = parser.parse_args()

    from tests.smtp import free_port

    counter, stop = multiprocessing.Value("i", 0), multiprocessing.Event()
    port = free_port()
    smtp = multiprocessing.Process(target=serve_smtp, args=(port, counter, stop))
    smtp.start()
    time.sleep(1)

    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{DATABASE}",
        "REDIS_URL": REDIS_URL,
        "EMAIL_URL": f"smtp://127.0.0.1:{port}",
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "LOG_LEVEL": "WARNING",
    }
    os.environ.update(env)
    subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", DATABASE])
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", DATABASE], check=True)
    import django

    django.setup()
    import redis
    from django.core.management import call_command

    redis.Redis.from_url(REDIS_URL).flushdb()
    call_command("migrate", verbosity=0)

    worker = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/celery"),
            "-A",
            "config",
            "worker",
            "--concurrency",
            "2",
            "--loglevel",
            "WARNING",
            "--without-gossip",
            "--without-mingle",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        time.sleep(4)  # the worker connects to Redis
        print(
            f"{'size':>6} {'end-to-end msg/s':>17} {'baseline msg/s':>15} {'ratio':>6} "
            f"{'e2e seconds':>12} {'queued in s':>12}"
        )
        for size in args.sizes:
            run(size, counter, port)
    finally:
        worker.terminate()
        worker.wait(timeout=30)
        stop.set()
        smtp.join(timeout=10)
        from django.db import connections

        connections.close_all()
        subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", DATABASE])


def run(size, counter, port):
    from delegations.models import Delegation, OutboundMessage
    from delegations.services import invite_delegations
    from tests.factories import ConferenceFactory

    conference = ConferenceFactory(slug=f"bench{size}")
    Delegation.objects.bulk_create(
        Delegation(
            conference=conference,
            kind="ngo",
            name=f"Organisation {n}",
            acronym=f"ORG{n}",
            language=("en", "fr", "vi")[n % 3],
            focal_point_name=f"Focal Point {n}",
            focal_point_email=f"focal{n}@org.example.org",
        )
        for n in range(size)
    )
    # Move the reply deadline into the future so the links are live.
    from datetime import timedelta

    from django.utils import timezone

    conference.reply_deadline = timezone.now() + timedelta(days=30)
    conference.registration_deadline = timezone.now() + timedelta(days=40)
    conference.save()

    counter.value = 0
    started = time.perf_counter()
    invite_delegations(conference)
    queued = time.perf_counter() - started
    delivered = wait_for(counter, size, timeout=600)
    end_to_end = time.perf_counter() - started
    if not delivered:
        print(f"{size:>6} only {counter.value} of {size} delivered within 600 s")
        return

    messages = []
    for row in OutboundMessage.objects.filter(conference=conference).order_by("pk"):
        message = EmailMessage()
        message["Subject"], message["From"], message["To"] = row.subject, row.from_email, row.to
        message.set_content(row.body_text)
        message.add_alternative(row.body_html, subtype="html")
        messages.append(message)
    counter.value = 0
    plain = baseline(messages, port)
    assert counter.value == size

    ratio = (size / end_to_end) / (size / plain)
    print(
        f"{size:>6} {size / end_to_end:>17.0f} {size / plain:>15.0f} {ratio:>6.2f} "
        f"{end_to_end:>12.1f} {queued:>12.1f}"
    )


if __name__ == "__main__":
    main()
