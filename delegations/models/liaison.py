"""Liaison officers: host staff who accompany delegations from the airport to the hotel.

A liaison officer signs in with an account of their own (not a console account) and sees only
the delegations assigned to them. Each delegation has at most one liaison officer.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from conference.models import Conference
from conference.validators import validate_single_line
from delegations.models.delegation import CORRESPONDENCE_LANGUAGES, Delegation


class LiaisonOfficer(models.Model):
    conference = models.ForeignKey(
        Conference, on_delete=models.CASCADE, related_name="liaison_officers"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="liaison_officers"
    )
    name = models.CharField(_("name"), max_length=200, validators=[validate_single_line])
    phone = models.CharField(
        _("telephone"), max_length=40, blank=True, validators=[validate_single_line]
    )
    language = models.CharField(
        _("language of correspondence"),
        max_length=10,
        choices=CORRESPONDENCE_LANGUAGES,
        default="en",
    )

    class Meta:
        verbose_name = _("liaison officer")
        verbose_name_plural = _("liaison officers")
        constraints = [
            models.UniqueConstraint(
                fields=["conference", "user"], name="liaison_officer_once_per_conference"
            )
        ]

    def __str__(self):
        return self.name


class LiaisonAssignment(models.Model):
    """One delegation in one officer's care; the one-to-one field keeps it to one officer."""

    delegation = models.OneToOneField(
        Delegation, on_delete=models.CASCADE, related_name="liaison", verbose_name=_("delegation")
    )
    officer = models.ForeignKey(
        LiaisonOfficer,
        on_delete=models.CASCADE,
        related_name="assignments",
        verbose_name=_("liaison officer"),
    )
    assigned_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("delegation in the care of a liaison officer")
        verbose_name_plural = _("delegations in the care of liaison officers")

    def __str__(self):
        return f"{self.delegation} - {self.officer}"
