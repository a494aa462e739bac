"""Benchmark: the console at the scale of a large UN conference, against baselines in the same run.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mine_large \
        .venv/bin/python bench/large_conference.py [--scale 0.2] [--runs 3]

Builds, once, an invented conference ("Large conference (invented data)", slug `large`) of
100,000 delegates over 2,000 delegations and 5,000 published sessions (times `--scale`), through
`bulk_create`, into the PostgreSQL database of DATABASE_URL (created if missing, migrated, and
reused by later runs at the same scale; another scale rebuilds it). One delegation always holds
500 delegates, the size of the issue's slow change page. Then measures, as medians over `--runs`:

- the export job (`jobs.run_job`, CSV and XLSX) of every delegate, against a baseline: the same
  rows fetched by one SQL query and written by `csv.writer`; and each one's peak Python memory
  (tracemalloc, in a run of its own so that tracing does not slow the timed runs);
- the delegate list (page 1 and the last page) and the 500-delegate delegation's change page,
  through the test client as a superuser, with their query counts;
- the dashboard's figures (`config.dashboard.dashboard`), and the plan of its heads count.

Prints a table for the README. The rows are invented and say so in their names.
"""

import argparse
import csv
import os
import statistics
import sys
import tempfile
import time
import tracemalloc
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SLUG = "large"
FULL = {"delegates": 100_000, "delegations": 2_000, "badges": 20_000, "sessions": 5_000}
BIG_DELEGATION = 500
BATCH = 5_000


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--build-only", action="store_true", help="build the data, measure nothing")
    args = parser.parse_args()
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith(("postgres://", "postgresql://")):
        parser.error("set DATABASE_URL to a PostgreSQL database of your own")
    create_database(database_url)

    with tempfile.TemporaryDirectory() as media:
        # No Redis: the job is run here, in this process, as a worker would run it.
        os.environ.update(
            DJANGO_SETTINGS_MODULE="config.settings",
            MEDIA_ROOT=media,
            LOG_LEVEL="WARNING",
            REDIS_URL="",
        )
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        sizes = {name: max(1, round(count * args.scale)) for name, count in FULL.items()}
        sizes["delegates"] = max(sizes["delegates"], BIG_DELEGATION + sizes["delegations"])
        conference = build(sizes)
        print(f"data: {sizes} (scale {args.scale})")
        if not args.build_only:
            measure(conference, args.runs)


def create_database(database_url):
    import psycopg

    url = urlparse(database_url)
    name = url.path.lstrip("/")
    admin = url._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def build(sizes):
    """The invented conference, built once per scale; bulk paths only (no history rows)."""
    from django.db import connection, transaction
    from django_countries import countries

    from conference.models import Conference
    from delegations.models import Badge, Delegate, Delegation
    from sessions.models import Session
    from tests.factories import ConferenceFactory, RoomFactory

    existing = Conference.objects.filter(slug=SLUG).first()
    if existing is not None:
        counts = {
            "delegates": Delegate.objects.filter(conference=existing).count(),
            "delegations": Delegation.objects.filter(conference=existing).count(),
            "badges": Badge.objects.filter(conference=existing).count(),
            "sessions": Session.objects.filter(conference=existing).count(),
        }
        if counts == sizes:
            return existing
        existing.delete()  # another scale: rebuild (sessions first, they protect the rooms)

    started = time.perf_counter()
    with transaction.atomic():
        conference = ConferenceFactory(slug=SLUG, name="Large conference (invented data)")
        codes = [code for code, _name in countries][: sizes["delegations"]]
        delegations = [
            Delegation(
                conference=conference,
                kind="member_state",
                country=code,
                focal_point_name="Invented focal point",
                focal_point_email=f"focal-{code.lower()}@example.org",
                status="accredited",
            )
            for code in codes
        ] + [
            Delegation(
                conference=conference,
                kind="intergovernmental_organisation",
                name=f"Invented organisation {n:05d}",
                focal_point_name="Invented focal point",
                focal_point_email=f"focal-{n}@example.org",
                status="registered",
            )
            for n in range(sizes["delegations"] - len(codes))
        ]
        delegations = Delegation.objects.bulk_create(delegations, batch_size=BATCH)
        _delegates(conference, delegations, sizes["delegates"])
        _badges(conference, sizes["badges"])
        _sessions(conference, sizes["sessions"], RoomFactory)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"built in {time.perf_counter() - started:.0f} s")
    return conference


def _delegates(conference, delegations, total):
    from delegations.models import Delegate

    # The first delegation holds 500; the others share the rest, each with a head.
    shares = [BIG_DELEGATION] + [0] * (len(delegations) - 1)
    rest = total - BIG_DELEGATION
    for index in range(rest):
        shares[1 + index % (len(delegations) - 1)] += 1
    batch = []
    for delegation, share in zip(delegations, shares, strict=True):
        for n in range(share):
            head = n == 0
            batch.append(
                Delegate(
                    conference=conference,
                    delegation=delegation,
                    family_name=f"INVENTED{n:04d}",
                    given_names="Alex",
                    function="Head of delegation" if head else "Delegate",
                    role="head" if head else "member",
                    protocol_rank="head_of_state" if head and n % 7 == 0 else "delegate",
                    badge_category="head_of_delegation" if head else "delegate",
                    accreditation_status="accredited" if n % 3 else "pending",
                    email=f"invented{delegation.pk}-{n}@example.org",
                    nationality=delegation.country,
                )
            )
            if len(batch) == BATCH:
                Delegate.objects.bulk_create(batch)
                batch = []
    Delegate.objects.bulk_create(batch)


