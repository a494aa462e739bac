"""The conference's name on the door's scan page and on the liaison officer's home, and the
zones to choose at the door, are the ones the organisers gave in the reader's language, not the
English originals."""

import pytest
from django.test import Client

from conference.models import AccessZone
from delegations.services import register_scanner
from tests.delegations.arrivals.support import officer_of, signed_in_officer
from tests.factories import DelegationFactory

pytestmark = pytest.mark.django_db

NAMES = {
    "ar": "حفل التوقيع والمؤتمر الرفيع المستوى",
    "zh-hans": "签署仪式暨高级别会议",
    "ru": "Церемония подписания и конференция высокого уровня",
}


@pytest.fixture
def translated(hanoi):
    hanoi.translations = {language: {"name": name} for language, name in NAMES.items()}
    hanoi.save()
    return hanoi


@pytest.mark.parametrize("language", list(NAMES))
def test_the_scan_page_names_the_conference_in_the_readers_language(translated, language):
    _device, token = register_scanner(translated, "Plenary door 1")
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.post("/check-in/start/", {"token": token})

    page = client.get("/check-in/").content.decode()

    assert NAMES[language] in page
    assert translated.name not in page


@pytest.mark.parametrize("language", list(NAMES))
def test_the_liaison_home_names_the_conference_in_the_readers_language(translated, language):
    officer_of(translated, DelegationFactory(conference=translated, country="SA"))
    client = signed_in_officer("liaison@host.example.vn")

    page = client.get("/liaison/", HTTP_ACCEPT_LANGUAGE=language).content.decode()

    assert NAMES[language] in page
    assert translated.name not in page


def test_the_scan_pages_zones_are_named_in_the_readers_language(hanoi):
    AccessZone.objects.filter(code="plenary").update(
        translations={"ar": {"name": "قاعة الجلسات العامة"}}
    )
    AccessZone.objects.filter(code="vip").update(translations={"fr": {"name": "Salon VIP"}})
    hanoi.languages = ["fr", "en"]
    hanoi.save()
    _device, token = register_scanner(hanoi, "Plenary door 1")
    client = Client(HTTP_ACCEPT_LANGUAGE="ar")
    client.post("/check-in/start/", {"token": token})

    page = client.get("/check-in/").content.decode()

    # The VIP lounge has no Arabic name: the conference's working language, French, stands in.
    assert '<option value="plenary">قاعة الجلسات العامة</option>' in page
    assert '<option value="vip">Salon VIP</option>' in page
    assert "Plenary hall" not in page
