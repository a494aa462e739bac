"""The console speaks to an organiser: plain names, the technical tables apart for the
superuser, "View site" to a page that exists."""

import re

import pytest
from django.contrib.auth.models import Permission, User

from tests.console import sign_in_to_console

pytestmark = pytest.mark.django_db

TECHNICAL_WORDS = ["Auth Token", "Axes", "Otp_Static", "Otp_Totp", "TOTP devices", "Access logs"]


def test_a_superuser_finds_the_sign_in_tables_apart_in_plain_words(admin_client):
    page = admin_client.get("/admin/").content.decode()

    assert "Sign-in records (superuser only)" in page
    for name in ("API access keys", "Authenticator apps", "Backup codes", "Failed sign-ins"):
        assert name in page
    for word in TECHNICAL_WORDS:
        assert word not in page
    assert page.index("Programme") < page.index("Sign-in records (superuser only)")


def test_an_organiser_never_sees_the_sign_in_tables(client):
    organiser = User.objects.create_user("protocol", password="x", is_staff=True)
    organiser.user_permissions.set(
        Permission.objects.filter(codename__in=["view_session", "view_accessattempt", "view_token"])
    )
    sign_in_to_console(client, organiser)

    page = client.get("/admin/").content.decode()

    assert "Sessions" in page
    assert "Sign-in records" not in page
    assert "access attempts" not in page.lower()
    assert client.get("/admin/axes/").status_code == 404


def test_view_site_leads_to_the_portal_not_a_404(admin_client):
    page = admin_client.get("/admin/").content.decode()

    (target,) = re.findall(r'<a href="([^"]+)">View site</a>', page)
    assert target == "/portal/"
    assert admin_client.get(target).status_code == 302  # to the portal's sign-in


def test_the_speakers_list_is_named_for_an_organiser(admin_client):
    page = admin_client.get("/admin/programme/inscription/").content.decode()

    assert "Select speaker on the list to change" in page
    assert "inscription to speak" not in page
