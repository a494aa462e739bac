"""Console work too long for a request (exports, badge printing): a row per job, run by a task.

The row carries what the organiser chose as plain JSON, `selection`: the list's query string
(its filters, search and sort) and either the ticked ids or none for "all that match the
filter", so 100,000 rows travel as the filter, never as 100,000 ids; the task rebuilds the list
from it as the organiser saw it (delegations/admin/jobs.py). The file it produces is private:
served only to the organiser who asked, and deleted when the job expires.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class JobKind(models.TextChoices):
    EXPORT_CSV = "export_csv", _("Export (CSV)")
    EXPORT_XLSX = "export_xlsx", _("Export (XLSX)")
    BADGES_PDF = "badges_pdf", _("Badges (PDF)")


class JobState(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class ConsoleJob(models.Model):
    kind = models.CharField(_("kind"), max_length=20, choices=JobKind.choices)
    # Which export resource ("delegates") or badge layout ("id1") the job uses.
    variant = models.CharField(_("variant"), max_length=40)
    # {"params": {name: [values]}, "ids": [ids] or null for all that match}: data, never code.
    selection = models.JSONField(default=dict, editable=False)
    state = models.CharField(
        _("state"), max_length=10, choices=JobState.choices, default=JobState.QUEUED
    )
    total = models.PositiveIntegerField(_("rows"), default=0)
    progress = models.PositiveIntegerField(_("rows done"), default=0)
    file = models.FileField(_("file"), upload_to="console-jobs/", blank=True)
    error = models.CharField(_("error"), max_length=300, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="console_jobs"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires"), db_index=True)

    class Meta:
        verbose_name = _("console job")
        verbose_name_plural = _("console jobs")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_kind_display()} #{self.pk}"

    @property
    def percent(self) -> int:
        if not self.total:
            return 100 if self.state == JobState.DONE else 0
        return min(100, self.progress * 100 // self.total)
