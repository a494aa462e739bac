"""One measured piece of work of bench/large_conference_http.py, in a fresh process, as a worker
runs it: an export job of every delegate, or badge printing. Prints one JSON line: the time, the
process's peak resident memory, and that peak before the work started (Django and its imports).

    .venv/bin/python bench/large_conference_child.py job export_csv <user id> <conference id> \
        [resource]
    .venv/bin/python bench/large_conference_child.py badges batches|one-pdf <count>
"""

import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SLUG = "large"


def main(what, *words):
    import django

    django.setup()
    from django.contrib.auth.models import User

    from delegations.admin.jobs import selected_rows
    from delegations.models import Badge, ConsoleJob
    from delegations.services import jobs

    before = _peak_rss_mb()
    started = time.perf_counter()
    result = {}
    if what == "job":
        kind, user_pk, conference_pk, *how = words
        if how == ["resource"]:
            jobs.STREAMED = {}  # every cell through the import-export resource, as before
        job = jobs.request_job(
            user=User.objects.get(pk=user_pk),
            kind=kind,
            variant="delegates",
            params={"delegation__conference__id__exact": [conference_pk]},
            ids=None,
        )
        jobs.run_job(job, select=selected_rows)
        job = ConsoleJob.objects.get(pk=job.pk)
        result = {"rows": job.total, "state": job.state}
        job.file.delete(save=False)
        job.delete()
    else:
        from delegations.documents.badge_batches import write_badges
        from delegations.documents.badges import badges_pdf

        how, count = words
        ids = list(
            Badge.objects.filter(conference__slug=SLUG)
            .order_by("number")
            .values_list("pk", flat=True)[: int(count)]
        )
        badges = Badge.objects.filter(pk__in=ids).order_by("conference", "number")
        with tempfile.TemporaryFile() as out:
            if how == "batches":
                write_badges(badges, out, layout="id1")
            else:
                out.write(badges_pdf(badges, layout="id1"))
            result = {"bytes": out.tell()}
    result["seconds"] = time.perf_counter() - started
    result["rss_mb"] = _peak_rss_mb()
    result["rss_before_mb"] = before
    print(json.dumps(result))


def _peak_rss_mb():
    """This process's peak resident memory (VmHWM). Not ru_maxrss, which a child inherits from
    the parent it was forked from."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


if __name__ == "__main__":
    main(*sys.argv[1:])
