"""A read replica for the reads that may lag: the feeds' cold renders, the dashboard, exports.

The replica is the test database under a second alias (a "mirror"), so these tests commit
their data (`transaction=True`) for the second connection to see it, and count the queries each
connection runs.
"""

import os
import time

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.db import connections
from django.test.utils import CaptureQueriesContext

from conference import replica as replica_module
from conference.replica import has_replayed, reads_from_replica
from config.dashboard import dashboard
from delegations.models import ConsoleJob, Delegate, JobKind, JobState
from delegations.services import jobs
from sessions import services as programme
from sessions.feeds import cache as feed_cache
from tests.console import sign_in_to_console
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


def test_an_export_asked_while_the_replica_lags_reads_its_rows_from_the_primary(
    replica, monkeypatch
):
    # The replica has not yet replayed the organiser's last edit: the job must not read there.
    monkeypatch.setattr(jobs, "primary_position", lambda: "0/A000000")  # as PostgreSQL says
    monkeypatch.setattr(replica_module, "replica_has_replayed", lambda position: False)
    delegation = DelegationFactory()
    DelegateFactory.create_batch(3, delegation=delegation)
    chief = User.objects.create_user("chief", is_staff=True, is_superuser=True)
    on_primary, on_replica = queries_on_each()

    with on_primary, on_replica:
        job = jobs.request_job(
            user=chief,
            kind=JobKind.EXPORT_CSV,
            variant="delegates",
            params={"delegation__id__exact": [str(delegation.pk)]},
            ids=None,
        )

    assert ConsoleJob.objects.get(pk=job.pk).state == JobState.DONE
    assert not any("delegations_delegate" in q["sql"] for q in on_replica.captured_queries)
    assert any('FROM "delegations_delegate"' in q["sql"] for q in on_primary.captured_queries)


def test_the_console_change_page_reads_nothing_from_the_replica(replica, client):
    delegation = DelegationFactory()
    DelegateFactory.create_batch(2, delegation=delegation)
    chief = User.objects.create_user("chief", is_staff=True, is_superuser=True)
    sign_in_to_console(client, chief)
    on_primary, on_replica = queries_on_each()

    with on_primary, on_replica:
        response = client.get(f"/admin/delegations/delegation/{delegation.pk}/change/")

    assert response.status_code == 200
    assert on_replica.captured_queries == []


STANDBY_URLS = os.environ.get("REPLICA_CLUSTER_URLS", "")


def test_a_real_standby_is_known_to_lag_until_it_replays_the_primary():
    """Against bench/replica_cluster.sh's primary and standby, named in REPLICA_CLUSTER_URLS
    ("primary-url standby-url"): the standby's replay paused, a write is reported as not yet
    there, then as there once replay resumes."""
    if not STANDBY_URLS:
        pytest.skip(
            "no real standby: run bench/replica_cluster.sh start and set REPLICA_CLUSTER_URLS"
        )
    import psycopg

    primary_url, standby_url = STANDBY_URLS.split()
    with (
        psycopg.connect(primary_url, autocommit=True) as primary,
        psycopg.connect(standby_url, autocommit=True) as standby,
    ):
        standby.execute("SELECT pg_wal_replay_pause()")
        try:
            primary.execute("CREATE TEMP TABLE lag_probe (n int)")  # some WAL to replay
            primary.execute("SELECT pg_switch_wal()")
            position = primary.execute("SELECT pg_current_wal_lsn()::text").fetchone()[0]
            paused = has_replayed(standby.cursor(), position)
        finally:
            standby.execute("SELECT pg_wal_replay_resume()")
        deadline = time.monotonic() + 10
        while not (caught_up := has_replayed(standby.cursor(), position)):
            assert time.monotonic() < deadline, "the standby did not catch up in 10 s"
            time.sleep(0.05)

    assert (paused, caught_up) == (False, True)
