"""Issue 17's models (delegations 0007, programme 0010) get their roles: liaison officers are
the logistics desk's, the list of participants and the side events the protocol's, media
accreditation and the media pools the new press office's, and the new language services read
the interpretation plan. The roles follow the table again."""

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
        ("project", "0002_badge_printing"),
        ("delegations", "0007_liaison_participants_media"),
        ("programme", "0010_side_events_and_media_pools"),
    ]

    operations = [migrations.RunPython(resync_roles, migrations.RunPython.noop)]
