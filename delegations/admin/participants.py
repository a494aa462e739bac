"""The list of participants in the console: issue a provisional or the final version, print
any version, and see which delegations have checked their entries."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from conference.admin_services import WritesThroughServices
from conference.errors import DomainError
from conference.models import Conference
from delegations import services
from delegations.documents.participants import participant_list_pdf
from delegations.models import ListCheck, ListEntry, ParticipantList

ISSUE_PERMISSION = "delegations.add_participantlist"


class IssueForm(forms.Form):
    conference = forms.ModelChoiceField(
        Conference.objects.order_by("-start_date"), label=_("Conference"), empty_label=None
    )


@admin.register(ParticipantList)
class ParticipantListAdmin(WritesThroughServices, admin.ModelAdmin):
    list_display = ["__str__", "kind", "number", "issued_at", "issued_by", "pdf"]
    list_filter = ["conference", "kind"]
    list_select_related = ["conference", "issued_by"]
    readonly_fields = ["conference", "kind", "number", "issued_at", "issued_by"]
    change_list_template = "admin/delegations/participantlist/change_list.html"

    def has_add_permission(self, request):
        return False  # issued by the service, from the form above the list

    def has_change_permission(self, request, obj=None):
        return False  # an issued version is frozen

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        return [
            path(
                "issue/",
                self.admin_site.admin_view(require_POST(self.issue_view)),
                name="delegations_participantlist_issue",
            ),
            path(
                "<id:list_id>/pdf/",
                self.admin_site.admin_view(self.pdf_view),
                name="delegations_participantlist_pdf",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        context = {
            **(extra_context or {}),
            "issue_form": IssueForm() if request.user.has_perm(ISSUE_PERMISSION) else None,
        }
        return super().changelist_view(request, context)

    def issue_view(self, request):
        if not request.user.has_perm(ISSUE_PERMISSION):
            raise PermissionDenied
        form = IssueForm(request.POST)
        if form.is_valid():
            final = request.POST.get("version") == "final"
            try:
                issued = services.issue_participant_list(
                    form.cleaned_data["conference"], final=final, user=request.user
                )
            except DomainError as error:
                self.message_user(request, error.message, messages.ERROR)
            else:
                self.message_user(request, _("%(list)s is issued.") % {"list": issued})
        return redirect("admin:delegations_participantlist_changelist")

    def pdf_view(self, request, list_id):
        if not self.has_view_permission(request):
            raise PermissionDenied
        issued = get_object_or_404(ParticipantList.objects.select_related("conference"), pk=list_id)
        response = HttpResponse(participant_list_pdf(issued), content_type="application/pdf")
        name = f"participants-{issued.conference.slug}-{issued.kind}-{issued.number}.pdf"
        response["Content-Disposition"] = f'inline; filename="{name}"'
        return response

    @admin.display(description=_("PDF"))
    def pdf(self, issued):
        url = reverse("admin:delegations_participantlist_pdf", args=[issued.pk])
        return format_html('<a href="{}">{}</a>', url, _("Print"))


@admin.register(ListCheck)
class ListCheckAdmin(WritesThroughServices, admin.ModelAdmin):
    """Which delegations have confirmed their entries (they do it in the portal)."""

    list_display = ["delegation", "checked_at"]
    list_filter = ["delegation__conference"]
    search_fields = ["delegation__name", "delegation__country"]
    list_select_related = ["delegation"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # a delegation's confirmation is its own


@admin.register(ListEntry)
class ListEntryAdmin(WritesThroughServices, admin.ModelAdmin):
    """The delegations' corrections of their entries (made in the portal)."""

    list_display = ["name", "title", "function", "delegation", "updated_at"]
    list_filter = ["delegate__delegation__conference"]
    search_fields = ["name", "delegate__family_name"]
    list_select_related = ["delegate__delegation"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # a delegation's correction is its own

    @admin.display(description=_("delegation"))
    def delegation(self, entry):
        return entry.delegate.delegation
