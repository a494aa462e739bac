"""Released versions of the programme (the model pretalx uses).

Organisers edit the programme as drafts; a release freezes the public programme as a numbered
snapshot. The feeds serve the latest release, never the draft, and an old release never changes.
"""

import hashlib

from django.db import models
from django.utils.translation import gettext_lazy as _

from conference.models import Conference
from conference.validators import validate_multiline_text


class ScheduleRelease(models.Model):
    conference = models.ForeignKey(
        Conference, on_delete=models.CASCADE, related_name="schedule_releases"
    )
    number = models.PositiveIntegerField(_("number"))
    published_at = models.DateTimeField(_("published at"))
    notes = models.TextField(
        _("notes for the public"), blank=True, validators=[validate_multiline_text]
    )
    # The frozen programme: one dict per public session (see sessions.feeds.snapshot).
    sessions = models.JSONField(default=list, editable=False)
    # Against the previous release: {"new": [...], "moved": [...], "cancelled": [...]}.
    changes = models.JSONField(default=dict, editable=False)

    class Meta:
        verbose_name = _("schedule release")
        verbose_name_plural = _("schedule releases")
        ordering = ["conference", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["conference", "number"], name="schedule_release_unique_number"
            )
        ]

    def __str__(self):
        return f"{self.conference.slug} v{self.number}"


class AgendaLink(models.Model):
    """A delegate's secret, revocable address of a personal calendar (.ics).

    Only the SHA-256 hash of the token is stored; issuing a new link revokes the old one.
    """

    delegate = models.OneToOneField(
        "delegations.Delegate", on_delete=models.CASCADE, related_name="agenda_link"
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("personal agenda link")
        verbose_name_plural = _("personal agenda links")

    def __str__(self):
        return f"agenda of {self.delegate}"


def agenda_token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
