"""Every write about delegations that matters, one module per concern; re-exported here so that
callers write `from delegations import services; services.create_delegation(...)`."""

from delegations.services.accounts import (
    accepted_invitation,
    create_portal_account,
    issue_api_token,
    link_portal_account,
    queue_password_reset,
    revoke_api_token,
)
from delegations.services.accreditation import accredit_delegate, reject_delegate
from delegations.services.arrivals import (
    arrival_protocol,
    assign_liaison_officer,
    movements_on,
    register_liaison_officer,
    save_travel_as_organiser,
)
from delegations.services.badges import (
    issue_badge,
    mark_printed,
    reissue_badge,
    revoke_badge,
)
from delegations.services.check_in import (
    ScanReason,
    record_scan,
    register_scanner,
    scan_message,
    scanned_badge,
    scanner_for_token,
)
from delegations.services.invitations import (
    answer_invitation,
    expire_invitations,
    invite_delegations,
    open_invitation,
    remind_now,
    resend_invitation,
    revoke_invitation,
    send_due_reminders,
)
from delegations.services.media import (
    accredit_journalist,
    apply_for_media_accreditation,
    notify_journalist,
    refuse_journalist,
)
from delegations.services.notifications import (
    notify_delegate_accredited,
    notify_delegate_rejected,
    notify_programme_changes,
    notify_registration_submitted,
    send_programme_digests,
)
from delegations.services.outbox import deliver_message, queue_message, retry_now, sweep_outbox
from delegations.services.participants import (
    confirm_list_entries,
    correct_list_entry,
    issue_participant_list,
    list_of_participants,
    listed_delegates,
    printed_entry,
)
from delegations.services.passports import erase_expired_passport_data, rotate_passport_keys
from delegations.services.registration import (
    ensure_editable,
    is_editable,
    remove_delegate,
    reopen_registration,
    save_delegate,
    save_travel,
    submit_registration,
    upload_credentials,
)
from delegations.services.registry import add_delegate, create_delegation

__all__ = [
    "ScanReason",
    "accepted_invitation",
    "accredit_delegate",
    "accredit_journalist",
    "add_delegate",
    "answer_invitation",
    "apply_for_media_accreditation",
    "arrival_protocol",
    "assign_liaison_officer",
    "confirm_list_entries",
    "correct_list_entry",
    "create_delegation",
    "create_portal_account",
    "deliver_message",
    "ensure_editable",
    "erase_expired_passport_data",
    "expire_invitations",
    "invite_delegations",
    "is_editable",
    "issue_api_token",
    "issue_badge",
    "issue_participant_list",
    "link_portal_account",
    "list_of_participants",
    "listed_delegates",
    "mark_printed",
    "movements_on",
    "notify_delegate_accredited",
    "notify_delegate_rejected",
    "notify_journalist",
    "notify_programme_changes",
    "notify_registration_submitted",
    "open_invitation",
    "printed_entry",
    "queue_message",
    "queue_password_reset",
    "record_scan",
    "refuse_journalist",
    "register_liaison_officer",
    "register_scanner",
    "reissue_badge",
    "reject_delegate",
    "remind_now",
    "remove_delegate",
    "reopen_registration",
    "resend_invitation",
    "retry_now",
    "revoke_api_token",
    "revoke_badge",
    "revoke_invitation",
    "rotate_passport_keys",
    "save_delegate",
    "save_travel",
    "save_travel_as_organiser",
    "scan_message",
    "scanned_badge",
    "scanner_for_token",
    "send_due_reminders",
    "send_programme_digests",
    "submit_registration",
    "sweep_outbox",
    "upload_credentials",
]
