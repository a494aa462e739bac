"""Scale-out test: two web servers and two workers on one database and one Redis, under load.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mine REDIS_URL=redis://127.0.0.1:6379/11 \
        .venv/bin/python bench/scale_out.py [--users 300 --seconds 60 --think 20]

On this machine: two gunicorn instances (config/gunicorn.py, production settings, DEBUG=false)
and two `celery worker` processes, against a PostgreSQL database of the run's own (created next
to DATABASE_URL's, migrated, dropped at the end) and the Redis database of REDIS_URL (emptied at
the start and the end: give it one of your own). Simulated focal points (bench/scale_load.py)
sign in, then register delegates with a photo and choose roundtables over HTTP, round-robin over
the two web servers, for `--seconds`. Each pauses `--think` seconds on average before an action:
at 20 s, a focal point registers a delegate a minute, faster than anyone types in a passport;
lower it to find where the machine saturates. Meanwhile invitations go out to other delegations
in waves, delivered by the workers to an SMTP server on loopback, and one worker is killed
(SIGKILL) half way, in the middle of a chunk. The beat sweep then runs as it would once
SENDING_TIMEOUT has passed.

Checks, printed: nothing lost (every outbox row sent, every message received), nothing doubled
(no Message-ID received twice, except at most one extra copy per message a killed worker was
sending), no overbooking (confirmed places within each roundtable's capacity), and every
registration answered 302 is in the database. Exits 1 if one fails. Latency: p50/p95/p99 of the
portal writes against the target p95 < 800 ms, and the same client against /healthz (the
baseline) in the same run, for the ratio.
"""

import argparse
import json
import multiprocessing
import os
import signal
import sys
import tempfile
import threading
import time
import uuid
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import scale_report  # noqa: E402
from bench.production import production_environment  # noqa: E402
from bench.scale_load import client_main  # noqa: E402
from bench.scale_processes import (  # noqa: E402
    create_database,
    drop_database,
    serve_smtp,
    start_servers,
    wait_ready,
)

RUN = uuid.uuid4().hex[:6]
BIN = ROOT / ".venv" / "bin"
PASSWORD = "Scale-Out-Focal-2025!"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=300, help="simulated focal points")
    parser.add_argument("--seconds", type=float, default=60, help="length of the load")
    parser.add_argument("--think", type=float, default=20, help="mean pause between actions (s)")
    parser.add_argument("--ramp", type=float, default=30, help="sign-ins spread over (s)")
    parser.add_argument("--baseline-seconds", type=float, default=15)
    parser.add_argument("--invitations", type=int, default=2000, help="sent during the load")
    parser.add_argument("--roundtables", type=int, default=10)
    parser.add_argument("--capacity", type=int, default=20, help="places per roundtable")
    parser.add_argument("--web-workers", type=int, help="gunicorn workers per instance")
    parser.add_argument("--worker-concurrency", type=int, default=2)
    parser.add_argument("--logs", type=Path, help="keep the servers' logs in this folder")
    parser.add_argument("--seed", type=int, default=2025)
    args = parser.parse_args()
    database_url, redis_url = os.environ.get("DATABASE_URL", ""), os.environ.get("REDIS_URL", "")
    if not database_url.startswith(("postgres://", "postgresql://")) or not redis_url:
        parser.error("set DATABASE_URL (PostgreSQL) and REDIS_URL to a database of your own")
    return args, database_url, redis_url


