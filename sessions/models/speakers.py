"""The general debate's speakers' list."""

from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from conference.models import Conference
from delegations.models import Delegate, Delegation


class Inscription(models.Model):
    """A delegation's request to speak in the general debate.

    The list is ordered by precedence, then time of inscription; once organisers move or swap
    speakers by hand, every inscription carries its `position` and new ones join at the end.
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
    requested_at = models.DateTimeField(_("inscribed at"), default=timezone.now)
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
