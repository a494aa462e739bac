from django.core.management.base import BaseCommand

from delegations.services import erase_expired_passport_data


class Command(BaseCommand):
    help = (
        "Erase passport numbers, expiry and birth dates, history included, of the conferences "
        "whose passport_retention_days after their last day have passed. Safe to run again."
    )

    def handle(self, *args, **options):
        erasures = erase_expired_passport_data()
        if not erasures:
            self.stdout.write("no conference is past its passport retention")
        for erasure in erasures:
            self.stdout.write(
                f"{erasure.conference.slug}: erased the passport data of {erasure.delegates} "
                f"delegates and {erasure.history_rows} history rows"
            )
