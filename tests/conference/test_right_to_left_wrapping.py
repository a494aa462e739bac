"""An Arabic text too long for its column wraps in reading order: its first words on the first
line, at the top, as an Arabic reader begins; before, the line breaks ran over the text as
drawn, and the first word of "مكتب الأمم المتحدة ..." printed alone on the last line."""

import arabic_reshaper
import pytest
from django.utils import translation

from conference.listing import listing_pdf
from tests.factories import ConferenceFactory
from tests.pdfs import text_lines

UNODC = "مكتب الأمم المتحدة المعني بالمخدرات والجريمة"


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_wrapped_arabic_name_begins_on_its_first_line(language):
    with translation.override(language):
        pdf = listing_pdf(
            title="Conference",
            lines=[],
            header=["No.", "Delegation", "Speaker"],
            rows=[["1", UNODC, ["Ghada WALY", "Executive Director"]]],
            widths=[0.05, 0.1, 0.85],
            conference=ConferenceFactory.build(),
            empty="",
        )

    # pypdf gives an Arabic run back in reading order (the shaped letters, not reversed).
    words = [arabic_reshaper.reshape(word) for word in UNODC.split()]
    lines = [line for line in text_lines(pdf) if any(word in line for word in words)]
    assert len(lines) > 1  # the column is narrow: the name wraps
    assert lines[0].startswith(words[0])
    assert lines[-1].endswith(words[-1])
    # Every word once, in reading order across the lines.
    assert " ".join(lines).split() == words
