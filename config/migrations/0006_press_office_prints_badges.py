"""Journalists' badges (delegations 0012): the press office prints them from its list."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

from config.roles import sync_roles


def resync_roles(apps, schema_editor):
    using = schema_editor.connection.alias
    for app_config in global_apps.get_app_configs():
        create_permissions(app_config, verbosity=0, apps=apps, using=using)
    sync_roles(apps=apps, using=using, strict=False)


class Migration(migrations.Migration):
    dependencies = [
        ("project", "0005_webhook_roles"),
        ("delegations", "0013_issue_badges_to_accredited_journalists"),
    ]

    operations = [migrations.RunPython(resync_roles, migrations.RunPython.noop)]