def _badges(conference, total):
    """Active badges for the first `total` delegates, numbered as the service numbers them."""
    from delegations.models import Badge, Delegate

    delegates = Delegate.objects.filter(conference=conference).order_by("pk")[:total]
    batch = []
    for n, (pk, category) in enumerate(delegates.values_list("pk", "badge_category"), start=1):
        batch.append(
            Badge(
                conference=conference,
                delegate_id=pk,
                number=f"LRG-{n:06d}",
                category=category,
                colour="red",
                zones=["plenary"],
            )
        )
        if len(batch) == BATCH:
            Badge.objects.bulk_create(batch)
            batch = []
    Badge.objects.bulk_create(batch)


def _sessions(conference, total, room_factory):
    from sessions.models import Session

    # 50 rooms, hour after hour: published sessions never overlap in a room.
    rooms = [room_factory(venue=conference.venue) for _ in range(50)]
    opens = datetime(2025, 10, 25, 8, 0, tzinfo=conference.tzinfo)
    sessions = [
        Session(
            conference=conference,
            slug=f"invented-{n}",
            kind="roundtable",
            title=f"Invented session {n}",
            room=rooms[n % len(rooms)],
            starts_at=opens + timedelta(hours=n // len(rooms)),
            ends_at=opens + timedelta(hours=n // len(rooms), minutes=50),
            state="published",
        )
        for n in range(total)
    ]
    Session.objects.bulk_create(sessions, batch_size=BATCH)


def timed(function, runs):
    durations = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        durations.append(time.perf_counter() - started)
    return statistics.median(durations)


def peak_memory(function):
    tracemalloc.start()
    try:
        function()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def measure(conference, runs):
    from celery import current_app
    from django.contrib.auth.models import User
    from django.db import connection, reset_queries
    from django.test import Client

    from config.dashboard import dashboard
    from delegations.models import ConsoleJob, Delegate, Delegation, JobKind
    from delegations.services import jobs
    from tests.console import sign_in_to_console

    current_app.conf.task_always_eager = False  # the job is run below, not by request_job
    chief, _created = User.objects.get_or_create(
        username="bench-large", defaults={"is_staff": True, "is_superuser": True}
    )
    delegates = Delegate.objects.filter(conference=conference)
    count = delegates.count()
    rows = []

    def export(kind):
        def run():
            job = jobs.request_job(user=chief, kind=kind, variant="delegates", queryset=delegates)
            jobs.run_job(job)
            job.file.delete(save=False)
            job.delete()

        return run

    def baseline():
        with tempfile.TemporaryFile("w+", newline="") as out, connection.cursor() as cursor:
            writer = csv.writer(out)
            cursor.execute(
                "SELECT d.country, d.name, p.title, p.family_name, p.given_names, p.function,"
                " p.role, p.protocol_rank, p.email, p.nationality, p.date_of_birth,"
                " p.passport_last4, p.badge_category, p.badge_number, p.accreditation_status"
                " FROM delegations_delegate p JOIN delegations_delegation d"
                " ON d.id = p.delegation_id WHERE p.conference_id = %s"
                " ORDER BY d.id, p.family_name, p.given_names",
                [conference.pk],
            )
            while chunk := cursor.fetchmany(2000):
                writer.writerows(chunk)

    base = timed(baseline, runs)
    rows.append((f"baseline: SQL + csv.writer, {count} rows", base, peak_memory(baseline), ""))
    for kind, label in ((JobKind.EXPORT_CSV, "CSV"), (JobKind.EXPORT_XLSX, "XLSX")):
        seconds = timed(export(kind), runs)
        rows.append(
            (
                f"export job ({label}), {count} rows",
                seconds,
                peak_memory(export(kind)),
                f"x{seconds / base:.1f} baseline",
            )
        )
    ConsoleJob.objects.filter(requested_by=chief).delete()

    client = Client(HTTP_HOST="localhost")
    sign_in_to_console(client, chief)
    big = Delegation.objects.filter(conference=conference).order_by("pk").first()
    last_page = (count - 1) // 100
    pages = [
        ("delegate list, page 1", "/admin/delegations/delegate/"),
        (f"delegate list, page {last_page + 1}", f"/admin/delegations/delegate/?p={last_page}"),
        (
            f"delegation change page ({BIG_DELEGATION} delegates)",
            f"/admin/delegations/delegation/{big.pk}/change/",
        ),
        ("dashboard page", f"/admin/?conference={SLUG}"),
    ]
    for label, url in pages:
        client.get(url)  # warm
        reset_queries()
        seconds = timed(lambda url=url: client.get(url), runs)
        queries = len(connection.queries) // runs if connection.queries else "-"
        rows.append((label, seconds, None, f"{queries} queries"))
    rows.append(
        ("dashboard figures (function)", timed(lambda: dashboard(conference), runs), None, "")
    )

    print(f"\nmedian of {runs} runs; peak = tracemalloc peak of one run")
    print(f"| {'measure':<48} | {'median':>9} | {'peak MB':>8} | note")
    print(f"| {'-' * 48} | {'-' * 9} | {'-' * 8} | ----")
    for label, seconds, peak, note in rows:
        peak_text = f"{peak / 1e6:.1f}" if peak is not None else "-"
        print(f"| {label:<48} | {seconds * 1000:>6.0f} ms | {peak_text:>8} | {note}")
    with connection.cursor() as cursor:
        sql, params = (
            delegates.filter(
                protocol_rank__in=["head_of_state", "head_of_government"],
                delegation__status__in=["confirmed", "registered", "accredited"],
            )
            .order_by()
            .values("pk")
            .query.sql_with_params()
        )
        cursor.execute(f"EXPLAIN SELECT count(*) FROM ({sql}) AS heads", params)
        plan = [line for (line,) in cursor.fetchall()]
    print("\nplan of the dashboard's heads count:\n  " + "\n  ".join(plan))
    import resource

    print(f"\nprocess peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
