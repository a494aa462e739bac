"""The console's webhooks: registered by Protocol; their delivery log is read-only."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from conference.admin_services import ReferenceDataAdmin, WritesThroughServices
from conference.webhooks.models import Webhook, WebhookDelivery, WebhookEvent


class WebhookForm(forms.ModelForm):
    url = forms.URLField(
        label=_("URL"),
        max_length=500,
        assume_scheme="https",
        help_text=_("Where each event is POSTed."),
    )
    events = forms.MultipleChoiceField(
        label=_("events"),
        choices=WebhookEvent.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The events this webhook receives."),
    )

    class Meta:
        model = Webhook
        fields = ["conference", "url", "events", "active"]


@admin.register(Webhook)
class WebhookAdmin(ReferenceDataAdmin, admin.ModelAdmin):
    """Saved and deleted as reference data: a webhook with deliveries in its log stays (it is
    switched off instead), so that the log keeps saying where each event went."""

    form = WebhookForm
    list_display = ["url", "conference", "active", "created_at"]
    list_filter = ["conference", "active"]

    def get_readonly_fields(self, request, obj=None):
        # The secret is shown once saved, to those who may change the webhook, never edited.
        if obj is not None and self.has_change_permission(request, obj):
            return ["secret"]
        return []


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(WritesThroughServices, admin.ModelAdmin):
    """The delivery log: what was sent where, and how it went. Only the service writes it."""

    list_display = [
        "idempotency_key",
        "event",
        "webhook",
        "state",
        "attempts",
        "last_status_code",
        "created_at",
        "delivered_at",
    ]
    list_filter = ["state", "event", "webhook__conference"]
    search_fields = ["idempotency_key", "webhook__url"]
    list_select_related = ["webhook"]
    readonly_fields = [
        "webhook",
        "event",
        "idempotency_key",
        "payload",
        "state",
        "attempts",
        "next_attempt_at",
        "last_status_code",
        "last_error",
        "created_at",
        "updated_at",
        "delivered_at",
    ]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
