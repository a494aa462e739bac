"""The state banquet is by invitation: the heads of delegation are asked, and only their badges
open the banquet hall."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from delegations.models import PortalAccount
from delegations.services import issue_badge
from sessions import services
from sessions.errors import NotInvitedToGala
from tests.factories import (
    AccessZoneFactory,
    ConferenceFactory,
    DelegateFactory,
    DelegationFactory,
    RoomFactory,
    SessionFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def banquet():
    conference = ConferenceFactory(
        badge_zones={
            "head_of_delegation": ["plenary", "banquet"],
            "delegate": ["plenary", "banquet"],
        }
    )
    hall = RoomFactory(
        venue=conference.venue,
        name="Banquet Hall",
        access_zone=AccessZoneFactory(venue=conference.venue, code="banquet"),
    )
    return services.publish_session(
        SessionFactory(
            conference=conference,
            room=hall,
            kind="gala_dinner",
            slug="banquet",
            access="invitation",
        )
    )


@pytest.fixture
def delegation(banquet):
    delegation = DelegationFactory(conference=banquet.conference)
    DelegateFactory(delegation=delegation, role="head", badge_category="head_of_delegation")
    DelegateFactory(delegation=delegation, role="member")
    return delegation


def test_only_the_head_of_delegation_may_answer_the_banquet_by_invitation(banquet, delegation):
    head = delegation.delegates.get(role="head")
    member = delegation.delegates.get(role="member")

    assert services.answer_gala_dinner(banquet, delegate=head, attending=True).attending is True
    with pytest.raises(NotInvitedToGala):
        services.answer_gala_dinner(banquet, delegate=member, attending=True)
    assert banquet.gala_answers.count() == 1


def test_a_dinner_open_to_all_asks_every_delegate(banquet, delegation):
    banquet.access = "open"
    banquet.save()
    member = delegation.delegates.get(role="member")

    assert services.answer_gala_dinner(banquet, delegate=member, attending=False).attending is False


def test_only_the_heads_badge_opens_the_banquet_hall(banquet, delegation):
    delegation.delegates.update(accreditation_status="accredited")
    head = delegation.delegates.get(role="head")
    member = delegation.delegates.get(role="member")

    assert issue_badge(head).zones == ["plenary", "banquet"]
    assert issue_badge(member).zones == ["plenary"]


def test_the_portal_asks_only_the_head_about_the_banquet(client, banquet, delegation):
    user = get_user_model().objects.create_user("focal@example.org", password="x")
    PortalAccount.objects.create(user=user, delegation=delegation)
    client.force_login(user)
    head = delegation.delegates.get(role="head")
    member = delegation.delegates.get(role="member")

    page = client.get(reverse("portal:programme")).content.decode()

    assert f"<tr><td>{head.full_name}</td>" in page
    assert member.full_name not in page
