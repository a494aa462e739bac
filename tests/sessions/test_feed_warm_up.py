"""A release's feeds are rendered by a task right after it is published (issue #19)."""

import pytest
from django.conf import settings

from sessions import services
from sessions.feeds import cache as feed_cache
from sessions.feeds.cache import feed_key
from sessions.feeds.warm import RENDERERS, warm_release
from sessions.models import ScheduleRelease
from tests.factories import ConferenceFactory, RoomFactory, SessionFactory

pytestmark = pytest.mark.django_db

FEED_PATHS = {
    "json": "schedule/",
    "frab_xml": "schedule.xml",
    "frab_json": "schedule.json",
    "ical": "schedule.ics",
}


@pytest.fixture
def conference():
    conference = ConferenceFactory(slug="hanoi2025")
    room = RoomFactory(venue=conference.venue, name="R339")
    services.publish_session(SessionFactory(conference=conference, room=room, title="Opening"))
    return conference


def test_publishing_a_release_renders_every_feed_in_every_language(
    conference, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        release = services.release_schedule(conference)

    for format_name in RENDERERS:
        for language, _name in settings.LANGUAGES:
            key = feed_key(release.pk, format_name, language, {})
            assert feed_cache.rendered(key) is not None, key


def test_a_reader_after_the_release_is_served_the_warm_body_without_a_query(
    client, conference, django_capture_on_commit_callbacks, django_assert_num_queries
):
    with django_capture_on_commit_callbacks(execute=True):
        release = services.release_schedule(conference)
    expected = feed_cache.rendered(feed_key(release.pk, "ical", "en", {}))

    feed_cache.latest_pointer("hanoi2025")  # the pointer is read once per process anyway
    with django_assert_num_queries(0):
        response = client.get(
            "/api/v1/conferences/hanoi2025/" + FEED_PATHS["ical"], HTTP_ACCEPT_LANGUAGE="en"
        )

    assert response.status_code == 200
    assert response.content == expected


def test_warming_a_release_twice_renders_nothing_the_second_time(conference):
    services.release_schedule(conference)
    release = ScheduleRelease.objects.get(conference=conference)

    assert warm_release(release) == len(RENDERERS) * len(settings.LANGUAGES)
    assert warm_release(release) == 0
