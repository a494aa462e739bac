"""Where everything stands on the card, and how it is drawn.

The layout is written for a card read from left to right, every x measured from the left edge.
A card printed in a right-to-left language (Arabic) is its mirror image, as a reader of it
expects: the band's texts and the zones' label begin at the right edge, the photo stands at the
right and the QR code at the left, and the name, the delegation and the zones end at the right of
their columns. `Mirror` is the one place that turns a distance from the left edge into one from
the right edge; a left-to-right card is drawn exactly as before it existed.
"""

from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext as _
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth

from conference.fonts import for_text, is_right_to_left, prints_right_to_left
from delegations.documents.badges import content
from delegations.models import BadgeColour

CARD_WIDTH, CARD_HEIGHT = 85.6 * mm, 54 * mm
MARGIN = 3.5 * mm
BAND_HEIGHT = 10 * mm
PHOTO_WIDTH, PHOTO_HEIGHT = 20 * mm, 25 * mm
QR_SIDE = 21 * mm

COLOURS = {
    BadgeColour.RED: (0.78, 0.06, 0.18),
    BadgeColour.GREEN: (0.0, 0.48, 0.24),
    BadgeColour.YELLOW: (1.0, 0.82, 0.0),
    BadgeColour.BLUE: (0.0, 0.34, 0.72),
}
BLACK, WHITE, GREY = (0, 0, 0), (1, 1, 1), (0.35, 0.35, 0.35)
# RIGHT-TO-LEFT MARK: a line of the zones' list printed right to left is a right-to-left
# paragraph even where its first zone has a Latin name (one the organisers did not translate),
# so that the zones follow one another leftwards from the label. The fonts draw it as nothing.
RIGHT_TO_LEFT_MARK = "\u200f"


@dataclass(frozen=True)
class Mirror:
    """The card's horizontal axis seen from the edge its language is read from."""

    width: float
    right_to_left: bool

    def left(self, start: float, extent: float = 0) -> float:
        """The x of the left side of a box `extent` wide whose side where reading begins stands
        `start` from the edge where reading begins: `start` itself on a left-to-right card."""
        return self.width - start - extent if self.right_to_left else start

    def draw_string(self, pdf, start: float, y: float, text: str):
        """`text` beginning `start` from the edge where reading begins."""
        if self.right_to_left:
            pdf.drawRightString(self.width - start, y, text)
        else:
            pdf.drawString(start, y, text)


def draw_badge(pdf, badge, width, height, sources):
    """The card, `width` by `height`, in the active language (the one it is printed in)."""
    face = content.face(badge)
    mirror = Mirror(width, prints_right_to_left())
    colour = COLOURS[badge.colour]
    ink = BLACK if badge.colour == BadgeColour.YELLOW else WHITE

    # The colour band with the category, and a thin band at the foot, seen from afar.
    pdf.setFillColorRGB(*colour)
    pdf.rect(0, height - BAND_HEIGHT, width, BAND_HEIGHT, stroke=0, fill=1)
    pdf.rect(0, 0, width, 1.5 * mm, stroke=0, fill=1)
    pdf.setFillColorRGB(*ink)
    band_label, font = for_text(face.band_label.upper(), sources.bold)
    pdf.setFont(font, 9)
    mirror.draw_string(pdf, MARGIN, height - 5 * mm, band_label)
    # The conference's name in the language the badge is printed in (its working language).
    conference_name = badge.conference.localized_name(translation.get_language())
    size, lines = _fit(conference_name, sources.regular, 5, 3.5, width - 2 * MARGIN, 1)
    conference_name, font = for_text(lines[0], sources.regular)
    pdf.setFont(font, size)
    mirror.draw_string(pdf, MARGIN, height - 8.5 * mm, conference_name)

    top = height - BAND_HEIGHT - 2.5 * mm
    qr_start = width - MARGIN - QR_SIDE
    qr_left = mirror.left(qr_start, QR_SIDE)
    _draw_qr(pdf, badge, qr_left, top - QR_SIDE)
    pdf.setFillColorRGB(*BLACK)
    pdf.setFont(sources.bold, 8)
    pdf.drawCentredString(qr_left + QR_SIDE / 2, top - QR_SIDE - 3.5 * mm, badge.number)

    start = MARGIN
    if face.photo_required:
        photo_left = mirror.left(MARGIN, PHOTO_WIDTH)
        _draw_photo(pdf, sources.photos.get(badge.pk), photo_left, top - PHOTO_HEIGHT)
        start = MARGIN + PHOTO_WIDTH + 3 * mm
    column = qr_start - 2.5 * mm - start
    left = mirror.left(start, column)

    y = top
    rtl = mirror.right_to_left
    y = _text(pdf, face.family_name.upper(), left, y, column, sources.bold, (10, 6), 2, rtl=rtl)
    y = _text(pdf, face.given_names, left, y, column, sources.regular, (8, 5.5), 2, rtl=rtl)
    if face.function:
        y = _text(
            pdf, face.function, left, y - mm, column, sources.regular, (6.5, 5), 3, GREY, rtl=rtl
        )
    _draw_organisation(pdf, face, left, y - mm, column, sources, rtl=rtl)

    zones = " · ".join(content.zone_name(badge, sources.zones, code) for code in badge.zones)
    label, font = for_text(str(_("Zones")), sources.bold)
    pdf.setFont(font, 6)
    mirror.draw_string(pdf, MARGIN, 8 * mm, label)
    offset = stringWidth(label, font, 6) + 1.5 * mm
    list_width = width - 2 * MARGIN - offset
    _text(
        pdf,
        zones or _("none"),
        mirror.left(MARGIN + offset, list_width),
        8 * mm + 6,
        list_width,
        sources.regular,
        (6, 4.5),
        2,
        rtl=rtl,
        mark=RIGHT_TO_LEFT_MARK if rtl else "",
    )


