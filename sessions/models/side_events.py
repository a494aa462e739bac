"""Side events: a delegation proposes one for a slot of the grid; the protocol accepts, refuses
or moves it; an accepted one gets a room of the slot and becomes a programme session."""

from datetime import timedelta

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from conference.models import Conference, Room
from conference.validators import (
    validate_language_codes,
    validate_multiline_text,
    validate_single_line,
)
from delegations.models import Delegation
from sessions.enums import SideEventState
from sessions.models.session import Session


class SideEventSlot(models.Model):
    """One time of the grid (Hanoi: three a day, 60 minutes of event and 15 of changeover), with
    the rooms that hold side events at that time."""

    conference = models.ForeignKey(
        Conference, on_delete=models.CASCADE, related_name="side_event_slots"
    )
    starts_at = models.DateTimeField(_("starts at"))
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=60)
    changeover_minutes = models.PositiveSmallIntegerField(_("changeover (minutes)"), default=15)
    rooms = models.ManyToManyField(Room, related_name="side_event_slots", verbose_name=_("rooms"))

    class Meta:
        verbose_name = _("side-event slot")
        verbose_name_plural = _("side-event slots")
        ordering = ["conference", "starts_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["conference", "starts_at"], name="side_event_slot_unique_start"
            ),
            models.CheckConstraint(
                condition=Q(duration_minutes__gt=0), name="side_event_slot_has_a_duration"
            ),
        ]

    def __str__(self):
        starts = self.starts_at.astimezone(self.conference.tzinfo)
        return f"{starts:%Y-%m-%d %H:%M}-{self.ends_at.astimezone(self.conference.tzinfo):%H:%M}"

    @property
    def ends_at(self):
        return self.starts_at + timedelta(minutes=self.duration_minutes)


class SideEventApplication(models.Model):
    conference = models.ForeignKey(
        Conference, on_delete=models.CASCADE, related_name="side_event_applications"
    )
    delegation = models.ForeignKey(
        Delegation,
        on_delete=models.CASCADE,
        related_name="side_event_applications",
        verbose_name=_("proposed by"),
    )
    title = models.CharField(_("title"), max_length=300, validators=[validate_single_line])
    organisers = models.TextField(
        _("organisers"),
        help_text=_("One organiser a line: the proposer and any co-organisers."),
        validators=[validate_multiline_text],
    )
    speakers = models.TextField(
        _("speakers"),
        blank=True,
        help_text=_("One speaker a line."),
        validators=[validate_multiline_text],
    )
    languages = models.JSONField(_("languages"), default=list, validators=[validate_language_codes])
    expected_audience = models.PositiveIntegerField(_("expected audience"))
    technical_needs = models.TextField(
        _("technical needs"), blank=True, validators=[validate_multiline_text]
    )
    is_illustrative = models.BooleanField(
        _("illustrative"),
        default=False,
        help_text=_("Invented for a demonstration; its session in the programme says so too."),
    )
    slot = models.ForeignKey(
        SideEventSlot,
        on_delete=models.PROTECT,
        related_name="applications",
        verbose_name=_("slot"),
    )
    state = models.CharField(
        _("state"),
        max_length=20,
        choices=SideEventState.choices,
        default=SideEventState.SUBMITTED,
    )
    room = models.ForeignKey(
        Room,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="side_events",
        verbose_name=_("room"),
    )
    session = models.OneToOneField(
        Session, on_delete=models.SET_NULL, null=True, blank=True, related_name="side_event"
    )
    reason = models.TextField(
        _("reason of the refusal"), blank=True, validators=[validate_multiline_text]
    )
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        verbose_name = _("side-event application")
        verbose_name_plural = _("side-event applications")
        ordering = ["slot__starts_at", "submitted_at"]
        constraints = [
            # No two accepted side events in one room at one slot.
            models.UniqueConstraint(
                fields=["slot", "room"],
                condition=Q(state="accepted"),
                name="side_event_one_per_room_and_slot",
            ),
            models.CheckConstraint(
                condition=~Q(state="accepted") | Q(room__isnull=False),
                name="side_event_accepted_has_a_room",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def organiser_names(self):
        return [line.strip() for line in self.organisers.splitlines() if line.strip()]

    @property
    def speaker_names(self):
        return [line.strip() for line in self.speakers.splitlines() if line.strip()]
