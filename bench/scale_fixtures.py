"""The data of a scale-out run, prepared before the load.

The focal points' delegations go through the services, as in production: created, invited,
the invitation accepted with the token of its link. Only their user accounts are written
directly, with one password hash for all: hashing 300 passwords (PBKDF2, about 0.3 s each)
would take longer than the load itself, and the sign-in over HTTP still checks it every time.
"""

from dataclasses import dataclass
from datetime import timedelta


@dataclass
class Prepared:
    conference: object
    emails: list
    invitees: list
    roundtables: list


def prepare(args, *, password, run):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from delegations.enums import DelegationKind
    from delegations.models import Delegation, OutboundMessage, PortalAccount
    from delegations.services import answer_invitation, create_delegation, invite_delegations
    from tests.factories import ConferenceFactory, SessionFactory

    now = timezone.now()
    opens = (now + timedelta(days=40)).replace(hour=2, minute=0, second=0, microsecond=0)
    conference = ConferenceFactory(
        slug=f"scale{run}",
        name=f"Scale-out {run}",
        venue__name=f"Scale-out venue {run}",
        start_date=opens.date(),
        end_date=opens.date() + timedelta(days=1),
        reply_deadline=now + timedelta(days=20),
        registration_deadline=now + timedelta(days=30),
        # Room for every delegate a focal point registers in the run; places stay scarce.
        delegation_quotas={"head_of_delegation": 1, "delegate": 500, "security": 2, "support": 2},
        places_per_delegation=2,
    )
    roundtables = [
        SessionFactory(
            conference=conference,
            slug=f"roundtable-{n}",
            title=f"Roundtable {n}",
            kind="roundtable",
            state="published",
            capacity=args.capacity,
            starts_at=opens + timedelta(hours=n),
            ends_at=opens + timedelta(hours=n, minutes=50),
        )
        for n in range(args.roundtables)
    ]
    focal = [
        create_delegation(
            conference,
            kind=DelegationKind.NGO,
            name=f"Scale Organisation {n}",
            acronym=f"SO{n}",
            language="en",
            focal_point_name=f"Focal Point {n}",
            focal_point_email=f"focal{n}.{run}@scale.example.org",
        )
        for n in range(args.users)
    ]
    invitations = invite_delegations(conference, delegations=focal)
    # The link's token is in the queued message until it is sent: the workers are not up yet.
    tokens = dict(
        OutboundMessage.objects.filter(invitation__in=invitations).values_list(
            "invitation_id", "secret"
        )
    )
    for invitation in invitations:
        answer_invitation(tokens[invitation.pk], accept=True)
    hashed = make_password(password)
    users = get_user_model().objects.bulk_create(
        get_user_model()(username=d.focal_point_email, email=d.focal_point_email, password=hashed)
        for d in focal
    )
    invitation_of = {invitation.delegation_id: invitation for invitation in invitations}
    PortalAccount.objects.bulk_create(
        PortalAccount(user=user, delegation=d, invitation=invitation_of[d.pk])
        for user, d in zip(users, focal, strict=True)
    )
    invitees = Delegation.objects.bulk_create(
        Delegation(
            conference=conference,
            kind=DelegationKind.NGO,
            name=f"Invited Organisation {n}",
            acronym=f"IO{n}",
            language=("en", "fr", "vi")[n % 3],
            focal_point_name=f"Invitee {n}",
            focal_point_email=f"invitee{n}.{run}@org.example.org",
        )
        for n in range(args.invitations)
    )
    return Prepared(
        conference=conference,
        emails=[d.focal_point_email for d in focal],
        invitees=[d.pk for d in invitees],
        roundtables=roundtables,
    )
