"""The organisers' writes to delegations, delegates and portal accounts: through their own
services (delegations/services/organiser.py), from the console's pages."""

import datetime as dt

import pytest
import time_machine
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client
from django.urls import reverse
from knox.models import AuthToken as Token

from delegations import services
from delegations.enums import DelegateRole, DelegationStatus
from delegations.errors import HeadOfDelegationAlreadyNamed, RegistrationClosed
from delegations.models import Delegate, Delegation, Invitation, PortalAccount
from tests.console import change_form_data, sign_in_to_console
from tests.factories import DelegateFactory, DelegationFactory

pytestmark = pytest.mark.django_db

# The factories' registration closes on 14 October 2025 at 17:00 in Hanoi.
AFTER_THE_REGISTRATION = dt.datetime(2025, 10, 20, 3, 0, tzinfo=dt.UTC)


@pytest.fixture
def registered():
    """A delegation that submitted its registration, with its head."""
    delegation = DelegationFactory(status=DelegationStatus.REGISTERED)
    head = DelegateFactory(delegation=delegation, role=DelegateRole.HEAD, family_name="NGUYEN")
    return delegation, head


def test_the_portal_no_longer_edits_a_delegate_once_the_registration_closed(registered):
    delegation, head = registered

    with time_machine.travel(AFTER_THE_REGISTRATION), pytest.raises(RegistrationClosed):
        services.save_delegate(delegation, delegate=head, family_name="NGUYỄN")


def test_an_organiser_corrects_a_delegate_after_the_registration_closed(registered):
    delegation, head = registered

    with time_machine.travel(AFTER_THE_REGISTRATION):
        services.save_delegate_as_organiser(delegation, delegate=head, family_name="NGUYỄN")

    head.refresh_from_db()
    assert head.family_name == "NGUYỄN"


def test_the_console_corrects_a_delegate_after_the_registration_closed(admin_user, registered):
    _delegation, head = registered
    url = reverse("admin:delegations_delegate_change", args=[head.pk])

    with time_machine.travel(AFTER_THE_REGISTRATION):
        console = sign_in_to_console(Client(), admin_user)
        response = console.post(url, change_form_data(console, url, family_name="NGUYỄN"))

    assert response.status_code == 302
    head.refresh_from_db()
    assert head.family_name == "NGUYỄN"
    assert head.history.first().history_user.username == "admin"


def test_an_organiser_still_cannot_name_a_second_head(registered):
    delegation, _head = registered
    deputy = DelegateFactory(delegation=delegation, role=DelegateRole.MEMBER)

    with pytest.raises(HeadOfDelegationAlreadyNamed):
        services.save_delegate_as_organiser(delegation, delegate=deputy, role=DelegateRole.HEAD)


def test_the_console_shows_a_second_head_as_a_form_error_and_keeps_what_was_typed(
    admin_client, registered
):
    delegation, _head = registered
    member = DelegateFactory(delegation=delegation, role=DelegateRole.MEMBER, phone="+33 1")
    url = reverse("admin:delegations_delegate_change", args=[member.pk])
    data = change_form_data(admin_client, url, role=DelegateRole.HEAD, phone="+33 1 40 00 00 00")

    response = admin_client.post(url, data)

    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.non_field_errors() == [str(HeadOfDelegationAlreadyNamed.default_message)]
    assert form["phone"].value() == "+33 1 40 00 00 00"  # nothing typed is lost
    member.refresh_from_db()
    assert (member.role, member.phone) == (DelegateRole.MEMBER, "+33 1")  # nothing saved


def test_an_organiser_keeps_a_category_they_gave_when_changing_something_else(registered):
    delegation, head = registered
    services.save_delegate_as_organiser(delegation, delegate=head, badge_category="security")

    services.save_delegate_as_organiser(delegation, delegate=head, phone="+84 24")

    head.refresh_from_db()
    assert (head.badge_category, head.phone) == ("security", "+84 24")


