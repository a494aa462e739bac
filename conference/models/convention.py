"""A convention and the depositary's register: signatures, instruments and notifications."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from conference.translations import localized, normalise_language
from conference.validators import validate_multiline_text, validate_single_line


class Convention(models.Model):
    """A treaty that conferences open for signature and whose parties they later gather."""

    slug = models.SlugField(_("slug"), unique=True)
    title = models.CharField(_("title"), max_length=500, validators=[validate_single_line])
    short_title = models.CharField(
        _("short title"), max_length=200, validators=[validate_single_line]
    )
    translations = models.JSONField(
        _("translations"),
        default=dict,
        blank=True,
        help_text=_('Per language: {"fr": {"title": "...", "short_title": "..."}}.'),
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
    # Art. 64(2): a REIO signs provided that at least one of its member States has signed.
    regional_organisation_members = models.JSONField(
        _("member States of the regional economic integration organisations"),
        default=dict,
        blank=True,
        help_text=_(
            "For each regional economic integration organisation, the ISO codes of its member "
            'States, for example {"European Union": ["AT", "BE"]}.'
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

    def localized_title(self, language):
        """The full title in `language` (the United Nations' own, locale/GLOSSARY.md), else
        English as typed: a treaty's title is never shown in a third language."""
        return localized(self.translations, "title", self.title, language)

    def localized_short_title(self, language):
        return localized(self.translations, "short_title", self.short_title, language)

    def has_title_in(self, language):
        """Whether the full title is known in `language`, the original's language included."""
        titled = {
            normalise_language(code)
            for code, entry in (self.translations or {}).items()
            if isinstance(entry, dict) and entry.get("title")
        }
        return normalise_language(language) in titled | {normalise_language(settings.LANGUAGE_CODE)}


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
    # A register rebuilt from public reports may know that a participant signed during the
    # opening for signature without knowing on which of its days: the first day is stored (the
    # opening's order needs a date) and the register says the day is not verified.
    day_is_verified = models.BooleanField(
        _("day verified"),
        default=True,
        help_text=_("Unset when the source names the signature but not its day."),
    )
    source = models.CharField(
        _("source"), max_length=300, blank=True, validators=[validate_single_line]
    )

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
