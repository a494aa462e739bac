"""The catalogues are complete, not fuzzy, and their placeholders match the msgids.

At merge time, run this test: its failure message lists, per language, every msgid still to
translate (scripts/translations.sh extracts new strings into every catalogue first).
"""

from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.utils.translation import to_locale

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
TRANSLATED_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]


def _catalogue(language_code):
    path = LOCALE_DIR / to_locale(language_code) / "LC_MESSAGES" / "django.po"
    with path.open("rb") as po_file:
        return read_po(po_file, locale=to_locale(language_code))


def _is_untranslated(message):
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return not all(strings)


def _missing_msgids(language_code):
    catalogue = _catalogue(language_code)
    return [
        message.id if isinstance(message.id, str) else message.id[0]
        for message in catalogue
        if message.id and (_is_untranslated(message) or message.fuzzy)
    ]


def test_every_language_in_settings_has_a_catalogue():
    missing = [
        code
        for code in TRANSLATED_LANGUAGES
        if not (LOCALE_DIR / to_locale(code) / "LC_MESSAGES" / "django.po").exists()
    ]
    assert missing == []


def test_catalogues_have_no_untranslated_or_fuzzy_string():
    missing = {code: _missing_msgids(code) for code in TRANSLATED_LANGUAGES}
    missing = {code: msgids for code, msgids in missing.items() if msgids}
    report = "\n".join(
        f"{code} ({len(msgids)} missing):\n" + "\n".join(f"  {m!r}" for m in msgids)
        for code, msgids in missing.items()
    )
    assert missing == {}, "Untranslated or fuzzy msgids per language:\n" + report


@pytest.mark.parametrize("language_code", TRANSLATED_LANGUAGES)
def test_catalogue_placeholders_match_their_msgids(language_code):
    """Babel's checkers: python-format placeholders and plural forms (as msgfmt --check)."""
    catalogue = _catalogue(language_code)
    errors = [
        f"{message.id!r}: {error}"
        for message in catalogue
        if message.id and not _is_untranslated(message)
        for error in message.check(catalogue)
    ]
    assert errors == []
