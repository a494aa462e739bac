"""Text typed by others, made safe for the places it is written to.

One module for the rules every output follows: control characters never reach a feed, a PDF or
a spreadsheet (an XML document with one is ill-formed; an iCalendar line break in a name splits
the property), and a spreadsheet cell never starts like a formula.
"""

import re

from django.utils.translation import pgettext

# C0 controls but tab, line feed and carriage return; DEL; C1 controls. XML 1.0 forbids the C0
# ones outright, and none of them belongs in a name, a title or a note.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
LINE_BREAKS = re.compile(r"[\r\n\t\u2028\u2029\x85]+")
# The explicit embeddings, overrides and isolates of the bidirectional algorithm (U+202A-U+202E,
# U+2066-U+2069). Arabic, Hebrew or mixed names need none of them: the algorithm orders them
# from the letters alone, and the pages isolate each name. An override typed into a name makes
# it print or list backwards ("Trojan Source", spoofed file names) and an unclosed one spills
# into the text around it in every list, badge and e-mail that shows it. The marks LRM, RLM and
# ALM (U+200E, U+200F, U+061C), which only nudge neutral characters, stay allowed.
BIDI_CONTROLS = re.compile(r"[\u202a-\u202e\u2066-\u2069]")

# A cell starting with one of these is run as a formula by spreadsheet programs (CSV and XLSX
# alike): names and functions typed in the portal must stay text.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def has_control_characters(value: str) -> bool:
    """True when the text holds a character that has no place in typed text."""
    return bool(CONTROL_CHARACTERS.search(value))


def strip_control_characters(value: str) -> str:
    """The text without control characters and bidirectional overrides (line breaks kept)."""
    return BIDI_CONTROLS.sub("", CONTROL_CHARACTERS.sub("", value))


def single_line(value: str) -> str:
    """The text on one line, for a name or a title: control characters and bidirectional
    overrides dropped, breaks a space."""
    return LINE_BREAKS.sub(" ", strip_control_characters(value)).strip()


def first_refused_character(value: str, *, multiline: bool) -> tuple[str, str] | None:
    """The first character that typed text may not hold, with its kind ("control", "line
    break" or "direction"), or None. Tabs and line breaks are refused unless `multiline`."""
    patterns = [("control", CONTROL_CHARACTERS), ("direction", BIDI_CONTROLS)]
    if not multiline:
        patterns.append(("line break", LINE_BREAKS))
    found = [
        (match.start(), kind, match.group()[0])
        for kind, pattern in patterns
        if (match := pattern.search(value))
    ]
    if not found:
        return None
    _position, kind, character = min(found)
    return kind, character


def spreadsheet_cell(value):
    """A value as a CSV or spreadsheet cell: text without control characters, and a leading
    apostrophe when it would start like a formula (the convention spreadsheets show as text)."""
    if not isinstance(value, str):
        return value
    value = strip_control_characters(value)
    if value.startswith(FORMULA_START):
        return "'" + value
    return value


def joined(names) -> str:
    """Names as one list for a reader, joined with the separator of the active language: "، "
    in Arabic, "、" in Chinese, ", " in the others (its translators say which)."""
    # Translators: what separates the items of a list of names (zones, hotels, languages).
    separator = pgettext("list separator", ", ")
    return separator.join(str(name) for name in names)
