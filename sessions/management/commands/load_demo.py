from django.core.management.base import BaseCommand

from sessions.demo.loader import load_hanoi_demo


class Command(BaseCommand):
    help = "Install the Hanoi 2025 demo conference (idempotent: a second run changes nothing)."

    def handle(self, *args, **options):
        conference, report = load_hanoi_demo()
        created = ", ".join(f"{count} {name}" for name, count in report.created.items() if count)
        totals = ", ".join(f"{count} {name}" for name, count in report.totals.items())
        self.stdout.write(
            f"Demo conference {conference.slug} installed: {totals} "
            f"(created by this run: {created or 'nothing'})."
        )
