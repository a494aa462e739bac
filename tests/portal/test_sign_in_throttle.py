"""A throttle per user name, beside the lock per user name and address: a guesser with many
addresses gets spaced password checks for one name, never a lock of its owner, and the owner's
own addresses are never delayed (conference/sign_in_throttle.py)."""

import datetime as dt

import pytest
import time_machine
from django.contrib.auth.models import User
from django.core.cache import cache
from django.test import Client

from conference.sign_in_throttle import FREE_FAILURES
from tests.console import sign_in_to_console
from tests.portal.support import PASSWORD, signed_in_focal_point

pytestmark = pytest.mark.django_db

START = dt.datetime(2025, 9, 15, 9, 0, tzinfo=dt.UTC)
WAIT_2 = "Too many failed sign-ins for this user name. For its protection, wait 2 seconds"


@pytest.fixture(autouse=True)
def no_earlier_counts():
    cache.clear()
    yield
    cache.clear()


def _from(address):
    return Client(REMOTE_ADDR=address)


def _guess_from_many_addresses(path, username, *, count=FREE_FAILURES, field="username"):
    for n in range(count):
        answer = _from(f"203.0.113.{n + 1}").post(path, {field: username, "password": "guess"})
        assert answer.status_code == 200  # refused, never locked: one try per address


def test_failures_from_many_addresses_space_the_checks_and_never_lock(client, invite):
    delegation = signed_in_focal_point(client, invite)
    email = delegation.focal_point_email
    with time_machine.travel(START, tick=False) as clock:
        _guess_from_many_addresses("/portal/sign-in/", email)
        elsewhere = _from("198.51.100.7")

        throttled = elsewhere.post("/portal/sign-in/", {"username": email, "password": PASSWORD})
        # Attempts during the wait are not counted: hammering does not lengthen it.
        for n in range(5):
            _from(f"198.51.100.{n + 20}").post(
                "/portal/sign-in/", {"username": email, "password": "guess"}
            )
        clock.shift(dt.timedelta(seconds=2))
        after_the_wait = elsewhere.post(
            "/portal/sign-in/", {"username": email, "password": PASSWORD}
        )

    assert throttled.status_code == 200
    assert WAIT_2 in throttled.content.decode()
    assert after_the_wait.status_code == 302
    assert after_the_wait["Location"] == "/portal/dashboard/"


def test_the_owners_known_address_is_never_delayed(client, invite):
    delegation = signed_in_focal_point(client, invite)
    email = delegation.focal_point_email
    office = _from("192.0.2.10")
    with time_machine.travel(START, tick=False):
        assert (
            office.post("/portal/sign-in/", {"username": email, "password": PASSWORD})["Location"]
            == "/portal/dashboard/"
        )
        office.logout()
        _guess_from_many_addresses("/portal/sign-in/", email)

        at_the_office = office.post("/portal/sign-in/", {"username": email, "password": PASSWORD})
        stranger = _from("198.51.100.7").post(
            "/portal/sign-in/", {"username": email, "password": PASSWORD}
        )

    assert at_the_office.status_code == 302
    assert WAIT_2 in stranger.content.decode()


def test_an_unknown_name_is_throttled_like_a_real_one(db):
    with time_machine.travel(START, tick=False):
        _guess_from_many_addresses("/portal/sign-in/", "nobody@nowhere.example")
        answer = _from("198.51.100.7").post(
            "/portal/sign-in/", {"username": "nobody@nowhere.example", "password": "guess"}
        )

    assert WAIT_2 in answer.content.decode()


def test_the_console_sign_in_is_throttled_per_user_name_too(db):
    organiser = User.objects.create_user("protocol", password=PASSWORD, is_staff=True)
    sign_in_to_console(Client(), organiser)  # has an authenticator: the code is asked too
    with time_machine.travel(START, tick=False):
        _guess_from_many_addresses("/admin/login/", "protocol")
        answer = _from("198.51.100.7").post(
            "/admin/login/", {"username": "protocol", "password": PASSWORD, "otp_token": "000000"}
        )

    assert answer.status_code == 200
    assert WAIT_2 in answer.content.decode()
