"""The console edits a session's title and description in each language as fields of their own,
not as raw JSON, and stores them in `Session.translations` without losing what it does not show."""

import datetime as dt

import pytest
from django.urls import reverse

from sessions.models import Session
from tests.factories import HANOI, ConferenceFactory, RoomFactory, SessionFactory

pytestmark = pytest.mark.django_db

LANGUAGES = ["ar", "zh-hans", "en", "es", "fr", "ru", "vi"]


def _blank_translations():
    return {
        f"translation_{code.replace('-', '_')}_{key}": ""
        for code in LANGUAGES
        for key in ("title", "description")
    }


def _form_data(session, **changes):
    return {
        "conference": session.conference_id,
        "slug": session.slug,
        "kind": session.kind,
        "title": session.title,
        "description": "",
        "room": session.room_id,
        "starts_at_0": "2025-10-25",
        "starts_at_1": "09:00:00",
        "ends_at_0": "2025-10-25",
        "ends_at_1": "10:00:00",
        "capacity": "",
        "access": session.access,
        "languages": '["en"]',
        "people-TOTAL_FORMS": "0",
        "people-INITIAL_FORMS": "0",
        **_blank_translations(),
        **changes,
    }


@pytest.fixture
def opening():
    conference = ConferenceFactory()
    return SessionFactory(
        conference=conference,
        room=RoomFactory(venue=conference.venue),
        slug="opening",
        title="Opening session",
        starts_at=dt.datetime(2025, 10, 25, 9, 0, tzinfo=HANOI),
        ends_at=dt.datetime(2025, 10, 25, 10, 0, tzinfo=HANOI),
        translations={
            "fr": {"title": "Séance d'ouverture", "description": "Allocutions", "note": "kept"},
            "vi": {"title": "Phiên khai mạc"},
            "de": {"title": "Eröffnungssitzung"},  # not a language of the conference
        },
    )


def test_the_form_shows_one_field_per_language_filled_from_the_stored_translations(
    admin_client, opening
):
    page = admin_client.get(
        reverse("admin:programme_session_change", args=[opening.pk])
    ).content.decode()

    assert 'name="translations"' not in page
    for code in LANGUAGES:
        assert f'name="translation_{code.replace("-", "_")}_title"' in page
        assert f'name="translation_{code.replace("-", "_")}_description"' in page
    assert 'value="Séance d&#x27;ouverture"' in page
    assert 'value="Phiên khai mạc"' in page
    assert "Title (French)" in page
    assert "Title and description in each language" in page


def test_typed_translations_are_stored_and_blank_languages_dropped_without_losing_the_rest(
    admin_client, opening
):
    url = reverse("admin:programme_session_change", args=[opening.pk])
    data = _form_data(
        opening,
        translation_fr_title="Séance d'ouverture",
        translation_fr_description="",
        translation_es_title="Sesión de apertura",
        translation_es_description="Discursos",
    )

    response = admin_client.post(url, data)

    assert response.status_code == 302
    opening.refresh_from_db()
    assert opening.translations == {
        "fr": {"title": "Séance d'ouverture", "note": "kept"},
        "es": {"title": "Sesión de apertura", "description": "Discursos"},
        "de": {"title": "Eröffnungssitzung"},
    }
    assert opening.localized("es") == ("Sesión de apertura", "Discursos")
    assert opening.localized("vi") == ("Opening session", "")


def test_a_new_session_gets_its_translations_from_the_add_form(admin_client, opening):
    data = _form_data(
        opening,
        slug="closing",
        title="Closing session",
        translation_vi_title="Phiên bế mạc",
        translation_zh_hans_title="闭幕会议",
    )

    response = admin_client.post(reverse("admin:programme_session_add"), data)

    assert response.status_code == 302
    closing = Session.objects.get(slug="closing")
    assert closing.translations == {
        "zh-hans": {"title": "闭幕会议"},
        "vi": {"title": "Phiên bế mạc"},
    }


@pytest.mark.parametrize(
    ("typed", "error"),
    [
        ("x" * 301, "Ensure this value has at most 300 characters (it has 301)."),
        ("Séance\x07 d'ouverture", "Remove the control characters"),
    ],
)
def test_a_bad_translation_is_refused_beside_its_field_and_nothing_changes(
    admin_client, opening, typed, error
):
    url = reverse("admin:programme_session_change", args=[opening.pk])
    before = dict(opening.translations)

    response = admin_client.post(url, _form_data(opening, translation_fr_title=typed))

    assert response.status_code == 200
    assert error in response.content.decode()
    opening.refresh_from_db()
    assert opening.translations == before


def test_the_fields_are_labelled_in_the_readers_language(admin_client, opening):
    admin_client.cookies["django_language"] = "fr"

    page = admin_client.get(
        reverse("admin:programme_session_change", args=[opening.pk])
    ).content.decode()

    assert "Titre et description dans chaque langue" in page
    assert "Titre (" in page
    assert "Title (" not in page
