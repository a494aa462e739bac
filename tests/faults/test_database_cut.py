"""PostgreSQL connections cut under a real gunicorn (production settings) during writes.

To cut a request in the middle of its transaction every time, the test holds a table lock that
its INSERT waits for, then terminates the server's backends (only this test database's). What a
user relies on: a 503 with a reason (JSON under /api/), nothing of the request written, and the
next request served as if nothing had happened.
"""

import contextlib
from concurrent.futures import ThreadPoolExecutor

import psycopg
import pytest
import requests
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.sessions.models import Session as DjangoSession
from django.db import connection

from delegations.enums import DelegationStatus
from delegations.models import Delegate, Invitation, InvitationToken, OutboundMessage, PortalAccount
from delegations.services import issue_api_token
from tests.factories import DelegationFactory
from tests.faults.conftest import database_url, open_conference, wait_until
from tests.portal.support import delegate_data, photo

pytestmark = [pytest.mark.fault, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

PASSWORD = "Hanoi-Convention-2025!"
PHOTO = photo().read()


class OrganiserAPI:
    def __init__(self, base_url):
        user = get_user_model().objects.create_user("protocol", is_staff=True)
        user.user_permissions.add(Permission.objects.get(codename="add_invitation"))
        self.headers = {"Authorization": f"Token {issue_api_token(user)}"}
        self.base_url = base_url

    def invite(self, delegation):
        url = f"{self.base_url}/api/v1/delegations/{delegation.pk}/invite/"
        return requests.post(url, headers=self.headers, timeout=30)


def _signed_in_focal_point(web_server, conference, country):
    delegation = DelegationFactory(
        conference=conference, country=country, language="en", status=DelegationStatus.CONFIRMED
    )
    email = f"focal.{country.lower()}@mission.example.org"
    user = get_user_model().objects.create_user(email, email=email, password=PASSWORD)
    PortalAccount.objects.create(user=user, delegation=delegation)
    return web_server.browser().sign_in(email, PASSWORD)


def _add_delegate(browser, number, *, role="head"):
    """A delegate whose passport (`number`) no other delegate holds."""
    data = delegate_data(family_name=f"NAME{number}", role=role, passport_number=f"P{number:08d}")
    files = {"photo_upload": ("photo.jpg", PHOTO, "image/jpeg")}
    return browser.post("/portal/delegates/new/", data, files)


@contextlib.contextmanager
def _tables_locked(*models, mode):
    """Hold a lock on the tables from a connection of the test's own; yields its backend pid."""
    with psycopg.connect(database_url()) as holder:
        tables = ", ".join(model._meta.db_table for model in models)
        holder.execute(f"LOCK TABLE {tables} IN {mode} MODE")
        yield holder.info.backend_pid
        holder.rollback()


def _query(sql, params=()):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


def _waiting_on_locks():
    return _query(
        "SELECT count(*) FROM pg_stat_activity"
        " WHERE datname = current_database() AND wait_event_type = 'Lock'"
    )


def _cut_connections(*, keep=()):
    """Terminate every connection to the test database but the test's own and `keep`."""
    return _query(
        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
        " WHERE datname = current_database() AND backend_type = 'client backend'"
        " AND pid <> pg_backend_pid() AND NOT pid = ANY(%s)",
        [list(keep)],
    )


def _files(root):
    return sorted(path for path in root.rglob("*") if path.is_file())


def _assert_unavailable_json(response):
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "5"
    assert response.json()["error"]["code"] == "database_unavailable"


def _assert_unavailable_page(response):
    assert response.status_code == 503
    assert response.headers["Content-Type"].startswith("text/html")
    assert "Briefly unavailable" in response.text


def test_writes_whose_connection_is_cut_answer_503_and_write_nothing(web_server):
    conference = open_conference()
    api = OrganiserAPI(web_server.base_url)
    to_invite = [
        DelegationFactory(conference=conference, country=country)
        for country in ("FR", "DE", "JP", "BR", "KE", "IN")
    ]
    browsers = [_signed_in_focal_point(web_server, conference, c) for c in ("NO", "SN")]
    photos_before = _files(web_server.media_root)

    # Each invitation waits at its outbox row, after its invitation and token rows; each
    # delegate waits at its row, after its photo file was written.
    with (
        ThreadPoolExecutor(8) as pool,
        _tables_locked(OutboundMessage, Delegate, mode="SHARE") as holder,
    ):
        invites = [pool.submit(api.invite, delegation) for delegation in to_invite]
        additions = [pool.submit(_add_delegate, b, n) for n, b in enumerate(browsers)]
        assert wait_until(lambda: _waiting_on_locks() == 8, seconds=10)
        assert _cut_connections(keep=[holder]) >= 8

    for future in invites:
        _assert_unavailable_json(future.result())
    for future in additions:
        _assert_unavailable_page(future.result())
    assert Invitation.objects.count() == 0
    assert Invitation.history.count() == 0
    assert InvitationToken.objects.count() == 0
    assert OutboundMessage.objects.count() == 0
    assert Delegate.objects.count() == 0
    assert _files(web_server.media_root) == photos_before

    assert [api.invite(delegation).status_code for delegation in to_invite] == [201] * 6
    assert [_add_delegate(b, n).status_code for n, b in enumerate(browsers)] == [302, 302]
    assert Invitation.objects.count() == InvitationToken.objects.count() == 6
    assert set(OutboundMessage.objects.values_list("state", flat=True)) == {"sent"}
    assert OutboundMessage.objects.count() == 6
    assert Delegate.objects.count() == 2
    assert len(_files(web_server.media_root)) == len(photos_before) + 2


def test_connections_cut_between_requests_are_replaced_unnoticed(web_server):
    conference = open_conference()
    api = OrganiserAPI(web_server.base_url)
    delegations = [
        DelegationFactory(conference=conference, country=country)
        for country in ("FR", "DE", "JP", "BR", "KE", "IN", "MX", "CL")
    ]
    browser = _signed_in_focal_point(web_server, conference, "NO")
    assert [api.invite(d).status_code for d in delegations[:4]] == [201] * 4
    assert _add_delegate(browser, 0).status_code == 302

    assert _cut_connections() >= 1  # the server's idle, kept connections (CONN_MAX_AGE)

    assert [api.invite(d).status_code for d in delegations[4:]] == [201] * 4
    assert _add_delegate(browser, 1, role="adviser").status_code == 302
    assert Invitation.objects.count() == 8
    assert Delegate.objects.count() == 2


def test_a_cut_while_a_middleware_loads_the_session_answers_503_too(web_server):
    conference = open_conference()
    browser = _signed_in_focal_point(web_server, conference, "NO")

    with (
        ThreadPoolExecutor(2) as pool,
        _tables_locked(DjangoSession, mode="ACCESS EXCLUSIVE") as holder,
    ):
        page = pool.submit(browser.get, "/portal/")
        feed = pool.submit(browser.get, "/api/v1/delegates/")
        assert wait_until(lambda: _waiting_on_locks() == 2, seconds=10)
        _cut_connections(keep=[holder])

    _assert_unavailable_page(page.result())
    _assert_unavailable_json(feed.result())
    assert browser.get("/portal/").status_code == 302
    assert browser.get("/api/v1/delegates/").status_code == 200