def _draw_organisation(pdf, face, left, top, width, sources, *, rtl):
    flag = content.flag(face.flag_code) if face.flag_code else None
    size, lines = _fit(face.organisation, sources.bold, 7, 5, width - 6 * mm, 2)
    indent = 0
    # The flag stands where the name begins: at its right when the name reads right to left or
    # the card does (it ends at the right of the column), else at its left.
    right_to_left = rtl or is_right_to_left(face.organisation)
    if flag is not None:
        flag_height = size * 0.85
        flag_width = flag_height * 16 / 11
        baseline = top - size
        flag_left = left + width - flag_width if right_to_left else left
        pdf.drawImage(flag, flag_left, baseline - size * 0.1, flag_width, flag_height)
        pdf.setStrokeGray(0.6)
        pdf.setLineWidth(0.2)
        pdf.rect(flag_left, baseline - size * 0.1, flag_width, flag_height, stroke=1, fill=0)
        indent = flag_width + 1.2 * mm
        if right_to_left:
            _draw_lines(pdf, lines, left, top, width - indent, sources.bold, size, BLACK, rtl=rtl)
            return
    _draw_lines(pdf, lines, left + indent, top, width - indent, sources.bold, size, BLACK, rtl=rtl)


def _text(pdf, text, left, top, width, font, sizes, max_lines, colour=BLACK, *, rtl, mark=""):
    """Draw `text` from `top` down, as large as fits in `max_lines`; returns the new top."""
    size, lines = _fit(text, font, sizes[0], sizes[1], width, max_lines)
    return _draw_lines(pdf, lines, left, top, width, font, size, colour, rtl=rtl, mark=mark)


def _draw_lines(pdf, lines, left, top, width, font, size, colour, *, rtl=False, mark=""):
    """Each line in the face of its script, Arabic shaped and in visual order (`mark` first, a
    direction mark); a line ends at the right of its column when it reads right to left (an
    Arabic name) or the card does (`rtl`)."""
    pdf.setFillColorRGB(*colour)
    for line in lines:
        top -= size * 1.15
        drawn, face = for_text(mark + line, font)
        pdf.setFont(face, size)
        if rtl or is_right_to_left(line):
            pdf.drawRightString(left + width, top + size * 0.15, drawn)
        else:
            pdf.drawString(left, top + size * 0.15, drawn)
    return top


def _width(text, font, size):
    return stringWidth(*for_text(text, font), size)


def _fit(text, font, size, min_size, width, max_lines):
    """The largest size down to `min_size` at which `text` fits in `max_lines` lines; at the
    smallest size, what still does not fit is cut with an ellipsis."""
    while True:
        lines = simpleSplit(text, font, size, width) or [""]
        fits = len(lines) <= max_lines and all(_width(line, font, size) <= width for line in lines)
        if fits or size <= min_size:
            break
        size -= 0.5
    if not fits:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and _width(last + "…", font, size) > width:
            last = last[:-1]
        lines[-1] = last.rstrip() + "…"
    return size, lines


def _draw_qr(pdf, badge, left, bottom):
    # A form in module units: the page holds exact rectangles of the code, which keeps the file
    # small, prints sharp at any size, and lets a test read the code back from the PDF. The
    # operators are written as they are: reportlab's path objects format every number through
    # a slow general routine, a tenth of the time of 500 badges.
    name = f"badgeqr{badge.pk}"
    matrix = content.badge_qr(badge).matrix
    modules = len(matrix)
    rectangles = [
        f"{start} {modules - 1 - row_index} {length} 1 re"
        for row_index, row in enumerate(matrix)
        for start, length in _dark_runs(row)
    ]
    pdf.beginForm(name, 0, 0, modules, modules)
    pdf.setFillColorRGB(*BLACK)
    pdf.addLiteral("\n".join([*rectangles, "f"]))
    pdf.endForm()
    pdf.saveState()
    pdf.translate(left, bottom)
    pdf.scale(QR_SIDE / modules, QR_SIDE / modules)
    pdf.doForm(name)
    pdf.restoreState()


def _dark_runs(row):
    start = None
    for index, dark in enumerate([*row, 0]):
        if dark and start is None:
            start = index
        elif not dark and start is not None:
            yield start, index - start
            start = None


def _draw_photo(pdf, photo, left, bottom):
    pdf.setFillGray(0.92)
    pdf.rect(left, bottom, PHOTO_WIDTH, PHOTO_HEIGHT, stroke=0, fill=1)
    if photo is not None:
        pdf.drawImage(
            photo, left, bottom, PHOTO_WIDTH, PHOTO_HEIGHT, preserveAspectRatio=True, anchor="c"
        )
