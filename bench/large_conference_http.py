"""Benchmark: the large conference as the issue measured it, over HTTP, against baselines.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mine_large REDIS_URL=redis://127.0.0.1:6379/9 \\
        nice .venv/bin/python bench/large_conference_http.py [--port 8119] [--runs 5]

Uses the data that `bench/large_conference.py --build-only` built in DATABASE_URL (100,000
delegates, 2,000 delegations, 20,000 badges, 5,000 sessions at --scale 1, invented). Starts
gunicorn (config/gunicorn.py, 2 workers, DEBUG off, Redis cache and sessions) on --port and
measures, as medians over --runs, with /healthz on the same server as the baseline:

- the delegate list, page 1 and page 1,000 (its keyset link), and the SQL of both pages as
  Django's OFFSET paging ran it before and as the keyset query runs it;
- the change page of the 500-delegate delegation; the dashboard, right after its statistics are
  dropped (as after a bulk import, before ANALYZE) and after ANALYZE;
- a cold render of each feed (JSON, frab XML, frab JSON, iCalendar) of the 5,000 sessions (Redis
  emptied before each request, a language no worker rendered), then the iCalendar warm;
- export jobs (CSV, XLSX) of every delegate, medians of --runs interleaved with their baseline
  (one SQL query written by csv.writer), and with --jobs-before one run each of the import-export
  resource's path they replaced; badge printing (1,000 and 10,000, page by page and, for the
  record, as one PDF in memory); each job in a fresh process (large_conference_child.py): time
  and peak RSS;
- a password check (Argon2id as configured) against PBKDF2, in this process.
"""

import argparse
import http.client
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BIN = ROOT / ".venv" / "bin"

from bench.large_conference_jobs import measure_badges, measure_jobs  # noqa: E402
from bench.production import production_environment  # noqa: E402

SLUG = "large"
# The feeds measured cold, the iCalendar last (its warm figure follows it).
FEEDS = {"JSON": "", "frab XML": ".xml", "frab JSON": ".json", "iCalendar": ".ics"}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8119)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--only",
        nargs="+",
        choices=["pages", "sql", "passwords", "jobs", "badges"],
        default=["pages", "sql", "passwords", "jobs", "badges"],
    )
    parser.add_argument(
        "--jobs-before",
        action="store_true",
        help="also run each export job once through the import-export resource (minutes)",
    )
    args = parser.parse_args()
    database_url, redis_url = os.environ.get("DATABASE_URL", ""), os.environ.get("REDIS_URL", "")
    if not database_url.startswith("postgres") or not redis_url:
        parser.error("set DATABASE_URL (the built large conference) and REDIS_URL (your own db)")
    with tempfile.TemporaryDirectory() as media, tempfile.TemporaryDirectory() as static:
        env = production_environment(
            database_url, redis_url, media=media, static=static, web_concurrency=2
        )
        os.environ.update(env)
        import django

        django.setup()
        from django.core.management import call_command

        call_command("collectstatic", "--noinput", verbosity=0)  # the manifest DEBUG off needs
        prepared = prepare()
        print(f"\nmedians of {args.runs} runs (pages, SQL, passwords, jobs); one run each (badges)")
        print(f"| {'measure':<58} | {'time':>10} | {'peak RSS':>9} | note")
        print(f"| {'-' * 58} | {'-' * 10} | {'-' * 9} | ----", flush=True)
        if "pages" in args.only:
            server = start_gunicorn(env, args.port)
            try:
                report(measure_pages(args.port, prepared, args.runs))
            finally:
                server.terminate()
                server.wait(timeout=30)
        if "sql" in args.only:
            report(measure_sql_paging(args.runs))
        if "passwords" in args.only:
            report(measure_passwords(args.runs))
        if "jobs" in args.only:
            measure_jobs(prepared, env, args.runs, before=args.jobs_before, report=report)
        if "badges" in args.only:
            measure_badges(env, report=report)


