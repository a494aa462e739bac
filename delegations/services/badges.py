"""Badges: issued to accredited delegates, numbered per conference, revoked and reissued.

A badge's colour and zones are fixed when it is issued, from the delegation's kind, the badge
category and the conference's zones; a change of category takes a reissue, so that the card in a
person's hands always says what the database says.
"""

import re

from django.db import transaction
from django.db.models import IntegerField, Max, QuerySet
from django.db.models.functions import Cast, Substr
from django.utils import timezone
from django.utils.translation import gettext
from simple_history.utils import bulk_update_with_history

from conference.models import Conference
from delegations.enums import AccreditationStatus, BadgeCategory, DelegationKind, MediaState
from delegations.errors import (
    BadgeAlreadyIssued,
    BadgeAlreadyRevoked,
    JournalistNotAccredited,
    NotAccredited,
    RevocationReasonRequired,
)
from delegations.models import (
    MEDIA_CATEGORY,
    Badge,
    BadgeColour,
    BadgeState,
    Delegate,
    MediaApplication,
)

# Numbers are taken under a lock of the conference's row: two badges issued at the same instant
# would otherwise read the same highest number. The concurrency test's negative control turns it
# off to show that the test sees the race.
LOCK_CONFERENCE_ROW = True
NUMBER_DIGITS = 6

# The common scheme (see the Hanoi facts): red for States' delegates and heads of delegation;
# green for UN entities, organisations, observers and the Secretariat (UNODC is a UN entity);
# yellow for the press. Academia and the private sector take part as other stakeholders, accredited
# like NGOs, hence green.
COLOUR_BY_KIND = {
    DelegationKind.MEMBER_STATE: BadgeColour.RED,
    DelegationKind.OBSERVER_STATE: BadgeColour.GREEN,
    DelegationKind.REIO: BadgeColour.GREEN,
    DelegationKind.REGIONAL_ORGANISATION: BadgeColour.GREEN,
    DelegationKind.INTERGOVERNMENTAL_ORGANISATION: BadgeColour.GREEN,
    DelegationKind.UN_ENTITY: BadgeColour.GREEN,
    DelegationKind.NGO: BadgeColour.GREEN,
    DelegationKind.PRIVATE_SECTOR: BadgeColour.GREEN,
    DelegationKind.ACADEMIA: BadgeColour.GREEN,
    DelegationKind.MEDIA: BadgeColour.YELLOW,
}
# The host's security officers and support staff are the host's security and local staff: blue.
HOST_STAFF_CATEGORIES = {BadgeCategory.SECURITY, BadgeCategory.SUPPORT}


def badge_colour(kind: str, category: str, *, host: bool = False) -> str:
    if host and category in HOST_STAFF_CATEGORIES:
        return BadgeColour.BLUE
    if category == BadgeCategory.EXHIBITOR:
        # Staff at a booth are neither delegates nor guests: they wear staff blue, and their
        # zones (the exhibition hall) come from the conference's badge zones.
        return BadgeColour.BLUE
    return COLOUR_BY_KIND[kind]


def number_prefix(conference: Conference) -> str:
    """HAN for hanoi2025: the first three letters of the slug, in capitals."""
    return re.sub(r"[^a-z]", "", conference.slug.lower())[:3].upper() or "BDG"


def issue_badge(delegate: Delegate) -> Badge:
    """Issue the badge of an accredited delegate, with the next number of the conference
    (HAN-000123), its colour and zones; the number is copied to the delegate.

    Raises `NotAccredited`, or `BadgeAlreadyIssued` while another badge of theirs is valid."""
    with transaction.atomic():
        conference = _lock_conference(delegate.conference_id)
        delegate = _lock_delegate(delegate.pk)
        if delegate.badges.filter(state=BadgeState.ACTIVE).exists():
            raise BadgeAlreadyIssued()
        return _issue(conference, delegate)


def reissue_badge(delegate: Delegate, *, reason: str = "") -> Badge:
    """Revoke the delegate's valid badge, if any, and issue a new one under a new number: a lost
    card, a corrected name, a new category. The old number is never given again."""
    with transaction.atomic():
        conference = _lock_conference(delegate.conference_id)
        delegate = _lock_delegate(delegate.pk)
        for badge in Badge.objects.select_for_update().filter(
            delegate=delegate, state=BadgeState.ACTIVE
        ):
            _revoke(badge, delegate, reason.strip() or gettext("Replaced by a new badge"))
        return _issue(conference, delegate)


def issue_media_badge(application: MediaApplication) -> Badge:
    """The yellow press badge of a journalist the press office has just accredited, under the
    number and with the zones of their accreditation. Called inside `accredit_journalist`'s
    transaction, which holds the locks on the outlet and the conference."""
    return Badge.objects.create(
        conference_id=application.conference_id,
        journalist=application,
        number=application.badge_number,
        category=MEDIA_CATEGORY,
        colour=BadgeColour.YELLOW,
        zones=list(application.zones),
    )


MEDIA_NUMBER_PREFIX = "P-"


def next_media_badge_number(conference: Conference) -> str:
    """P-0001, P-0002...: one more than the highest press number ever issued in the conference,
    revoked badges included, so that a number is never given to two cards. The caller holds the
    lock on the conference's row."""
    highest = (
        Badge.objects.filter(conference=conference, journalist__isnull=False)
        .annotate(sequence=Cast(Substr("number", len(MEDIA_NUMBER_PREFIX) + 1), IntegerField()))
        .aggregate(highest=Max("sequence"))["highest"]
    )
    return f"{MEDIA_NUMBER_PREFIX}{(highest or 0) + 1:04d}"


