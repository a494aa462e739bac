"""Reads that may go to a read replica: the feeds' cold renders, the dashboard, the exports.

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
from django.db import DEFAULT_DB_ALIAS

REPLICA = "replica"

_reading_from_replica = contextvars.ContextVar("reading_from_replica", default=False)


def replica_alias() -> str:
    """The alias that replica reads use: `replica` when one is configured, else the primary's."""
    return settings.READ_REPLICA or DEFAULT_DB_ALIAS


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