def test_a_new_focal_point_receives_the_invitation_still_waiting(
    invite, django_capture_on_commit_callbacks
):
    delegation = DelegationFactory(focal_point_email="old@mission.example.org")
    invitation, _token = invite(delegation)
    before = len(mail.outbox)

    with django_capture_on_commit_callbacks(execute=True):
        services.change_delegation(
            delegation, focal_point_name="New Focal", focal_point_email="new@mission.example.org"
        )

    invitation.refresh_from_db()
    assert invitation.email == "new@mission.example.org"
    assert [message.to for message in mail.outbox[before:]] == [["new@mission.example.org"]]


def test_the_console_changes_the_focal_point_through_the_service(
    admin_client, invite, django_capture_on_commit_callbacks
):
    delegation = DelegationFactory(focal_point_email="old@mission.example.org")
    invitation, _token = invite(delegation)
    url = reverse("admin:delegations_delegation_change", args=[delegation.pk])
    data = change_form_data(admin_client, url, focal_point_email="new@mission.example.org")
    before = len(mail.outbox)

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, data)

    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.email == "new@mission.example.org"
    assert [message.to for message in mail.outbox[before:]] == [["new@mission.example.org"]]


def test_the_console_keeps_a_delegation_in_its_conference(admin_client):
    delegation = DelegationFactory()
    url = reverse("admin:delegations_delegation_change", args=[delegation.pk])

    form = admin_client.get(url).context["adminform"].form

    assert "conference" not in form.fields


def test_an_invited_delegation_is_not_deleted_but_a_mistaken_one_is(admin_client, invite):
    invited, mistaken = DelegationFactory(), DelegationFactory(country="DE")
    invite(invited)

    refused = admin_client.post(
        reverse("admin:delegations_delegation_delete", args=[invited.pk]),
        {"post": "yes"},
        follow=True,
    )
    admin_client.post(
        reverse("admin:delegations_delegation_delete", args=[mistaken.pk]), {"post": "yes"}
    )

    (message,) = (str(message) for message in refused.context["messages"])
    assert message.startswith("It is still in use (")
    assert list(Delegation.objects.values_list("pk", flat=True)) == [invited.pk]
    assert Invitation.objects.filter(delegation=invited).count() == 1


def test_a_delegate_holding_a_badge_is_not_deleted(admin_client, registered):
    delegation, head = registered
    head.accreditation_status = "accredited"
    head.save()
    services.issue_badge(head)
    mistaken = DelegateFactory(delegation=delegation)

    for delegate in (head, mistaken):
        admin_client.post(
            reverse("admin:delegations_delegate_delete", args=[delegate.pk]), {"post": "yes"}
        )

    assert list(Delegate.objects.values_list("pk", flat=True)) == [head.pk]


def test_closing_a_portal_account_revokes_the_token_of_its_last_delegation(admin_client):
    user = User.objects.create_user("focal@mission.example.org")
    first, second = DelegationFactory(), DelegationFactory(country="DE")
    accounts = [PortalAccount.objects.create(user=user, delegation=d) for d in (first, second)]
    services.issue_api_token(user)
    delete = [reverse("admin:delegations_portalaccount_delete", args=[a.pk]) for a in accounts]

    admin_client.post(delete[0], {"post": "yes"})
    assert Token.objects.filter(user=user).exists()  # the second delegation still needs it
    admin_client.post(delete[1], {"post": "yes"})

    assert not PortalAccount.objects.filter(user=user).exists()
    assert not Token.objects.filter(user=user).exists()
    assert User.objects.filter(pk=user.pk).exists()


def test_a_portal_account_is_not_edited_in_the_console(admin_client):
    account = PortalAccount.objects.create(
        user=User.objects.create_user("focal@mission.example.org"),
        delegation=DelegationFactory(),
    )
    url = reverse("admin:delegations_portalaccount_change", args=[account.pk])

    assert admin_client.post(url, {}).status_code == 403
