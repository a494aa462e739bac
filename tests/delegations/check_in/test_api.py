"""Check-in at the doors: the API."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from delegations.models import Scan
from delegations.qr import badge_payload
from delegations.services import register_scanner, revoke_badge
from tests.delegations.check_in.support import (
    badge_for,
    check_in,
    scan,
    scanner_client,
    staff_api_client,
)
from tests.factories import ConferenceFactory
from tests.portal.support import photo

pytestmark = pytest.mark.django_db


def test_a_scanner_checks_a_badge_in_through_the_api(hanoi):
    badge = badge_for(hanoi)
    device, token = register_scanner(hanoi, "Plenary door 1")

    response = check_in(scanner_client(token), badge_payload(badge))

    assert response.status_code == 200
    assert response.json() == {
        "allowed": True,
        "flagged": False,
        "reason": "allowed",
        "message": "Allowed.",
        "badge": {
            "number": "HAN000001",
            "name": "H.E. Mr Jean DUPONT",
            "delegation": "France",
            "colour": "red",
            "photo_url": None,
        },
    }
    assert "9876" not in response.content.decode()  # no passport data, even masked
    assert Scan.objects.get().device == device


def test_a_double_entry_through_the_api_says_so(hanoi):
    badge = badge_for(hanoi)
    _device, token = register_scanner(hanoi, "Plenary door 1")
    client = scanner_client(token)
    check_in(client, badge_payload(badge))

    body = check_in(client, badge_payload(badge)).json()

    assert (body["allowed"], body["flagged"], body["reason"]) == (True, True, "double_entry")
    assert "double entry" in body["message"]


def test_a_forged_code_through_the_api_reveals_nothing(hanoi):
    badge_for(hanoi)
    _device, token = register_scanner(hanoi, "Plenary door 1")

    response = check_in(scanner_client(token), "1:forged")

    assert response.status_code == 200
    assert response.json() == {
        "allowed": False,
        "flagged": False,
        "reason": "invalid_code",
        "message": "Refused: this is not a valid badge code.",
        "badge": None,
    }


def test_a_badge_of_another_conference_reveals_nothing_through_the_api(hanoi):
    badge = badge_for(ConferenceFactory(slug="vienna2026"), number="VIE000001")
    _device, token = register_scanner(hanoi, "Plenary door 1")

    body = check_in(scanner_client(token), badge_payload(badge)).json()

    assert (body["allowed"], body["reason"], body["badge"]) == (False, "unknown_badge", None)


def test_a_revoked_badge_is_refused_and_shown_to_the_door(hanoi):
    badge = badge_for(hanoi, state="revoked")
    _device, token = register_scanner(hanoi, "Plenary door 1")

    body = check_in(scanner_client(token), badge_payload(badge)).json()

    assert (body["allowed"], body["reason"]) == (False, "revoked")
    assert body["message"] == "Refused: this badge has been revoked."
    assert body["badge"]["name"] == "H.E. Mr Jean DUPONT"


def test_the_photo_link_of_an_answer_shows_the_photo_for_a_while_only(hanoi, time_machine):
    badge = badge_for(hanoi)
    badge.delegate.photo.save("photo.jpg", photo())
    _device, token = register_scanner(hanoi, "Plenary door 1")

    link = check_in(scanner_client(token), badge_payload(badge)).json()["badge"]["photo_url"]

    assert re.fullmatch(r"http://testserver/check-in/photo/[^/]+/", link)
    anybody = APIClient()
    shown = anybody.get(link)
    assert (shown.status_code, shown["Content-Type"]) == (200, "image/jpeg")
    assert b"".join(shown.streaming_content)[:2] == b"\xff\xd8"
    assert anybody.get(link.replace("/photo/", "/photo/x")).status_code == 404
    time_machine.move_to(timezone.now() + dt.timedelta(minutes=11))
    assert anybody.get(link).status_code == 404


def test_a_scanner_with_a_bad_or_deactivated_token_gets_401(hanoi):
    badge = badge_for(hanoi)
    device, token = register_scanner(hanoi, "Plenary door 1")

    bad = check_in(scanner_client("not-a-token"), badge_payload(badge))
    device.active = False
    device.save()
    deactivated = check_in(scanner_client(token), badge_payload(badge))

    for response in (bad, deactivated):
        assert response.status_code == 401
        assert response["WWW-Authenticate"] == "Scanner"
        assert response.json()["error"]["message"] == "Unknown or deactivated scanner."
    assert Scan.objects.count() == 0


def test_anonymous_callers_get_401_and_staff_without_the_permission_403(hanoi):
    badge = badge_for(hanoi)
    payload = badge_payload(badge)
    without, _user = staff_api_client("view_scan")

    anonymous = check_in(APIClient(), payload, conference="hanoi2025")
    forbidden = check_in(without, payload, conference="hanoi2025")

    assert anonymous.status_code == 401
    assert anonymous.json()["error"]["code"] == "not_authenticated"
    assert forbidden.status_code == 403
    assert forbidden.json()["error"]["code"] == "permission_denied"
    assert Scan.objects.count() == 0


def test_security_staff_scan_through_the_api_for_the_conference_under_way(hanoi):
    ConferenceFactory(slug="past2024", start_date=dt.date(2024, 5, 1), end_date=dt.date(2024, 5, 2))
    badge = badge_for(hanoi)
    security, user = staff_api_client("add_scan")

    under_way = check_in(security, badge_payload(badge))
    named = check_in(security, badge_payload(badge), direction="exit", conference="hanoi2025")
    unknown = check_in(security, badge_payload(badge), conference="nowhere")

    assert under_way.json()["reason"] == named.json()["reason"] == "allowed"
    assert unknown.status_code == 404
    assert list(Scan.objects.values_list("scanned_by", "device", "conference")) == [
        (user.pk, None, hanoi.pk),
        (user.pk, None, hanoi.pk),
    ]


def test_a_scanner_scans_for_its_own_conference_only(hanoi):
    ConferenceFactory(slug="vienna2026")
    badge = badge_for(hanoi)
    _device, token = register_scanner(hanoi, "Plenary door 1")

    response = check_in(scanner_client(token), badge_payload(badge), conference="vienna2026")

    assert response.status_code == 403
    assert response.json()["error"]["message"] == "This scanner belongs to another conference."
    assert Scan.objects.count() == 0


def test_a_code_with_a_nul_character_is_a_forged_code(hanoi):
    _device, token = register_scanner(hanoi, "Plenary door 1")

    body = check_in(scanner_client(token), "1\x00:forged").json()

    assert (body["allowed"], body["reason"], body["badge"]) == (False, "invalid_code", None)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"payload": "x", "zone": "plenary", "direction": "sideways"}, "direction"),
        ({"zone": "plenary", "direction": "entry"}, "payload"),
        ({"payload": "x", "zone": "not a code!", "direction": "entry"}, "zone"),
        ({"payload": "x" * 201, "zone": "plenary", "direction": "entry"}, "payload"),
    ],
)
def test_a_malformed_scan_is_a_400_and_records_nothing(hanoi, body, field):
    _device, token = register_scanner(hanoi, "Plenary door 1")

    response = scanner_client(token).post("/api/v1/check-in/", body, format="json")

    assert response.status_code == 400
    assert list(response.json()["error"]["details"]) == [field]
    assert Scan.objects.count() == 0


def test_an_unknown_zone_through_the_api_is_a_404(hanoi):
    badge = badge_for(hanoi)
    _device, token = register_scanner(hanoi, "Plenary door 1")

    response = check_in(scanner_client(token), badge_payload(badge), zone="backstage")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "unknown_zone"
    assert Scan.objects.count() == 0


@pytest.mark.parametrize("earlier_scans", [1, 30])
def test_a_scan_through_the_api_takes_three_queries(
    hanoi, earlier_scans, django_assert_num_queries
):
    badge = badge_for(hanoi)
    _device, token = register_scanner(hanoi, "Plenary door 1")
    client = scanner_client(token)
    for _ in range(earlier_scans):
        scan(hanoi, badge)

    # The scanner by its token, the badge with its last scan, the insert.
    with django_assert_num_queries(3):
        response = check_in(client, badge_payload(badge), direction="exit")

    assert response.json()["reason"] == "allowed"


def test_the_photo_link_dies_when_the_badge_is_revoked(hanoi):
    badge = badge_for(hanoi)
    badge.delegate.photo.save("photo.jpg", photo())
    _device, token = register_scanner(hanoi, "Plenary door 1")
    link = check_in(scanner_client(token), badge_payload(badge)).json()["badge"]["photo_url"]

    revoke_badge(badge, reason="Lost")

    assert APIClient().get(link).status_code == 404
