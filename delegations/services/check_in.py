"""Check-in at the doors: scanners that authenticate with a token, and every scan recorded.

Every reading is kept, refused ones too, so that security sees a forged or revoked badge being
tried. A double entry, or an exit without an entry, is allowed but flagged: a person may have
left by a door without a scanner, and a queue at the door is not the place to settle it.
"""

import secrets

from django.core import signing
from django.db import models
from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext_lazy as _

from conference.models import AccessZone, Conference
from delegations.errors import UnknownZone
from delegations.models import (
    Badge,
    BadgeState,
    Scan,
    ScanDirection,
    ScannerDevice,
    hash_token,
)
from delegations.qr import badge_id_from_payload


class ScanReason(models.TextChoices):
    """The reason code of a decision; its label is the message the person at the door reads."""

    ALLOWED = "allowed", _("Allowed.")
    DOUBLE_ENTRY = (
        "double_entry",
        _("Allowed, but flagged: a double entry (no exit seen since this badge last entered)."),
    )
    EXIT_WITHOUT_ENTRY = (
        "exit_without_entry",
        _("Allowed, but flagged: this badge was not seen entering this zone."),
    )
    INVALID_CODE = "invalid_code", _("Refused: this is not a valid badge code.")
    UNKNOWN_BADGE = "unknown_badge", _("Refused: this badge is not valid at this conference.")
    REVOKED = "revoked", _("Refused: this badge has been revoked.")
    ZONE_NOT_ALLOWED = (
        "zone_not_allowed",
        _("Refused: this badge does not give access to this zone."),
    )
    POOL_ONLY = (
        "pool_only",
        _(
            "Refused: a restricted event is under way in this zone; only the journalists of its "
            "media pool enter."
        ),
    )


FLAGGED_REASONS = (ScanReason.DOUBLE_ENTRY, ScanReason.EXIT_WITHOUT_ENTRY)

# The answers in which the door may see whose badge it is. A forged code, or a badge of another
# conference, shows nobody.
IDENTIFYING_REASONS = {
    ScanReason.ALLOWED,
    ScanReason.DOUBLE_ENTRY,
    ScanReason.EXIT_WITHOUT_ENTRY,
    ScanReason.REVOKED,
    ScanReason.ZONE_NOT_ALLOWED,
    ScanReason.POOL_ONLY,
}

# Rules of the floors above that decide a scan before the badge's zones do (the programme
# admits only its media pool to a restricted event under way); each takes the conference, the
# badge (with its holder), the zone's code and the direction, and returns a `ScanReason`, or
# None to leave the decision to the badge's zones. Registered once at start (sessions/apps.py).
_ADMISSION_RULES = []


def add_admission_rule(rule) -> None:
    """Register a rule of admission at the doors; registering it again changes nothing."""
    if rule not in _ADMISSION_RULES:
        _ADMISSION_RULES.append(rule)


def register_scanner(conference: Conference, name: str) -> tuple[ScannerDevice, str]:
    """A new scanner for the conference, and its token: shown once, kept only as its SHA-256
    hash. Raises Django's `ValidationError` for a blank or too long name, saving nothing."""
    token = secrets.token_urlsafe(32)
    device = ScannerDevice(conference=conference, name=name.strip(), token_hash=hash_token(token))
    device.full_clean()
    device.save()
    return device, token


def change_scanner(device: ScannerDevice, *, name: str, active: bool) -> ScannerDevice:
    """Rename a scanner or switch it off (a lost phone): a switched-off scanner's token stops
    working at its next scan. Its conference and token do not change; a new one is registered."""
    device.name, device.active = name.strip(), active
    device.full_clean()
    device.save(update_fields=["name", "active"])
    return device


def scanner_for_token(token: str) -> ScannerDevice | None:
    """The active scanner holding this token, with its conference; None for any other token."""
    if not token:
        return None
    return (
        ScannerDevice.objects.select_related("conference")
        .filter(token_hash=hash_token(token), active=True)
        .first()
    )


