"""The organisers' role groups (config/roles.py), created once the other apps' tables exist.

A later model's permissions reach the groups by `manage.py sync_roles` or by a later migration
that calls `sync_roles` again.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

from config.roles import ROLE_NAMES, sync_roles


def create_roles(apps, schema_editor):
    using = schema_editor.connection.alias
    # Django makes permissions after the whole `migrate` (post_migrate): on an empty database
    # they do not exist yet at this point, so they are made here first.
    for app_config in global_apps.get_app_configs():
        create_permissions(app_config, verbosity=0, apps=apps, using=using)
    sync_roles(apps=apps, using=using, strict=False)


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.using(schema_editor.connection.alias).filter(name__in=ROLE_NAMES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("admin", "0003_logentry_add_action_flag_choices"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("axes", "0010_accessattemptexpiration"),
        ("conference", "0008_badge_zones_and_retention"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("delegations", "0004_badges_and_check_in"),
        ("otp_static", "0003_add_timestamps"),
        ("otp_totp", "0003_add_timestamps"),
        ("programme", "0009_bilaterals_and_booths"),
        ("sessions", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
