"""The media pool of a restricted event (the signing, the family photo): a few places, each
given by the press office to one accredited journalist, one outlet at most per pool."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from delegations.models import MediaApplication
from sessions.models.session import Session


class MediaPool(models.Model):
    session = models.OneToOneField(
        Session, on_delete=models.CASCADE, related_name="media_pool", verbose_name=_("session")
    )
    places = models.PositiveSmallIntegerField(_("places"))

    class Meta:
        verbose_name = _("media pool")
        verbose_name_plural = _("media pools")

    def __str__(self):
        return str(self.session)


class PoolPlace(models.Model):
    pool = models.ForeignKey(MediaPool, on_delete=models.CASCADE, related_name="holders")
    journalist = models.ForeignKey(
        MediaApplication,
        on_delete=models.CASCADE,
        related_name="pool_places",
        verbose_name=_("journalist"),
    )
    assigned_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("place in a media pool")
        verbose_name_plural = _("places in media pools")
        constraints = [
            models.UniqueConstraint(fields=["pool", "journalist"], name="pool_place_once")
        ]

    def __str__(self):
        return f"{self.pool}: {self.journalist}"
