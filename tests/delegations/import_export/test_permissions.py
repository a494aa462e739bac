"""Imports and exports: permissions."""

import pytest

from delegations.models import Delegation
from tests.delegations.import_export.support import (
    CSV,
    INVITEES,
    csv_upload,
    france,
    preview,
    staff,
)
from tests.factories import ConferenceFactory

pytestmark = pytest.mark.django_db


def test_a_staff_member_without_the_add_permission_cannot_import(client):
    staff(client, "view_delegation", "change_delegation", "view_delegate", "change_delegate")
    conference = ConferenceFactory()

    pages = [
        client.get("/admin/delegations/delegation/import/"),
        preview(client, "delegation", csv_upload(INVITEES, france()), conference=conference.pk),
        client.post("/admin/delegations/delegation/process_import/", {}),
        client.get("/admin/delegations/delegate/import/"),
    ]
    changelist = client.get("/admin/delegations/delegation/").content.decode()

    assert [page.status_code for page in pages] == [403, 403, 403, 403]
    assert "/admin/delegations/delegation/import/" not in changelist
    assert Delegation.objects.count() == 0


def test_a_staff_member_without_the_view_permission_cannot_export(client, registered):
    staff(client, "view_delegation")

    response = client.post(
        "/admin/delegations/delegate/export/",
        {"format": CSV, "export_items": [d.pk for d in registered.delegates.all()]},
    )

    assert response.status_code == 403
