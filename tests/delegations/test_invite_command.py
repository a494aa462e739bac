from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from tests.factories import ConferenceFactory, DelegationFactory, OrganisationDelegationFactory

pytestmark = pytest.mark.django_db


def _invite(*args, capture):
    out = StringIO()
    with capture(execute=True):
        call_command("invite", *args, stdout=out)
    return out.getvalue().strip()


def test_invite_all_queues_each_delegation_once(django_capture_on_commit_callbacks):
    conference = ConferenceFactory(slug="hanoi2025")
    DelegationFactory(conference=conference, country="FR")
    DelegationFactory(conference=conference, country="VN", language="vi")
    OrganisationDelegationFactory(conference=conference)

    first = _invite("hanoi2025", "--all", capture=django_capture_on_commit_callbacks)
    second = _invite("hanoi2025", "--all", capture=django_capture_on_commit_callbacks)

    assert (first, second) == ("queued 3 invitations", "queued 0 invitations")
    assert len(mail.outbox) == 3
    assert len({m.to[0] for m in mail.outbox}) == 3


def test_invite_named_delegations_only(django_capture_on_commit_callbacks):
    conference = ConferenceFactory(slug="hanoi2025")
    chosen = DelegationFactory(conference=conference, country="FR")
    DelegationFactory(conference=conference, country="DE")

    out = _invite(
        "hanoi2025", "--delegation", str(chosen.pk), capture=django_capture_on_commit_callbacks
    )

    assert out == "queued 1 invitation"
    assert mail.outbox[0].to == [chosen.focal_point_email]


def test_invite_refuses_an_unknown_conference_or_delegation():
    ConferenceFactory(slug="hanoi2025")

    with pytest.raises(CommandError, match="No conference with the slug 'nowhere'"):
        call_command("invite", "nowhere", "--all")
    with pytest.raises(CommandError, match="No delegation of hanoi2025 with the id"):
        call_command("invite", "hanoi2025", "--delegation", "999999")
