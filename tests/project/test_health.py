import pytest
from django.db import connection


def test_healthz_answers_without_touching_the_database(client):
    # No django_db mark: pytest-django turns any database access into an error.
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_readyz_is_ready_when_the_database_answers_and_no_broker_is_configured(client, settings):
    settings.REDIS_URL = ""

    response = client.get("/readyz")

    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "broker": "not configured (tasks run eagerly)",
    }


@pytest.mark.redis
@pytest.mark.django_db
def test_readyz_is_ready_when_the_configured_broker_answers(client, settings, redis_url):
    settings.REDIS_URL = redis_url

    response = client.get("/readyz")

    assert response.status_code == 200
    assert response.json()["broker"] == "ok"


@pytest.mark.django_db
def test_readyz_answers_503_with_a_reason_when_the_broker_is_down(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1

    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable",
        "reasons": {"broker": "broker unreachable: ConnectionError"},
    }


@pytest.fixture
def database_down(transactional_db):
    """The default connection pointed at a port where no PostgreSQL answers, then restored."""
    saved = dict(connection.settings_dict)
    connection.close()
    connection.settings_dict["PORT"] = "1"
    yield
    connection.close()
    connection.settings_dict.update(saved)


@pytest.mark.postgres
def test_readyz_answers_503_with_a_reason_when_the_database_is_down(client, database_down):
    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable",
        "reasons": {"database": "database unreachable: OperationalError"},
    }


def test_an_unknown_api_address_answers_404_in_the_api_error_shape(client):
    response = client.get("/api/v1/conferences/hanoi2025/schedule/sessions/-1/")

    assert response.status_code == 404
    assert response.json() == {
        "error": {"code": "not_found", "message": "Not found.", "details": {}}
    }


@pytest.mark.parametrize(
    "address",
    ["/api/v1/delegates/%C2%84/", "/api/v1/conferences/hanoi2025/schedule/sessions//"],
)
def test_an_unknown_api_address_answers_json_with_debug_on_too(client, settings, address):
    """`make run` serves with DEBUG on, where Django's HTML technical page would answer first;
    a generated client (and schemathesis) must still read the API's JSON error."""
    settings.DEBUG = True

    response = client.get(address)

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"]["code"] == "not_found"


def test_a_page_outside_the_api_keeps_django_s_404_page_with_debug_on(client, settings):
    settings.DEBUG = True

    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
