"""A badge prints in its conference's working language, however the conference's list of
languages spells it: Chinese written "zh" (as the demo and the API write it) is Chinese; in
Arabic, a State's flag stands where its name begins, at the right."""

import io
import re

import arabic_reshaper
import pytest
from django.utils import translation
from pypdf import PdfReader

from delegations import services
from delegations.documents.badges import badges_pdf
from delegations.enums import BadgeCategory
from tests.delegations.badges.support import _text, accredited
from tests.factories import DelegationFactory
from tests.pdfs import text_runs

pytestmark = pytest.mark.django_db


def test_a_conference_working_in_zh_prints_its_badges_in_chinese(conference):
    conference.languages = ["zh", "en"]
    conference.translations = {"zh-hans": {"name": "签署仪式暨高级别会议"}}
    conference.save()
    delegation = DelegationFactory(conference=conference, country="CN")
    badge = services.issue_badge(
        accredited(delegation=delegation, family_name="王", given_names="毅")
    )

    text = _text(badges_pdf([badge]))

    with translation.override("zh-hans"):
        category, zones = str(BadgeCategory(badge.category).label), translation.gettext("Zones")
    assert category != str(BadgeCategory(badge.category).label)  # a real translation
    assert category.upper() in text
    assert zones in text
    # The conference's own name, as the organisers translated it, not the English original.
    assert "签署仪式暨高级别会议" in text
    assert conference.name not in text


def _flag_left(pdf_bytes):
    """Where the flag (the badge's one image drawn with drawImage) begins, from the left."""
    (page,) = PdfReader(io.BytesIO(pdf_bytes)).pages
    content = page.get_contents().get_data().decode("latin-1")
    (left,) = re.findall(
        r"q\s+[\d.]+ 0 0 [\d.]+ ([\d.]+) [\d.]+ cm\s+/FormXob\.(?!badgeqr)\w+ Do", content
    )
    return float(left)


def _text_left(pdf_bytes, wanted):
    (left,) = [x for text, x, _y in text_runs(pdf_bytes) if wanted in text]
    return left


def test_the_flag_stands_at_the_right_of_a_states_name_printed_in_arabic(conference):
    conference.languages = ["ar", "en"]
    conference.save()
    delegation = DelegationFactory(conference=conference, country="SA")
    badge = services.issue_badge(accredited(delegation=delegation, family_name="آل سعود"))

    pdf = badges_pdf([badge])

    # pypdf reads an Arabic run back shaped, in reading order.
    name = arabic_reshaper.reshape("السعودية")
    assert _flag_left(pdf) > _text_left(pdf, name)
