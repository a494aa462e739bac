"""Console jobs: exports and badge printing of any size, run by a task off the request.

`request_job` stores the selection as plain JSON (the list's query string, and the ticked ids or
none for "all that match": the filter, never 100,000 ids) and queues the task after commit;
`run_job` rebuilds the rows from it, does the work and streams its file to storage:
- CSV row by row with `csv.writer` over `.iterator()`, into a temporary file, so memory does not
  grow with the rows;
- XLSX with openpyxl's write-only workbook, which keeps only the current row in memory;
- badges a chunk at a time (delegations/documents/badge_batches.py): one PDF up to a chunk, a
  ZIP of one PDF per chunk beyond, so memory does not grow with the badges either.
The exports write the cells of the console's import-export resources, so passport numbers stay
masked and cells that start a formula stay text. The delegates' list, the one that reaches
100,000 rows, streams them from one `values_list` query (delegations/resources/streamed.py),
cell for cell the resource's; the smaller lists go through their resource.

Paid for by bench/large_conference.py (--scale 0.2, 20,000 delegates): the CSV job's peak Python
memory is 6.5 MB and the XLSX job's 6.4 MB, constant in the rows, where the in-request export
held the whole file (300 MB at 100,000 rows in the issue). At 100,000 delegates
(bench/large_conference_http.py, bench/README.md) the worker process peaks at 113 MB of RSS,
100 MB of it Django before the job starts; badges page by page peak at 149 MB for 1,000 and
153 MB for 10,000.
"""

import csv
import tempfile
from datetime import timedelta
from itertools import islice

import openpyxl
from celery import current_app
from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from conference.local_time import default_conference, time_label
from conference.replica import primary_position, replica_alias
from delegations.documents.badge_batches import write_badges
from delegations.documents.badges import LAYOUTS
from delegations.models import (
    Badge,
    BadgeState,
    ConsoleJob,
    Delegate,
    Delegation,
    JobKind,
    JobState,
    Travel,
)
from delegations.resources import (
    DelegateExportResource,
    DelegationExportResource,
    TravelExportResource,
)
from delegations.resources.streamed import delegate_rows
from delegations.services.badges import mark_printed
from delegations.services.outbox import build_message, queue_message

# What an export job may name as its `variant`: (model, resource).
EXPORTS = {
    "delegations": (Delegation, DelegationExportResource),
    "delegates": (Delegate, DelegateExportResource),
    "travel": (Travel, TravelExportResource),
}
# The exports whose rows come from one `values_list` query (delegations/resources/streamed.py):
# the lists that reach 100,000 rows. The others go through their import-export resource.
STREAMED = {"delegates": delegate_rows}
RUN_TASK = "delegations.run_console_job"
JOB_LIFETIME = timedelta(days=2)
CHUNK_SIZE = 2000
# An export writes its progress at most this many times (every 2 %), and not more often than
# every PROGRESS_MIN_STEP rows: often enough for the page, which refreshes every 3 s, and a
# number of queries that does not grow with the rows.
PROGRESS_STEPS = 50
PROGRESS_MIN_STEP = 100


def job_model(kind: str, variant: str):
    """The model whose rows a job of this kind and variant reads; ValueError for none."""
    if kind == JobKind.BADGES_PDF and variant in LAYOUTS:
        return Badge
    if kind in (JobKind.EXPORT_CSV, JobKind.EXPORT_XLSX) and variant in EXPORTS:
        return EXPORTS[variant][0]
    # A programming error (an admin wired to the wrong variant), not a user's mistake.
    raise ValueError(f"no {kind} job {variant!r}")


def request_job(
    *, user, kind: str, variant: str, params: dict, ids: list | None, source: str = ""
) -> ConsoleJob:
    """Record a job over a list's selection and queue its task after commit.

    `params` is the list's query string as {name: [values]}; `ids` the ticked rows, or None for
    all the rows that match the filter; `source` the list's model ("delegations.mediaapplication")
    when it is not the one the job reads (journalists' badges printed from their list)."""
    if source == job_model(kind, variant)._meta.label_lower:
        source = ""  # the list of the rows the job reads: nothing to say
    job = ConsoleJob.objects.create(
        kind=kind,
        variant=variant,
        selection=_selection(params, ids, source),
        requested_by=user,
        expires_at=timezone.now() + JOB_LIFETIME,
    )
    transaction.on_commit(lambda: current_app.tasks[RUN_TASK].delay(job_id=job.pk))
    return job


def _selection(params, ids, source=""):
    """The JSON a job keeps, checked for its shape: strings for the query, integers for ids."""
    if not isinstance(params, dict) or not all(
        isinstance(name, str)
        and isinstance(values, list)
        and all(isinstance(value, str) for value in values)
        for name, values in params.items()
    ):
        raise ValueError("params must map names to lists of strings")
    if ids is not None and not all(isinstance(pk, int) and not isinstance(pk, bool) for pk in ids):
        raise ValueError("ids must be a list of integers, or None for all that match")
    selection = {"params": params, "ids": None if ids is None else sorted(ids)}
    if position := primary_position():
        # Every change the organiser made before asking is before this point of the log.
        selection["primary_position"] = position
    if source:
        selection["list"] = str(source)
    return selection


