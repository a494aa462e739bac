"""Feeds and JSON answers compressed as the client asks, their 304s kept, HTML left alone."""

import gzip

import brotli
import pytest

from tests.sessions.test_feed_replay import call, empty_replay  # noqa: F401  (fixture)
from tests.sessions.test_feeds import programme  # noqa: F401  (the fixture)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("programme")]

FEEDS = ["schedule/", "schedule.json", "schedule.xml", "schedule.ics"]


def _get(client, path, **headers):
    return client.get(f"/api/v1/conferences/hanoi2025/{path}", **headers)


@pytest.mark.parametrize("path", FEEDS)
def test_every_feed_is_gzipped_for_a_client_that_asks(client, path):
    plain = _get(client, path)
    packed = _get(client, path, HTTP_ACCEPT_ENCODING="gzip")

    assert packed["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed.content) == plain.content
    assert "Accept-Encoding" in packed["Vary"]
    assert plain.has_header("Content-Encoding") is False


def test_brotli_is_chosen_when_the_client_prefers_it(client):
    plain = _get(client, "schedule.json")
    packed = _get(client, "schedule.json", HTTP_ACCEPT_ENCODING="gzip, deflate, br")

    assert packed["Content-Encoding"] == "br"
    assert brotli.decompress(packed.content) == plain.content


def test_a_compressed_feed_answers_304_to_its_own_weak_etag_and_to_the_strong_one(client):
    plain = _get(client, "schedule/")
    packed = _get(client, "schedule/", HTTP_ACCEPT_ENCODING="gzip")

    assert packed["ETag"] == f"W/{plain['ETag']}"
    for tag in (packed["ETag"], plain["ETag"]):
        again = _get(client, "schedule/", HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=tag)
        assert again.status_code == 304


def test_the_wsgi_replay_keeps_one_answer_per_encoding():
    first_plain = call()
    first_gzip = call(HTTP_ACCEPT_ENCODING="gzip")
    replayed_plain = call()
    replayed_gzip = call(HTTP_ACCEPT_ENCODING="gzip")

    assert "Content-Encoding" not in replayed_plain[1]
    assert replayed_plain[2] == first_plain[2]
    assert replayed_gzip[1]["Content-Encoding"] == "gzip"
    assert gzip.decompress(replayed_gzip[2]) == first_plain[2]
    assert replayed_gzip[2] == first_gzip[2]


def test_the_wsgi_path_answers_304_to_a_compressed_feeds_etag():
    _status, headers, _body = call(HTTP_ACCEPT_ENCODING="gzip")

    status, _headers, body = call(HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=headers["ETag"])

    assert (status, body) == ("304 Not Modified", b"")


def test_html_pages_are_never_compressed(client):
    response = client.get("/admin/login/", HTTP_ACCEPT_ENCODING="gzip, br")

    assert response["Content-Type"].startswith("text/html")
    assert response.has_header("Content-Encoding") is False
