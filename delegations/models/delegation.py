"""Who comes: delegations of States and organisations, and the delegates they register."""

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from conference.models import Conference
from conference.translations import localized
from conference.validators import validate_multiline_text, validate_single_line
from delegations import passports
from delegations.enums import (
    AccreditationStatus,
    BadgeCategory,
    DelegateRole,
    DelegationKind,
    DelegationStatus,
    ProtocolRank,
)

# Languages in which a focal point may be written to: the six of the United Nations and the
# host's, the codes of settings.LANGUAGES (so the portal opens in the same language). Messages
# fall back to English where a translation of ours does not exist yet (delegations/emails.py).
CORRESPONDENCE_LANGUAGES = [
    ("ar", _("Arabic")),
    ("zh-hans", _("Chinese")),
    ("en", _("English")),
    ("es", _("Spanish")),
    ("fr", _("French")),
    ("ru", _("Russian")),
    ("vi", _("Vietnamese")),
]

_STATE_KINDS = [DelegationKind.MEMBER_STATE, DelegationKind.OBSERVER_STATE]


# Uploaded files get random names: the name a user gave says nothing, and nobody can guess the
# address of another delegation's file. They are served only through views that check the owner.
def document_path(instance, filename):
    return f"documents/{uuid.uuid4().hex}.pdf"


def photo_path(instance, filename):
    return f"photos/{uuid.uuid4().hex}.jpg"


