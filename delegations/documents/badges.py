"""Badges as PDF: one card per page for ID-1 card printers (85.6 x 54 mm), A6, or eight ID-1
cards on an A4 sheet to cut.

A badge shows what a guard at a door needs and nothing more: the photo (none for the ranks that
carry a photo-less pass), the name as in the passport, function, delegation and flag, the
category's colour, the zones, the number, and a QR code that holds only the signed badge id, so
that a lost badge gives nothing away about its holder. A journalist's badge is the same card,
yellow, headed "Press", with their role and outlet where a delegate's has function and
delegation.
"""

import contextlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from io import BytesIO

import segno
from django.contrib.staticfiles import finders
from django.db.models import QuerySet
from django.utils import translation
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError
from reportlab import rl_config
from reportlab.lib.pagesizes import A4, A6, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from conference.fonts import for_text, is_right_to_left, register_fonts
from conference.models import AccessZone
from delegations.enums import BadgeCategory, DelegationKind, MediaRole
from delegations.models import BadgeColour
from delegations.qr import badge_payload

ID1 = "id1"
A6_PAGE = "a6"
A4_SHEET = "a4-sheet"
LAYOUTS = (ID1, A6_PAGE, A4_SHEET)

CARD_WIDTH, CARD_HEIGHT = 85.6 * mm, 54 * mm
SHEET_COLUMNS, SHEET_ROWS = 2, 4
MARGIN = 3.5 * mm
BAND_HEIGHT = 10 * mm
PHOTO_WIDTH, PHOTO_HEIGHT = 20 * mm, 25 * mm
QR_SIDE = 21 * mm
# 300 dpi at the printed size: enough for a card printer, and a 500-badge file stays small.
PHOTO_THREADS = 4
PHOTO_PIXELS = (round(PHOTO_WIDTH / 72 * 300), round(PHOTO_HEIGHT / 72 * 300))

COLOURS = {
    BadgeColour.RED: (0.78, 0.06, 0.18),
    BadgeColour.GREEN: (0.0, 0.48, 0.24),
    BadgeColour.YELLOW: (1.0, 0.82, 0.0),
    BadgeColour.BLUE: (0.0, 0.34, 0.72),
}
BLACK, WHITE, GREY = (0, 0, 0), (1, 1, 1), (0.35, 0.35, 0.35)


@dataclass
class _Sources:
    """What the badges draw from, fetched once for the whole document."""

    regular: str
    bold: str
    zones: dict  # (venue id, zone code) -> the zone, named in the badge's language when drawn
    photos: dict  # badge id -> the holder's photo at its printed size, or None


@dataclass(frozen=True)
class _Face:
    """What the card says about its holder, a delegate or a journalist."""

    band_label: str
    family_name: str
    given_names: str
    function: str
    organisation: str
    flag_code: str | None  # a State's flag beside its delegation's name
    photo_required: bool


def _face(badge) -> _Face:
    journalist = badge.journalist
    if journalist is not None:
        return _Face(
            band_label=_("Press"),
            family_name=journalist.family_name,
            given_names=journalist.given_names,
            function=str(MediaRole(journalist.role).label),
            organisation=journalist.outlet.name,
            flag_code=None,
            photo_required=True,  # every journalist gives one with the application
        )
    delegate, delegation = badge.delegate, badge.delegate.delegation
    return _Face(
        band_label=_band_label(badge),
        family_name=delegate.family_name,
        given_names=delegate.given_names,
        function=delegate.function,
        organisation=delegation.display_name,
        flag_code=delegation.country.code if delegation.is_state else None,
        photo_required=delegate.photo_required,
    )


def badges_pdf(badges, *, layout: str = ID1) -> bytes:
    """The badges, in the order given, as one PDF."""
    if layout not in LAYOUTS:
        raise ValueError(f"layout must be one of {LAYOUTS}")
    if isinstance(badges, QuerySet):
        badges = badges.select_related(
            "conference__venue", "delegate__delegation", "journalist__outlet"
        )
    badges = list(badges)
    sources = _Sources(*register_fonts(), _zones(badges), _photos(badges))

    buffer = BytesIO()
    with _binary_streams():
        _draw_all(buffer, badges, layout, sources)
    return buffer.getvalue()


