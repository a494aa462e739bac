"""Integer parameters are bounded before they reach the database: the same answer on SQLite as on
PostgreSQL, never a crash of the driver."""

import pytest
from django.contrib.auth.models import Permission, User
from rest_framework.test import APIClient

from delegations import services
from delegations.services import issue_api_token
from tests.factories import ConferenceFactory, DelegationFactory

pytestmark = pytest.mark.django_db

TWENTY_DIGITS = "12345678901234567890"


def organiser(*codenames):
    user = User.objects.create_user("organiser", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {issue_api_token(user)}")
    return client


@pytest.mark.parametrize("endpoint", ["invitations", "delegates"])
def test_a_twenty_digit_delegation_filter_is_refused_with_the_api_error_body(endpoint):
    api = organiser("view_invitation", "view_delegate")

    response = api.get(f"/api/v1/{endpoint}/?delegation={TWENTY_DIGITS}")

    assert response.status_code == 400
    assert response.json() == {
        "error": {
            "code": "invalid",
            "message": "The request is not valid.",
            "details": {
                "delegation": ["Ensure this value is less than or equal to 9223372036854775807."]
            },
        }
    }


def test_a_delegation_filter_within_the_range_still_filters():
    conference = ConferenceFactory()
    first = DelegationFactory(conference=conference, country="FR")
    second = DelegationFactory(conference=conference, country="DE")
    invitation, _other = services.invite_delegations(conference, delegations=[first, second])
    api = organiser("view_invitation")

    found = api.get(f"/api/v1/invitations/?delegation={invitation.delegation_id}").json()
    unknown = api.get("/api/v1/invitations/?delegation=9223372036854775807").json()

    assert [row["id"] for row in found["results"]] == [invitation.pk]
    assert unknown["results"] == []


def test_a_twenty_digit_id_in_a_path_answers_404_not_a_crash(client):
    ConferenceFactory(slug="hanoi2025")

    feed = client.get(f"/api/v1/conferences/hanoi2025/schedule/sessions/{TWENTY_DIGITS}/")
    portal = client.get(f"/portal/delegates/{TWENTY_DIGITS}/")

    assert feed.status_code == 404
    assert feed.json()["error"]["code"] == "not_found"
    assert portal.status_code == 404
