"""The venues that hold conferences: their access zones and rooms."""

from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from conference.translations import localized
from conference.validators import validate_single_line


class Venue(models.Model):
    name = models.CharField(_("name"), max_length=200, validators=[validate_single_line])
    city = models.CharField(_("city"), max_length=100, validators=[validate_single_line])
    country = CountryField(_("country"))
    address = models.CharField(
        _("address"), max_length=300, blank=True, validators=[validate_single_line]
    )
    # Only the name: readers see the venue's name beside the conference's city, never its own
    # city or address (the console's list alone shows those).
    translations = models.JSONField(
        _("translations"),
        default=dict,
        blank=True,
        help_text=_('Per language: {"fr": {"name": "..."}}.'),
    )

    class Meta:
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["name", "city"], name="venue_unique_name_per_city")
        ]

    def __str__(self):
        return f"{self.name}, {self.city}"

    def localized_name(self, language, fallback=()):
        """The name in `language`, else in the `fallback` languages (the conference's), else
        as typed."""
        return localized(self.translations, "name", self.name, language, fallback)


class AccessZone(models.Model):
    """A part of a venue behind a check point; badge categories open some zones and not others."""

    venue = models.ForeignKey(Venue, on_delete=models.CASCADE, related_name="access_zones")
    code = models.SlugField(_("code"), max_length=30)
    name = models.CharField(_("name"), max_length=100, validators=[validate_single_line])
    # Only the name: the code is what badges and doors hold, the same in every language.
    translations = models.JSONField(
        _("translations"),
        default=dict,
        blank=True,
        help_text=_('Per language: {"fr": {"name": "..."}}.'),
    )

    class Meta:
        verbose_name = _("access zone")
        verbose_name_plural = _("access zones")
        ordering = ["venue", "code"]
        constraints = [
            models.UniqueConstraint(fields=["venue", "code"], name="access_zone_unique_code")
        ]

    def __str__(self):
        # In the reader's language, as a room: the console's scans and rooms name zones by this.
        return f"{self.localized_name(get_language())} ({self.code})"

    def localized_name(self, language, fallback=()):
        """The name in `language`, else in the `fallback` languages (the conference's), else
        as typed."""
        return localized(self.translations, "name", self.name, language, fallback)


class Room(models.Model):
    class Kind(models.TextChoices):
        PLENARY_HALL = "plenary_hall", _("Plenary hall")
        HALL = "hall", _("Hall")
        MEETING_ROOM = "meeting_room", _("Meeting room")
        BANQUET_HALL = "banquet_hall", _("Banquet hall")
        EXHIBITION_HALL = "exhibition_hall", _("Exhibition hall")
        BILATERAL_ROOM = "bilateral_room", _("Bilateral room")
        PRESS_ROOM = "press_room", _("Press room")

    venue = models.ForeignKey(Venue, on_delete=models.CASCADE, related_name="rooms")
    name = models.CharField(_("name"), max_length=100, validators=[validate_single_line])
    translations = models.JSONField(
        _("translations"),
        default=dict,
        blank=True,
        help_text=_('Per language: {"fr": {"name": "..."}}.'),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    capacity = models.PositiveIntegerField(_("capacity (seats)"))
    interpretation_booths = models.PositiveSmallIntegerField(_("interpretation booths"), default=0)
    access_zone = models.ForeignKey(
        AccessZone,
        on_delete=models.PROTECT,
        related_name="rooms",
        null=True,
        blank=True,
        verbose_name=_("access zone"),
    )

    class Meta:
        verbose_name = _("room")
        verbose_name_plural = _("rooms")
        ordering = ["venue", "name"]
        constraints = [
            models.UniqueConstraint(fields=["venue", "name"], name="room_unique_name_per_venue"),
            models.CheckConstraint(condition=Q(capacity__gte=0), name="room_capacity_not_negative"),
        ]

    def __str__(self):
        # In the reader's language: the console names rooms by this.
        return self.localized_name(get_language())

    def localized_name(self, language, fallback=()):
        """The name in `language`, else in the `fallback` languages (the conference's), else
        as typed."""
        return localized(self.translations, "name", self.name, language, fallback)
