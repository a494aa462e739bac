"""The figures and checks of bench/scale_out.py, printed; `report` returns the exit code."""

import math
import os
import statistics
from collections import Counter

WRITES = ("register delegate", "choose roundtable")
TARGET_P95_MS = 800


def outbox_states():
    from django.db.models import Count

    from delegations.models import OutboundMessage

    return dict(OutboundMessage.objects.values_list("state").annotate(n=Count("pk")))


def percentiles(seconds):
    """p50, p95, p99 in milliseconds."""
    if len(seconds) < 2:
        return (seconds[0] * 1000,) * 3 if seconds else (math.nan,) * 3
    cuts = statistics.quantiles(seconds, n=100)
    return cuts[49] * 1000, cuts[94] * 1000, cuts[98] * 1000


def _latency_table(rows, load_seconds):
    lines = [
        ("sign in (POST)", "sign-in", ("sign in",)),
        ("baseline: GET /healthz", "baseline", ("healthz",)),
        ("register delegate (POST + photo)", "load", ("register delegate",)),
        ("choose roundtable (POST)", "load", ("choose roundtable",)),
        ("portal writes, both", "load", WRITES),
        ("programme page (GET)", "load", ("programme page",)),
    ]
    print(
        f"\n{'requests':<34}{'count':>7}{'4xx':>6}{'5xx/err':>8}{'p50 ms':>9}"
        f"{'p95 ms':>9}{'p99 ms':>9}"
    )
    figures = {}
    for label, phase, kinds in lines:
        chosen = [r for r in rows if r[0] == phase and r[1] in kinds]
        outcomes = [r[3] for r in chosen]
        refused = sum(1 for o in outcomes if isinstance(o, int) and 400 <= o < 500)
        failed = sum(1 for o in outcomes if not isinstance(o, int) or o >= 500)
        p50, p95, p99 = figures[label] = percentiles([r[2] for r in chosen])
        print(
            f"{label:<34}{len(chosen):>7}{refused:>6}{failed:>8}{p50:>9.0f}{p95:>9.0f}{p99:>9.0f}"
        )
    writes = sum(1 for r in rows if r[0] == "load" and r[1] in WRITES)
    print(f"portal writes per second during the load: {writes / load_seconds:.1f}")
    write_p95 = figures["portal writes, both"][1]
    baseline_p95 = figures["baseline: GET /healthz"][1]
    print(f"p95 of portal writes / p95 of /healthz: {write_p95 / baseline_p95:.1f}")
    met = "met" if write_p95 < TARGET_P95_MS else "MISSED"
    print(f"target p95 of portal writes < {TARGET_P95_MS} ms: {met} ({write_p95:.0f} ms)")
    errors = Counter((r[1], r[3]) for r in rows if not isinstance(r[3], int) or r[3] >= 500)
    for (kind, outcome), count in sorted(errors.items(), key=str):
        print(f"  error: {kind}: {outcome} x {count}")


def _mail_checks(received_path, killed, swept, worker_concurrency):
    from delegations.models import OutboundMessage

    rows = list(OutboundMessage.objects.only("pk", "state", "attempts"))
    states = Counter(row.state for row in rows)
    with open(received_path) as file:
        received = Counter(line.strip() for line in file if line.strip())
    attempts = {row.message_id: row.attempts for row in rows}
    missing = set(attempts) - set(received)
    unknown = set(received) - set(attempts)
    doubled = {mid: n for mid, n in received.items() if n > 1}
    explained = {mid: n for mid, n in doubled.items() if n == 2 and attempts.get(mid, 0) >= 2}
    print(f"\noutbox rows: {len(rows)} {dict(states)}")
    print(
        f"SIGKILL of worker 1 while it delivered {killed['rows']} rows;"
        f" outbox states then: {killed['states']}"
    )
    print(f"rows the sweep handed out again after the kill: {swept}")
    print(f"messages received: {sum(received.values())}, distinct Message-IDs: {len(received)}")
    print(
        f"extra copies (same Message-ID, row claimed again after the kill): {len(explained)}"
        f" (allowed: at most one each, at most {worker_concurrency} in all)"
    )
    for mid in sorted(doubled):
        print(f"  {mid} received {doubled[mid]} times, {attempts.get(mid)} delivery attempts")
    failures = []
    if set(states) != {"sent"}:
        failures.append(f"rows not sent: {len(rows) - states['sent']}")
    if missing or unknown:
        failures.append(f"Message-IDs missing: {len(missing)}, unknown: {len(unknown)}")
    if doubled != explained or len(explained) > worker_concurrency:
        failures.append(f"doubled beyond what the kill allows: {len(doubled)}")
    return failures


def _place_checks(prepared):
    from django.db.models import Count, Q

    from sessions.models import Session

    print(f"\n{'roundtable':<16}{'capacity':>9}{'confirmed':>10}{'waitlisted':>11}")
    sessions = Session.objects.filter(pk__in=[s.pk for s in prepared.roundtables]).annotate(
        confirmed=Count("places", filter=Q(places__state="confirmed")),
        waitlisted=Count("places", filter=Q(places__state="waitlisted")),
    )
    over = []
    for session in sessions.order_by("starts_at"):
        print(
            f"{session.title:<16}{session.capacity:>9}{session.confirmed:>10}"
            f"{session.waitlisted:>11}"
        )
        if session.confirmed > session.capacity:
            over.append(session.title)
    return [f"overbooked: {', '.join(over)}"] if over else []


def _registration_checks(client):
    from delegations.models import Delegate

    saved = Delegate.objects.count()
    print(
        f"\ndelegates registered (answered 302): {client['registered']}, in the database: {saved}"
    )
    return [] if saved >= client["registered"] else [f"registrations lost: {saved} < 302s"]


def report(args, *, client, killed, swept, received_path, prepared, worker_concurrency):
    # The machine may be shared: its load says how far the figures are the system's own.
    print(f"\nload average of the machine at the end of the load: {client['load_average']}")
    print(
        f"\nscale-out on {os.cpu_count()} CPUs: 2 gunicorn x "
        f"{args.web_workers or 'config default'} workers, 2 celery workers x "
        f"{worker_concurrency}; {args.users} focal points ({client['signed_in']} signed in, "
        f"in {client['sign_in_seconds']:.0f} s), think {args.think} s, load "
        f"{client['load_seconds']:.0f} s; {len(prepared.invitees)} invitations sent meanwhile"
    )
    _latency_table(client["rows"], client["load_seconds"])
    failures = _mail_checks(received_path, killed, swept, worker_concurrency)
    failures += _place_checks(prepared)
    failures += _registration_checks(client)
    print()
    for failure in failures:
        print(f"CHECK FAILED: {failure}")
    if not failures:
        print("checks: nothing lost, nothing doubled beyond the kill, no overbooking: all passed")
    return 1 if failures else 0
