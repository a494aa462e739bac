"""A delegation's console page does not grow with its delegates: a summary and a link."""

import pytest
from django.conf import settings
from django.contrib.auth.models import User

from tests.console import sign_in_to_console
from tests.factories import DelegateFactory, DelegationFactory

pytestmark = pytest.mark.django_db

# Session (none when Redis caches the sessions), user, delegation, its summary, invitations,
# messages, history link...: fixed.
QUERIES = 13 if settings.SESSION_ENGINE == "django.contrib.sessions.backends.db" else 12


@pytest.fixture
def superuser(client):
    user = User.objects.create_superuser("chief", "chief@example.org", "x" * 20)
    sign_in_to_console(client, user)
    return user


def change_page(client, delegation):
    return client.get(f"/admin/delegations/delegation/{delegation.pk}/change/")


def test_the_delegation_page_summarises_its_delegates_and_links_to_their_list(client, superuser):
    delegation = DelegationFactory(status="confirmed")
    DelegateFactory.create_batch(3, delegation=delegation)

    page = change_page(client, delegation).content.decode()

    assert "Pending: 3" in page
    assert f"/admin/delegations/delegate/?delegation__id__exact={delegation.pk}" in page
    assert "See and edit the 3 delegates" in page
    assert "delegates-TOTAL_FORMS" not in page


@pytest.mark.parametrize("size", [5, 60])
def test_the_delegation_page_makes_as_many_queries_at_any_size(
    client, superuser, size, django_assert_num_queries
):
    delegation = DelegationFactory(status="confirmed")
    DelegateFactory.create_batch(size, delegation=delegation)
    change_page(client, delegation)  # warm the session and the content types

    with django_assert_num_queries(QUERIES):
        response = change_page(client, delegation)

    assert response.status_code == 200


@pytest.mark.parametrize(
    ("delegates", "language", "link"),
    [
        (1, "en", "See and edit the delegate"),
        (0, "en", "Open the list of delegates"),
        (1, "fr", "Voir et modifier 1 délégué"),
        (2, "ar", "عرض المندوبَين وتعديلهما"),
        (5, "ru", "Делегаты (5): просмотреть и изменить"),
    ],
)
def test_the_link_to_the_delegates_agrees_with_their_number(
    client, superuser, delegates, language, link
):
    delegation = DelegationFactory(status="confirmed")
    DelegateFactory.create_batch(delegates, delegation=delegation)

    page = client.get(
        f"/admin/delegations/delegation/{delegation.pk}/change/", HTTP_ACCEPT_LANGUAGE=language
    ).content.decode()

    assert f">{link}</a>" in page
