from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from sessions.models import Session, SessionPerson


class SessionPersonInline(admin.TabularInline):
    model = SessionPerson
    extra = 0
    autocomplete_fields = ["delegate"]


@admin.register(Session)
class SessionAdmin(SimpleHistoryAdmin):
    list_display = ["title", "kind", "starts_at", "ends_at", "room", "state", "conference"]
    list_filter = ["conference", "kind", "state", "room"]
    search_fields = ["title", "slug", "description"]
    date_hierarchy = "starts_at"
    list_select_related = ["room", "conference"]
    autocomplete_fields = ["conference", "room"]
    # Publishing goes through the services, which hold the no-overlap rule.
    readonly_fields = ["state"]
    inlines = [SessionPersonInline]


@admin.register(SessionPerson)
class SessionPersonAdmin(admin.ModelAdmin):
    list_display = ["session", "role", "name", "delegate", "function"]
    list_filter = ["role", "session__conference"]
    search_fields = ["name", "function", "session__title"]
    autocomplete_fields = ["session", "delegate"]