class Delegation(models.Model):
    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="delegations")
    kind = models.CharField(_("kind"), max_length=40, choices=DelegationKind.choices)
    country = CountryField(
        _("State"), blank=True, help_text=_("For Member and observer States only.")
    )
    name = models.CharField(
        _("name"),
        max_length=300,
        blank=True,
        help_text=_("For organisations only."),
        validators=[validate_single_line],
    )
    translations = models.JSONField(
        _("translations"),
        default=dict,
        blank=True,
        help_text=_(
            "An organisation's name per language, and the article of its French name: "
            '{"fr": {"name": "...", "article": "la"}}.'
        ),
    )
    acronym = models.CharField(
        _("acronym"), max_length=30, blank=True, validators=[validate_single_line]
    )
    language = models.CharField(
        _("language of correspondence"),
        max_length=10,
        choices=CORRESPONDENCE_LANGUAGES,
        default="en",
    )
    focal_point_name = models.CharField(
        _("focal point"), max_length=200, validators=[validate_single_line]
    )
    focal_point_email = models.EmailField(_("focal point's e-mail"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=DelegationStatus.choices,
        default=DelegationStatus.INVITED,
    )
    credentials = models.FileField(
        _("note verbale or credentials letter"), upload_to=document_path, blank=True
    )
    credentials_name = models.CharField(
        _("file name as uploaded"),
        max_length=200,
        blank=True,
        editable=False,
        help_text=_("Shown to readers only; the file is stored under a random name."),
    )
    credentials_uploaded_at = models.DateTimeField(
        _("credentials uploaded at"), null=True, blank=True, editable=False
    )
    submitted_at = models.DateTimeField(_("submitted for accreditation"), null=True, blank=True)
    reopened_at = models.DateTimeField(
        _("reopened by the organisers"),
        null=True,
        blank=True,
        help_text=_("While set, the focal point may edit after the registration deadline."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("delegation")
        verbose_name_plural = _("delegations")
        ordering = ["conference", "kind", "country", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["conference", "country"],
                condition=~Q(country=""),
                name="delegation_one_per_state",
                violation_error_code="delegation_exists",
                violation_error_message=_("This State already has a delegation."),
            ),
            models.UniqueConstraint(
                fields=["conference", "acronym"],
                condition=~Q(acronym=""),
                name="delegation_unique_acronym",
                violation_error_code="delegation_exists",
                violation_error_message=_("Another delegation already uses this acronym."),
            ),
            # A State is known by its country; an organisation by its name, never a country.
            models.CheckConstraint(
                condition=(Q(kind__in=_STATE_KINDS) & ~Q(country=""))
                | (~Q(kind__in=_STATE_KINDS) & Q(country="") & ~Q(name="")),
                name="delegation_state_has_country_organisation_has_name",
                violation_error_message=_(
                    "A State delegation needs its country; an organisation needs its name."
                ),
            ),
        ]
        indexes = [models.Index(fields=["conference", "status"])]

    def __str__(self):
        return self.display_name

    @property
    def is_state(self):
        return self.kind in _STATE_KINDS

    @property
    def is_treaty_participant(self):
        """A State or a regional economic integration organisation: it may sign a convention."""
        return self.kind in DelegationKind.participants()

    @property
    def display_name(self):
        """A State's UN short name, an organisation's name, in the active language (an
        organisation's own translations, else the conference's languages when it is loaded,
        else its name as typed)."""
        if self.is_state:
            return str(self.country.name)
        loaded = Delegation.conference.is_cached(self)
        fallback = self.conference.languages if loaded else ()
        return localized(self.translations, "name", self.name, get_language(), fallback)


class Delegate(models.Model):
    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="delegates")
    # Copied from the delegation so that one person is unique across a conference's delegations.
    conference = models.ForeignKey(
        Conference, on_delete=models.CASCADE, related_name="+", editable=False
    )
    title = models.CharField(
        _("title"),
        max_length=40,
        blank=True,
        help_text=_("H.E., Mr, Ms"),
        validators=[validate_single_line],
    )
    family_name = models.CharField(
        _("family name (as in the passport)"), max_length=150, validators=[validate_single_line]
    )
    given_names = models.CharField(
        _("given names (as in the passport)"), max_length=150, validators=[validate_single_line]
    )
    function = models.CharField(
        _("function"), max_length=200, blank=True, validators=[validate_single_line]
    )
    role = models.CharField(
        _("role in the delegation"),
        max_length=20,
        choices=DelegateRole.choices,
        default=DelegateRole.MEMBER,
    )
    protocol_rank = models.CharField(
        _("protocol rank"),
        max_length=40,
        choices=ProtocolRank.choices,
        default=ProtocolRank.DELEGATE,
    )
    principal_order = models.PositiveSmallIntegerField(
        _("place among the principals"),
        null=True,
        blank=True,
        help_text=_(
            "For the conference's principals (the Secretary-General, the co-organisers' heads, "
            "the host's dignitaries): 1 comes first after the host. Empty for everyone else."
        ),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(
        _("telephone"), max_length=40, blank=True, validators=[validate_single_line]
    )
    nationality = CountryField(_("nationality"), blank=True)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    # The passport number is kept encrypted (see delegations.passports); the last four characters
    # are shown back to the focal point, and a keyed hash of number and birth date finds the same
    # person registered twice without decrypting anything.
    passport_number_encrypted = models.TextField(blank=True, editable=False)
    passport_last4 = models.CharField(max_length=4, blank=True, editable=False)
    passport_fingerprint = models.CharField(max_length=64, blank=True, editable=False)
    passport_expires_on = models.DateField(_("passport valid until"), null=True, blank=True)
    photo = models.FileField(_("photo"), upload_to=photo_path, blank=True)
    dietary_needs = models.CharField(
        _("dietary needs"), max_length=300, blank=True, validators=[validate_single_line]
    )
    access_needs = models.CharField(
        _("access needs"), max_length=300, blank=True, validators=[validate_single_line]
    )
    badge_category = models.CharField(
        _("badge category"),
        max_length=20,
        choices=BadgeCategory.choices,
        default=BadgeCategory.DELEGATE,
    )
    badge_number = models.CharField(_("badge number"), max_length=20, blank=True)
    accreditation_status = models.CharField(
        _("accreditation"),
        max_length=20,
        choices=AccreditationStatus.choices,
        default=AccreditationStatus.PENDING,
    )
    rejection_reason = models.TextField(
        _("reason of the refusal"), blank=True, validators=[validate_multiline_text]
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["passport_number_encrypted", "updated_at"])

    class Meta:
        verbose_name = _("delegate")
        verbose_name_plural = _("delegates")
        permissions = [("reveal_passport", _("Can reveal a passport number (recorded)"))]
        ordering = ["delegation", "family_name", "given_names"]
        constraints = [
            models.UniqueConstraint(
                fields=["delegation"],
                condition=Q(role=DelegateRole.HEAD),
                name="delegate_one_head_per_delegation",
                violation_error_code="head_of_delegation_exists",
                violation_error_message=_("This delegation already has a head of delegation."),
            ),
            models.UniqueConstraint(
                fields=["conference", "passport_fingerprint"],
                condition=~Q(passport_fingerprint=""),
                name="delegate_one_person_per_conference",
                violation_error_code="person_already_registered",
            ),
            models.UniqueConstraint(
                fields=["conference", "badge_number"],
                condition=~Q(badge_number=""),
                name="delegate_unique_badge_number",
                violation_error_code="badge_number_taken",
                violation_error_message=_("Another delegate already has this badge number."),
            ),
        ]
        # The dashboard's heads-of-delegation count reads the few heads of a conference through
        # this index, whatever the table's statistics say (3 s after a bulk import without it).
        indexes = [
            models.Index(fields=["conference", "protocol_rank"], name="delegate_conference_rank"),
            # The console's delegate list pages by this key (conference/admin_paging.py): by
            # precedence, then name, then id, so page 1,000 is an index walk, not a sort.
            models.Index(
                ProtocolRank.precedence_expression(),
                models.F("family_name"),
                models.F("id"),
                name="delegate_precedence_keyset",
            ),
        ]

    def __str__(self):
        return self.full_name

    def save(self, *args, **kwargs):
        if self.conference_id is None and self.delegation_id is not None:
            self.conference_id = self.delegation.conference_id
        super().save(*args, **kwargs)

    @property
    def masked_passport(self):
        return passports.masked(self.passport_last4)

    @property
    def full_name(self):
        return " ".join(part for part in (self.title, self.given_names, self.family_name) if part)

    @property
    def photo_required(self):
        return self.protocol_rank not in ProtocolRank.photo_exempt()