def _draw_all(buffer, badges, layout, sources):
    page_size = {ID1: (CARD_WIDTH, CARD_HEIGHT), A6_PAGE: landscape(A6), A4_SHEET: A4}[layout]
    pdf = canvas.Canvas(buffer, pagesize=page_size, pageCompression=1)
    pdf.setTitle(_("Badges"))
    per_page = SHEET_COLUMNS * SHEET_ROWS if layout == A4_SHEET else 1
    for index, badge in enumerate(badges):
        if index and index % per_page == 0:
            pdf.showPage()
        pdf.saveState()
        if layout == A4_SHEET:
            width, height = _place_on_sheet(pdf, index % per_page)
        else:
            # The ID-1 design scaled to fill the page; the spare height goes to the middle.
            scale = min(page_size[0] / CARD_WIDTH, page_size[1] / CARD_HEIGHT)
            pdf.scale(scale, scale)
            width, height = page_size[0] / scale, page_size[1] / scale
        with translation.override(badge.conference.working_language):
            _draw_badge(pdf, badge, width, height, sources)
        pdf.restoreState()
    pdf.showPage()
    pdf.save()


@contextlib.contextmanager
def _binary_streams():
    # reportlab's ASCII85 encoding runs in pure Python and took a quarter of the time of 500
    # badges; binary streams are also a fifth smaller. The setting is reportlab's global one,
    # hence put back; a PDF made meanwhile elsewhere stays valid either way, since each stream
    # names its own filters.
    previous = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = previous


def badge_qr(badge) -> segno.QRCode:
    """The QR code printed on the badge: the signed badge id (delegations.qr), nothing else."""
    return segno.make(badge_payload(badge), error="m", micro=False)


def _place_on_sheet(pdf, slot):
    page_width, page_height = A4
    left = (page_width - SHEET_COLUMNS * CARD_WIDTH) / 2
    top = (page_height - SHEET_ROWS * CARD_HEIGHT) / 2
    column, row = slot % SHEET_COLUMNS, slot // SHEET_COLUMNS
    pdf.translate(left + column * CARD_WIDTH, page_height - top - (row + 1) * CARD_HEIGHT)
    # The cutting line.
    pdf.setStrokeGray(0.75)
    pdf.setLineWidth(0.25)
    pdf.rect(0, 0, CARD_WIDTH, CARD_HEIGHT, stroke=1, fill=0)
    return CARD_WIDTH, CARD_HEIGHT


def _draw_badge(pdf, badge, width, height, sources):
    face = _face(badge)
    colour = COLOURS[badge.colour]
    ink = BLACK if badge.colour == BadgeColour.YELLOW else WHITE

    # The colour band with the category, and a thin band at the foot, seen from afar.
    pdf.setFillColorRGB(*colour)
    pdf.rect(0, height - BAND_HEIGHT, width, BAND_HEIGHT, stroke=0, fill=1)
    pdf.rect(0, 0, width, 1.5 * mm, stroke=0, fill=1)
    pdf.setFillColorRGB(*ink)
    band_label, font = for_text(face.band_label.upper(), sources.bold)
    pdf.setFont(font, 9)
    pdf.drawString(MARGIN, height - 5 * mm, band_label)
    # The conference's name in the language the badge is printed in (its working language).
    conference_name = badge.conference.localized_name(translation.get_language())
    size, lines = _fit(conference_name, sources.regular, 5, 3.5, width - 2 * MARGIN, 1)
    conference_name, font = for_text(lines[0], sources.regular)
    pdf.setFont(font, size)
    pdf.drawString(MARGIN, height - 8.5 * mm, conference_name)

    top = height - BAND_HEIGHT - 2.5 * mm
    qr_left = width - MARGIN - QR_SIDE
    _draw_qr(pdf, badge, qr_left, top - QR_SIDE)
    pdf.setFillColorRGB(*BLACK)
    pdf.setFont(sources.bold, 8)
    pdf.drawCentredString(qr_left + QR_SIDE / 2, top - QR_SIDE - 3.5 * mm, badge.number)

    left = MARGIN
    if face.photo_required:
        _draw_photo(pdf, sources.photos.get(badge.pk), MARGIN, top - PHOTO_HEIGHT)
        left = MARGIN + PHOTO_WIDTH + 3 * mm
    column = qr_left - 2.5 * mm - left

    y = top
    y = _text(pdf, face.family_name.upper(), left, y, column, sources.bold, (10, 6), 2)
    y = _text(pdf, face.given_names, left, y, column, sources.regular, (8, 5.5), 2)
    if face.function:
        y = _text(pdf, face.function, left, y - mm, column, sources.regular, (6.5, 5), 3, GREY)
    _draw_organisation(pdf, face, left, y - mm, column, sources)

    zones = " · ".join(_zone_name(badge, sources.zones, code) for code in badge.zones)
    label, font = for_text(str(_("Zones")), sources.bold)
    pdf.setFont(font, 6)
    pdf.drawString(MARGIN, 8 * mm, label)
    offset = stringWidth(label, font, 6) + 1.5 * mm
    _text(
        pdf,
        zones or _("none"),
        MARGIN + offset,
        8 * mm + 6,
        width - 2 * MARGIN - offset,
        sources.regular,
        (6, 4.5),
        2,
    )


