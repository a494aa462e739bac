"""Badges as PDF: one card per page for ID-1 card printers (85.6 x 54 mm), A6, or eight ID-1
cards on an A4 sheet to cut.

A badge shows what a guard at a door needs and nothing more: the photo (none for the ranks that
carry a photo-less pass), the name as in the passport, function, delegation and flag, the
category's colour, the zones, the number, and a QR code that holds only the signed badge id, so
that a lost badge gives nothing away about its holder. A journalist's badge is the same card,
yellow, headed "Press", with their role and outlet where a delegate's has function and
delegation. A badge printed in a right-to-left language is laid out as the mirror image of the
others (`layout`).
"""

import contextlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from io import BytesIO

from django.db.models import QuerySet
from django.utils import translation
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError
from reportlab import rl_config
from reportlab.lib.pagesizes import A4, A6, landscape
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from conference.fonts import register_fonts
from conference.models import AccessZone
from delegations.documents.badges import content, layout
from delegations.documents.badges.content import badge_qr
from delegations.documents.badges.layout import (
    CARD_HEIGHT,
    CARD_WIDTH,
    PHOTO_HEIGHT,
    PHOTO_WIDTH,
)

__all__ = [
    "A4_SHEET",
    "A6_PAGE",
    "CARD_HEIGHT",
    "CARD_WIDTH",
    "ID1",
    "LAYOUTS",
    "badge_qr",
    "badges_pdf",
]

ID1 = "id1"
A6_PAGE = "a6"
A4_SHEET = "a4-sheet"
LAYOUTS = (ID1, A6_PAGE, A4_SHEET)

SHEET_COLUMNS, SHEET_ROWS = 2, 4
# 300 dpi at the printed size: enough for a card printer, and a 500-badge file stays small.
PHOTO_THREADS = 4
PHOTO_PIXELS = (round(PHOTO_WIDTH / 72 * 300), round(PHOTO_HEIGHT / 72 * 300))


@dataclass
class _Sources:
    """What the badges draw from, fetched once for the whole document."""

    regular: str
    bold: str
    zones: dict  # (venue id, zone code) -> the zone, named in the badge's language when drawn
    photos: dict  # badge id -> the holder's photo at its printed size, or None


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


def _draw_all(buffer, badges, page_layout, sources):
    page_size = {ID1: (CARD_WIDTH, CARD_HEIGHT), A6_PAGE: landscape(A6), A4_SHEET: A4}
    page_size = page_size[page_layout]
    pdf = canvas.Canvas(buffer, pagesize=page_size, pageCompression=1)
    pdf.setTitle(_("Badges"))
    per_page = SHEET_COLUMNS * SHEET_ROWS if page_layout == A4_SHEET else 1
    for index, badge in enumerate(badges):
        if index and index % per_page == 0:
            pdf.showPage()
        pdf.saveState()
        if page_layout == A4_SHEET:
            width, height = _place_on_sheet(pdf, index % per_page)
        else:
            # The ID-1 design scaled to fill the page; the spare height goes to the middle.
            scale = min(page_size[0] / CARD_WIDTH, page_size[1] / CARD_HEIGHT)
            pdf.scale(scale, scale)
            width, height = page_size[0] / scale, page_size[1] / scale
        with translation.override(badge.conference.working_language):
            layout.draw_badge(pdf, badge, width, height, sources)
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


def _photos(badges):
    # Decoding and scaling the photos is most of the work; Pillow and file reads release the
    # GIL, so a few threads share it across the cores (and hide a remote storage's latency).
    # What pays for PHOTO_THREADS: 200 badges in 2.52 s on 4 threads, 3.48 s on one (1.38x;
    # `bench/badges.py --count 200 --runs 3 --photo-threads`, medians, 2026-12-04, 2 cores).
    shown = [badge for badge in badges if content.face(badge).photo_required]
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


def _zones(badges):
    venues = {badge.conference.venue_id for badge in badges}
    zones = AccessZone.objects.filter(venue__in=venues)
    return {(zone.venue_id, zone.code): zone for zone in zones}
