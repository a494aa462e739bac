"""Media accreditation: journalists apply on their own (not through a delegation), the press
office accredits them within their outlet's quota, and their yellow badge opens the zones of the
media category."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from conference.models import Conference
from conference.validators import validate_multiline_text, validate_single_line
from delegations.enums import MediaRole, MediaState
from delegations.models.delegation import document_path, photo_path

# The badge category of the press in `Conference.badge_zones`, and its colour.
MEDIA_CATEGORY = "media"


class MediaOutlet(models.Model):
    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="outlets")
    name = models.CharField(_("outlet"), max_length=200, validators=[validate_single_line])
    country = CountryField(_("country"), blank=True)
    quota = models.PositiveSmallIntegerField(_("journalists accredited at most"), default=3)

    class Meta:
        verbose_name = _("media outlet")
        verbose_name_plural = _("media outlets")
        ordering = ["conference", "name"]
        constraints = [
            models.UniqueConstraint(
                models.functions.Lower("name"), "conference", name="media_outlet_unique_name"
            )
        ]

    def __str__(self):
        return self.name


class MediaApplication(models.Model):
    conference = models.ForeignKey(
        Conference, on_delete=models.CASCADE, related_name="media_applications"
    )
    outlet = models.ForeignKey(
        MediaOutlet, on_delete=models.PROTECT, related_name="applications", verbose_name=_("outlet")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="media_applications"
    )
    family_name = models.CharField(
        _("family name"), max_length=150, validators=[validate_single_line]
    )
    given_names = models.CharField(
        _("given names"), max_length=150, validators=[validate_single_line]
    )
    email = models.EmailField(_("e-mail"))
    nationality = CountryField(_("nationality"))
    role = models.CharField(_("role"), max_length=20, choices=MediaRole.choices)
    press_card_number = models.CharField(
        _("press card number"), max_length=60, validators=[validate_single_line]
    )
    press_card = models.FileField(_("press card"), upload_to=document_path)
    press_card_name = models.CharField(
        _("file name as uploaded"),
        max_length=200,
        blank=True,
        editable=False,
        help_text=_("Shown to readers only; the file is stored under a random name."),
    )
    photo = models.FileField(_("photo"), upload_to=photo_path)
    equipment = models.TextField(_("equipment"), blank=True, validators=[validate_multiline_text])
    language = models.CharField(_("language of correspondence"), max_length=10, default="en")
    state = models.CharField(
        _("state"), max_length=20, choices=MediaState.choices, default=MediaState.SUBMITTED
    )
    badge_number = models.CharField(_("badge number"), max_length=20, blank=True)
    zones = models.JSONField(_("access zones"), default=list, blank=True)
    reason = models.TextField(
        _("reason of the refusal"), blank=True, validators=[validate_multiline_text]
    )
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("media accreditation")
        verbose_name_plural = _("media accreditations")
        ordering = ["conference", "-submitted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["conference", "user"], name="media_application_once_per_conference"
            ),
            models.UniqueConstraint(
                fields=["conference", "badge_number"],
                condition=~Q(badge_number=""),
                name="media_badge_number_unique",
            ),
        ]

    def __str__(self):
        return f"{self.full_name} ({self.outlet})"

    @property
    def full_name(self):
        return f"{self.given_names} {self.family_name}"
