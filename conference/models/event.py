"""The conference itself: dates, deadlines, languages, quotas and the rules of its protocol."""

import zoneinfo
from datetime import datetime

from django.db import models
from django.db.models import F, Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from conference.models.convention import Convention
from conference.models.venues import Venue
from conference.translations import localized, normalise_language
from conference.validators import (
    CONFERENCE_SLUG_PATTERN,
    validate_conference_slug,
    validate_language_codes,
    validate_quotas,
    validate_single_line,
    validate_timezone,
)


def default_languages():
    return ["en"]


def default_reminder_days():
    return [14, 7, 2]


def default_delegation_quotas():
    return {"head_of_delegation": 1, "delegate": 5, "security": 2, "support": 2}


class Conference(models.Model):
    slug = models.CharField(
        _("slug"),
        max_length=32,
        unique=True,
        validators=[validate_conference_slug],
        help_text=_("Lowercase letters and digits, at least 4, no hyphen: the frab acronym."),
    )
    name = models.CharField(_("name"), max_length=300, validators=[validate_single_line])
    theme = models.CharField(
        _("theme"), max_length=300, blank=True, validators=[validate_single_line]
    )
    translations = models.JSONField(
        _("translations"),
        default=dict,
        blank=True,
        help_text=_('Per language: {"fr": {"name": "...", "theme": "..."}}.'),
    )
    city = models.CharField(_("city"), max_length=100, validators=[validate_single_line])
    host_country = CountryField(_("host country"))
    venue = models.ForeignKey(
        Venue, on_delete=models.PROTECT, related_name="conferences", verbose_name=_("venue")
    )
    timezone = models.CharField(
        _("timezone"),
        max_length=64,
        validators=[validate_timezone],
        help_text=_("An IANA name, for example Asia/Ho_Chi_Minh."),
    )
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    languages = models.JSONField(
        _("languages"),
        default=default_languages,
        validators=[validate_language_codes],
        help_text=_("Language codes of the conference, the first being its working language."),
    )
    reply_deadline = models.DateTimeField(_("deadline to answer the invitation"))
    registration_deadline = models.DateTimeField(_("registration closes"))
    email_from = models.CharField(
        _("sender of messages"),
        max_length=200,
        blank=True,
        help_text=_('For example "Hanoi Convention Secretariat <secretariat@example.org>".'),
    )
    email_reply_to = models.EmailField(_("reply-to address"), blank=True)
    convention = models.ForeignKey(
        Convention,
        on_delete=models.PROTECT,
        related_name="conferences",
        null=True,
        blank=True,
        verbose_name=_("convention"),
    )
    delegation_quotas = models.JSONField(
        _("badges per delegation, by category"),
        default=default_delegation_quotas,
        validators=[validate_quotas],
        help_text=_(
            'For example {"head_of_delegation": 1, "delegate": 5, "security": 2, "support": 2}; '
            "a category left out has no limit."
        ),
    )
    badge_zones = models.JSONField(
        _("access zones by badge category"),
        default=dict,
        blank=True,
        help_text=_(
            'For example {"head_of_delegation": ["plenary", "vip"], "delegate": ["plenary"]}.'
        ),
    )
    passport_retention_days = models.PositiveSmallIntegerField(
        _("days passport data is kept after the conference"),
        default=30,
        help_text=_("Passport numbers, birth dates and their hashes are erased after this."),
    )
    places_per_delegation = models.PositiveSmallIntegerField(
        _("places per delegation in a roundtable"),
        default=2,
        help_text=_("For example one seat at the table and one behind it."),
    )
    speaking_minutes_state = models.PositiveSmallIntegerField(
        _("speaking time of a State (minutes)"), default=5
    )
    speaking_minutes_observer = models.PositiveSmallIntegerField(
        _("speaking time of an observer or organisation (minutes)"), default=3
    )
    lot_letter = models.CharField(
        _("letter drawn by lot"),
        max_length=1,
        default="A",
        help_text=_("States are taken in alphabetical order starting from this letter."),
    )
    provisional_signing_on_scan = models.BooleanField(
        _("signing on a copy of the full powers"),
        default=False,
        help_text=_(
            "A signatory whose full powers were verified on a copy signs provisionally, before "
            "the original reaches the depositary."
        ),
    )
    speaking_minutes_reply = models.PositiveSmallIntegerField(
        _("time of a reply (minutes)"), default=5
    )
    regional_balance = models.BooleanField(
        _("geographic balance within a level"),
        default=False,
        help_text=_(
            "Within a level of representation, speakers alternate between the United Nations "
            "regional groups."
        ),
    )
    host_pride_of_place = models.BooleanField(
        _("host's pride of place"),
        default=True,
        help_text=_("The host delegation comes first in every order of precedence."),
    )
    reminder_days = models.JSONField(
        _("reminders, days before the reply deadline"),
        default=default_reminder_days,
        help_text=_("Unanswered invitations are reminded this many days before the deadline."),
    )

    class Meta:
        verbose_name = _("conference")
        verbose_name_plural = _("conferences")
        ordering = ["-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(slug__regex=CONFERENCE_SLUG_PATTERN), name="conference_slug_format"
            ),
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")), name="conference_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(registration_deadline__gte=F("reply_deadline")),
                name="conference_registration_after_reply",
            ),
        ]

    def __str__(self):
        # In the reader's language: the console names conferences by this, in its lists,
        # filters and choices, to organisers who work in any of the seven.
        return self.localized_name(get_language())

    @property
    def tzinfo(self):
        return zoneinfo.ZoneInfo(self.timezone)

    @property
    def working_language(self):
        """The first of the conference's languages, as Django's catalogues name it: a list that
        writes Chinese "zh" still prints its badges and lists in Chinese, not in English."""
        return normalise_language(self.languages[0]) if self.languages else "en"

    def localized_name(self, language):
        """The name in `language`, else in the conference's languages in order, else as typed."""
        return localized(self.translations, "name", self.name, language, self.languages)

    def localized_theme(self, language):
        return localized(self.translations, "theme", self.theme, language, self.languages)

    def localized_city(self, language):
        """The city as the reader's language writes it ("Hanoï", "河内"), else as typed."""
        return localized(self.translations, "city", self.city, language, self.languages)

    def localized_venue_name(self, language):
        """The venue's name in `language`, else in the conference's languages in order (read
        through `venue`: select it with the conference where it is shown for many rows)."""
        return self.venue.localized_name(language, self.languages)

    def local_datetime(self, day, clock):
        """An aware datetime for a wall-clock time on a day of the conference, in its timezone."""
        return datetime.combine(day, clock, tzinfo=self.tzinfo)
