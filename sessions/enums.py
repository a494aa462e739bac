from django.db import models
from django.utils.translation import gettext_lazy as _


class SessionKind(models.TextChoices):
    OPENING = "opening", _("Opening session")
    SIGNING_CEREMONY = "signing_ceremony", _("Signing ceremony")
    PLENARY = "plenary", _("Plenary")
    GENERAL_DEBATE = "general_debate", _("General debate")
    HIGH_LEVEL_DEBATE = "high_level_debate", _("High-level debate")
    ROUNDTABLE = "roundtable", _("Roundtable")
    CLOSING = "closing", _("Closing session")
    GALA_DINNER = "gala_dinner", _("Gala dinner")
    EXHIBITION = "exhibition", _("Exhibition")
    SIDE_EVENT = "side_event", _("Side event")
    BILATERAL = "bilateral", _("Bilateral meeting")
    PRESS_CONFERENCE = "press_conference", _("Press conference")
    CEREMONY = "ceremony", _("Ceremony")
    BREAK = "break", _("Break")


class SessionState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    CANCELLED = "cancelled", _("Cancelled")


class SessionAccess(models.TextChoices):
    OPEN = "open", _("Open to all accredited participants")
    INVITATION = "invitation", _("By invitation")
    CATEGORY = "category", _("By badge category")


class PersonRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    MODERATOR = "moderator", _("Moderator")
    SPEAKER = "speaker", _("Speaker")
    ORGANISER = "organiser", _("Organiser")


class SideEventState(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    ACCEPTED = "accepted", _("Accepted")
    REFUSED = "refused", _("Refused")
    WITHDRAWN = "withdrawn", _("Withdrawn")
