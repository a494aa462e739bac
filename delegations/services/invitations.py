"""Invitations: queue them, remind, expire, revoke, resend, and record the answer.

Every step writes its outbox message in the same transaction as the state change. Links carry a
256-bit random token of which only the SHA-256 hash is stored (InvitationToken).
"""

import secrets
from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from conference.models import Conference
from conference.webhooks import events as webhook_events
from delegations.emails import message_language, render_for_each, render_message
from delegations.enums import DelegationStatus
from delegations.errors import InvitationUnavailable
from delegations.models import (
    Delegation,
    Invitation,
    InvitationState,
    InvitationToken,
    OutboundMessage,
    hash_token,
)
from delegations.services.outbox import build_message, queue_message, queue_new_messages

# Delegations invited per transaction: large enough to be fast, small enough to hold few locks.
INVITATION_BATCH = 200


def invite_delegations(conference: Conference, *, delegations=None) -> list[Invitation]:
    """Queue an invitation for every delegation of the conference not yet invited (only those
    given, when given). A delegation whose invitation is open or answered is skipped (use
    resend); one whose invitations were all revoked or expired is invited afresh. Running it
    twice queues nothing the second time; two organisers running it at once invite each
    delegation once (the delegation rows are locked, and one open invitation per delegation is
    a unique index). Works in batches, each one transaction with its outbox rows."""
    candidates = _not_invited(Delegation.objects.filter(conference=conference))
    if delegations is not None:
        candidates = candidates.filter(pk__in=[d.pk for d in delegations])
    ids = list(candidates.order_by("pk").values_list("pk", flat=True))
    invitations = []
    for start in range(0, len(ids), INVITATION_BATCH):
        invitations += _invite_batch(conference, ids[start : start + INVITATION_BATCH])
    return invitations


def _invite_batch(conference, delegation_ids):
    with transaction.atomic():
        batch = list(
            _not_invited(
                Delegation.objects.select_for_update(of=("self",)).filter(pk__in=delegation_ids)
            )
            .select_related("conference__venue")
            .order_by("pk")
        )
        first_reminder = _next_reminder_time(conference, after=timezone.now())
        invitations = bulk_create_with_history(
            [
                Invitation(
                    delegation=delegation,
                    email=delegation.focal_point_email,
                    expires_at=conference.reply_deadline,
                    next_reminder_at=first_reminder,
                )
                for delegation in batch
            ],
            Invitation,
        )
        tokens = [secrets.token_urlsafe(32) for _ in invitations]
        InvitationToken.objects.bulk_create(
            InvitationToken(invitation=invitation, token_hash=hash_token(token))
            for invitation, token in zip(invitations, tokens, strict=True)
        )
        queue_new_messages(_build_invitations(invitations, tokens))
    return invitations


def _not_invited(delegations):
    """Delegations without an invitation that is open or answered: never invited, or only by
    invitations since revoked or expired."""
    live = Invitation.objects.filter(delegation=OuterRef("pk")).exclude(
        state__in=[InvitationState.REVOKED, InvitationState.EXPIRED]
    )
    return delegations.exclude(Exists(live))


def _build_invitations(invitations, tokens):
    """The messages of a batch of new invitations. The letter is rendered once per language
    and filled in for each delegation (`render_for_each`), not rendered for each."""
    by_language = defaultdict(list)
    for invitation in invitations:
        by_language[message_language(invitation.delegation.language)].append(invitation)
    rendered = {}
    for language, group in by_language.items():
        letters = render_for_each(
            "invitation",
            language=language,
            context=_context(group[0].delegation.conference, link=True),
            key="delegation",
            objects=[invitation.delegation for invitation in group],
        )
        rendered.update(zip((invitation.pk for invitation in group), letters, strict=True))
    return [
        _message(
            invitation,
            rendered[invitation.pk],
            key=f"invitation:{invitation.pk}",
            secret=token,
            about_invitation=True,
        )
        for invitation, token in zip(invitations, tokens, strict=True)
    ]


