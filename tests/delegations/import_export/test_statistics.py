"""A confirmed import refreshes the planner's statistics of the tables it filled (issue #19)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conference.statistics import refresh_statistics
from delegations.models import Delegate
from tests.delegations.import_export.support import PEOPLE, confirm, csv_upload, person, preview
from tests.factories import DelegateFactory

pytestmark = pytest.mark.django_db


def analysed(queries):
    return [query["sql"] for query in queries if query["sql"].startswith("ANALYZE")]


def test_a_confirmed_import_of_delegates_analyses_their_tables(
    importer, confirmed, django_capture_on_commit_callbacks
):
    upload = csv_upload(PEOPLE, person("DUPONT", "Head of delegation", "minister"))
    page = preview(importer, "delegate", upload, delegation=confirmed.pk)

    with (
        CaptureQueriesContext(connection) as queries,
        django_capture_on_commit_callbacks(execute=True),
    ):
        confirm(importer, "delegate", page)

    assert Delegate.objects.filter(delegation=confirmed).count() == 1
    quote = connection.ops.quote_name
    assert analysed(queries) == [
        f"ANALYZE {quote('delegations_delegate')}",
        f"ANALYZE {quote('delegations_historicaldelegate')}",
    ]


def test_a_preview_analyses_nothing(importer, confirmed, django_capture_on_commit_callbacks):
    upload = csv_upload(PEOPLE, person("DUPONT", "Head of delegation", "minister"))

    with (
        CaptureQueriesContext(connection) as queries,
        django_capture_on_commit_callbacks(execute=True),
    ):
        preview(importer, "delegate", upload, delegation=confirmed.pk)

    assert analysed(queries) == []


@pytest.mark.postgres
def test_refreshed_statistics_count_the_new_rows():
    DelegateFactory.create_batch(12)

    assert refresh_statistics(Delegate, Delegate) == ["delegations_delegate"]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reltuples FROM pg_class WHERE relname = %s", ["delegations_delegate"]
        )
        assert cursor.fetchone() == (12.0,)
