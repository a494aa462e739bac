from django.core.management.base import BaseCommand

from sessions.demo.loader import load_hanoi_demo
from sessions.demo.rehearsal import load_rehearsal_demo


class Command(BaseCommand):
    help = (
        "Install the Hanoi 2025 demo conference, the record of what happened, and an illustrative "
        "rehearsal of it placed ahead of today (idempotent: a second run changes nothing)."
    )

    def handle(self, *args, **options):
        conference, report = load_hanoi_demo()
        self._say("Demo conference", conference, report)
        rehearsal, report = load_rehearsal_demo()
        self._say("Illustrative demo conference", rehearsal, report)
        self.stdout.write(
            f"The rehearsal ({rehearsal.slug}) opens on {rehearsal.start_date:%Y-%m-%d}: invite a "
            f"delegation to it with `manage.py invite {rehearsal.slug} --delegation <id>`."
        )

    def _say(self, what, conference, report):
        created = ", ".join(f"{count} {name}" for name, count in report.created.items() if count)
        totals = ", ".join(f"{count} {name}" for name, count in report.totals.items())
        self.stdout.write(
            f"{what} {conference.slug} installed: {totals} "
            f"(created by this run: {created or 'nothing'})."
        )