def record_scan(
    conference: Conference,
    *,
    payload: str,
    zone_code: str,
    direction: str,
    device: ScannerDevice | None = None,
    user=None,
) -> Scan:
    """Decide on one reading of a badge at a zone's door and record it, allowed or not.

    The decision is in the returned scan's `allowed`, `flagged` and `reason` (a `ScanReason`;
    `scan_message` gives its text). Two queries: the badge with the zone and its last allowed
    scan there, then the insert. Raises `UnknownZone` (nothing recorded) for a zone that is not
    at the conference's venue.
    """
    direction = ScanDirection(direction)
    zone_ids = AccessZone.objects.filter(venue_id=conference.venue_id, code=zone_code).values("pk")
    badge = None
    try:
        badge_id = badge_id_from_payload(payload)
    except signing.BadSignature:
        reason = ScanReason.INVALID_CODE
    else:
        badge = _badge_with_last_direction(badge_id, zone_ids)
        reason = ScanReason.UNKNOWN_BADGE

    if badge is None:
        zone_id = zone_ids.values_list("pk", flat=True).first()
    else:
        zone_id = badge.zone_pk
        reason = _decide(conference, badge, zone_code=zone_code, direction=direction)
    if zone_id is None:
        raise UnknownZone(zone=zone_code)

    return Scan.objects.create(
        conference=conference,
        badge=badge,
        zone_id=zone_id,
        direction=direction,
        allowed=reason in (ScanReason.ALLOWED, *FLAGGED_REASONS),
        flagged=reason in FLAGGED_REASONS,
        reason=reason,
        device=device,
        scanned_by=user if user is not None and user.is_authenticated else None,
    )


def _badge_with_last_direction(badge_id: int, zone_ids) -> Badge | None:
    """The badge, its person and delegation, the zone's id and the direction of the badge's last
    allowed scan at that zone, in one query (the scans' index on badge, zone and time serves the
    subquery)."""
    last_direction = (
        Scan.objects.filter(badge=OuterRef("pk"), zone_id=Subquery(zone_ids), allowed=True)
        .order_by("-scanned_at", "-pk")
        .values("direction")[:1]
    )
    return (
        Badge.objects.select_related("delegate__delegation", "journalist__outlet")
        .annotate(zone_pk=Subquery(zone_ids), last_direction=Subquery(last_direction))
        .filter(pk=badge_id)
        .first()
    )


def _decide(conference, badge, *, zone_code, direction) -> ScanReason:
    # No lock: two doors reading one badge at the same instant would at worst miss a flag.
    if badge.conference_id != conference.pk:
        return ScanReason.UNKNOWN_BADGE
    if badge.state != BadgeState.ACTIVE:
        return ScanReason.REVOKED
    # A rule's ALLOWED opens a zone the badge does not list (a pool's place), its refusal
    # closes one it does; the entry and exit flags apply either way.
    admitted_by_rule = False
    for rule in _ADMISSION_RULES:
        decided = rule(conference, badge, zone_code=zone_code, direction=direction)
        if decided == ScanReason.ALLOWED:
            admitted_by_rule = True
            break
        if decided is not None:
            return decided
    if not admitted_by_rule and zone_code not in badge.zones:
        return ScanReason.ZONE_NOT_ALLOWED
    was_inside = badge.last_direction == ScanDirection.ENTRY
    if direction == ScanDirection.ENTRY:
        return ScanReason.DOUBLE_ENTRY if was_inside else ScanReason.ALLOWED
    return ScanReason.ALLOWED if was_inside else ScanReason.EXIT_WITHOUT_ENTRY


def scan_message(scan: Scan) -> str:
    """The decision in words, in the active language."""
    if scan.reason not in ScanReason.values:
        return scan.reason
    return str(ScanReason(scan.reason).label)


def scanned_badge(scan: Scan) -> Badge | None:
    """The badge the door may show (name, photo, delegation), or None when the answer must reveal
    nothing (a forged code, a badge of another conference)."""
    return scan.badge if scan.reason in IDENTIFYING_REASONS else None
