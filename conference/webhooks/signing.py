"""The signature of a delivery: HMAC-SHA256 with the webhook's secret over the timestamp and
the body, so a receiver can check that the body came from us and refuse an old one replayed."""

import hashlib
import hmac
import time

SIGNATURE_HEADER = "X-Webhook-Signature"
ID_HEADER = "X-Webhook-Id"
EVENT_HEADER = "X-Webhook-Event"
# A receiver should refuse a delivery signed longer ago than this (a replay).
TOLERANCE_SECONDS = 5 * 60


def sign(secret: str, body: bytes, timestamp: int) -> str:
    """The value of the signature header: `t=<unix time>,v1=<hex HMAC of "t.body">`."""
    digest = hmac.new(
        secret.encode(), str(timestamp).encode() + b"." + body, hashlib.sha256
    ).hexdigest()
    return f"t={timestamp},v1={digest}"


def verify(secret: str, body: bytes, header: str, *, now=None) -> bool:
    """Whether the header signs this body with this secret, recently enough: what a receiver
    does (the tests do it with a real HTTP receiver)."""
    try:
        fields = dict(part.split("=", 1) for part in header.split(","))
        timestamp = int(fields["t"])
    except (KeyError, ValueError):
        return False
    if abs((now if now is not None else time.time()) - timestamp) > TOLERANCE_SECONDS:
        return False
    return hmac.compare_digest(sign(secret, body, timestamp), header)
