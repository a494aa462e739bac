"""No write without the right, on every console page: the console's twin of the portal's
isolation walk (tests/portal/test_isolation.py).

For each role of config/roles.py, every address of every model's console is opened (GET), and
every form the page shows is sent back as shown (POST), each action of a list with every row
selected. Then, model by model, the database must be as it was wherever the role holds no write
permission (add, change, delete or a duty of its own) on that model.
"""

import datetime as dt
import re
from urllib.parse import urljoin

import lxml.html
import pytest
import time_machine
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.test import Client

from config.roles import ROLES
from delegations.models import Badge, Delegate, Invitation
from delegations.services import accredit_delegate, invite_delegations, issue_badge, revoke_badge
from tests.console import sign_in_to_console
from tests.factories import DelegateFactory, DelegationFactory, SessionFactory

pytestmark = pytest.mark.django_db

# Personal pages of the signed-in organiser (their own password and second factor), and the
# sign-out, which would end the walk; they change no one else's data.
PERSONAL = re.compile(r"^(two-factor|password_change|logout|login)")
NEVER_WRITTEN_BY_READING = {"axes", "sessions", "admin", "otp_totp", "otp_static", "auth"}
# An export or a print asked for from a list is the organiser's own job (and its file, for them
# alone): reading a list that one may read writes nothing else. Printing badges, which marks
# them printed, is checked as the Badge's write (`_writes`: the print_badge permission).
OWN_REQUESTS = {"delegations.ConsoleJob"}


@pytest.fixture(autouse=True)
def before_the_deadlines():
    with time_machine.travel(dt.datetime(2025, 9, 15, 2, 0, tzinfo=dt.UTC)):
        yield


@pytest.fixture
def world(django_capture_on_commit_callbacks):
    """One of the main things of each kind, and a past version of each of them."""
    delegation = DelegationFactory(status="registered")
    delegate = DelegateFactory(delegation=delegation, photo="photos/x.jpg")
    with django_capture_on_commit_callbacks(execute=True):
        invite_delegations(delegation.conference, delegations=[delegation])
    accredit_delegate(delegate)
    badge = issue_badge(delegate)
    revoke_badge(badge, reason="Lost")  # its first version, still active, is in its history
    session = SessionFactory(conference=delegation.conference)
    session.title = "Renamed"
    session.save()
    return {"conference": delegation.conference, "session": session, "badge": badge}


def _snapshot():
    """Every row of every model the console shows, as plain values, by model."""
    return {
        model._meta.label: sorted(map(repr, model._default_manager.values_list()))
        for model in admin.site._registry
        if model._meta.app_label not in NEVER_WRITTEN_BY_READING
        and model._meta.label not in OWN_REQUESTS
    }


def _member(role):
    user = User.objects.create_user(role.name.lower(), is_staff=True)
    user.groups.add(Group.objects.get(name=role.name))
    return user, sign_in_to_console(Client(), user)


def _writes(user, model):
    opts = model._meta
    return any(
        perm.split(".", 1)[0] == opts.app_label
        and perm.split(".", 1)[1].endswith(f"_{opts.model_name}")
        and not perm.split(".", 1)[1].startswith("view_")
        for perm in user.get_all_permissions()
    ) or (opts.label == "delegations.Badge" and user.has_perm("delegations.print_badge"))


def _history_id(model, pk):
    history = getattr(model, "history", None)
    if history is None:
        return None
    version = history.filter(id=pk).order_by("history_id").first()
    return version.history_id if version else None


def _addresses(model, model_admin, world):
    """The console's addresses of one model, with the ids of an object of it filled in."""
    base = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
    obj = model._default_manager.order_by("pk").first()
    values = {
        "session_id": world["session"].pk,
        "conference_id": world["conference"].pk,
    }
    for pattern in model_admin.get_urls():
        route = str(pattern.pattern)
        if route.startswith("^"):  # simple-history's version page
            version = _history_id(model, obj.pk) if obj else None
            if version is None:
                continue
            yield f"{base}{obj.pk}/history/{version}/"
            continue
        names = re.findall(r"<(?:\w+:)?(\w+)>", route)
        if any(name in ("object_id", "pk", "id") for name in names) and obj is None:
            continue
        filled = re.sub(
            r"<(?:\w+:)?(\w+)>",
            lambda m: str(values.get(m.group(1), obj.pk if obj else "")),
            route,
        )
        if "<" not in filled and "(" not in filled:
            yield base + filled


