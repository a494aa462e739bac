"""Passport data over its life: the keys it is encrypted with, and its erasure after the event."""

from dataclasses import dataclass
from datetime import timedelta

from cryptography.fernet import InvalidToken
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from conference.models import Conference
from delegations import passports
from delegations.models import Delegate

# What erasure blanks, on delegates and on their history rows alike (the history never holds the
# encrypted number: the model excludes it).
ERASED = {
    "passport_last4": "",
    "passport_fingerprint": "",
    "passport_expires_on": None,
    "date_of_birth": None,
}
_HOLDS_PASSPORT_DATA = (
    ~Q(passport_last4="")
    | ~Q(passport_fingerprint="")
    | Q(passport_expires_on__isnull=False)
    | Q(date_of_birth__isnull=False)
)


@dataclass(frozen=True)
class Erasure:
    conference: Conference
    delegates: int
    history_rows: int


def rotate_passport_keys() -> tuple[int, list[int]]:
    """Re-encrypt every passport number with the first of `PASSPORT_KEYS`; return how many were
    re-encrypted and the ids of delegates whose number no key opens (left as they are).

    Each row is written by a conditional UPDATE on the token that was read, so a number a focal
    point changed meanwhile (already encrypted with the first key) is never overwritten with the
    old one. The history is not touched: it never holds the encrypted number.
    """
    rotated, unreadable = 0, []
    rows = Delegate.objects.exclude(passport_number_encrypted="").order_by("pk")
    for pk, token in rows.values_list("pk", "passport_number_encrypted"):
        try:
            fresh = passports.rotate(token)
        except InvalidToken:
            unreadable.append(pk)
            continue
        rotated += Delegate.objects.filter(pk=pk, passport_number_encrypted=token).update(
            passport_number_encrypted=fresh
        )
    return rotated, unreadable


def erase_expired_passport_data(*, today=None) -> list[Erasure]:
    """Erase passport number, last four characters, fingerprint, expiry and date of birth of every
    delegate of each conference whose `passport_retention_days` after its last day have passed
    (in the conference's own timezone), history rows included; one `Erasure` per such conference.

    Idempotent: rows already blank are not counted again. Plain UPDATEs, so the erasure writes
    no new history row that would itself need erasing.
    """
    erasures = []
    for conference in Conference.objects.order_by("end_date", "pk"):
        local_today = today or timezone.localdate(timezone=conference.tzinfo)
        if local_today < conference.end_date + timedelta(days=conference.passport_retention_days):
            continue
        with transaction.atomic():
            delegates = (
                Delegate.objects.filter(conference=conference)
                .filter(_HOLDS_PASSPORT_DATA | ~Q(passport_number_encrypted=""))
                .update(passport_number_encrypted="", **ERASED)
            )
            history_rows = (
                Delegate.history.model.objects.filter(conference_id=conference.pk)
                .filter(_HOLDS_PASSPORT_DATA)
                .update(**ERASED)
            )
        erasures.append(Erasure(conference, delegates, history_rows))
    return erasures
