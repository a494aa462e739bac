"""The programme's releases and the roundtable places, in the console.

A release is made from a form that names the conference and the notes for the public; it goes
through `release_schedule`, which refuses an unchanged programme and notifies only the people
whose sessions changed. Places are booked and given up through the places services, so capacity,
quotas and the wait list hold here as in the portal.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from conference.admin_services import WritesThroughServices
from conference.errors import DomainError
from conference.forms import RefusesControlCharacters
from conference.models import Conference
from sessions import services
from sessions.models import Place, ScheduleRelease


class ReleaseForm(RefusesControlCharacters, forms.Form):
    conference = forms.ModelChoiceField(queryset=Conference.objects.all(), label=_("Conference"))
    notes = forms.CharField(
        label=_("Notes for the public"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown with the release in the feeds' changelog."),
    )


@admin.register(ScheduleRelease)
class ScheduleReleaseAdmin(WritesThroughServices, admin.ModelAdmin):
    change_page_read_only = True

    list_display = ["conference", "number", "published_at", "notes", "changed"]
    list_filter = ["conference"]
    date_hierarchy = "published_at"
    readonly_fields = ["conference", "number", "published_at", "notes"]
    fields = readonly_fields
    change_list_template = "admin/programme/schedulerelease/change_list.html"

    def has_add_permission(self, request):
        return False  # released through the form below, never written by hand

    def has_delete_permission(self, request, obj=None):
        return False  # a release once public stays in the changelog

    @admin.display(description=_("changes"))
    def changed(self, release):
        return sum(len(items) for items in (release.changes or {}).values())

    def get_urls(self):
        return [
            path(
                "release/",
                self.admin_site.admin_view(self.release_view),
                name="programme_schedulerelease_release",
            ),
            *super().get_urls(),
        ]

    def release_view(self, request):
        if not request.user.has_perm("programme.add_schedulerelease"):
            raise PermissionDenied
        form = ReleaseForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                release = services.release_schedule(
                    form.cleaned_data["conference"], notes=form.cleaned_data["notes"]
                )
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                self.message_user(
                    request,
                    _("Release %(number)s of %(conference)s is public.")
                    % {"number": release.number, "conference": release.conference},
                )
                return redirect("admin:programme_schedulerelease_changelist")
        return TemplateResponse(
            request,
            "admin/programme/schedulerelease/release.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": _("Release the programme"),
                "form": form,
            },
        )


class PlaceForm(forms.ModelForm):
    class Meta:
        model = Place
        fields = ["session", "delegate"]


@admin.register(Place)
class PlaceAdmin(WritesThroughServices, admin.ModelAdmin):
    change_page_read_only = True

    list_display = ["session", "delegate", "delegation", "state", "waitlist_number", "created_at"]
    list_filter = ["session__conference", "state", ("session", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["delegate__family_name", "session__title"]
    list_select_related = ["session", "delegate__delegation"]
    autocomplete_fields = ["session", "delegate"]
    form = PlaceForm
    actions = ["release_selected"]

    def get_readonly_fields(self, request, obj=None):
        # A place changes only through the services: once made, it is read-only here.
        return ["session", "delegate", "state", "waitlist_number"] if obj else []

    @admin.display(description=_("delegation"), ordering="delegate__delegation")
    def delegation(self, place):
        return place.delegate.delegation

    def save_model(self, request, obj, form, change):
        # A refusal (a full roundtable, another conference's session) shows on the form.
        place = services.reserve_place(obj.session, delegate=obj.delegate)
        obj.pk, obj.state, obj.waitlist_number = place.pk, place.state, place.waitlist_number

    def has_delete_permission(self, request, obj=None):
        return False  # given up by the action, which promotes the waiting list

    @admin.action(description=_("Give up the selected places"), permissions=["change"])
    def release_selected(self, request, queryset):
        promoted = 0
        for place in queryset.exclude(state="released"):
            if services.release_place(place):
                promoted += 1
        self.message_user(
            request,
            _("Places given up; %(count)d promoted from the wait list.") % {"count": promoted},
        )
