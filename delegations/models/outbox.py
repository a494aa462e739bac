"""The outbox: every e-mail is a row before it is a message.

A row is written in the same transaction as the change it announces, then delivered by a task
after commit. Its unique idempotency key makes a business event produce one row however often it
is announced; its state machine makes a row produce one SMTP transaction however often it is
dispatched. A sweep re-dispatches rows whose dispatch never ran (Redis down) or whose worker died.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from conference.models import Conference


class MessageState(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    RETRY = "retry", _("Waiting to retry")
    FAILED = "failed", _("Failed")

    @classmethod
    def waiting(cls):
        return [cls.QUEUED, cls.RETRY]


class OutboundMessage(models.Model):
    conference = models.ForeignKey(
        Conference, on_delete=models.CASCADE, related_name="messages", null=True, blank=True
    )
    delegation = models.ForeignKey(
        "delegations.Delegation",
        on_delete=models.CASCADE,
        related_name="messages",
        null=True,
        blank=True,
    )
    invitation = models.ForeignKey(
        "delegations.Invitation",
        on_delete=models.SET_NULL,
        related_name="messages",
        null=True,
        blank=True,
    )
    idempotency_key = models.CharField(max_length=200, unique=True)
    to = models.EmailField(_("to"))
    from_email = models.CharField(_("from"), max_length=200)
    reply_to = models.EmailField(_("reply to"), blank=True)
    subject = models.CharField(_("subject"), max_length=300)
    body_text = models.TextField(_("text"))
    body_html = models.TextField(_("HTML"), blank=True)
    attachments = models.JSONField(
        _("attachments"), default=list, blank=True, help_text="[{filename, mimetype, content}]"
    )
    language = models.CharField(_("language"), max_length=10, default="en")
    # A secret (an invitation link's token) is kept here only until the message is sent, and put
    # into the bodies at delivery in place of SECRET_MARKER: afterwards only its hash remains.
    secret = models.CharField(max_length=100, blank=True)
    state = models.CharField(
        _("state"), max_length=10, choices=MessageState.choices, default=MessageState.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    # Marks the rows one delivery claimed, so that concurrent deliveries never share a row.
    claim = models.UUIDField(null=True, blank=True, editable=False, db_index=True)
    last_error = models.TextField(_("last error"), blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    created_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    SECRET_MARKER = "__SECRET__"

    class Meta:
        verbose_name = _("outbound message")
        verbose_name_plural = _("outbox")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["state", "next_attempt_at"])]

    def __str__(self):
        return f"{self.subject} → {self.to}"

    @property
    def message_id(self):
        """The Message-ID, derived from the row: a resend after a crash carries the same one."""
        domain = settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].rstrip(">") or "localhost"
        return f"<outbox-{self.pk}@{domain}>"


class ProgrammeChangeNotice(models.Model):
    """One change of programme waiting to be told to one delegate.

    Changes that come close together are gathered: the beat job sends one message per delegate
    once the delegate's oldest waiting change is `due_at`, with all the changes waiting by then.
    """

    delegate = models.ForeignKey(
        "delegations.Delegate", on_delete=models.CASCADE, related_name="change_notices"
    )
    change = models.JSONField()
    due_at = models.DateTimeField()
    message = models.ForeignKey(
        OutboundMessage, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("programme change notice")
        verbose_name_plural = _("programme change notices")
        indexes = [models.Index(fields=["message", "due_at"])]

    def __str__(self):
        return f"{self.change.get('title')} → {self.delegate}"
