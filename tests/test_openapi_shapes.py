"""The schema describes what is served: typed JSON feeds, other formats under their own media
types, one request body where the API takes JSON, and the constraints the views enforce."""

import pytest

from sessions import services
from tests.factories import ConferenceFactory, SessionFactory

pytestmark = pytest.mark.django_db

FEEDS = "/api/v1/conferences/{slug}/"


@pytest.fixture
def schema(client):
    return client.get("/api/v1/schema/?format=json").json()


def _answer(schema, path, status="200"):
    return schema["paths"][path]["get"]["responses"][status]["content"]


def test_the_json_feeds_and_the_detail_are_typed_components(schema):
    refs = {
        path: _answer(schema, FEEDS + path)["application/json"]["schema"]["$ref"]
        for path in ("schedule/", "schedule.json", "schedule/sessions/{session_id}/")
    }

    assert refs == {
        "schedule/": "#/components/schemas/ScheduleFeed",
        "schedule.json": "#/components/schemas/FrabSchedule",
        "schedule/sessions/{session_id}/": "#/components/schemas/FeedSession",
    }
    assert "cancelled" in schema["components"]["schemas"]["FeedSession"]["required"]


def test_other_formats_are_declared_under_their_own_media_types(schema):
    media_types = {
        path: sorted(_answer(schema, path))
        for path in (
            FEEDS + "schedule.xml",
            FEEDS + "schedule.ics",
            FEEDS + "speakers.csv",
            FEEDS + "speakers.pdf",
            "/api/v1/agenda/{token}.ics",
        )
    }

    assert list(media_types.values()) == [
        ["application/vnd.frab+xml", "application/xml"],
        ["text/calendar"],
        ["text/csv"],
        ["application/pdf"],
        ["text/calendar"],
    ]


def test_the_check_in_declares_one_json_body(schema):
    body = schema["paths"]["/api/v1/check-in/"]["post"]["requestBody"]["content"]

    assert list(body) == ["application/json"]


def test_an_empty_filter_is_refused_as_the_schema_says(client, schema):
    conference = ConferenceFactory(slug="hanoi2025")
    services.publish_session(SessionFactory(conference=conference))
    services.release_schedule(conference)
    parameters = schema["paths"][FEEDS + "schedule/"]["get"]["parameters"]
    (language,) = [p for p in parameters if p["name"] == "language"]

    response = client.get("/api/v1/conferences/hanoi2025/schedule/?language=")

    assert language["schema"]["minLength"] == 1
    assert response.status_code == 400
    assert response.json()["error"]["details"] == {"language": ["This field may not be blank."]}