def _band_label(badge):
    if badge.delegate.delegation.kind == DelegationKind.MEDIA:
        return _("Press")
    return str(BadgeCategory(badge.category).label)


def _draw_organisation(pdf, face, left, top, width, sources):
    flag = _flag(face.flag_code) if face.flag_code else None
    size, lines = _fit(face.organisation, sources.bold, 7, 5, width - 6 * mm, 2)
    indent = 0
    if flag is not None:
        flag_height = size * 0.85
        flag_width = flag_height * 16 / 11
        baseline = top - size
        # The flag stands where the name begins: at its right when the name reads right to
        # left (it ends at the right of the column), else at its left.
        right_to_left = is_right_to_left(face.organisation)
        flag_left = left + width - flag_width if right_to_left else left
        pdf.drawImage(flag, flag_left, baseline - size * 0.1, flag_width, flag_height)
        pdf.setStrokeGray(0.6)
        pdf.setLineWidth(0.2)
        pdf.rect(flag_left, baseline - size * 0.1, flag_width, flag_height, stroke=1, fill=0)
        indent = flag_width + 1.2 * mm
        if right_to_left:
            _draw_lines(pdf, lines, left, top, width - indent, sources.bold, size, BLACK)
            return
    _draw_lines(pdf, lines, left + indent, top, width - indent, sources.bold, size, BLACK)


def _text(pdf, text, left, top, width, font, sizes, max_lines, colour=BLACK):
    """Draw `text` from `top` down, as large as fits in `max_lines`; returns the new top."""
    size, lines = _fit(text, font, sizes[0], sizes[1], width, max_lines)
    return _draw_lines(pdf, lines, left, top, width, font, size, colour)


def _draw_lines(pdf, lines, left, top, width, font, size, colour):
    pdf.setFillColorRGB(*colour)
    for line in lines:
        top -= size * 1.15
        # Each line in the face of its script, Arabic shaped and in visual order; a line that
        # reads right to left (an Arabic name) ends at the right of its column.
        drawn, face = for_text(line, font)
        pdf.setFont(face, size)
        if is_right_to_left(line):
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
    matrix = badge_qr(badge).matrix
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


def _photos(badges):
    # Decoding and scaling the photos is most of the work; Pillow and file reads release the
    # GIL, so a few threads share it across the cores (and hide a remote storage's latency).
    # What pays for PHOTO_THREADS: 200 badges in 2.52 s on 4 threads, 3.48 s on one (1.38x;
    # `bench/badges.py --count 200 --runs 3 --photo-threads`, medians, 2026-12-04, 2 cores).
    shown = [badge for badge in badges if _face(badge).photo_required]
    holders = [badge.holder for badge in shown]
    with ThreadPoolExecutor(max_workers=PHOTO_THREADS) as pool:
        return dict(zip((b.pk for b in shown), pool.map(_photo, holders), strict=True))


def _photo(holder):
    """The photo scaled down to its printed size, as a JPEG reportlab embeds as it is."""
    if not holder.photo:
        return None
    try:
        with holder.photo.open("rb") as handle, Image.open(handle) as image:
            image.draft("RGB", PHOTO_PIXELS)  # a JPEG decodes at a fraction of its size
            image = image.convert("RGB")
            image.thumbnail(PHOTO_PIXELS)
            out = BytesIO()
            image.save(out, format="JPEG", quality=88)
    except (UnidentifiedImageError, OSError):  # a missing file too
        return None  # an empty frame tells the desk to take the photo again
    out.seek(0)
    return ImageReader(out)


def _flag(country_code):
    """The flag that django-countries ships (a small GIF), or None where it has none.

    Not cached: `bench/badges.py --count 3 --runs 3 --without-caches` (4 December 2026) printed
    1.66 s without a cache here against 1.88 s with one (0.88x, within the noise): reading a
    small GIF costs nothing a cache would pay back, so the cache was removed."""
    path = finders.find(f"flags/{country_code.lower()}.gif") if country_code else None
    return ImageReader(path) if path else None


def _zones(badges):
    venues = {badge.conference.venue_id for badge in badges}
    zones = AccessZone.objects.filter(venue__in=venues)
    return {(zone.venue_id, zone.code): zone for zone in zones}


def _zone_name(badge, zones, code):
    # In the language the badge is printed in, as the category band; a code gone shows as is.
    zone = zones.get((badge.conference.venue_id, code))
    language = translation.get_language()
    return zone.localized_name(language, badge.conference.languages) if zone else code
