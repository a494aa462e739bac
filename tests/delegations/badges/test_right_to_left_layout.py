"""A badge printed in a right-to-left language (Arabic) is the mirror image of the others: the
category and the conference's name end at the right margin, the photo stands at the right and the
QR code at the left, and the zones' label ends at the right margin with the list after it,
leftwards. A left-to-right badge keeps its layout."""

import io

import pytest
from django.utils import translation
from pypdf import PdfReader
from pypdf.generic import ContentStream
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from conference.fonts import BOLD, for_text
from conference.models import AccessZone
from delegations import services
from delegations.documents.badges import CARD_WIDTH, badges_pdf
from delegations.enums import BadgeCategory
from tests.delegations.badges.support import accredited, with_photo
from tests.factories import DelegationFactory

pytestmark = pytest.mark.django_db

MARGIN = 3.5 * mm
PHOTO_WIDTH, QR_SIDE = 20 * mm, 21 * mm
# Where the card's runs stand: the category's baseline, the zones' label's.
TITLE_Y, ZONES_Y = 54 * mm - 5 * mm, 8 * mm


def _badge(conference, language, country="EG"):
    conference.languages = [language, "en"]
    conference.save()
    delegation = DelegationFactory(conference=conference, country=country)
    delegate = with_photo(accredited(delegation=delegation, family_name="عبد العاطي"))
    return services.issue_badge(delegate)


def _page(pdf):
    reader = PdfReader(io.BytesIO(pdf))
    (page,) = reader.pages
    return reader, page


def _run_lefts(pdf, y):
    """The x where each text run whose baseline is `y` begins, from the left."""
    reader, page = _page(pdf)
    return sorted(
        float(operands[4])
        for operands, operator in ContentStream(page.get_contents(), reader).operations
        if operator == b"Tm" and abs(float(operands[5]) - y) < 0.01
    )


def _frames(pdf):
    """The x of the photo's frame and of the QR code's form."""
    reader, page = _page(pdf)
    photo, qr, matrix = [], [], None
    for operands, operator in ContentStream(page.get_contents(), reader).operations:
        if operator == b"re" and float(operands[2]) == pytest.approx(PHOTO_WIDTH):
            photo.append(float(operands[0]))
        if operator == b"cm":
            matrix = operands
        if operator == b"Do" and "badgeqr" in operands[0]:
            qr.append(float(matrix[4]))
    return photo[0], qr[0]


def _width(text, size):
    return stringWidth(*for_text(text, BOLD), size)


def test_an_arabic_badge_is_the_mirror_image_of_an_english_one(conference):
    english = _badge(conference, "en", country="GB")
    english_pdf = badges_pdf([english])
    arabic = _badge(conference, "ar")
    arabic_pdf = badges_pdf([arabic])
    with translation.override("ar"):
        title = str(BadgeCategory(arabic.category).label).upper()
        zones = translation.gettext("Zones")

    # English: everything begins at the left margin, the QR code at the right.
    assert _run_lefts(english_pdf, TITLE_Y) == [pytest.approx(MARGIN)]
    # The zones' label, then the list after it.
    assert _run_lefts(english_pdf, ZONES_Y)[0] == pytest.approx(MARGIN)
    assert _frames(english_pdf) == pytest.approx((MARGIN, CARD_WIDTH - MARGIN - QR_SIDE))
    # Arabic: the category and the zones' label end at the right margin; photo and QR swapped.
    (title_left,) = _run_lefts(arabic_pdf, TITLE_Y)
    assert title_left + _width(title, 9) == pytest.approx(CARD_WIDTH - MARGIN)
    zones_left = _run_lefts(arabic_pdf, ZONES_Y)[-1]
    assert zones_left + _width(zones, 6) == pytest.approx(CARD_WIDTH - MARGIN)
    assert _frames(arabic_pdf) == pytest.approx((CARD_WIDTH - MARGIN - PHOTO_WIDTH, MARGIN))


def test_the_zones_of_an_arabic_badge_run_leftwards_from_the_label(conference):
    # The plenary named in Arabic, the VIP lounge only in English: the first zone still comes
    # first, at the right, and the list ends left of the label.
    AccessZone.objects.filter(venue=conference.venue, code="plenary").update(
        translations={"ar": {"name": "قاعة الجلسات العامة"}}
    )
    badge = _badge(conference, "ar")
    badge.zones = ["vip", "plenary"]
    badge.save()
    pdf = badges_pdf([badge])
    _reader, page = _page(pdf)
    runs = []
    page.extract_text(visitor_text=lambda text, cm, tm, *_: runs.append((text, tm[4], tm[5])))
    (zones_line,) = [(text, x) for text, x, y in runs if "VIP" in text]

    text, left = zones_line
    list_left, label_left = _run_lefts(pdf, ZONES_Y)
    assert list_left == left
    assert left + stringWidth(*for_text(text), 6) < label_left
    # Drawn in visual order: the VIP lounge, first in reading order, is the rightmost.
    assert text.strip("\u200f\n").endswith("VIP lounge")