def run_job(job: ConsoleJob, *, select) -> ConsoleJob:
    """Run a queued job: rebuild its rows with `select(job)` (a queryset of the job's model),
    write its file, then mark it done (or failed, with the reason: a filter that no longer
    applies, a permission lost since).

    Idempotent: a job that is no longer queued (a redelivered task) is left alone."""
    claimed = ConsoleJob.objects.filter(pk=job.pk, state=JobState.QUEUED).update(
        state=JobState.RUNNING
    )
    if not claimed:
        return job
    job.refresh_from_db()
    try:
        rows = select(job)
        if rows.model is not job_model(job.kind, job.variant):
            raise ValueError(f"{job} selects {rows.model.__name__} rows")
        if job.kind == JobKind.BADGES_PDF:
            _print_badges(job, rows)
        else:
            _export(job, rows)
    except Exception as error:
        ConsoleJob.objects.filter(pk=job.pk).update(
            state=JobState.FAILED, error=str(error)[:300], finished_at=timezone.now()
        )
        raise
    with transaction.atomic():
        job.state = JobState.DONE
        job.finished_at = timezone.now()
        job.save(update_fields=["file", "state", "progress", "total", "finished_at"])
        _tell_the_organiser(job)
    return job


def _tell_the_organiser(job):
    """An e-mail (through the outbox) with the link to the job's page, where the file waits."""
    user = job.requested_by
    if not user.email:
        return
    link = settings.SITE_URL + reverse("admin:delegations_consolejob_change", args=[job.pk])
    queue_message(
        build_message(
            key=f"console-job-{job.pk}-done",
            to=user.email,
            subject=_("Your file is ready: %(job)s") % {"job": job},
            text=_(
                "The work you started in the organiser console has finished. Download its "
                "file, kept for you alone until %(expires)s (%(zone)s), from this page:\n\n"
                "%(link)s\n"
            )
            % {**_expiry(job), "link": link},
        )
    )


def _expiry(job) -> dict:
    """When the job's file goes, in the time the console speaks (the conference it is about by
    default, labelled "Hanoi time, UTC+7"), as the organiser read every other time there."""
    conference = default_conference()
    if conference is None:
        return {"expires": job.expires_at.strftime("%Y-%m-%d %H:%M"), "zone": _("UTC")}
    local = timezone.localtime(job.expires_at, conference.tzinfo)
    return {"expires": local.strftime("%Y-%m-%d %H:%M"), "zone": time_label(conference)}


def delete_expired_jobs(now=None) -> int:
    """Delete jobs past their expiry, with their files. Returns how many."""
    now = now or timezone.now()
    expired = list(ConsoleJob.objects.filter(expires_at__lte=now))
    for job in expired:
        discard_job(job)
    return len(expired)


def discard_job(job: ConsoleJob) -> None:
    """Delete a job and its file (an export holds personal data: it does not outlive its row)."""
    if job.file:
        job.file.delete(save=False)
    job.delete()


def _progress(job, done):
    job.progress = done
    ConsoleJob.objects.filter(pk=job.pk).update(progress=done)


def export_rows(resource, queryset, *, native=False):
    """The header, then each row's cells, as the console's exports write them: text for CSV,
    or (`native`) numbers and dates as themselves for a spreadsheet."""
    yield resource.get_export_headers()
    fields = resource.get_export_fields()
    for instance in resource.filter_export(queryset).iterator(chunk_size=CHUNK_SIZE):
        yield [resource.export_field(field, instance, force_native_type=native) for field in fields]


def _export(job, queryset):
    resource_class = EXPORTS[job.variant][1]
    # The longest read of the console, so from the replica, but only once it holds what the
    # organiser saw when asking: an export asked right after an edit must contain the edit.
    queryset = queryset.using(replica_alias(caught_up_to=job.selection.get("primary_position")))
    job.total = queryset.count()
    ConsoleJob.objects.filter(pk=job.pk).update(total=job.total)
    native = job.kind == JobKind.EXPORT_XLSX
    if job.variant in STREAMED:
        rows = STREAMED[job.variant](queryset, native=native)
    else:
        rows = export_rows(resource_class(), queryset, native=native)
    name = f"{job.variant}-{job.pk}"
    with tempfile.TemporaryFile() as out:
        if job.kind == JobKind.EXPORT_CSV:
            _write_csv(job, rows, out)
            name += ".csv"
        else:
            _write_xlsx(job, rows, out)
            name += ".xlsx"
        out.seek(0)
        job.file.save(name, File(out), save=False)


def _reported(job, rows):
    """The rows as they are written, with the job's progress updated every few of them."""
    step = max(-(-job.total // PROGRESS_STEPS), PROGRESS_MIN_STEP)
    for done, row in enumerate(rows):  # the header is row 0
        yield row
        if done and done % step == 0:
            _progress(job, done)


def _write_csv(job, rows, out):
    text = open(out.fileno(), "w", encoding="utf-8-sig", newline="", closefd=False)  # noqa: SIM115
    # csv.writer writes None as an empty cell.
    csv.writer(text).writerows(_reported(job, rows))
    text.flush()
    job.progress = job.total


def _write_xlsx(job, rows, out):
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    for row in _reported(job, rows):
        sheet.append(row)
    book.save(out)
    job.progress = job.total


def _print_badges(job, badges):
    active = badges.filter(state=BadgeState.ACTIVE).order_by("conference", "number")
    job.total = active.count()
    ConsoleJob.objects.filter(pk=job.pk).update(total=job.total)
    if not job.total:
        return
    with tempfile.TemporaryFile() as out:
        extension = write_badges(
            active, out, layout=job.variant, progress=lambda done: _progress(job, done)
        )
        out.seek(0)
        job.file.save(f"badges-{job.pk}.{extension}", File(out), save=False)
    # Marked a chunk at a time, so that 10,000 badges are never all in memory as rows.
    ids = active.values_list("pk", flat=True).iterator(chunk_size=CHUNK_SIZE)
    while chunk := list(islice(ids, CHUNK_SIZE)):
        mark_printed(Badge.objects.filter(pk__in=chunk))
    job.progress = job.total
