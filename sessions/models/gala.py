"""The gala dinner: its tables, the delegates' answers and the seating plan.

A seat also carries its dinner (`session`), so that the database itself holds "one seat per
delegate per dinner"; the services keep it equal to the table's session.
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from conference.validators import validate_multiline_text, validate_single_line
from delegations.models import Delegate
from sessions.enums import SessionKind
from sessions.models.session import Session

_GALA_ONLY = {"kind": SessionKind.GALA_DINNER}


class GalaTable(models.Model):
    session = models.ForeignKey(
        Session,
        on_delete=models.CASCADE,
        related_name="gala_tables",
        limit_choices_to=_GALA_ONLY,
        verbose_name=_("gala dinner"),
    )
    number = models.PositiveSmallIntegerField(_("number"))
    name = models.CharField(
        _("name"), max_length=100, blank=True, validators=[validate_single_line]
    )
    seats = models.PositiveSmallIntegerField(
        _("seats"),
        help_text=_(
            "At the top table, seats are numbered from the host's far left to the host's far "
            "right; the host sits in the middle."
        ),
    )
    is_top_table = models.BooleanField(_("top table"), default=False)

    class Meta:
        verbose_name = _("gala table")
        verbose_name_plural = _("gala tables")
        ordering = ["session", "-is_top_table", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "number"],
                name="gala_table_unique_number",
                violation_error_message=_("This dinner already has a table with this number."),
            ),
            models.UniqueConstraint(
                fields=["session"],
                condition=Q(is_top_table=True),
                name="gala_table_one_top_table",
                violation_error_message=_("This dinner already has a top table."),
            ),
            models.CheckConstraint(
                condition=Q(seats__gte=1),
                name="gala_table_has_seats",
                violation_error_message=_("A table has at least one seat."),
            ),
        ]

    def __str__(self):
        label = _("Table %(number)d") % {"number": self.number}
        return f"{label} ({self.name})" if self.name else label


class GalaAnswer(models.Model):
    session = models.ForeignKey(
        Session,
        on_delete=models.CASCADE,
        related_name="gala_answers",
        limit_choices_to=_GALA_ONLY,
        verbose_name=_("gala dinner"),
    )
    delegate = models.ForeignKey(
        Delegate, on_delete=models.CASCADE, related_name="gala_answers", verbose_name=_("delegate")
    )
    attending = models.BooleanField(_("attending"))
    dietary_needs = models.TextField(
        _("dietary needs"), blank=True, validators=[validate_multiline_text]
    )
    answered_at = models.DateTimeField(_("answered at"), default=timezone.now)

    class Meta:
        verbose_name = _("answer to the gala dinner")
        verbose_name_plural = _("answers to the gala dinner")
        ordering = ["session", "-answered_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "delegate"],
                name="gala_answer_one_per_delegate",
                violation_error_message=_("This delegate has already answered; change the answer."),
            )
        ]

    def __str__(self):
        return f"{self.delegate}: {_('attending') if self.attending else _('regrets')}"


class GalaSeat(models.Model):
    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="gala_seats", editable=False
    )
    table = models.ForeignKey(
        GalaTable, on_delete=models.CASCADE, related_name="guests", verbose_name=_("table")
    )
    delegate = models.ForeignKey(
        Delegate, on_delete=models.CASCADE, related_name="gala_seats", verbose_name=_("delegate")
    )
    seat_number = models.PositiveSmallIntegerField(_("seat"))

    class Meta:
        verbose_name = _("seat at the gala dinner")
        verbose_name_plural = _("seats at the gala dinner")
        ordering = ["table", "seat_number"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "delegate"],
                name="gala_seat_one_per_delegate",
                violation_error_message=_("This delegate already has a seat at this dinner."),
            ),
            models.UniqueConstraint(
                fields=["table", "seat_number"],
                name="gala_seat_unique_number",
                violation_error_message=_("This seat is already taken."),
            ),
            # The upper bound is the table's number of seats, which the services check.
            models.CheckConstraint(
                condition=Q(seat_number__gte=1), name="gala_seat_number_positive"
            ),
        ]

    def __str__(self):
        return f"{self.delegate}: {self.table}, {_('seat')} {self.seat_number}"
