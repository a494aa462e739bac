"""Travel (the airport desk's list) and the focal points' portal accounts."""

from django.contrib import admin
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from conference.admin_history import ReadOnlyHistoryAdmin
from conference.admin_services import WritesThroughServices
from delegations import services
from delegations.admin.arrivals import ArrivalsSheetMixin
from delegations.admin.spreadsheets import TravelSpreadsheets
from delegations.models import PortalAccount, Travel


@admin.register(Travel)
class TravelAdmin(
    WritesThroughServices, ArrivalsSheetMixin, TravelSpreadsheets, ReadOnlyHistoryAdmin
):
    """The airport desk's list: who lands when, on which flight, and who needs a car. Saved
    through `save_travel_as_organiser`, which tells the liaison officer."""

    list_display = [
        "delegate",
        "delegation",
        "arrives_at",
        "arrival_flight",
        "arrival_airport",
        "departs_at",
        "departure_flight",
        "hotel",
        "transfer",
    ]
    list_filter = ["delegate__delegation__conference", "transfer", "arrival_airport"]
    search_fields = ["delegate__family_name", "arrival_flight", "departure_flight", "hotel"]
    list_select_related = ["delegate__delegation"]
    date_hierarchy = "arrives_at"
    ordering = [F("arrives_at").asc(nulls_last=True)]
    autocomplete_fields = ["delegate"]

    @admin.display(description=_("delegation"), ordering="delegate__delegation")
    def delegation(self, travel):
        return travel.delegate.delegation

    def save_model(self, request, obj, form, change):
        services.save_travel_as_organiser(obj)

    def has_delete_permission(self, request, obj=None):
        # Travel is changed (and the liaison officer told), never deleted: it goes with its
        # delegate.
        return False


@admin.register(PortalAccount)
class PortalAccountAdmin(WritesThroughServices, admin.ModelAdmin):
    """Accounts are made from an accepted invitation; the console closes one
    (`close_portal_account`, which also revokes the API token and writes the security log)."""

    change_page_read_only = True
    list_display = ["user", "delegation", "created_at"]
    list_filter = ["delegation__conference"]
    search_fields = ["user__email", "delegation__name", "delegation__country"]
    list_select_related = ["user", "delegation"]
    readonly_fields = ["user", "delegation", "invitation", "created_at"]

    def has_add_permission(self, request):
        return False  # accounts are made from an accepted invitation

    def delete_model(self, request, obj):
        services.close_portal_account(obj, closed_by=request.user)
