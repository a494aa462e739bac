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
    assert messages == [
        f"{clashing.title}: {clashing.room} already holds the published session "
        f"“{Session.objects.get(slug='first').title}” at that time.",
        "1 session published.",
    ]
    assert dict(Session.objects.values_list("slug", "state")) == {
        "first": "published",
        "second": "draft",
        free.slug: "published",
    }


def test_console_publish_action_counts_in_the_plural(admin_client):
    conference = ConferenceFactory()
    sessions = [
        SessionFactory(conference=conference, room=RoomFactory(venue=conference.venue))
        for _ in range(2)
    ]

    response = admin_client.post(
        reverse("admin:programme_session_changelist"),
        {"action": "publish_selected", "_selected_action": [s.pk for s in sessions]},
        follow=True,
    )

    assert [str(m) for m in response.context["messages"]] == ["2 sessions published."]


def test_console_cannot_move_a_published_session_to_another_venues_room(
    admin_client, two_published, settings
):
    settings.TIME_ZONE = "Asia/Ho_Chi_Minh"
    _first, second = two_published
    room, title = second.room_id, second.title
    elsewhere = RoomFactory()  # a room of another venue
    url = reverse("admin:programme_session_change", args=[second.pk])

    response = admin_client.post(url, _form_data(second, room=elsewhere.pk, title="Moved"))

    assert response.status_code == 200
    assert "The room is not at the conference&#x27;s venue." in response.content.decode()
    second.refresh_from_db()
    assert (second.room_id, second.title) == (room, title)


def test_console_moves_a_published_session_to_a_free_slot_and_renames_it(
    admin_client, two_published, settings
):
    settings.TIME_ZONE = "Asia/Ho_Chi_Minh"
    _first, second = two_published
    url = reverse("admin:programme_session_change", args=[second.pk])

    response = admin_client.post(
        url, _form_data(second, starts_at_1="14:00:00", ends_at_1="15:00:00", title="Later")
    )

    assert response.status_code == 302
    second.refresh_from_db()
    assert (second.starts_at, second.ends_at, second.title) == (at(14), at(15), "Later")


def test_console_adds_a_session_as_a_draft_and_refuses_a_room_of_another_venue(
    admin_client, settings
):
    settings.TIME_ZONE = "Asia/Ho_Chi_Minh"
    conference = ConferenceFactory()
    template = SessionFactory.build(conference=conference, room=RoomFactory(), slug="new-one")
    url = reverse("admin:programme_session_add")

    refused = admin_client.post(url, _form_data(template))
    template.room = RoomFactory(venue=conference.venue)
    added = admin_client.post(url, _form_data(template))

    assert refused.status_code == 200
    assert "The room is not at the conference&#x27;s venue." in refused.content.decode()
    assert added.status_code == 302
    assert list(Session.objects.values_list("slug", "state", "room")) == [
        ("new-one", "draft", template.room.pk)
    ]


def test_console_names_a_chair_through_the_inline(admin_client, two_published, settings):
    settings.TIME_ZONE = "Asia/Ho_Chi_Minh"
    _first, second = two_published
    url = reverse("admin:programme_session_change", args=[second.pk])
    data = _form_data(second)
    data.update(
        {
            "people-TOTAL_FORMS": "1",
            "people-0-role": "chair",
            "people-0-name": "The Secretary-General",
            "people-0-function": "",
            "people-0-position": "0",
        }
    )

    response = admin_client.post(url, data)

    assert response.status_code == 302
    assert list(second.people.values_list("role", "name")) == [("chair", "The Secretary-General")]


def test_console_publish_action_counts_in_the_organisers_language(admin_client):
    conference = ConferenceFactory()
    session = SessionFactory(conference=conference, room=RoomFactory(venue=conference.venue))

    response = admin_client.post(
        reverse("admin:programme_session_changelist"),
        {"action": "publish_selected", "_selected_action": [session.pk]},
        follow=True,
        HTTP_ACCEPT_LANGUAGE="fr",
    )

    assert [str(m) for m in response.context["messages"]] == ["1 séance publiée."]
