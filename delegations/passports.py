"""Passport numbers: encrypted at rest, shown masked, compared by a keyed hash.

The keys come from `PASSPORT_KEYS` (Fernet keys, newest first, comma-separated): MultiFernet
decrypts with any of them and encrypts with the first, so a key is rotated by putting a new one in
front and running `rotate_passport_keys`. The fingerprint of number and birth date uses its own
key (`PASSPORT_FINGERPRINT_KEY`), which does not rotate with them: it only has to find the same
person twice, never to reveal the number.
"""

import base64
import hashlib
import hmac
import re

from cryptography.fernet import Fernet, MultiFernet
from django.conf import settings


def _fernet():
    return MultiFernet([Fernet(key) for key in settings.PASSPORT_KEYS])


def normalise(number: str) -> str:
    """Passport numbers are typed with spaces, dashes and either case."""
    return re.sub(r"[^0-9A-Z]", "", number.upper())


def masked(last4: str) -> str:
    """How a passport number is shown anywhere outside its encrypted column: ••••1234, or
    nothing when there is none. The one rule for pages, the API and every export."""
    return f"••••{last4}" if last4 else ""


def encrypt(number: str) -> str:
    return _fernet().encrypt(normalise(number).encode()).decode()


def decrypt(token: str) -> str:
    return _fernet().decrypt(token.encode()).decode() if token else ""


def rotate(token: str) -> str:
    return _fernet().rotate(token.encode()).decode()


def fingerprint(number: str, date_of_birth) -> str:
    message = f"{normalise(number)}|{date_of_birth.isoformat()}".encode()
    return hmac.new(settings.PASSPORT_FINGERPRINT_KEY, message, hashlib.sha256).hexdigest()


def derived_key(secret: str, purpose: str) -> bytes:
    """A development key derived from SECRET_KEY, so that `make run` needs no configuration."""
    return base64.urlsafe_b64encode(hashlib.sha256(f"{purpose}:{secret}".encode()).digest())
