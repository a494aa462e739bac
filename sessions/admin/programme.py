from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from conference.admin_history import ReadOnlyHistoryAdmin
from conference.errors import DomainError
from sessions import services
from sessions.models import (
    Session,
    SessionPerson,
)
from sessions.selectors import room_clash


class SessionAdminForm(forms.ModelForm):
    # The admin builds the form's fields; this only adds the check below.

    def clean(self):
        # A published session moved onto another one is refused here, as a form error, before
        # PostgreSQL's exclusion constraint would refuse it as a server error.
        cleaned = super().clean()
        if self.instance.state != "published" or not cleaned.get("starts_at"):
            return cleaned
        probe = Session(
            pk=self.instance.pk,
            room=cleaned.get("room"),
            starts_at=cleaned["starts_at"],
            ends_at=cleaned.get("ends_at") or cleaned["starts_at"],
        )
        clash = room_clash(probe)
        if clash is not None:
            raise forms.ValidationError(
                _("%(room)s already holds the published session “%(title)s” at that time."),
                params={"room": clash.room, "title": clash.title},
            )
        return cleaned


class SessionPersonInline(admin.TabularInline):
    model = SessionPerson
    extra = 0
    autocomplete_fields = ["delegate"]


@admin.register(Session)
class SessionAdmin(ReadOnlyHistoryAdmin):
    list_display = ["title", "kind", "starts_at", "ends_at", "room", "state", "conference"]
    list_filter = ["conference", "kind", "state", "room"]
    search_fields = ["title", "slug", "description"]
    date_hierarchy = "starts_at"
    list_select_related = ["room", "conference"]
    autocomplete_fields = ["conference", "room"]
    # Publishing goes through the services, which hold the no-overlap rule.
    readonly_fields = ["state"]
    form = SessionAdminForm
    inlines = [SessionPersonInline]
    actions = ["publish_selected", "cancel_selected"]

    @admin.action(description=_("Publish the selected sessions"), permissions=["change"])
    def publish_selected(self, request, queryset):
        self._apply(request, queryset, services.publish_session, _("published"))

    @admin.action(description=_("Cancel the selected sessions"), permissions=["change"])
    def cancel_selected(self, request, queryset):
        self._apply(request, queryset, services.cancel_session, _("cancelled"))

    def _apply(self, request, queryset, service, done):
        changed = 0
        for session in queryset:
            try:
                service(session)
                changed += 1
            except DomainError as error:
                self.message_user(request, f"{session}: {error.message}", messages.ERROR)
        self.message_user(
            request, _("%(count)d sessions %(done)s.") % {"count": changed, "done": done}
        )


@admin.register(SessionPerson)
class SessionPersonAdmin(admin.ModelAdmin):
    list_display = ["session", "role", "name", "delegate", "function"]
    list_filter = ["role", "session__conference"]
    search_fields = ["name", "function", "session__title"]
    autocomplete_fields = ["session", "delegate"]
