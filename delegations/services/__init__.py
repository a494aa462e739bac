"""Every write about delegations that matters, one module per concern; re-exported here so that
callers write `from delegations import services; services.create_delegation(...)`."""

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
from delegations.services.notifications import (
    notify_delegate_accredited,
    notify_delegate_rejected,
    notify_gala_answer,
    notify_place,
    notify_programme_changes,
    notify_registration_submitted,
    send_programme_digests,
)
from delegations.services.outbox import deliver_message, queue_message, retry_now, sweep_outbox
from delegations.services.registry import add_delegate, create_delegation

__all__ = [
    "add_delegate",
    "answer_invitation",
    "create_delegation",
    "deliver_message",
    "expire_invitations",
    "invite_delegations",
    "notify_delegate_accredited",
    "notify_delegate_rejected",
    "notify_gala_answer",
    "notify_place",
    "notify_programme_changes",
    "notify_registration_submitted",
    "open_invitation",
    "queue_message",
    "remind_now",
    "resend_invitation",
    "retry_now",
    "revoke_invitation",
    "send_due_reminders",
    "send_programme_digests",
    "sweep_outbox",
]
