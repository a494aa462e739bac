"""The console's delegate list pages by key: every page costs what the first costs."""

import re

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conference import admin_paging
from delegations.admin.delegations import DelegateAdmin
from delegations.enums import ProtocolRank
from delegations.models import Delegate
from tests.console import sign_in_to_console
from tests.factories import DelegateFactory, DelegationFactory

pytestmark = pytest.mark.django_db

DELEGATES = "/admin/delegations/delegate/"
# Precedence as protocol orders it: heads of State first, then ministers, then delegates.
LEVEL = {"head_of_state": 0, "minister": 1, "delegate": 2}


@pytest.fixture
def organiser(client):
    chief = User.objects.create_user("chief", is_staff=True, is_superuser=True)
    sign_in_to_console(client, chief)
    return client


@pytest.fixture
def ten_a_page(monkeypatch):
    monkeypatch.setattr(DelegateAdmin, "list_per_page", 10)


def make_delegates(count, delegation=None):
    delegation = delegation or DelegationFactory()
    ranks = ["delegate", "minister", "delegate", "head_of_state", "delegate"]
    # Names repeat across ranks and within one, so the id decides between equal names.
    return [
        DelegateFactory(
            delegation=delegation,
            family_name=f"NAME{n % 7}",
            protocol_rank=ranks[n % len(ranks)],
        )
        for n in range(count)
    ]


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.get("Location")
    html = response.content.decode()
    links = {
        rel: href.replace("&amp;", "&")
        for href, rel in re.findall(r'href="(\?[^"]*)" rel="(next|prev)"', html)
    }
    return [d.pk for d in response.context["cl"].result_list], links, html


def test_next_links_walk_every_delegate_once_in_precedence_then_name_order(organiser, ten_a_page):
    delegates = make_delegates(25)
    expected = [
        d.pk for d in sorted(delegates, key=lambda d: (LEVEL[d.protocol_rank], d.family_name, d.pk))
    ]

    seen, url, pages = [], DELEGATES, []
    while url:
        rows, links, _html = page(organiser, url)
        pages.append(rows)
        seen += rows
        url = DELEGATES + links["next"] if "next" in links else None

    assert seen == expected
    assert [len(rows) for rows in pages] == [10, 10, 5]


def test_previous_links_walk_back_to_the_same_pages(organiser, ten_a_page):
    make_delegates(25)
    first, links, _html = page(organiser, DELEGATES)
    second, links, _html = page(organiser, DELEGATES + links["next"])
    third, links, _html = page(organiser, DELEGATES + links["next"])

    back_to_second, links, _html = page(organiser, DELEGATES + links["prev"])
    back_to_first, links, _html = page(organiser, DELEGATES + links["prev"])

    assert (back_to_second, back_to_first) == (second, first)
    assert "prev" not in links
    assert len(third) == 5


def test_a_deep_page_runs_the_queries_of_the_first_and_no_offset(organiser, ten_a_page):
    make_delegates(45)
    url, cursors = DELEGATES, []
    for _ in range(3):
        _rows, links, _html = page(organiser, url)
        url = DELEGATES + links["next"]
        cursors.append(url)

    with CaptureQueriesContext(connection) as first:
        page(organiser, DELEGATES)
    with CaptureQueriesContext(connection) as fourth:
        rows, _links, _html = page(organiser, cursors[-1])

    # One more on a deep page: the cursor row's key, looked up by its id.
    assert len(fourth.captured_queries) == len(first.captured_queries) + 1
    assert not any("OFFSET" in query["sql"] for query in fourth.captured_queries)
    assert len(rows) == 10


def test_the_query_count_does_not_grow_with_the_list(organiser, ten_a_page):
    make_delegates(12)
    with CaptureQueriesContext(connection) as small:
        page(organiser, DELEGATES)
    make_delegates(40)
    with CaptureQueriesContext(connection) as large:
        page(organiser, DELEGATES)

    assert len(large.captured_queries) == len(small.captured_queries)


