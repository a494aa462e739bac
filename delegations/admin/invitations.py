"""Invitations and the outbox of messages."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from conference.admin_actions import apply_to_selected
from conference.admin_history import ReadOnlyHistoryAdmin
from conference.admin_services import WritesThroughServices
from delegations import services
from delegations.models import (
    Invitation,
    OutboundMessage,
)


class InvitationInline(admin.TabularInline):
    model = Invitation
    extra = 0
    fields = ["email", "state", "sent_at", "opened_at", "answered_at", "reminders_sent"]
    readonly_fields = fields
    can_delete = False
    show_change_link = True


class MessageInline(admin.TabularInline):
    model = OutboundMessage
    fk_name = "delegation"
    extra = 0
    fields = ["subject", "to", "state", "attempts", "sent_at", "last_error"]
    readonly_fields = fields
    can_delete = False
    show_change_link = True


@admin.register(Invitation)
class InvitationAdmin(WritesThroughServices, ReadOnlyHistoryAdmin):
    """Invitations are sent, reminded, resent and revoked by the actions; never edited or
    deleted, so that the record says who was invited when."""

    change_page_read_only = True

    list_display = [
        "delegation",
        "email",
        "state",
        "sent_at",
        "opened_at",
        "answered_at",
        "reminders_sent",
        "next_reminder_at",
        "expires_at",
    ]
    list_filter = ["state", "delegation__conference"]
    search_fields = ["email", "delegation__name", "delegation__acronym", "delegation__country"]
    list_select_related = ["delegation"]
    readonly_fields = [
        "delegation",
        "email",
        "state",
        "expires_at",
        "sent_at",
        "opened_at",
        "answered_at",
        "reminders_sent",
        "next_reminder_at",
    ]
    actions = ["remind_selected", "resend_selected", "revoke_selected"]

    def has_add_permission(self, request):
        return False  # invitations are sent from the delegations list

    def has_delete_permission(self, request, obj=None):
        return False  # revoked by the action instead

    @admin.action(description=_("Send a reminder now"), permissions=["change"])
    def remind_selected(self, request, queryset):
        apply_to_selected(
            self,
            request,
            queryset,
            services.remind_now,
            done=ngettext_lazy(
                "Reminded %(count)d invitation.", "Reminded %(count)d invitations.", "count"
            ),
            refused_level=messages.WARNING,
        )

    @admin.action(description=_("Resend with a new link"), permissions=["change"])
    def resend_selected(self, request, queryset):
        apply_to_selected(
            self,
            request,
            queryset,
            services.resend_invitation,
            done=ngettext_lazy(
                "Resent %(count)d invitation.", "Resent %(count)d invitations.", "count"
            ),
            refused_level=messages.WARNING,
        )

    @admin.action(description=_("Revoke the selected invitations"), permissions=["change"])
    def revoke_selected(self, request, queryset):
        apply_to_selected(
            self,
            request,
            queryset,
            services.revoke_invitation,
            done=ngettext_lazy(
                "Revoked %(count)d invitation.", "Revoked %(count)d invitations.", "count"
            ),
            refused_level=messages.WARNING,
        )


@admin.register(OutboundMessage)
class OutboundMessageAdmin(WritesThroughServices, admin.ModelAdmin):
    """The outbox is the record of what was sent: read, retried by the action, never edited or
    deleted here."""

    change_page_read_only = True

    list_display = ["subject", "to", "state", "attempts", "last_error", "created_at", "sent_at"]
    list_filter = ["state", "language", "conference"]
    search_fields = ["to", "subject", "idempotency_key"]
    date_hierarchy = "created_at"
    exclude = ["secret"]
    readonly_fields = [
        "idempotency_key",
        "conference",
        "delegation",
        "invitation",
        "to",
        "from_email",
        "reply_to",
        "subject",
        "body_text",
        "language",
        "state",
        "attempts",
        "last_error",
        "next_attempt_at",
        "sent_at",
        "created_at",
    ]
    fields = readonly_fields
    actions = ["retry_selected"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Retry now"), permissions=["change"])
    def retry_selected(self, request, queryset):
        apply_to_selected(
            self,
            request,
            queryset,
            services.retry_now,
            done=ngettext_lazy(
                "%(count)d message queued again.", "%(count)d messages queued again.", "count"
            ),
        )
