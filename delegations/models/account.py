"""A focal point's portal account: a Django user tied to the delegations they register."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from delegations.models.delegation import Delegation
from delegations.models.invitation import Invitation


class PortalAccount(models.Model):
    """One user may register several delegations (the same mission for several conferences);
    every portal query starts from the delegation this row gives them."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="portal_accounts"
    )
    delegation = models.ForeignKey(
        Delegation, on_delete=models.CASCADE, related_name="portal_accounts"
    )
    invitation = models.ForeignKey(
        Invitation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("portal account")
        verbose_name_plural = _("portal accounts")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "delegation"], name="portal_account_once_per_delegation"
            )
        ]

    def __str__(self):
        return f"{self.user} for {self.delegation}"
