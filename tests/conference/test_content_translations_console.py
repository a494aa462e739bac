"""The console edits a conference's name, theme and city, a room's, a venue's and an access zone's
name in each language as fields of their own; they are saved through the reference services into
`translations`, keeping what the form does not show."""

import pytest
from django.urls import reverse

from conference import services
from conference.models import Convention
from delegations import services as delegation_services
from tests.console import change_form_data
from tests.factories import (
    AccessZoneFactory,
    ConferenceFactory,
    OrganisationDelegationFactory,
    RoomFactory,
    VenueFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def saves(monkeypatch):
    """What went through the services: the console must not save past them."""
    seen = []
    for name in ("save_reference", "save_room", "save_access_zone"):
        original = getattr(services, name)

        def recorded(instance, *args, _original=original, **kwargs):
            seen.append(type(instance).__name__)
            return _original(instance, *args, **kwargs)

        monkeypatch.setattr(services, name, recorded)
    return seen


def test_a_conferences_name_theme_and_city_in_each_language_are_saved_through_the_service(
    admin_client, saves
):
    conference = ConferenceFactory(
        name="Signing of the Hanoi Convention",
        translations={"fr": {"name": "Ancien nom", "note": "kept"}, "de": {"name": "Kept"}},
    )
    url = reverse("admin:conference_conference_change", args=[conference.pk])
    page = admin_client.get(url).content.decode()
    assert 'name="translations"' not in page
    assert 'name="translation_zh_hans_name"' in page
    assert "Name (French)" in page
    assert "City (Arabic)" in page
    assert 'value="Ancien nom"' in page
    data = change_form_data(
        admin_client,
        url,
        translation_fr_name="Cérémonie de signature de la Convention de Hanoï",
        translation_fr_theme="Un cyberespace sûr",
        translation_fr_city="Hanoï",
        translation_vi_name="Lễ mở ký Công ước Hà Nội",
    )

    response = admin_client.post(url, data)

    assert response.status_code == 302, response.context and response.context["errors"]
    assert "Conference" in saves
    conference.refresh_from_db()
    assert conference.translations == {
        "fr": {
            "name": "Cérémonie de signature de la Convention de Hanoï",
            "theme": "Un cyberespace sûr",
            "city": "Hanoï",
            "note": "kept",
        },
        "vi": {"name": "Lễ mở ký Công ước Hà Nội"},
        "de": {"name": "Kept"},
    }
    assert conference.localized_name("fr") == "Cérémonie de signature de la Convention de Hanoï"
    assert (conference.localized_city("fr"), conference.localized_city("ar")) == ("Hanoï", "Hanoi")


def test_a_language_left_blank_is_dropped(admin_client):
    conference = ConferenceFactory(translations={"es": {"name": "Conferencia"}})
    url = reverse("admin:conference_conference_change", args=[conference.pk])
    data = change_form_data(admin_client, url, translation_es_name="")

    assert admin_client.post(url, data).status_code == 302

    conference.refresh_from_db()
    assert conference.translations == {}


def test_a_control_character_in_a_translation_is_refused(admin_client):
    conference = ConferenceFactory()
    url = reverse("admin:conference_conference_change", args=[conference.pk])
    data = change_form_data(admin_client, url, translation_fr_name="Con\x07férence")

    response = admin_client.post(url, data)

    assert response.status_code == 200
    assert "translation_fr_name" in response.context["adminform"].form.errors
    conference.refresh_from_db()
    assert conference.translations == {}


def test_a_rooms_name_in_each_language_is_saved_through_the_rooms_service(admin_client, saves):
    room = RoomFactory(name="Main Hall")
    url = reverse("admin:conference_room_change", args=[room.pk])
    data = change_form_data(
        admin_client,
        url,
        translation_fr_name="Salle principale",
        translation_ar_name="القاعة الرئيسية",
    )

    response = admin_client.post(url, data)

    assert response.status_code == 302
    assert saves[0] == "Room"
    room.refresh_from_db()
    assert room.translations == {
        "fr": {"name": "Salle principale"},
        "ar": {"name": "القاعة الرئيسية"},
    }
    assert room.localized_name("ar") == "القاعة الرئيسية"


def test_an_organisations_names_and_french_article_are_saved_through_the_service(
    admin_client, monkeypatch
):
    changed = []
    original = delegation_services.change_delegation

    def recorded(delegation, **fields):
        changed.append(sorted(fields))
        return original(delegation, **fields)

    monkeypatch.setattr(delegation_services, "change_delegation", recorded)
    forum = OrganisationDelegationFactory(name="Global Forum on Cyber Expertise", acronym="GFCE")
    url = reverse("admin:delegations_delegation_change", args=[forum.pk])
    page = admin_client.get(url).content.decode()
    assert 'name="translation_fr_article"' in page
    data = change_form_data(
        admin_client,
        url,
        translation_fr_name="Forum mondial sur la cyberexpertise",
        translation_fr_article="le",
        translation_es_name="Foro Mundial sobre Ciberexperiencia",
    )

    response = admin_client.post(url, data)

    assert response.status_code == 302
    assert changed == [["translations"]]
    forum.refresh_from_db()
    assert forum.translations == {
        "fr": {"name": "Forum mondial sur la cyberexpertise", "article": "le"},
        "es": {"name": "Foro Mundial sobre Ciberexperiencia"},
    }


def test_the_conventions_titles_in_each_language_are_saved_through_the_service(admin_client, saves):
    convention = Convention.objects.create(
        slug="uncc",
        title="United Nations Convention against Cybercrime",
        short_title="Hanoi Convention",
        adopted_on="2024-12-24",
        depositary="Secretary-General of the United Nations",
    )
    url = reverse("admin:conference_convention_change", args=[convention.pk])
    data = change_form_data(
        admin_client,
        url,
        translation_ru_title="Конвенция Организации Объединенных Наций против киберпреступности",
        translation_zh_hans_short_title="联合国打击网络犯罪公约",
    )

    response = admin_client.post(url, data)

    assert response.status_code == 302
    assert "Convention" in saves
    convention.refresh_from_db()
    assert convention.translations == {
        "ru": {"title": "Конвенция Организации Объединенных Наций против киберпреступности"},
        "zh-hans": {"short_title": "联合国打击网络犯罪公约"},
    }


def test_a_venues_name_in_each_language_is_shown_and_saved_through_the_service(admin_client, saves):
    venue = VenueFactory(
        name="National Convention Center",
        translations={"vi": {"name": "Trung tâm Hội nghị Quốc gia"}, "de": {"name": "Kept"}},
    )
    url = reverse("admin:conference_venue_change", args=[venue.pk])
    page = admin_client.get(url).content.decode()
    assert 'name="translations"' not in page
    assert 'name="translation_zh_hans_name"' in page
    assert "Name (Arabic)" in page
    assert 'value="Trung tâm Hội nghị Quốc gia"' in page
    data = change_form_data(
        admin_client,
        url,
        translation_ar_name="المركز الوطني للمؤتمرات",
        translation_zh_hans_name="国家会议中心",
    )

    response = admin_client.post(url, data)

    assert response.status_code == 302, response.context and response.context["errors"]
    assert saves == ["Venue"]
    venue.refresh_from_db()
    assert venue.translations == {
        "vi": {"name": "Trung tâm Hội nghị Quốc gia"},
        "ar": {"name": "المركز الوطني للمؤتمرات"},
        "zh-hans": {"name": "国家会议中心"},
        "de": {"name": "Kept"},
    }
    assert venue.localized_name("zh-hans") == "国家会议中心"


@pytest.mark.parametrize(
    ("factory", "model_name", "kept", "typed"),
    [
        (VenueFactory, "venue", "Centre national des congrès", "Национальный конференц-центр"),
        (AccessZoneFactory, "accesszone", "Zone plénière", "Зона пленарных заседаний"),
    ],
)
def test_a_name_with_a_control_character_is_refused_and_the_others_are_kept(
    admin_client, factory, model_name, kept, typed
):
    """A venue's or a zone's name: the field is refused, the other languages stay typed."""
    instance = factory(translations={"fr": {"name": kept}})
    url = reverse(f"admin:conference_{model_name}_change", args=[instance.pk])
    data = change_form_data(
        admin_client, url, translation_ar_name="المركز\x07 الوطني", translation_ru_name=typed
    )

    response = admin_client.post(url, data)

    assert response.status_code == 200
    assert list(response.context["adminform"].form.errors) == ["translation_ar_name"]
    shown = response.content.decode()
    # What the organiser typed in the other languages is still in the form, to send again.
    assert f'value="{typed}"' in shown
    assert f'value="{kept}"' in shown
    instance.refresh_from_db()
    assert instance.translations == {"fr": {"name": kept}}


def test_a_zones_name_in_each_language_is_saved_through_the_zones_service(admin_client, saves):
    zone = AccessZoneFactory(name="Plenary area", translations={"de": {"name": "Kept"}})
    url = reverse("admin:conference_accesszone_change", args=[zone.pk])
    assert "Name (Chinese" in admin_client.get(url).content.decode()
    data = change_form_data(
        admin_client,
        url,
        translation_ar_name="منطقة الجلسات العامة",
        translation_zh_hans_name="全体会议区",
    )

    response = admin_client.post(url, data)

    assert response.status_code == 302, response.context and response.context["errors"]
    assert saves == ["AccessZone"]
    zone.refresh_from_db()
    assert zone.translations == {
        "ar": {"name": "منطقة الجلسات العامة"},
        "zh-hans": {"name": "全体会议区"},
        "de": {"name": "Kept"},
    }


def test_the_venues_table_of_zones_keeps_code_and_name_and_their_names_in_each_language(
    admin_client, saves
):
    zone = AccessZoneFactory(code="plenary", translations={"fr": {"name": "Zone plénière"}})
    url = reverse("admin:conference_venue_change", args=[zone.venue.pk])
    page = admin_client.get(url).content.decode()
    assert 'name="access_zones-0-code"' in page
    assert "access_zones-0-translation" not in page
    # Each row links to the zone's own page, where its name in each language is typed.
    assert reverse("admin:conference_accesszone_change", args=[zone.pk]) in page

    response = admin_client.post(
        url, change_form_data(admin_client, url, **{"access_zones-0-name": "Plenary hall"})
    )

    assert response.status_code == 302, response.context and response.context["errors"]
    assert "AccessZone" in saves
    zone.refresh_from_db()
    assert zone.name == "Plenary hall"
    assert zone.translations == {"fr": {"name": "Zone plénière"}}
