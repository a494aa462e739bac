"""Organisers' content falls back in one order: the reader's language, then the conference's
languages in the order it sets (its working language first), then the text as typed."""

import pytest

from conference.translations import localized
from tests.factories import ConferenceFactory, SessionFactory

TRANSLATIONS = {
    "fr": {"name": "Conférence de Hanoï"},
    "zh_Hans": {"name": "河内会议"},
    "es": {"name": "Conferencia de Hanói"},
    "vi": {"name": ""},
}


def test_the_readers_language_comes_first():
    assert localized(TRANSLATIONS, "name", "Hanoi", "es", ["fr"]) == "Conferencia de Hanói"


def test_then_the_conferences_languages_in_the_order_it_sets():
    assert localized(TRANSLATIONS, "name", "Hanoi", "ru", ["fr", "es"]) == "Conférence de Hanoï"
    assert localized(TRANSLATIONS, "name", "Hanoi", "ru", ["es", "fr"]) == "Conferencia de Hanói"


def test_an_empty_translation_is_passed_over():
    assert localized(TRANSLATIONS, "name", "Hanoi", "vi", ["es"]) == "Conferencia de Hanói"


def test_then_the_original():
    assert localized(TRANSLATIONS, "name", "Hanoi", "ru", ["ar"]) == "Hanoi"
    assert localized({}, "name", "Hanoi", "fr", ["fr"]) == "Hanoi"
    assert localized(TRANSLATIONS, "theme", "Cyber", "fr", []) == "Cyber"


@pytest.mark.parametrize("code", ["zh-hans", "zh_Hans", "zh-Hans", "ZH_HANS"])
def test_chinese_is_one_language_however_its_code_is_written(code):
    assert localized(TRANSLATIONS, "name", "Hanoi", code, []) == "河内会议"
    assert localized({"zh-hans": {"name": "河内"}}, "name", "Hanoi", code, []) == "河内"


@pytest.mark.django_db
def test_a_conference_names_itself_in_the_fallback_order_it_sets():
    conference = ConferenceFactory(
        name="Hanoi Convention signing",
        languages=["vi", "en", "fr"],
        translations={"fr": {"name": "Cérémonie de Hanoï"}, "vi": {"name": "Lễ mở ký Hà Nội"}},
    )

    assert conference.localized_name("fr") == "Cérémonie de Hanoï"
    assert conference.localized_name("ar") == "Lễ mở ký Hà Nội"  # the working language
    conference.languages = ["ru", "fr", "vi"]
    assert conference.localized_name("ar") == "Cérémonie de Hanoï"
    conference.languages = ["en", "fr"]
    assert conference.localized_name("ar") == "Hanoi Convention signing"


@pytest.mark.django_db
def test_a_session_falls_back_to_its_conferences_languages():
    conference = ConferenceFactory(languages=["vi", "fr"])
    session = SessionFactory(
        conference=conference, title="Opening", translations={"fr": {"title": "Ouverture"}}
    )

    assert session.localized("ar") == ("Ouverture", session.description)
    assert session.localized("ar", fallback=[])[0] == "Opening"


def test_english_is_the_original_wherever_the_order_reaches_it():
    # The original is typed in English: an English reader, or an order that reaches English,
    # reads it, not a translation further down the list.
    assert localized(TRANSLATIONS, "name", "Hanoi", "en", ["fr"]) == "Hanoi"
    assert localized(TRANSLATIONS, "name", "Hanoi", "ru", ["en", "fr"]) == "Hanoi"
    assert localized({"en": {"name": "Ha Noi"}}, "name", "Hanoi", "en", []) == "Ha Noi"


def test_zh_in_a_conferences_list_is_simplified_chinese():
    assert localized(TRANSLATIONS, "name", "Hanoi", "ru", ["zh", "fr"]) == "河内会议"
