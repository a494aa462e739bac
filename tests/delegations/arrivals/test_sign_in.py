"""Liaison officers see delegations' travel: their pages need a second factor. Sign-in is one
step (address, password, the app's code); an officer without an app is sent to set one up, and
no page of travel opens before."""

import re

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from conference.two_factor import replace_backup_codes
from tests.console import authenticator, code_of
from tests.delegations.arrivals.support import PASSWORD, hanoi, officer_of, traveller
from tests.factories import ConferenceFactory, DelegationFactory

pytestmark = pytest.mark.django_db

EMAIL = "lan@host.example.vn"


@pytest.fixture
def delegation():
    conference = ConferenceFactory()
    delegation = DelegationFactory(conference=conference, country="FR")
    traveller(delegation, family_name="DUPONT", arrives_at=hanoi(24, 9), flight="AF198")
    officer_of(conference, delegation, email=EMAIL)
    return delegation


def _sign_in(client, **fields):
    return client.post("/liaison/sign-in/", {"username": EMAIL, "password": PASSWORD, **fields})


def _key_on(page):
    return re.search(r"<code>([A-Z2-7 ]+)</code>", page).group(1)


def test_an_officer_without_an_app_sets_one_up_before_any_page_of_travel(delegation):
    client = Client()
    _sign_in(client)
    pages = [
        "/liaison/",
        f"/liaison/delegations/{delegation.pk}/",
        "/liaison/days/2025-10-24/",
        "/liaison/days/2025-10-24/arrivals.pdf",
    ]

    for url in pages:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == "/liaison/two-factor/", url
    setup = client.get("/liaison/two-factor/").content.decode()
    device = TOTPDevice.objects.get(user__username=EMAIL, confirmed=False)
    codes = client.post("/liaison/two-factor/", {"token": code_of(device)}).content.decode()
    home = client.get("/liaison/")

    assert "<svg" in setup
    assert _key_on(setup).replace(" ", "") != ""
    assert "Your backup codes" in codes
    assert len(re.findall(r"<li><code>\w{8}</code></li>", codes)) == 10
    assert home.status_code == 200
    assert "France" in home.content.decode()


def test_a_wrong_first_code_sets_nothing_up(delegation):
    client = Client()
    _sign_in(client)
    client.get("/liaison/two-factor/")

    wrong = client.post("/liaison/two-factor/", {"token": "000000"})

    assert "This code is not valid" in wrong.content.decode()
    assert not TOTPDevice.objects.filter(user__username=EMAIL, confirmed=True).exists()
    assert client.get("/liaison/")["Location"] == "/liaison/two-factor/"


def test_an_officer_with_an_app_signs_in_in_one_step_with_its_code(delegation):
    device = authenticator(User.objects.get(username=EMAIL))
    without = Client()
    wrong = Client()
    right = Client()

    refused = _sign_in(without)
    signed_in = _sign_in(right, otp_token=code_of(device))
    # After the right one: a wrong code right after another would meet django-otp's throttle.
    refused_code = _sign_in(wrong, otp_token="123456")

    assert refused.status_code == 200
    assert "This account signs in with a second factor" in refused.content.decode()
    assert without.get("/liaison/")["Location"] == "/liaison/sign-in/?next=/liaison/"
    assert "This code is not valid" in refused_code.content.decode()
    assert wrong.get("/liaison/")["Location"] == "/liaison/sign-in/?next=/liaison/"
    assert signed_in["Location"] == "/liaison/"
    assert "DUPONT" in right.get(f"/liaison/delegations/{delegation.pk}/").content.decode()


def test_a_backup_code_signs_an_officer_in_once(delegation):
    user = User.objects.get(username=EMAIL)
    authenticator(user)
    code = replace_backup_codes(user)[0]

    first = _sign_in(Client(), otp_token=code)
    again = _sign_in(Client(), otp_token=code)

    assert first["Location"] == "/liaison/"
    assert again.status_code == 200
    assert "This code is not valid" in again.content.decode()


def test_a_session_without_the_second_factor_is_sent_back_to_sign_in(delegation):
    user = User.objects.get(username=EMAIL)
    authenticator(user)
    client = Client()
    client.force_login(user)  # a password session, as before the second factor was required

    response = client.get(f"/liaison/delegations/{delegation.pk}/")

    assert response["Location"] == f"/liaison/sign-in/?next=/liaison/delegations/{delegation.pk}/"
    assert "_auth_user_id" not in client.session


def test_the_setup_page_is_an_officers_only(delegation):
    stranger = Client()
    stranger.force_login(User.objects.create_user("someone@example.org"))

    assert stranger.get("/liaison/two-factor/").status_code == 403
    assert Client().get("/liaison/two-factor/")["Location"] == (
        "/liaison/sign-in/?next=/liaison/two-factor/"
    )
