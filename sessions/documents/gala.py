"""The gala dinner's printables: the seating plan (one section per table) and the place cards.

Both are made from the seating plan as it stands; names and States are printed in a TrueType
face that covers every script of the delegations (see fonts.py).
"""

from io import BytesIO

from django.utils import formats, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas
from reportlab.platypus import KeepTogether, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.tables import LongTable

from conference.fonts import (
    ReadingOrderParagraph,
    aligned,
    for_text,
    in_reading_order,
    prints_right_to_left,
    register_fonts,
)
from sessions.selectors import dietary_summary, seating_plan

PAGE_WIDTH, PAGE_HEIGHT = A4
CARD_HEIGHT = PAGE_HEIGHT / 2  # two cards per page
PANEL_HEIGHT = CARD_HEIGHT / 2  # folded in the middle into a tent
MARGIN = 15 * mm


def seating_plan_pdf(session) -> bytes:
    """The table plan for the protocol officers and the caterer, one section per table."""
    regular, bold = register_fonts()
    styles = _styles(regular, bold)
    buffer = BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=_("Seating plan: %(title)s") % {"title": _title(session)},
    )
    story = [
        _paragraph(_title(session), styles["title"]),
        _paragraph(_when_and_where(session), styles["small"]),
        Spacer(1, 6 * mm),
    ]
    tables = seating_plan(session)
    if not tables:
        story.append(_paragraph(_("No tables yet."), styles["body"]))
    for table in tables:
        story.append(KeepTogether(_table_section(table, styles)))
    story.extend(_dietary_section(session, styles))
    document.build(story)
    return buffer.getvalue()


def place_cards_pdf(session) -> bytes:
    """Folded tent cards, two per A4 page, in the order of the plan: each card shows the
    guest's name and delegation on both faces, the upper one upside down so that it reads
    from the other side once folded along the dotted line."""
    regular, bold = register_fonts()
    buffer = BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setTitle(_("Place cards: %(title)s") % {"title": _title(session)})
    cards = [(table, seat) for table in seating_plan(session) for seat in table.seated]
    for index, (table, seat) in enumerate(cards):
        if index and index % 2 == 0:
            pdf.showPage()
        bottom = CARD_HEIGHT if index % 2 == 0 else 0
        _card(pdf, bottom, table, seat, regular, bold)
    if not cards:
        nobody, face = for_text(_("Nobody is seated yet."), regular)
        pdf.setFont(face, 12)
        pdf.drawString(MARGIN, PAGE_HEIGHT - MARGIN, nobody)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _card(pdf, bottom, table, seat, regular, bold):
    delegate = seat.delegate
    name = delegate.full_name
    delegation = str(delegate.delegation.display_name)
    where = _("Table %(table)d, seat %(seat)d") % {"table": table.number, "seat": seat.seat_number}
    pdf.saveState()
    # The cut between the two cards, and the fold in the middle of each.
    pdf.setStrokeColor(colors.grey)
    pdf.setLineWidth(0.3)
    pdf.line(0, bottom, PAGE_WIDTH, bottom)
    pdf.setDash(2, 3)
    pdf.line(0, bottom + PANEL_HEIGHT, PAGE_WIDTH, bottom + PANEL_HEIGHT)
    pdf.restoreState()
    # The front face, upright, then the back face turned half round about the card's centre.
    _face(pdf, bottom, name, delegation, where, regular, bold)
    pdf.saveState()
    pdf.translate(PAGE_WIDTH, 2 * bottom + CARD_HEIGHT)
    pdf.rotate(180)
    _face(pdf, bottom, name, delegation, where, regular, bold)
    pdf.restoreState()


def _face(pdf, bottom, name, delegation, where, regular, bold):
    width = PAGE_WIDTH - 2 * MARGIN
    # The name and delegation in their script's face, Arabic shaped and in visual order.
    name, name_face = for_text(name, bold)
    delegation, delegation_face = for_text(delegation, regular)
    size = _fitting_size(name, name_face, width, largest=40, smallest=14)
    pdf.setFillColor(colors.black)
    pdf.setFont(name_face, size)
    pdf.drawCentredString(PAGE_WIDTH / 2, bottom + PANEL_HEIGHT * 0.5, name)
    small = _fitting_size(delegation, delegation_face, width, largest=20, smallest=9)
    pdf.setFont(delegation_face, small)
    pdf.drawCentredString(PAGE_WIDTH / 2, bottom + PANEL_HEIGHT * 0.5 - small * 1.8, delegation)
    where, where_face = for_text(where, regular)
    pdf.setFont(where_face, 7)
    pdf.setFillColor(colors.grey)
    pdf.drawRightString(PAGE_WIDTH - MARGIN, bottom + 4 * mm, where)


