"""The general debate's speakers' list."""

from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from conference.models import Conference
from delegations.enums import ProtocolRank
from delegations.models import Delegate, Delegation


class Inscription(models.Model):
    """A delegation's request to speak in the general debate.

    The list is ordered by the level of the person who takes the floor (`level`), then the time
    the delegation took that level (`ranked_at`: the inscription, or the substitution of a
    lower-level speaker); once organisers move or swap speakers by hand, every inscription
    carries its `position` and new ones join at the end.
    """

    conference = models.ForeignKey(
        Conference, on_delete=models.CASCADE, related_name="inscriptions"
    )
    delegation = models.ForeignKey(
        Delegation, on_delete=models.CASCADE, related_name="inscriptions"
    )
    speaker = models.ForeignKey(
        Delegate,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inscriptions",
        help_text=_("Empty: the head of delegation."),
    )
    level = models.CharField(
        _("level of the speaker"),
        max_length=40,
        choices=ProtocolRank.choices,
        default=ProtocolRank.DELEGATE,
        help_text=_("The level at which the delegation is ranked on the list."),
    )
    requested_at = models.DateTimeField(_("inscribed at"), default=timezone.now)
    ranked_at = models.DateTimeField(_("ranked at that level since"), default=timezone.now)
    started_at = models.DateTimeField(_("took the floor at"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)
    position = models.PositiveIntegerField(_("position set by hand"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    class Meta:
        verbose_name = _("speaker on the list")
        verbose_name_plural = _("speakers' list")
        ordering = ["conference", F("position").asc(nulls_last=True), "requested_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["conference", "delegation"],
                condition=Q(withdrawn_at__isnull=True),
                name="inscription_once_per_delegation",
            )
        ]

    def __str__(self):
        return f"{self.delegation} ({self.conference.slug})"


class ReplyRequest(models.Model):
    """A delegation's request to speak in exercise of the right of reply: heard at the end of
    the sitting, in the order of the requests, with the reply's own time limit."""

    sitting = models.ForeignKey(
        "programme.Session",
        on_delete=models.CASCADE,
        related_name="replies",
        verbose_name=_("sitting"),
    )
    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="replies")
    speaker = models.ForeignKey(
        Delegate, on_delete=models.SET_NULL, null=True, blank=True, related_name="replies"
    )
    requested_at = models.DateTimeField(_("asked at"), default=timezone.now)
    started_at = models.DateTimeField(_("took the floor at"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)

    class Meta:
        verbose_name = _("right of reply")
        verbose_name_plural = _("rights of reply")
        ordering = ["sitting", "requested_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["sitting", "delegation"], name="reply_once_per_sitting")
        ]

    def __str__(self):
        return f"{self.delegation} ({self.sitting})"
