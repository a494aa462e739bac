"""How each delegate arrives and leaves: for the airport desk, transfers and hotels."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from conference.validators import validate_single_line
from delegations.enums import AirportTransfer
from delegations.models.delegation import Delegate


class Travel(models.Model):
    delegate = models.OneToOneField(Delegate, on_delete=models.CASCADE, related_name="travel")
    arrives_at = models.DateTimeField(_("arrival (date and time)"), null=True, blank=True)
    arrival_flight = models.CharField(
        _("arrival flight"), max_length=20, blank=True, validators=[validate_single_line]
    )
    arrival_airport = models.CharField(
        _("arrival airport"),
        max_length=60,
        blank=True,
        help_text=_("For example HAN"),
        validators=[validate_single_line],
    )
    departs_at = models.DateTimeField(_("departure (date and time)"), null=True, blank=True)
    departure_flight = models.CharField(
        _("departure flight"), max_length=20, blank=True, validators=[validate_single_line]
    )
    departure_airport = models.CharField(
        _("departure airport"), max_length=60, blank=True, validators=[validate_single_line]
    )
    hotel = models.CharField(
        _("hotel"), max_length=200, blank=True, validators=[validate_single_line]
    )
    transfer = models.CharField(
        _("airport transfer"),
        max_length=10,
        choices=AirportTransfer.choices,
        default=AirportTransfer.NONE,
    )
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("travel")
        verbose_name_plural = _("travel")
        constraints = [
            models.CheckConstraint(
                condition=Q(arrives_at__isnull=True)
                | Q(departs_at__isnull=True)
                | Q(departs_at__gt=F("arrives_at")),
                name="travel_departure_after_arrival",
                violation_error_message=_("The departure must come after the arrival."),
            )
        ]

    def __str__(self):
        return str(self.delegate)
