"""Scanners at the doors and the record of their scans."""

from django.contrib import admin, messages
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from conference.admin_services import WritesThroughServices
from delegations import services
from delegations.models import Scan, ScannerDevice


@admin.register(ScannerDevice)
class ScannerDeviceAdmin(WritesThroughServices, admin.ModelAdmin):
    list_display = ["name", "conference", "active", "created_at"]
    list_filter = ["conference", "active"]
    search_fields = ["name"]
    list_select_related = ["conference"]

    def get_fields(self, request, obj=None):
        # A new scanner is active; switching it off (a lost phone) is an edit.
        return ["conference", "name", "active"] if obj is not None else ["conference", "name"]

    def get_readonly_fields(self, request, obj=None):
        # The conference is the token's scope: a scanner for another one is a new scanner.
        return ["conference"] if obj is not None else []

    def has_delete_permission(self, request, obj=None):
        return False  # switched off instead: its scans keep saying which door it was

    def save_model(self, request, obj, form, change):
        if change:
            services.change_scanner(obj, name=obj.name, active=obj.active)
            return
        device, token = services.register_scanner(obj.conference, obj.name)
        obj.pk = device.pk
        obj.refresh_from_db()
        self.message_user(
            request,
            _(
                "The token of %(name)s is %(token)s. Enter it once on the device at %(url)s; "
                "it is shown only now, and kept only as a hash."
            )
            % {
                "name": device.name,
                "token": token,
                "url": request.build_absolute_uri(reverse("check_in:start")),
            },
            messages.WARNING,
        )


@admin.register(Scan)
class ScanAdmin(WritesThroughServices, admin.ModelAdmin):
    """The record of every scan, allowed or refused: read-only, written by the doors only."""

    list_display = [
        "scanned_at",
        "zone",
        "direction",
        "allowed",
        "flagged",
        "reason_text",
        "badge",
        "delegation",
        "device",
        "scanned_by",
    ]
    list_filter = ["allowed", "flagged", "zone", "direction", "conference", "device"]
    search_fields = [
        "badge__number",
        "badge__delegate__family_name",
        "badge__delegate__given_names",
        "badge__journalist__family_name",
        "badge__journalist__given_names",
    ]
    list_select_related = [
        "zone",
        "badge__delegate__delegation",
        "badge__journalist__outlet",
        "device",
        "scanned_by",
    ]
    date_hierarchy = "scanned_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("reason"), ordering="reason")
    def reason_text(self, scan):
        return services.scan_message(scan) if scan.reason else self.get_empty_value_display()

    @admin.display(description=_("delegation or outlet"))
    def delegation(self, scan):
        if scan.badge is None:
            return self.get_empty_value_display()
        return scan.badge.holder_organisation
