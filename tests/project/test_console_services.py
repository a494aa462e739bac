"""No console page writes without a service.

Walks every ModelAdmin registered on the console and fails for one that can add, change or
delete (itself or through an inline) with Django's own ModelForm save or delete: each writable
admin inherits `WritesThroughServices` (a service's refusal becomes a form error, and "Delete
selected" is gone) and defines, in the project's code, the `save_model`, `save_formset` or
`delete_model` that calls a service. A page that only shows is declared so
(`change_page_read_only`, or no permission to add, change or delete). A second test reads the
admin modules and fails on a write by hand (`.save()`, `.delete()`, `.update()`...) in an action
or a view of the console.
"""

import ast
from pathlib import Path

import pytest
from django.contrib import admin
from django.contrib.auth.models import User
from django.test import RequestFactory

from conference.admin_services import WritesThroughServices

ROOT = Path(__file__).resolve().parents[2]
PROJECT_PACKAGES = ("config", "conference", "delegations", "sessions", "portal", "press")

# Pages of the libraries we use, on their own models, with their own rules (a password hashed
# and validated, a device confirmed, a token shown once): no rule of ours lives on them, and the
# roles (config/roles.py) give them to the administrators only. A new one fails until listed.
LIBRARY_PAGES = {
    "auth.User": "Django's accounts: passwords hashed and validated by Django's own forms",
    "auth.Group": "Django's groups: the roles are kept by `manage.py sync_roles`",
    "knox.AuthToken": "API tokens (hashed by knox): the superuser sees and deletes them only",
    "axes.AccessAttempt": "django-axes' lockouts: read and cleared by the administrators",
    "axes.AccessFailureLog": "django-axes' failures: read only",
    "axes.AccessLog": "django-axes' sign-ins: read only",
    "otp_static.StaticDevice": "django-otp's recovery codes",
    "otp_totp.TOTPDevice": "django-otp's authenticators",
}

# Writes that touch no row: django-import-export's temporary file of an import preview.
HAND_WRITES_ALLOWED = {("delegations/admin/spreadsheets.py", "remove")}
WRITE_METHODS = {
    "save",
    "delete",
    "update",
    "create",
    "bulk_create",
    "bulk_update",
    "update_or_create",
    "get_or_create",
    "save_m2m",
    "set",
    "add",
    "remove",
    "clear",
}
DJANGO_WRITES = {"save_model", "delete_model", "save_formset", "save_related", "delete_queryset"}


def _registered():
    return sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)


def _superuser_request():
    request = RequestFactory().get("/")
    request.user = User(pk=-1, username="walker", is_superuser=True, is_staff=True)
    return request


def _defined_by(cls, name):
    """The class of `cls`'s MRO that defines the method `name`."""
    return next(klass for klass in cls.__mro__ if name in vars(klass))


def _written_by_the_project(model_admin, name):
    owner = _defined_by(type(model_admin), name)
    return owner.__module__.startswith(PROJECT_PACKAGES) and owner is not WritesThroughServices


def _writes(model_admin, request):
    """What the console lets a superuser write on this page: the page's own add, change and
    delete, and each inline's."""
    sample = model_admin.model()
    writes = set()
    if model_admin.has_add_permission(request):
        writes.add("save_model")
    if model_admin.has_change_permission(request, sample):
        writes.add("save_model")
    if model_admin.has_delete_permission(request, sample):
        writes.add("delete_model")
    for inline_class in model_admin.inlines:
        inline = inline_class(model_admin.model, model_admin.admin_site)
        editable = bool(inline.get_formset(request, sample).form.base_fields)
        adds_or_changes = inline.has_add_permission(
            request, sample
        ) or inline.has_change_permission(request, sample)
        deletes = inline.can_delete and inline.has_delete_permission(request, sample)
        if (adds_or_changes and editable) or deletes:
            writes.add("save_formset")
    return writes


@pytest.mark.django_db
def test_every_console_page_that_writes_goes_through_a_service():
    request = _superuser_request()
    raw = []
    for model, model_admin in _registered():
        label = model._meta.label
        if label in LIBRARY_PAGES:
            continue
        writes = _writes(model_admin, request)
        if not writes:
            continue  # a page that only shows
        if not isinstance(model_admin, WritesThroughServices):
            raw.append(f"{label}: {sorted(writes)} without WritesThroughServices")
            continue
        for method in sorted(writes):
            if not _written_by_the_project(model_admin, method):
                raw.append(f"{label}: {method} is Django's, not a service's")
        if "delete_selected" in model_admin.get_actions(request):
            raw.append(f"{label}: Django's 'Delete selected' deletes past the services")

    assert raw == []


def test_the_library_pages_left_as_they_are_are_still_the_ones_registered():
    labels = {model._meta.label for model, _admin in _registered()}

    assert set(LIBRARY_PAGES) <= labels
    ours = {label for label in labels if label not in LIBRARY_PAGES}
    assert all(
        type(admin.site._registry[model]).__module__.startswith(PROJECT_PACKAGES)
        for model in admin.site._registry
        if model._meta.label in ours
    )


def _admin_modules():
    for package in ("conference", "delegations", "sessions", "config"):
        for path in sorted((ROOT / package).rglob("*.py")):
            relative = path.relative_to(ROOT)
            if "admin" in relative.parts or path.name.startswith("admin"):
                yield relative, path


def test_no_console_module_writes_by_hand():
    hand_writes = []
    for relative, path in _admin_modules():
        for node in ast.walk(ast.parse(path.read_text())):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            method = node.func.attr
            receiver = node.func.value
            calls_super = isinstance(receiver, ast.Call) and getattr(receiver.func, "id", "") in (
                "super",
            )
            if calls_super and method in DJANGO_WRITES:
                hand_writes.append(f"{relative}:{node.lineno} {ast.unparse(node)}")
                continue
            if method not in WRITE_METHODS or (str(relative), method) in HAND_WRITES_ALLOWED:
                continue
            keywords = {keyword.arg: keyword.value for keyword in node.keywords}
            commit = keywords.get("commit")
            if method == "save" and isinstance(commit, ast.Constant) and commit.value is False:
                continue  # a formset's rows handed to the services
            hand_writes.append(f"{relative}:{node.lineno} {ast.unparse(node)}")

    assert hand_writes == []
