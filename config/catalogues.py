"""The translatable strings of the project, found as `makemessages` finds them but with Babel,
and the catalogues updated from them (scripts/messages.py, `make messages`).

Python files are read by Babel's extractor; Django templates are first turned into Python by
Django's own `templatize` (what `makemessages` does), so {% translate %}, {% blocktranslate %}
and their plurals and contexts are found without a plugin or system gettext.
"""

import io
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract
from babel.messages.pofile import read_po, write_po
from django.utils.translation.template import templatize

ROOT = Path(__file__).resolve().parent.parent

APPS = ("conference", "config", "delegations", "portal", "press", "sessions")
KEYWORDS = {
    "_": None,
    "gettext": None,
    "gettext_lazy": None,
    "gettext_noop": None,
    "ngettext": (1, 2),
    "ngettext_lazy": (1, 2),
    "pgettext": ((1, "c"), 2),
    "pgettext_lazy": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    "npgettext_lazy": ((1, "c"), 2, 3),
}


def source_files(prefixes=APPS):
    """The Python files and HTML/text templates under `prefixes` (paths relative to the root)."""
    for prefix in prefixes:
        for path in sorted((ROOT / prefix).rglob("*")):
            relative = path.relative_to(ROOT).as_posix()
            if "/migrations/" in relative or not path.is_file():
                continue
            if path.suffix == ".py" or (
                "/templates/" in relative and path.suffix in (".html", ".txt")
            ):
                yield relative


def extract_messages(files):
    """{(msgid, context): [(file, line), ...]} for the translatable strings of `files`; a
    plural's msgid is the pair (singular, plural)."""
    found = {}
    for relative in files:
        text = (ROOT / relative).read_text(encoding="utf-8")
        if not relative.endswith(".py"):
            # templatize keeps the template's lines; its indentation is not Python's.
            lines = templatize(text, origin=relative).splitlines()
            text = "\n".join(line.lstrip() for line in lines)
        for line, message, _comments, context in extract(
            "python", io.BytesIO(text.encode("utf-8")), keywords=KEYWORDS, comment_tags=()
        ):
            key = (message if isinstance(message, str) else tuple(message), context)
            found.setdefault(key, []).append((relative, line))
    return found


def template_catalog():
    """Every translatable string of the project, with where it is used."""
    catalog = Catalog(project="conference", charset="utf-8")
    for (message, context), locations in extract_messages(source_files()).items():
        catalog.add(message, locations=locations, context=context)
    return catalog


def update(language, template):
    """Bring locale/<language>/LC_MESSAGES/django.po in line with `template`: new strings
    untranslated, vanished ones kept as obsolete."""
    path = ROOT / "locale" / language / "LC_MESSAGES" / "django.po"
    if path.exists():
        with path.open("rb") as po:
            catalog = read_po(po, locale=language)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        catalog = Catalog(locale=language, project="conference", charset="utf-8", fuzzy=False)
    catalog.update(template, no_fuzzy_matching=True)
    with path.open("wb") as po:
        write_po(po, catalog, width=99, omit_header=False, ignore_obsolete=False)
