import json
import logging

import pytest
from django.contrib.auth import get_user_model
from django.http import HttpRequest


def _events(caplog):
    return [json.loads(r.getMessage()) for r in caplog.records if r.name == "security"]


@pytest.mark.django_db
def test_sign_in_failure_and_sign_out_are_recorded_with_actor_and_address(client, caplog):
    get_user_model().objects.create_user("protocol", password="correct horse 2025")
    caplog.set_level(logging.INFO, logger="security")

    client.post("/admin/login/", {"username": "protocol", "password": "wrong"})
    # django-axes wants the request that signs in; the test client's login gives none.
    client.login(request=HttpRequest(), username="protocol", password="correct horse 2025")

    events = _events(caplog)
    assert [(e["event"], e["actor"]) for e in events] == [
        ("sign_in_failed", "protocol"),
        ("sign_in", "protocol"),
    ]
    assert events[0]["address"] == "127.0.0.1"
    assert events[0]["path"] == "/admin/login/"
    assert "wrong" not in json.dumps(events)
    assert all(e["time"] for e in events)
