"""The gala dinner: the console."""

import pytest
from django.contrib.auth.models import Permission, User
from django.core import mail
from django.urls import reverse

from sessions.models import GalaAnswer, GalaSeat
from tests.factories import (
    ConferenceFactory,
)
from tests.sessions.gala.support import VIETNAMESE_NAME, delegation_of, head_of, pdf_text

pytestmark = pytest.mark.django_db


def test_the_printables_need_staff_with_the_view_permission(seated_gala, client, staff):
    urls = [
        reverse(f"admin:programme_galatable_{name}", args=[seated_gala.pk])
        for name in ("seating_plan_pdf", "place_cards_pdf")
    ]

    for url in urls:
        assert client.get(url).status_code == 302
        assert client.get(url)["Location"].startswith(reverse("admin:login"))

    staff()
    assert [client.get(url).status_code for url in urls] == [403, 403]


def test_the_printables_are_pdfs_for_staff_with_the_view_permission(seated_gala, staff):
    client = staff("view_galatable")

    for name, filename in (
        ("seating_plan_pdf", "seating-plan"),
        ("place_cards_pdf", "place-cards"),
    ):
        response = client.get(reverse(f"admin:programme_galatable_{name}", args=[seated_gala.pk]))
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert f"{seated_gala.slug}-{filename}.pdf" in response["Content-Disposition"]
        assert VIETNAMESE_NAME in pdf_text(response.content)[0]


def test_the_dinner_page_seats_the_guests_only_for_those_who_may_change_seats(seated_gala, staff):
    GalaSeat.objects.all().delete()
    url = reverse("admin:programme_galatable_dinner", args=[seated_gala.pk])
    viewer = staff("view_galatable")

    assert viewer.get(url).status_code == 200
    assert viewer.post(url).status_code == 403
    assert GalaSeat.objects.count() == 0

    User.objects.get(username="protocol").user_permissions.add(
        Permission.objects.get(content_type__app_label="programme", codename="change_galaseat")
    )
    response = viewer.post(url, follow=True)

    assert "3 guests seated." in response.content.decode()
    assert GalaSeat.objects.count() == 3
    assert VIETNAMESE_NAME in response.content.decode()


def test_the_console_refuses_a_move_onto_a_taken_seat_with_a_form_error(seated_gala, admin_client):
    french = GalaSeat.objects.get(delegate__family_name="Lefèvre")
    host = GalaSeat.objects.get(delegate__family_name="Nguyễn")
    url = reverse("admin:programme_galaseat_change", args=[french.pk])

    response = admin_client.post(url, {"table": host.table_id, "seat_number": host.seat_number})

    assert response.status_code == 200
    assert f"is taken by {host.delegate.full_name}" in response.content.decode()
    french.refresh_from_db()
    assert (french.table_id, french.seat_number) != (host.table_id, host.seat_number)


def test_the_console_lists_tables_answers_and_seats(seated_gala, admin_client):
    for name in ("galatable", "galaanswer", "galaseat"):
        response = admin_client.get(reverse(f"admin:programme_{name}_changelist"))
        assert response.status_code == 200
    response = admin_client.get(
        reverse("admin:programme_galaanswer_changelist"), {"dietary": "vegetarian"}
    )
    assert "Élodie Lefèvre" in response.content.decode()
    assert "Jean Dupont" not in response.content.decode()


def test_an_answer_taken_in_the_console_goes_through_the_service(
    gala, admin_client, django_capture_on_commit_callbacks
):
    guest = head_of(delegation_of(gala.conference, "GB"), "minister")
    stranger = head_of(delegation_of(ConferenceFactory(), "DE"), "minister")
    url = reverse("admin:programme_galaanswer_add")

    refused = admin_client.post(
        url, {"session": gala.pk, "delegate": stranger.pk, "attending": "on"}
    )
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            url,
            {"session": gala.pk, "delegate": guest.pk, "attending": "on", "dietary_needs": "Halal"},
        )

    assert "not a gala dinner of the delegate" in refused.content.decode()
    answer = GalaAnswer.objects.get()
    assert (answer.delegate, answer.attending, answer.dietary_needs) == (guest, True, "Halal")
    assert [m.subject for m in mail.outbox] == ["Gala dinner: attendance recorded"]
