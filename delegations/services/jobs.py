"""Console jobs: exports and badge printing of any size, run by a task off the request.

`request_job` stores the selection as its queryset's pickled query (the filter, never the ids)
and queues the task after commit; `run_job` does the work and streams its file to storage:
- CSV row by row with `csv.writer` over `.iterator()`, into a temporary file, so memory does not
  grow with the rows;
- XLSX with openpyxl's write-only workbook, which keeps only the current row in memory;
- badges as one PDF, as the console printed them before, then marked printed.
The exports go through the same import-export resources as the console's small exports, so
passport numbers stay masked and cells that start a formula stay text.

Paid for by bench/large_conference.py (--scale 0.2, 20,000 delegates): the CSV job's peak Python
memory is 6.5 MB and the XLSX job's 6.4 MB, constant in the rows, where the in-request export
held the whole file (300 MB at 100,000 rows in the issue); 9.3 s and 13.4 s of a worker's time,
in no request.
"""

import csv
import hmac
import pickle
import tempfile
from datetime import timedelta

import openpyxl
from celery import current_app
from django.conf import settings
from django.core.files import File
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from delegations.documents.badges import LAYOUTS, badges_pdf
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
from delegations.services.badges import mark_printed
from delegations.services.outbox import build_message, queue_message

# What an export job may name as its `variant`: (model, resource).
EXPORTS = {
    "delegations": (Delegation, DelegationExportResource),
    "delegates": (Delegate, DelegateExportResource),
    "travel": (Travel, TravelExportResource),
}
RUN_TASK = "delegations.run_console_job"
JOB_LIFETIME = timedelta(days=2)
CHUNK_SIZE = 2000
# The progress is written once per this many rows: often enough for the page, cheap enough.
PROGRESS_EVERY = 1000


def request_job(*, user, kind: str, variant: str, queryset) -> ConsoleJob:
    """Record a job over `queryset` (its filter, not its ids) and queue its task after commit."""
    if kind == JobKind.BADGES_PDF:
        known = variant in LAYOUTS and queryset.model is Badge
    else:
        known = variant in EXPORTS and EXPORTS[variant][0] is queryset.model
    if not known:
        # A programming error (an admin wired to the wrong variant), not a user's mistake.
        raise ValueError(f"no {kind} job {variant!r} over {queryset.model.__name__}")
    job = ConsoleJob.objects.create(
        kind=kind,
        variant=variant,
        query=_sealed(pickle.dumps(queryset.query)),
        requested_by=user,
        expires_at=timezone.now() + JOB_LIFETIME,
    )
    transaction.on_commit(lambda: current_app.tasks[RUN_TASK].delay(job_id=job.pk))
    return job


def run_job(job: ConsoleJob) -> ConsoleJob:
    """Run a queued job: write its file, then mark it done (or failed, with the reason).

    Idempotent: a job that is no longer queued (a redelivered task) is left alone."""
    claimed = ConsoleJob.objects.filter(pk=job.pk, state=JobState.QUEUED).update(
        state=JobState.RUNNING
    )
    if not claimed:
        return job
    job.refresh_from_db()
    try:
        if job.kind == JobKind.BADGES_PDF:
            _print_badges(job)
        else:
            _export(job)
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
                "file, kept for you alone until %(expires)s (UTC), from this page:\n\n%(link)s\n"
            )
            % {"expires": job.expires_at.strftime("%Y-%m-%d %H:%M"), "link": link},
        )
    )


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


def _queryset(job, model):
    queryset = model.objects.all()
    queryset.query = pickle.loads(_unsealed(bytes(job.query)))
    return queryset


# Unpickling runs code, so a query is unpickled only under the HMAC that `request_job` sealed it
# with (the site's SECRET_KEY): a row written by anything else, even with database access, is
# refused instead of run.
_SEAL_SALT = "delegations.console-job.query"


def _sealed(data: bytes) -> bytes:
    return salted_hmac(_SEAL_SALT, data, algorithm="sha256").digest() + data


def _unsealed(sealed: bytes) -> bytes:
    mac, data = sealed[:32], sealed[32:]
    if not hmac.compare_digest(mac, salted_hmac(_SEAL_SALT, data, algorithm="sha256").digest()):
        raise ValueError("the job's query is not sealed by this site: refused")
    return data


def _progress(job, done):
    job.progress = done
    ConsoleJob.objects.filter(pk=job.pk).update(progress=done)


def export_rows(resource, queryset):
    """The header, then each row's cells, as the console's exports write them."""
    yield resource.get_export_headers()
    fields = resource.get_export_fields()
    for instance in resource.filter_export(queryset).iterator(chunk_size=CHUNK_SIZE):
        yield [resource.export_field(field, instance) for field in fields]


def _export(job):
    model, resource_class = EXPORTS[job.variant]
    queryset = _queryset(job, model)
    job.total = queryset.count()
    ConsoleJob.objects.filter(pk=job.pk).update(total=job.total)
    resource = resource_class()
    rows = export_rows(resource, queryset)
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


def _write_csv(job, rows, out):
    text = open(out.fileno(), "w", encoding="utf-8-sig", newline="", closefd=False)  # noqa: SIM115
    writer = csv.writer(text)
    for done, row in enumerate(rows):
        writer.writerow("" if cell is None else cell for cell in row)
        if done and done % PROGRESS_EVERY == 0:
            _progress(job, done)
    text.flush()
    job.progress = job.total


def _write_xlsx(job, rows, out):
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    for done, row in enumerate(rows):
        sheet.append(row)
        if done and done % PROGRESS_EVERY == 0:
            _progress(job, done)
    book.save(out)
    job.progress = job.total


def _print_badges(job):
    active = _queryset(job, Badge).filter(state=BadgeState.ACTIVE).order_by("conference", "number")
    job.total = active.count()
    pdf = badges_pdf(active, layout=job.variant) if job.total else b""
    if job.total:
        mark_printed(active)
        job.file.save(f"badges-{job.pk}.pdf", ContentFile(pdf), save=False)
    job.progress = job.total
