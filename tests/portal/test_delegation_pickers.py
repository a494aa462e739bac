"""Delegation pickers offer only the delegations a rule allows (not the media), by display name
in the reader's language."""

import pytest
from django.utils import translation

from delegations.choices import name_key
from portal.bilaterals import BilateralRequestForm
from sessions.admin.speakers import AddSpeakerForm
from tests.factories import DelegationFactory, OrganisationDelegationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def france():
    return DelegationFactory(country="FR")


def _names(field):
    return [label for value, label in field.choices if value != ""]


def test_the_counterparts_exclude_the_media_and_follow_the_readers_alphabet(france):
    conference = france.conference
    # Only delegations that accepted their invitation receive requests.
    for code in ("DE", "AT", "IE", "IS"):
        DelegationFactory(conference=conference, country=code, accepted=True)
    OrganisationDelegationFactory(
        conference=conference, name="Viet Nam News Agency", kind="media", accepted=True
    )
    OrganisationDelegationFactory(
        conference=conference, name="INTERPOL", acronym="INTERPOL", accepted=True
    )

    with translation.override("fr"):
        form = BilateralRequestForm(delegation=france)
        names = _names(form.fields["counterpart"])

    assert names == ["Allemagne", "Autriche", "INTERPOL", "Irlande", "Islande"]


def test_a_news_agency_is_refused_as_a_counterpart(france):
    agency = OrganisationDelegationFactory(
        conference=france.conference, name="Viet Nam News Agency", kind="media", accepted=True
    )
    form = BilateralRequestForm(
        {
            "counterpart": agency.pk,
            "preferred_day": france.conference.start_date.isoformat(),
            "level": "ministerial",
        },
        delegation=france,
    )

    assert not form.is_valid()
    assert list(form.errors) == ["counterpart"]


def test_the_speakers_list_offers_no_media(france):
    OrganisationDelegationFactory(conference=france.conference, name="Agency", kind="media")

    form = AddSpeakerForm(conference=france.conference)

    assert _names(form.fields["delegation"]) == ["France"]


def test_names_sort_without_accents_or_case():
    assert sorted(["Équateur", "Érythrée", "Estonie", "égypte"], key=name_key) == [
        "égypte",
        "Équateur",
        "Érythrée",
        "Estonie",
    ]
