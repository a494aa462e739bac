"""Rendering a release's feeds once, in a task right after it is published, so that no reader
waits for a cold render (issue #19: a cold iCalendar feed of 5,000 sessions took 1.9 s)."""

from django.conf import settings

from sessions.feeds import cache as feed_cache
from sessions.feeds import frab, render

# The unfiltered feeds, by the format name the views use in their cache keys.
RENDERERS = {
    "json": render.render_json,
    "frab_xml": frab.render_frab_xml,
    "frab_json": frab.render_frab_json,
    "ical": render.render_ical,
}


def warm_release(release) -> int:
    """Render every format of `release`, unfiltered, in every language of the site, into the feed
    cache; returns how many bodies were stored. Bodies already cached are left alone, so running it
    twice renders nothing the second time."""
    chosen = render.select_sessions(release)
    stored = 0
    for format_name, renderer in RENDERERS.items():
        for language, _name in settings.LANGUAGES:
            key = feed_cache.feed_key(release.pk, format_name, language, {})
            if feed_cache.rendered(key) is not None:
                continue
            with render.cycle_collection_paused():
                body = renderer(release, chosen, language=language)
            feed_cache.store(key, body)
            stored += 1
    return stored