def _fitting_size(text, font, width, *, largest, smallest):
    size = largest
    while size > smallest and stringWidth(text, font, size) > width:
        size -= 1
    return size


def _table_section(table, styles):
    heading = str(table)
    if table.is_top_table:
        heading = _("%(table)s, top table") % {"table": heading}
    guests = len(table.seated)
    counts = ngettext(
        "%(guests)d guest, %(seats)d seats", "%(guests)d guests, %(seats)d seats", guests
    ) % {"guests": guests, "seats": table.seats}
    header = [_("Seat"), _("Name"), _("Delegation"), _("Dietary needs")]
    rows = [in_reading_order([_paragraph(text, styles["head"]) for text in header])]
    for seat in table.seated:
        cells = [
            str(seat.seat_number),
            seat.delegate.full_name,
            str(seat.delegate.delegation.display_name),
            seat.dietary_needs or "",
        ]
        rows.append(in_reading_order([_paragraph(text, styles["cell"]) for text in cells]))
    widths = in_reading_order([14 * mm, 62 * mm, 52 * mm, 52 * mm])
    grid = LongTable(rows, colWidths=widths, repeatRows=1)
    grid.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
                ("LINEBELOW", (0, 1), (-1, -1), 0.2, colors.lightgrey),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return [
        _paragraph(heading, styles["heading"]),
        _paragraph(counts, styles["small"]),
        Spacer(1, 2 * mm),
        grid,
        Spacer(1, 6 * mm),
    ]


def _dietary_section(session, styles):
    summary = dietary_summary(session)
    attend = ngettext("%(guests)d guest attends.", "%(guests)d guests attend.", summary.guests)
    lines = [
        _paragraph(_("Dietary needs"), styles["heading"]),
        _paragraph(attend % {"guests": summary.guests}, styles["body"]),
    ]
    if summary.needs:
        rows = [
            in_reading_order([_paragraph(need, styles["cell"]), _paragraph(count, styles["cell"])])
            for need, count in summary.needs
        ]
        grid = Table(
            rows,
            colWidths=in_reading_order([120 * mm, 20 * mm]),
            hAlign="RIGHT" if prints_right_to_left() else "LEFT",
        )
        lines.append(grid)
    return lines


def _title(session):
    # The session's title in the language the plan is printed in (its translations), else as
    # the programme gives it.
    return session.localized(translation.get_language())[0]


def _when_and_where(session):
    conference = session.conference
    starts = session.starts_at.astimezone(conference.tzinfo)
    when = formats.date_format(starts, "DATETIME_FORMAT")
    if not session.room_id:
        return when
    room = session.room.localized_name(translation.get_language(), conference.languages)
    # The language's own comma (full-width in Chinese, Arabic in Arabic), as the portal has it.
    return _("%(when)s, %(room)s") % {"when": when, "room": room}


def _styles(regular, bold):
    return {
        "title": ParagraphStyle("title", fontName=bold, fontSize=18, leading=22),
        "heading": ParagraphStyle("heading", fontName=bold, fontSize=13, leading=16),
        "body": ParagraphStyle("body", fontName=regular, fontSize=10, leading=13),
        "small": ParagraphStyle("small", fontName=regular, fontSize=9, leading=11),
        "cell": ParagraphStyle("cell", fontName=regular, fontSize=9, leading=11),
        "head": ParagraphStyle("head", fontName=bold, fontSize=9, leading=11),
    }


def _paragraph(text, style):
    # Right-aligned when the text or the document reads right to left (fonts.aligned); a name
    # in Arabic or Chinese prints shaped, in its script's face, "&" and "<" as written, and
    # wraps in reading order (fonts.ReadingOrderParagraph).
    text = str(text)
    return ReadingOrderParagraph([text], aligned(style, text))
