"""Notices of the signing ceremony to a delegation's focal point.

They take the programme's objects as they come (a signatory has `.pk`, `.delegation`,
`.delegate`, `.full_powers_state`, `.rejection_reason`, `.signed_at`) without importing the
programme app, which stands above this one.
"""

from delegations.services.notifications import _to_focal_point


def notify_full_powers(signatory):
    approved = signatory.full_powers_state == "approved"
    key = f"full-powers:{signatory.pk}:{signatory.full_powers_state}:{signatory.verified_at}"
    return _to_focal_point(
        signatory.delegation,
        "full_powers",
        key,
        delegate=signatory.delegate,
        approved=approved,
        reason=signatory.rejection_reason,
    )


def notify_signature(signatory):
    conference = signatory.delegation.conference
    return _to_focal_point(
        signatory.delegation,
        "signature_recorded",
        f"signature:{signatory.pk}",
        delegate=signatory.delegate,
        signed_at=signatory.signed_at.astimezone(conference.tzinfo),
    )