def resend_invitation(invitation: Invitation) -> Invitation:
    """Send the invitation again with a fresh link (the earlier links keep working).

    The invitation then runs to the conference's reply deadline as it is now: after an
    organiser moves the deadline, the new link (and the earlier ones) work until the new one,
    and an invitation that had expired on the old deadline is open again. A deadline already
    past cannot be resent (InvitationUnavailable): move it first."""
    with transaction.atomic():
        invitation = _locked(invitation.pk)
        conference = invitation.delegation.conference
        now = timezone.now()
        reopened = invitation.state == InvitationState.EXPIRED
        if not (invitation.is_open or reopened) or conference.reply_deadline <= now:
            raise InvitationUnavailable()
        if reopened:
            if Invitation.objects.filter(
                delegation=invitation.delegation_id, state__in=InvitationState.open_states()
            ).exists():
                raise InvitationUnavailable()  # invited afresh since: resend that one
            invitation.state = (
                InvitationState.SENT if invitation.sent_at else InvitationState.QUEUED
            )
        invitation.expires_at = conference.reply_deadline
        invitation.next_reminder_at = _next_reminder_time(conference, after=now)
        invitation.save(update_fields=["state", "expires_at", "next_reminder_at"])
        resends = invitation.tokens.count()
        _send_link(invitation, "invitation", key=f"invitation:{invitation.pk}:resend:{resends}")
    return invitation


def revoke_invitation(invitation: Invitation) -> Invitation:
    """Revoke an invitation still waiting for an answer: its links stop working at once."""
    with transaction.atomic():
        invitation = _locked(invitation.pk)
        if invitation.is_open:
            invitation.state = InvitationState.REVOKED
            invitation.next_reminder_at = None
            invitation.save(update_fields=["state", "next_reminder_at"])
    return invitation


def open_invitation(token: str) -> Invitation:
    """What the link's page shows (a GET). It never answers the invitation, because mail
    scanners of ministries open links; it records the first opening."""
    invitation = _usable(token)
    if invitation.state in (InvitationState.QUEUED, InvitationState.SENT):
        Invitation.objects.filter(pk=invitation.pk, opened_at__isnull=True).update(
            opened_at=timezone.now()
        )
        Invitation.objects.filter(
            pk=invitation.pk, state__in=[InvitationState.QUEUED, InvitationState.SENT]
        ).update(state=InvitationState.OPENED)
        invitation.refresh_from_db()
    return invitation


def answer_invitation(token: str, *, accept: bool) -> Invitation:
    """Record the delegation's answer, once. The invitation row is locked, so two answers posted
    at the same moment record one, and the other gets `InvitationUnavailable`. Moves the
    delegation to confirmed or declined and queues the confirmation."""
    with transaction.atomic():
        invitation = _locked(_usable(token).pk)
        if not invitation.is_open:
            raise InvitationUnavailable()
        invitation.state = InvitationState.ACCEPTED if accept else InvitationState.DECLINED
        invitation.answered_at = timezone.now()
        invitation.next_reminder_at = None
        invitation.save(update_fields=["state", "answered_at", "next_reminder_at"])
        delegation = invitation.delegation
        if delegation.status == DelegationStatus.INVITED:
            delegation.status = DelegationStatus.CONFIRMED if accept else DelegationStatus.DECLINED
            delegation.save(update_fields=["status", "updated_at"])
            webhook_events.delegation_status_changed(delegation, previous=DelegationStatus.INVITED)
        name = "invitation_accepted" if accept else "invitation_declined"
        _send(invitation, name, key=f"invitation:{invitation.pk}:answer")
    return invitation


def send_due_reminders(*, now=None) -> int:
    """Remind unanswered invitations whose reminder is due; returns how many were reminded.

    One message per due step, never two for the same step (the step is in the message's key).
    When several steps passed unseen (beat was down), only the latest is sent.
    """
    now = now or timezone.now()
    reminded = 0
    due = Invitation.objects.filter(
        state__in=[InvitationState.SENT, InvitationState.OPENED],
        next_reminder_at__lte=now,
        expires_at__gt=now,
    ).values_list("pk", flat=True)
    for invitation_id in list(due):
        with transaction.atomic():
            invitation = _locked(invitation_id)
            if not invitation.is_open or not invitation.next_reminder_at:
                continue
            conference = invitation.delegation.conference
            step = _latest_step_due(conference, now=now)
            if step is not None:
                _send_link(
                    invitation, "reminder", key=f"invitation:{invitation.pk}:reminder:{step}d"
                )
                invitation.reminders_sent += 1
                reminded += 1
            invitation.next_reminder_at = _next_reminder_time(conference, after=now)
            invitation.save(update_fields=["reminders_sent", "next_reminder_at"])
    return reminded


