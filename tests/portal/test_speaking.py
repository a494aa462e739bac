"""Asking to speak from the portal: the speaker is the head unless another delegate is named,
and a delegate of another delegation is refused by the service, in its words."""

import pytest

from sessions.models import Inscription
from tests.factories import DelegateFactory
from tests.portal.support import delegate_data, signed_in_focal_point

pytestmark = pytest.mark.django_db


def test_a_speaker_of_another_delegation_is_refused_and_nothing_inscribed(client, invite):
    other = signed_in_focal_point(client.__class__(), invite, country="DE")
    foreign = other.delegates.create(
        conference=other.conference, family_name="OTHER", given_names="X", role="head"
    )
    delegation = signed_in_focal_point(client, invite, country="FR")

    response = client.post("/portal/programme/speak/", {"speaker": foreign.pk}, follow=True)

    assert "The speaker must be a member of the delegation." in response.content.decode()
    assert not Inscription.objects.filter(delegation=delegation).exists()


def test_without_a_named_speaker_the_head_speaks_at_the_heads_level(client, invite):
    delegation = signed_in_focal_point(client, invite, country="FR")
    client.post("/portal/delegates/new/", delegate_data(protocol_rank="minister", role="head"))

    client.post("/portal/programme/speak/", {})

    inscription = Inscription.objects.get(delegation=delegation)
    assert (inscription.speaker.protocol_rank, inscription.level) == ("minister", "minister")


def test_the_focal_point_names_one_of_its_own_delegates_as_speaker(client, invite):
    mine = signed_in_focal_point(client, invite, country="FR")
    own = DelegateFactory(delegation=mine, role="head", protocol_rank="minister")

    client.post("/portal/programme/speak/", {"speaker": own.pk})

    assert list(Inscription.objects.values_list("delegation", "speaker")) == [(mine.pk, own.pk)]
