"""Badges, the scanners at the doors, and every scan they make."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from conference.models import AccessZone, Conference
from conference.validators import validate_multiline_text, validate_single_line
from delegations.enums import BadgeCategory
from delegations.models.delegation import Delegate
from delegations.models.media import MEDIA_CATEGORY, MediaApplication

# A delegate's badge is of their badge category; a journalist's of the media category.
BADGE_CATEGORIES = [*BadgeCategory.choices, (MEDIA_CATEGORY, _("Press"))]


class BadgeColour(models.TextChoices):
    """The common badge scheme of UN conferences (see the Hanoi facts)."""

    RED = "red", _("Red: delegates and heads of delegation")
    GREEN = "green", _("Green: UN entities, organisations, observers, Secretariat")
    YELLOW = "yellow", _("Yellow: special guests and press")
    BLUE = "blue", _("Blue: public, host security, staff and volunteers")


class BadgeState(models.TextChoices):
    ACTIVE = "active", _("Active")
    REVOKED = "revoked", _("Revoked")


class Badge(models.Model):
    """A delegate's badge, or an accredited journalist's: one table, so that printing, the
    doors, revocation and the scans' record are the same for both."""

    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="badges")
    delegate = models.ForeignKey(
        Delegate, on_delete=models.CASCADE, null=True, blank=True, related_name="badges"
    )
    journalist = models.ForeignKey(
        MediaApplication,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="badges",
        verbose_name=_("journalist"),
    )
    number = models.CharField(_("badge number"), max_length=20)
    category = models.CharField(_("category"), max_length=20, choices=BADGE_CATEGORIES)
    colour = models.CharField(_("colour"), max_length=10, choices=BadgeColour.choices)
    zones = models.JSONField(_("access zones"), default=list, help_text=_("Codes of the zones."))
    state = models.CharField(
        _("state"), max_length=10, choices=BadgeState.choices, default=BadgeState.ACTIVE
    )
    issued_at = models.DateTimeField(_("issued at"), auto_now_add=True)
    printed_at = models.DateTimeField(_("printed at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revocation_reason = models.CharField(
        _("reason of the revocation"),
        max_length=300,
        blank=True,
        validators=[validate_multiline_text],
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("badge")
        verbose_name_plural = _("badges")
        ordering = ["conference", "number"]
        # Printing is the accreditation desk's; revoking (`change`) is security's.
        permissions = [("print_badge", _("Can print badges"))]
        constraints = [
            models.UniqueConstraint(
                fields=["conference", "number"], name="badge_unique_number_per_conference"
            ),
            # A person carries one valid badge at a time; a reprint revokes the old one first.
            models.UniqueConstraint(
                fields=["delegate"],
                condition=Q(state="active"),
                name="badge_one_active_per_delegate",
            ),
            models.UniqueConstraint(
                fields=["journalist"],
                condition=Q(state="active"),
                name="badge_one_active_per_journalist",
            ),
            models.CheckConstraint(
                condition=Q(delegate__isnull=False, journalist__isnull=True)
                | Q(delegate__isnull=True, journalist__isnull=False),
                name="badge_one_holder",
            ),
        ]

    def __str__(self):
        return f"{self.number} {self.holder}"

    @property
    def holder(self) -> Delegate | MediaApplication:
        """The person who carries the badge: a delegate or a journalist."""
        return self.delegate if self.delegate_id is not None else self.journalist

    @property
    def holder_organisation(self) -> str:
        """What the badge names under the person: the delegation, or the journalist's outlet."""
        if self.delegate_id is not None:
            return self.delegate.delegation.display_name
        return self.journalist.outlet.name


class ScannerDevice(models.Model):
    """A phone or handheld at a door; it authenticates with a token stored only as a hash."""

    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="scanners")
    name = models.CharField(_("name"), max_length=100, validators=[validate_single_line])
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("scanner")
        verbose_name_plural = _("scanners")

    def __str__(self):
        return self.name


class ScanDirection(models.TextChoices):
    ENTRY = "entry", _("Entry")
    EXIT = "exit", _("Exit")


class Scan(models.Model):
    """One reading of a badge at a zone's door, allowed or refused, kept for the record."""

    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="scans")
    badge = models.ForeignKey(
        Badge, on_delete=models.CASCADE, null=True, blank=True, related_name="scans"
    )
    zone = models.ForeignKey(AccessZone, on_delete=models.PROTECT, related_name="scans")
    direction = models.CharField(_("direction"), max_length=5, choices=ScanDirection.choices)
    allowed = models.BooleanField(_("allowed"))
    reason = models.CharField(_("reason"), max_length=40, blank=True)
    flagged = models.BooleanField(
        _("flagged"), default=False, help_text=_("An entry without an exit since the last one.")
    )
    device = models.ForeignKey(
        ScannerDevice, on_delete=models.SET_NULL, null=True, blank=True, related_name="scans"
    )
    scanned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    scanned_at = models.DateTimeField(_("scanned at"), auto_now_add=True)

    class Meta:
        verbose_name = _("scan")
        verbose_name_plural = _("scans")
        ordering = ["-scanned_at"]
        indexes = [models.Index(fields=["badge", "zone", "scanned_at"])]

    def __str__(self):
        return f"{self.badge or '?'} {self.direction} {self.zone}"
