from django.core.management.base import BaseCommand, CommandError

from config.roles import MissingPermissions, sync_roles


class Command(BaseCommand):
    help = (
        "Create the organisers' role groups and set their permissions to the table in "
        "config/roles.py (run it after editing the table, or after adding a model)."
    )

    def handle(self, *args, **options):
        try:
            counts = sync_roles()
        except MissingPermissions as error:
            raise CommandError(
                f"{error} (run `migrate` first, or correct config/roles.py)"
            ) from error
        for name, count in counts.items():
            self.stdout.write(f"{name}: {count} permissions")
