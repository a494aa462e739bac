"""Invitations to delegations: a personal link whose token is kept only as its SHA-256 hash."""

import hashlib

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from delegations.models.delegation import Delegation


class InvitationState(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENT = "sent", _("Sent")
    OPENED = "opened", _("Opened")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    EXPIRED = "expired", _("Expired")
    REVOKED = "revoked", _("Revoked")

    @classmethod
    def open_states(cls):
        """States in which the link still works and an answer is awaited."""
        return [cls.QUEUED, cls.SENT, cls.OPENED]


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Invitation(models.Model):
    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("sent to"))
    state = models.CharField(
        _("state"),
        max_length=10,
        choices=InvitationState.choices,
        default=InvitationState.QUEUED,
    )
    expires_at = models.DateTimeField(_("expires at"))
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    opened_at = models.DateTimeField(_("first opened at"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    reminders_sent = models.PositiveSmallIntegerField(_("reminders sent"), default=0)
    next_reminder_at = models.DateTimeField(_("next reminder due"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]
        constraints = [
            # At most one invitation waiting for an answer per delegation: inviting twice in a
            # race still sends one.
            models.UniqueConstraint(
                fields=["delegation"],
                condition=Q(state__in=InvitationState.open_states()),
                name="invitation_one_open_per_delegation",
            )
        ]
        indexes = [
            models.Index(fields=["state", "next_reminder_at"]),
            models.Index(fields=["state", "expires_at"]),
        ]

    def __str__(self):
        return f"{self.delegation} <{self.email}> ({self.get_state_display()})"

    @property
    def is_open(self):
        return self.state in InvitationState.open_states()


class InvitationToken(models.Model):
    """One personal link of an invitation, kept only as the SHA-256 hash of its token.

    Every message that carries a link (the invitation, each reminder, a resend) gets a fresh
    token, so no raw token ever needs to be stored; all of them open the same invitation until it
    is answered, expires or is revoked.
    """

    invitation = models.ForeignKey(Invitation, on_delete=models.CASCADE, related_name="tokens")
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("invitation link")
        verbose_name_plural = _("invitation links")

    def __str__(self):
        return f"link {self.pk} of {self.invitation}"
