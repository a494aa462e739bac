"""Every write of the ground floor that matters: the depositary's register (`register`) and the
reference data the organisers keep in the console (`reference`: venues, zones, rooms,
conferences, conventions, and the other apps' reference tables). Re-exported here so that
callers write `from conference import services; services.record_signature(...)`."""

from conference.services.reference import (
    check_room,
    check_room_change,
    delete_reference,
    save_access_zone,
    save_reference,
    save_room,
)
from conference.services.register import (
    check_instrument,
    check_participant,
    check_signature_open,
    deposit_instrument,
    record_depositary_notification,
    record_signature,
)

__all__ = [
    "check_instrument",
    "check_participant",
    "check_room",
    "check_room_change",
    "check_signature_open",
    "delete_reference",
    "deposit_instrument",
    "record_depositary_notification",
    "record_signature",
    "save_access_zone",
    "save_reference",
    "save_room",
]
