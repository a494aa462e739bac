"""The general debate's speakers' list in the console: the chair's running order (opening
statements, the list, the rights of reply) with expected and actual times, and the organisers'
moves: add a delegation, substitute its speaker, move, swap, withdraw. Every change goes through
the services (sessions/services/speakers.py), which hold the rules."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from conference.admin_services import WritesThroughServices
from conference.errors import DomainError
from conference.forms import RefusesControlCharacters
from conference.models import Conference
from delegations.choices import DelegationChoiceField, delegations_on_the_floor
from delegations.models import Delegate, Delegation
from sessions import services
from sessions.errors import SpeakerNotInDelegation
from sessions.models import Inscription
from sessions.selectors import running_order


class AddSpeakerForm(RefusesControlCharacters, forms.Form):
    delegation = DelegationChoiceField(queryset=Delegation.objects.none(), label=_("Delegation"))
    speaker = forms.ModelChoiceField(
        queryset=Delegate.objects.none(),
        required=False,
        label=_("Speaker"),
        help_text=_("Empty: the head of delegation."),
    )
    # Whether the speaker may speak for the delegation is the service's rule.

    def __init__(self, *args, conference, **kwargs):
        super().__init__(*args, **kwargs)
        inscribed = Inscription.objects.filter(
            conference=conference, withdrawn_at__isnull=True
        ).values("delegation_id")
        delegations = delegations_on_the_floor(conference).exclude(pk__in=inscribed)
        self.fields["delegation"].queryset = delegations
        self.fields["speaker"].queryset = Delegate.objects.filter(delegation__in=delegations)


@admin.register(Inscription)
class InscriptionAdmin(WritesThroughServices, admin.ModelAdmin):
    change_page_read_only = True  # withdrawn and swapped by the actions

    list_display = ["delegation", "speaker", "level", "requested_at", "position", "withdrawn_at"]
    list_filter = ["conference", ("withdrawn_at", admin.EmptyFieldListFilter)]
    search_fields = ["delegation__name", "delegation__country", "speaker__family_name"]
    list_select_related = ["delegation", "speaker", "conference"]
    # The speaker changes from the list, through the service that ranks the delegation again.
    fields = readonly_fields = [
        "conference",
        "delegation",
        "speaker",
        "level",
        "requested_at",
        "ranked_at",
        "position",
        "started_at",
        "ended_at",
        "withdrawn_at",
    ]
    actions = ["withdraw_selected", "swap_selected"]
    change_list_template = "admin/programme/inscription/change_list.html"

    def has_add_permission(self, request):
        return False  # added from the list in speaking order, through the service

    def has_delete_permission(self, request, obj=None):
        return False  # withdrawn by the action, which keeps the list's order

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
        rows, number = [], 0
        for statement in running_order(conference):
            if statement.kind == "list":
                number += 1
            rows.append(
                {
                    "kind": statement.kind,
                    "number": number if statement.kind == "list" else "",
                    "inscription": statement.entry if statement.kind == "list" else None,
                    "who": _who(statement),
                    "speaker": _speaker(statement),
                    "expected": statement.expected_at,
                    "started": statement.started_at,
                    "minutes": statement.minutes,
                }
            )
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
            elif action in ("move", "withdraw", "substitute"):
                entry = get_object_or_404(
                    Inscription,
                    pk=request.POST.get("inscription"),
                    conference=conference,
                    withdrawn_at__isnull=True,
                )
                if action == "withdraw":
                    services.withdraw_from_list(entry.delegation)
                elif action == "substitute":
                    chosen = request.POST.get("speaker", "")
                    speaker = (
                        Delegate.objects.filter(pk=int(chosen), conference=conference).first()
                        if chosen.isdigit() and len(chosen) < 10
                        else None
                    )
                    if speaker is None:
                        raise SpeakerNotInDelegation()
                    services.substitute_speaker(entry, speaker=speaker)
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


def _who(statement):
    if statement.kind == "opening":
        return statement.entry.public_name
    return statement.entry.delegation.display_name


def _speaker(statement):
    if statement.kind == "opening":
        return statement.entry.public_function
    return statement.entry.speaker.full_name if statement.entry.speaker else ""
