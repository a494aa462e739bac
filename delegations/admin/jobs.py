"""Console jobs: the actions that start them, and a page per job that follows its progress.

"Select all" then an action posts the page's ticks and `select_across`; the job stores the
list's query string (its filters, search and sort) and, unless all that match were chosen, the
ticked ids, as JSON. An action over 100,000 rows posts as few fields as one over ten (no 400 from
DATA_UPLOAD_MAX_NUMBER_FIELDS), and the task rebuilds the rows through the same list
(`selected_rows`), as the organiser who asked, with the permissions they have when it runs:
nothing is pickled, and a row written by hand can at most name a filter that organiser could
use themselves.
"""

from django.apps import apps
from django.contrib import admin, messages
from django.contrib.admin.views.main import (
    ALL_VAR,
    ERROR_FLAG,
    IS_POPUP_VAR,
    PAGE_VAR,
    TO_FIELD_VAR,
)
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from conference.admin_paging import AFTER_VAR, BEFORE_VAR
from conference.admin_services import WritesThroughServices
from conference.files import private_file
from delegations.models import ConsoleJob, JobKind, JobState
from delegations.services import jobs

CONTENT_TYPES = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
    "zip": "application/zip",
}
# Where the list's page is, not what it selects.
NOT_A_FILTER = {PAGE_VAR, AFTER_VAR, BEFORE_VAR, ERROR_FLAG, ALL_VAR, IS_POPUP_VAR, TO_FIELD_VAR}
# The permission a job's file needs, beyond being the one who asked: a role that lost it since
# (or never had it) gets nothing.
FILE_PERMISSIONS = {
    "delegations": "delegations.view_delegation",
    "delegates": "delegations.view_delegate",
    "travel": "delegations.view_travel",
}


def may_download(user, job) -> bool:
    if job.requested_by_id != user.pk or not user.is_active or not user.is_staff:
        return False
    if job.kind == JobKind.BADGES_PDF:
        return user.has_perm("delegations.print_badge")
    return user.has_perm(FILE_PERMISSIONS[job.variant])


def start_job(model_admin, request, queryset, *, kind, variant):
    """What every job action does: record the job, and point the organiser to its page.

    `queryset` is the action's selection, or None for all that match the list's filter (the
    Export button); "select all" on the list counts as all that match too."""
    everything = queryset is None or request.POST.get("select_across") == "1"
    job = jobs.request_job(
        user=request.user,
        kind=kind,
        variant=variant,
        params={name: values for name, values in request.GET.lists() if name not in NOT_A_FILTER},
        ids=None if everything else list(queryset.values_list("pk", flat=True)),
        source=model_admin.opts.label_lower,
    )
    model_admin.message_user(
        request,
        format_html(
            '{} <a href="{}">{}</a>',
            _("The work runs in the background; its file will be ready for you alone."),
            reverse("admin:delegations_consolejob_change", args=[job.pk]),
            _("Follow its progress"),
        ),
        messages.SUCCESS,
    )
    return redirect("admin:delegations_consolejob_change", job.pk)


def selected_rows(job):
    """The rows a job was asked for, rebuilt through the list the organiser used: the same
    filters, search and order, as that organiser, with the permissions they hold now."""
    if "params" not in job.selection:
        # A job queued before selections were JSON: running it unfiltered would export all.
        raise ValueError(_("This job was queued by an older version; start it again."))
    read = jobs.job_model(job.kind, job.variant)
    # The list the selection was made on: the filters and ids are that list's, even when the job
    # reads other rows through it (the journalists' list prints their badges).
    listed = apps.get_model(job.selection["list"]) if job.selection.get("list") else read
    model_admin = admin.site.get_model_admin(listed)
    request = HttpRequest()
    request.method = "GET"
    request.GET = QueryDict(mutable=True)
    for name, values in job.selection["params"].items():
        request.GET.setlist(name, values)
    request.user = job.requested_by
    if not (request.user.is_active and model_admin.has_view_permission(request)):
        raise PermissionDenied(_("The organiser who asked may no longer see this list."))
    changelist = model_admin.get_changelist_instance(request)
    rows = changelist.get_queryset(request)
    ids = job.selection.get("ids")
    rows = rows if ids is None else rows.filter(pk__in=ids)
    return rows if listed is read else model_admin.rows_for_job(rows)


class BackgroundExportMixin:
    """Exports of a selection, of any size, as a job: mixed into the lists that export."""

    export_variant = ""

    def get_actions(self, request):
        actions = super().get_actions(request)
        # django-import-export's action posts every selected id back in a hidden form.
        actions.pop("export_admin_action", None)
        if self.has_view_permission(request):
            for name in ("export_csv_job", "export_xlsx_job"):
                actions[name] = self.get_action(name)
        return actions

    @admin.action(description=_("Export selected (CSV, in the background)"))
    def export_csv_job(self, request, queryset):
        return start_job(
            self, request, queryset, kind=JobKind.EXPORT_CSV, variant=self.export_variant
        )

    @admin.action(description=_("Export selected (XLSX, in the background)"))
    def export_xlsx_job(self, request, queryset):
        return start_job(
            self, request, queryset, kind=JobKind.EXPORT_XLSX, variant=self.export_variant
        )


@admin.register(ConsoleJob)
class ConsoleJobAdmin(WritesThroughServices, admin.ModelAdmin):
    """Each organiser sees only the jobs they started; nobody edits one."""

    list_display = ["__str__", "variant", "state", "progress_bar", "created_at", "finished_at"]
    list_filter = ["state", "kind"]
    fields = [
        "kind",
        "variant",
        "state",
        "progress_bar",
        "download",
        "error",
        "created_at",
        "finished_at",
        "expires_at",
    ]
    readonly_fields = fields
    change_form_template = "admin/delegations/consolejob/change_form.html"

    def get_queryset(self, request):
        return super().get_queryset(request).filter(requested_by=request.user)

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_staff

    def has_view_permission(self, request, obj=None):
        allowed = request.user.is_active and request.user.is_staff
        return allowed and (obj is None or obj.requested_by_id == request.user.pk)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return obj is not None and obj.requested_by_id == request.user.pk

    def delete_model(self, request, obj):
        jobs.discard_job(obj)

    def get_urls(self):
        return [
            path(
                "<int:job_id>/download/",
                self.admin_site.admin_view(self.download_view),
                name="delegations_consolejob_download",
            ),
            *super().get_urls(),
        ]

    def render_change_form(self, request, context, *args, obj=None, **kwargs):
        context["refresh"] = obj is not None and obj.state in (JobState.QUEUED, JobState.RUNNING)
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)

    @admin.display(description=_("progress"))
    def progress_bar(self, job):
        return format_html(
            '<progress max="100" value="{}"></progress> {} / {}',
            job.percent,
            job.progress,
            job.total,
        )

    @admin.display(description=_("download"))
    def download(self, job):
        if job.state != JobState.DONE or not job.file:
            return "-"
        url = reverse("admin:delegations_consolejob_download", args=[job.pk])
        return format_html('<a href="{}">{}</a>', url, _("Download"))

    def download_view(self, request, job_id):
        job = get_object_or_404(ConsoleJob, pk=job_id)
        if not may_download(request.user, job):
            raise PermissionDenied
        if job.state != JobState.DONE:
            raise Http404
        extension = job.file.name.rsplit(".", 1)[-1]
        return private_file(
            job.file,
            content_type=CONTENT_TYPES[extension],
            filename=f"{job.variant}.{extension}",
        )
