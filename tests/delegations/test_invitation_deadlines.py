"""An invitation after its deadline: moving the deadline and resending gives a link valid to the
new deadline; revoking and inviting again sends a new invitation."""

import datetime as dt
import re

import pytest
import time_machine
from django.core import mail

from delegations.errors import InvitationUnavailable
from delegations.models import Invitation, InvitationState
from delegations.services import (
    expire_invitations,
    invite_delegations,
    open_invitation,
    resend_invitation,
    revoke_invitation,
)
from tests.factories import HANOI, DelegationFactory

pytestmark = pytest.mark.django_db

LINK = re.compile(r"/portal/invitation/([A-Za-z0-9_-]+)/")
AFTER_THE_DEADLINE = dt.datetime(2025, 10, 8, 9, 0, tzinfo=HANOI)  # deadline: 6 October, 17:00
NEW_DEADLINE = dt.datetime(2025, 10, 12, 17, 0, tzinfo=HANOI)


def _resend(invitation, capture):
    before = len(mail.outbox)
    with capture(execute=True):
        resend_invitation(invitation)
    (message,) = mail.outbox[before:]
    return LINK.search(message.body).group(1)


def test_resending_after_the_deadline_moved_gives_a_link_valid_to_the_new_deadline(
    invite, django_capture_on_commit_callbacks
):
    invitation, old_token = invite(DelegationFactory())
    conference = invitation.delegation.conference
    with time_machine.travel(AFTER_THE_DEADLINE):
        with pytest.raises(InvitationUnavailable):
            open_invitation(old_token)
        conference.reply_deadline = NEW_DEADLINE
        conference.save()

        new_token = _resend(invitation, django_capture_on_commit_callbacks)

        assert open_invitation(new_token) == invitation
        assert open_invitation(old_token) == invitation
    invitation.refresh_from_db()
    assert invitation.expires_at == NEW_DEADLINE
    with (
        time_machine.travel(NEW_DEADLINE + dt.timedelta(minutes=1)),
        pytest.raises(InvitationUnavailable),
    ):
        open_invitation(new_token)


def test_an_invitation_expired_by_the_sweep_reopens_when_resent_after_the_deadline_moved(
    invite, django_capture_on_commit_callbacks
):
    invitation, _token = invite(DelegationFactory())
    conference = invitation.delegation.conference
    with time_machine.travel(AFTER_THE_DEADLINE):
        assert expire_invitations() == 1
        conference.reply_deadline = NEW_DEADLINE
        conference.save()

        token = _resend(invitation, django_capture_on_commit_callbacks)

        assert open_invitation(token).state == InvitationState.OPENED


def test_resending_while_the_deadline_is_still_past_is_refused_and_changes_nothing(invite):
    invitation, _token = invite(DelegationFactory())
    with time_machine.travel(AFTER_THE_DEADLINE):
        before = len(mail.outbox)
        with pytest.raises(InvitationUnavailable):
            resend_invitation(invitation)

    assert len(mail.outbox) == before
    invitation.refresh_from_db()
    assert (invitation.tokens.count(), invitation.expires_at) == (
        1,
        dt.datetime(2025, 10, 6, 17, 0, tzinfo=HANOI),
    )


def test_revoking_then_inviting_again_sends_a_new_invitation(invite):
    delegation = DelegationFactory()
    first, old_token = invite(delegation)
    revoke_invitation(first)

    second, new_token = invite(delegation)

    assert second != first
    assert delegation.invitations.get(pk=first.pk).state == InvitationState.REVOKED
    assert delegation.invitations.get(pk=second.pk).is_open
    assert open_invitation(new_token) == second
    with pytest.raises(InvitationUnavailable):
        open_invitation(old_token)


def test_inviting_again_skips_delegations_with_an_open_or_answered_invitation(invite):
    waiting = DelegationFactory()
    conference = waiting.conference
    answered = DelegationFactory(conference=conference, country="SN")
    invite(waiting)
    invitation, _token = invite(answered)
    Invitation.objects.filter(pk=invitation.pk).update(state=InvitationState.DECLINED)

    assert invite_delegations(conference) == []