def reissue_media_badge(application: MediaApplication, *, reason: str = "") -> Badge:
    """A new press badge for an accredited journalist whose card was lost, damaged or revoked:
    the valid badge, if any, is revoked (the doors refuse it from now on) and a new one issued
    under the next number, which the accreditation now carries. Raises `JournalistNotAccredited`."""
    with transaction.atomic():
        conference = _lock_conference(application.conference_id)
        application = MediaApplication.objects.select_for_update().get(pk=application.pk)
        if application.state != MediaState.ACCREDITED:
            raise JournalistNotAccredited()
        for badge in Badge.objects.select_for_update().filter(
            journalist=application, state=BadgeState.ACTIVE
        ):
            _revoke(badge, None, reason.strip() or gettext("Replaced by a new badge"))
        application.badge_number = next_media_badge_number(conference)
        application.save(update_fields=["badge_number"])
        return issue_media_badge(application)


def revoke_badge(badge: Badge, *, reason: str) -> Badge:
    """Revoke a badge, a delegate's or a journalist's: the doors refuse it from now on (each scan
    checks the state). The delegate keeps no badge number until a new badge is issued; a
    journalist's accreditation keeps its number, which is never given again."""
    if not reason or not reason.strip():
        raise RevocationReasonRequired()
    with transaction.atomic():
        delegate = None
        if badge.delegate_id is not None:
            delegate = _lock_delegate(badge.delegate_id, accredited_only=False)
        badge = Badge.objects.select_for_update().get(pk=badge.pk)
        if badge.state == BadgeState.REVOKED:
            raise BadgeAlreadyRevoked()
        _revoke(badge, delegate, reason.strip())
    return badge


def mark_printed(badges) -> int:
    """Record that these badges were printed now; revoked badges are left alone, since a
    revoked badge is never printed. Returns how many were marked."""
    ids = badges.values("pk") if isinstance(badges, QuerySet) else [badge.pk for badge in badges]
    now = timezone.now()
    with transaction.atomic():
        rows = list(Badge.objects.select_for_update().filter(pk__in=ids, state=BadgeState.ACTIVE))
        for badge in rows:
            badge.printed_at = now
        # One query per batch, and still a line in each badge's history.
        bulk_update_with_history(rows, Badge, ["printed_at"], batch_size=500)
    return len(rows)


def _lock_conference(conference_id):
    conferences = Conference.objects.all()
    if LOCK_CONFERENCE_ROW:
        conferences = conferences.select_for_update()
    return conferences.get(pk=conference_id)


def _lock_delegate(delegate_id, *, accredited_only=True):
    delegate = (
        Delegate.objects.select_for_update(of=("self",))
        .select_related("delegation")
        .get(pk=delegate_id)
    )
    if accredited_only and delegate.accreditation_status != AccreditationStatus.ACCREDITED:
        raise NotAccredited()
    return delegate


def _issue(conference, delegate):
    delegation = delegate.delegation
    host = delegation.is_state and delegation.country == conference.host_country
    badge = Badge.objects.create(
        conference=conference,
        delegate=delegate,
        number=_next_number(conference),
        category=delegate.badge_category,
        colour=badge_colour(delegation.kind, delegate.badge_category, host=host),
        zones=badge_zones(conference, delegate),
    )
    delegate.badge_number = badge.number
    delegate.save(update_fields=["badge_number", "updated_at"])
    return badge


# Rules of the floors above that withhold zones from a badge (the programme withholds the
# banquet hall from those not invited to the state banquet); each takes the conference and the
# delegate and returns zone codes. Registered once at start (sessions/apps.py).
_ZONE_WITHHOLDERS = []


def withhold_zones(rule) -> None:
    """Register a rule that withholds zones from badges; registering it again changes nothing."""
    if rule not in _ZONE_WITHHOLDERS:
        _ZONE_WITHHOLDERS.append(rule)


def badge_zones(conference, delegate) -> list[str]:
    """The zones of the delegate's badge category, less those a registered rule withholds."""
    withheld = set().union(*(rule(conference, delegate) for rule in _ZONE_WITHHOLDERS))
    return [
        zone
        for zone in conference.badge_zones.get(delegate.badge_category, [])
        if zone not in withheld
    ]


def _next_number(conference):
    prefix = f"{number_prefix(conference)}-"
    # Zero-padded numbers sort as text, so the highest string is the highest number.
    last = Badge.objects.filter(conference=conference, number__startswith=prefix).aggregate(
        last=Max("number")
    )["last"]
    following = int(last.removeprefix(prefix)) + 1 if last else 1
    return f"{prefix}{following:0{NUMBER_DIGITS}d}"


def _revoke(badge, delegate, reason):
    badge.state = BadgeState.REVOKED
    badge.revoked_at = timezone.now()
    badge.revocation_reason = reason[:300]
    badge.save(update_fields=["state", "revoked_at", "revocation_reason"])
    if delegate is not None and delegate.badge_number == badge.number:
        delegate.badge_number = ""
        delegate.save(update_fields=["badge_number", "updated_at"])
