"""Places in sessions with limited seats (roundtables): confirmed, or on a wait list."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from delegations.models import Delegate
from sessions.models.session import Session


class PlaceState(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("On the wait list")
    RELEASED = "released", _("Released")


class Place(models.Model):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="places")
    delegate = models.ForeignKey(Delegate, on_delete=models.CASCADE, related_name="places")
    state = models.CharField(_("state"), max_length=12, choices=PlaceState.choices)
    # Order on the wait list (1 is next); kept after promotion for the record.
    waitlist_number = models.PositiveIntegerField(_("wait-list number"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("place")
        verbose_name_plural = _("places")
        ordering = [
            "session",
            "state",
            F("waitlist_number").asc(nulls_last=True),
            "created_at",
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "delegate"],
                condition=~Q(state=PlaceState.RELEASED),
                name="place_one_per_delegate_and_session",
            ),
            models.UniqueConstraint(
                fields=["session", "waitlist_number"],
                condition=Q(state=PlaceState.WAITLISTED),
                name="place_unique_waitlist_number",
            ),
        ]
        indexes = [models.Index(fields=["session", "state"])]

    def __str__(self):
        return f"{self.delegate}: {self.session} ({self.get_state_display()})"
