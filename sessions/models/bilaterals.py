"""Bilateral meetings: a delegation asks another for a meeting; once accepted, it is given a
bilateral room and a slot that suits both sides.

Each side is led by its head of delegation, whose programme the slot must leave free; the level
records the rank of representation asked for. A meeting keeps its last room and time when it is
cancelled, for the record; only scheduled meetings hold their room.
"""

from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Greatest, Least
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from conference.models import Conference, Room
from conference.validators import validate_multiline_text
from delegations.models import Delegation


class BilateralState(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    ACCEPTED = "accepted", _("Accepted, waiting for a slot")
    DECLINED = "declined", _("Declined")
    CANCELLED = "cancelled", _("Cancelled")
    SCHEDULED = "scheduled", _("Scheduled")

    @classmethod
    def open(cls):
        """The states in which a meeting still stands between the two delegations."""
        return [cls.REQUESTED, cls.ACCEPTED, cls.SCHEDULED]


class BilateralLevel(models.TextChoices):
    HEADS_OF_STATE_OR_GOVERNMENT = "summit", _("Heads of State or Government")
    MINISTERIAL = "ministerial", _("Ministers")
    SENIOR_OFFICIALS = "senior_officials", _("Senior officials")
    EXPERTS = "experts", _("Experts")


_SLOT_SET = Q(room__isnull=False, starts_at__isnull=False, ends_at__isnull=False)


class BilateralMeeting(models.Model):
    conference = models.ForeignKey(
        Conference, on_delete=models.CASCADE, related_name="bilateral_meetings"
    )
    requester = models.ForeignKey(
        Delegation,
        on_delete=models.CASCADE,
        related_name="bilaterals_requested",
        verbose_name=_("requested by"),
    )
    counterpart = models.ForeignKey(
        Delegation,
        on_delete=models.CASCADE,
        related_name="bilaterals_received",
        verbose_name=_("requested of"),
    )
    preferred_day = models.DateField(_("preferred day"))
    level = models.CharField(_("level"), max_length=20, choices=BilateralLevel.choices)
    topics = models.TextField(_("topics"), blank=True, validators=[validate_multiline_text])
    state = models.CharField(
        _("state"),
        max_length=12,
        choices=BilateralState.choices,
        default=BilateralState.REQUESTED,
    )
    room = models.ForeignKey(
        Room,
        on_delete=models.PROTECT,
        related_name="bilateral_meetings",
        null=True,
        blank=True,
        limit_choices_to={"kind": Room.Kind.BILATERAL_ROOM},
        verbose_name=_("room"),
    )
    starts_at = models.DateTimeField(_("starts at"), null=True, blank=True)
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    # Raised at every new time, so that calendars replace the entry they hold (iCalendar SEQUENCE).
    sequence = models.PositiveSmallIntegerField(_("times scheduled"), default=0, editable=False)
    requested_by = models.CharField(_("requested by (user)"), max_length=150, blank=True)
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    # When it last got its room and time: a personal agenda's Last-Modified must move then, or a
    # calendar polling with If-Modified-Since would be told nothing changed.
    scheduled_at = models.DateTimeField(_("scheduled at"), null=True, blank=True, editable=False)
    cancelled_by = models.ForeignKey(
        Delegation,
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("cancelled by"),
        help_text=_("Empty for a meeting cancelled by the organisers."),
    )
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)

    class Meta:
        verbose_name = _("bilateral meeting")
        verbose_name_plural = _("bilateral meetings")
        # Meetings not yet given a time last, on SQLite as on PostgreSQL.
        ordering = ["conference", F("starts_at").asc(nulls_last=True), "requested_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(requester=F("counterpart")),
                name="bilateral_between_two_delegations",
                violation_error_code="bilateral_with_itself",
                violation_error_message=_("A delegation cannot ask itself for a meeting."),
            ),
            # A and B have one meeting standing at a time, whoever asked.
            models.UniqueConstraint(
                Least("requester", "counterpart"),
                Greatest("requester", "counterpart"),
                condition=Q(state__in=BilateralState.open()),
                name="bilateral_one_open_per_pair",
                violation_error_code="bilateral_already_requested",
                violation_error_message=_(
                    "A meeting between these two delegations is already requested."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(state=BilateralState.SCHEDULED) | _SLOT_SET,
                name="bilateral_scheduled_has_room_and_time",
            ),
            models.CheckConstraint(
                condition=Q(starts_at__isnull=True)
                | Q(ends_at__isnull=True)
                | Q(ends_at__gt=F("starts_at")),
                name="bilateral_ends_after_start",
                violation_error_message=_("A meeting must end after it starts."),
            ),
            # PostgreSQL also holds an exclusion constraint, bilateral_no_room_overlap, added by
            # migration 0009: no two scheduled meetings share a room at overlapping times.
        ]
        indexes = [models.Index(fields=["conference", "state"])]

    def __str__(self):
        # Names of States and organisations, in any language: nothing here to translate.
        return f"{self.requester} \N{EN DASH} {self.counterpart}"

    def other_side(self, delegation):
        return self.counterpart if delegation.pk == self.requester_id else self.requester
