import re

import pytest
from django.contrib.auth.models import Permission, User
from django.core import mail
from rest_framework.test import APIClient

from delegations.models import Invitation
from delegations.services import issue_api_token
from tests.factories import ConferenceFactory, DelegateFactory, DelegationFactory
from tests.portal.support import delegate_data, signed_in_focal_point

pytestmark = pytest.mark.django_db


def organiser(*codenames):
    user = User.objects.create_user(f"user{User.objects.count()}", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {issue_api_token(user)}")
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

    # The token with its user, the user's other tokens (knox deletes expired ones), the user's
    # permissions (two), the count, the page: whatever the size.
    with django_assert_num_queries(6):
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


def test_a_focal_points_token_reads_its_own_delegation_only(client, invite):
    mine = signed_in_focal_point(client, invite, country="FR")
    theirs = DelegationFactory(conference=mine.conference, country="DE")
    DelegateFactory(delegation=theirs, family_name="THEIRS")
    DelegateFactory(delegation=mine, family_name="MINE")
    page = client.post("/portal/api-access/").content.decode()
    token = re.search(r"<code>([0-9a-f]{64})</code>", page).group(1)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")

    delegations = api.get("/api/v1/delegations/").json()["results"]
    delegates = api.get("/api/v1/delegates/").json()["results"]
    other = api.get(f"/api/v1/delegations/{theirs.pk}/")
    invite_attempt = api.post(f"/api/v1/delegations/{mine.pk}/invite/")

    assert [d["id"] for d in delegations] == [mine.pk]
    assert [d["family_name"] for d in delegates] == ["MINE"]
    assert other.status_code == 404
    assert invite_attempt.status_code == 403


def test_a_revoked_focal_point_token_stops_working(client, invite):
    signed_in_focal_point(client, invite)
    page = client.post("/portal/api-access/").content.decode()
    token = re.search(r"<code>([0-9a-f]{64})</code>", page).group(1)
    client.post("/portal/api-access/", {"revoke": "1"})
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")

    response = api.get("/api/v1/delegations/")

    assert response.status_code == 401
    assert response.json()["error"]["code"] in ("authentication_failed", "not_authenticated")


def test_the_api_shows_passport_numbers_masked(client, invite):
    delegation = signed_in_focal_point(client, invite)
    client.post("/portal/delegates/new/", delegate_data())
    reader = organiser("view_delegate")

    (row,) = reader.get(f"/api/v1/delegates/?delegation={delegation.pk}").json()["results"]

    assert row["passport"] == "••••2345"
    assert "19AB" not in str(row)
