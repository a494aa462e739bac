"""The focal point's account: created from the invitation, signed in, locked out, reset."""

import datetime as dt
import re

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core import mail
from django.http import HttpRequest

from delegations.models import OutboundMessage, PortalAccount
from tests.factories import DelegationFactory
from tests.portal.support import PASSWORD, signed_in_focal_point

pytestmark = pytest.mark.django_db

WRONG = "The e-mail address or the password is not right."


def _accept(client, invite, **fields):
    delegation = DelegationFactory(language="en", **fields)
    invitation, token = invite(delegation)
    response = client.post(f"/portal/invitation/{token}/", {"answer": "accept"})
    return delegation, invitation, token, response


def test_accepting_leads_to_an_account_at_the_invitation_address_and_signs_in(client, invite):
    delegation, invitation, _token, response = _accept(client, invite)
    assert response.status_code == 302
    assert response["Location"] == "/portal/account/"

    page = client.get("/portal/account/").content.decode()
    assert invitation.email in page

    created = client.post(
        "/portal/account/", {"password1": PASSWORD, "password2": PASSWORD}, follow=True
    )

    assert created.redirect_chain[-1][0] == "/portal/dashboard/"
    assert "Your account is ready" in created.content.decode()
    user = get_user_model().objects.get()
    assert user.username == user.email == invitation.email.lower()
    assert not user.is_staff
    assert PortalAccount.objects.get(user=user).delegation == delegation


@pytest.mark.parametrize(
    ("password1", "password2", "error"),
    [
        ("12345678901", "12345678901", "This password is entirely numeric."),
        ("short", "short", "This password is too short."),
        ("password123", "password123", "This password is too common."),
        (PASSWORD, PASSWORD + "x", "The two passwords differ."),
    ],
)
def test_a_weak_or_mistyped_password_is_refused_and_nothing_is_created(
    client, invite, password1, password2, error
):
    _accept(client, invite)

    response = client.post("/portal/account/", {"password1": password1, "password2": password2})

    assert response.status_code == 200
    assert error in response.content.decode()
    assert not get_user_model().objects.exists()


def test_the_used_link_leads_back_to_the_account_until_one_exists(client, invite):
    _delegation, _invitation, token, _response = _accept(client, invite)
    other_browser = client.__class__()

    back = other_browser.get(f"/portal/invitation/{token}/")
    assert back["Location"] == "/portal/account/"
    other_browser.post("/portal/account/", {"password1": PASSWORD, "password2": PASSWORD})

    assert client.get(f"/portal/invitation/{token}/").status_code == 410


def test_account_creation_needs_an_accepted_invitation_in_this_browser(client):
    assert client.get("/portal/account/")["Location"] == "/portal/sign-in/"


def test_sign_in_with_the_address_in_any_case(client, invite):
    delegation = signed_in_focal_point(client, invite)
    client.logout()
    email = delegation.focal_point_email

    response = client.post(
        "/portal/sign-in/", {"username": email.upper(), "password": PASSWORD}, follow=True
    )

    assert response.redirect_chain[-1][0] == "/portal/dashboard/"
    assert delegation.display_name in response.content.decode()


def test_an_unknown_address_and_a_wrong_password_get_the_same_answer(client, invite):
    delegation = signed_in_focal_point(client, invite)
    client.logout()

    wrong = client.post(
        "/portal/sign-in/", {"username": delegation.focal_point_email, "password": "nope"}
    )
    unknown = client.post(
        "/portal/sign-in/", {"username": "nobody@nowhere.example", "password": "nope"}
    )

    for response in (wrong, unknown):
        assert response.status_code == 200
        assert WRONG in response.content.decode()


def test_five_failures_lock_that_address_for_15_minutes(client, invite):
    delegation = signed_in_focal_point(client, invite)
    client.logout()
    email = delegation.focal_point_email
    start = dt.datetime(2025, 9, 15, 9, 0, tzinfo=dt.UTC)

    with time_machine.travel(start, tick=False) as clock:
        for _ in range(5):
            client.post("/portal/sign-in/", {"username": email, "password": "wrong"})
        locked = client.post("/portal/sign-in/", {"username": email, "password": PASSWORD})
        from_elsewhere = client.__class__(REMOTE_ADDR="10.0.0.9").post(
            "/portal/sign-in/", {"username": email, "password": PASSWORD}
        )
        clock.shift(dt.timedelta(minutes=16))
        later = client.post("/portal/sign-in/", {"username": email, "password": PASSWORD})

    assert locked.status_code == 429
    assert "Too many attempts" in locked.content.decode()
    assert from_elsewhere.status_code == 302
    assert later.status_code == 302
    assert later["Location"] == "/portal/dashboard/"


def test_a_password_reset_goes_through_the_outbox_and_sets_a_new_password(
    client, invite, django_capture_on_commit_callbacks
):
    delegation = signed_in_focal_point(client, invite)
    client.logout()
    before = len(mail.outbox)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/portal/password/", {"email": delegation.focal_point_email})

    assert response["Location"] == "/portal/password/sent/"
    (message,) = mail.outbox[before:]
    assert message.to == [delegation.focal_point_email]
    link = re.search(r"http://[^\s]+/portal/reset/[^\s]+/", message.body).group(0)
    row = OutboundMessage.objects.get(idempotency_key__startswith="password-reset:")
    assert row.state == "sent"
    assert row.secret == ""  # the link is not kept once sent

    path = link.split("8000", 1)[1]
    form = client.get(path, follow=True)
    new_password = "Another-Strong-Passw0rd"
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": new_password, "new_password2": new_password},
        follow=True,
    )
    assert "Your password is changed" in done.content.decode()
    assert client.login(
        request=HttpRequest(), username=delegation.focal_point_email, password=new_password
    )


def test_a_reset_for_an_unknown_address_sends_nothing_and_looks_the_same(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/portal/password/", {"email": "nobody@nowhere.example"})

    assert response["Location"] == "/portal/password/sent/"
    assert mail.outbox == []


def test_staff_accounts_get_no_portal_reset(client, django_capture_on_commit_callbacks):
    get_user_model().objects.create_user(
        "protocol", email="protocol@unodc.example", password="x", is_staff=True
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/portal/password/", {"email": "protocol@unodc.example"})

    assert mail.outbox == []


def test_signing_out_needs_a_post_and_ends_the_session(client, invite):
    signed_in_focal_point(client, invite)

    client.post("/portal/sign-out/")

    assert client.get("/portal/dashboard/")["Location"].startswith("/portal/sign-in/")


def test_an_account_without_a_delegation_sees_no_portal_page(client):
    user = get_user_model().objects.create_user("someone@example.org", password="x")
    client.force_login(user)

    response = client.get("/portal/dashboard/")

    assert response.status_code == 403
