"""The programme: sessions of every kind and the people who chair, moderate or speak in them."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from conference.models import Conference, Room
from conference.translations import localized
from conference.validators import (
    validate_language_codes,
    validate_multiline_text,
    validate_single_line,
)
from delegations.models import Delegate
from sessions.enums import PersonRole, SessionAccess, SessionKind, SessionState


def default_languages():
    return ["en"]


class SessionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(state=SessionState.PUBLISHED)

    def overlapping(self, *, room, starts_at, ends_at):
        """Sessions in the room whose time range meets [starts_at, ends_at) anywhere."""
        return self.filter(room=room, starts_at__lt=ends_at, ends_at__gt=starts_at)


class Session(models.Model):
    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="sessions")
    slug = models.SlugField(
        _("code"), max_length=80, help_text=_("Stable identifier within the conference.")
    )
    kind = models.CharField(_("kind"), max_length=30, choices=SessionKind.choices)
    title = models.CharField(_("title"), max_length=300, validators=[validate_single_line])
    description = models.TextField(
        _("description"), blank=True, validators=[validate_multiline_text]
    )
    translations = models.JSONField(
        _("translations"),
        default=dict,
        blank=True,
        help_text=_('Per language: {"fr": {"title": "...", "description": "..."}}.'),
    )
    room = models.ForeignKey(
        Room,
        on_delete=models.PROTECT,
        related_name="sessions",
        null=True,
        blank=True,
        verbose_name=_("room"),
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Empty: the room's capacity.")
    )
    access = models.CharField(
        _("access"), max_length=20, choices=SessionAccess.choices, default=SessionAccess.OPEN
    )
    state = models.CharField(
        _("state"), max_length=20, choices=SessionState.choices, default=SessionState.DRAFT
    )
    languages = models.JSONField(
        _("interpretation languages"),
        default=default_languages,
        validators=[validate_language_codes],
    )
    is_illustrative = models.BooleanField(
        _("illustrative"),
        default=False,
        help_text=_(
            "Invented for a demonstration (its time, room or content is not on the public record)."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SessionQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["starts_at", F("room__name").asc(nulls_last=True), "title"]
        constraints = [
            models.UniqueConstraint(fields=["conference", "slug"], name="session_unique_slug"),
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="session_ends_after_start",
                violation_error_message=_("A session must end after it starts."),
            ),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(capacity__gte=0),
                name="session_capacity_not_negative",
            ),
            # PostgreSQL also holds an exclusion constraint, session_no_room_overlap, added by
            # migration 0002: no two published sessions share a room at overlapping times.
        ]
        indexes = [models.Index(fields=["conference", "state", "starts_at"])]

    def __str__(self):
        # The title in the reader's language: the console names sessions by this (its lists,
        # choices and dashboard), to organisers who work in any of the seven.
        return self.localized(get_language())[0]

    @property
    def effective_capacity(self):
        if self.capacity is not None:
            return self.capacity
        return self.room.capacity if self.room else None

    def localized(self, language, fallback=None):
        """Title and description in the language asked, else in the conference's languages in
        its order (`fallback`; by default the conference's, when it is already loaded, so that a
        list of sessions costs no query more), else the original."""
        if fallback is None:
            loaded = Session.conference.is_cached(self)
            fallback = self.conference.languages if loaded else ()
        return (
            localized(self.translations, "title", self.title, language, fallback),
            localized(self.translations, "description", self.description, language, fallback),
        )


class SessionPerson(models.Model):
    """A chair, moderator or speaker: a registered delegate, or a named guest such as the UNSG."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="people")
    role = models.CharField(_("role"), max_length=20, choices=PersonRole.choices)
    delegate = models.ForeignKey(
        Delegate,
        on_delete=models.CASCADE,
        related_name="session_roles",
        null=True,
        blank=True,
        verbose_name=_("delegate"),
    )
    name = models.CharField(
        _("public name"),
        max_length=200,
        blank=True,
        help_text=_("When not a delegate."),
        validators=[validate_single_line],
    )
    function = models.CharField(
        _("function"), max_length=200, blank=True, validators=[validate_single_line]
    )
    is_organisation = models.BooleanField(
        _("an organisation or an office"),
        default=False,
        help_text=_("Not a person: the feeds list it apart, never among the persons."),
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    statement_minutes = models.PositiveSmallIntegerField(
        _("opening statement (minutes)"),
        null=True,
        blank=True,
        help_text=_(
            "In a sitting of the general debate, the time of this chair's or principal's "
            "statement before the speakers' list; empty: none."
        ),
    )

    class Meta:
        verbose_name = _("session chair, moderator or speaker")
        verbose_name_plural = _("chairs, moderators and speakers")
        ordering = ["session", "role", "position"]
        constraints = [
            models.CheckConstraint(
                condition=Q(delegate__isnull=False) | ~Q(name=""),
                name="session_person_is_delegate_or_named",
                violation_error_message=_("Choose a delegate or give a name."),
            )
        ]

    def __str__(self):
        return f"{self.get_role_display()}: {self.public_name}"

    @property
    def public_name(self):
        return self.delegate.full_name if self.delegate_id else self.name

    @property
    def public_function(self):
        if self.function or not self.delegate_id:
            return self.function
        return self.delegate.function
