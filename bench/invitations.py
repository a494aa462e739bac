"""Benchmark: invitations end to end against plain smtplib, in the same run.

    .venv/bin/python bench/invitations.py [--sizes 200 5000] [--warm-up 100]

End to end: `invite_delegations` (service -> outbox rows -> Redis) and a Celery worker with two
processes delivering to an SMTP server on loopback (aiosmtpd, in a process of its own); the
clock stops when the server has received every message. Baseline: the same messages (same
subject, bodies and size) sent by plain `smtplib` over one connection to the same server. Prints
messages per second for both and their ratio; the target is a ratio of at least 0.5, and 5,000
invitations delivered within 60 s on a 2-core machine.

Both sides are measured warm, as users meet them: the worker answers a ping before any clock
starts, and a warm-up round (not printed) runs the whole path once first, so that neither side's
figure holds a fresh process's imports and first connections. `--warm-up 0` measures cold.

It uses the PostgreSQL database of DATABASE_URL (migrated; its own rows deleted at the end) and
the Redis database of REDIS_URL (the Celery queue purged first): give it a database and a Redis
database of your own, e.g.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mine REDIS_URL=redis://127.0.0.1:6379/11 \
        .venv/bin/python bench/invitations.py
"""

import argparse
import multiprocessing
import os
import smtplib
import subprocess
import sys
import time
import uuid
from email.message import EmailMessage
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Tags this run's rows, so that they can be told apart from others in the database and deleted.
RUN = uuid.uuid4().hex[:8]


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
        time.sleep(0.002)  # fine enough not to add to a run of a fraction of a second
    return counter.value >= target


def wait_for_worker(app, *, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if app.control.ping(timeout=0.5):
            return True
    return False


def baseline(messages, port):
    started = time.perf_counter()
    with smtplib.SMTP("127.0.0.1", port) as client:
        for message in messages:
            client.send_message(message)
    return time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 5000])
    parser.add_argument(
        "--warm-up", type=int, default=100, help="invitations sent first, not measured"
    )
    args = parser.parse_args()
    database_url, redis_url = os.environ.get("DATABASE_URL", ""), os.environ.get("REDIS_URL", "")
    if not database_url.startswith(("postgres://", "postgresql://")) or not redis_url:
        parser.error("set DATABASE_URL (PostgreSQL) and REDIS_URL to a database of your own")

    from tests.smtp import free_port

    counter, stop = multiprocessing.Value("i", 0), multiprocessing.Event()
    port = free_port()
    smtp = multiprocessing.Process(target=serve_smtp, args=(port, counter, stop))
    smtp.start()
    time.sleep(1)

    env = {
        **os.environ,
        "EMAIL_URL": f"smtp://127.0.0.1:{port}",
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "LOG_LEVEL": "WARNING",
    }
    os.environ.update(env)
    import django

    django.setup()
    from django.core.management import call_command

    from config.celery import app

    call_command("migrate", verbosity=0)
    app.control.purge()  # deliveries left over by an interrupted run

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
        if not wait_for_worker(app, timeout=60):
            sys.exit("the worker did not answer within 60 s")
        if args.warm_up:
            run(args.warm_up, counter, port, label="warmup", printed=False)
        print(
            f"{'size':>6} {'end-to-end msg/s':>17} {'baseline msg/s':>15} {'ratio':>6} "
            f"{'e2e seconds':>12} {'queued in s':>12}"
        )
        for n, size in enumerate(args.sizes):
            run(size, counter, port, label=f"n{n}")
    finally:
        worker.terminate()
        worker.wait(timeout=30)
        stop.set()
        smtp.join(timeout=10)
        clean_up()


def clean_up():
    from conference.models import Conference, Venue
    from delegations.models import Delegation, Invitation

    conferences = Conference.objects.filter(slug__endswith=f"x{RUN}")
    delegation_ids = list(
        Delegation.objects.filter(conference__in=conferences).values_list("pk", flat=True)
    )
    conferences.delete()
    Venue.objects.filter(name__endswith=f"-{RUN}").delete()
    # The audit trail of the bench's own rows, their deletion included.
    Invitation.history.filter(delegation_id__in=delegation_ids).delete()
    Delegation.history.filter(id__in=delegation_ids).delete()


def run(size, counter, port, *, label, printed=True):
    from delegations.models import Delegation, OutboundMessage
    from delegations.services import invite_delegations
    from tests.factories import ConferenceFactory

    conference = ConferenceFactory(
        slug=f"bench{size}{label}x{RUN}",
        name=f"Bench {size} {label} {RUN}",
        venue__name=f"Bench {size} {label}-{RUN}",
    )
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
    if not printed:
        return

    ratio = (size / end_to_end) / (size / plain)
    print(
        f"{size:>6} {size / end_to_end:>17.0f} {size / plain:>15.0f} {ratio:>6.2f} "
        f"{end_to_end:>12.1f} {queued:>12.2f}"
    )


if __name__ == "__main__":
    main()
