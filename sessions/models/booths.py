"""The exhibition: exhibitors and their booths in the exhibition hall.

The exhibition's opening hours are programme items (sessions of kind "exhibition" in the hall);
a booth is set up before the first opens and cleared after the last closes.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from conference.models import Conference, Room
from conference.validators import validate_multiline_text, validate_single_line
from delegations.enums import DelegationKind
from delegations.models import Delegation

# Who may hold a booth: companies and research institutions, the UN entities that run the
# exhibition with the host, and (by the services) the host State's delegation.
EXHIBITOR_KINDS = [
    DelegationKind.PRIVATE_SECTOR,
    DelegationKind.ACADEMIA,
    DelegationKind.UN_ENTITY,
]


def may_exhibit(conference) -> Q:
    """The delegations of `conference` that may hold a booth, as a filter."""
    return Q(conference=conference) & (
        Q(kind__in=EXHIBITOR_KINDS)
        | Q(kind__in=DelegationKind.states(), country=conference.host_country.code)
    )


class BoothState(models.TextChoices):
    AVAILABLE = "available", _("Available")
    ALLOCATED = "allocated", _("Allocated")
    CLOSED = "closed", _("Not offered")


class Exhibitor(models.Model):
    """What the exhibition catalogue says of an exhibiting delegation, and whom to call."""

    delegation = models.OneToOneField(
        Delegation,
        on_delete=models.CASCADE,
        related_name="exhibitor",
        verbose_name=_("delegation"),
    )
    description = models.TextField(
        _("description"), blank=True, validators=[validate_multiline_text]
    )
    contact_name = models.CharField(
        _("contact person"), max_length=200, validators=[validate_single_line]
    )
    contact_email = models.EmailField(_("contact e-mail"))
    contact_phone = models.CharField(
        _("contact telephone"), max_length=40, blank=True, validators=[validate_single_line]
    )
    website = models.URLField(_("website"), blank=True)

    class Meta:
        verbose_name = _("exhibitor")
        verbose_name_plural = _("exhibitors")
        ordering = ["delegation__name"]

    def __str__(self):
        return str(self.delegation)


class Booth(models.Model):
    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="booths")
    room = models.ForeignKey(
        Room,
        on_delete=models.PROTECT,
        related_name="booths",
        limit_choices_to={"kind": Room.Kind.EXHIBITION_HALL},
        verbose_name=_("exhibition hall"),
    )
    code = models.CharField(_("booth number"), max_length=12, help_text=_("For example A12."))
    width_m = models.DecimalField(_("width (m)"), max_digits=4, decimal_places=1)
    depth_m = models.DecimalField(_("depth (m)"), max_digits=4, decimal_places=1)
    location = models.CharField(
        _("location in the hall"),
        max_length=200,
        blank=True,
        help_text=_("For example: row A, by the main entrance."),
        validators=[validate_single_line],
    )
    state = models.CharField(
        _("state"), max_length=12, choices=BoothState.choices, default=BoothState.AVAILABLE
    )
    exhibitor = models.ForeignKey(
        Delegation,
        on_delete=models.PROTECT,
        related_name="booths",
        null=True,
        blank=True,
        verbose_name=_("exhibitor"),
    )
    setup_from = models.DateTimeField(_("set-up from"), null=True, blank=True)
    teardown_by = models.DateTimeField(_("cleared by"), null=True, blank=True)
    allocated_at = models.DateTimeField(_("allocated at"), null=True, blank=True)

    class Meta:
        verbose_name = _("booth")
        verbose_name_plural = _("booths")
        ordering = ["conference", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["conference", "code"],
                name="booth_unique_code",
                violation_error_message=_("The exhibition already has a booth with this number."),
            ),
            # An exhibitor, and the times of set-up and tear-down, exactly when allocated: a
            # booth is never held by two exhibitors, nor by one without a state saying so.
            models.CheckConstraint(
                condition=(
                    Q(state=BoothState.ALLOCATED)
                    & Q(exhibitor__isnull=False, setup_from__isnull=False)
                    & Q(teardown_by__gt=models.F("setup_from"))
                )
                | (~Q(state=BoothState.ALLOCATED) & Q(exhibitor__isnull=True)),
                name="booth_allocated_has_exhibitor_and_times",
            ),
            models.CheckConstraint(
                condition=Q(width_m__gt=0, depth_m__gt=0), name="booth_has_a_size"
            ),
        ]

    def __str__(self):
        return _("Booth %(code)s") % {"code": self.code}

    @property
    def size(self):
        return f"{float(self.width_m):g} \N{MULTIPLICATION SIGN} {float(self.depth_m):g} m"

    @property
    def area(self):
        return self.width_m * self.depth_m
