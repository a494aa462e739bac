"""Check-in at the doors: the decisions."""

import pytest
from django.core import signing

from delegations.errors import UnknownZone
from delegations.models import Scan
from delegations.qr import badge_payload
from delegations.services import register_scanner
from tests.delegations.check_in.support import badge_for, decision, scan
from tests.factories import AccessZoneFactory, ConferenceFactory

pytestmark = pytest.mark.django_db


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
