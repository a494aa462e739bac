"""Feed parameters are validated before they reach a cache key, and no key imitates another."""

import pytest
from django.test import override_settings

from sessions.feeds import cache as feed_cache
from tests.sessions.test_feeds import _get, programme  # noqa: F401 - the feeds' fixture

pytestmark = pytest.mark.django_db


def _slugs(document):
    return [s["slug"] for day in document["days"] for s in day["sessions"]]


def test_a_filter_value_cannot_fill_the_cache_entry_of_another_query(client, programme):  # noqa: F811
    _, opening, roundtable = programme
    room = roundtable.room_id

    forged = _get(client, f"schedule/?language=en:room={opening.room_id}")
    honest = _get(client, f"schedule/?room={room}&language=en")

    assert forged.status_code == 400
    assert set(forged.json()["error"]["details"]) == {"language"}
    assert _slugs(honest.json()) == ["roundtable-2"]
    assert feed_cache.feed_key(1, "json", "en", {"language": f"en:room={room}"}) != (
        feed_cache.feed_key(1, "json", "en", {"language": "en", "room": room})
    )


def test_an_unknown_lang_falls_back_and_the_answer_names_the_language_served(
    client,
    programme,  # noqa: F811
):
    response = _get(client, "schedule/?lang=zz", HTTP_ACCEPT_LANGUAGE="fr")

    assert response.status_code == 200
    assert response.json()["language"] == "fr"
    assert response["Content-Language"] == "fr"


@override_settings(LANGUAGES=[("en", "English"), ("fr", "French"), ("es", "Spanish")])
def test_the_languages_served_are_the_sites_list(client, programme):  # noqa: F811
    assert _get(client, "schedule/?lang=es")["Content-Language"] == "es"
    assert _get(client, "schedule/?lang=vi")["Content-Language"] == "en"
