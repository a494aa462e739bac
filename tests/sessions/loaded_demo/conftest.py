"""The demo, loaded once for the package (its loading takes most of a minute)."""

import pytest
from django.db import transaction
from django.test import override_settings

from conference.models import Conference
from tests.sessions.loaded_demo.support import load_demo


@pytest.fixture(scope="package")
def hanoi(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo, loaded once for this package inside a transaction rolled back at its end; its
    full powers are uploaded to a folder of its own, never the project's."""
    media = tmp_path_factory.mktemp("media")
    with override_settings(MEDIA_ROOT=media), django_db_blocker.unblock(), transaction.atomic():
        load_demo()
        yield Conference.objects.get(slug="hanoi2025")
        transaction.set_rollback(True)
