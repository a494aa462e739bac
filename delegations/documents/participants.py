"""The list of participants as printed: headings in the six official languages of the United
Nations, then delegation by delegation, each person's title, name and function.

The headings are the site's translations (gettext) in each language, so they follow the
catalogues; a language without a catalogue prints the English heading. The names are printed as
the delegations gave them.
"""

from io import BytesIO

from django.utils import formats, translation
from django.utils.translation import gettext_lazy as _
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer

from conference.fonts import ReadingOrderParagraph, aligned, markup, register_fonts
from delegations.enums import DelegationKind, ParticipantListKind

# The six official languages, in the order the headings print.
UN_LANGUAGES = ("ar", "zh-hans", "en", "es", "fr", "ru")
TITLE = _("List of participants")
PROVISIONAL = _("Provisional list no. %(number)d")
FINAL = _("Final list")
MARGIN = 18 * mm


def in_six_languages(text, **values) -> list[str]:
    """`text` (a lazy translation) in each of the six languages, formatted with `values`."""
    lines = []
    for language in UN_LANGUAGES:
        with translation.override(language):
            line = str(text)
            lines.append(line % values if values else line)
    return lines


def participant_list_pdf(participant_list) -> bytes:
    """The issued version `participant_list` (its frozen content) as an A4 PDF."""
    regular, bold = register_fonts()
    styles = {
        "title": ParagraphStyle("title", fontName=bold, fontSize=13, leading=17, alignment=1),
        "edition": ParagraphStyle(
            "edition", fontName=regular, fontSize=10, leading=13, alignment=1
        ),
        "section": ParagraphStyle("section", fontName=bold, fontSize=10, leading=13),
        "delegation": ParagraphStyle("delegation", fontName=bold, fontSize=10, leading=13),
        "entry": ParagraphStyle("entry", fontName=regular, fontSize=9, leading=11, leftIndent=8),
    }
    conference = participant_list.conference
    buffer = BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=f"{TITLE} - {conference.name}",
    )
    if participant_list.kind == ParticipantListKind.FINAL:
        edition = in_six_languages(FINAL)
    else:
        edition = in_six_languages(PROVISIONAL, number=participant_list.number)
    issued = formats.date_format(
        participant_list.issued_at.astimezone(conference.tzinfo), "Y-m-d H:i"
    )
    story = [Paragraph(_escape(line), styles["title"]) for line in in_six_languages(TITLE)]
    story.append(Spacer(1, 2 * mm))
    story += [Paragraph(_escape(line), styles["edition"]) for line in edition]
    story.append(Paragraph(_escape(f"{conference.name} ({issued})"), styles["edition"]))
    for section in participant_list.content:
        story.append(Spacer(1, 6 * mm))
        heading = " / ".join(in_six_languages(DelegationKind(section["kind"]).label))
        story.append(Paragraph(_escape(heading), styles["section"]))
        for member in section["delegations"]:
            # The list is in six languages at once: a name aligns by its own direction only, and
            # one in Arabic wraps in reading order, its first words on the first line.
            name = member["delegation"]
            block = [Spacer(1, 3 * mm), _in_reading_order(name, styles["delegation"])]
            block += [
                _in_reading_order(_entry(entry), styles["entry"], direction_of=entry["name"])
                for entry in member["entries"]
            ]
            story.append(KeepTogether(block))
    document.build(story)
    return buffer.getvalue()


def _in_reading_order(text, style, *, direction_of=None):
    direction_of = text if direction_of is None else direction_of
    return ReadingOrderParagraph([text], aligned(style, direction_of, right_to_left=False))


def _entry(entry):
    """A person's title, name and function as one plain text."""
    name = " ".join(part for part in (entry["title"], entry["name"]) if part)
    return f"{name}, {entry['function']}" if entry["function"] else name


def _escape(text):
    # Paragraph reads a little markup: a name with "&" or "<" must print as written; a name in
    # Arabic or Chinese prints shaped, in its script's face.
    return markup(text)
