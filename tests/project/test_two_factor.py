"""Two-factor sign-in to the console: enrolling an authenticator app, its codes, backup codes."""

import datetime as dt
import io
import json
import logging
import re

import pytest
import time_machine
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django_otp.admin import OTPAdminSite
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from delegations.models import Delegation
from tests.console import sign_in_to_console

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery 2025"
CONSOLE = "/admin/"
DELEGATIONS = "/admin/delegations/delegation/"
SETUP = "/admin/two-factor/"


def code(device, steps_ahead=0):
    """The code the phone shows now, computed from the device's key as the app does."""
    value = totp(device.bin_key, device.step, device.t0, device.digits, device.drift + steps_ahead)
    return f"{value:0{device.digits}d}"


def wrong_code(device):
    valid = {code(device, steps) for steps in (-1, 0, 1)}
    return next(c for c in ("000000", "111111", "222222", "333333") if c not in valid)


@pytest.fixture
def organiser():
    return get_user_model().objects.create_user("protocol", password=PASSWORD, is_staff=True)


@pytest.fixture
def phone(organiser):
    return TOTPDevice.objects.create(user=organiser, name="Phone")


def sign_in(client, device=None, token=""):
    data = {"username": "protocol", "password": PASSWORD, "otp_token": token, "next": CONSOLE}
    if device is not None:
        data["otp_device"] = device.persistent_id
    return client.post("/admin/login/", data)


def test_the_console_is_django_otps_admin_site_with_every_model():
    assert isinstance(admin.site, OTPAdminSite)
    assert admin.site.name == "admin"
    assert Delegation in admin.site._registry


def test_a_password_session_without_a_verified_device_cannot_reach_the_console(
    client, organiser, phone
):
    organiser.is_superuser = True
    organiser.save()
    client.force_login(organiser)

    for url in (CONSOLE, DELEGATIONS):
        response = client.get(url)
        assert (response.status_code, response["Location"]) == (302, f"/admin/login/?next={url}")
    # It has a device: the password alone never reaches the enrolment page either.
    assert client.get(SETUP)["Location"] == "/admin/login/"


def test_the_password_alone_asks_for_the_code_without_a_device_list(client, phone):
    response = sign_in(client)

    assert response.status_code == 200
    assert "Please enter your OTP token." in response.content.decode()
    assert phone.persistent_id not in response.content.decode()  # one device: nothing to choose
    assert 'name="otp_device"' not in response.content.decode()
    assert client.get(CONSOLE).status_code == 302


def test_password_and_code_sign_in_in_one_step_with_the_only_authenticator(client, organiser):
    phone = TOTPDevice.objects.create(user=organiser, name="Phone")
    backup = StaticDevice.objects.create(user=organiser, name="Backup codes")
    backup.token_set.create(token="k7qpz2mx")

    response = sign_in(client, token=code(phone))

    assert (response.status_code, response["Location"]) == (302, CONSOLE)
    assert client.get(CONSOLE).status_code == 200
    backup.refresh_from_db()
    assert backup.throttling_failure_count == 0  # the backup codes were not tried


def test_a_backup_code_signs_in_in_one_step_without_choosing_a_device(client, organiser, phone):
    backup = StaticDevice.objects.create(user=organiser, name="Backup codes")
    backup.token_set.create(token="k7qpz2mx")

    response = sign_in(client, token="k7qpz2mx")

    assert (response.status_code, response["Location"]) == (302, CONSOLE)
    phone.refresh_from_db()
    assert phone.throttling_failure_count == 0
    assert list(backup.token_set.values_list("token", flat=True)) == []


def test_a_wrong_code_in_one_step_is_refused(client, phone):
    response = sign_in(client, token=wrong_code(phone))

    assert response.status_code == 200
    assert "Invalid token" in response.content.decode()
    assert client.get(CONSOLE).status_code == 302


def test_someone_with_two_authenticators_chooses_the_device(client, organiser, phone):
    tablet = TOTPDevice.objects.create(user=organiser, name="Tablet")

    first = sign_in(client, token=code(tablet))

    assert first.status_code == 200
    assert "Please select a device." in first.content.decode()
    assert phone.persistent_id in first.content.decode()
    assert tablet.persistent_id in first.content.decode()
    assert sign_in(client, tablet, code(tablet))["Location"] == CONSOLE


def test_a_totp_code_from_the_devices_key_opens_the_console(client, phone):
    response = sign_in(client, phone, code(phone))

    assert (response.status_code, response["Location"]) == (302, CONSOLE)
    assert client.get(CONSOLE).status_code == 200
    assert client.get(DELEGATIONS).status_code == 403  # verified, but no role yet


def test_a_wrong_code_signs_nobody_in_and_is_recorded(client, phone, caplog):
    caplog.set_level(logging.INFO, logger="security")

    response = sign_in(client, phone, wrong_code(phone))

    assert response.status_code == 200
    assert "Invalid token" in response.content.decode()
    assert client.get(CONSOLE).status_code == 302
    events = [json.loads(r.getMessage()) for r in caplog.records if r.name == "security"]
    assert [(e["event"], e["actor"]) for e in events] == [("two_factor_failed", "protocol")]


