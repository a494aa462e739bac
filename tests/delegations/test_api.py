import pytest
from django.contrib.auth.models import Permission, User
from django.core import mail
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from delegations.models import Invitation
from tests.factories import ConferenceFactory, DelegateFactory, DelegationFactory

pytestmark = pytest.mark.django_db


def organiser(*codenames):
    user = User.objects.create_user(f"user{User.objects.count()}", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


@pytest.fixture
def hanoi():
    conference = ConferenceFactory(slug="hanoi2025")
    france = DelegationFactory(conference=conference, country="FR")
    DelegateFactory(delegation=france, accreditation_status="accredited")
    DelegateFactory(delegation=france)
    DelegationFactory(conference=ConferenceFactory(slug="vienna2026"), country="AT")
    return conference, france


def test_delegations_list_with_registration_status_needs_the_view_permission(hanoi):
    _, france = hanoi
    reader = organiser("view_delegation")

    response = reader.get("/api/v1/delegations/?conference=hanoi2025")

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    (row,) = body["results"]
    assert (row["id"], row["name"], row["status"]) == (france.pk, "France", "invited")
    assert row["registration"] == {"delegates": 2, "accredited": 1, "pending": 1, "rejected": 0}


def test_the_api_refuses_anonymous_and_unprivileged_callers(hanoi):
    assert APIClient().get("/api/v1/delegations/").status_code == 401
    assert organiser().get("/api/v1/delegations/").status_code == 403
    assert organiser("view_delegation").get("/api/v1/invitations/").status_code == 403


@pytest.mark.parametrize("size", [5, 45])
def test_delegation_list_queries_do_not_grow(hanoi, size, django_assert_num_queries):
    conference, _ = hanoi
    reader = organiser("view_delegation")
    for country in ["DE", "JP", "BR", "KE", "IN", "MX", "NO", "SN", "TH"] * (size // 9 + 1):
        DelegateFactory(
            delegation=DelegationFactory(
                conference=conference, kind="ngo", country="", name=country * 3
            )
        )

    # The token, the user's permissions (two), the count, the page: whatever the size.
    with django_assert_num_queries(5):
        response = reader.get("/api/v1/delegations/")

    assert response.json()["count"] > size


def test_inviting_through_the_api_goes_through_the_service(
    hanoi, django_capture_on_commit_callbacks
):
    _, france = hanoi
    protocol = organiser("view_delegation", "add_invitation")

    with django_capture_on_commit_callbacks(execute=True):
        first = protocol.post(f"/api/v1/delegations/{france.pk}/invite/")
    again = protocol.post(f"/api/v1/delegations/{france.pk}/invite/")

    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["id"] == again.json()["id"]
    assert Invitation.objects.filter(delegation=france).count() == 1
    assert len(mail.outbox) == 1


def test_revoking_needs_the_change_permission(hanoi, django_capture_on_commit_callbacks):
    _, france = hanoi
    with django_capture_on_commit_callbacks(execute=True):
        organiser("add_invitation").post(f"/api/v1/delegations/{france.pk}/invite/")
    invitation = Invitation.objects.get()

    refused = organiser("view_invitation").post(f"/api/v1/invitations/{invitation.pk}/revoke/")
    done = organiser("change_invitation").post(f"/api/v1/invitations/{invitation.pk}/revoke/")

    assert (refused.status_code, done.status_code) == (403, 200)
    assert done.json()["state"] == "revoked"
