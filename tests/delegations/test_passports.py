"""Passport data: rotating its keys, revealing a number (a permission, recorded), the API's
masked view, and the erasure after the retention period."""

import datetime as dt
import io
import json
import logging

import pytest
import time_machine
from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings as django_settings
from django.contrib.auth.models import Permission, User
from django.core.management import CommandError, call_command
from rest_framework.test import APIClient

from delegations import passports, tasks
from delegations.models import Delegate
from delegations.services import issue_api_token, remove_delegate, save_delegate
from tests.console import sign_in_to_console
from tests.factories import HANOI, ConferenceFactory, DelegationFactory

pytestmark = pytest.mark.django_db

NUMBER = "19AB12345"


def _register(delegation, number=NUMBER, **fields):
    return save_delegate(
        delegation,
        passport_number=number,
        family_name=fields.pop("family_name", "DUPONT"),
        given_names="Jean",
        role="member",
        date_of_birth=dt.date(1970, 5, 1),
        passport_expires_on=dt.date(2030, 1, 1),
        **fields,
    )


def _events(caplog, name=None):
    events = [json.loads(r.getMessage()) for r in caplog.records if r.name == "security"]
    return [e for e in events if name is None or e["event"] == name]


def _command(name):
    out = io.StringIO()
    call_command(name, stdout=out)
    return out.getvalue()


def _staff(client, *codenames):
    user = User.objects.create_user(f"officer{User.objects.count()}", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    sign_in_to_console(client, user)
    return user


# Rotation


def test_rotating_the_keys_re_encrypts_every_number_with_the_first_key(settings):
    old, new = Fernet.generate_key(), Fernet.generate_key()
    settings.PASSPORT_KEYS = [old]
    delegation = DelegationFactory(status="confirmed")
    first = _register(delegation)
    second = _register(delegation, "x9-876 543", family_name="MARTIN")
    without = _register(delegation, "", family_name="NOPASSPORT")
    before = {d.pk: (d.passport_last4, d.passport_fingerprint) for d in (first, second)}

    settings.PASSPORT_KEYS = [new, old]
    output = _command("rotate_passport_keys")
    settings.PASSPORT_KEYS = [new]  # the old key is withdrawn

    assert output == "re-encrypted 2 passport numbers\n"
    rows = {d.pk: d for d in Delegate.objects.all()}
    assert [passports.decrypt(rows[d.pk].passport_number_encrypted) for d in (first, second)] == [
        NUMBER,
        "X9876543",
    ]
    with pytest.raises(InvalidToken):
        Fernet(old).decrypt(rows[first.pk].passport_number_encrypted.encode())
    assert {pk: (rows[pk].passport_last4, rows[pk].passport_fingerprint) for pk in before} == before
    assert rows[without.pk].passport_number_encrypted == ""
    assert first.history.count() == 1  # a key change is not a change of the person


def test_a_number_no_key_opens_stops_the_rotation_loudly_and_is_left_as_it_was(settings):
    lost = Fernet.generate_key()
    settings.PASSPORT_KEYS = [lost]
    delegate = _register(DelegationFactory(status="confirmed"))
    token = delegate.passport_number_encrypted
    settings.PASSPORT_KEYS = [Fernet.generate_key()]

    with pytest.raises(CommandError) as excinfo:
        _command("rotate_passport_keys")

    assert str(excinfo.value) == (
        f"1 passport numbers open with none of PASSPORT_KEYS (delegates {delegate.pk}); "
        "keep the old key until they are re-entered."
    )
    delegate.refresh_from_db()
    assert delegate.passport_number_encrypted == token


# Revealing a number in the console


def test_an_officer_with_the_permission_reveals_a_number_once_and_it_is_recorded(
    client, caplog, settings
):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]  # the test client stands as our proxy
    delegate = _register(DelegationFactory(status="confirmed"))
    officer = _staff(client, "view_delegate", "reveal_passport")
    caplog.set_level(logging.INFO, logger="security")
    address = f"/admin/delegations/delegate/{delegate.pk}/passport/"

    change_page = client.get(f"/admin/delegations/delegate/{delegate.pk}/change/").content.decode()
    confirmation = client.get(address)
    revealed = client.post(address, HTTP_X_FORWARDED_FOR="198.51.100.4")

    assert f'href="{address}"' in change_page
    assert NUMBER not in change_page
    assert "••••2345" in confirmation.content.decode()
    assert NUMBER not in confirmation.content.decode()
    assert revealed.status_code == 200
    assert f'<strong id="passport-number">{NUMBER}</strong>' in revealed.content.decode()
    assert "no-store" in revealed["Cache-Control"]
    (event,) = _events(caplog, "passport_revealed")
    assert {k: event[k] for k in ("actor", "address", "path", "delegate", "delegation")} == {
        "actor": officer.username,
        "address": "198.51.100.4",
        "path": address,
        "delegate": delegate.pk,
        "delegation": delegate.delegation_id,
    }
    assert NUMBER not in json.dumps(_events(caplog))


