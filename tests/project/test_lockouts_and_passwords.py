"""Sign-in cannot be turned against users, and passwords are kept with Argon2id."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.test import Client

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.1"
ORGANISER_ADDRESS = "203.0.113.5"
STRANGER_ADDRESS = "198.51.100.9"
PASSWORD = "correct horse 2025"


def _sign_in(forwarded_for, username, password):
    client = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded_for)
    return client.post("/portal/sign-in/", {"username": username, "password": password})


def test_a_stranger_forging_an_organisers_address_cannot_lock_the_organiser_out(settings):
    settings.TRUSTED_PROXIES = [PROXY]
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    get_user_model().objects.create_user("protocol@example.org", password=PASSWORD)

    # The stranger writes the organiser's address into X-Forwarded-For; the proxy appends
    # the stranger's real one.
    forged = f"{ORGANISER_ADDRESS}, {STRANGER_ADDRESS}"
    failures = [_sign_in(forged, "protocol@example.org", "wrong") for _ in range(5)]
    stranger_again = _sign_in(forged, "protocol@example.org", PASSWORD)
    organiser = _sign_in(ORGANISER_ADDRESS, "protocol@example.org", PASSWORD)

    assert [response.status_code for response in failures] == [200, 200, 200, 200, 429]
    assert stranger_again.status_code == 429
    assert organiser.status_code == 302


def test_a_forwarded_address_from_outside_our_proxies_is_not_believed(settings, rf):
    from conference.client_address import client_address

    settings.TRUSTED_PROXIES = [PROXY]
    direct = rf.get("/", REMOTE_ADDR=STRANGER_ADDRESS, HTTP_X_FORWARDED_FOR=ORGANISER_ADDRESS)
    proxied = rf.get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=ORGANISER_ADDRESS)
    no_proxy_configured = rf.get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=ORGANISER_ADDRESS)

    assert client_address(direct) == STRANGER_ADDRESS
    assert client_address(proxied) == ORGANISER_ADDRESS
    settings.TRUSTED_PROXIES = []
    assert client_address(no_proxy_configured) == PROXY


def test_new_passwords_are_hashed_with_argon2id():
    user = get_user_model().objects.create_user("protocol@example.org", password=PASSWORD)

    algorithm, variant, _version, parameters, _rest = user.password.split("$", 4)
    assert (algorithm, variant, parameters) == ("argon2", "argon2id", "m=19456,t=2,p=1")


def test_a_pbkdf2_hash_is_upgraded_to_argon2id_at_sign_in():
    old = make_password(PASSWORD, hasher="pbkdf2_sha256")
    user = get_user_model().objects.create(username="protocol@example.org", password=old)

    response = Client().post(
        "/portal/sign-in/", {"username": "protocol@example.org", "password": PASSWORD}
    )

    user.refresh_from_db()
    assert response.status_code == 302
    assert user.password.startswith("argon2$argon2id$")
    assert user.check_password(PASSWORD)
