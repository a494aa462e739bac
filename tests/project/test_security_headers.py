"""Every HTML page, the portal's, the console's and the API's docs, carries the security headers,
and no inline script runs without the request's nonce."""

import re
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.staticfiles import finders

from conference.models import Room
from delegations.models import PortalAccount
from sessions.models import Booth
from tests.factories import ConferenceFactory, DelegateFactory, DelegationFactory, RoomFactory

pytestmark = pytest.mark.django_db

# Script types a browser does not run: data blocks such as Django's json_script.
DATA_BLOCKS = {"application/json", "application/ld+json"}


class _Scripts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts = []

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts.append(dict(attrs))


def _scripts(response):
    parser = _Scripts()
    parser.feed(response.content.decode())
    return parser.scripts


def _directives(response):
    policy = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


def assert_secure_html_page(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    directives = _directives(response)
    assert directives["default-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in directives["script-src"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    nonces = [v[len("'nonce-") : -1] for v in directives["script-src"] if v.startswith("'nonce-")]
    for script in _scripts(response):
        if "src" in script:
            assert re.match(r"^/(?!/)", script["src"]), script  # this server's, no CDN
        elif script.get("type") not in DATA_BLOCKS:
            assert script.get("nonce") in nonces, f"inline script without the nonce: {script}"
        if "nonce" in script:
            assert nonces == [script["nonce"]]


@pytest.mark.parametrize(
    "address", ["/portal/sign-in/", "/portal/password/", "/portal/dashboard/", "/portal/delegates/"]
)
def test_portal_pages_carry_the_security_headers(client, address):
    delegation = DelegationFactory(status="confirmed")
    user = get_user_model().objects.create_user("focal")
    PortalAccount.objects.create(user=user, delegation=delegation)
    if "sign-in" not in address and "password" not in address:
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")

    assert_secure_html_page(client.get(address))


def test_console_pages_carry_the_security_headers_and_run_no_inline_script(admin_client):
    delegate = DelegateFactory()
    addresses = [
        "/admin/",
        "/admin/delegations/delegate/",
        "/admin/delegations/delegate/add/",
        f"/admin/delegations/delegate/{delegate.pk}/change/",
        f"/admin/delegations/delegate/{delegate.pk}/history/",
        "/admin/delegations/delegation/",
        "/admin/programme/session/",
    ]

    for address in addresses:
        assert_secure_html_page(admin_client.get(address))
    admin_client.logout()
    assert_secure_html_page(admin_client.get("/admin/login/"))


def test_a_script_of_our_own_templates_carries_the_nonce_of_the_header(admin_client):
    conference = ConferenceFactory()
    hall = RoomFactory(venue=conference.venue, kind=Room.Kind.EXHIBITION_HALL)
    booth = Booth.objects.create(conference=conference, room=hall, code="A1", width_m=3, depth_m=3)

    response = admin_client.get(f"/admin/programme/booth/{booth.pk}/allocate/")

    assert_secure_html_page(response)
    (nonce,) = {s["nonce"] for s in _scripts(response) if "nonce" in s}
    assert f"'nonce-{nonce}'" in _directives(response)["script-src"]
    again = admin_client.get(f"/admin/programme/booth/{booth.pk}/allocate/")
    assert f"'nonce-{nonce}'" not in again["Content-Security-Policy"]  # one per response


def test_the_api_docs_load_their_scripts_from_this_server(client):
    response = client.get("/api/v1/docs/")

    assert_secure_html_page(response)
    *bundles, own = [s["src"] for s in _scripts(response)]
    # The Swagger UI bundle and its preset, from drf-spectacular-sidecar's static files.
    assert len(bundles) == 2
    for bundle in bundles:
        assert bundle.startswith(settings.STATIC_URL)
        assert finders.find(bundle.removeprefix(settings.STATIC_URL)) is not None
    script = client.get(own)
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")
    assert "/api/v1/schema/" in script.content.decode()