def report(rows):
    for label, seconds, rss, note in rows:
        rss_text = f"{rss:.0f} MB" if rss is not None else "-"
        print(f"| {label:<58} | {seconds * 1000:>7.0f} ms | {rss_text:>9} | {note}", flush=True)


def prepare():
    """A superuser's console session, the keyset cursor of page 1,000, a release to feed."""
    from django.conf import settings
    from django.contrib.auth.models import User
    from django.core.cache import cache
    from django.test import Client

    from conference.models import Conference
    from delegations.admin.delegations import DelegateAdmin
    from delegations.enums import ProtocolRank
    from delegations.models import Delegate, Delegation
    from sessions.models import ScheduleRelease
    from sessions.services import release_schedule
    from tests.console import sign_in_to_console

    conference = Conference.objects.get(slug=SLUG)
    cache.clear()
    chief, _created = User.objects.get_or_create(
        username="bench-large", defaults={"is_staff": True, "is_superuser": True}
    )
    client = Client(HTTP_HOST="127.0.0.1")
    sign_in_to_console(client, chief)
    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
    per_page = DelegateAdmin.list_per_page
    ordered = Delegate.objects.alias(precedence=ProtocolRank.precedence_expression()).order_by(
        *DelegateAdmin.keyset_ordering
    )
    after = ordered.values_list("pk", flat=True)[999 * per_page - 1]
    big = Delegation.objects.filter(conference=conference).order_by("pk").first()
    if not ScheduleRelease.objects.filter(conference=conference).exists():
        release_schedule(conference)  # its warm-up task waits in Redis: no worker runs here
    return {
        "cookie": cookie,
        "after": after,
        "big": big.pk,
        "big_size": big.delegates.count(),
        "conference": conference,
        "chief": chief,
    }


