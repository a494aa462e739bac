"""The whole OpenAPI schema, exercised by schemathesis: no server error, responses as documented.

Each operation gets a bounded number of generated requests (hypothesis), sent in process to the
WSGI application, and each response is checked against the schema.
"""

import pytest
import schemathesis
from django.contrib.auth.models import User
from hypothesis import HealthCheck, given, settings

from config.wsgi import application
from delegations.models import PortalAccount
from delegations.services import issue_api_token
from sessions import services
from tests.factories import ConferenceFactory, DelegateFactory, SessionFactory

EXAMPLES_PER_OPERATION = 8


def _operations():
    schema = schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", application)
    return [result.ok() for result in schema.get_all_operations()]


@pytest.mark.parametrize("caller", ["anonymous", "focal_point", "organiser"])
@pytest.mark.django_db(transaction=True)
def test_every_operation_answers_as_documented(caller):
    conference = ConferenceFactory(slug="hanoi2025")
    services.publish_session(SessionFactory(conference=conference))
    services.release_schedule(conference)
    delegate = DelegateFactory(delegation__conference=conference)
    headers = {}
    if caller == "organiser":
        admin = User.objects.create_superuser("protocol", password="x" * 20)
        headers["Authorization"] = f"Token {issue_api_token(admin)}"
    elif caller == "focal_point":
        # A mission's system with the token of its focal point: reads its own delegation only.
        focal = User.objects.create_user("focal@mission.example.org", password="x" * 20)
        PortalAccount.objects.create(user=focal, delegation=delegate.delegation)
        headers["Authorization"] = f"Token {issue_api_token(focal)}"
    operations = _operations()
    assert len(operations) >= 12

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case):
            case.call_and_validate(headers=headers)

        check()
