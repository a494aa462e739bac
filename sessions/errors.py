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
