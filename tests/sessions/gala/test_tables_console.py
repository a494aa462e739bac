"""The dinner's tables in the console: through `save_gala_table` and `remove_gala_table`, which
keep the seats of the guests already seated."""

import pytest
from django.urls import reverse

from sessions import services
from sessions.errors import GalaTableOccupied, NotAGalaDinner
from sessions.models import GalaSeat, GalaTable
from tests.console import change_form_data
from tests.factories import SessionFactory

pytestmark = pytest.mark.django_db


def _top_table(gala):
    return GalaTable.objects.get(session=gala, is_top_table=True)


def test_a_table_does_not_lose_a_seat_a_guest_holds(seated_gala):
    top = _top_table(seated_gala)
    highest = max(GalaSeat.objects.filter(table=top).values_list("seat_number", flat=True))

    with pytest.raises(GalaTableOccupied):
        services.save_gala_table(top, seats=highest - 1)

    top.refresh_from_db()
    assert top.seats == 3


def test_the_console_shows_the_lost_seat_as_a_form_error(seated_gala, admin_client):
    top = _top_table(seated_gala)
    url = reverse("admin:programme_galatable_change", args=[top.pk])
    data = change_form_data(admin_client, url, seats="1", name="Table d'honneur")

    response = admin_client.post(url, data)

    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.non_field_errors() == [str(GalaTableOccupied.default_message)]
    assert form["name"].value() == "Table d'honneur"
    top.refresh_from_db()
    assert (top.seats, top.name) == (3, "")


def test_the_console_adds_seats_to_a_table(seated_gala, admin_client):
    top = _top_table(seated_gala)
    url = reverse("admin:programme_galatable_change", args=[top.pk])

    response = admin_client.post(url, change_form_data(admin_client, url, seats="5"))

    assert response.status_code == 302
    top.refresh_from_db()
    assert top.seats == 5


def test_a_table_is_only_for_a_gala_dinner(gala):
    roundtable = SessionFactory(conference=gala.conference)

    with pytest.raises(NotAGalaDinner):
        services.save_gala_table(GalaTable(session=roundtable, number=1, seats=8))

    assert not GalaTable.objects.filter(session=roundtable).exists()


def test_a_table_with_guests_is_not_deleted_an_empty_one_is(seated_gala, admin_client):
    tables = list(GalaTable.objects.filter(session=seated_gala).order_by("number"))
    empty = GalaTable.objects.create(session=seated_gala, number=9, seats=4)

    for table in (*tables, empty):
        admin_client.post(
            reverse("admin:programme_galatable_delete", args=[table.pk]), {"post": "yes"}
        )

    occupied = {seat.table_id for seat in GalaSeat.objects.filter(session=seated_gala)}
    assert set(GalaTable.objects.filter(session=seated_gala).values_list("pk", flat=True)) == (
        occupied
    )
    assert GalaSeat.objects.filter(session=seated_gala).count() == 3
