"""A registered webhook and each delivery of an event to it."""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _


class WebhookEvent(models.TextChoices):
    RELEASE_PUBLISHED = "release.published", _("A new release of the programme")
    DELEGATION_STATUS = "delegation.status_changed", _("A delegation's status changed")
    DELEGATE_ACCREDITED = "delegate.accredited", _("A delegate was accredited")
    SIGNATURE_RECORDED = "signature.recorded", _("A signature of the Convention was recorded")


class DeliveryState(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENDING = "sending", _("Sending")
    DELIVERED = "delivered", _("Delivered")
    RETRY = "retry", _("Waiting to retry")
    FAILED = "failed", _("Failed")


def new_secret():
    return secrets.token_urlsafe(32)


class Webhook(models.Model):
    conference = models.ForeignKey(
        "conference.Conference",
        on_delete=models.CASCADE,
        related_name="webhooks",
        verbose_name=_("conference"),
    )
    url = models.URLField(_("URL"), max_length=500, help_text=_("Where each event is POSTed."))
    events = models.JSONField(
        _("events"), default=list, help_text=_("The events this webhook receives.")
    )
    secret = models.CharField(
        _("signing secret"),
        max_length=100,
        default=new_secret,
        help_text=_("Signs each delivery (HMAC-SHA256); give it to the receiver."),
    )
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("webhook")
        verbose_name_plural = _("webhooks")
        ordering = ["conference", "url"]

    def __str__(self):
        return self.url


class WebhookDelivery(models.Model):
    webhook = models.ForeignKey(
        Webhook, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("webhook")
    )
    event = models.CharField(_("event"), max_length=40, choices=WebhookEvent.choices)
    idempotency_key = models.CharField(
        _("idempotency key"),
        max_length=200,
        unique=True,
        help_text=_("One per event and webhook: the receiver sees it to drop a repeat."),
    )
    payload = models.JSONField(_("payload"))
    state = models.CharField(
        _("state"), max_length=20, choices=DeliveryState.choices, default=DeliveryState.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt at"), null=True, blank=True)
    last_status_code = models.PositiveSmallIntegerField(
        _("last HTTP status"), null=True, blank=True
    )
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    delivered_at = models.DateTimeField(_("delivered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["state", "next_attempt_at"])]

    def __str__(self):
        return self.idempotency_key
