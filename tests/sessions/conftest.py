import pytest
from django.core.cache import cache

from sessions.feeds import cache as feed_cache
from tests.sessions.speakers import make_debate


@pytest.fixture(autouse=True)
def empty_feed_caches():
    """Rendered feeds are cached per release id; ids come back after a rolled-back test."""
    cache.clear()
    feed_cache.clear_local()


@pytest.fixture
def debate():
    """A conference whose general debate has two sittings (25 Oct 14:00-14:12, 26 Oct 9:00-9:30)."""
    return make_debate()
