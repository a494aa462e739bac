"""Building localised messages from templates.

Each message has one text template per language, `emails/<language>/<name>.txt`, whose first line
is the subject. The HTML alternative is the same text in the common layout `emails/layout.html`,
so the two never say different things. Languages without templates fall back to English.

`render_for_each` renders one message for many recipients (a batch of invitations) at the cost of
about one rendering: see its docstring for why the result is the same as rendering each.
"""

import contextlib
import copy
import re
from dataclasses import dataclass
from pathlib import Path

from django.template import Context, TemplateDoesNotExist
from django.template.base import tag_re
from django.template.loader import get_template, render_to_string
from django.utils import timezone, translation
from django.utils.html import escape, urlize
from django.utils.translation import to_language

from conference.local_time import time_label
from conference.text import strip_control_characters

# The languages that have their own templates: each a directory under emails/, named by the
# language's code or its locale name (zh-hans or zh_Hans). A language gains its e-mails by adding
# the directory, with no list here to forget.
_DIRECTORIES = {
    to_language(path.name): path.name
    for path in (Path(__file__).parent / "templates" / "emails").iterdir()
    if path.is_dir()
}
MESSAGE_LANGUAGES = tuple(sorted(_DIRECTORIES))
# The tags a template may use and still be rendered once for many recipients: none of them can
# read the recipient without naming it, and naming it in a tag is refused below. (The spaces
# are taken possessively: otherwise "{%" alone would match before " if" and refuse every tag.)
_PLAIN_TAGS = re.compile(r"\{%\s*+(?!(?:if|elif|else|endif|for|empty|endfor|load)\b)")
_LOAD_TAGS = re.compile(r"\{%\s*load\b[^%]*%\}")
# Stands for the n-th per-recipient value; PostgreSQL text never holds NUL, so no text has one.
_PLACEHOLDER = re.compile("\x00(\\d+)\x00")
# A placeholder with the characters around it up to the nearest white space.
_CHUNK = re.compile("\\S*\x00\\d+\x00\\S*")


@dataclass(frozen=True)
class RenderedMessage:
    language: str
    subject: str
    text: str
    html: str


def message_language(language: str) -> str:
    return language if language in MESSAGE_LANGUAGES else "en"


def template_name(name: str, language: str) -> str:
    """The template of message `name` in `language`, one of MESSAGE_LANGUAGES."""
    return f"emails/{_DIRECTORIES[language]}/{name}.txt"


QUOTE_PREFIX = "> "


def quote_text(text: str) -> str:
    """Someone else's words as a quoted block: every line behind "> " (so the block is one
    paragraph, whatever blank lines it holds), control characters dropped. The HTML layout shows
    such a paragraph as a quotation, escaped and without links."""
    text = strip_control_characters(text or "").strip()
    if not text:
        return ""
    return "\n".join((QUOTE_PREFIX + line).rstrip() for line in text.splitlines())


def _paragraphs(body):
    """The body's paragraphs for the HTML layout; a quoted one loses its "> " marks and is shown
    as a quotation, never linkified."""
    paragraphs = []
    for paragraph in body.split("\n\n"):
        lines = paragraph.split("\n")
        quoted = all(line.startswith(QUOTE_PREFIX.strip()) for line in lines)
        if quoted:
            paragraph = "\n".join(line.removeprefix(">").removeprefix(" ") for line in lines)
        paragraphs.append({"text": paragraph, "quoted": quoted})
    return paragraphs


def render_message(name: str, *, language: str, context: dict) -> RenderedMessage:
    """Subject, text and HTML of message `name` in `language` (or English). Times in the context
    are shown in the timezone of `context["conference"]`."""
    template, language = _template(name, language)
    return _render(template.template, language, context)


