"""Content typed by organisers (a conference's name, a room, a session's title...) in the reader's
language, and the one order in which a missing translation falls back.

Each translated row keeps its original text in its own fields and the other languages in a
`translations` JSONField, {"fr": {"name": "..."}, "zh-hans": {...}}. A reader is shown their own
language, else the conference's languages in the order it sets (the first is its working
language), else the original: never an empty field, and never a language chosen at random.
The original is typed in English, the project's source language (settings.LANGUAGE_CODE): where
the order reaches English without an English translation, the original is that English text.
"""

from collections.abc import Iterable

from django.conf import settings

# The UN's Chinese is simplified Chinese, however a conference's list spells it.
_ALIASES = {"zh": "zh-hans", "zh-cn": "zh-hans", "zh-sg": "zh-hans"}


def normalise_language(code: str | None) -> str:
    """The project's form of a language code: lower case with a hyphen (zh_Hans -> zh-hans), as
    settings.LANGUAGES and the translations' keys spell it."""
    code = (code or "").strip().replace("_", "-").lower()
    return _ALIASES.get(code, code)


def localized(
    translations: dict | None,
    field: str,
    original: str,
    language: str | None,
    fallback: Iterable[str] = (),
) -> str:
    """`field` in `language`, else in the first of `fallback` that has it, else `original`.

    `translations` maps a language code to a dict of fields; codes are compared in their
    normalised form, so "zh_Hans", "zh-Hans" and "zh-hans" are one language."""
    if not translations:
        return original
    by_language = {normalise_language(code): entry for code, entry in translations.items()}
    source = normalise_language(settings.LANGUAGE_CODE)
    for code in (language, *fallback):
        code = normalise_language(code)
        entry = by_language.get(code)
        if isinstance(entry, dict) and entry.get(field):
            return entry[field]
        if code == source:
            return original
    return original