def test_an_officer_without_the_permission_sees_no_link_and_is_refused(client, caplog):
    delegate = _register(DelegationFactory(status="confirmed"))
    officer = _staff(client, "view_delegate", "change_delegate")
    caplog.set_level(logging.INFO, logger="security")
    address = f"/admin/delegations/delegate/{delegate.pk}/passport/"

    change_page = client.get(f"/admin/delegations/delegate/{delegate.pk}/change/").content.decode()
    refused = client.post(address)

    assert "••••2345" in change_page
    assert address not in change_page
    assert refused.status_code == 403
    assert NUMBER not in refused.content.decode()
    assert _events(caplog, "passport_revealed") == []
    (event,) = _events(caplog, "permission_denied")
    assert (event["actor"], event["path"], event["method"]) == (officer.username, address, "POST")


# The API


def test_the_api_shows_passports_masked_even_to_an_officer_who_may_reveal_them():
    delegate = _register(DelegationFactory(status="confirmed"))
    user = User.objects.create_user("reader", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(codename__in=["view_delegate", "reveal_passport"])
    )
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {issue_api_token(user)}")

    response = client.get(f"/api/v1/delegates/{delegate.pk}/")

    assert response.status_code == 200
    assert response.json()["passport"] == "••••2345"
    body = response.content.decode()
    for secret in (NUMBER, delegate.passport_number_encrypted, delegate.passport_fingerprint):
        assert secret not in body
    assert "1970-05-01" not in body


# Erasure after the retention period


def _erased(row):
    return (
        row.passport_last4,
        row.passport_fingerprint,
        row.passport_expires_on,
        row.date_of_birth,
    ) == ("", "", None, None)


def test_passport_data_is_erased_the_retention_period_after_the_conference_history_included():
    conference = ConferenceFactory(end_date=dt.date(2025, 10, 26), passport_retention_days=30)
    delegation = DelegationFactory(conference=conference, status="confirmed")
    kept = _register(delegation)
    kept = save_delegate(delegation, delegate=kept, function="Minister")  # a second history row
    removed = _register(delegation, "P-REMOVED", family_name="GONE")
    remove_delegate(removed)  # its history rows stay, and hold the same data
    later = _register(
        DelegationFactory(
            conference=ConferenceFactory(end_date=dt.date(2026, 6, 1)), status="confirmed"
        )
    )
    history = Delegate.history.model.objects

    # The last day is 26 October; 30 days later is 25 November, in Hanoi's time.
    with time_machine.travel(dt.datetime(2025, 11, 24, 23, 59, tzinfo=HANOI)):
        too_early = _command("erase_passport_data")
    with time_machine.travel(dt.datetime(2025, 11, 25, 0, 1, tzinfo=HANOI)):
        first = _command("erase_passport_data")
        again = _command("erase_passport_data")

    assert too_early == "no conference is past its passport retention\n"
    slug = conference.slug
    assert first == f"{slug}: erased the passport data of 1 delegates and 4 history rows\n"
    assert again == f"{slug}: erased the passport data of 0 delegates and 0 history rows\n"
    kept.refresh_from_db()
    assert _erased(kept)
    assert kept.passport_number_encrypted == ""
    assert kept.function == "Minister"  # the rest of the record stays
    assert all(_erased(row) for row in history.filter(conference_id=conference.pk))
    assert history.filter(conference_id=conference.pk).count() == 4
    later.refresh_from_db()
    assert (later.passport_last4, later.date_of_birth) == ("2345", dt.date(1970, 5, 1))
    assert not any(_erased(row) for row in history.filter(id=later.pk))


def test_the_beat_runs_the_erasure_every_hour():
    conference = ConferenceFactory(end_date=dt.date(2025, 10, 26), passport_retention_days=0)
    delegate = _register(DelegationFactory(conference=conference, status="confirmed"))
    job = django_settings.CELERY_BEAT_SCHEDULE["erase-passport-data"]

    with time_machine.travel(dt.datetime(2025, 10, 27, 9, 0, tzinfo=HANOI)):
        summary = tasks.erase_passport_data.delay().get()

    assert (job["task"], job["schedule"]) == (tasks.erase_passport_data.name, 3600)
    assert summary == {conference.slug: [1, 1]}
    delegate.refresh_from_db()
    assert _erased(delegate)
