"""What a badge's QR code carries: the badge's id, signed, and nothing about the person.

A scanner that reads a forged or altered code gets `BadSignature`; a badge's state (revoked or
not) is checked against the database at each scan, so revoking needs no new code.
"""

from django.core import signing

SALT = "delegations.badge"


def badge_payload(badge) -> str:
    return signing.Signer(salt=SALT).sign(str(badge.pk))


def badge_id_from_payload(payload: str) -> int:
    """The badge id in a scanned payload; raises `signing.BadSignature` if it was not ours."""
    value = signing.Signer(salt=SALT).unsign(payload.strip())
    if not value.isdigit():
        raise signing.BadSignature("not a badge")
    return int(value)
