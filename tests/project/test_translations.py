"""Translations kept honest: every catalogue's placeholders match its msgids, every string of the
project is translated in the languages held COMPLETE, and every e-mail has its template in each
language that sends them, printing the same variables as the English one.

French, Vietnamese, Arabic and Chinese are complete: every string of the project. Spanish and
Russian are held, for now, to SCOPE: every string of `portal/` (views, forms, templates), the
delegation's and delegate's fields, choices and errors the portal shows
(delegations/models/delegation.py, enums.py, errors.py, selectors.py), check-in (its pages, forms
and verdicts), the printed documents (badges, lists, seating plan, place cards), the conference's
time label, the roundtables' checklist item and the names of the languages. Once they are
complete, add them to COMPLETE and drop SCOPE.
The e-mails are not gettext strings but one template per language
(delegations/templates/emails/<locale>/); a language without them falls back to English.
"""

import re
from pathlib import Path

import pytest
from babel.messages.checkers import python_format
from babel.messages.pofile import read_po
from django.conf import settings
from django.template.loader import get_template
from django.utils.translation import to_locale

from config.catalogues import ROOT, extract_messages, source_files
from delegations.emails import MESSAGE_LANGUAGES

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
# Complete: every string of the project, not only SCOPE.
COMPLETE = ["fr", "vi", "ar", "zh-hans"]


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


# Babel's check above lets a translation drop a placeholder (it only refuses unknown ones); a
# dropped %(name)s or <a href> loses the value or the link without an error. Every placeholder
# and tag of the msgid must be in the translation: for a plural, in the forms that print a
# count (Arabic's forms 0-2 may say "one"/"two" in words; so may the singular elsewhere).
_PLACEHOLDER = re.compile(r"%\(\w+\)[sdrf]|%[sdrf]|\{\w*\}")
_TAG = re.compile(r"</?(?:a|abbr|b|br|code|em|i|kbd|p|small|span|strong)\b[^>]*>")


def _marks(text):
    return sorted(_PLACEHOLDER.findall(text)) + sorted(_TAG.findall(text))


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_placeholder_and_tag_of_the_msgid_is_kept(language):
    catalog = _catalog(language)

    errors = []
    for entry in catalog:
        strings = (entry.string,) if isinstance(entry.string, str) else entry.string
        if not entry.id or not all(strings) or entry.fuzzy:
            continue
        if isinstance(entry.id, str):
            checked, wanted = strings, _marks(entry.id)
        else:
            counted = strings[3:] if catalog.num_plurals == 6 else strings[-1:]
            checked, wanted = counted, _marks(entry.id[1])
        errors += [
            f"{entry.id!r}: {s!r}" for s in checked if sorted(set(_marks(s))) != sorted(set(wanted))
        ]

    assert errors == []


EMAILS = ROOT / "delegations" / "templates" / "emails"
# Spanish and Russian e-mails are written with their catalogues (the other half of issue 16);
# until then they fall back to English. Every other language sends its own.
EMAILS_TO_WRITE = {"es", "ru"}
# A variable as a template reads it: {{ a.b|filter }} or a name in an {% if %}/{% for %} tag.
_VARIABLE = re.compile(r"\{\{\s*([\w.]+)")
_TAG_BLOCK = re.compile(r"\{%\s*(?:if|elif|for)\b(.*?)%\}")
_NAME = re.compile(r"(?<![\w.\"'])([A-Za-z_][\w.]*)")
_KEYWORDS = {"and", "or", "not", "in", "is", "None", "True", "False"}


def _variables(path: Path):
    source = path.read_text(encoding="utf-8")
    names = set(_VARIABLE.findall(source))
    for block in _TAG_BLOCK.findall(source):
        block = re.sub(r"\"[^\"]*\"", "", block)  # "summit" in {% if level == "summit" %}
        names |= {name for name in _NAME.findall(block) if name not in _KEYWORDS}
    return names


def test_every_language_but_those_still_to_write_sends_its_own_emails():
    languages = {code for code, _name in settings.LANGUAGES}

    assert set(MESSAGE_LANGUAGES) == languages - EMAILS_TO_WRITE


@pytest.mark.parametrize("language", [code for code in MESSAGE_LANGUAGES if code != "en"])
def test_every_email_has_its_template_with_the_same_variables(language):
    english = {path.name: _variables(path) for path in sorted((EMAILS / "en").glob("*.txt"))}
    translated = {
        path.name: _variables(path) for path in sorted((EMAILS / to_locale(language)).glob("*.txt"))
    }

    assert len(english) == 31
    assert sorted(translated) == sorted(english)
    for name in translated:  # each compiles: a broken tag would fail only when that mail is sent
        get_template(f"emails/{to_locale(language)}/{name}")
    assert {name: names for name, names in translated.items() if names != english[name]} == {}


def test_the_scope_holds_the_strings_of_the_portal_pages():
    # A guard against an extraction that finds nothing, which would let every check pass.
    messages = {message for message, _context in _scope_messages()}

    assert {"Sign in", "Checklist", "Note verbale or credentials letter", "Arabic"} <= messages
