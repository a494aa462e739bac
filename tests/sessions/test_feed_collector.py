"""A cold feed renders with Python's cycle collector paused (its passes over a 5,000-session
release cost 40 % of a cold JSON render), and the collector always runs again afterwards."""

import gc

import pytest
from django.core.cache import cache

from sessions import services
from sessions.feeds import cache as feed_cache
from sessions.feeds import render
from tests.factories import ConferenceFactory, SessionFactory


def test_the_collector_is_paused_during_a_render_and_resumes_after_it():
    assert gc.isenabled()
    with render.cycle_collection_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_the_collector_resumes_after_a_failed_render():
    with pytest.raises(KeyError), render.cycle_collection_paused():
        raise KeyError("room")
    assert gc.isenabled()


def test_a_render_inside_another_leaves_the_resuming_to_the_outer_one():
    with render.cycle_collection_paused():
        with render.cycle_collection_paused():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


@pytest.mark.django_db
def test_a_cold_feed_request_renders_with_the_collector_paused(client, monkeypatch):
    conference = ConferenceFactory(slug="gcconf")
    SessionFactory(conference=conference, state="published")  # 25 October 2025, 09:00
    services.release_schedule(conference)
    seen = []
    original = render.render_json

    def spy(*args, **kwargs):
        seen.append(gc.isenabled())
        return original(*args, **kwargs)

    monkeypatch.setattr("sessions.api.views.ScheduleJSONView.renderer", staticmethod(spy))
    cache.clear()
    feed_cache.clear_local()
    response = client.get("/api/v1/conferences/gcconf/schedule/")

    assert response.status_code == 200
    assert seen == [False]
    assert gc.isenabled()
