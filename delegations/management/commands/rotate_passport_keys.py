from django.core.management.base import BaseCommand, CommandError

from delegations.services import rotate_passport_keys


class Command(BaseCommand):
    help = (
        "Re-encrypt every passport number with the first key of PASSPORT_KEYS. Put the new key "
        "first, run this, then remove the old key."
    )

    def handle(self, *args, **options):
        rotated, unreadable = rotate_passport_keys()
        self.stdout.write(f"re-encrypted {rotated} passport numbers")
        if unreadable:
            # Ids only: the command's output may end up in a deployment log.
            ids = ", ".join(str(pk) for pk in unreadable)
            raise CommandError(
                f"{len(unreadable)} passport numbers open with none of PASSPORT_KEYS "
                f"(delegates {ids}); keep the old key until they are re-entered."
            )
