"""Invitations and the outbox of messages."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from conference.admin_history import ReadOnlyHistoryAdmin
from conference.errors import DomainError
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
class InvitationAdmin(ReadOnlyHistoryAdmin):
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

    @admin.action(description=_("Send a reminder now"), permissions=["change"])
    def remind_selected(self, request, queryset):
        self._each(request, queryset, services.remind_now, _("Reminded %(count)d invitations."))

    @admin.action(description=_("Resend with a new link"), permissions=["change"])
    def resend_selected(self, request, queryset):
        self._each(
            request, queryset, services.resend_invitation, _("Resent %(count)d invitations.")
        )

    @admin.action(description=_("Revoke"), permissions=["change"])
    def revoke_selected(self, request, queryset):
        self._each(
            request, queryset, services.revoke_invitation, _("Revoked %(count)d invitations.")
        )

    def _each(self, request, queryset, service, done):
        count = 0
        for invitation in queryset:
            try:
                service(invitation)
                count += 1
            except DomainError as error:
                self.message_user(request, f"{invitation}: {error.message}", messages.WARNING)
        self.message_user(request, done % {"count": count})


@admin.register(OutboundMessage)
class OutboundMessageAdmin(admin.ModelAdmin):
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

    @admin.action(description=_("Retry now"), permissions=["change"])
    def retry_selected(self, request, queryset):
        for message in queryset:
            try:
                services.retry_now(message)
            except DomainError as error:
                self.message_user(request, error.message, level=messages.ERROR)
        self.message_user(
            request, _("Queued %(count)d messages again.") % {"count": queryset.count()}
        )
