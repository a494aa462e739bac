"""On PostgreSQL, hold the no-overlap rule of published sessions in the database itself.

An exclusion constraint cannot be declared in the model's Meta while SQLite (the embedded default
of `make run`) must build the same tables, so this migration adds it on PostgreSQL only. The
services check the same rule with a lock on every database; this is the net below them.
"""

from django.contrib.postgres.operations import BtreeGistExtension
from django.db import migrations

CREATE = """
ALTER TABLE programme_session ADD CONSTRAINT session_no_room_overlap
EXCLUDE USING gist (room_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&)
WHERE (state = 'published' AND room_id IS NOT NULL)
"""
DROP = "ALTER TABLE programme_session DROP CONSTRAINT IF EXISTS session_no_room_overlap"


def _on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("programme", "0001_initial")]

    operations = [
        BtreeGistExtension(),
        migrations.RunPython(_on_postgresql(CREATE), _on_postgresql(DROP)),
    ]
