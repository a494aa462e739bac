"""An access zone's name in the reader's language, else in the conference's languages in order,
else as typed: never a code, never a blank."""

import pytest
from django.urls import reverse
from django.utils import translation

from conference.selectors import venue_zone_names, zone_names
from tests.factories import AccessZoneFactory, ConferenceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def conference():
    conference = ConferenceFactory(languages=["fr", "en"])
    AccessZoneFactory(
        venue=conference.venue,
        code="plenary",
        name="Plenary area",
        translations={"fr": {"name": "Zone plénière"}, "ar": {"name": "منطقة الجلسات العامة"}},
    )
    AccessZoneFactory(venue=conference.venue, code="press", name="Press centre")
    return conference


def test_a_zone_is_named_in_the_readers_language(conference):
    assert zone_names(conference, ["plenary"], "ar") == ["منطقة الجلسات العامة"]


def test_a_language_without_a_name_falls_back_to_the_conferences_then_to_the_original(conference):
    # No Russian: the conference's working language, French, comes first.
    assert zone_names(conference, ["plenary", "press"], "ru") == ["Zone plénière", "Press centre"]
    conference.languages = ["en", "fr"]
    assert zone_names(conference, ["plenary"], "ru") == ["Plenary area"]


def test_the_names_follow_the_active_language_and_a_code_gone_shows_as_it_is(conference):
    with translation.override("ar"):
        assert zone_names(conference, ["gone", "plenary"]) == ["gone", "منطقة الجلسات العامة"]


def test_the_names_of_all_the_zones_take_one_query(conference, django_assert_num_queries):
    with django_assert_num_queries(1):
        names = venue_zone_names(conference, "ar")
    assert names == {"plenary": "منطقة الجلسات العامة", "press": "Press centre"}


def test_the_conferences_console_page_names_the_zones_in_the_organisers_language(
    admin_client, conference
):
    url = reverse("admin:conference_conference_change", args=[conference.pk])

    page = admin_client.get(url, HTTP_ACCEPT_LANGUAGE="ar").content.decode()

    # The badge categories' zones to tick, in Arabic; the press centre has no Arabic name and
    # the conference's French none either: the English original.
    assert "منطقة الجلسات العامة (plenary)" in page
    assert "Press centre (press)" in page
    assert "Plenary area (plenary)" not in page
