"""The list of participants: the official document, issued in numbered provisional versions and
one final version; each delegation corrects and confirms its own entries before the final one."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from conference.models import Conference
from delegations.enums import ParticipantListKind
from delegations.models.delegation import Delegate, Delegation


class ParticipantList(models.Model):
    """One issued version, frozen: `content` holds the sections, delegations and entries as they
    were when it was issued, so a version prints the same however the registrations change."""

    conference = models.ForeignKey(
        Conference, on_delete=models.CASCADE, related_name="participant_lists"
    )
    kind = models.CharField(_("version"), max_length=20, choices=ParticipantListKind.choices)
    number = models.PositiveSmallIntegerField(_("number"))
    issued_at = models.DateTimeField(_("issued at"), auto_now_add=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    content = models.JSONField(default=list, editable=False)

    class Meta:
        verbose_name = _("list of participants")
        verbose_name_plural = _("lists of participants")
        ordering = ["conference", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["conference", "number"], name="participant_list_unique_number"
            ),
            models.UniqueConstraint(
                fields=["conference"],
                condition=Q(kind=ParticipantListKind.FINAL),
                name="participant_list_one_final",
            ),
        ]

    def __str__(self):
        return f"{self.conference}: {self.get_kind_display()} {self.number}"


class ListEntry(models.Model):
    """How a delegate is printed in the list, as the delegation gave it (title, name and
    function); without a row, the delegate's registration is printed."""

    delegate = models.OneToOneField(Delegate, on_delete=models.CASCADE, related_name="list_entry")
    title = models.CharField(_("title"), max_length=40, blank=True)
    name = models.CharField(_("name as printed"), max_length=300)
    function = models.CharField(_("function"), max_length=200, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("entry in the list of participants")
        verbose_name_plural = _("entries in the list of participants")

    def __str__(self):
        return self.name


class ListCheck(models.Model):
    """A delegation's confirmation that its entries are right."""

    delegation = models.OneToOneField(
        Delegation, on_delete=models.CASCADE, related_name="list_check"
    )
    checked_at = models.DateTimeField(_("checked at"))

    class Meta:
        verbose_name = _("check of the list of participants")
        verbose_name_plural = _("checks of the list of participants")

    def __str__(self):
        return str(self.delegation)
