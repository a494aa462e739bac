"""Badges for delegates named in Arabic, Chinese and Russian: every name printed in a face that
has its glyphs, Arabic shaped and in visual order."""

import io
import re

import arabic_reshaper
import pytest
from pypdf import PdfReader

from conference.fonts import shape
from delegations import services
from delegations.documents.badges import badges_pdf
from tests.delegations.badges.support import _text, accredited
from tests.factories import DelegationFactory

pytestmark = pytest.mark.django_db


def _font_names(pdf_bytes):
    (page,) = PdfReader(io.BytesIO(pdf_bytes)).pages
    fonts = page["/Resources"]["/Font"]
    # reportlab names each subset of a face "<face>-<n>".
    return {
        re.sub(r"-\d+$", "", str(font.get_object()["/BaseFont"]).split("+")[-1])
        for font in fonts.values()
    }


def _badge(conference, country, **names):
    delegation = DelegationFactory(conference=conference, country=country)
    return services.issue_badge(accredited(delegation=delegation, **names))


def test_badge_prints_an_arabic_name_shaped_in_the_arabic_face(conference):
    badge = _badge(conference, "EG", family_name="عبد العاطي", given_names="بدر")

    pdf = badges_pdf([badge])

    # pypdf reads the glyphs back in reading order: the shaped letters, not yet reordered.
    text = _text(pdf)
    assert arabic_reshaper.reshape("عبد العاطي") in text
    assert arabic_reshaper.reshape("بدر") in text
    assert {"NotoNaskhArabic-Bold", "NotoNaskhArabic-Regular"} <= _font_names(pdf)


def test_badge_prints_a_chinese_name_in_the_cjk_face(conference):
    badge = _badge(conference, "CN", family_name="王", given_names="毅")

    pdf = badges_pdf([badge])

    text = _text(pdf)
    assert "王" in text
    assert "毅" in text
    assert "WenQuanYiMicroHei" in _font_names(pdf)


def test_badge_prints_a_russian_name(conference):
    badge = _badge(conference, "RU", family_name="Лавров", given_names="Сергей Викторович")

    text = _text(badges_pdf([badge]))

    assert "ЛАВРОВ" in text
    assert "Сергей Викторович" in text


def test_arabic_is_shaped_into_joined_forms_in_visual_order():
    # بدر: beh initial (FE91), dal final (FEAA), reh isolated (FEAD), drawn right to left.
    assert shape("بدر") == "\ufead\ufeaa\ufe91"
