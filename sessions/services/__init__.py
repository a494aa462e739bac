"""Every write to the programme that matters, one module per concern; re-exported here."""

from sessions.services.agenda import issue_agenda_link, revoke_agenda_link
from sessions.services.bilaterals import (
    BilateralSchedule,
    accept_bilateral,
    cancel_bilateral,
    check_bilateral_request,
    check_bilateral_slot,
    decline_bilateral,
    request_bilateral,
    reschedule_bilateral,
    schedule_bilaterals,
)
from sessions.services.booths import (
    add_booth,
    allocate_booth,
    check_exhibitor,
    close_booth,
    exhibition_hours,
    release_booth,
    reopen_booth,
    save_exhibitor,
)
from sessions.services.gala import (
    answer_gala_dinner,
    check_gala_guest,
    check_gala_move,
    move_guest,
    seat_gala_dinner,
)
from sessions.services.media_pool import assign_pool_place, release_pool_place
from sessions.services.places import release_place, reserve_place, waitlist_position
from sessions.services.programme import (
    add_session_person,
    cancel_session,
    check_interpretation_booths,
    create_session,
    interpretation_booths_needed,
    publish_session,
    reschedule_session,
)
from sessions.services.releases import release_schedule
from sessions.services.side_events import (
    accept_side_event,
    move_side_event,
    propose_side_event,
    refuse_side_event,
    withdraw_side_event,
)
from sessions.services.signing import (
    assign_signing_slots,
    record_signing,
    register_signatory,
    upload_full_powers,
    verify_full_powers,
)
from sessions.services.speakers import (
    move_speaker,
    request_to_speak,
    swap_speakers,
    withdraw_from_list,
)

__all__ = [
    "BilateralSchedule",
    "accept_bilateral",
    "accept_side_event",
    "add_booth",
    "add_session_person",
    "allocate_booth",
    "answer_gala_dinner",
    "assign_pool_place",
    "assign_signing_slots",
    "cancel_bilateral",
    "cancel_session",
    "check_bilateral_request",
    "check_bilateral_slot",
    "check_exhibitor",
    "check_gala_guest",
    "check_gala_move",
    "check_interpretation_booths",
    "close_booth",
    "create_session",
    "decline_bilateral",
    "exhibition_hours",
    "interpretation_booths_needed",
    "issue_agenda_link",
    "move_guest",
    "move_side_event",
    "move_speaker",
    "propose_side_event",
    "publish_session",
    "record_signing",
    "refuse_side_event",
    "register_signatory",
    "release_booth",
    "release_place",
    "release_pool_place",
    "release_schedule",
    "reopen_booth",
    "request_bilateral",
    "request_to_speak",
    "reschedule_bilateral",
    "reschedule_session",
    "reserve_place",
    "revoke_agenda_link",
    "save_exhibitor",
    "schedule_bilaterals",
    "seat_gala_dinner",
    "swap_speakers",
    "upload_full_powers",
    "verify_full_powers",
    "waitlist_position",
    "withdraw_from_list",
    "withdraw_side_event",
]
