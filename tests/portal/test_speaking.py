"""The focal point's "Ask to speak": the speaker named is one of the delegation's own delegates."""

import pytest

from sessions.models import Inscription
from tests.factories import DelegateFactory, DelegationFactory
from tests.portal.support import signed_in_focal_point

pytestmark = pytest.mark.django_db


def test_a_speaker_from_another_delegation_is_never_put_on_the_list(client, invite):
    mine = signed_in_focal_point(client, invite, country="FR")
    theirs = DelegationFactory(conference=mine.conference, country="DE")
    foreign = DelegateFactory(delegation=theirs, role="head", protocol_rank="minister")

    client.post("/portal/programme/speak/", {"speaker": foreign.pk})

    assert not Inscription.objects.filter(speaker=foreign).exists()
    assert not Inscription.objects.filter(delegation=theirs).exists()


def test_the_focal_point_names_one_of_its_own_delegates_as_speaker(client, invite):
    mine = signed_in_focal_point(client, invite, country="FR")
    own = DelegateFactory(delegation=mine, role="head", protocol_rank="minister")

    client.post("/portal/programme/speak/", {"speaker": own.pk})

    assert list(Inscription.objects.values_list("delegation", "speaker")) == [(mine.pk, own.pk)]
