"""Focal points' portal accounts: created from an accepted invitation, reset by e-mail."""

import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.db import IntegrityError, transaction
from knox.models import AuthToken

from delegations.emails import render_message
from delegations.errors import AccountExists, InvitationUnavailable, NotAccepted
from delegations.models import (
    Invitation,
    InvitationState,
    InvitationToken,
    OutboundMessage,
    PortalAccount,
    hash_token,
)
from delegations.services.outbox import build_message, queue_message

# One reset message per account in this many seconds, however often the form is sent: the
# idempotency key of the outbox row carries the window.
RESET_WINDOW_SECONDS = 10 * 60


def accepted_invitation(token: str) -> Invitation:
    """The invitation behind a link already used to accept, while its delegation has no portal
    account yet: the focal point who closed the browser before creating the account comes back
    through the same link. Anything else is `InvitationUnavailable`."""
    link = (
        InvitationToken.objects.select_related("invitation__delegation__conference")
        .filter(token_hash=hash_token(token or ""), invitation__state=InvitationState.ACCEPTED)
        .first()
    )
    if link is None or PortalAccount.objects.filter(delegation=link.invitation.delegation_id):
        raise InvitationUnavailable()
    return link.invitation


def create_portal_account(invitation: Invitation, *, password: str):
    """A user for the invitation's address (its user name), with a password that passes the
    validators; raises Django's `ValidationError` for a weak one, `AccountExists` when the address
    already has an account (its owner signs in and `link_portal_account` adds the delegation)."""
    if invitation.state != InvitationState.ACCEPTED:
        raise NotAccepted()
    email = invitation.email.strip().lower()
    User = get_user_model()
    if User.objects.filter(username__iexact=email).exists():
        raise AccountExists()
    user = User(username=email, email=email, first_name=invitation.delegation.focal_point_name)
    validate_password(password, user)
    user.set_password(password)
    try:
        with transaction.atomic():
            user.save()
            PortalAccount.objects.create(
                user=user, delegation=invitation.delegation, invitation=invitation
            )
    except IntegrityError as exc:
        raise AccountExists() from exc
    return user


def link_portal_account(user, invitation: Invitation) -> PortalAccount:
    """Give an existing account the delegation of an invitation accepted at the same address."""
    if invitation.state != InvitationState.ACCEPTED:
        raise NotAccepted()
    if user.email.lower() != invitation.email.strip().lower():
        raise InvitationUnavailable()
    account, _created = PortalAccount.objects.get_or_create(
        user=user, delegation=invitation.delegation, defaults={"invitation": invitation}
    )
    return account


def queue_password_reset(user, *, uid: str, token: str, language: str) -> None:
    """The reset link by e-mail, through the outbox like every other message. The link's secret
    part lives in the row only until it is sent."""
    account = (
        PortalAccount.objects.filter(user=user).select_related("delegation__conference").first()
    )
    delegation = account.delegation if account else None
    conference = delegation.conference if delegation else None
    rendered = render_message(
        "password_reset",
        language=language,
        context={
            "conference": conference,
            "user": user,
            "link": f"{settings.SITE_URL}/portal/reset/{OutboundMessage.SECRET_MARKER}/",
            "hours": settings.PASSWORD_RESET_TIMEOUT // 3600,
        },
    )
    window = int(time.time()) // RESET_WINDOW_SECONDS
    queue_message(
        build_message(
            key=f"password-reset:{user.pk}:{window}",
            to=user.email,
            subject=rendered.subject,
            text=rendered.text,
            html=rendered.html,
            language=rendered.language,
            conference=conference,
            delegation=delegation,
            secret=f"{uid}/{token}",
        )
    )


def issue_api_token(user) -> str:
    """A new API token for the user, replacing the previous ones (which stop working). Only a
    hash is stored (knox): the token is returned once, for the page to show once."""
    with transaction.atomic():
        AuthToken.objects.filter(user=user).delete()
        _instance, token = AuthToken.objects.create(user=user, expiry=None)
    return token


def revoke_api_token(user) -> int:
    """End every API token of the user; returns how many there were."""
    deleted, _by_model = AuthToken.objects.filter(user=user).delete()
    return deleted
