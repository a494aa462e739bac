from django.core.management.base import BaseCommand, CommandError

from conference.models import Conference
from delegations.models import Delegation
from delegations.services import invite_delegations


class Command(BaseCommand):
    help = "Queue invitations for the delegations of a conference that are not yet invited."

    def add_arguments(self, parser):
        parser.add_argument("conference", help="the conference's slug, e.g. hanoi2025")
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--all", action="store_true", help="every delegation not yet invited")
        which.add_argument(
            "--delegation", type=int, nargs="+", metavar="ID", help="only these delegations"
        )

    def handle(self, *args, conference, all, delegation, **options):
        try:
            event = Conference.objects.get(slug=conference)
        except Conference.DoesNotExist as error:
            raise CommandError(f"No conference with the slug {conference!r}.") from error
        chosen = None
        if delegation:
            chosen = list(Delegation.objects.filter(conference=event, pk__in=delegation))
            unknown = set(delegation) - {d.pk for d in chosen}
            if unknown:
                ids = ", ".join(str(i) for i in sorted(unknown))
                raise CommandError(f"No delegation of {event.slug} with the id(s) {ids}.")
        invitations = invite_delegations(event, delegations=chosen)
        count = len(invitations)
        self.stdout.write(f"queued {count} invitation{'' if count == 1 else 's'}")
