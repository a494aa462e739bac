"""Journalists may protect their account with a second factor (offered, not required: their
pages show only their own application; README, Two-factor sign-in). Once set up, it is asked at
every sign-in, in one step with the address and the password."""

import pytest
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.console import code_of
from tests.factories import ConferenceFactory
from tests.press.support import PASSWORD, apply

pytestmark = pytest.mark.django_db

EMAIL = "reporter@outlet.example"


@pytest.fixture
def journalist():
    return apply(ConferenceFactory(slug="hanoi2025"), email=EMAIL)


def _sign_in(client, **fields):
    return client.post("/press/sign-in/", {"username": EMAIL, "password": PASSWORD, **fields})


def test_a_journalist_without_an_app_signs_in_with_the_password_and_is_offered_one(journalist):
    client = Client()

    signed_in = _sign_in(client)
    home = client.get("/press/").content.decode()

    assert signed_in["Location"] == "/press/"
    assert "Lan NGUYEN" in home
    assert 'href="/press/two-factor/"' in home


def test_once_set_up_the_second_factor_is_asked_at_every_sign_in(journalist):
    client = Client()
    _sign_in(client)
    client.get("/press/two-factor/")
    device = TOTPDevice.objects.get(user__username=EMAIL, confirmed=False)
    codes = client.post("/press/two-factor/", {"token": code_of(device)}).content.decode()
    home = client.get("/press/").content.decode()
    client.post("/press/sign-out/")

    without = Client()
    refused = _sign_in(without)
    with_code = Client()
    device.refresh_from_db()
    device.last_t = -1  # the same 30 seconds' code again: the test's clock does not move
    device.save()
    signed_in = _sign_in(with_code, otp_token=code_of(device))

    assert "Your backup codes" in codes
    assert 'href="/press/two-factor/"' not in home  # set up: no longer offered
    assert "This account signs in with a second factor" in refused.content.decode()
    assert without.get("/press/")["Location"] == "/press/sign-in/?next=/press/"
    assert signed_in["Location"] == "/press/"
    assert with_code.get("/press/").status_code == 200


def test_a_password_session_of_a_journalist_with_an_app_is_sent_back_to_sign_in(journalist):
    TOTPDevice.objects.create(user=journalist.user, name="app", confirmed=True)
    client = Client()
    client.force_login(journalist.user)

    assert client.get("/press/")["Location"] == "/press/sign-in/?next=/press/"
    assert "_auth_user_id" not in client.session


def test_the_press_setup_page_is_a_journalists_only():
    from django.contrib.auth.models import User

    stranger = Client()
    stranger.force_login(User.objects.create_user("someone@example.org"))

    assert stranger.get("/press/two-factor/").status_code == 403
