"""The console's page of API tokens, in place of knox's own.

knox's page lets a superuser create a token for anyone and shows it in a message; tokens are
issued by their owner in the portal, so this one only lists them (whose, since when, the first
characters that identify one without being one) and deletes them, which revokes them. Only the
superuser sees it (config.console groups it with the other sign-in records)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from knox.models import AuthToken

admin.site.unregister(AuthToken)


@admin.register(AuthToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["user", "token_key", "created", "expiry"]
    list_select_related = ["user"]
    search_fields = ["user__username", "user__email"]
    # The digest is the primary key: never shown, never searched.
    fields = ["user", "token_key", "created", "expiry"]
    readonly_fields = fields
    ordering = ["-created"]

    @admin.display(description=_("first characters"))
    def token_key(self, token):
        return f"{token.token_key[:8]}…"

    def has_module_permission(self, request):
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser
