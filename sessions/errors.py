from django.utils.translation import gettext_lazy as _

from conference.errors import DomainError


class RoomDoubleBooked(DomainError):
    code = "room_double_booked"
    default_message = _("Another published session uses this room at an overlapping time.")


class RoomNotAtVenue(DomainError):
    code = "room_not_at_venue"
    default_message = _("The room is not at the conference's venue.")


class DelegateOfAnotherConference(DomainError):
    code = "delegate_of_another_conference"
    default_message = _("This delegate is registered for another conference.")


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
    default_message = _(
        "Only a State or a regional economic integration organisation signs the Convention."
    )
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


class NotInvitedToGala(DomainError):
    code = "not_invited_to_gala"
    default_message = _("This dinner is by invitation: only heads of delegation are invited.")
    status_code = 400


class NotEnoughGalaSeats(DomainError):
    code = "not_enough_gala_seats"
    default_message = _("The tables have fewer seats than there are guests.")


class GalaSeatTaken(DomainError):
    code = "gala_seat_taken"
    default_message = _("This seat is already taken.")


class GalaTableOccupied(DomainError):
    code = "gala_table_occupied"
    default_message = _(
        "Guests are seated at this table beyond that number of seats: move them, or seat the "
        "dinner again, first."
    )


class NoSuchGalaSeat(DomainError):
    code = "no_such_gala_seat"
    default_message = _("This table has no such seat.")
    status_code = 400


class BilateralWithItself(DomainError):
    code = "bilateral_with_itself"
    default_message = _("A delegation cannot ask itself for a meeting.")
    status_code = 400


class BilateralNotPossible(DomainError):
    code = "bilateral_not_possible"
    default_message = _("This delegation does not take part in meetings at this conference.")
    status_code = 400


class BilateralDayInvalid(DomainError):
    code = "bilateral_day_invalid"
    default_message = _("The preferred day must be a day of the conference.")
    status_code = 400


class BilateralAlreadyRequested(DomainError):
    code = "bilateral_already_requested"
    default_message = _("A meeting between these two delegations is already requested.")


class BilateralStateInvalid(DomainError):
    code = "bilateral_state_invalid"
    default_message = _("This meeting request cannot be changed that way any more.")


class NotBilateralParty(DomainError):
    code = "not_bilateral_party"
    default_message = _("Only the delegation asked may answer this request.")
    status_code = 404


class NotABilateralRoom(DomainError):
    code = "not_a_bilateral_room"
    default_message = _("Bilateral meetings take place in a bilateral room of the venue.")
    status_code = 400


class BilateralSlotTaken(DomainError):
    code = "bilateral_slot_taken"
    default_message = _("The room or one of the heads of delegation is not free at that time.")


class NotAnExhibitor(DomainError):
    code = "not_an_exhibitor"
    default_message = _(
        "Only companies, research institutions, United Nations entities and the host may exhibit."
    )
    status_code = 400


class NotAnExhibitionHall(DomainError):
    code = "not_an_exhibition_hall"
    default_message = _("A booth stands in an exhibition hall of the conference's venue.")
    status_code = 400


class BoothNotAvailable(DomainError):
    code = "booth_not_available"
    default_message = _("This booth is not available: it is allocated or not offered.")


class BoothTimesInvalid(DomainError):
    code = "booth_times_invalid"
    default_message = _(
        "A booth is set up before the exhibition opens and cleared after it closes."
    )
    status_code = 400


class TooFewBooths(DomainError):
    """A session interpreted into more languages than its room has booths."""

    code = "too_few_interpretation_booths"
    default_message = _("The room has too few interpretation booths for the session's languages.")

    def __init__(self, *, room, needed, available):
        super().__init__(
            _(
                "%(room)s has %(available)d interpretation booths; the session's %(needed)d "
                "languages need %(needed)d."
            )
            % {"room": room, "available": available, "needed": needed},
            room=str(room),
            needed=needed,
            available=available,
        )


class SideEventNotOpen(DomainError):
    code = "side_event_not_open"
    default_message = _("Only a delegation that takes part in the conference proposes side events.")


class SlotNotOfConference(DomainError):
    code = "slot_not_of_conference"
    default_message = _("This slot belongs to another conference.")
    status_code = 400


class SideEventDecided(DomainError):
    code = "side_event_decided"
    default_message = _("This side event is no longer waiting for a decision.")


class NoRoomFree(DomainError):
    code = "no_room_free"
    default_message = _(
        "No room of this slot is free, large enough and equipped for the side event's languages."
    )


class RoomUnsuitable(DomainError):
    code = "room_unsuitable"
    default_message = _(
        "This room does not hold side events at this slot, is taken, or is too small for the "
        "expected audience."
    )


class PoolFull(DomainError):
    code = "pool_full"
    default_message = _("Every place of this media pool is taken.")


class PoolNotOpen(DomainError):
    code = "pool_not_open"
    default_message = _(
        "Only an accredited journalist of this conference, one per outlet, takes a pool place."
    )


class FullPowersIssuerMissing(DomainError):
    code = "full_powers_issuer_missing"
    default_message = _(
        "Say who signed the full powers (the Head of State, the Head of Government or the "
        "Minister for Foreign Affairs) and give their name and title."
    )
    status_code = 400


class SpeakerNotInDelegation(DomainError):
    code = "speaker_not_in_delegation"
    default_message = _("The speaker must be a member of the delegation.")
    status_code = 400


class NotAGeneralDebate(DomainError):
    code = "not_a_general_debate"
    default_message = _("This session is not a sitting of the conference's general debate.")
    status_code = 400


class ReplyAlreadyRequested(DomainError):
    code = "reply_already_requested"
    default_message = _("This delegation has already asked for a right of reply in this sitting.")


class RoomBoothsInUse(DomainError):
    """Fewer interpretation booths than the sessions to come in the room need."""

    code = "room_booths_in_use"
    default_message = _("Sessions to come in this room need more interpretation booths.")

    def __init__(self, *, room, available, sessions):
        super().__init__(
            _(
                "%(room)s cannot have only %(available)d interpretation booths: these sessions "
                "to come in it need more: %(sessions)s. Move them to another room or change "
                "their languages first."
            )
            % {
                "room": room,
                "available": available,
                "sessions": "; ".join(sessions),
            },
            room=str(room),
            available=available,
            sessions=list(sessions),
        )