def test_filter_and_sort_links_start_again_from_the_first_page(organiser, ten_a_page):
    delegation = DelegationFactory()
    make_delegates(25, delegation)
    _rows, links, _html = page(organiser, DELEGATES)

    _rows, _links, html = page(organiser, DELEGATES + links["next"])

    filter_and_sort_links = re.findall(r'href="(\?[^"]*(?:role__exact|o=)[^"]*)"', html)
    assert filter_and_sort_links
    assert not [link for link in filter_and_sort_links if "after=" in link]


def test_the_cursor_keeps_the_filter(organiser, ten_a_page):
    ours = DelegationFactory()
    make_delegates(15, ours)
    make_delegates(15)  # another delegation's, filtered out
    url = f"{DELEGATES}?delegation__id__exact={ours.pk}"

    first, links, _html = page(organiser, url)
    second, links, _html = page(organiser, DELEGATES + links["next"])

    assert "next" not in links
    assert Delegate.objects.filter(pk__in=first + second, delegation=ours).count() == 15


def test_a_cursor_that_is_not_an_id_is_refused_and_a_vanished_one_starts_over(
    organiser, ten_a_page
):
    delegates = make_delegates(15)
    first, _links, _html = page(organiser, DELEGATES)
    gone = delegates[0].pk
    Delegate.objects.filter(pk=gone).delete()

    refused = organiser.get(DELEGATES + "?after=1;DROP")
    again, _links, _html = page(organiser, f"{DELEGATES}?after={gone}")

    assert refused.status_code == 302
    assert refused["Location"] == f"{DELEGATES}?e=1"
    assert again == [pk for pk in first if pk != gone] + again[9:]


def test_a_column_sort_keeps_numbered_pages_up_to_the_cap(organiser, ten_a_page, monkeypatch):
    monkeypatch.setattr(admin_paging, "MAX_OFFSET_PAGES", 2)
    make_delegates(25)

    second, _links, html = page(organiser, f"{DELEGATES}?o=1&p=2")
    beyond = organiser.get(f"{DELEGATES}?o=1&p=3")

    assert len(second) == 10
    assert "In this order the list shows its first 2 pages only" in html
    assert beyond.status_code == 302
    assert beyond["Location"] == f"{DELEGATES}?e=1"


def test_at_12000_delegates_a_deep_page_runs_the_first_pages_queries_and_one_more(organiser):
    """The full page size (100 rows) at 12,000 delegates: page 1 and the keyset link to page 91
    run a fixed, small number of queries, none with OFFSET."""
    delegation = DelegationFactory()
    ranks = ["delegate", "minister", "head_of_state"]
    Delegate.objects.bulk_create(
        Delegate(
            delegation=delegation,
            conference=delegation.conference,
            family_name=f"NAME{n % 97:02d}",
            given_names="Alex",
            protocol_rank=ranks[n % 3],
        )
        for n in range(12_000)
    )
    ordered = Delegate.objects.alias(precedence=ProtocolRank.precedence_expression()).order_by(
        *DelegateAdmin.keyset_ordering
    )
    after = ordered.values_list("pk", flat=True)[90 * DelegateAdmin.list_per_page - 1]

    with CaptureQueriesContext(connection) as first:
        rows_first, _links, _html = page(organiser, DELEGATES)
    with CaptureQueriesContext(connection) as deep:
        rows_deep, _links, _html = page(organiser, f"{DELEGATES}?after={after}")

    assert len(first.captured_queries) <= 15
    assert len(deep.captured_queries) == len(first.captured_queries) + 1  # the cursor's row
    assert not any("OFFSET" in query["sql"] for query in deep.captured_queries)
    assert len(rows_first) == len(rows_deep) == DelegateAdmin.list_per_page
    assert rows_deep == list(ordered.values_list("pk", flat=True)[9_000:9_100])
