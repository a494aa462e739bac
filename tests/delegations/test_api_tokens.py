"""API tokens are kept like passwords: only a digest is stored, and a changed password, by the
reset link or in the console, ends every token of the account."""

import re

import pytest
from django.contrib.auth.models import Permission, User
from django.core import mail
from django.db import connection
from django.test import Client
from knox.models import AuthToken
from rest_framework.test import APIClient

from delegations.services import issue_api_token
from tests.console import sign_in_to_console
from tests.portal.support import signed_in_focal_point

pytestmark = pytest.mark.django_db

DELEGATIONS = "/api/v1/delegations/"


def _api(token):
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return api


def _stored_text():
    """Every column of the token table, as text: what a copy of the database would show."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {AuthToken._meta.db_table}")
        return " ".join(str(value) for row in cursor.fetchall() for value in row)


def test_a_token_from_the_portal_works_and_is_not_stored(client, invite):
    signed_in_focal_point(client, invite)
    page = client.post("/portal/api-access/").content.decode()
    token = re.search(r"<code>([0-9a-f]{64})</code>", page).group(1)

    answer = _api(token).get(DELEGATIONS)

    assert answer.status_code == 200
    assert AuthToken.objects.count() == 1
    assert token not in _stored_text()
    assert AuthToken.objects.get().digest != token
    # The page never shows it again.
    assert token not in client.get("/portal/api-access/").content.decode()


def test_a_new_token_replaces_the_previous_one(client, invite):
    signed_in_focal_point(client, invite)
    first = re.search(r"<code>(\w+)</code>", client.post("/portal/api-access/").content.decode())
    second = re.search(r"<code>(\w+)</code>", client.post("/portal/api-access/").content.decode())

    assert _api(first.group(1)).get(DELEGATIONS).status_code == 401
    assert _api(second.group(1)).get(DELEGATIONS).status_code == 200


def test_a_password_reset_ends_the_token(client, invite, django_capture_on_commit_callbacks):
    delegation = signed_in_focal_point(client, invite)
    page = client.post("/portal/api-access/").content.decode()
    token = re.search(r"<code>([0-9a-f]{64})</code>", page).group(1)
    assert _api(token).get(DELEGATIONS).status_code == 200
    client.logout()
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/portal/password/", {"email": delegation.focal_point_email})
    link = re.search(r"/portal/reset/[^\s]+/", mail.outbox[-1].body).group(0)
    form = client.get(link, follow=True)

    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "Another-Strong-Passw0rd", "new_password2": "Another-Strong-Passw0rd"},
    )

    assert done.status_code == 302
    assert AuthToken.objects.count() == 0
    assert _api(token).get(DELEGATIONS).status_code == 401


def test_a_password_changed_in_the_console_ends_the_token(client):
    organiser = User.objects.create_user(
        "protocol", password="Old-Strong-Passw0rd!", is_staff=True, is_superuser=True
    )
    token = issue_api_token(organiser)
    sign_in_to_console(client, organiser)

    changed = client.post(
        "/admin/password_change/",
        {
            "old_password": "Old-Strong-Passw0rd!",
            "new_password1": "New-Strong-Passw0rd!",
            "new_password2": "New-Strong-Passw0rd!",
        },
    )

    assert changed["Location"] == "/admin/password_change/done/"
    assert _api(token).get(DELEGATIONS).status_code == 401


def test_a_superuser_setting_anothers_password_ends_their_token(admin_client):
    focal = User.objects.create_user("focal@mission.example.org", password="Old-Strong-Pw-1")
    token = issue_api_token(focal)

    changed = admin_client.post(
        f"/admin/auth/user/{focal.pk}/password/",
        {"password1": "New-Strong-Passw0rd!", "password2": "New-Strong-Passw0rd!"},
    )

    assert changed.status_code == 302
    assert AuthToken.objects.filter(user=focal).count() == 0
    assert _api(token).get(DELEGATIONS).status_code == 401


def test_a_hasher_upgrade_at_sign_in_is_no_password_change(settings):
    """An old PBKDF2 hash is upgraded to Argon2id at sign-in: that must not end the token."""
    focal = User.objects.create_user("protocol", is_staff=True, is_superuser=True)
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
        *settings.PASSWORD_HASHERS,
    ]
    focal.set_password("Old-Strong-Pw-1")
    focal.save()
    token = issue_api_token(focal)
    settings.PASSWORD_HASHERS = settings.PASSWORD_HASHERS[1:]

    assert focal.check_password("Old-Strong-Pw-1")

    focal.refresh_from_db()
    assert not focal.password.startswith("pbkdf2")
    assert _api(token).get(DELEGATIONS).status_code == 200


def test_the_console_lists_tokens_to_the_superuser_only_and_never_their_secret(admin_client):
    focal = User.objects.create_user("focal@mission.example.org")
    token = issue_api_token(focal)
    protocol = User.objects.create_user("protocol", is_staff=True)
    protocol.user_permissions.set(Permission.objects.filter(content_type__app_label="knox"))
    organiser = sign_in_to_console(Client(), protocol)

    listing = admin_client.get("/admin/knox/authtoken/")

    assert listing.status_code == 200
    page = listing.content.decode()
    assert "focal@mission.example.org" in page
    assert token not in page
    assert admin_client.get("/admin/knox/authtoken/add/").status_code == 403
    # Even with knox's permissions, an organiser neither sees nor opens the table.
    assert organiser.get("/admin/knox/authtoken/").status_code == 403
    assert "API access keys" not in organiser.get("/admin/").content.decode()
