"""A person's entry in the printed list of participants that is written in Arabic and wraps
breaks in reading order: the name first, on the first line, and the function's last words on
the last; before, the lines were broken over the text as drawn, and the entry began with the end
of the function."""

import arabic_reshaper
import pytest

from delegations.documents.participants import participant_list_pdf
from delegations.services import correct_list_entry, issue_participant_list
from tests.factories import ConferenceFactory, DelegateFactory, DelegationFactory
from tests.pdfs import text_lines

pytestmark = pytest.mark.django_db

NAME = "بدر عبد العاطي"
FUNCTION = (
    "وزير الخارجية والهجرة وشؤون المصريين في الخارج ورئيس وفد جمهورية مصر العربية إلى حفل "
    "التوقيع والمؤتمر الرفيع المستوى بشأن اتفاقية الأمم المتحدة لمكافحة الجريمة السيبرانية"
)


def test_a_wrapped_arabic_entry_begins_with_the_name_on_its_first_line():
    conference = ConferenceFactory(host_country="VN", lot_letter="F")
    egypt = DelegationFactory(conference=conference, country="EG", status="registered")
    head = DelegateFactory(delegation=egypt, role="head", protocol_rank="minister")
    correct_list_entry(head, title="", name=NAME, function=FUNCTION)

    pdf = participant_list_pdf(issue_participant_list(conference))

    # pypdf gives an Arabic run back in reading order (the shaped letters, not reversed).
    words = [arabic_reshaper.reshape(word) for word in f"{NAME}, {FUNCTION}".split()]
    lines = [line for line in text_lines(pdf) if any(word in line for word in words[3:])]
    assert len(lines) > 1  # the page is narrower than the entry: it wraps
    assert lines[0].startswith(words[0])
    assert lines[-1].endswith(words[-1])
    assert " ".join(lines).split() == words
