from django import forms
from django.contrib import admin, messages
from django.db.models import F
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, ngettext_lazy

from conference.admin_actions import apply_to_selected
from conference.admin_services import WritesThroughServices
from conference.errors import DomainError
from conference.models import Conference
from sessions import services
from sessions.models import BilateralMeeting, BilateralState

# Bilateral meetings: requests entered for a delegation, answers, the scheduler, and a room and
# time given by hand. Every change goes through the services, which tell both sides.

_REQUEST_FIELDS = ["requester", "counterpart", "preferred_day", "level", "topics"]
_SLOT_FIELDS = ["room", "starts_at", "ends_at"]


class BilateralMeetingForm(forms.ModelForm):
    class Meta:
        model = BilateralMeeting
        fields = [*_REQUEST_FIELDS, *_SLOT_FIELDS]

    def clean(self):
        cleaned = super().clean()
        try:
            if self.instance.pk is None:
                self._check_request(cleaned)
            elif any(field in self.changed_data for field in _SLOT_FIELDS):
                self._check_slot(cleaned)
        except DomainError as error:
            raise forms.ValidationError(error.message) from error
        return cleaned

    def _check_request(self, cleaned):
        requester, counterpart = cleaned.get("requester"), cleaned.get("counterpart")
        if requester and counterpart and cleaned.get("preferred_day"):
            services.check_bilateral_request(
                requester, counterpart=counterpart, preferred_day=cleaned["preferred_day"]
            )

    def _check_slot(self, cleaned):
        if not all(cleaned.get(field) for field in _SLOT_FIELDS):
            raise forms.ValidationError(_("Give the room, the start and the end."))
        if self.instance.state not in (BilateralState.ACCEPTED, BilateralState.SCHEDULED):
            raise forms.ValidationError(_("Only an accepted meeting is given a room and a time."))
        services.check_bilateral_slot(
            self.instance,
            room=cleaned["room"],
            starts_at=cleaned["starts_at"],
            ends_at=cleaned["ends_at"],
        )


@admin.register(BilateralMeeting)
class BilateralMeetingAdmin(WritesThroughServices, admin.ModelAdmin):
    form = BilateralMeetingForm
    list_display = [
        "__str__",
        "level",
        "preferred_day",
        "state",
        "room",
        "starts_at",
        "ends_at",
        "requested_at",
    ]
    list_filter = ["conference", "state", "level", "preferred_day"]
    search_fields = [
        "requester__name",
        "requester__acronym",
        "requester__country",
        "counterpart__name",
        "counterpart__acronym",
        "counterpart__country",
    ]
    list_select_related = ["requester", "counterpart", "room"]
    ordering = ["conference", F("starts_at").asc(nulls_last=True), "requested_at"]
    actions = ["accept_selected", "decline_selected", "cancel_selected", "schedule_accepted"]

    def get_fields(self, request, obj=None):
        if obj is None:
            return _REQUEST_FIELDS
        return [*self.get_readonly_fields(request, obj), *_SLOT_FIELDS]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        return [
            "conference",
            *_REQUEST_FIELDS,
            "state",
            "sequence",
            "requested_by",
            "requested_at",
            "answered_at",
            "cancelled_by",
            "cancelled_at",
        ]

    def has_delete_permission(self, request, obj=None):
        # A meeting is cancelled, which tells both sides; it is never silently removed.
        return False

    def save_model(self, request, obj, form, change):
        if not change:
            meeting = services.request_bilateral(
                obj.requester,
                counterpart=obj.counterpart,
                preferred_day=obj.preferred_day,
                level=obj.level,
                topics=obj.topics,
                requested_by=request.user.get_username(),
            )
            obj.pk = meeting.pk
        elif any(field in form.changed_data for field in _SLOT_FIELDS):
            services.reschedule_bilateral(
                obj, room=obj.room, starts_at=obj.starts_at, ends_at=obj.ends_at
            )

    @admin.action(description=_("Accept for the delegation asked"), permissions=["change"])
    def accept_selected(self, request, queryset):
        apply_to_selected(
            self,
            request,
            self._with_parties(queryset),
            services.accept_bilateral,
            done=ngettext_lazy(
                "%(count)d meeting accepted.", "%(count)d meetings accepted.", "count"
            ),
        )

    @admin.action(description=_("Decline for the delegation asked"), permissions=["change"])
    def decline_selected(self, request, queryset):
        apply_to_selected(
            self,
            request,
            self._with_parties(queryset),
            services.decline_bilateral,
            done=ngettext_lazy(
                "%(count)d meeting declined.", "%(count)d meetings declined.", "count"
            ),
        )

    @admin.action(description=_("Cancel the selected meetings"), permissions=["change"])
    def cancel_selected(self, request, queryset):
        apply_to_selected(
            self,
            request,
            self._with_parties(queryset),
            services.cancel_bilateral,
            done=ngettext_lazy(
                "%(count)d meeting cancelled.", "%(count)d meetings cancelled.", "count"
            ),
        )

    @admin.action(
        description=_("Give rooms and slots to the accepted meetings (of their conference)"),
        permissions=["change"],
    )
    def schedule_accepted(self, request, queryset):
        for conference in Conference.objects.filter(bilateral_meetings__in=queryset).distinct():
            try:
                result = services.schedule_bilaterals(conference)
            except DomainError as error:
                self.message_user(request, f"{conference}: {error.message}", messages.ERROR)
                continue
            self.message_user(
                request,
                ngettext(
                    "%(conference)s: %(count)d meeting placed; both sides are told.",
                    "%(conference)s: %(count)d meetings placed; both sides are told.",
                    len(result.placed),
                )
                % {"conference": conference, "count": len(result.placed)},
            )
            if result.unplaced:
                names = ", ".join(str(meeting) for meeting in result.unplaced)
                self.message_user(
                    request,
                    _("No slot suits both sides of: %(meetings)s.") % {"meetings": names},
                    messages.WARNING,
                )

    def _with_parties(self, queryset):
        return queryset.select_related("requester", "counterpart")
