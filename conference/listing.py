"""One numbered list on A4 pages, for the chair's and the protocol's desks: a title, a few lines
under it, a table whose header repeats on every page, and on every page the time of printing,
because a printed list is out of date as soon as the list changes."""

from io import BytesIO

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import LongTable, SimpleDocTemplate, Spacer, TableStyle

from conference.fonts import (
    ReadingOrderParagraph,
    aligned,
    for_text,
    in_reading_order,
    prints_right_to_left,
    register_fonts,
)
from conference.local_time import time_label

MARGIN = 15 * mm


def listing_pdf(*, title, lines, header, rows, widths, conference, empty) -> bytes:
    """`rows` are lists of strings (a cell may be a list of strings: one line each, the first
    in bold); `widths` are fractions of the page's width. The printing time is `conference`'s,
    labelled as the pages label it ("Hanoi time, UTC+7")."""
    regular, bold = register_fonts()
    styles = {
        "title": ParagraphStyle("title", fontName=bold, fontSize=15, leading=19),
        "line": ParagraphStyle("line", fontName=regular, fontSize=10, leading=13),
        "head": ParagraphStyle("head", fontName=bold, fontSize=9, leading=11),
        "cell": ParagraphStyle("cell", fontName=regular, fontSize=9, leading=11),
    }
    printed = _("Printed on %(when)s (%(zone)s)") % {
        "when": formats.date_format(
            timezone.localtime(timezone.now(), conference.tzinfo), "DATETIME_FORMAT"
        ),
        "zone": time_label(conference),
    }
    buffer = BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=landscape(A4),
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + 6 * mm,
        bottomMargin=MARGIN,
        title=title,
    )

    def page_header(canvas, doc):
        canvas.saveState()
        top, left, right = doc.pagesize[1] - MARGIN, MARGIN, doc.pagesize[0] - MARGIN
        page = _("Page %(number)d") % {"number": doc.page}
        # The time of printing where a line begins: at the right in a right-to-left language.
        printed_at, page_at = (right, left) if prints_right_to_left() else (left, right)
        for text, x in ((printed, printed_at), (page, page_at)):
            drawn, face = for_text(text, regular)
            canvas.setFont(face, 8)
            draw = canvas.drawString if x == left else canvas.drawRightString
            draw(x, top, drawn)
        canvas.restoreState()

    story = [_paragraph(title, styles["title"])]
    story += [_paragraph(line, styles["line"]) for line in lines]
    story.append(Spacer(1, 5 * mm))
    if rows:
        data = [in_reading_order([_cell(text, styles, "head") for text in header])]
        data += [in_reading_order([_cell(value, styles) for value in row]) for row in rows]
        table = LongTable(
            data,
            colWidths=in_reading_order([document.width * w for w in widths]),
            repeatRows=1,
        )
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
                    ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.lightgrey),
                ]
            )
        )
        story.append(table)
    else:
        story.append(_paragraph(empty, styles["line"]))
    document.build(story, onFirstPage=page_header, onLaterPages=page_header)
    return buffer.getvalue()


def _cell(value, styles, style="cell"):
    if isinstance(value, list | tuple):
        parts = [str(part) for part in value if part]
        if not parts:
            return ""
        return ReadingOrderParagraph(parts, aligned(styles[style], parts[0]), bold_first=True)
    return _paragraph(value, styles[style])


def _paragraph(text, style):
    # Right-aligned when the text or the document reads right to left; a name in Arabic or
    # Chinese prints shaped, in its script's face, "&" and "<" as written (fonts.py).
    text = str(text)
    return ReadingOrderParagraph([text], aligned(style, text))
