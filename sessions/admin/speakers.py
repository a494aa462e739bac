"""The general debate's speakers' list in the console: the list in speaking order with the
expected times, and the organisers' moves: add a delegation, move, swap, withdraw. Every change
goes through the services (sessions/services/speakers.py)."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from conference.errors import DomainError
from conference.models import Conference
from delegations.models import Delegate, Delegation
from sessions import services
from sessions.models import Inscription
from sessions.selectors import expected_times, speaking_minutes


class AddSpeakerForm(forms.Form):
    delegation = forms.ModelChoiceField(queryset=Delegation.objects.none(), label=_("Delegation"))
    speaker = forms.ModelChoiceField(
        queryset=Delegate.objects.none(),
        required=False,
        label=_("Speaker"),
        help_text=_("Empty: the head of delegation."),
    )

    def __init__(self, *args, conference, **kwargs):
        super().__init__(*args, **kwargs)
        inscribed = Inscription.objects.filter(
            conference=conference, withdrawn_at__isnull=True
        ).values("delegation_id")
        delegations = conference.delegations.exclude(pk__in=inscribed)
        self.fields["delegation"].queryset = delegations
        self.fields["speaker"].queryset = Delegate.objects.filter(delegation__in=delegations)

    def clean(self):
        cleaned = super().clean()
        speaker, delegation = cleaned.get("speaker"), cleaned.get("delegation")
        if speaker and delegation and speaker.delegation_id != delegation.pk:
            self.add_error("speaker", _("The speaker must belong to the delegation."))
        return cleaned


@admin.register(Inscription)
class InscriptionAdmin(admin.ModelAdmin):
    list_display = ["delegation", "speaker", "requested_at", "position", "withdrawn_at"]
    list_filter = ["conference", ("withdrawn_at", admin.EmptyFieldListFilter)]
    search_fields = ["delegation__name", "delegation__country", "speaker__family_name"]
    list_select_related = ["delegation", "speaker", "conference"]
    readonly_fields = ["conference", "delegation", "requested_at", "position", "withdrawn_at"]
    fields = [*readonly_fields, "speaker"]
    actions = ["withdraw_selected", "swap_selected"]
    change_list_template = "admin/programme/inscription/change_list.html"

    def has_add_permission(self, request):
        return False  # added from the list in speaking order, through the service

    def get_urls(self):
        return [
            path(
                "conference/<id:conference_id>/",
                self.admin_site.admin_view(self.speakers_view),
                name="programme_inscription_speakers",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        conferences = Conference.objects.filter(inscriptions__isnull=False).distinct()
        links = [
            (c, reverse("admin:programme_inscription_speakers", args=[c.pk])) for c in conferences
        ]
        return super().changelist_view(request, {**(extra_context or {}), "speaker_lists": links})

    def speakers_view(self, request, conference_id):
        if not self.has_view_permission(request):
            raise PermissionDenied
        conference = get_object_or_404(Conference, pk=conference_id)
        may_change = self.has_change_permission(request)
        form = AddSpeakerForm(
            request.POST if request.POST.get("do") == "add" else None, conference=conference
        )
        if request.method == "POST":
            if not may_change:
                raise PermissionDenied
            if self._change(request, conference, form):
                return redirect(request.path)
        schedule = expected_times(conference)
        rows = [
            {
                "number": number,
                "inscription": entry,
                "expected": when,
                "minutes": speaking_minutes(conference, entry.delegation),
            }
            for number, (entry, when) in enumerate(schedule, start=1)
        ]
        return TemplateResponse(
            request,
            "admin/programme/inscription/speakers_list.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": _("Speakers' list: %(conference)s") % {"conference": conference},
                "conference": conference,
                "rows": rows,
                "form": form,
                "may_change": may_change,
            },
        )

    def _change(self, request, conference, form):
        action = request.POST.get("do")
        try:
            if action == "add":
                if not form.is_valid():
                    return False
                services.request_to_speak(
                    form.cleaned_data["delegation"], speaker=form.cleaned_data["speaker"]
                )
            elif action in ("move", "withdraw"):
                entry = get_object_or_404(
                    Inscription,
                    pk=request.POST.get("inscription"),
                    conference=conference,
                    withdrawn_at__isnull=True,
                )
                if action == "withdraw":
                    services.withdraw_from_list(entry.delegation)
                else:
                    position = int(request.POST.get("position") or 0)
                    if position < 1:
                        raise DomainError(_("Give a position of 1 or more."))
                    services.move_speaker(entry, to_position=position)
            else:
                return False
        except (DomainError, ValueError) as error:
            self.message_user(request, getattr(error, "message", str(error)), messages.ERROR)
            return False
        self.message_user(request, _("The speakers' list is updated."))
        return True

    @admin.action(description=_("Withdraw from the list"), permissions=["change"])
    def withdraw_selected(self, request, queryset):
        for entry in queryset.filter(withdrawn_at__isnull=True).select_related("delegation"):
            services.withdraw_from_list(entry.delegation)
        self.message_user(request, _("The speakers' list is updated."))

    @admin.action(description=_("Swap the two selected speakers"), permissions=["change"])
    def swap_selected(self, request, queryset):
        active = list(queryset.filter(withdrawn_at__isnull=True))
        if len(active) != 2 or active[0].conference_id != active[1].conference_id:
            self.message_user(
                request, _("Select two speakers of the same list to swap."), messages.ERROR
            )
            return
        services.swap_speakers(*active)
        self.message_user(request, _("The speakers' list is updated."))
