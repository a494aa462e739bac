"""What a door is shown after a scan, the same for the API and the scan page.

The holder's photo is behind a signed link that expires within minutes: only an answer of the
check-in hands it out, and an image tag can follow it without the scanner's token. Photos are
never at a media address.
"""

from django.core import signing
from django.urls import reverse

from delegations import services
from delegations.models import Badge, BadgeState, Scan

PHOTO_SALT = "delegations.check_in.photo"
PHOTO_LINK_SECONDS = 10 * 60


def check_in_result(scan: Scan, *, request=None) -> dict:
    """The decision, and the badge only when the door may see whose it is (no passport data).
    With the request, the photo's link is absolute (for the API's clients)."""
    badge = services.scanned_badge(scan)
    shown = None
    if badge is not None:
        photo = photo_url(badge)
        if photo and request is not None:
            photo = request.build_absolute_uri(photo)
        shown = {
            "number": badge.number,
            "name": badge.holder.full_name,
            # The delegation, or a journalist's outlet.
            "delegation": badge.holder_organisation,
            "colour": badge.colour,
            "photo_url": photo,
        }
    return {
        "allowed": scan.allowed,
        "flagged": scan.flagged,
        "reason": scan.reason,
        "message": services.scan_message(scan),
        "badge": shown,
    }


def photo_url(badge: Badge) -> str | None:
    if not badge.holder.photo:
        return None
    token = signing.TimestampSigner(salt=PHOTO_SALT).sign(str(badge.pk))
    return reverse("check_in:photo", args=[token])


def badge_for_photo(token: str) -> Badge | None:
    """The badge of a photo link still valid, with its holder."""
    try:
        badge_id = signing.TimestampSigner(salt=PHOTO_SALT).unsign(
            token, max_age=PHOTO_LINK_SECONDS
        )
    except signing.BadSignature:  # SignatureExpired is one too
        return None
    # A badge revoked since the scan shows no face: the link dies with the badge.
    badge = Badge.objects.select_related("delegate", "journalist").filter(pk=badge_id).first()
    return badge if badge is not None and badge.state == BadgeState.ACTIVE else None
