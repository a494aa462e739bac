"""The signing ceremony: who signs for each State, full powers, and the order at the table."""

import uuid

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from conference.models import Conference
from conference.validators import validate_multiline_text, validate_single_line
from delegations.enums import ProtocolRank
from delegations.models import Delegate, Delegation

# A Head of State, Head of Government or Minister for Foreign Affairs signs without full powers.
SIGNS_WITHOUT_FULL_POWERS = {
    ProtocolRank.HEAD_OF_STATE,
    ProtocolRank.HEAD_OF_GOVERNMENT,
    ProtocolRank.MINISTER_FOR_FOREIGN_AFFAIRS,
}


def full_powers_path(instance, filename):
    # A random name: the uploaded name says nothing, and nobody can guess another's address.
    return f"full-powers/{uuid.uuid4().hex}.pdf"


class FullPowersState(models.TextChoices):
    NOT_REQUIRED = "not_required", _("Not required")
    MISSING = "missing", _("Missing")
    PENDING = "pending", _("Waiting for verification")
    APPROVED = "approved", _("Verified")
    REJECTED = "rejected", _("Rejected")


class FullPowersAuthority(models.TextChoices):
    """The three authorities whose signature makes an instrument of full powers (Treaty
    Handbook): anyone else's does not."""

    HEAD_OF_STATE = "head_of_state", _("Head of State")
    HEAD_OF_GOVERNMENT = "head_of_government", _("Head of Government")
    MINISTER_FOR_FOREIGN_AFFAIRS = "minister_for_foreign_affairs", _("Minister for Foreign Affairs")


class Signatory(models.Model):
    """The person who signs the Convention for a State at a conference, and their full powers."""

    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="signatories")
    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="signatories")
    delegate = models.ForeignKey(Delegate, on_delete=models.PROTECT, related_name="signatories")
    full_powers = models.FileField(
        _("instrument of full powers"), upload_to=full_powers_path, blank=True
    )
    full_powers_name = models.CharField(
        _("file name as uploaded"),
        max_length=200,
        blank=True,
        editable=False,
        help_text=_("Shown to readers only; the file is stored under a random name."),
    )
    full_powers_state = models.CharField(
        _("full powers"), max_length=12, choices=FullPowersState.choices
    )
    full_powers_issued_by = models.CharField(
        _("full powers signed by"),
        max_length=40,
        choices=FullPowersAuthority.choices,
        blank=True,
    )
    full_powers_issuer = models.CharField(
        _("name and title of the signer of the full powers"),
        max_length=200,
        blank=True,
        help_text=_("For example: Jane Doe, Minister for Foreign Affairs of Examplestan."),
        validators=[validate_single_line],
    )
    original_received_at = models.DateTimeField(
        _("original received by the depositary"), null=True, blank=True
    )
    original_received_by = models.CharField(
        _("original received by"), max_length=150, blank=True, validators=[validate_single_line]
    )
    rejection_reason = models.TextField(
        _("reason of the rejection"), blank=True, validators=[validate_multiline_text]
    )
    verified_by = models.CharField(_("verified by"), max_length=150, blank=True)
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    slot = models.PositiveSmallIntegerField(_("place in the signing order"), null=True, blank=True)
    signed_at = models.DateTimeField(_("signed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")
        # Unassigned signatories last, on SQLite as on PostgreSQL.
        ordering = ["conference", F("slot").asc(nulls_last=True), "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["conference", "delegation"], name="signatory_one_per_delegation"
            ),
            models.UniqueConstraint(
                fields=["conference", "slot"],
                condition=Q(slot__isnull=False),
                name="signatory_unique_slot",
            ),
        ]

    def __str__(self):
        return f"{self.delegate} for {self.delegation}"

    @property
    def may_sign(self):
        """Full powers not needed, or verified with the original received; or verified on a
        copy alone where the conference lets a signatory sign provisionally."""
        if self.full_powers_state == FullPowersState.NOT_REQUIRED:
            return True
        if self.full_powers_state != FullPowersState.APPROVED:
            return False
        return self.original_received_at is not None or self.conference.provisional_signing_on_scan

    @property
    def signs_provisionally(self):
        """Signs on a verified copy while the original has not reached the depositary."""
        return (
            self.full_powers_state == FullPowersState.APPROVED
            and self.original_received_at is None
            and self.conference.provisional_signing_on_scan
        )

    @property
    def awaits_full_powers(self):
        """The delegation still has to send (or send again) the instrument of full powers."""
        return self.full_powers_state in (
            FullPowersState.MISSING,
            FullPowersState.PENDING,
            FullPowersState.REJECTED,
        )

    @property
    def awaits_original(self):
        """The copy is verified; the original has still to reach the depositary."""
        return (
            self.full_powers_state == FullPowersState.APPROVED and self.original_received_at is None
        )
