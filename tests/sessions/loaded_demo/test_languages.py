"""The demo in the seven languages: the conference, its rooms, access zones and venue, the
rehearsal's warning and the organisations' UN French names."""

import pytest
from django.utils import translation

from conference.models import Conference
from delegations.models import Delegation

pytestmark = pytest.mark.django_db


SEVEN = ["ar", "zh-hans", "en", "es", "fr", "ru", "vi"]


def test_load_demo_names_the_conference_its_rooms_and_venue_in_seven_languages(hanoi):
    names = {code: hanoi.localized_name(code) for code in SEVEN}
    assert len(set(names.values())) == 7  # each its own, none fallen back to English
    assert "Convention des Nations Unies contre la cybercriminalité" in names["fr"]
    assert "联合国打击网络犯罪公约" in names["zh-hans"]
    hall = hanoi.venue.rooms.get(name="Main Hall")
    assert {code: hall.localized_name(code) for code in SEVEN} == {
        "ar": "القاعة الرئيسية",
        "zh-hans": "主会场",
        "en": "Main Hall",
        "es": "Sala principal",
        "fr": "Salle principale",
        "ru": "Главный зал",
        "vi": "Hội trường chính",
    }
    assert {code: hanoi.localized_venue_name(code) for code in SEVEN} == {
        "ar": "المركز الوطني للمؤتمرات",
        "zh-hans": "国家会议中心",
        "en": "National Convention Center",
        "es": "Centro Nacional de Convenciones",
        "fr": "Centre national des congrès",
        "ru": "Национальный конференц-центр",
        "vi": "Trung tâm Hội nghị Quốc gia",
    }


def test_load_demo_names_every_access_zone_in_seven_languages(hanoi):
    for zone in hanoi.venue.access_zones.all():
        names = {code: zone.localized_name(code) for code in SEVEN}
        assert len(set(names.values())) == 7, names  # each its own, none fallen back to English
    plenary = hanoi.venue.access_zones.get(code="plenary")
    assert plenary.localized_name("ar") == "منطقة الجلسات العامة"
    assert plenary.localized_name("zh-hans") == "全体会议区"


def test_load_demo_says_in_every_language_that_the_rehearsal_is_not_real(hanoi):
    rehearsal = Conference.objects.get(slug="rehearsal")

    assert rehearsal.localized_name("fr").startswith(
        "Répétition (à titre d'illustration, pas un événement réel) : Cérémonie de signature"
    )
    assert rehearsal.localized_name("vi").startswith("Diễn tập (minh họa")
    assert hanoi.localized_name("ru") in rehearsal.localized_name("ru")


def test_load_demo_gives_the_organisations_their_un_french_names(hanoi):
    unodc = Delegation.objects.get(conference=hanoi, acronym="UNODC")

    assert unodc.translations["fr"] == {
        "name": "Office des Nations Unies contre la drogue et le crime",
        "article": "l'",
    }
    with translation.override("ar"):
        assert unodc.display_name == "مكتب الأمم المتحدة المعني بالمخدرات والجريمة"
    with translation.override("zh-hans"):
        assert unodc.display_name == "联合国毒品和犯罪问题办公室"
    assert hanoi.convention.localized_title("es").startswith(
        "Convención de las Naciones Unidas contra la Ciberdelincuencia; Fortalecimiento"
    )
    assert hanoi.convention.localized_title("fr").startswith(
        "Convention des Nations Unies contre la cybercriminalité ; Renforcement"
    )
    # No Arabic full title was found: the English one, never another language's.
    assert hanoi.convention.localized_title("ar") == hanoi.convention.title
