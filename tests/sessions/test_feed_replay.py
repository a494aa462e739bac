"""The WSGI replay of warm feeds answers exactly what Django answered, and steps aside for
everything else."""

import io
from wsgiref.util import setup_testing_defaults

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from config.wsgi import application
from sessions import services
from sessions.feeds import cache as feed_cache
from tests.factories import SessionFactory
from tests.sessions.test_feeds import at, programme  # noqa: F401  (the fixture)

pytestmark = pytest.mark.django_db

FEED = "/api/v1/conferences/hanoi2025/schedule/"


@pytest.fixture(autouse=True)
def empty_replay(monkeypatch):
    # A loaded machine may take two seconds between two calls; the pointer must not expire.
    monkeypatch.setattr(feed_cache, "POINTER_LOCAL_SECONDS", 60)
    # As Django's test client does: the test's transaction must outlive each request.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    application.forget()
    yield
    application.forget()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def call(path=FEED, method="GET", **environ):
    """One request through the project's WSGI application, as gunicorn would make it."""
    env = {"PATH_INFO": path, "REQUEST_METHOD": method, "HTTP_HOST": "127.0.0.1", **environ}
    setup_testing_defaults(env)
    env["wsgi.input"] = io.BytesIO()
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer["status"], answer["headers"] = status, dict(headers)

    result = application(env, start_response)
    body = b"".join(result)
    if hasattr(result, "close"):
        result.close()
    if method == "HEAD":
        body = b""  # the server sends no body to a HEAD, whatever the application returns
    return answer["status"], answer["headers"], body


@pytest.fixture
def django_calls(monkeypatch):
    """How many requests reached Django behind the replay."""
    calls = []
    inner = application.application

    def counting(environ, start_response):
        calls.append(environ["PATH_INFO"])
        return inner(environ, start_response)

    monkeypatch.setattr(application, "application", counting)
    return calls


@pytest.mark.parametrize(
    "path", [FEED, *(FEED.replace("schedule/", name) for name in ("schedule.json", "schedule.xml"))]
)
def test_a_replayed_feed_is_the_answer_django_gave(programme, path, django_calls):  # noqa: F811
    first = call(path)
    replayed = call(path)

    assert first[0] == "200 OK"
    assert replayed == first
    assert django_calls == [path]  # the second answer never reached Django
    assert "Content-Security-Policy" in replayed[1]
    assert replayed[1]["Cache-Control"] == "public, max-age=60"
    assert "Cookie" not in replayed[1]["Vary"]  # shared caches may keep one copy for all


def test_languages_and_heads_are_answered_apart(programme, django_calls):  # noqa: F811
    english = call()
    french = call(HTTP_ACCEPT_LANGUAGE="fr")
    french_again = call(HTTP_ACCEPT_LANGUAGE="fr")
    head = call(method="HEAD", HTTP_ACCEPT_LANGUAGE="fr")

    assert "Séance d'ouverture".encode() in french[2]
    assert french_again == french
    assert "Séance d'ouverture".encode() not in english[2]
    assert head[1] == french[1]
    assert head[2] == b""
    assert len(django_calls) == 2  # English once, French once


def test_a_new_release_is_served_once_the_process_learns_of_it(programme):  # noqa: F811
    conference, _opening, _roundtable = programme
    before = call()
    services.publish_session(
        SessionFactory(
            conference=conference,
            slug="closing",
            title="Closing",
            starts_at=at(26, 17),
            ends_at=at(26, 18),
        )
    )
    services.release_schedule(conference)  # drops the pointer in this process at once

    after = call()

    assert b"Closing" not in before[2]
    assert b"Closing" in after[2]


@pytest.mark.parametrize(
    ("extra", "status"),
    [
        ({"HTTP_HOST": "evil.example"}, "400 Bad Request"),
        ({"QUERY_STRING": "day=2025-10-26"}, "200 OK"),
        ({"HTTP_IF_NONE_MATCH": '"nothing"'}, "200 OK"),
    ],
)
def test_it_steps_aside_for_what_django_must_decide(programme, extra, status, django_calls):  # noqa: F811
    call()  # warm
    answer = call(**extra)

    assert answer[0] == status
    assert len(django_calls) == 2


def test_an_answer_that_sets_a_cookie_is_never_kept(programme, settings):  # noqa: F811
    settings.SESSION_SAVE_EVERY_REQUEST = True  # every answer now sets the session cookie
    call(HTTP_COOKIE="sessionid=abc")

    assert application._answers == {}
