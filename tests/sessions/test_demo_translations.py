"""The demo programme's titles in the languages of the site, under the keys the site reads."""

import tomllib

from django.conf import settings

from config.catalogues import ROOT
from sessions.models import Session

PROGRAMME = ROOT / "sessions" / "demo" / "hanoi2025.toml"


def _sessions():
    with PROGRAMME.open("rb") as data:
        return tomllib.load(data)["sessions"]


def test_translations_are_keyed_by_the_sites_language_codes():
    # The site looks a title up under the code it serves (get_language(): "zh-hans", never "zh").
    codes = {code for code, _name in settings.LANGUAGES}

    keys = {key for session in _sessions() for key in session.get("translations", {})}

    assert keys <= codes
    assert {"ar", "zh-hans"} <= keys


def test_every_session_translated_into_french_has_arabic_and_chinese_titles():
    untranslated = [
        session["title"]
        for session in _sessions()
        if "fr" in session.get("translations", {})
        and not all(
            session["translations"].get(code, {}).get("title") for code in ("ar", "zh-hans")
        )
    ]

    assert untranslated == []


def test_a_reader_in_chinese_or_arabic_reads_the_official_title_of_the_signing():
    (signing,) = [s for s in _sessions() if s["title"].startswith("Opening for signature")]
    session = Session(title=signing["title"], description="", translations=signing["translations"])

    assert session.localized("zh-hans")[0] == "《联合国打击网络犯罪公约》开放供签署"
    assert session.localized("ar")[0] == (
        "فتح باب التوقيع على اتفاقية الأمم المتحدة لمكافحة الجريمة السيبرانية"
    )
