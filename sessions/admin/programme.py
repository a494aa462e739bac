from django import forms
from django.contrib import admin
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from conference.admin_actions import apply_to_selected
from conference.admin_history import ReadOnlyHistoryAdmin
from conference.admin_services import WritesThroughServices
from conference.admin_translations import (
    TranslatedFieldsMixin,
    translated_fieldsets,
    with_translated_fields,
)
from conference.errors import DomainError
from sessions import services
from sessions.admin.interpretation import InterpretationPlanMixin
from sessions.models import Session, SessionPerson
from sessions.services.programme import PLACEMENT_FIELDS

TITLE_LABEL = _("Title (%(language)s)")
DESCRIPTION_LABEL = _("Description (%(language)s)")


class SessionAdminForm(TranslatedFieldsMixin, forms.ModelForm):
    """The console's session form. The rules (a room of the venue, an end after the start, no
    published session on another) are the programme services'; the form asks them before
    anything is saved, so a refusal shows beside the fields and nothing is written. The title
    and description in each language are fields of their own (conference/admin_translations.py),
    not the raw JSON of `translations`."""

    translated_keys = {
        "title": (TITLE_LABEL, 300),  # as Session.title
        "description": (DESCRIPTION_LABEL, None),
    }

    class Meta:
        model = Session
        # Not `translations`: the per-language fields write it. Not `state`: the actions move it.
        fields = [
            "conference",
            "slug",
            "kind",
            "title",
            "description",
            "room",
            "starts_at",
            "ends_at",
            "capacity",
            "access",
            "languages",
            "is_illustrative",
        ]

    def _post_clean(self):
        super()._post_clean()  # the instance now holds the values typed
        if self.errors or self.instance.conference_id is None:
            return
        try:
            services.check_placement(self.instance)
        except DomainError as error:
            self.add_error(None, error.message)


class SessionPersonFormSet(BaseInlineFormSet):
    def clean(self):
        """A delegate of another conference is a form error, not a failed save."""
        super().clean()
        if self.instance.conference_id is None:
            return
        for form in self.forms:
            delegate = form.cleaned_data.get("delegate") if form.cleaned_data else None
            try:
                services.check_session_delegate(self.instance, delegate)
            except DomainError as error:
                form.add_error("delegate", error.message)


# The admin lists a form's fields from the class, so the per-language fields are declared on it.
SessionAdminForm = with_translated_fields(SessionAdminForm)


class SessionPersonInline(admin.TabularInline):
    model = SessionPerson
    formset = SessionPersonFormSet
    extra = 0
    autocomplete_fields = ["delegate"]


@admin.register(Session)
class SessionAdmin(WritesThroughServices, InterpretationPlanMixin, ReadOnlyHistoryAdmin):
    list_display = ["shown_title", "kind", "starts_at", "ends_at", "room", "state", "conference"]
    list_filter = ["conference", "kind", "state", "room"]
    search_fields = ["title", "slug", "description"]
    date_hierarchy = "starts_at"
    list_select_related = ["room", "conference"]
    autocomplete_fields = ["conference", "room"]
    # The state moves through the publish and cancel actions, which hold the no-overlap rule.
    readonly_fields = ["state"]
    form = SessionAdminForm
    inlines = [SessionPersonInline]
    actions = ["publish_selected", "cancel_selected"]

    @admin.display(description=_("title"), ordering="title")
    def shown_title(self, session):
        # In the organiser's language when the session has it, as the portal shows it.
        return str(session)

    def get_readonly_fields(self, request, obj=None):
        # A session does not move to another conference once it exists.
        return ["conference", "state"] if obj else ["state"]

    def get_fieldsets(self, request, obj=None):
        return translated_fieldsets(
            self,
            request,
            obj,
            SessionAdminForm,
            _("Title and description in each language"),
            _("Leave a language empty to show the title and description above."),
        )

    def save_model(self, request, obj, form, change):
        """Every save goes through the programme's services (`create_session`,
        `reschedule_session`, `update_session`), never a plain ModelForm save."""
        obj._history_user = request.user
        typed = form.model_values(form.changed_data)
        if not change:
            fields = form.model_values(form.cleaned_data)
            session = services.create_session(fields.pop("conference"), **fields)
            obj.pk, obj.created_at, obj.updated_at = (
                session.pk,
                session.created_at,
                session.updated_at,
            )
            obj._state.adding = False
            return
        if PLACEMENT_FIELDS & set(typed):
            services.reschedule_session(
                obj, starts_at=obj.starts_at, ends_at=obj.ends_at, room=obj.room
            )
        details = {name: value for name, value in typed.items() if name not in PLACEMENT_FIELDS}
        if details:
            services.update_session(obj, **details)

    def save_formset(self, request, form, formset, change):
        """The chairs, moderators and speakers, through the programme's services too."""
        session = form.instance
        for person in formset.save(commit=False):
            fields = {name: getattr(person, name) for name in ("role", "delegate", "name")}
            fields |= {"function": person.function, "position": person.position}
            if person.pk is None:
                services.add_session_person(session, **fields)
            else:
                services.change_session_person(person, **fields)
        for person in formset.deleted_objects:
            services.remove_session_person(person)

    def has_delete_permission(self, request, obj=None):
        return False  # cancelled by the action, which tells those who had a place

    @admin.action(description=_("Publish the selected sessions"), permissions=["change"])
    def publish_selected(self, request, queryset):
        apply_to_selected(
            self,
            request,
            queryset.select_related("room", "conference"),
            services.publish_session,
            done=ngettext_lazy(
                "%(count)d session published.", "%(count)d sessions published.", "count"
            ),
        )

    @admin.action(description=_("Cancel the selected sessions"), permissions=["change"])
    def cancel_selected(self, request, queryset):
        apply_to_selected(
            self,
            request,
            queryset,
            services.cancel_session,
            done=ngettext_lazy(
                "%(count)d session cancelled.", "%(count)d sessions cancelled.", "count"
            ),
        )


@admin.register(SessionPerson)
class SessionPersonAdmin(WritesThroughServices, admin.ModelAdmin):
    list_display = ["session", "role", "name", "delegate", "function"]
    list_filter = ["role", "session__conference"]
    search_fields = ["name", "function", "session__title"]
    autocomplete_fields = ["session", "delegate"]

    def get_readonly_fields(self, request, obj=None):
        # Naming someone in another session is adding them there.
        return ["session"] if obj else []

    def save_model(self, request, obj, form, change):
        fields = {name: getattr(obj, name) for name in ("role", "delegate", "name", "function")}
        fields["position"] = obj.position
        if change:
            services.change_session_person(obj, **fields)
        else:
            obj.pk = services.add_session_person(obj.session, **fields).pk

    def delete_model(self, request, obj):
        services.remove_session_person(obj)
