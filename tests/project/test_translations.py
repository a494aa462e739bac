"""Translations kept honest: every catalogue's placeholders match its msgids, and every string of
the project is translated in every language of the conference: Arabic, Chinese, French, Russian,
Spanish (the UN's six with English) and Vietnamese (the host's).

The e-mails are not gettext strings but one template per language
(delegations/templates/emails/<locale>/); tests/delegations/test_message_languages.py holds every
language to have them all, printing what English prints.
"""

import collections
import gettext
import re

import pytest
from babel.messages.catalog import Catalog
from babel.messages.checkers import num_plurals, python_format
from babel.messages.pofile import read_po
from django.conf import settings
from django.utils.translation import to_locale

from config.catalogues import ROOT, extract_messages, source_files

TRANSLATED = [code for code, _name in settings.LANGUAGES if code != "en"]


def _catalog(language):
    path = ROOT / "locale" / to_locale(language) / "LC_MESSAGES" / "django.po"
    with path.open("rb") as po:
        return read_po(po, locale=to_locale(language))


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


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_string_of_the_project_is_translated_and_not_fuzzy(language):
    assert _missing(language, extract_messages(source_files())) == []


def test_the_extraction_finds_the_strings_of_the_portal_pages():
    # A guard against an extraction that finds nothing, which would let every check pass.
    messages = {message for message, _context in extract_messages(source_files())}

    assert {"Sign in", "Checklist", "Note verbale or credentials letter", "Arabic"} <= messages


@pytest.mark.parametrize("language", TRANSLATED)
def test_placeholders_of_every_translation_match_the_msgid(language):
    catalog = _catalog(language)

    errors = []
    for entry in catalog:
        if not entry.id or not entry.string or entry.fuzzy:
            continue
        for check in (num_plurals, python_format):  # what `msgfmt --check` checks
            try:
                check(catalog, entry)
            except Exception as error:  # TranslationError, named in the list below
                errors.append(f"{entry.id!r}: {error}")

    assert errors == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_translation_keeps_the_placeholders_of_its_msgid(language):
    """Babel lets a translation leave a placeholder out, which is right only for a plural form
    said of one number alone ("one badge"): Russian's first form also serves 21, 31..., whose
    number would be lost."""
    assert _dropped_placeholders(_catalog(language)) == []


def test_the_placeholder_check_sees_a_number_dropped_from_a_russian_plural():
    catalog = Catalog(locale="ru")
    catalog.add(
        ("%(n)d badge", "%(n)d badges"), ("Один пропуск", "%(n)d пропуска", "%(n)d пропусков")
    )
    catalog.add("Row %(line)s", "Строка")

    assert _dropped_placeholders(catalog) == [
        "'%(n)d badge': 'Один пропуск'",
        "'Row %(line)s': 'Строка'",
    ]


NAMED = re.compile(r"%\(\w+\)[sdfr]")


def _dropped_placeholders(catalog):
    plural = gettext.c2py(catalog.plural_expr)
    numbers_of_form = collections.Counter(plural(n) for n in range(1000))
    errors = []
    for entry in catalog:
        if not entry.id or not entry.string or entry.fuzzy:
            continue
        if isinstance(entry.id, str):
            forms = [(entry.id, entry.string)]
        else:  # a form said of one number alone may name it in words
            forms = [
                (entry.id[1], string)
                for index, string in enumerate(entry.string)
                if numbers_of_form[index] > 1
            ]
        for message, string in forms:
            if string and set(NAMED.findall(message)) - set(NAMED.findall(string)):
                errors.append(
                    f"{entry.id if isinstance(entry.id, str) else entry.id[0]!r}: {string!r}"
                )
    return errors


# What Babel does not check: str.format fields and HTML tags (a name, then only attributes, so
# that a word in angle brackets such as "<your token>" is text, translated), kept as they are.
MARKUP = re.compile(r"""\{\w*\}|</?[a-z][a-z0-9]*(?:\s+[\w-]+=(?:"[^"]*"|'[^']*'))*\s*/?>""")


@pytest.mark.parametrize("language", TRANSLATED)
def test_braces_and_html_tags_of_every_translation_match_the_msgid(language):
    assert _markup_errors(_catalog(language)) == []


def test_the_markup_check_sees_a_lost_field_or_tag():
    catalog = Catalog(locale="es")
    catalog.add("Hello {name}", "Hola {nombre}")
    catalog.add("<b>Closed</b>", "Cerrado")
    catalog.add("Kept <a href='/'>here</a>", "Conservado <a href='/'>aquí</a>")
    catalog.add("Token <your token>", "Token <su token>")

    assert _markup_errors(catalog) == [
        "'Hello {name}': 'Hola {nombre}'",
        "'<b>Closed</b>': 'Cerrado'",
    ]


def _markup_errors(catalog):
    errors = []
    for entry in catalog:
        if not entry.id or not entry.string or entry.fuzzy:
            continue
        ids = (entry.id,) if isinstance(entry.id, str) else entry.id
        strings = (entry.string,) if isinstance(entry.string, str) else entry.string
        allowed = [sorted(MARKUP.findall(message)) for message in ids]
        for string in filter(None, strings):
            if sorted(MARKUP.findall(string)) not in allowed:
                errors.append(f"{ids[0]!r}: {string!r}")
    return errors
