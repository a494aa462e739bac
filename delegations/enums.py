"""The states and categories of delegations and delegates, shared by models, services and API."""

from django.db import models
from django.db.models import Case, IntegerField, Value, When
from django.utils.translation import gettext_lazy as _


class DelegationKind(models.TextChoices):
    MEMBER_STATE = "member_state", _("Member State")
    OBSERVER_STATE = "observer_state", _("Observer State")
    # A regional economic integration organisation (the European Union) becomes party to a
    # convention beside its member States; other regional organisations never sign.
    REIO = "reio", _("Regional economic integration organisation")
    REGIONAL_ORGANISATION = "regional_organisation", _("Regional organisation")
    INTERGOVERNMENTAL_ORGANISATION = (
        "intergovernmental_organisation",
        _("Intergovernmental organisation"),
    )
    UN_ENTITY = "un_entity", _("United Nations entity")
    NGO = "ngo", _("Non-governmental organisation")
    PRIVATE_SECTOR = "private_sector", _("Private sector")
    ACADEMIA = "academia", _("Academia")
    MEDIA = "media", _("Media")

    @classmethod
    def states(cls):
        return [cls.MEMBER_STATE, cls.OBSERVER_STATE]

    @classmethod
    def participants(cls):
        """Kinds of delegation that may sign a convention: States and REIOs."""
        return [cls.MEMBER_STATE, cls.OBSERVER_STATE, cls.REIO]


class DelegationStatus(models.TextChoices):
    INVITED = "invited", _("Invited")
    CONFIRMED = "confirmed", _("Confirmed")
    DECLINED = "declined", _("Declined")
    REGISTERED = "registered", _("Registered")
    ACCREDITED = "accredited", _("Accredited")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class DelegateRole(models.TextChoices):
    HEAD = "head", _("Head of delegation")
    DEPUTY_HEAD = "deputy_head", _("Deputy head of delegation")
    MEMBER = "member", _("Member")
    ADVISER = "adviser", _("Adviser")
    SECURITY = "security", _("Security officer")
    INTERPRETER = "interpreter", _("Interpreter")
    LIAISON = "liaison", _("Liaison officer")
    EXHIBITOR_STAFF = "exhibitor_staff", _("Exhibitor staff")


class ProtocolRank(models.TextChoices):
    """Levels of representation, declared in the order of precedence (highest first).

    The order follows the protocol rules of the conference: Heads of State; Vice-Presidents and
    Crown Princes; Heads of Government; deputy Heads of Government; Ministers for Foreign Affairs;
    other Ministers; then the other heads of delegation and officials.
    """

    HEAD_OF_STATE = "head_of_state", _("Head of State")
    VICE_PRESIDENT = "vice_president", _("Vice-President")
    CROWN_PRINCE = "crown_prince", _("Crown Prince")
    HEAD_OF_GOVERNMENT = "head_of_government", _("Head of Government")
    DEPUTY_HEAD_OF_GOVERNMENT = "deputy_head_of_government", _("Deputy Head of Government")
    MINISTER_FOR_FOREIGN_AFFAIRS = "minister_for_foreign_affairs", _("Minister for Foreign Affairs")
    MINISTER = "minister", _("Minister")
    VICE_MINISTER = "vice_minister", _("Vice-Minister")
    AMBASSADOR = "ambassador", _("Ambassador or Permanent Representative")
    HEAD_OF_ORGANISATION = "head_of_organisation", _("Head of organisation")
    SENIOR_OFFICIAL = "senior_official", _("Senior official")
    DELEGATE = "delegate", _("Delegate")

    @classmethod
    def precedence(cls, rank):
        """0 for the highest level; Vice-Presidents and Crown Princes share one level."""
        return _LEVELS[rank]

    @classmethod
    def precedence_expression(cls, field="protocol_rank"):
        """The same levels as a database expression, so that lists sort in SQL."""
        return Case(
            *(When(**{field: rank}, then=Value(level)) for rank, level in _LEVELS.items()),
            default=Value(len(_LEVELS)),
            output_field=IntegerField(),
        )

    @classmethod
    def photo_exempt(cls):
        """Ranks whose badge carries no photo (a photo-less VIP pass)."""
        return {
            cls.HEAD_OF_STATE,
            cls.HEAD_OF_GOVERNMENT,
            cls.VICE_PRESIDENT,
            cls.CROWN_PRINCE,
        }


def _levels():
    levels, level = {}, 0
    for rank in ProtocolRank:
        if rank == ProtocolRank.CROWN_PRINCE:
            levels[rank] = levels[ProtocolRank.VICE_PRESIDENT]
            continue
        levels[rank] = level
        level += 1
    return levels


_LEVELS = _levels()


class AccreditationStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    ACCREDITED = "accredited", _("Accredited")
    REJECTED = "rejected", _("Rejected")


class BadgeCategory(models.TextChoices):
    """What a badge lets its holder do; the conference sets a quota per category."""

    HEAD_OF_DELEGATION = "head_of_delegation", _("Head of delegation")
    DELEGATE = "delegate", _("Delegate")
    SECURITY = "security", _("Security")
    SUPPORT = "support", _("Support staff")
    EXHIBITOR = "exhibitor", _("Exhibitor staff")

    @classmethod
    def for_role(cls, role):
        return {
            DelegateRole.HEAD: cls.HEAD_OF_DELEGATION,
            DelegateRole.SECURITY: cls.SECURITY,
            DelegateRole.INTERPRETER: cls.SUPPORT,
            DelegateRole.LIAISON: cls.SUPPORT,
            DelegateRole.EXHIBITOR_STAFF: cls.EXHIBITOR,
        }.get(role, cls.DELEGATE)


class AirportTransfer(models.TextChoices):
    NONE = "none", _("No transfer needed")
    ARRIVAL = "arrival", _("On arrival")
    DEPARTURE = "departure", _("On departure")
    BOTH = "both", _("On arrival and departure")


class GreetingLevel(models.TextChoices):
    """Who of the host meets a delegation's principal at the airport, highest first."""

    MINISTER = "minister", _("A Minister of the host Government")
    VICE_MINISTER = "vice_minister", _("A Vice-Minister of the host Government")
    PROTOCOL_DIRECTOR = "protocol_director", _("The Director-General of State Protocol")
    LIAISON_OFFICER = "liaison_officer", _("The liaison officer")


class GroundTransport(models.TextChoices):
    MOTORCADE = "motorcade", _("Motorcade with police escort")
    CAR = "car", _("Dedicated car")
    SHUTTLE = "shuttle", _("Conference shuttle")
    NONE = "none", _("Own arrangements")


class ParticipantListKind(models.TextChoices):
    PROVISIONAL = "provisional", _("Provisional")
    FINAL = "final", _("Final")


class MediaRole(models.TextChoices):
    REPORTER = "reporter", _("Reporter")
    PHOTOGRAPHER = "photographer", _("Photographer")
    CAMERA = "camera", _("Camera operator")
    TECHNICIAN = "technician", _("Technician")
    EDITOR = "editor", _("Editor")


class MediaState(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    ACCREDITED = "accredited", _("Accredited")
    REFUSED = "refused", _("Refused")
