"""Fresh planner statistics after a bulk write.

PostgreSQL's autovacuum analyses a table only some time after a large insert; until then the
planner believes the table is as small as it was, and picks nested loops that take seconds (issue
#19: the dashboard took 3 s after a bulk import of delegates, 100 ms once the tables were analysed).
"""

from django.db import connection


def refresh_statistics(*models) -> list[str]:
    """Run ANALYZE on the tables of `models` (each once, in the order given) and return their
    names. Cheap (it samples at most 30,000 rows per table) and safe inside a transaction on
    PostgreSQL and SQLite alike."""
    tables = list(dict.fromkeys(model._meta.db_table for model in models))
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")
    return tables
