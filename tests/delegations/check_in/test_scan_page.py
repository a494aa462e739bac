"""Check-in at the doors: the scan page, as a phone uses it."""

import re

import pytest
from django.contrib.auth.models import Permission, User

from delegations.models import Scan
from delegations.qr import badge_payload
from delegations.services import register_scanner
from tests.delegations.check_in.support import badge_for, console_user

pytestmark = pytest.mark.django_db


def test_a_phone_connects_with_its_token_and_scans_badge_after_badge(client, hanoi):
    badge = badge_for(hanoi)
    revoked = badge_for(hanoi, number="HAN000002", country="DE", state="revoked")
    device, token = register_scanner(hanoi, "Plenary door 1")

    assert client.get("/check-in/").url == "/check-in/start/"
    connected = client.post("/check-in/start/", {"token": token})
    assert connected.url == "/check-in/"
    page = client.get("/check-in/")
    assert page.status_code == 200
    assert '<option value="plenary">Plenary hall</option>' in page.content.decode()

    door = {"zone": "plenary", "direction": "entry"}
    allowed = client.post("/check-in/", door | {"payload": badge_payload(badge)}).content.decode()
    again = client.post("/check-in/", door | {"payload": badge_payload(badge)}).content.decode()
    refused = client.post("/check-in/", door | {"payload": badge_payload(revoked)})
    forged = client.post("/check-in/", door | {"payload": "pasted nonsense"}).content.decode()

    assert 'class="result allowed"' in allowed
    assert "H.E. Mr Jean DUPONT" in allowed
    assert "France" in allowed
    assert "HAN000001" in allowed
    assert "9876" not in allowed
    assert 'class="result allowed flagged"' in again
    assert "a double entry" in again
    assert 'class="result refused"' in refused.content.decode()
    assert "Refused: this badge has been revoked." in refused.content.decode()
    assert 'class="result refused"' in forged
    assert "DUPONT" not in forged
    # The door is kept for the next badge; the code field is empty again.
    assert refused.context["form"].initial == door
    assert refused.context["form"]["payload"].value() is None
    assert list(Scan.objects.order_by("pk").values_list("reason", "device")) == [
        ("allowed", device.pk),
        ("double_entry", device.pk),
        ("revoked", device.pk),
        ("invalid_code", device.pk),
    ]


def test_the_scan_page_is_csp_clean(client, hanoi):
    _device, token = register_scanner(hanoi, "Plenary door 1")
    client.post("/check-in/start/", {"token": token})

    page = client.get("/check-in/")
    html = page.content.decode()

    assert "script-src 'self'" in page["Content-Security-Policy"]
    assert re.findall(r"<script[^>]*>", html) == ['<script src="/static/check_in/camera.js" defer>']
    assert " style=" not in html
    assert "<style" not in html
    assert "//" not in html.replace("<!DOCTYPE html>", "")  # no CDN, nothing from elsewhere


def test_a_wrong_token_on_the_page_is_refused(client, hanoi):
    register_scanner(hanoi, "Plenary door 1")

    response = client.post("/check-in/start/", {"token": "guess"})

    assert response.status_code == 200
    assert "This token belongs to no active scanner." in response.content.decode()
    assert client.get("/check-in/").url == "/check-in/start/"


def test_a_deactivated_scanner_is_stopped_at_its_next_scan(client, hanoi):
    badge = badge_for(hanoi)
    device, token = register_scanner(hanoi, "Plenary door 1")
    client.post("/check-in/start/", {"token": token})
    device.active = False
    device.save()

    response = client.post(
        "/check-in/", {"zone": "plenary", "direction": "entry", "payload": badge_payload(badge)}
    )

    assert response.status_code == 403
    assert Scan.objects.count() == 0


def test_stopping_forgets_the_scanner(client, hanoi):
    _device, token = register_scanner(hanoi, "Plenary door 1")
    client.post("/check-in/start/", {"token": token})

    client.post("/check-in/stop/")

    assert client.get("/check-in/").url == "/check-in/start/"


def test_security_staff_scan_on_the_page_after_choosing_the_conference(client, hanoi):
    badge = badge_for(hanoi)
    user = console_user(client, "add_scan")

    chosen = client.post("/check-in/start/", {"conference": hanoi.pk})
    response = client.post(
        "/check-in/", {"zone": "plenary", "direction": "entry", "payload": badge_payload(badge)}
    )

    assert chosen.url == "/check-in/"
    assert 'class="result allowed"' in response.content.decode()
    assert Scan.objects.get().scanned_by == user


def test_staff_without_the_permission_may_not_scan_on_the_page(client, hanoi):
    badge = badge_for(hanoi)
    console_user(client, "view_scan")

    start = client.get("/check-in/start/")
    client.post("/check-in/start/", {"conference": hanoi.pk})
    response = client.post(
        "/check-in/", {"zone": "plenary", "direction": "entry", "payload": badge_payload(badge)}
    )

    assert start.context["conference_form"] is None
    assert response.status_code == 403
    assert Scan.objects.count() == 0


def test_staff_signed_in_without_the_second_factor_may_not_scan_on_the_page(client, hanoi):
    user = User.objects.create_user("security", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename="add_scan"))
    client.force_login(user)

    client.post("/check-in/start/", {"conference": hanoi.pk})

    assert client.get("/check-in/").url == "/check-in/start/"
