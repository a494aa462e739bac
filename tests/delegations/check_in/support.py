"""Helpers, data and fixtures shared by the tests of this package."""

import pytest
from django.contrib.auth.models import Permission, User
from rest_framework.test import APIClient

from delegations.models import Badge
from delegations.qr import badge_payload
from delegations.services import issue_api_token, record_scan
from tests.console import sign_in_to_console
from tests.factories import AccessZoneFactory, ConferenceFactory, DelegateFactory


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


def scanner_client(token):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Scanner {token}")
    return client


def staff_api_client(*codenames):
    user = User.objects.create_user(f"security{User.objects.count()}", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {issue_api_token(user)}")
    return client, user


def check_in(client, payload, zone="plenary", direction="entry", **extra):
    body = {"payload": payload, "zone": zone, "direction": direction, **extra}
    return client.post("/api/v1/check-in/", body, format="json")


def console_user(client, *codenames):
    user = User.objects.create_user("security", password="x" * 20, is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    sign_in_to_console(client, user)
    return user
