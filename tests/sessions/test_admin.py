import datetime as dt

import pytest
from django.urls import reverse

from sessions import services
from sessions.models import Session
from tests.factories import HANOI, ConferenceFactory, RoomFactory, SessionFactory

pytestmark = pytest.mark.django_db


def at(hour):
    return dt.datetime(2025, 10, 25, hour, 0, tzinfo=HANOI)


@pytest.fixture
def two_published():
    conference = ConferenceFactory()
    room = RoomFactory(venue=conference.venue)
    first = services.publish_session(
        SessionFactory(conference=conference, room=room, starts_at=at(9), ends_at=at(10))
    )
    second = services.publish_session(
        SessionFactory(conference=conference, room=room, starts_at=at(11), ends_at=at(12))
    )
    return first, second


def _form_data(session, **changes):
    data = {
        "conference": session.conference_id,
        "slug": session.slug,
        "kind": session.kind,
        "title": session.title,
        "description": "",
        "translations": "{}",
        "room": session.room_id,
        "starts_at_0": "2025-10-25",
        "starts_at_1": "11:00:00",
        "ends_at_0": "2025-10-25",
        "ends_at_1": "12:00:00",
        "capacity": "",
        "access": session.access,
        "languages": '["en"]',
        "people-TOTAL_FORMS": "0",
        "people-INITIAL_FORMS": "0",
    }
    data.update(changes)
    return data


def test_console_refuses_to_move_a_published_session_onto_another_with_a_form_error(
    admin_client, two_published, settings
):
    _first, second = two_published
    url = reverse("admin:programme_session_change", args=[second.pk])

    response = admin_client.post(url, _form_data(second, starts_at_1="09:30:00"))

    assert response.status_code == 200
    assert "already holds the published session" in response.content.decode()
    second.refresh_from_db()
    assert second.starts_at == at(11)


def test_console_publish_action_calls_the_service_and_reports_a_clash(admin_client):
    conference = ConferenceFactory()
    room = RoomFactory(venue=conference.venue)
    services.publish_session(SessionFactory(conference=conference, room=room, slug="first"))
    clashing = SessionFactory(conference=conference, room=room, slug="second")
    free = SessionFactory(conference=conference, room=RoomFactory(venue=conference.venue))

    response = admin_client.post(
        reverse("admin:programme_session_changelist"),
        {"action": "publish_selected", "_selected_action": [clashing.pk, free.pk]},
        follow=True,
    )

    messages = [str(m) for m in response.context["messages"]]
    assert "1 sessions published." in messages
    assert any("Another published session uses this room" in m for m in messages)
    assert dict(Session.objects.values_list("slug", "state")) == {
        "first": "published",
        "second": "draft",
        free.slug: "published",
    }
