"""Benchmark: the schedule feeds under gunicorn against the same bytes served from memory.

    .venv/bin/python bench/schedule_feed.py [--seconds 5]

Starts gunicorn (2 sync workers) on loopback with the Hanoi demo and a generated conference of
2,000 sessions, loads each feed for a fixed time with wrk (Debian's `wrk`), and in the same run a
baseline: a minimal WSGI app under the same gunicorn serving the same bytes from memory. Prints
requests per second, p50 and p99 for each, and the ratio feed/baseline (target: at least 0.5
with a warm cache). Also prints the cold render of the 2,000-session JSON (target: < 300 ms).

Uses its own PostgreSQL database (created and dropped) and Redis database 12 as the cache.
"""

import argparse
import os
import re
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DATABASE = "bench_schedule_feed"
PASSPORT_KEY = Fernet.generate_key().decode()
FINGERPRINT_KEY = secrets.token_hex(32)
REDIS_URL = "redis://127.0.0.1:6379/12"
FEEDS = ["schedule/", "schedule.json", "schedule.xml", "schedule.ics"]
BASELINE_APP = """
import os
BODY = open(os.environ["BENCH_BODY"], "rb").read()
def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "application/octet-stream"),
                              ("Content-Length", str(len(BODY)))])
    return [BODY]
"""


def environment():
    return {
        **os.environ,
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{DATABASE}",
        "REDIS_URL": REDIS_URL,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DEBUG": "false",
        "SECRET_KEY": "bench-" + "k" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "LOG_LEVEL": "WARNING",
        # Required with DEBUG off; the feeds never read a passport.
        "PASSPORT_KEYS": PASSPORT_KEY,
        "PASSPORT_FINGERPRINT_KEY": FINGERPRINT_KEY,
    }


def free_port():
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def gunicorn(app, port, env, cwd):
    process = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            app,
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=cwd,
        env=env,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1)
            break
        except urllib.error.HTTPError:
            break
        except OSError:
            time.sleep(0.1)
    return process


def wrk(url, seconds):
    output = subprocess.run(
        ["wrk", "-t2", "-c8", f"-d{seconds}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = dict(re.findall(r"\s(50|99)%\s+([\d.]+\w+)", output))
    return rps, latency.get("50"), latency.get("99")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=5)
    args = parser.parse_args()
    env = environment()
    os.environ.update(env)
    subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", DATABASE])
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", DATABASE], check=True)
    import django

    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    big = generate_conference(2000)
    cache.clear()
    print(f"cold render of the 2,000-session JSON: {cold_render_ms(big):.0f} ms median of 5")

    port, base_port = free_port(), free_port()
    server = gunicorn("config.wsgi", port, env, ROOT)
    workdir = tempfile.mkdtemp()
    Path(workdir, "baseline_app.py").write_text(BASELINE_APP)
    try:
        print(f"{'feed':<36} {'rps':>8} {'p50':>9} {'p99':>9} {'baseline rps':>13} {'ratio':>6}")
        for slug in ("hanoi2025", big.slug):
            for feed in FEEDS:
                url = f"http://127.0.0.1:{port}/api/v1/conferences/{slug}/{feed}"
                body = urllib.request.urlopen(url).read()  # warms the cache
                rps, p50, p99 = wrk(url, args.seconds)
                body_file = Path(workdir, "body")
                body_file.write_bytes(body)
                baseline = gunicorn(
                    "baseline_app",
                    base_port,
                    {**env, "BENCH_BODY": str(body_file), "PYTHONPATH": workdir},
                    workdir,
                )
                try:
                    base_rps, _, _ = wrk(f"http://127.0.0.1:{base_port}/", args.seconds)
                finally:
                    baseline.terminate()
                    baseline.wait(timeout=30)
                print(
                    f"{slug + '/' + feed:<36} {rps:>8.0f} {p50:>9} {p99:>9} {base_rps:>13.0f} "
                    f"{rps / base_rps:>6.2f}"
                )
    finally:
        server.terminate()
        server.wait(timeout=30)
        from django.db import connections

        connections.close_all()
        subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", DATABASE])


def generate_conference(size):
    import datetime as dt

    from sessions import services
    from sessions.models import Session
    from tests.factories import ConferenceFactory, RoomFactory

    conference = ConferenceFactory(slug="big2000")
    rooms = [RoomFactory(venue=conference.venue) for _ in range(20)]
    start = dt.datetime(2025, 10, 25, 8, 0, tzinfo=conference.tzinfo)
    sessions = []
    for n in range(size):
        begins = start + dt.timedelta(days=(n // 20) % 2, minutes=5 * (n // 40))
        sessions.append(
            Session(
                conference=conference,
                room=rooms[n % 20],
                slug=f"session-{n}",
                kind="side_event",
                title=f"Session {n}",
                description="A description. " * 5,
                state="published",
                starts_at=begins,
                ends_at=begins + dt.timedelta(minutes=5),
                translations={"fr": {"title": f"Séance {n}"}},
            )
        )
    Session.objects.bulk_create(sessions)
    services.release_schedule(conference)
    return conference


def cold_render_ms(conference):
    from django.core.cache import cache
    from django.test import Client

    from sessions.feeds import cache as feed_cache

    client = Client()
    times = []
    for _ in range(5):
        cache.clear()
        feed_cache.clear_local()
        started = time.perf_counter()
        response = client.get(
            f"/api/v1/conferences/{conference.slug}/schedule/", HTTP_HOST="127.0.0.1", secure=True
        )
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
    return statistics.median(times)


if __name__ == "__main__":
    main()
