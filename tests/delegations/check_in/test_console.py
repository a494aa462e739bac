"""Check-in at the doors: the console."""

import re

import pytest

from delegations.models import Scan, ScannerDevice
from delegations.services import scanner_for_token
from tests.delegations.check_in.support import badge_for, console_user, scan

pytestmark = pytest.mark.django_db


def test_creating_a_scanner_in_the_console_shows_its_token_once(client, hanoi):
    console_user(client, "add_scannerdevice", "view_scannerdevice", "change_scannerdevice")

    response = client.post(
        "/admin/delegations/scannerdevice/add/",
        {"conference": hanoi.pk, "name": "Plenary door 1"},
        follow=True,
    )

    messages = " ".join(str(m) for m in response.context["messages"])
    (token,) = re.findall(r"The token of Plenary door 1 is (\S+)\. ", messages)
    device = ScannerDevice.objects.get()
    assert scanner_for_token(token) == device
    assert (
        token
        not in client.get(f"/admin/delegations/scannerdevice/{device.pk}/change/").content.decode()
    )


def test_the_scans_list_is_read_only_and_filters(client, hanoi):
    badge = badge_for(hanoi, zones=["plenary", "vip"])
    scan(hanoi, badge)
    scan(hanoi, badge)
    scan(hanoi, "forged")
    console_user(client, "view_scan")

    flagged = client.get("/admin/delegations/scan/?flagged__exact=1")
    refused = client.get("/admin/delegations/scan/?allowed__exact=0")
    entries = client.get("/admin/delegations/scan/?direction__exact=entry")
    one = Scan.objects.first()

    assert flagged.context["cl"].result_count == 1
    assert refused.context["cl"].result_count == 1
    assert entries.status_code == 200
    assert client.get("/admin/delegations/scan/add/").status_code == 403
    change = client.get(f"/admin/delegations/scan/{one.pk}/change/")
    assert change.status_code == 200
    assert 'name="_save"' not in change.content.decode()
