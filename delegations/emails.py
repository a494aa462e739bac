"""Building localised messages from templates.

Each message has one text template per language, `emails/<language>/<name>.txt`, whose first line
is the subject. The HTML alternative is the same text in the common layout `emails/layout.html`,
so the two never say different things. Languages without templates fall back to English.
"""

from dataclasses import dataclass

from django.template import Context, TemplateDoesNotExist
from django.template.loader import get_template, render_to_string
from django.utils import timezone, translation

MESSAGE_LANGUAGES = ("en", "fr", "vi")


@dataclass(frozen=True)
class RenderedMessage:
    language: str
    subject: str
    text: str
    html: str


def message_language(language: str) -> str:
    return language if language in MESSAGE_LANGUAGES else "en"


def render_message(name: str, *, language: str, context: dict) -> RenderedMessage:
    """Subject, text and HTML of message `name` in `language` (or English). Times in the context
    are shown in the timezone of `context["conference"]`."""
    language = message_language(language)
    try:
        template = get_template(f"emails/{language}/{name}.txt")
    except TemplateDoesNotExist:
        language = "en"
        template = get_template(f"emails/en/{name}.txt")
    conference = context.get("conference")
    # Dates and times are shown in the conference's timezone, in the message's language.
    with (
        translation.override(language),
        timezone.override(conference.tzinfo if conference else None),
    ):
        # Plain text: no HTML escaping (the HTML alternative escapes in its own layout).
        rendered = template.template.render(Context(context, autoescape=False)).strip()
        subject, _, body = rendered.partition("\n")
        body = body.strip()
        html = render_to_string(
            "emails/layout.html",
            {"subject": subject, "paragraphs": body.split("\n\n"), "language": language},
        )
    return RenderedMessage(language=language, subject=subject.strip(), text=body, html=html)
