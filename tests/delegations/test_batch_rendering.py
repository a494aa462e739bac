"""Invitations of a batch are rendered once per language and filled in for each delegation:
each letter must be exactly the one rendered on its own, whatever the names hold."""

import pytest

from delegations.emails import render_for_each, render_message
from delegations.models import OutboundMessage
from delegations.services import invite_delegations
from delegations.services.invitations import _context
from tests.factories import ConferenceFactory, DelegationFactory, OrganisationDelegationFactory

pytestmark = pytest.mark.django_db

AWKWARD_NAMES = [
    "Association of Southeast Asian Nations",
    "Ủy ban Quốc gia về Phòng, chống Tội phạm Mạng",
    "<script>alert(1)</script> & Partners",
    "www.example.org Foundation",
    "contact@ngo.example.org",
    "Dots. And... more.",
    "  Leading and trailing  ",
]


@pytest.mark.parametrize("language", ["en", "fr", "vi", "es", "ru", "ar", "zh-hans"])
def test_each_filled_letter_is_the_letter_rendered_on_its_own(language):
    conference = ConferenceFactory()
    delegations = [
        OrganisationDelegationFactory(
            conference=conference, name=name, focal_point_name=f"Focal {name}", language=language
        )
        for name in AWKWARD_NAMES
    ] + [DelegationFactory(conference=conference, country="VN", language=language)]
    context = _context(conference, link=True)

    batch = render_for_each(
        "invitation", language=language, context=context, key="delegation", objects=delegations
    )
    alone = [
        render_message("invitation", language=language, context={**context, "delegation": d})
        for d in delegations
    ]

    assert batch == alone


def test_a_batch_of_invitations_names_each_delegation_in_its_own_letter():
    conference = ConferenceFactory()
    delegations = [
        DelegationFactory(conference=conference, country=code, language="en")
        for code in ("FR", "KE", "BR", "VN")
    ]

    invite_delegations(conference, delegations=delegations)

    for delegation in delegations:
        (row,) = OutboundMessage.objects.filter(delegation=delegation)
        assert delegation.display_name in row.body_text
        assert delegation.focal_point_name in row.body_text
        others = [d.display_name for d in delegations if d != delegation]
        assert not any(f"to {other}" in row.body_text for other in others)
