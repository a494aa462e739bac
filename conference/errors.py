"""The one error vocabulary of the project.

Services raise subclasses of `DomainError` for outcomes a user can cause and understand (a full
roundtable, a closed registration, a double-booked room). They are expected, so they are never
logged as crashes; the API turns them into one JSON shape keyed by `code`, the portal and the
console into form errors. Every app defines its own subclasses beside its services.
"""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext_lazy as _


class DomainError(Exception):
    code = "domain_error"
    default_message = "The request breaks a rule of the conference."
    # The HTTP status the API answers with: 409 for a conflict with the state of things (a full
    # roundtable, a double-booked room), 400 for a request that could never succeed.
    status_code = 409

    def __init__(self, message=None, **context):
        self.message = message or self.default_message
        self.context = context
        super().__init__(self.message)


class AlreadyRecorded(DomainError):
    code = "already_recorded"
    default_message = "This State or organisation has already done so for this convention."


def full_clean_or_raise(instance, *domain_errors):
    """Validate `instance` like a form would, turning the violation of a model constraint whose
    `violation_error_code` is one of the domain errors' codes into that domain error. Other
    validation errors propagate as Django's `ValidationError`, which forms and the API show per
    field."""
    try:
        instance.full_clean()
    except ValidationError as exc:
        codes = {error.code for error in getattr(exc, "error_dict", {}).get(NON_FIELD_ERRORS, [])}
        for domain_error in domain_errors:
            if domain_error.code in codes:
                raise domain_error() from exc
        raise


class NotAParticipant(DomainError):
    code = "not_a_participant"
    default_message = _(
        "Only a State or a regional economic integration organisation of the convention signs "
        "it or deposits an instrument."
    )
    status_code = 400


class NoMemberStateSigned(DomainError):
    code = "no_member_state_signed"
    default_message = _(
        "A regional economic integration organisation signs only once at least one of its "
        "member States has signed."
    )
    status_code = 409


class SignatureNotOpen(DomainError):
    code = "signature_not_open"
    default_message = _("The convention is not open for signature at that place on that date.")
    status_code = 400


class WrongInstrument(DomainError):
    code = "wrong_instrument"
    default_message = _(
        "A signatory ratifies, accepts or approves the convention; a participant that did not "
        "sign accedes to it."
    )
    status_code = 400


class StillInUse(DomainError):
    code = "still_in_use"
    default_message = _("Other records still depend on it, so it stays.")


class ZoneOfAnotherVenue(DomainError):
    code = "zone_of_another_venue"
    default_message = _("The access zone belongs to another venue than the room.")
    status_code = 400
