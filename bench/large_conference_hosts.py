"""Benchmark: one web host on the primary against two web hosts and a streaming replica.

    bench/replica_cluster.sh start   # primary on 5435, hot standby on 5436
    DATABASE_URL=postgres://postgres@127.0.0.1:5435/conf_large \\
    DATABASE_REPLICA_URL=postgres://postgres@127.0.0.1:5436/conf_large \\
    REDIS_URL=redis://127.0.0.1:6379/12 \\
        nice .venv/bin/python bench/large_conference_hosts.py --ports 8197 8198 8199 [--runs 5]

The large conference (`bench/large_conference.py --build-only` into DATABASE_URL, arrived on the
standby) measured in one run in two deployments, each in production's environment
(bench/production.py), gunicorn with 2 workers a host:

- "one host": one gunicorn on the first port, every read on the primary;
- "two hosts + replica": two gunicorns on the other ports, DATABASE_REPLICA_URL set, so the
  dashboard, the feeds' cold renders and the export jobs' rows are read from the standby.

For each: the pages and the feed of bench/large_conference_http.py one request at a time
(medians of --runs); then --clients readers at once for --seconds, round-robin over the hosts,
asking for the dashboard, the delegate list and the warm feed (requests per second, p50, p95);
then the export jobs, each in a fresh process as a worker runs it, against their baseline.
Both deployments run on this one machine: its cores and disk are shared by the hosts and both
PostgreSQL servers, so this measures what the deployment changes, not what more machines add.
"""

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.large_conference_http import (  # noqa: E402
    SLUG,
    get,
    measure_pages,
    prepare,
    report,
    start_gunicorn,
)
from bench.large_conference_jobs import measure_jobs  # noqa: E402
from bench.production import production_environment  # noqa: E402
from bench.scale_report import percentiles  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ports", type=int, nargs=3, default=[8197, 8198, 8199])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--clients", type=int, default=8, help="readers at once")
    parser.add_argument("--seconds", type=float, default=20, help="length of the concurrent load")
    parser.add_argument("--no-jobs", action="store_true", help="skip the export jobs")
    args = parser.parse_args()
    database_url = os.environ.get("DATABASE_URL", "")
    replica_url = os.environ.get("DATABASE_REPLICA_URL", "")
    redis_url = os.environ.get("REDIS_URL", "")
    if not (database_url.startswith("postgres") and replica_url and redis_url):
        parser.error("set DATABASE_URL, DATABASE_REPLICA_URL (replica_cluster.sh) and REDIS_URL")
    with tempfile.TemporaryDirectory() as media, tempfile.TemporaryDirectory() as static:
        common = {"media": media, "static": static, "web_concurrency": 2}
        single = production_environment(database_url, redis_url, **common)
        # The same keys for both: the console's session, signed in once, must hold on either.
        keys = ("SECRET_KEY", "PASSPORT_KEYS", "PASSPORT_FINGERPRINT_KEY")
        paired = production_environment(database_url, redis_url, replica_url=replica_url, **common)
        paired |= {key: single[key] for key in keys}
        os.environ.update(paired)  # this process: the replica's alias known, for its lag
        import django

        django.setup()
        from django.core.management import call_command

        call_command("collectstatic", "--noinput", verbosity=0)
        prepared = prepare()
        print(f"replica lag at the start: {replica_lag()}")
        deployments = [
            ("one host", single, args.ports[:1]),
            ("two hosts + replica", paired, args.ports[1:]),
        ]
        for name, env, ports in deployments:
            print(f"\n## {name}: gunicorn on {ports}, load average {os.getloadavg()[0]:.1f}")
            print(f"| {'measure':<58} | {'time':>10} | {'peak RSS':>9} | note", flush=True)
            servers = [start_gunicorn(env, port) for port in ports]
            try:
                report(measure_pages(ports[0], prepared, args.runs))
                report(measure_concurrent(ports, prepared, args.clients, args.seconds))
            finally:
                for server in servers:
                    server.terminate()
                    server.wait(timeout=30)
            if not args.no_jobs:
                measure_jobs(prepared, env, args.runs, before=False, report=report)
        print(f"\nreplica lag at the end: {replica_lag()}")


def measure_concurrent(ports, prepared, clients, seconds):
    """`clients` readers at once, each asking in turn for the dashboard, the delegate list and
    the warm feed, round-robin over the hosts, for `seconds`."""
    cookie = prepared["cookie"]
    paths = [
        ("dashboard", f"/admin/?conference={SLUG}", cookie),
        ("delegate list, page 1", "/admin/delegations/delegate/", cookie),
        ("iCalendar feed, warm", f"/api/v1/conferences/{SLUG}/schedule.ics?lang=fr", None),
    ]
    timings = {label: [] for label, _path, _cookie in paths}
    failures, lock, stop = [], threading.Lock(), threading.Event()

    def reader(number):
        turn = number
        while not stop.is_set():
            label, path, with_cookie = paths[turn % len(paths)]
            status, elapsed, _body = get(ports[turn % len(ports)], path, with_cookie)
            with lock:
                timings[label].append(elapsed)
                if status != 200:
                    failures.append(status)
            turn += 1

    threads = [threading.Thread(target=reader, args=(n,)) for n in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    time.sleep(seconds)
    stop.set()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    every = [t for values in timings.values() for t in values]
    rows = [
        (
            f"{clients} readers at once: all requests, p50",
            statistics.median(every),
            None,
            f"{len(every) / elapsed:.1f} requests/s; non-200: {len(failures)}",
        )
    ]
    for label, values in timings.items():
        p50, p95, _p99 = percentiles(values)
        rows.append((f"  {label}, p50 (p95 in note)", p50 / 1000, None, f"p95 {p95:.0f} ms"))
    return rows


def replica_lag():
    """How far the standby's replay is behind the primary's log, in bytes, and since when."""
    from django.db import connections

    with connections["default"].cursor() as cursor:
        cursor.execute(
            "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn), replay_lag"
            " FROM pg_stat_replication"
        )
        return cursor.fetchall() or "no standby streaming"


if __name__ == "__main__":
    main()