def remind_now(invitation: Invitation) -> Invitation:
    """An organiser's "send a reminder now", outside the schedule."""
    with transaction.atomic():
        invitation = _locked(invitation.pk)
        if not invitation.is_open:
            raise InvitationUnavailable()
        invitation.reminders_sent += 1
        invitation.save(update_fields=["reminders_sent"])
        key = f"invitation:{invitation.pk}:manual-reminder:{invitation.reminders_sent}"
        _send_link(invitation, "reminder", key=key)
    return invitation


def expire_invitations(*, now=None) -> int:
    """At the reply deadline, unanswered invitations expire. Returns how many did."""
    now = now or timezone.now()
    return Invitation.objects.filter(
        state__in=InvitationState.open_states(), expires_at__lte=now
    ).update(state=InvitationState.EXPIRED, next_reminder_at=None)


def invitation_url(token: str) -> str:
    return f"{settings.SITE_URL}/portal/invitation/{token}/"


def _usable(token):
    link = (
        InvitationToken.objects.select_related("invitation__delegation__conference__venue")
        .filter(token_hash=hash_token(token or ""))
        .first()
    )
    if link is None:
        raise InvitationUnavailable()
    invitation = link.invitation
    if not invitation.is_open or invitation.expires_at <= timezone.now():
        raise InvitationUnavailable()
    return invitation


def _locked(invitation_id):
    return (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("delegation__conference__venue")
        .get(pk=invitation_id)
    )


def _reminder_times(conference):
    deadline = conference.reply_deadline
    return sorted((deadline - timedelta(days=days), days) for days in conference.reminder_days)


def _next_reminder_time(conference, *, after):
    return next((when for when, _ in _reminder_times(conference) if when > after), None)


def _latest_step_due(conference, *, now):
    due = [days for when, days in _reminder_times(conference) if when <= now]
    return due[-1] if due else None


def _send_link(invitation, name, *, key):
    token = secrets.token_urlsafe(32)
    InvitationToken.objects.create(invitation=invitation, token_hash=hash_token(token))
    _send(invitation, name, key=key, secret=token)


def _send(invitation, name, *, key, secret=""):
    queue_message(_build(invitation, name, key=key, secret=secret))


def _build(invitation, name, *, key, secret=""):
    delegation = invitation.delegation
    rendered = render_message(
        name,
        language=delegation.language,
        context={**_context(delegation.conference, link=bool(secret)), "delegation": delegation},
    )
    about_invitation = name in ("invitation", "reminder")
    return _message(invitation, rendered, key=key, secret=secret, about_invitation=about_invitation)


def _context(conference, *, link):
    """What the templates show besides the delegation, the same for all its delegations."""
    tz = conference.tzinfo
    return {
        "conference": conference,
        "starts": conference.start_date,
        "ends": conference.end_date,
        "deadline": conference.reply_deadline.astimezone(tz),
        "registration_deadline": conference.registration_deadline.astimezone(tz),
        # The token goes into the link at delivery (OutboundMessage.secret).
        "link": invitation_url(OutboundMessage.SECRET_MARKER) if link else "",
        "portal_url": f"{settings.SITE_URL}/portal/",
    }


def _message(invitation, rendered, *, key, secret, about_invitation):
    delegation = invitation.delegation
    return build_message(
        key=key,
        to=invitation.email,
        subject=rendered.subject,
        text=rendered.text,
        html=rendered.html,
        language=rendered.language,
        conference=delegation.conference,
        delegation=delegation,
        invitation=invitation if about_invitation else None,
        secret=secret,
    )
