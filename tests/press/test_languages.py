"""The journalists' pages in the reader's language and the conference's time: the countries of
the form, the pool sessions' titles and times, the access zones by name."""

import datetime as dt
import re
import zoneinfo

import pytest
from django.test import Client

from conference.models import AccessZone
from delegations.services import accredit_journalist
from sessions.models import MediaPool
from sessions.services import assign_pool_place
from tests.factories import AccessZoneFactory, ConferenceFactory, SessionFactory
from tests.press.support import PASSWORD, apply

pytestmark = pytest.mark.django_db

HANOI = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def conference():
    conference = ConferenceFactory(slug="hanoi2025", badge_zones={"media": ["press", "plenary"]})
    AccessZoneFactory(venue=conference.venue, code="press", name="Press centre")
    AccessZoneFactory(venue=conference.venue, code="plenary", name="Plenary area")
    return conference


def _options(page, field):
    select = re.search(rf'<select name="{field}".*?</select>', page, re.S).group(0)
    return re.findall(r'<option value="(\w*)"[^>]*>([^<]*)</option>', select)


@pytest.mark.parametrize(
    ("language", "russia", "china"),
    [("ru", "Российская Федерация", "Китай"), ("ar", "الاتحاد الروسي", "الصين")],
)
def test_the_application_form_lists_the_countries_in_the_readers_language(
    conference, language, russia, china
):
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.get("/press/apply/hanoi2025/")  # a first request, in another language, came before
    page = client.get("/press/apply/hanoi2025/").content.decode()

    for field in ("outlet_country", "nationality"):
        names = dict(_options(page, field))
        assert names["RU"] == russia
        assert names["CN"] == china
        assert "Afghanistan" not in names.values()


def test_a_pool_place_shows_its_session_in_the_readers_language_and_hanoi_time(conference):
    signing = SessionFactory(
        conference=conference,
        kind="signing_ceremony",
        title="Opening for signature",
        translations={"ru": {"title": "Открытие для подписания"}},
        starts_at=dt.datetime(2025, 10, 25, 10, 15, tzinfo=HANOI),
        ends_at=dt.datetime(2025, 10, 25, 12, 0, tzinfo=HANOI),
    )
    journalist = accredit_journalist(apply(conference, email="a@tass.example", outlet="Interfax"))
    assign_pool_place(MediaPool.objects.create(session=signing, places=2), journalist)
    client = Client(HTTP_ACCEPT_LANGUAGE="ru")
    client.post("/press/sign-in/", {"username": "a@tass.example", "password": PASSWORD})

    page = client.get("/press/").content.decode()

    assert "Открытие для подписания" in page
    assert "Opening for signature" not in page
    # 10:15 in Hanoi (03:15 UTC), said to be Hanoi's time.
    assert "10:15" in page
    assert "03:15" not in page
    assert "UTC+7" in page
    # The application's status, not "State" in the sense of a country ("Государство").
    assert "<dt>Статус</dt>" in page
    assert "Государство" not in page
    # The zones by name, not by code.
    assert "Press centre, Plenary area" in page


def test_the_zones_are_named_in_the_readers_language(conference):
    AccessZone.objects.filter(code="press").update(
        translations={"ar": {"name": "المركز الصحفي"}, "fr": {"name": "Centre de presse"}}
    )
    # No Arabic name: the conference's working language, French, then the English original.
    AccessZone.objects.filter(code="plenary").update(translations={"fr": {"name": "Zone plénière"}})
    conference.languages = ["fr", "en"]
    conference.save()
    accredit_journalist(apply(conference, email="b@aljazeera.example", outlet="Al Jazeera"))
    client = Client(HTTP_ACCEPT_LANGUAGE="ar")
    client.post("/press/sign-in/", {"username": "b@aljazeera.example", "password": PASSWORD})

    page = client.get("/press/").content.decode()

    # Joined as Arabic joins a list, with its own comma.
    assert "المركز الصحفي، Zone plénière" in page
    assert "Press centre" not in page


def test_the_zones_are_listed_with_the_chinese_enumeration_comma(conference):
    AccessZone.objects.filter(code="press").update(translations={"zh-hans": {"name": "新闻中心"}})
    AccessZone.objects.filter(code="plenary").update(
        translations={"zh-hans": {"name": "全体会议区"}}
    )
    accredit_journalist(apply(conference, email="li@xinhua.example", outlet="Xinhua"))
    client = Client(HTTP_ACCEPT_LANGUAGE="zh-hans")
    client.post("/press/sign-in/", {"username": "li@xinhua.example", "password": PASSWORD})

    page = client.get("/press/").content.decode()

    assert "新闻中心、全体会议区" in page
    assert "新闻中心, " not in page
