from django.utils.translation import gettext_lazy as _

from conference.errors import DomainError


class RoomDoubleBooked(DomainError):
    code = "room_double_booked"
    default_message = _("Another published session uses this room at an overlapping time.")


class RoomNotAtVenue(DomainError):
    code = "room_not_at_venue"
    default_message = _("The room is not at the conference's venue.")


class SessionTimesInvalid(DomainError):
    code = "session_times_invalid"
    default_message = _("A session must end after it starts.")


class NothingToRelease(DomainError):
    code = "nothing_to_release"
    default_message = _("The public programme has not changed since the last release.")


class NoRelease(DomainError):
    code = "no_release"
    default_message = _("No programme has been released for this conference yet.")
    status_code = 404


class PlacesNotOffered(DomainError):
    code = "places_not_offered"
    default_message = _("This session does not take reservations of places.")


class AlreadyHasPlace(DomainError):
    code = "already_has_place"
    default_message = _("This delegate already has a place, or is on the wait list, here.")


class DelegationQuotaReached(DomainError):
    code = "delegation_quota_reached"
    default_message = _("Your delegation already has all the places it may hold in this session.")


class AlreadyInscribed(DomainError):
    code = "already_inscribed"
    default_message = _("This delegation is already on the speakers' list.")


class NotInscribed(DomainError):
    code = "not_inscribed"
    default_message = _("This delegation is not on the speakers' list.")


class NotAStateDelegation(DomainError):
    code = "not_a_state"
    default_message = _("Only a State's delegation signs the Convention.")
    status_code = 400


class FullPowersNeeded(DomainError):
    code = "full_powers_needed"
    default_message = _("The signatory needs verified full powers before signing.")


class NothingToVerify(DomainError):
    code = "nothing_to_verify"
    default_message = _("These full powers are not waiting for verification.")


class NoConventionToSign(DomainError):
    code = "no_convention"
    default_message = _("This conference has no convention to sign.")
    status_code = 400


class ReasonRequired(DomainError):
    code = "reason_required"
    default_message = _("Give the reason of the rejection: the delegation will read it.")
    status_code = 400


class NotAGalaDinner(DomainError):
    code = "not_a_gala_dinner"
    default_message = _("This session is not a gala dinner of the delegate's conference.")
    status_code = 400


class NotEnoughGalaSeats(DomainError):
    code = "not_enough_gala_seats"
    default_message = _("The tables have fewer seats than there are guests.")


class GalaSeatTaken(DomainError):
    code = "gala_seat_taken"
    default_message = _("This seat is already taken.")


class NoSuchGalaSeat(DomainError):
    code = "no_such_gala_seat"
    default_message = _("This table has no such seat.")
    status_code = 400