def test_a_backup_code_works_once(client, organiser, phone):
    backup = StaticDevice.objects.create(user=organiser, name="Backup codes")
    backup.token_set.create(token="k7qpz2mx")
    backup.token_set.create(token="a4hd6c3n")

    assert sign_in(client, backup, "k7qpz2mx")["Location"] == CONSOLE
    assert client.get(CONSOLE).status_code == 200
    client.post("/admin/logout/")
    again = sign_in(client, backup, "k7qpz2mx")

    assert again.status_code == 200
    assert "Invalid token" in again.content.decode()
    assert client.get(CONSOLE).status_code == 302
    assert list(backup.token_set.values_list("token", flat=True)) == ["a4hd6c3n"]


def test_first_sign_in_enrols_an_authenticator_and_gives_backup_codes(client, organiser):
    response = sign_in(client)  # no device yet: the password is enough to start enrolling
    assert (response.status_code, response["Location"]) == (302, CONSOLE)
    assert client.get(CONSOLE)["Location"] == "/admin/login/?next=/admin/"
    assert client.get("/admin/login/?next=/admin/")["Location"] == f"{SETUP}?next=%2Fadmin%2F"

    page = client.get(SETUP).content.decode()

    device = TOTPDevice.objects.get(user=organiser)
    assert device.confirmed is False
    assert '<svg width="' in page  # the QR code, drawn inline
    assert "https://" not in page.split('<svg width="')[1].split("</svg>")[0]
    assert re.search(r"<code>([A-Z2-7]{4} ){7}[A-Z2-7]{4}</code>", page)  # the key, typeable
    assert client.get(SETUP).content.decode().count(device.key) == 0  # never the raw hex key
    assert client.get(DELEGATIONS).status_code == 302  # nothing else until confirmed

    refused = client.post(SETUP, {"token": wrong_code(device)})
    assert "This code is not valid" in refused.content.decode()
    device.refresh_from_db()
    assert (device.confirmed, StaticDevice.objects.count()) == (False, 0)

    # django-otp throttles a device for a second after a wrong code
    with time_machine.travel(dt.datetime.now(dt.UTC) + dt.timedelta(seconds=2)):
        done = client.post(SETUP, {"token": code(device), "next": "/admin/"})

    device.refresh_from_db()
    codes = list(StaticToken.objects.filter(device__user=organiser).values_list("token", flat=True))
    assert device.confirmed is True
    assert len(codes) == 10
    assert all(c in done.content.decode() for c in codes)
    assert client.get(CONSOLE).status_code == 200
    assert client.get(SETUP)["Location"] == CONSOLE


def test_reloading_the_setup_page_keeps_the_key_already_scanned(client, organiser):
    client.force_login(organiser)

    first = client.get(SETUP).content.decode()
    second = client.get(SETUP).content.decode()

    assert TOTPDevice.objects.filter(user=organiser).count() == 1
    key = re.search(r"<code>([A-Z2-7 ]+)</code>", first).group(1)
    assert key in second


def test_the_setup_page_is_for_staff_only(client):
    assert client.get(SETUP)["Location"] == "/admin/login/"
    client.force_login(get_user_model().objects.create_user("focal@example.org"))

    assert client.get(SETUP)["Location"] == "/admin/login/"
    assert TOTPDevice.objects.count() == 0


def test_new_backup_codes_replace_the_old_ones(client, organiser, phone):
    sign_in(client, phone, code(phone))
    backup = StaticDevice.objects.create(user=organiser, name="Backup codes")
    backup.token_set.create(token="oldcode1")

    page = client.post("/admin/two-factor/backup-codes/").content.decode()

    tokens = list(backup.token_set.values_list("token", flat=True))
    assert len(tokens) == 10
    assert "oldcode1" not in tokens
    assert all(t in page for t in tokens)


def test_ensure_admin_says_how_the_demo_admin_sets_up_its_device(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", PASSWORD)
    first, later = io.StringIO(), io.StringIO()

    call_command("ensure_admin", stdout=first)
    TOTPDevice.objects.create(user=get_user_model().objects.get(username="admin"))
    call_command("ensure_admin", stdout=later)

    assert "http://127.0.0.1:8000/admin/" in first.getvalue()
    assert "QR code" in first.getvalue()
    assert "manage.py addstatictoken admin" in later.getvalue()


def test_the_api_takes_a_staff_session_only_once_its_second_factor_is_verified(client, organiser):
    organiser.user_permissions.add(Permission.objects.get(codename="view_delegate"))
    client.force_login(organiser)

    refused = client.get("/api/v1/delegates/")
    sign_in_to_console(client, organiser)
    allowed = client.get("/api/v1/delegates/")

    assert (refused.status_code, allowed.status_code) == (401, 200)


def test_signing_out_of_the_setup_page_ends_the_password_session(client, organiser):
    client.force_login(organiser)

    response = client.post(SETUP, {"sign_out": "1"})

    assert response["Location"] == "/admin/login/"
    assert "_auth_user_id" not in client.session
    assert TOTPDevice.objects.filter(confirmed=True).count() == 0
