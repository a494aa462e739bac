"""Liaison officers in the console: their details and the delegations in their care, through
`change_liaison_officer`, `assign_liaison_officer` and `unassign_liaison_officer`."""

import pytest
from django.urls import reverse

from delegations import services
from delegations.models import LiaisonAssignment, LiaisonOfficer
from tests.console import change_form_data
from tests.delegations.arrivals.support import officer_of
from tests.factories import ConferenceFactory, DelegationFactory

pytestmark = pytest.mark.django_db


def test_an_officers_sign_in_and_conference_do_not_change():
    officer = officer_of(ConferenceFactory())

    with pytest.raises(ValueError, match="sign-in and conference"):
        services.change_liaison_officer(officer, conference=ConferenceFactory())


def test_the_console_changes_an_officer_and_the_delegations_in_their_care(admin_client):
    conference = ConferenceFactory()
    france, germany = (DelegationFactory(conference=conference, country=c) for c in ("FR", "DE"))
    officer = officer_of(conference, france)
    url = reverse("admin:delegations_liaisonofficer_change", args=[officer.pk])
    data = change_form_data(admin_client, url, phone="+84 91 111 1111")
    data |= {"assignments-0-DELETE": "on", "assignments-1-delegation": germany.pk}

    response = admin_client.post(url, data)

    assert response.status_code == 302
    officer.refresh_from_db()
    assert officer.phone == "+84 91 111 1111"
    assert list(LiaisonAssignment.objects.values_list("delegation", "officer")) == [
        (germany.pk, officer.pk)
    ]


def test_an_officer_with_delegations_in_their_care_is_not_deleted(admin_client):
    delegation = DelegationFactory()
    officer = officer_of(delegation.conference, delegation)

    admin_client.post(
        reverse("admin:delegations_liaisonofficer_delete", args=[officer.pk]), {"post": "yes"}
    )

    assert LiaisonOfficer.objects.filter(pk=officer.pk).exists()
