"""A delegation checks, corrects and confirms its own entries in the list of participants."""

import pytest

from delegations.models import ListCheck, ListEntry
from delegations.services import issue_participant_list
from tests.factories import DelegateFactory
from tests.portal.support import signed_in_focal_point

pytestmark = pytest.mark.django_db


@pytest.fixture
def delegation(client, invite):
    delegation = signed_in_focal_point(client, invite, country="FR")
    DelegateFactory(
        delegation=delegation,
        role="head",
        title="H.E. Mr",
        given_names="Jean",
        family_name="DUPONT",
        function="Ambassador",
    )
    DelegateFactory(delegation=delegation, role="security", family_name="GUARD")
    return delegation


def test_the_focal_point_sees_the_entries_as_they_will_print(client, delegation):
    page = client.get("/portal/participants/").content.decode()

    assert "Jean DUPONT" in page
    assert "Ambassador" in page
    assert "GUARD" not in page


def test_the_focal_point_corrects_an_entry_then_confirms(client, delegation):
    head = delegation.delegates.get(role="head")

    corrected = client.post(
        f"/portal/participants/{head.pk}/",
        {"title": "H.E. Mr", "name": "Jean-Pierre DUPONT", "function": "Permanent Representative"},
    )
    confirmed = client.post("/portal/participants/confirm/")

    assert corrected["Location"] == "/portal/participants/"
    assert confirmed["Location"] == "/portal/participants/"
    entry = ListEntry.objects.get(delegate=head)
    assert (entry.name, entry.function) == ("Jean-Pierre DUPONT", "Permanent Representative")
    assert ListCheck.objects.filter(delegation=delegation).exists()
    assert "Jean-Pierre DUPONT" in client.get("/portal/participants/").content.decode()


def test_an_entry_without_a_name_is_refused_and_nothing_is_saved(client, delegation):
    head = delegation.delegates.get(role="head")

    response = client.post(f"/portal/participants/{head.pk}/", {"title": "", "name": ""})

    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not ListEntry.objects.exists()


def test_a_security_officer_has_no_entry_to_correct(client, delegation):
    guard = delegation.delegates.get(role="security")

    response = client.post(f"/portal/participants/{guard.pk}/", {"name": "Guard"})

    assert response.status_code == 404


def test_after_the_final_list_the_entries_are_read_only(client, delegation):
    head = delegation.delegates.get(role="head")
    issue_participant_list(delegation.conference, final=True)

    refused = client.post(f"/portal/participants/{head.pk}/", {"name": "Other"})
    confirm = client.post("/portal/participants/confirm/", follow=True)

    assert refused.status_code == 200
    assert "The final list is issued" in refused.content.decode()
    assert "The final list of participants is issued" in confirm.content.decode()
    assert not ListEntry.objects.exists()
    assert not ListCheck.objects.exists()
