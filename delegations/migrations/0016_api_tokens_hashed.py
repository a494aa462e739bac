"""API tokens move from DRF's authtoken table, which held them in clear, to knox's, which holds
only a SHA-512 digest. Each old token is hashed here, so the systems that use one keep working
without a new token; the clear copies are then deleted. (The emptied table stays: dropping
another app's table would break its migration history if it were ever installed again.)

Not reversible: a digest cannot give the token back. Rolling back leaves knox's rows, and the
tokens would have to be issued again."""

import hashlib

from django.db import migrations

OLD_TABLE = "authtoken_token"
KEY_PREFIX_LENGTH = 15  # knox.settings.CONSTANTS.TOKEN_KEY_LENGTH: the indexed lookup prefix


def hash_old_tokens(apps, schema_editor):
    connection = schema_editor.connection
    if OLD_TABLE not in connection.introspection.table_names():
        return  # a database created after the change: nothing to carry over
    AuthToken = apps.get_model("knox", "AuthToken")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT key, user_id, created FROM {OLD_TABLE}")  # noqa: S608
        rows = cursor.fetchall()
    for key, user_id, created in rows:
        token = AuthToken.objects.create(
            digest=hashlib.sha512(key.encode()).hexdigest(),  # knox.crypto.hash_token's digest
            token_key=key[:KEY_PREFIX_LENGTH],
            user_id=user_id,
            expiry=None,
        )
        AuthToken.objects.filter(pk=token.pk).update(created=created)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {OLD_TABLE}")  # noqa: S608


class Migration(migrations.Migration):
    dependencies = [
        ("delegations", "0015_console_job_selection_as_json"),
        ("knox", "0009_extend_authtoken_field"),
    ]

    operations = [migrations.RunPython(hash_old_tokens, migrations.RunPython.noop)]
