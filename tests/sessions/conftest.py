import pytest
from django.core.cache import cache

from sessions.feeds import cache as feed_cache


@pytest.fixture(autouse=True)
def empty_feed_caches():
    """Rendered feeds are cached per release id; ids come back after a rolled-back test."""
    cache.clear()
    feed_cache.clear_local()