def start_gunicorn(env, port):
    server = subprocess.Popen(
        [str(BIN / "gunicorn"), "config.wsgi", "--config", "config/gunicorn.py"],
        cwd=ROOT,
        env={**os.environ, **env, "PORT": str(port)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(120):
        try:
            if get(port, "/healthz")[0] == 200:
                return server
        except OSError:
            pass
        time.sleep(0.5)
    server.terminate()
    raise SystemExit("gunicorn did not answer /healthz")


def get(port, path, cookie=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    headers = {"Host": "127.0.0.1"}
    if cookie:
        headers["Cookie"] = cookie
    started = time.perf_counter()
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    elapsed = time.perf_counter() - started
    connection.close()
    return response.status, elapsed, body


def median_get(port, path, runs, cookie=None):
    get(port, path, cookie)  # each worker warms its own imports and connection
    get(port, path, cookie)
    statuses, times = set(), []
    for _ in range(runs):
        status, elapsed, _body = get(port, path, cookie)
        statuses.add(status)
        times.append(elapsed)
    return statistics.median(times), statuses


def measure_pages(port, prepared, runs):
    from django.db import connection

    cookie = prepared["cookie"]
    base, _ = median_get(port, "/healthz", runs)
    rows = [("baseline: /healthz on the same server", base, None, "")]
    pages = [
        ("delegate list, page 1", "/admin/delegations/delegate/"),
        (
            "delegate list, page 1,000 (keyset link)",
            f"/admin/delegations/delegate/?after={prepared['after']}",
        ),
        (
            f"delegation change page ({prepared['big_size']} delegates)",
            f"/admin/delegations/delegation/{prepared['big']}/change/",
        ),
    ]
    for label, path in pages:
        seconds, statuses = median_get(port, path, runs, cookie)
        rows.append((label, seconds, None, f"HTTP {sorted(statuses)}"))

    with connection.cursor() as cursor:
        cursor.execute(
            "DELETE FROM pg_statistic WHERE starelid IN "
            "('delegations_delegate'::regclass, 'delegations_delegation'::regclass)"
        )
    status, cold_stats, _body = get(port, f"/admin/?conference={SLUG}", cookie)
    rows.append(
        (
            "dashboard, statistics dropped (as after a bulk import)",
            cold_stats,
            None,
            f"HTTP {status}",
        )
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE delegations_delegate")
        cursor.execute("ANALYZE delegations_delegation")
    seconds, statuses = median_get(port, f"/admin/?conference={SLUG}", runs, cookie)
    rows.append(("dashboard, after ANALYZE", seconds, None, f"HTTP {sorted(statuses)}"))

    from django.core.cache import cache

    for label, suffix in FEEDS.items():
        cold, statuses = [], set()
        for language in ("fr", "es", "ru", "vi", "ar"):
            cache.clear()  # each worker's memory holds other languages only: a cold render
            path = f"/api/v1/conferences/{SLUG}/schedule{suffix or '/'}?lang={language}"
            status, elapsed, body = get(port, path, None)
            cold.append(elapsed)
            statuses.add(status)
        rows.append(
            (f"{label} feed, cold", statistics.median(cold), None, f"HTTP {sorted(statuses)}")
        )
    events = body.count(b"BEGIN:VEVENT")
    warm, _ = median_get(port, f"/api/v1/conferences/{SLUG}/schedule.ics?lang=ar", runs)
    ratio = f"{events} events; cold x{statistics.median(cold) / warm:.0f}"
    rows.append(("iCalendar feed, warm", warm, None, ratio))
    return rows


def measure_sql_paging(runs):
    """Page 1,000 as Django's OFFSET paging asked for it before (the delegation's ordering,
    then precedence), against the keyset query of the same page."""
    from django.db.models import F

    from conference.admin_paging import RowComparison
    from delegations.admin.delegations import DelegateAdmin
    from delegations.enums import ProtocolRank
    from delegations.models import Delegate

    names = list(DelegateAdmin.keyset_ordering)
    ranked = Delegate.objects.select_related("delegation").alias(
        precedence=ProtocolRank.precedence_expression()
    )
    before = ranked.order_by(
        "delegation", "family_name", "given_names", "precedence", "family_name", "-pk"
    )
    keyed = ranked.order_by(*names)
    cursor_key = (
        keyed.annotate(**{f"k{i}": F(n) for i, n in enumerate(names)})
        .values_list(*[f"k{i}" for i in range(len(names))])
        .order_by(*names)[99_899]
    )

    def run(queryset):
        return timed(lambda: list(queryset.all()), runs)  # .all(): a fresh query each time

    return [
        ("SQL page 1, OFFSET paging as before", run(before[:100]), None, ""),
        ("SQL page 1,000, OFFSET paging as before", run(before[99_900:100_000]), None, ""),
        ("SQL page 1, keyset", run(keyed[:100]), None, ""),
        (
            "SQL page 1,000, keyset",
            run(keyed.filter(RowComparison([F(n) for n in names], ">", cursor_key))[:100]),
            None,
            "",
        ),
    ]


def measure_passwords(runs):
    from django.contrib.auth.hashers import PBKDF2PasswordHasher, check_password, make_password

    password = "Bench-Large-Conference-2025!"
    configured = make_password(password)
    baseline = PBKDF2PasswordHasher().encode(password, PBKDF2PasswordHasher().salt())
    argon = timed(lambda: check_password(password, configured), runs)
    pbkdf2 = timed(lambda: check_password(password, baseline), runs)
    return [
        ("password check, PBKDF2 (baseline)", pbkdf2, None, ""),
        (
            f"password check, {configured.split('$')[0]} (configured)",
            argon,
            None,
            f"x{argon / pbkdf2:.2f} PBKDF2",
        ),
    ]


def timed(function, runs):
    durations = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        durations.append(time.perf_counter() - started)
    return statistics.median(durations)


if __name__ == "__main__":
    main()
