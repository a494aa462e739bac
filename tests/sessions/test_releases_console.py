"""Releasing the programme and booking places from the console, through the services."""

import pytest
from django.contrib.auth.models import Permission, User
from django.core import mail

from sessions import services
from sessions.models import Place, ScheduleRelease
from tests.console import sign_in_to_console
from tests.factories import DelegateFactory, SessionFactory

pytestmark = pytest.mark.django_db


def staff(client, *codenames):
    user = User.objects.create_user("protocol", password="x", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    return sign_in_to_console(client, user)


def test_an_organiser_releases_the_programme_once_per_change(client):
    session = services.publish_session(SessionFactory(title="Opening"))
    staff(client, "view_schedulerelease", "add_schedulerelease")
    url = "/admin/programme/schedulerelease/release/"

    first = client.post(url, {"conference": session.conference_id, "notes": "First"}, follow=True)
    again = client.post(url, {"conference": session.conference_id, "notes": "Same"})

    assert "Release 1 of" in first.content.decode()
    assert "has not changed since the last release" in again.content.decode()
    assert list(ScheduleRelease.objects.values_list("number", "notes")) == [(1, "First")]


def test_releasing_needs_the_permission(client):
    session = services.publish_session(SessionFactory())
    staff(client, "view_schedulerelease")

    response = client.post(
        "/admin/programme/schedulerelease/release/", {"conference": session.conference_id}
    )

    assert response.status_code == 403
    assert not ScheduleRelease.objects.exists()


def test_places_booked_in_the_console_follow_capacity_and_the_wait_list(
    client, django_capture_on_commit_callbacks
):
    roundtable = services.publish_session(SessionFactory(capacity=1))
    first = DelegateFactory(delegation__conference=roundtable.conference, delegation__country="FR")
    second = DelegateFactory(delegation__conference=roundtable.conference, delegation__country="DE")
    staff(client, "view_place", "add_place", "change_place")

    with django_capture_on_commit_callbacks(execute=True):
        for delegate in (first, second):
            client.post(
                "/admin/programme/place/add/", {"session": roundtable.pk, "delegate": delegate.pk}
            )
        taken = Place.objects.get(delegate=first)
        client.post(
            "/admin/programme/place/",
            {"action": "release_selected", "_selected_action": [taken.pk]},
        )

    states = dict(Place.objects.values_list("delegate_id", "state"))
    assert states == {first.pk: "released", second.pk: "confirmed"}  # promoted from the list
    assert len(mail.outbox) == 3  # confirmed, wait-listed, promoted


def test_a_place_the_rules_refuse_is_not_kept(client):
    roundtable = services.publish_session(SessionFactory(capacity=5))
    delegate = DelegateFactory(delegation__conference=roundtable.conference)
    services.reserve_place(roundtable, delegate=delegate)
    staff(client, "view_place", "add_place")

    response = client.post(
        "/admin/programme/place/add/",
        {"session": roundtable.pk, "delegate": delegate.pk},
        follow=True,
    )

    assert response.status_code == 200
    assert Place.objects.filter(delegate=delegate).count() == 1
