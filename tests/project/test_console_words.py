"""The console speaks to an organiser: plain names, the technical tables apart for the
superuser, "View site" to a page that exists."""

import re

import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission, User
from django.core.exceptions import FieldDoesNotExist
from django.urls import reverse
from django.utils.functional import Promise

from tests.console import sign_in_to_console
from tests.factories import ConferenceFactory, RoomFactory, SessionFactory

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

    assert "<h1>Speakers&#x27; list</h1>" in page
    assert "inscription to speak" not in page


def test_every_column_and_filter_of_the_console_is_labelled_in_the_readers_language():
    unlabelled = []
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label not in ("conference", "delegations", "programme"):
            continue
        names = [*model_admin.list_display, *model_admin.list_filter]
        for name in names:
            if not isinstance(name, str):
                continue
            try:
                label = model._meta.get_field(name.split("__")[0]).verbose_name
            except FieldDoesNotExist:
                # A column of the console's own (a method or a model's property): its description.
                shown = getattr(model_admin, name, None) or getattr(model, name, None)
                label = getattr(getattr(shown, "fget", shown), "short_description", None)
                if name == "__str__":
                    continue
            if not isinstance(label, Promise):
                unlabelled.append(f"{model._meta.label}.{name}")

    assert unlabelled == []


def test_a_list_names_its_conference_column_and_filter_in_french(admin_client):
    ConferenceFactory(slug="hanoi2025")
    ConferenceFactory(slug="rehearsal")

    page = admin_client.get(
        reverse("admin:programme_session_changelist"), HTTP_ACCEPT_LANGUAGE="fr"
    ).content.decode()

    assert "Par conférence" in page
    assert "Par conference" not in page


def test_a_list_is_titled_with_what_it_lists(admin_client):
    page = admin_client.get(
        reverse("admin:programme_session_changelist"), HTTP_ACCEPT_LANGUAGE="fr"
    ).content.decode()

    assert "<h1>Séances</h1>" in page
    assert "Sélectionnez" not in page


def test_the_first_page_is_titled_for_an_organiser(admin_client):
    page = admin_client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="fr").content.decode()

    assert "Vue d&#x27;ensemble" in page
    assert "Site d\N{RIGHT SINGLE QUOTATION MARK}administration" not in page


def test_a_chinese_organiser_reads_the_programme_in_chinese(admin_client):
    conference = ConferenceFactory(
        slug="hanoizh",
        name="Signing Ceremony",
        languages=["en", "zh-hans"],
        translations={"zh-hans": {"name": "签署仪式"}},
    )
    SessionFactory(
        conference=conference,
        title="Opening session",
        translations={"zh-hans": {"title": "开幕会议"}},
        room=RoomFactory(
            venue=conference.venue, name="Main Hall", translations={"zh-hans": {"name": "主会场"}}
        ),
    )

    page = admin_client.get(
        reverse("admin:programme_session_changelist"), HTTP_ACCEPT_LANGUAGE="zh-hans"
    ).content.decode()

    # The session, its room and its conference, in the column and in the filters.
    for chinese in ("开幕会议", "主会场", "签署仪式"):
        assert chinese in page
    for english in ("Opening session", "Main Hall", "Signing Ceremony"):
        assert english not in page


def test_an_organiser_chooses_the_consoles_language_on_every_page(client, admin_client):
    """At sign-in, on the first page, and on the lists, forms and history pages alike."""
    session = SessionFactory(title="Opening session")
    pages = [
        client.get(reverse("admin:login")).content.decode(),
        *(
            admin_client.get(url).content.decode()
            for url in (
                reverse("admin:index"),
                reverse("admin:programme_session_changelist"),
                reverse("admin:programme_session_change", args=[session.pk]),
                reverse("admin:programme_session_history", args=[session.pk]),
                reverse("admin:delegations_delegation_changelist"),
            )
        ),
    ]

    for page in pages:
        assert page.count(f'action="{reverse("set_language")}"') == 1
        assert '<option value="ar">العربيّة</option>' in page
    next_page = reverse("admin:programme_session_changelist")
    response = admin_client.post(reverse("set_language"), {"language": "ar", "next": next_page})
    assert response.headers["Location"] == next_page
    page = admin_client.get(next_page).content.decode()
    assert '<html lang="ar" dir="rtl">' in page
    assert '<option value="ar" selected>العربيّة</option>' in page
