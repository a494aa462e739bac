"""Printed documents in Arabic read right to left: Arabic shaped with its brackets mirrored, a
right-to-left line aligned right, the columns of a list from right to left, and the page's own
lines (time of printing, page number) shaped too; in Chinese, the CJK face."""

import arabic_reshaper
import pytest
from django.utils import translation

from conference.fonts import is_right_to_left, shape
from conference.listing import listing_pdf
from delegations import services
from delegations.documents.badges import badges_pdf
from tests.delegations.badges.support import accredited
from tests.factories import ConferenceFactory, DelegationFactory
from tests.pdfs import text_runs

A4_LANDSCAPE_WIDTH = 842


def _drawn(pdf_bytes):
    return [(text, x) for text, x, _y in text_runs(pdf_bytes)]


def _x_of(runs, wanted):
    return next(x for text, x in runs if text == wanted)


def _listing(language):
    with translation.override(language):
        return listing_pdf(
            title="Conference",
            lines=["مصر والأردن"],
            header=["No.", "Delegation"],
            rows=[["7", "Egypt"]],
            widths=[0.1, 0.9],
            conference=ConferenceFactory.build(),
            empty="",
        )


def test_brackets_in_arabic_are_mirrored_in_visual_order():
    # Drawn left to right, "(جمهورية)" must show "(" at the left of the word, ")" at its right.
    drawn = shape("فنزويلا (جمهورية)")

    assert drawn.startswith("(")
    assert drawn.index(")") > drawn.index("(")
    assert drawn.endswith(arabic_reshaper.reshape("فنزويلا")[::-1])


def test_a_list_printed_in_arabic_has_its_first_column_at_the_right():
    english, arabic = _drawn(_listing("en")), _drawn(_listing("ar"))

    assert _x_of(english, "7") < _x_of(english, "Egypt")
    assert _x_of(arabic, "7") > _x_of(arabic, "Egypt")


def test_a_right_to_left_line_ends_at_the_right_margin():
    runs = _drawn(_listing("ar"))

    assert _x_of(runs, arabic_reshaper.reshape("مصر والأردن")) > A4_LANDSCAPE_WIDTH / 2


def test_the_page_lines_of_an_arabic_list_are_shaped_and_swap_sides():
    runs = _drawn(_listing("ar"))
    texts = [text for text, _x in runs]

    # "الصفحة 1" and "طُبع في ...": shaped letters, never the bare abstract ones.
    assert arabic_reshaper.reshape("الصفحة") in texts
    assert not any("الصفحة" in text or "طبع" in text for text in texts)
    # The page number where a line ends (the left), the time of printing where it begins.
    assert _x_of(runs, arabic_reshaper.reshape("الصفحة")) < A4_LANDSCAPE_WIDTH / 2
    assert next(x for text, x in runs if "UTC" in text) > A4_LANDSCAPE_WIDTH / 2


@pytest.mark.django_db
def test_an_arabic_name_on_a_badge_ends_at_the_right_of_its_column():
    delegation = DelegationFactory(country="EG")
    delegate = accredited(delegation=delegation, family_name="عبد العاطي", given_names="Badr")
    badge = services.issue_badge(delegate)

    runs = _drawn(badges_pdf([badge]))

    arabic = _x_of(runs, arabic_reshaper.reshape("عبد العاطي"))
    latin = _x_of(runs, "Badr")
    assert arabic > latin
    assert is_right_to_left("عبد العاطي")
