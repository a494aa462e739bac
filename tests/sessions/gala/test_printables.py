"""The gala dinner: printables."""

import arabic_reshaper
import pytest
from django.utils import translation

from conference.fonts import register_fonts
from sessions.documents.gala import place_cards_pdf, seating_plan_pdf
from tests.sessions.gala.support import VIETNAMESE_NAME, pdf_text

pytestmark = pytest.mark.django_db


def test_the_font_has_the_glyphs_of_vietnamese_names():
    from reportlab.pdfbase import pdfmetrics

    regular, bold = register_fonts()

    for name in (regular, bold):
        glyphs = pdfmetrics.getFont(name).face.charToGlyph
        assert [c for c in VIETNAMESE_NAME + "ƯƠĐđ" if ord(c) not in glyphs] == []


def test_the_seating_plan_pdf_has_a_section_per_table_with_every_name(seated_gala):
    text, _pages = pdf_text(seating_plan_pdf(seated_gala))

    assert VIETNAMESE_NAME in text
    assert "Élodie Lefèvre" in text
    assert "Jean Dupont" in text
    assert "Table 1, top table" in text
    assert "Table 2" in text
    assert "Vegetarian" in text


def test_place_cards_come_two_to_a_page_with_name_and_delegation(seated_gala):
    text, pages = pdf_text(place_cards_pdf(seated_gala))

    assert pages == 2
    for name in (VIETNAMESE_NAME, "Élodie Lefèvre", "Jean Dupont", "Viet Nam", "France"):
        assert name in text


def test_the_seating_plan_in_arabic_and_chinese_has_the_translated_title_and_headings(
    seated_gala,
):
    seated_gala.translations = {
        "ar": {"title": "مأدبة رسمية على شرف رؤساء الوفود"},
        "zh-hans": {"title": "欢迎代表团团长国宴"},
    }
    seated_gala.save()

    with translation.override("ar"):
        arabic, _pages = pdf_text(seating_plan_pdf(seated_gala))
    with translation.override("zh-hans"):
        chinese, _pages = pdf_text(seating_plan_pdf(seated_gala))

    # pypdf reads Arabic back shaped, in reading order.
    assert arabic_reshaper.reshape("مأدبة رسمية على شرف رؤساء الوفود") in arabic
    assert arabic_reshaper.reshape("مائدة الشرف") in arabic
    assert arabic_reshaper.reshape("الاحتياجات الغذائية") in arabic
    assert "欢迎代表团团长国宴" in chinese
    assert "第 1 桌\N{FULLWIDTH COMMA}主桌" in chinese
    # The day and the room joined by the language's comma, not an English one.
    room = seated_gala.room.name
    assert f"19:30\N{FULLWIDTH COMMA}{room}" in chinese.replace("\n", "")
    assert VIETNAMESE_NAME in arabic
    assert VIETNAMESE_NAME in chinese


def test_the_seating_plans_time_and_room_are_joined_by_the_languages_comma(seated_gala):
    room = seated_gala.room.name

    with translation.override("zh-hans"):
        chinese, _pages = pdf_text(seating_plan_pdf(seated_gala))
    with translation.override("en"):
        english, _pages = pdf_text(seating_plan_pdf(seated_gala))

    assert f"\N{FULLWIDTH COMMA}{room}" in chinese
    assert f", {room}" not in chinese
    assert f", {room}" in english