def invite_in_waves(conference, delegation_ids, *, seconds, stop):
    """Invitations to the other delegations, in waves over the first 80 % of the load."""
    from django.db import connection

    from delegations.models import Delegation
    from delegations.services import invite_delegations

    waves = max(1, min(10, len(delegation_ids) // 50))
    size = -(-len(delegation_ids) // waves)
    for start in range(0, len(delegation_ids), size):
        wave = Delegation.objects.filter(pk__in=delegation_ids[start : start + size])
        invite_delegations(conference, delegations=wave)
        if stop.wait(0.8 * seconds / waves):
            break
    connection.close()


def kill_while_sending(worker, *, patience=20):
    """SIGKILL the worker (its whole process group) in the middle of delivering a chunk of
    invitations (a task of several rows): its rows claimed (`sending`), the first ones sent.
    After `patience` seconds, whatever it delivers will do. Returns the rows it was delivering
    and the outbox's states at that moment."""
    from config.celery import app
    from delegations.models import OutboundMessage

    deadline = time.monotonic() + patience
    while True:
        replies = app.control.inspect([worker.node], timeout=0.5).active() or {}
        tasks = [t["kwargs"].get("message_ids", []) for ts in replies.values() for t in ts]
        ids = [pk for task in tasks for pk in task]
        late = time.monotonic() - deadline
        if any(len(task) > 1 for task in tasks) or (ids and late > 0) or late > 30:
            break
    # The task has started; wait (briefly) for it to claim its rows and send the first ones.
    claimed = OutboundMessage.objects.filter(pk__in=ids, state="sending")
    for _ in range(200):
        if claimed.exists() and OutboundMessage.objects.filter(pk__in=ids, state="sent").exists():
            break
        time.sleep(0.01)
    worker.signal(signal.SIGKILL)
    return {"states": scale_report.outbox_states(), "rows": len(ids)}


def drain(redis_client, *, quiet=4.0, timeout=300):
    """Wait until the queue is empty and no message has been sent for `quiet` seconds."""
    from delegations.models import OutboundMessage

    last, since, deadline = None, time.monotonic(), time.monotonic() + timeout
    while time.monotonic() < deadline:
        now = (redis_client.llen("celery"), OutboundMessage.objects.filter(state="sent").count())
        if now != last:
            last, since = now, time.monotonic()
        elif now[0] == 0 and time.monotonic() - since >= quiet:
            return
        time.sleep(0.5)


def sweep_as_after_the_timeout():
    """The beat sweep as it runs once SENDING_TIMEOUT (5 minutes) has passed: the rows the killed
    worker had claimed (`sending`) or held in its prefetch (`queued`) are handed out again. Both
    waits are shortened here, which is safe only because the live worker is idle by now."""
    from delegations.services import outbox

    outbox.SENDING_TIMEOUT = timedelta(0)
    outbox.DISPATCH_GRACE = timedelta(0)
    return outbox.sweep_outbox()


def wait_all_sent(*, timeout=180):
    from delegations.models import OutboundMessage

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not OutboundMessage.objects.exclude(state__in=["sent", "failed"]).exists():
            return
        time.sleep(0.5)


def run_load(args, env, ports, workers, prepared, logs):
    """The client process, and meanwhile the invitations and the kill. Returns what happened."""
    context = multiprocessing.get_context("spawn")
    load_started, result_path = context.Event(), logs / "client.json"
    config = {
        "emails": prepared.emails,
        "password": PASSWORD,
        "seed": args.seed,
        "targets": [f"http://127.0.0.1:{port}" for port in ports],
        "think": args.think,
        "ramp": args.ramp,
        "baseline_seconds": args.baseline_seconds,
        "seconds": args.seconds,
    }
    client = context.Process(target=client_main, args=(config, load_started, result_path))
    client.start()
    while not load_started.wait(1):
        if not client.is_alive():
            raise SystemExit("the client process ended before the load")
    stop = threading.Event()
    inviter = threading.Thread(
        target=invite_in_waves,
        args=(prepared.conference, prepared.invitees),
        kwargs={"seconds": args.seconds, "stop": stop},
    )
    inviter.start()
    time.sleep(args.seconds / 2)
    killed = kill_while_sending(workers[0])
    client.join()
    stop.set()
    inviter.join()
    with open(result_path) as file:
        return json.load(file), killed


def main():
    args, database_url, redis_url = parse_args()
    parts = urlsplit(database_url)
    name = f"{parts.path.lstrip('/')}_scale_{RUN}"
    run_url = parts._replace(path=f"/{name}").geturl()
    create_database(database_url, name)
    from tests.smtp import free_port

    with tempfile.TemporaryDirectory(prefix="scale_out_") as tmp:
        tmp = Path(tmp)
        logs = args.logs or tmp
        logs.mkdir(parents=True, exist_ok=True)
        smtp_port, web_ports = free_port(), [free_port(), free_port()]
        received_path = tmp / "received.txt"
        env = production_environment(
            run_url, redis_url, smtp_port=smtp_port, media=tmp / "media", static=tmp / "static"
        )
        os.environ.update(env)
        counter, stop = multiprocessing.Value("i", 0), multiprocessing.Event()
        smtp = multiprocessing.Process(
            target=serve_smtp, args=(smtp_port, received_path, counter, stop)
        )
        smtp.start()
        servers = []
        try:
            exit_code = run(args, env, web_ports, received_path, logs, servers)
        finally:
            for group in servers:
                group.stop()
            stop.set()
            smtp.join(timeout=10)
            clean_up(database_url, name)
    sys.exit(exit_code)


def run(args, env, web_ports, received_path, logs, servers):
    import django

    django.setup()
    import redis
    from django.core.management import call_command

    from bench.scale_fixtures import prepare

    print(f"run {RUN}: preparing the database, static files and fixtures ...", flush=True)
    call_command("migrate", verbosity=0)
    call_command("collectstatic", "--noinput", verbosity=0)
    redis_client = redis.Redis.from_url(env["REDIS_URL"])
    redis_client.flushdb()
    prepared = prepare(args, password=PASSWORD, run=RUN)
    webs, workers = start_servers(env, web_ports, args, logs)
    servers.extend(webs + workers)
    wait_ready(web_ports, workers=len(workers))
    print(f"{args.users} focal points signing in over ~{args.ramp:.0f} s ...", flush=True)
    client, killed = run_load(args, env, web_ports, workers, prepared, logs)
    drain(redis_client)
    swept = sweep_as_after_the_timeout()
    wait_all_sent()
    return scale_report.report(
        args,
        client=client,
        killed=killed,
        swept=swept,
        received_path=received_path,
        prepared=prepared,
        worker_concurrency=args.worker_concurrency,
    )


def clean_up(database_url, name):
    from django.db import connections

    connections.close_all()
    drop_database(database_url, name)
    import redis

    redis.Redis.from_url(os.environ["REDIS_URL"]).flushdb()


if __name__ == "__main__":
    main()
