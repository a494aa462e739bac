"""Side events in the console: the slot grid, and the protocol's decisions on the applications
(accept in a free room, move to another slot or room, refuse with a reason)."""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from conference.admin_actions import apply_to_selected
from conference.admin_services import ReferenceDataAdmin, WritesThroughServices
from conference.errors import DomainError
from conference.forms import RefusesControlCharacters
from conference.models import Room
from sessions import services
from sessions.enums import SideEventState
from sessions.models import SideEventApplication, SideEventSlot

ACCEPT, MOVE, REFUSE = "accept", "move", "refuse"


@admin.register(SideEventSlot)
class SideEventSlotAdmin(ReferenceDataAdmin, admin.ModelAdmin):
    list_display = ["__str__", "conference", "room_count", "accepted_count"]
    list_filter = ["conference"]
    filter_horizontal = ["rooms"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("conference")
            .annotate(
                room_total=Count("rooms", distinct=True),
                accepted_total=Count(
                    "applications",
                    filter=Q(applications__state=SideEventState.ACCEPTED),
                    distinct=True,
                ),
            )
        )

    @admin.display(description=_("rooms"), ordering="room_total")
    def room_count(self, slot):
        return slot.room_total

    @admin.display(description=_("accepted side events"), ordering="accepted_total")
    def accepted_count(self, slot):
        return slot.accepted_total


class DecisionForm(RefusesControlCharacters, forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (ACCEPT, _("Accept")),
            (MOVE, _("Move to another slot or room")),
            (REFUSE, _("Refuse")),
        ],
        widget=forms.RadioSelect,
    )
    slot = forms.ModelChoiceField(SideEventSlot.objects.none(), label=_("Slot"), required=False)
    room = forms.ModelChoiceField(
        Room.objects.none(),
        label=_("Room"),
        required=False,
        help_text=_("Empty: the smallest free room of the slot that suits the event."),
    )
    reason = forms.CharField(
        label=_("Reason of the refusal"), widget=forms.Textarea, required=False
    )

    def __init__(self, application, *args, **kwargs):
        super().__init__(*args, **kwargs)
        conference = application.conference
        self.fields["slot"].queryset = SideEventSlot.objects.filter(
            conference=conference
        ).select_related("conference")
        self.fields["slot"].initial = application.slot_id
        self.fields["room"].queryset = Room.objects.filter(
            side_event_slots__conference=conference
        ).distinct()

    def clean(self):
        data = super().clean()
        if data.get("decision") == MOVE and not data.get("slot"):
            self.add_error("slot", _("Choose the slot."))
        if data.get("decision") == REFUSE and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Give the reason: the focal point receives it."))
        return data


@admin.register(SideEventApplication)
class SideEventApplicationAdmin(WritesThroughServices, admin.ModelAdmin):
    change_page_read_only = True  # decided on the decision page and by the action

    list_display = [
        "title",
        "delegation",
        "slot",
        "state",
        "room",
        "expected_audience",
        "languages",
        "is_illustrative",
        "decide",
    ]
    list_filter = ["conference", "state", "slot", "is_illustrative"]
    search_fields = ["title", "organisers", "delegation__name", "delegation__country"]
    list_select_related = ["delegation", "slot__conference", "room"]
    readonly_fields = [
        "conference",
        "delegation",
        "title",
        "organisers",
        "speakers",
        "languages",
        "expected_audience",
        "technical_needs",
        "slot",
        "state",
        "room",
        "session",
        "reason",
        "submitted_at",
        "decided_at",
    ]
    actions = ["accept_selected"]

    def has_add_permission(self, request):
        return False  # proposed by the delegations in the portal

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        return [
            path(
                "<id:pk>/decide/",
                self.admin_site.admin_view(self.decide_view),
                name="programme_sideeventapplication_decide",
            ),
            *super().get_urls(),
        ]

    @admin.display(description=_("decision"))
    def decide(self, application):
        if application.state not in (SideEventState.SUBMITTED, SideEventState.ACCEPTED):
            return ""
        url = reverse("admin:programme_sideeventapplication_decide", args=[application.pk])
        return format_html('<a href="{}">{}</a>', url, _("Decide"))

    @admin.action(description=_("Accept in a free room of their slot"), permissions=["change"])
    def accept_selected(self, request, queryset):
        apply_to_selected(
            self,
            request,
            queryset.filter(state=SideEventState.SUBMITTED),
            services.accept_side_event,
            done=ngettext_lazy(
                "%(count)d side event accepted.", "%(count)d side events accepted.", "count"
            ),
        )

    def decide_view(self, request, pk):
        if not self.has_change_permission(request):
            raise PermissionDenied
        application = get_object_or_404(
            SideEventApplication.objects.select_related("conference", "delegation", "slot"), pk=pk
        )
        form = DecisionForm(application, request.POST if request.method == "POST" else None)
        if form.is_valid():
            data = form.cleaned_data
            try:
                if data["decision"] == ACCEPT:
                    services.accept_side_event(application, room=data["room"])
                elif data["decision"] == MOVE:
                    services.move_side_event(application, slot=data["slot"], room=data["room"])
                else:
                    services.refuse_side_event(application, reason=data["reason"])
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                self.message_user(request, _("The decision is recorded and the focal point told."))
                return redirect("admin:programme_sideeventapplication_changelist")
        return TemplateResponse(
            request,
            "admin/programme/sideeventapplication/decide.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": _("Decide on a side event"),
                "application": application,
                "form": form,
            },
        )
