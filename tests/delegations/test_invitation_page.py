import datetime as dt

import pytest
import time_machine
from django.core import mail

from delegations.models import Invitation
from delegations.services import revoke_invitation
from tests.factories import HANOI, DelegationFactory

pytestmark = pytest.mark.django_db

GONE = "This link can no longer be used"


def _url(token):
    return f"/portal/invitation/{token}/"


def test_get_shows_the_invitation_in_the_conference_timezone_without_answering(client, invite):
    delegation = DelegationFactory()
    invitation, token = invite(delegation)

    for _ in range(2):
        response = client.get(_url(token))

    page = response.content.decode()
    assert response.status_code == 200
    assert delegation.conference.name in page
    # In the delegation's language (French), in the conference's time, labelled.
    assert "6 octobre 2025 17:00 (heure de Hanoi, UTC+7)" in page
    invitation.refresh_from_db()
    assert invitation.state == "opened"
    assert response["Cache-Control"].startswith("max-age=0")


def test_post_accept_records_the_answer_once_and_confirms_by_email(
    client, invite, django_capture_on_commit_callbacks
):
    delegation = DelegationFactory(language="en")
    invitation, token = invite(delegation)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url(token), {"answer": "accept"})
    again = client.post(_url(token), {"answer": "decline"})

    assert response.status_code in (200, 302)
    assert again.status_code == 410
    invitation.refresh_from_db()
    delegation.refresh_from_db()
    assert (invitation.state, delegation.status) == ("accepted", "confirmed")
    assert mail.outbox[-1].subject.startswith("Participation confirmed")


@pytest.mark.parametrize("case", ["used", "revoked", "expired", "forged", "garbage"])
def test_unusable_links_answer_410_with_the_same_page(client, invite, case):
    invitation, token = invite(DelegationFactory())
    if case == "used":
        client.post(_url(token), {"answer": "decline"})
    elif case == "revoked":
        revoke_invitation(invitation)
    elif case == "forged":
        token = token[::-1]
    elif case == "garbage":
        token = "x"
    moment = dt.datetime(2025, 10, 7, tzinfo=HANOI) if case == "expired" else None

    with time_machine.travel(moment or dt.datetime(2025, 9, 20, tzinfo=HANOI)):
        get, post = client.get(_url(token)), client.post(_url(token), {"answer": "accept"})

    for response in (get, post):
        assert response.status_code == 410
        assert GONE in response.content.decode()
    assert Invitation.objects.get(pk=invitation.pk).state != "accepted"


def test_a_post_without_an_answer_changes_nothing(client, invite):
    invitation, token = invite(DelegationFactory())

    response = client.post(_url(token), {"answer": "maybe"})

    assert response.status_code == 200
    invitation.refresh_from_db()
    assert invitation.state == "opened"
