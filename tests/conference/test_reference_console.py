"""Reference data in the console (venues, zones, rooms, conferences...): saved and deleted
through conference/services/reference.py, a refusal shown on the page."""

import pytest
from django.urls import reverse

from conference import services
from conference.errors import StillInUse, ZoneOfAnotherVenue
from conference.models import Conference, Room, Venue
from tests.console import change_form_data
from tests.factories import (
    AccessZoneFactory,
    ConferenceFactory,
    DelegationFactory,
    RoomFactory,
    SessionFactory,
    VenueFactory,
)

pytestmark = pytest.mark.django_db


def test_a_room_is_not_put_in_another_venues_zone():
    room = RoomFactory()
    elsewhere = AccessZoneFactory()

    with pytest.raises(ZoneOfAnotherVenue):
        services.save_room(room, access_zone=elsewhere)

    room.refresh_from_db()
    assert room.access_zone is None


def test_the_console_shows_another_venues_zone_as_a_form_error(admin_client):
    room = RoomFactory(capacity=100)
    elsewhere = AccessZoneFactory()
    url = reverse("admin:conference_room_change", args=[room.pk])
    data = change_form_data(admin_client, url, access_zone=elsewhere.pk, capacity="120")

    response = admin_client.post(url, data)

    assert response.status_code == 200
    form = response.context["adminform"].form
    # Beside the field that is wrong, before anything is saved.
    assert form.errors["access_zone"] == [str(ZoneOfAnotherVenue.default_message)]
    assert form["capacity"].value() == "120"
    room.refresh_from_db()
    assert (room.access_zone, room.capacity) == (None, 100)


def test_the_console_puts_a_room_in_its_own_venues_zone(admin_client):
    room = RoomFactory()
    zone = AccessZoneFactory(venue=room.venue)
    url = reverse("admin:conference_room_change", args=[room.pk])

    response = admin_client.post(url, change_form_data(admin_client, url, access_zone=zone.pk))

    assert response.status_code == 302
    room.refresh_from_db()
    assert room.access_zone == zone


def test_the_venue_page_checks_its_rooms_zones_too(admin_client):
    venue, elsewhere = VenueFactory(), AccessZoneFactory()
    room = RoomFactory(venue=venue)
    url = reverse("admin:conference_venue_change", args=[venue.pk])
    data = change_form_data(admin_client, url)
    (field,) = (name for name in data if name.endswith("-0-id") and "room" in name)
    data[field.replace("-0-id", "-0-access_zone")] = elsewhere.pk

    response = admin_client.post(url, data)

    assert response.status_code == 200
    assert str(ZoneOfAnotherVenue.default_message) in response.content.decode()
    room.refresh_from_db()
    assert room.access_zone is None


def test_a_conference_with_delegations_is_not_deleted():
    conference = DelegationFactory().conference

    with pytest.raises(StillInUse):
        services.delete_reference(conference)

    assert Conference.objects.filter(pk=conference.pk).exists()


def test_the_console_keeps_a_conference_in_use_and_deletes_an_unused_venue(admin_client):
    conference = DelegationFactory().conference
    unused = VenueFactory()

    refused = admin_client.post(
        reverse("admin:conference_conference_delete", args=[conference.pk]),
        {"post": "yes"},
        follow=True,
    )
    admin_client.post(reverse("admin:conference_venue_delete", args=[unused.pk]), {"post": "yes"})

    (message,) = (str(message) for message in refused.context["messages"])
    assert message.startswith("It is still in use (")
    assert Conference.objects.filter(pk=conference.pk).exists()
    assert not Venue.objects.filter(pk=unused.pk).exists()


def test_a_room_a_session_is_in_is_not_deleted(admin_client):
    room = SessionFactory(conference=ConferenceFactory()).room

    admin_client.post(reverse("admin:conference_room_delete", args=[room.pk]), {"post": "yes"})

    assert Room.objects.filter(pk=room.pk).exists()


def test_the_console_has_no_bulk_delete_past_the_services(admin_client):
    response = admin_client.get(reverse("admin:delegations_delegation_changelist"))

    actions = [name for name, _label in response.context["action_form"].fields["action"].choices]
    assert "reopen_selected" in actions
    assert "delete_selected" not in actions
