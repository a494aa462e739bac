"""Check-in at the doors: the decisions, the scanners' API, the scan page and the console."""

import datetime as dt
import re

import pytest
from django.contrib.auth.models import Permission, User
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from delegations.errors import UnknownZone
from delegations.models import Badge, Scan, ScannerDevice, hash_token
from delegations.qr import badge_payload
from delegations.services import record_scan, register_scanner, scanner_for_token
from tests.console import sign_in_to_console
from tests.delegations.portal import photo
from tests.factories import AccessZoneFactory, ConferenceFactory, DelegateFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def hanoi():
    conference = ConferenceFactory(slug="hanoi2025")
    AccessZoneFactory(venue=conference.venue, code="plenary", name="Plenary hall")
    AccessZoneFactory(venue=conference.venue, code="vip", name="VIP lounge")
    return conference


def badge_for(conference, *, number="HAN000001", zones=("plenary",), country="FR", **badge_fields):
    delegate = DelegateFactory(
        delegation__conference=conference,
        delegation__country=country,
        title="H.E. Mr",
        given_names="Jean",
        family_name="DUPONT",
        passport_last4="9876",
    )
    return Badge.objects.create(
        conference=conference,
        delegate=delegate,
        number=number,
        category="head_of_delegation",
        colour="red",
        zones=list(zones),
        **badge_fields,
    )


def scan(conference, badge_or_payload, zone="plenary", direction="entry", **kwargs):
    payload = badge_or_payload
    if isinstance(badge_or_payload, Badge):
        payload = badge_payload(badge_or_payload)
    return record_scan(conference, payload=payload, zone_code=zone, direction=direction, **kwargs)


def decision(scan):
    return (scan.allowed, scan.flagged, scan.reason)


# The decisions


def test_a_valid_badge_enters_its_zone_and_the_scan_is_recorded(hanoi):
    badge = badge_for(hanoi)
    device, _token = register_scanner(hanoi, "Plenary door 1")

    entry = scan(hanoi, badge, device=device)

    assert decision(entry) == (True, False, "allowed")
    recorded = Scan.objects.get()
    assert (recorded.conference, recorded.badge, recorded.zone.code) == (hanoi, badge, "plenary")
    assert (recorded.direction, recorded.device, recorded.scanned_by) == ("entry", device, None)


@pytest.mark.parametrize(
    "payload",
    [
        "12:not-our-signature",
        signing.Signer(salt="somebody.else").sign("1"),
        "",
        "   ",
    ],
)
def test_a_forged_code_is_refused_and_recorded_without_a_badge(hanoi, payload):
    badge_for(hanoi)

    refused = scan(hanoi, payload)

    assert decision(refused) == (False, False, "invalid_code")
    assert Scan.objects.filter(badge=None, allowed=False, reason="invalid_code").count() == 1


def test_a_revoked_badge_is_refused(hanoi):
    badge = badge_for(hanoi, state="revoked")

    assert decision(scan(hanoi, badge)) == (False, False, "revoked")
    assert Scan.objects.get().badge == badge


def test_a_zone_not_on_the_badge_is_refused(hanoi):
    badge = badge_for(hanoi, zones=["plenary"])

    assert decision(scan(hanoi, badge, zone="vip")) == (False, False, "zone_not_allowed")


def test_a_second_entry_without_an_exit_is_allowed_but_flagged(hanoi):
    badge = badge_for(hanoi, zones=["plenary", "vip"])

    first = scan(hanoi, badge)
    other_zone = scan(hanoi, badge, zone="vip")
    again = scan(hanoi, badge)
    out = scan(hanoi, badge, direction="exit")
    back = scan(hanoi, badge)

    assert decision(first) == (True, False, "allowed")
    assert decision(other_zone) == (True, False, "allowed")  # zones are counted apart
    assert decision(again) == (True, True, "double_entry")
    assert decision(out) == (True, False, "allowed")
    assert decision(back) == (True, False, "allowed")
    assert Scan.objects.filter(flagged=True).get() == again


def test_a_refused_scan_does_not_count_as_an_entry(hanoi):
    badge = badge_for(hanoi)
    scan(hanoi, badge)
    badge.state = "revoked"
    badge.save()
    scan(hanoi, badge)  # refused, recorded
    badge.state = "active"
    badge.save()

    assert decision(scan(hanoi, badge, direction="exit")) == (True, False, "allowed")


def test_an_exit_without_an_entry_is_allowed_and_flagged(hanoi):
    badge = badge_for(hanoi)

    first_exit = scan(hanoi, badge, direction="exit")
    second_exit = scan(hanoi, badge, direction="exit")

    assert decision(first_exit) == (True, True, "exit_without_entry")
    assert decision(second_exit) == (True, True, "exit_without_entry")


def test_a_badge_of_another_conference_is_refused(hanoi):
    vienna = ConferenceFactory(slug="vienna2026", venue=hanoi.venue)
    badge = badge_for(vienna, number="VIE000001")

    refused = scan(hanoi, badge)

    assert decision(refused) == (False, False, "unknown_badge")
    assert Scan.objects.get().conference == hanoi


def test_an_unknown_zone_is_an_error_and_nothing_is_recorded(hanoi):
    badge = badge_for(hanoi)
    elsewhere = AccessZoneFactory(code="backstage")  # at another venue

    for payload in (badge_payload(badge), "forged"):
        with pytest.raises(UnknownZone):
            scan(hanoi, payload, zone=elsewhere.code)

    assert Scan.objects.count() == 0


@pytest.mark.parametrize("earlier_scans", [1, 30])
def test_a_scan_takes_two_queries_however_many_came_before(
    hanoi, earlier_scans, django_assert_num_queries
):
    badge = badge_for(hanoi)
    for _ in range(earlier_scans):
        scan(hanoi, badge)

    # The badge with its zone and last allowed scan there, then the insert.
    with django_assert_num_queries(2):
        scanned = scan(hanoi, badge, direction="exit")

    assert decision(scanned) == (True, False, "allowed")


# Scanners and their tokens


def test_a_scanner_token_is_kept_only_as_its_hash(hanoi):
    device, token = register_scanner(hanoi, "  Plenary door 1  ")

    assert device.name == "Plenary door 1"
    assert device.token_hash == hash_token(token)
    assert token not in device.token_hash
    assert scanner_for_token(token) == device
    assert scanner_for_token(token + "x") is None
    assert scanner_for_token("") is None
    device.active = False
    device.save()
    assert scanner_for_token(token) is None


def test_a_scanner_needs_a_name(hanoi):
    with pytest.raises(ValidationError):
        register_scanner(hanoi, "   ")

    assert ScannerDevice.objects.count() == 0


# The API


def scanner_client(token):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Scanner {token}")
    return client


def staff_api_client(*codenames):
    user = User.objects.create_user(f"security{User.objects.count()}", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client, user


def check_in(client, payload, zone="plenary", direction="entry", **extra):
    body = {"payload": payload, "zone": zone, "direction": direction, **extra}
    return client.post("/api/v1/check-in/", body, format="json")


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


# The scan page, as a phone uses it


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


def console_user(client, *codenames):
    user = User.objects.create_user("security", password="x" * 20, is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    sign_in_to_console(client, user)
    return user


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


# The console


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
