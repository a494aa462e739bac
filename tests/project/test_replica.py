"""A read replica for the reads that may lag: the feeds' cold renders, the dashboard, exports.

The replica is the test database under a second alias (a "mirror"), so these tests commit
their data (`transaction=True`) for the second connection to see it, and count the queries each
connection runs.
"""

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.db import connections
from django.test.utils import CaptureQueriesContext

from conference.replica import reads_from_replica
from config.dashboard import dashboard
from delegations.models import ConsoleJob, Delegate, JobKind, JobState
from delegations.services import jobs
from sessions import services as programme
from sessions.feeds import cache as feed_cache
from tests.factories import ConferenceFactory, DelegateFactory, DelegationFactory, SessionFactory

pytestmark = pytest.mark.django_db(databases=["default", "replica"], transaction=True)


@pytest.fixture
def replica(settings):
    settings.READ_REPLICA = "replica"
    return settings


def queries_on_each():
    return CaptureQueriesContext(connections["default"]), CaptureQueriesContext(
        connections["replica"]
    )


def test_the_dashboard_reads_from_the_replica_and_counts_the_same(replica):
    conference = ConferenceFactory()
    DelegateFactory.create_batch(3, delegation=DelegationFactory(conference=conference))
    replica.READ_REPLICA = None
    primary_figures = dashboard(conference)
    replica.READ_REPLICA = "replica"

    on_primary, on_replica = queries_on_each()
    with on_primary, on_replica:
        figures = dashboard(conference)

    assert figures == primary_figures
    assert len(on_replica.captured_queries) > 0
    assert len(on_primary.captured_queries) == 0


def test_writes_and_reads_outside_the_block_stay_on_the_primary(replica):
    delegation = DelegationFactory()
    on_primary, on_replica = queries_on_each()

    with on_primary, on_replica:
        with reads_from_replica():
            delegate = DelegateFactory(delegation=delegation)  # a write, inside the block
            seen_there = Delegate.objects.filter(pk=delegate.pk).exists()
        seen_here = Delegate.objects.filter(pk=delegate.pk).exists()

    assert (seen_there, seen_here) == (True, True)
    assert [q["sql"] for q in on_replica.captured_queries if "INSERT" in q["sql"]] == []
    assert len(on_replica.captured_queries) == 1  # the read inside the block
    assert any("INSERT" in q["sql"] for q in on_primary.captured_queries)


def test_without_a_replica_configured_every_read_stays_on_the_primary(settings):
    settings.READ_REPLICA = None
    conference = ConferenceFactory()
    on_primary, on_replica = queries_on_each()

    with on_primary, on_replica:
        dashboard(conference)

    assert len(on_replica.captured_queries) == 0
    assert len(on_primary.captured_queries) > 0


def test_a_cold_feed_is_rendered_from_the_replica(replica, client):
    conference = ConferenceFactory(slug="hanoi2025")
    programme.publish_session(SessionFactory(conference=conference, title="Opening"))
    programme.release_schedule(conference)
    cache.clear()  # evicted: the next reader meets a cold feed
    feed_cache.clear_local()
    on_primary, on_replica = queries_on_each()

    with on_primary, on_replica:
        response = client.get("/api/v1/conferences/hanoi2025/schedule.ics")

    assert response.status_code == 200
    assert b"SUMMARY:Opening" in response.content
    assert any("programme_schedulerelease" in q["sql"] for q in on_replica.captured_queries)
    # On the primary, only the pointer to the latest release, which the cache lost too.
    assert [q for q in on_primary.captured_queries if "programme_schedulerelease" in q["sql"]]
    assert len(on_replica.captured_queries) >= 1


def test_an_export_job_reads_its_rows_from_the_replica_and_writes_on_the_primary(replica):
    delegation = DelegationFactory()
    DelegateFactory.create_batch(3, delegation=delegation)
    chief = User.objects.create_user("chief", is_staff=True, is_superuser=True)
    on_primary, on_replica = queries_on_each()

    with on_primary, on_replica:
        # Committed at once here, so the task runs right away, as a worker would.
        job = jobs.request_job(
            user=chief,
            kind=JobKind.EXPORT_CSV,
            variant="delegates",
            params={"delegation__id__exact": [str(delegation.pk)]},
            ids=None,
        )

    assert ConsoleJob.objects.get(pk=job.pk).state == JobState.DONE
    assert any("delegations_delegate" in q["sql"] for q in on_replica.captured_queries)
    assert not any("UPDATE" in q["sql"] for q in on_replica.captured_queries)
    assert any('UPDATE "delegations_consolejob"' in q["sql"] for q in on_primary.captured_queries)
