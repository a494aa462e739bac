"""Imports and exports of the console, as CSV or XLSX (django-import-export).

An import is chosen into one conference (invitee lists) or one delegation (delegates); the
preview runs the whole file through the services inside a transaction that is rolled back, and
lists every row's errors; the confirmation imports only a file without any error, and rolls
back everything if the data changed in between.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export.admin import ExportActionMixin, ImportMixin
from import_export.formats import base_formats
from import_export.forms import ConfirmImportForm, ExportForm, ImportForm

from conference.models import Conference
from delegations import services
from delegations.admin.jobs import BackgroundExportMixin, start_job
from delegations.models import Delegation, JobKind
from delegations.resources import (
    DelegateExportResource,
    DelegateImportResource,
    DelegationExportResource,
    EncryptedTempStorage,
    InviteeResource,
    TravelExportResource,
    column_headings,
)

# The export job that writes each of the Export button's formats.
EXPORT_JOBS = {base_formats.CSV: JobKind.EXPORT_CSV, base_formats.XLSX: JobKind.EXPORT_XLSX}


class ExportSelection(BackgroundExportMixin, ExportActionMixin):
    """The "Export selected" actions and the Export button, for whoever may view the list; both
    start a background job, so no export runs in a request."""

    formats = [base_formats.CSV, base_formats.XLSX]
    export_form_class = ExportForm  # our columns; the selectable-fields form needs inline JS
    show_change_form_export = False
    export_resource_classes = []

    def has_export_permission(self, request):
        return self.has_view_permission(request)

    def get_export_resource_classes(self, request):
        return self.export_resource_classes

    def get_valid_export_item_pks(self, request):
        return self.get_queryset(request).values_list("pk", flat=True)

    def init_request_context_data(self, request, form):
        # The columns by their plain names ("Family name"), not the file's keys ("family_name").
        context = super().init_request_context_data(request, form)
        kwargs = self.get_export_resource_kwargs(request)
        context["fields_list"] = [
            (resource.get_display_name(), column_headings(resource(**kwargs)))
            for resource in self.get_export_resource_classes(request)
        ]
        return context

    def export_action(self, request):
        """The Export button: its form chooses the format; the job exports all the rows that
        match the list's filter, carried in this page's query string.

        django-import-export's own view wrote the whole file in the request: 19 s and 300 MB
        for 100,000 delegates as CSV, past the worker's timeout as XLSX (issue 19)."""
        if not self.has_export_permission(request):
            raise PermissionDenied
        formats = self.get_export_formats()
        form = self.get_export_form_class()(
            formats, self.get_export_resource_classes(request), data=request.POST or None
        )
        if form.is_valid():
            kind = EXPORT_JOBS[formats[int(form.cleaned_data["format"])]]
            return start_job(self, request, None, kind=kind, variant=self.export_variant)
        context = self.init_request_context_data(request, form)
        context["export_url"] = request.get_full_path()
        request.current_app = self.admin_site.name
        return TemplateResponse(request, [self.export_template_name], context=context)


class ImportInto(ImportMixin, ExportSelection):
    """Import into the object chosen in the form's `target` field, for whoever may add."""

    import_export_change_list_template = "admin/import_export/change_list_import_export.html"
    import_template_name = "admin/delegations/import.html"
    tmp_storage_class = EncryptedTempStorage
    import_resource_classes = []
    target = ""

    def has_import_permission(self, request):
        return self.has_add_permission(request)

    def get_import_resource_classes(self, request):
        return self.import_resource_classes

    def get_import_resource_kwargs(self, request, **kwargs):
        cleaned = getattr(kwargs.get("form"), "cleaned_data", {})
        return {self.target: cleaned.get(self.target)}

    def get_confirm_form_initial(self, request, import_form):
        initial = super().get_confirm_form_initial(request, import_form)
        if import_form is not None:
            initial[self.target] = import_form.cleaned_data[self.target].pk
        return initial

    def get_import_data_kwargs(self, **kwargs):
        # Without it, a confirmation whose rows stopped validating (a State invited meanwhile)
        # would import the other rows.
        return super().get_import_data_kwargs(**kwargs) | {"rollback_on_validation_errors": True}

    def import_action(self, request, **kwargs):
        response = super().import_action(request, **kwargs)
        context = getattr(response, "context_data", None) or {}
        if "fields_list" in context:
            # The columns by their plain names, each with the key the file's first row gives.
            resources = [
                resource_class(**self.get_import_resource_kwargs(request))
                for resource_class in self.get_import_resource_classes(request)
            ]
            context["fields_list"] = [
                (resource.get_display_name(), column_headings(resource)) for resource in resources
            ]
        upload = getattr(context.get("form"), "cleaned_data", {}).get("import_file")
        name = getattr(upload, "tmp_storage_name", None)
        if name and "confirm_form" not in context:
            # A preview with errors is never confirmed: its copy of the file goes at once.
            self.get_tmp_storage_class()(name=name).remove()
        return response

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            messages.error(
                request,
                _(
                    "Nothing was imported: the data changed since the preview. Upload the file "
                    "again to see the rows in error."
                ),
            )
            info = self.get_model_info()
            return redirect(f"admin:{info[0]}_{info[1]}_import")
        return super().process_result(result, request)


class InviteeImportForm(ImportForm):
    conference = forms.ModelChoiceField(
        queryset=Conference.objects.all(), label=gettext_lazy("Conference")
    )
    field_order = ["conference", "resource", "import_file", "format"]


class InviteeConfirmForm(ConfirmImportForm):
    conference = forms.ModelChoiceField(queryset=Conference.objects.all(), widget=forms.HiddenInput)


class DelegationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, delegation):
        return f"{delegation} ({delegation.conference})"


class DelegateImportForm(ImportForm):
    delegation = DelegationChoiceField(
        queryset=Delegation.objects.select_related("conference").order_by(
            "conference", "country", "name"
        ),
        label=gettext_lazy("Delegation"),
    )
    field_order = ["delegation", "resource", "import_file", "format"]

    def clean_delegation(self):
        delegation = self.cleaned_data["delegation"]
        if not services.is_editable(delegation):
            raise ValidationError(
                _(
                    "The registration of %(delegation)s is not open (it must be confirmed, and "
                    "not yet submitted or past its deadline): reopen it first."
                )
                % {"delegation": delegation}
            )
        return delegation


class DelegateConfirmForm(ConfirmImportForm):
    delegation = forms.ModelChoiceField(queryset=Delegation.objects.all(), widget=forms.HiddenInput)


class DelegationSpreadsheets(ImportInto):
    import_resource_classes = [InviteeResource]
    export_resource_classes = [DelegationExportResource]
    import_form_class = InviteeImportForm
    confirm_form_class = InviteeConfirmForm
    target = "conference"
    export_variant = "delegations"


class DelegateSpreadsheets(ImportInto):
    import_resource_classes = [DelegateImportResource]
    export_resource_classes = [DelegateExportResource]
    import_form_class = DelegateImportForm
    confirm_form_class = DelegateConfirmForm
    target = "delegation"
    export_variant = "delegates"


class TravelSpreadsheets(ExportSelection):
    export_resource_classes = [TravelExportResource]
    export_variant = "travel"
