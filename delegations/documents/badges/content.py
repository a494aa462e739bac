"""What a badge says about its holder, named in the language it is printed in: the band's
category, the name, function, delegation and flag, the zones, and the QR code."""

from dataclasses import dataclass

import segno
from django.contrib.staticfiles import finders
from django.utils import translation
from django.utils.translation import gettext as _
from reportlab.lib.utils import ImageReader

from delegations.enums import BadgeCategory, DelegationKind, MediaRole
from delegations.qr import badge_payload


@dataclass(frozen=True)
class Face:
    """What the card says about its holder, a delegate or a journalist."""

    band_label: str
    family_name: str
    given_names: str
    function: str
    organisation: str
    flag_code: str | None  # a State's flag beside its delegation's name
    photo_required: bool


def face(badge) -> Face:
    journalist = badge.journalist
    if journalist is not None:
        return Face(
            band_label=_("Press"),
            family_name=journalist.family_name,
            given_names=journalist.given_names,
            function=str(MediaRole(journalist.role).label),
            organisation=journalist.outlet.name,
            flag_code=None,
            photo_required=True,  # every journalist gives one with the application
        )
    delegate, delegation = badge.delegate, badge.delegate.delegation
    return Face(
        band_label=_band_label(badge),
        family_name=delegate.family_name,
        given_names=delegate.given_names,
        function=delegate.function,
        organisation=delegation.display_name,
        flag_code=delegation.country.code if delegation.is_state else None,
        photo_required=delegate.photo_required,
    )


def _band_label(badge):
    if badge.delegate.delegation.kind == DelegationKind.MEDIA:
        return _("Press")
    return str(BadgeCategory(badge.category).label)


def badge_qr(badge) -> segno.QRCode:
    """The QR code printed on the badge: the signed badge id (delegations.qr), nothing else."""
    return segno.make(badge_payload(badge), error="m", micro=False)


def flag(country_code):
    """The flag that django-countries ships (a small GIF), or None where it has none.

    Not cached: `bench/badges.py --count 3 --runs 3 --without-caches` (4 December 2026) printed
    1.66 s without a cache here against 1.88 s with one (0.88x, within the noise): reading a
    small GIF costs nothing a cache would pay back, so the cache was removed."""
    path = finders.find(f"flags/{country_code.lower()}.gif") if country_code else None
    return ImageReader(path) if path else None


def zone_name(badge, zones, code):
    # In the language the badge is printed in, as the category band; a code gone shows as is.
    zone = zones.get((badge.conference.venue_id, code))
    language = translation.get_language()
    return zone.localized_name(language, badge.conference.languages) if zone else code
