"""Translations kept honest: every catalogue's placeholders match its msgids, and the strings
the portal shows are translated in every language of the conference.

The completeness check covers, for now, exactly the part translated into Arabic, Chinese,
Spanish and Russian: every string of `portal/` (views, forms, templates), the delegation's and
delegate's fields, choices and errors the portal shows (delegations/models/delegation.py,
enums.py, errors.py, selectors.py), check-in (its pages, forms and verdicts), the printed
documents (badges, lists, seating plan, place cards), the conference's time label, the
roundtables' checklist item and the names of the languages. The e-mails are not gettext
strings but one template per language (delegations/templates/emails/<language>/); the four
languages fall back to the English ones.
The rest of the four catalogues (the console, the press pages, the models of sessions and
conference) is still to translate; extend SCOPE as it is done, until it is the project.
"""

import pytest
from babel.messages.checkers import python_format
from babel.messages.pofile import read_po
from django.conf import settings
from django.utils.translation import to_locale

from config.catalogues import ROOT, extract_messages, source_files

SCOPE = [
    *source_files(("portal",)),
    "delegations/enums.py",
    "delegations/errors.py",
    "delegations/models/delegation.py",
    "delegations/selectors.py",
    *(path for path in source_files(("delegations",)) if "check_in" in path),
    *(path for path in source_files(("delegations", "sessions")) if "/documents/" in path),
    "delegations/models/badges.py",
    "conference/listing.py",
    "conference/local_time.py",
    "sessions/apps.py",
    "config/settings.py",
]
# Of config/settings.py, only the names of the languages.
PARTIAL = {"config/settings.py"}
LANGUAGE_NAMES = {"Arabic", "Chinese", "English", "Spanish", "French", "Russian", "Vietnamese"}
TRANSLATED = [code for code, _name in settings.LANGUAGES if code != "en"]
# French and Vietnamese (the host's) are complete: every string of the project, not only SCOPE.
COMPLETE = ["fr", "vi"]


def _catalog(language):
    path = ROOT / "locale" / to_locale(language) / "LC_MESSAGES" / "django.po"
    with path.open("rb") as po:
        return read_po(po, locale=to_locale(language))


def _scope_messages():
    messages = {}
    for path in SCOPE:
        for (message, context), locations in extract_messages([path]).items():
            if path in PARTIAL and message not in LANGUAGE_NAMES:
                continue
            messages[(message, context)] = locations
    return messages


@pytest.mark.parametrize("language", TRANSLATED)
def test_portal_strings_are_translated_and_not_fuzzy(language):
    assert _missing(language, _scope_messages()) == []


def _missing(language, messages):
    catalog = _catalog(language)
    missing = []
    for (message, context), locations in messages.items():
        entry = catalog.get(message, context=context)
        strings = () if entry is None else entry.string
        strings = (strings,) if isinstance(strings, str) else strings
        if entry is None or entry.fuzzy or not all(strings):
            missing.append(f"{locations[0][0]}:{locations[0][1]}: {message!r}")
    return missing


@pytest.mark.parametrize("language", COMPLETE)
def test_every_string_of_the_project_is_translated_and_not_fuzzy(language):
    assert _missing(language, extract_messages(source_files())) == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_placeholders_of_every_translation_match_the_msgid(language):
    catalog = _catalog(language)

    errors = []
    for entry in catalog:
        if not entry.id or not entry.string or entry.fuzzy:
            continue
        try:
            python_format(catalog, entry)
        except Exception as error:  # TranslationError, named in the list below
            errors.append(f"{entry.id!r}: {error}")

    assert errors == []


def test_the_scope_holds_the_strings_of_the_portal_pages():
    # A guard against an extraction that finds nothing, which would let every check pass.
    messages = {message for message, _context in _scope_messages()}

    assert {"Sign in", "Checklist", "Note verbale or credentials letter", "Arabic"} <= messages
