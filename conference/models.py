"""The event itself: conferences, the venues that hold them, their rooms and access zones."""

import zoneinfo
from datetime import datetime

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from conference.validators import (
    CONFERENCE_SLUG_PATTERN,
    validate_conference_slug,
    validate_language_codes,
    validate_multiline_text,
    validate_quotas,
    validate_single_line,
    validate_timezone,
)
from conference.webhooks.models import Webhook, WebhookDelivery  # noqa: F401  (the app's models)


def default_languages():
    return ["en"]


def default_reminder_days():
    return [14, 7, 2]


class Venue(models.Model):
    name = models.CharField(_("name"), max_length=200, validators=[validate_single_line])
    city = models.CharField(_("city"), max_length=100, validators=[validate_single_line])
    country = CountryField(_("country"))
    address = models.CharField(
        _("address"), max_length=300, blank=True, validators=[validate_single_line]
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


class AccessZone(models.Model):
    """A part of a venue behind a check point; badge categories open some zones and not others."""

    venue = models.ForeignKey(Venue, on_delete=models.CASCADE, related_name="access_zones")
    code = models.SlugField(_("code"), max_length=30)
    name = models.CharField(_("name"), max_length=100, validators=[validate_single_line])

    class Meta:
        verbose_name = _("access zone")
        verbose_name_plural = _("access zones")
        ordering = ["venue", "code"]
        constraints = [
            models.UniqueConstraint(fields=["venue", "code"], name="access_zone_unique_code")
        ]

    def __str__(self):
        return f"{self.name} ({self.code})"


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
        return self.name


class Convention(models.Model):
    """A treaty that conferences open for signature and whose parties they later gather."""

    slug = models.SlugField(_("slug"), unique=True)
    title = models.CharField(_("title"), max_length=500, validators=[validate_single_line])
    short_title = models.CharField(
        _("short title"), max_length=200, validators=[validate_single_line]
    )
    adopted_on = models.DateField(_("adopted on"))
    signature_closes_on = models.DateField(_("open for signature until"), null=True, blank=True)
    depositary = models.CharField(
        _("depositary"), max_length=200, validators=[validate_single_line]
    )
    instruments_for_entry_into_force = models.PositiveSmallIntegerField(
        _("instruments needed for entry into force"), default=40
    )
    days_after_last_instrument = models.PositiveSmallIntegerField(
        _("days after that instrument"), default=90
    )
    # Art. 64: where and when the convention is open for signature. Empty: no limit is known.
    opening_place = models.CharField(
        _("place of the opening for signature"),
        max_length=100,
        blank=True,
        validators=[validate_single_line],
    )
    opening_from = models.DateField(_("opening for signature, first day"), null=True, blank=True)
    opening_until = models.DateField(_("opening for signature, last day"), null=True, blank=True)
    headquarters_place = models.CharField(
        _("place of signature afterwards"),
        max_length=200,
        blank=True,
        help_text=_("For example United Nations Headquarters, New York."),
        validators=[validate_single_line],
    )
    # Art. 65(2): for a participant depositing after the decisive instrument.
    days_after_later_instrument = models.PositiveSmallIntegerField(
        _("days after a later instrument"), default=30
    )
    regional_organisations = models.JSONField(
        _("regional economic integration organisations"),
        default=list,
        blank=True,
        help_text=_(
            "Names of the organisations that may sign and deposit instruments as regional "
            'economic integration organisations, for example ["European Union"].'
        ),
    )
    register_is_partial = models.BooleanField(
        _("the register is partial"),
        default=False,
        help_text=_("Set when the register holds only the actions that could be verified."),
    )
    register_note = models.TextField(
        _("note on the register"), blank=True, validators=[validate_multiline_text]
    )

    class Meta:
        verbose_name = _("convention")
        verbose_name_plural = _("conventions")

    def __str__(self):
        return self.short_title


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
        return self.name

    @property
    def tzinfo(self):
        return zoneinfo.ZoneInfo(self.timezone)

    @property
    def working_language(self):
        return self.languages[0] if self.languages else "en"

    def local_datetime(self, day, clock):
        """An aware datetime for a wall-clock time on a day of the conference, in its timezone."""
        return datetime.combine(day, clock, tzinfo=self.tzinfo)


class ParticipantKind(models.TextChoices):
    """Who may become party to a convention (Art. 64): a State or a regional economic
    integration organisation (REIO); other organisations never sign."""

    STATE = "state", _("State")
    REIO = "reio", _("Regional economic integration organisation")


class Party(models.Model):
    """What a State or a regional economic integration organisation (REIO) did about a
    convention: abstract base of signatures and instruments."""

    convention = models.ForeignKey(Convention, on_delete=models.CASCADE)
    country = CountryField(_("State"), blank=True)
    organisation = models.CharField(
        _("regional economic integration organisation"),
        max_length=200,
        blank=True,
        validators=[validate_single_line],
    )

    class Meta:
        abstract = True

    def __str__(self):
        return str(self.country.name) if self.country else self.organisation

    @property
    def is_reio(self):
        return not self.country

    @property
    def participant_kind(self):
        return ParticipantKind.REIO if self.is_reio else ParticipantKind.STATE


_STATE_OR_REIO = (Q(country="") & ~Q(organisation="")) | (~Q(country="") & Q(organisation=""))


class Signature(Party):
    signed_on = models.DateField(_("signed on"))
    place = models.CharField(_("place"), max_length=100, validators=[validate_single_line])

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        ordering = ["signed_on", "pk"]
        default_related_name = "signatures"
        constraints = [
            models.CheckConstraint(condition=_STATE_OR_REIO, name="signature_state_or_reio"),
            models.UniqueConstraint(
                fields=["convention", "country", "organisation"],
                name="signature_once",
            ),
        ]


class Instrument(Party):
    class Kind(models.TextChoices):
        RATIFICATION = "ratification", _("Ratification")
        ACCEPTANCE = "acceptance", _("Acceptance")
        APPROVAL = "approval", _("Approval")
        ACCESSION = "accession", _("Accession")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    deposited_on = models.DateField(_("deposited on"))

    class Meta:
        verbose_name = _("instrument")
        verbose_name_plural = _("instruments")
        ordering = ["deposited_on", "pk"]
        default_related_name = "instruments"
        constraints = [
            models.CheckConstraint(condition=_STATE_OR_REIO, name="instrument_state_or_reio"),
            models.UniqueConstraint(
                fields=["convention", "country", "organisation"],
                name="instrument_once",
            ),
        ]


class DepositaryNotification(models.Model):
    """A depositary notification (C.N.) by which the Secretary-General tells the States of an
    action about the convention: the opening for signature, a signature, an instrument."""

    convention = models.ForeignKey(
        Convention, on_delete=models.CASCADE, related_name="notifications"
    )
    reference = models.CharField(
        _("reference"), max_length=60, help_text=_("For example C.N.196.2025.TREATIES-XVIII.16.")
    )
    issued_on = models.DateField(_("issued on"))
    subject = models.CharField(_("subject"), max_length=300, validators=[validate_single_line])
    is_illustrative = models.BooleanField(
        _("illustrative"), default=False, help_text=_("Invented for a demonstration.")
    )

    class Meta:
        verbose_name = _("depositary notification")
        verbose_name_plural = _("depositary notifications")
        ordering = ["issued_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["convention", "reference"], name="notification_unique_reference"
            )
        ]

    def __str__(self):
        return self.reference
