from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AdminSplitDateTime
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from conference.admin_actions import apply_to_selected
from conference.admin_services import WritesThroughServices
from conference.errors import DomainError
from conference.services import delete_reference
from delegations.models import Delegation
from sessions import services
from sessions.models import Booth, BoothState, Exhibitor, may_exhibit

# The exhibition: booths (their data edited here; allocation, release, closing through the
# services, which tell the exhibitor) and the exhibitors' catalogue entries.


class AllocateBoothForm(forms.Form):
    exhibitor = forms.ModelChoiceField(label=_("Exhibitor"), queryset=Delegation.objects.none())
    setup_from = forms.SplitDateTimeField(
        label=_("Set-up from"),
        required=False,
        widget=AdminSplitDateTime,
        help_text=_("Empty: the day before the exhibition opens."),
    )
    teardown_by = forms.SplitDateTimeField(
        label=_("Cleared by"),
        required=False,
        widget=AdminSplitDateTime,
        help_text=_("Empty: four hours after the exhibition closes."),
    )

    def __init__(self, *args, booth, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["exhibitor"].queryset = Delegation.objects.filter(
            may_exhibit(booth.conference)
        ).order_by("name", "country")


class BoothForm(forms.ModelForm):
    class Meta:
        model = Booth
        fields = ["conference", "room", "code", "width_m", "depth_m", "location"]

    def clean(self):
        cleaned = super().clean()
        conference, room = cleaned.get("conference"), cleaned.get("room")
        if self.instance.pk is None and conference and room:
            try:
                services.check_booth_room(conference, room)
            except DomainError as error:
                raise forms.ValidationError(error.message) from error
        return cleaned


@admin.register(Booth)
class BoothAdmin(WritesThroughServices, admin.ModelAdmin):
    form = BoothForm
    list_display = [
        "code",
        "room",
        "size_shown",
        "location",
        "state",
        "exhibitor",
        "setup_from",
        "teardown_by",
        "allocate_link",
    ]
    list_filter = ["conference", "state", "room"]
    search_fields = ["code", "location", "exhibitor__name", "exhibitor__acronym"]
    list_select_related = ["room", "exhibitor"]
    ordering = ["conference", "code"]
    actions = ["release_selected", "close_selected", "reopen_selected"]

    @admin.display(description=_("size"), ordering="width_m")
    def size_shown(self, booth):
        return booth.size

    def get_readonly_fields(self, request, obj=None):
        allocation = ["state", "exhibitor", "setup_from", "teardown_by", "allocated_at"]
        # A booth does not move to another conference or hall once it exists.
        return ["conference", "room", *allocation] if obj else allocation

    def has_delete_permission(self, request, obj=None):
        return obj is None or obj.state != BoothState.ALLOCATED

    def save_model(self, request, obj, form, change):
        """Through the services: `add_booth` (which checks the hall) or `change_booth`."""
        fields = {"code": obj.code, "width_m": obj.width_m, "depth_m": obj.depth_m}
        fields["location"] = obj.location
        if change:
            services.change_booth(obj, **fields)
        else:
            obj.pk = services.add_booth(obj.conference, room=obj.room, **fields).pk

    def delete_model(self, request, obj):
        services.remove_booth(obj)

    @admin.display(description=_("allocation"))
    def allocate_link(self, booth):
        if booth.state != BoothState.AVAILABLE:
            return "—"
        url = reverse("admin:programme_booth_allocate", args=[booth.pk])
        return format_html('<a href="{}">{}</a>', url, _("Allocate…"))

    def get_urls(self):
        return [
            path(
                "<id:pk>/allocate/",
                self.admin_site.admin_view(self.allocate_view),
                name="programme_booth_allocate",
            ),
            *super().get_urls(),
        ]

    def allocate_view(self, request, pk):
        if not self.has_change_permission(request):
            raise PermissionDenied
        booth = get_object_or_404(Booth.objects.select_related("conference", "room"), pk=pk)
        form = AllocateBoothForm(request.POST if request.method == "POST" else None, booth=booth)
        if form.is_valid():
            try:
                services.allocate_booth(booth, **form.cleaned_data)
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                self.message_user(
                    request,
                    _("%(booth)s is allocated to %(exhibitor)s; the exhibitor is told.")
                    % {"booth": booth, "exhibitor": form.cleaned_data["exhibitor"]},
                )
                return redirect("admin:programme_booth_changelist")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Allocate %(booth)s") % {"booth": booth},
            "booth": booth,
            "form": form,
            "media": self.media + form.media,
        }
        return TemplateResponse(request, "admin/programme/booth/allocate.html", context)

    @admin.action(description=_("Release the selected booths"), permissions=["change"])
    def release_selected(self, request, queryset):
        apply_to_selected(
            self,
            request,
            queryset,
            services.release_booth,
            done=ngettext_lazy("%(count)d booth released.", "%(count)d booths released.", "count"),
        )

    @admin.action(description=_("Stop offering the selected booths"), permissions=["change"])
    def close_selected(self, request, queryset):
        apply_to_selected(
            self,
            request,
            queryset,
            services.close_booth,
            done=ngettext_lazy(
                "%(count)d booth no longer offered.", "%(count)d booths no longer offered.", "count"
            ),
        )

    @admin.action(description=_("Offer the selected booths again"), permissions=["change"])
    def reopen_selected(self, request, queryset):
        apply_to_selected(
            self,
            request,
            queryset,
            services.reopen_booth,
            done=ngettext_lazy(
                "%(count)d booth offered again.", "%(count)d booths offered again.", "count"
            ),
        )


class ExhibitorForm(forms.ModelForm):
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    class Meta:
        model = Exhibitor
        fields = [
            "delegation",
            "description",
            "contact_name",
            "contact_email",
            "contact_phone",
            "website",
        ]

    def clean_delegation(self):
        delegation = self.cleaned_data["delegation"]
        try:
            services.check_exhibitor(delegation)
        except DomainError as error:
            raise forms.ValidationError(error.message) from error
        return delegation


@admin.register(Exhibitor)
class ExhibitorAdmin(WritesThroughServices, admin.ModelAdmin):
    form = ExhibitorForm
    list_display = ["delegation", "contact_name", "contact_email", "contact_phone", "website"]
    list_filter = ["delegation__conference", "delegation__kind"]
    search_fields = ["delegation__name", "delegation__acronym", "contact_name", "description"]
    list_select_related = ["delegation"]

    def get_readonly_fields(self, request, obj=None):
        return ["delegation"] if obj else []

    def save_model(self, request, obj, form, change):
        exhibitor = services.save_exhibitor(
            obj.delegation,
            description=obj.description,
            contact_name=obj.contact_name,
            contact_email=obj.contact_email,
            contact_phone=obj.contact_phone,
            website=obj.website,
        )
        obj.pk = exhibitor.pk

    def delete_model(self, request, obj):
        # Refused while a booth is allocated to the exhibitor.
        delete_reference(obj)