def _form_posts(url, response):
    """The POSTs a person could send from this page: each form as shown; a list's action form
    once per action, with every row selected."""
    if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
        return [(url, {})]
    page = lxml.html.fromstring(response.content)
    posts = []
    for form in page.forms:
        if (form.method or "get").lower() != "post":
            continue
        target = urljoin(url, form.action or url)
        if PERSONAL.match(target.removeprefix("/admin/")):
            continue
        fields = {}
        for element in form.inputs:
            name = element.get("name")
            if not name or element.get("type") in ("file", "submit", "button", "image"):
                continue
            if element.tag == "select":
                options = [o.get("value") or o.text for o in element.findall(".//option")]
                chosen = element.value if element.value else (options[0] if options else "")
                fields[name] = chosen or ""
            elif element.get("type") == "checkbox" and name == "_selected_action":
                fields.setdefault(name, []).append(element.get("value"))
            elif element.get("type") in ("checkbox", "radio"):
                if element.checked:
                    fields[name] = element.get("value") or "on"
            else:
                fields[name] = element.value or ""
        actions = form.xpath(".//select[@name='action']//option/@value")
        for action in [a for a in actions if a] or [None]:
            posts.append((target, fields | ({"action": action, "index": 0} if action else {})))
    return posts or [(url, {})]


def _walk(client, url):
    get = client.get(url)
    assert get.status_code < 500, (url, get.status_code)
    for target, data in _form_posts(url, get):
        post = client.post(target, data)
        assert post.status_code < 500, (target, post.status_code)


@pytest.mark.parametrize("role", ROLES, ids=[role.name for role in ROLES])
def test_every_console_page_writes_nothing_without_the_change_permission(role, world):
    user, client = _member(role)
    walked, changed_without_right = [], []

    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label in NEVER_WRITTEN_BY_READING:
            continue
        may_write = _writes(user, model)
        before = _snapshot()
        for url in _addresses(model, model_admin, world):
            walked.append(url)
            _walk(client, url)
        after = _snapshot()
        if not may_write and after != before:
            changed = [label for label in before if before[label] != after[label]]
            changed_without_right.append((model._meta.label, changed))

    before = _snapshot()
    for pattern in admin.site.get_urls():
        route = str(pattern.pattern)
        if "<" in route or "(" in route or PERSONAL.match(route) or "/" in route.rstrip("/"):
            continue
        walked.append(f"/admin/{route}")
        _walk(client, f"/admin/{route}")
    assert _snapshot() == before

    assert client.get("/admin/").status_code == 200  # still signed in: the walk was real
    assert changed_without_right == []
    assert "/admin/delegations/badge/revoke/" in walked
    assert any(re.search(r"/badge/\d+/history/\d+/$", url) for url in walked)
    assert any(re.search(r"/delegate/\d+/reject/$", url) for url in walked)


def test_the_history_page_restores_no_revoked_badge_even_with_the_change_permission(world):
    user, client = _member(next(role for role in ROLES if role.name == "Security"))
    badge = world["badge"]
    active_version = badge.history.order_by("history_id").first()
    url = f"/admin/delegations/badge/{badge.pk}/history/{active_version.history_id}/"

    page = client.get(url)
    revert = client.post(url, {"state": "active", "_save": "Save"})

    badge.refresh_from_db()
    assert user.has_perm("delegations.change_badge")
    assert page.status_code == 200
    assert revert.status_code == 405
    assert badge.state == "revoked"
    assert Badge.objects.filter(state="active").count() == 0
    assert Invitation.objects.count() == 1
    assert Delegate.objects.get().accreditation_status == "accredited"
