"""Media accreditation: a journalist's own application, the press office's decision within the
outlet's quota, and the journalist's messages.

Journalists are not members of a delegation: they have an account of their own, which opens the
press pages and nothing of the delegations' portal. Their badge is of the media category
(yellow): its zones are the conference's `badge_zones["media"]`.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.db import transaction
from django.utils import timezone

from conference.errors import full_clean_or_raise
from conference.files import uploaded_name
from conference.models import Conference
from delegations.emails import render_message
from delegations.enums import MediaState
from delegations.errors import (
    MediaAccountExists,
    MediaAlreadyReviewed,
    MediaApplicationsClosed,
    OutletQuotaReached,
)
from delegations.models import MEDIA_CATEGORY, MediaApplication, MediaOutlet
from delegations.photos import clean_photo
from delegations.services.badges import issue_media_badge, next_media_badge_number
from delegations.services.outbox import build_message, queue_message
from delegations.uploads import check_pdf


def apply_for_media_accreditation(
    conference: Conference,
    *,
    outlet_name: str,
    outlet_country: str = "",
    email: str,
    password: str,
    photo,
    press_card,
    language: str = "en",
    **fields,
) -> MediaApplication:
    """A journalist's application, with the account that follows it (the address is the user
    name). The photo and the press card are checked before anything is saved, so a refused file
    leaves nothing behind. The journalist receives an acknowledgement."""
    if timezone.now() >= conference.registration_deadline:
        raise MediaApplicationsClosed()
    email = email.strip().lower()
    User = get_user_model()
    if User.objects.filter(username=email).exists():
        raise MediaAccountExists()
    cleaned_photo = clean_photo(photo)
    check_pdf(press_card)
    user = User(username=email, email=email)
    validate_password(password, user)
    with transaction.atomic():
        outlet = MediaOutlet.objects.filter(
            conference=conference, name__iexact=outlet_name.strip()
        ).first() or MediaOutlet.objects.create(
            conference=conference, name=outlet_name.strip(), country=outlet_country
        )
        user.set_password(password)
        user.save()
        application = MediaApplication(
            conference=conference,
            outlet=outlet,
            user=user,
            email=email,
            language=language,
            **fields,
        )
        application.photo.save("photo.jpg", cleaned_photo, save=False)
        application.press_card.save("press-card.pdf", press_card, save=False)
        application.press_card_name = uploaded_name(press_card)
        full_clean_or_raise(application)
        application.save()
        _notify(application, "received")
    return application


def accredit_journalist(application: MediaApplication) -> MediaApplication:
    """Accredit within the outlet's quota (`OutletQuotaReached`): the outlet's row is locked, so
    two reviewers cannot both take its last place. The badge gets the next number and the zones
    of the media category, and the badge itself is issued (yellow, ready to print)."""
    with transaction.atomic():
        outlet = MediaOutlet.objects.select_for_update().get(pk=application.outlet_id)
        application = MediaApplication.objects.select_for_update().get(pk=application.pk)
        if application.state != MediaState.SUBMITTED:
            raise MediaAlreadyReviewed()
        accredited = outlet.applications.filter(state=MediaState.ACCREDITED).count()
        if accredited >= outlet.quota:
            raise OutletQuotaReached()
        conference = application.conference
        # Numbers are taken under a lock on the conference's row: no two badges share one.
        Conference.objects.select_for_update().filter(pk=conference.pk).first()
        application.state = MediaState.ACCREDITED
        application.badge_number = next_media_badge_number(conference)
        application.zones = list(conference.badge_zones.get(MEDIA_CATEGORY, []))
        application.reviewed_at = timezone.now()
        application.save(update_fields=["state", "badge_number", "zones", "reviewed_at"])
        issue_media_badge(application)
        _notify(application, "accredited")
    return application


def refuse_journalist(application: MediaApplication, *, reason: str) -> MediaApplication:
    """Refuse a submitted application; the journalist receives the reason."""
    with transaction.atomic():
        application = MediaApplication.objects.select_for_update().get(pk=application.pk)
        if application.state != MediaState.SUBMITTED:
            raise MediaAlreadyReviewed()
        application.state = MediaState.REFUSED
        application.reason = reason.strip()
        application.reviewed_at = timezone.now()
        application.save(update_fields=["state", "reason", "reviewed_at"])
        _notify(application, "refused")
    return application


def notify_journalist(application: MediaApplication, name: str, key: str, **context):
    """Queue the message `name` to the journalist, in the language they applied in."""
    conference = application.conference
    rendered = render_message(
        name,
        language=application.language,
        context={
            "conference": conference,
            "application": application,
            "press_url": f"{settings.SITE_URL}/press/",
            **context,
        },
    )
    return queue_message(
        build_message(
            key=key,
            to=application.email,
            subject=rendered.subject,
            text=rendered.text,
            html=rendered.html,
            language=rendered.language,
            conference=conference,
        )
    )


def _notify(application, outcome):
    return notify_journalist(application, f"media_{outcome}", f"media:{application.pk}:{outcome}")
