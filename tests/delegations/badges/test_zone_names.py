"""A badge names its zones in the language it is printed in (its conference's working language),
as the category band: in Arabic or Chinese script where the organisers gave those names, else in
the conference's next language, and with the zones loaded once for the whole document."""

import arabic_reshaper
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conference.models import AccessZone
from delegations import services
from delegations.documents.badges import badges_pdf
from delegations.models import Badge
from tests.delegations.badges.support import _text, accredited
from tests.factories import DelegationFactory

pytestmark = pytest.mark.django_db

NAMES = {
    "plenary": {"ar": "قاعة الجلسات العامة", "zh-hans": "全体会议厅", "fr": "Salle plénière"},
    "vip": {"ar": "صالة كبار الشخصيات", "zh-hans": "贵宾休息室", "fr": "Salon VIP"},
}


@pytest.fixture
def translated(conference):
    for code, names in NAMES.items():
        AccessZone.objects.filter(venue=conference.venue, code=code).update(
            translations={language: {"name": name} for language, name in names.items()}
        )
    return conference


def _badge(conference, country="FR", **fields):
    delegation = DelegationFactory(conference=conference, country=country)
    return services.issue_badge(
        accredited(delegation=delegation, badge_category="head_of_delegation", **fields)
    )


def test_a_chinese_language_conference_prints_the_zones_in_chinese(translated):
    translated.languages = ["zh-hans", "en"]
    translated.save()

    text = _text(badges_pdf([_badge(translated)]))

    assert "全体会议厅 · 贵宾休息室" in text
    assert "Plenary hall" not in text
    assert "VIP lounge" not in text


def test_an_arabic_language_conference_prints_the_zones_in_arabic(translated):
    translated.languages = ["ar", "en"]
    translated.save()

    text = _text(badges_pdf([_badge(translated)]))

    # pypdf reads an Arabic run back shaped, in reading order.
    for name in (NAMES["plenary"]["ar"], NAMES["vip"]["ar"]):
        assert arabic_reshaper.reshape(name) in text, name
    assert "Plenary hall" not in text


def test_a_zone_without_a_name_in_the_working_language_takes_the_next_language(translated):
    translated.languages = ["ru", "fr", "en"]
    translated.save()
    AccessZone.objects.filter(code="vip").update(translations={})

    text = _text(badges_pdf([_badge(translated)]))

    # No Russian names: French, the conference's next language; the VIP lounge has none at all.
    assert "Salle plénière · VIP lounge" in text


def test_the_zones_are_loaded_once_for_the_whole_document(translated):
    translated.languages = ["ar", "en"]
    translated.save()
    _badge(translated, country="FR")

    def queries():
        with CaptureQueriesContext(connection) as captured:
            badges_pdf(Badge.objects.filter(conference=translated))
        return len(captured)

    one = queries()
    for country in ("DE", "IT", "VN"):
        _badge(translated, country=country)
    assert queries() == one