def render_for_each(
    name: str, *, language: str, context: dict, key: str, objects
) -> list[RenderedMessage]:
    """`render_message` for each of `objects`, put in the context as `key`; the rest of the
    context is shared. Same result, in about the time of one rendering.

    The template is rendered once with placeholders for the values it prints of the object
    (`{{ key.attribute }}`, `{{ key|fr_de }}`: an attribute, filters without argument), and each
    object's values are filled in: as they are in the text, escaped in the HTML. That is exact
    when the template only prints those values (checked on its source; a template that tests
    them or names the object in a tag is rendered for each object) and when a value changes
    nothing around it: it is not empty, holds no line break and no leading or trailing space
    (which would move the subject, the paragraphs or the stripping), and the words it stands in
    are not made into links in the HTML. An object whose values do not qualify is rendered on
    its own. The first object filled in is also rendered on its own, as a check of the whole:
    should the two differ, every object is rendered on its own.

    What pays for it: `bench/invitations.py --sizes 1000 --warm-up 50` on the 2-core CI machine,
    2026-12-04: the organiser's "Send invitations" queued 1,000 invitations in 1.66 s with it and
    5.78 s rendering each letter (4.86 s against 11.21 s in a busier pair of runs)."""
    objects = list(objects)
    template, language = _template(name, language)

    def each(obj):
        return _render(template.template, language, {**context, key: obj})

    source = template.template.source
    expressions = _printed_expressions(source, key)
    if len(objects) < 2 or expressions is None:
        return [each(obj) for obj in objects]
    engine = template.template.engine
    # The template with each printed expression replaced by its placeholder.
    skeleton_template = engine.from_string(
        _printed_block(key).sub(lambda block: f"\x00{expressions.index(block[1])}\x00", source)
    )
    skeleton = _render(skeleton_template, language, context)
    chunks = _CHUNK.findall(f"{skeleton.subject}\n{skeleton.text}")
    if not all(_unlinked(chunk) for chunk in chunks):
        return [each(obj) for obj in objects]
    # The values as the template prints them (localised, in the message's language).
    printed = engine.from_string(
        "".join(_LOAD_TAGS.findall(source))
        + "\x00".join(f"{{{{ {expression} }}}}" for expression in expressions)
    )
    results, checked = [], False
    with _overrides(language, context):
        for obj in objects:
            values = printed.render(Context({key: obj}, autoescape=False)).split("\x00")
            values = values if expressions else []
            filled = _fill(skeleton, chunks, values) if len(values) == len(expressions) else None
            if filled is not None and not checked:
                checked = True
                if filled != each(obj):
                    return [each(obj) for obj in objects]
            results.append(filled or each(obj))
    return results


def _template(name, language):
    language = message_language(language)
    try:
        return get_template(template_name(name, language)), language
    except TemplateDoesNotExist:
        return get_template(template_name(name, "en")), "en"


@contextlib.contextmanager
def _overrides(language, context):
    # Dates and times are shown in the conference's timezone, in the message's language.
    conference = context.get("conference")
    with (
        translation.override(language),
        timezone.override(conference.tzinfo if conference else None),
    ):
        yield


def _in_language(conference, language):
    """The conference as the message names it: a copy whose name, theme, city and venue are in
    `language` (or the conference's fallback order). The templates say `{{ conference.name }}`;
    this is the one place that makes it the recipient's, and the rows are left untouched."""
    shown = copy.copy(conference)
    shown.name = conference.localized_name(language)
    shown.theme = conference.localized_theme(language)
    shown.city = conference.localized_city(language)
    shown.venue = copy.copy(conference.venue)
    shown.venue.name = conference.venue.localized_name(language, conference.languages)
    return shown


def _render(template, language, context):
    with _overrides(language, context):
        if context.get("conference") is not None:
            # "Hanoi time, UTC+7" in the message's language: the label every page shows.
            context = {
                **context,
                "time_label": context.get("time_label") or time_label(context["conference"]),
                "conference": _in_language(context["conference"], language),
            }
        # Plain text: no HTML escaping (the HTML alternative escapes in its own layout).
        rendered = template.render(Context(context, autoescape=False)).strip()
        subject, _, body = rendered.partition("\n")
        body = body.strip()
        html = render_to_string(
            "emails/layout.html",
            {"subject": subject, "paragraphs": _paragraphs(body), "language": language},
        )
    return RenderedMessage(language=language, subject=subject.strip(), text=body, html=html)


def _printed_block(key):
    """`{{ key.attribute }}` or `{{ key|filter }}` (an attribute, filters without argument)."""
    return re.compile(rf"\{{\{{\s*({key}(?:\.\w+)?(?:\|\w+)*)\s*\}}\}}")


def _printed_expressions(source, key):
    """What the template prints of `key` ("delegation.display_name", "delegation|fr_de"), or
    None if it uses `key` otherwise."""
    printed, named = _printed_block(key), re.compile(rf"\b{key}\b")
    blocks = tag_re.findall(source)
    if _PLAIN_TAGS.search(source) or any(
        named.search(block) and not printed.fullmatch(block) for block in blocks
    ):
        return None
    return sorted({match[1] for block in blocks if (match := printed.fullmatch(block))})


def _unlinked(text):
    # urlize works word by word (words end at white space), so a stretch between two spaces
    # that it leaves as plain escaped text is left so inside any paragraph.
    return urlize(text, nofollow=True, autoescape=True) == escape(text)


def _fill(skeleton, chunks, values):
    if not all(v and v == v.strip() and not re.search("[\r\n\x00]", v) for v in values):
        return None
    if not all(_unlinked(_PLACEHOLDER.sub(lambda m: values[int(m[1])], c)) for c in chunks):
        return None
    escaped = [escape(value) for value in values]
    html = _PLACEHOLDER.sub(lambda m: escaped[int(m[1])], skeleton.html)
    if "\x00" in html:  # the layout changed a placeholder: it does more than escape the text
        return None
    return RenderedMessage(
        language=skeleton.language,
        subject=_PLACEHOLDER.sub(lambda m: values[int(m[1])], skeleton.subject),
        text=_PLACEHOLDER.sub(lambda m: values[int(m[1])], skeleton.text),
        html=html,
    )
