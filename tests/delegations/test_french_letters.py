"""French letters name a State or an organisation with its article and contraction: "d'inviter
le Sénégal", "la participation des Philippines", "de l'Union européenne", "à Cuba"."""

import pytest
from django.core import mail

from delegations.emails import _printed_expressions, _template
from delegations.enums import DelegationKind
from delegations.services import answer_invitation, invite_delegations
from tests.factories import ConferenceFactory, DelegationFactory, OrganisationDelegationFactory

pytestmark = pytest.mark.django_db

INVITED = {
    "SN": "d'inviter le Sénégal à la conférence",
    "FR": "d'inviter la France à la conférence",
    "IN": "d'inviter l'Inde à la conférence",
    "PH": "d'inviter les Philippines à la conférence",
    "US": "d'inviter les États-Unis d'Amérique à la conférence",
    "CU": "d'inviter Cuba à la conférence",
}


@pytest.fixture
def french_delegations():
    conference = ConferenceFactory()
    states = {
        code: DelegationFactory(conference=conference, country=code, language="fr")
        for code in INVITED
    }
    union = OrganisationDelegationFactory(
        conference=conference,
        kind=DelegationKind.REIO,
        name="European Union",
        acronym="EU",
        language="fr",
    )
    return conference, states, union


def _letter_to(delegation):
    (message,) = [m for m in mail.outbox if m.to == [delegation.focal_point_email]]
    return message


def test_a_batch_of_french_invitations_names_each_state_with_its_article(
    django_capture_on_commit_callbacks, french_delegations
):
    conference, states, union = french_delegations

    with django_capture_on_commit_callbacks(execute=True):
        invite_delegations(conference, delegations=[*states.values(), union])

    for code, sentence in INVITED.items():
        letter = _letter_to(states[code])
        assert sentence in letter.body, code
        assert sentence.replace("'", "&#x27;") in letter.alternatives[0][0], code
    assert "d'inviter l'Union européenne à la conférence" in _letter_to(union).body


def test_a_french_invitation_alone_reads_the_same(invite):
    delegation = DelegationFactory(country="PH", language="fr")

    invite(delegation)

    assert "d'inviter les Philippines à la conférence" in mail.outbox[-1].body


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("SN", "la participation du Sénégal"),
        ("FR", "la participation de la France"),
        ("IN", "la participation de l'Inde"),
        ("PH", "la participation des Philippines"),
        ("US", "la participation des États-Unis d'Amérique"),
        ("CU", "la participation de Cuba"),
    ],
)
def test_the_french_confirmation_contracts_de_with_the_article(
    invite, django_capture_on_commit_callbacks, code, expected
):
    delegation = DelegationFactory(country=code, language="fr")
    _invitation, token = invite(delegation)

    with django_capture_on_commit_callbacks(execute=True):
        answer_invitation(token, accept=True)

    assert expected in mail.outbox[-1].body


def test_the_french_confirmation_names_the_union_in_french(
    invite, django_capture_on_commit_callbacks
):
    union = OrganisationDelegationFactory(
        kind=DelegationKind.REIO, name="European Union", acronym="EU", language="fr"
    )
    _invitation, token = invite(union)

    with django_capture_on_commit_callbacks(execute=True):
        answer_invitation(token, accept=True)

    assert "la participation de l'Union européenne" in mail.outbox[-1].body


def test_the_french_invitation_is_still_rendered_once_for_a_batch():
    template, _language = _template("invitation", "fr")

    assert _printed_expressions(template.template.source, "delegation") == [
        "delegation.focal_point_name",
        "delegation|fr_le",
    ]
