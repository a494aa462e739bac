"""The jobs of bench/large_conference_http.py: export jobs and badge printing, each in a fresh
process as a worker runs it (large_conference_child.py), with its time and peak RSS.

The export jobs run --runs times, interleaved with their baseline (the same delegates read by one
SQL query and written by `csv.writer`), so that each run's ratio sees the same load; the figures
are medians. For XLSX a second baseline writes the same query's rows with openpyxl's write-only
workbook: the floor of the writer itself.
"""

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def measure_jobs(prepared, env, runs, *, before, report):
    """The export jobs of every delegate, each run in a fresh process as a worker runs it,
    interleaved with the baseline so that each run's ratio sees the same load: medians of `runs`
    of each. `before`: one run each of the jobs through the import-export resource, the path the
    streamed rows replaced (the slowest part of the run)."""
    import csv

    import openpyxl
    from django.db import connection

    conference = prepared["conference"]

    query = (
        "SELECT d.country, d.name, p.title, p.family_name, p.given_names, p.function,"
        " p.role, p.protocol_rank, p.email, p.nationality, p.date_of_birth,"
        " p.passport_last4, p.badge_category, p.badge_number, p.accreditation_status"
        " FROM delegations_delegate p JOIN delegations_delegation d"
        " ON d.id = p.delegation_id WHERE p.conference_id = %s"
        " ORDER BY d.id, p.family_name, p.given_names"
    )

    def baseline():
        with tempfile.TemporaryFile("w+", newline="") as out, connection.cursor() as cursor:
            writer = csv.writer(out)
            cursor.execute(query, [conference.pk])
            while chunk := cursor.fetchmany(2000):
                writer.writerows(chunk)

    def xlsx_baseline():
        book = openpyxl.Workbook(write_only=True)
        sheet = book.create_sheet()
        with tempfile.TemporaryFile() as out, connection.cursor() as cursor:
            cursor.execute(query, [conference.pk])
            while chunk := cursor.fetchmany(2000):
                for row in chunk:
                    sheet.append(row)
            book.save(out)

    words = [str(prepared["chief"].pk), str(conference.pk)]
    kinds = ("export_csv", "export_xlsx")
    bases, xlsx_bases, results = [], [], {kind: [] for kind in kinds}
    for _ in range(runs):
        bases.append(seconds_of(baseline))
        xlsx_bases.append(seconds_of(xlsx_baseline))
        for kind in kinds:
            results[kind].append(run_child(env, "job", kind, *words))
    base, xlsx_base = statistics.median(bases), statistics.median(xlsx_bases)
    rows = [
        ("baseline: one SQL query + csv.writer, all delegates", base, None, ""),
        (
            "the same query + openpyxl write-only (floor of the XLSX)",
            xlsx_base,
            None,
            f"x{xlsx_base / base:.1f} baseline",
        ),
    ]
    for kind in kinds:
        seconds = statistics.median(result["seconds"] for result in results[kind])
        ratios = sorted(r["seconds"] / b for r, b in zip(results[kind], bases, strict=True))
        rows.append(
            (
                f"export job ({kind[7:].upper()}), {results[kind][0]['rows']} rows, fresh process",
                seconds,
                statistics.median(result["rss_mb"] for result in results[kind]),
                f"x{seconds / base:.1f} baseline (runs x{ratios[0]:.1f} to x{ratios[-1]:.1f});"
                f" Python before the job {results[kind][0]['rss_before_mb']:.0f} MB",
            )
        )
    report(rows)
    if before:
        for kind in kinds:
            result = run_child(env, "job", kind, *words, "resource")
            report(
                [
                    (
                        f"export job ({kind[7:].upper()}) through the resource, as before",
                        result["seconds"],
                        result["rss_mb"],
                        f"x{result['seconds'] / base:.0f} baseline; one run",
                    )
                ]
            )


def measure_badges(env, *, report):
    rows = []
    for how in ("batches", "one-pdf"):
        for count in (1_000, 10_000):
            result = run_child(env, "badges", how, str(count))
            rows.append(
                (
                    f"badges, {count}, {'page by page' if how == 'batches' else 'one PDF'}",
                    result["seconds"],
                    result["rss_mb"],
                    f"{result['bytes'] / 1e6:.1f} MB file",
                )
            )
            report(rows[-1:])
    return rows


def run_child(env, *words):
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "large_conference_child.py"), *words],
        cwd=ROOT,
        env={**os.environ, **env, "REDIS_URL": ""},  # the job runs here, as a worker would
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        raise SystemExit(f"child {words} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def seconds_of(function):
    started = time.perf_counter()
    function()
    return time.perf_counter() - started
