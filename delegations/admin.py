from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from delegations.enums import ProtocolRank
from delegations.models import Delegate, Delegation


class DelegateInline(admin.TabularInline):
    model = Delegate
    extra = 0
    fields = [
        "title",
        "family_name",
        "given_names",
        "function",
        "role",
        "protocol_rank",
        "email",
        "accreditation_status",
    ]
    readonly_fields = ["accreditation_status"]
    show_change_link = True


@admin.register(Delegation)
class DelegationAdmin(SimpleHistoryAdmin):
    list_display = [
        "display_name",
        "acronym",
        "kind",
        "conference",
        "language",
        "focal_point_email",
        "status",
    ]
    list_filter = ["conference", "kind", "status", "language"]
    search_fields = ["name", "acronym", "country", "focal_point_name", "focal_point_email"]
    list_select_related = ["conference"]
    autocomplete_fields = ["conference"]
    inlines = [DelegateInline]

    @admin.display(description="delegation", ordering="name")
    def display_name(self, delegation):
        return delegation.display_name


@admin.register(Delegate)
class DelegateAdmin(SimpleHistoryAdmin):
    list_display = [
        "family_name",
        "given_names",
        "function",
        "delegation",
        "role",
        "protocol_rank",
        "accreditation_status",
    ]
    list_filter = ["delegation__conference", "role", "protocol_rank", "accreditation_status"]
    search_fields = ["family_name", "given_names", "email", "delegation__name", "function"]
    list_select_related = ["delegation"]
    autocomplete_fields = ["delegation"]
    readonly_fields = ["accreditation_status"]

    def get_queryset(self, request):
        # Order by precedence (highest rank first), then by name.
        return (
            super()
            .get_queryset(request)
            .alias(precedence=ProtocolRank.precedence_expression())
            .order_by("precedence", "family_name")
        )
