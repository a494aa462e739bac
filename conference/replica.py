"""Reads that may go to a read replica: the feeds' cold renders, the dashboard, the exports.

Which reads may lag the primary (by the replica's replay delay, usually well under a second,
minutes when it falls behind):

- public feeds, cold render: the replica (else the primary, for a release not there yet); no
  reader knows what was released a second ago;
- the console's dashboard: the replica; numbers for a glance;
- an export job's rows: the replica once it has replayed the primary's log up to where it was
  when the job was asked for, else the primary: the organiser who edits and then exports must
  find the edit in the file;
- the console's change pages and lists, the portal, every write: the primary; each is read
  right after its reader's own write.

When DATABASE_REPLICA_URL is set, settings define a second database alias, `replica` (a
streaming replica of the primary), and `ReplicaRouter` sends to it the reads made inside
`reads_from_replica()`; every other read, and every write, stays on the primary. The choice is
by code path, not by model: the same Session row is read from the replica by a public feed and
from the primary by the organiser who has just moved it, who must see the move.

Without the setting, or with it but outside such a block, nothing changes.
"""

import contextlib
import contextvars

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

REPLICA = "replica"

_reading_from_replica = contextvars.ContextVar("reading_from_replica", default=False)


def replica_alias(*, caught_up_to: str | None = None) -> str:
    """The alias that replica reads use: `replica` when one is configured, else the primary's.
    With `caught_up_to` (a `primary_position()`), the replica only once it has replayed the
    primary's changes up to there: reads that must see what their reader has just written."""
    if not settings.READ_REPLICA:
        return DEFAULT_DB_ALIAS
    if caught_up_to is not None and not replica_has_replayed(caught_up_to):
        return DEFAULT_DB_ALIAS
    return settings.READ_REPLICA


def primary_position() -> str | None:
    """Where the primary's write-ahead log is now (a PostgreSQL LSN, as text): every change
    committed so far is before it. None without a replica, or off PostgreSQL."""
    connection = connections[DEFAULT_DB_ALIAS]
    if not settings.READ_REPLICA or connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_current_wal_lsn()::text")
        return cursor.fetchone()[0]


def replica_has_replayed(position: str) -> bool:
    """Whether the replica has replayed the primary's log up to `position`."""
    connection = connections[settings.READ_REPLICA]
    if connection.vendor != "postgresql":
        return True
    with connection.cursor() as cursor:
        return has_replayed(cursor, position)


def has_replayed(cursor, position: str) -> bool:
    """On a standby, its replay position against `position`; a server that is not a standby
    (the tests' mirror, a promoted replica) holds every change it has been told of."""
    cursor.execute(
        "SELECT NOT pg_is_in_recovery() OR pg_last_wal_replay_lsn() >= %s::pg_lsn", [position]
    )
    return bool(cursor.fetchone()[0])


@contextlib.contextmanager
def _replica_reads():
    token = _reading_from_replica.set(True)
    try:
        yield
    finally:
        _reading_from_replica.reset(token)


def reads_from_replica(function=None):
    """A block (`with reads_from_replica():`) or a decorated function whose reads may lag the
    primary by the replica's delay: pages for the public and numbers for a glance."""
    if function is None:
        return _replica_reads()
    return _replica_reads()(function)


class ReplicaRouter:
    """Reads inside `reads_from_replica()` go to the replica; nothing is migrated there (it is
    a copy of the primary, made by PostgreSQL)."""

    def db_for_read(self, model, **hints):
        if _reading_from_replica.get() and settings.READ_REPLICA:
            return settings.READ_REPLICA
        return None

    def db_for_write(self, model, **hints):
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        # The replica holds the primary's rows: an object read from one is the other's too.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == DEFAULT_DB_ALIAS
