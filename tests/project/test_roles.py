"""The organisers' roles: each group sees and does its own work in the console, nothing more."""

import datetime as dt

import pytest
import time_machine
from django.contrib.auth.models import Group, Permission, User
from django.core.management import CommandError, call_command
from django.test import Client

from config.roles import ROLE_NAMES, ROLES, sync_roles
from delegations.models import Delegation, Invitation
from sessions.models import Session
from tests.console import sign_in_to_console
from tests.factories import DelegateFactory, DelegationFactory, SessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def before_the_deadlines():
    with time_machine.travel(dt.datetime(2025, 9, 15, 2, 0, tzinfo=dt.UTC)):
        yield


def member(role):
    user = User.objects.create_user(role.lower(), is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    return sign_in_to_console(Client(), user)


def changelist(model):
    return f"/admin/{model.replace('.', '/')}/"


def offered_actions(client, model):
    response = client.get(changelist(model))
    assert response.status_code == 200
    return {name for name, _label in response.context["action_form"].fields["action"].choices}


# Lists each role opens (200) and lists it is refused (403).
PAGES = {
    "Protocol": (
        [
            "programme.session",
            "programme.sessionperson",
            "programme.inscription",
            "programme.signatory",
            "programme.bilateralmeeting",
            "conference.signature",
            "delegations.delegation",
            "delegations.invitation",
            "delegations.delegate",
        ],
        [
            "delegations.travel",
            "programme.galatable",
            "programme.booth",
            "conference.accesszone",
            "delegations.badge",
            "delegations.scan",
            "auth.user",
        ],
    ),
    "Accreditation": (
        ["delegations.delegate", "delegations.delegation", "delegations.badge"],
        [
            "programme.session",
            "programme.signatory",
            "delegations.travel",
            "programme.galatable",
            "conference.accesszone",
            "delegations.scannerdevice",
            "auth.group",
        ],
    ),
    "Logistics": (
        [
            "delegations.travel",
            "conference.room",
            "conference.venue",
            "programme.galatable",
            "programme.galaanswer",
            "programme.galaseat",
            "programme.booth",
            "programme.exhibitor",
            "delegations.liaisonofficer",
        ],
        [
            "delegations.invitation",
            "delegations.outboundmessage",
            "delegations.badge",
            "programme.signatory",
            "programme.inscription",
            "auth.user",
        ],
    ),
    "Security": (
        [
            "conference.accesszone",
            "delegations.badge",
            "delegations.scannerdevice",
            "delegations.scan",
            "delegations.delegate",
        ],
        [
            "delegations.invitation",
            "delegations.outboundmessage",
            "delegations.travel",
            "programme.galatable",
            "programme.signatory",
            "conference.signature",
        ],
    ),
    "Press office": (
        ["delegations.mediaapplication", "delegations.mediaoutlet", "programme.mediapool"],
        ["delegations.delegate", "delegations.travel", "delegations.badge", "auth.user"],
    ),
    "Language services": (
        ["programme.session", "conference.room"],
        ["delegations.delegate", "delegations.travel", "programme.galatable", "auth.user"],
    ),
    "Read-only": (
        [
            "conference.conference",
            "conference.accesszone",
            "conference.signature",
            "delegations.delegation",
            "delegations.delegate",
            "delegations.invitation",
            "delegations.outboundmessage",
            "delegations.travel",
            "delegations.badge",
            "delegations.scan",
            "programme.session",
            "programme.signatory",
            "programme.inscription",
            "programme.galatable",
            "programme.booth",
            "programme.bilateralmeeting",
        ],
        ["auth.user", "auth.group", "otp_totp.totpdevice", "otp_static.staticdevice"],
    ),
}


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_each_role_opens_its_own_lists_and_is_refused_the_others(role):
    client = member(role)
    allowed, forbidden = PAGES[role]

    assert {m: client.get(changelist(m)).status_code for m in allowed} == dict.fromkeys(
        allowed, 200
    )
    assert {m: client.get(changelist(m)).status_code for m in forbidden} == dict.fromkeys(
        forbidden, 403
    )


@pytest.mark.parametrize(
    ("role", "model", "offered", "withheld"),
    [
        ("Protocol", "delegations.delegation", {"send_invitations"}, {"reopen_selected"}),
        ("Protocol", "programme.session", {"publish_selected", "cancel_selected"}, set()),
        ("Protocol", "delegations.delegate", set(), {"accredit_selected", "reject_selected"}),
        ("Accreditation", "delegations.delegation", {"reopen_selected"}, {"send_invitations"}),
        (
            "Accreditation",
            "delegations.delegate",
            {"accredit_selected", "reject_selected", "issue_badges"},
            {"delete_selected"},
        ),
        ("Logistics", "programme.booth", {"release_selected"}, set()),
        ("Logistics", "delegations.delegate", set(), {"accredit_selected", "issue_badges"}),
        (
            "Accreditation",
            "delegations.badge",
            {"print_id1", "print_a6", "print_sheet"},
            {"revoke_selected"},
        ),
        (
            "Security",
            "delegations.badge",
            {"revoke_selected"},
            {"print_id1", "print_a6", "print_sheet"},
        ),
        ("Security", "delegations.delegate", set(), {"accredit_selected", "issue_badges"}),
        (
            "Press office",
            "delegations.mediaapplication",
            {"accredit_selected", "reissue_badges", "print_id1"},
            set(),
        ),
    ],
)
def test_each_role_is_offered_its_actions_only(role, model, offered, withheld):
    actions = offered_actions(member(role), model)

    assert offered <= actions
    assert actions.isdisjoint(withheld)


def post_action(client, model, action, objects):
    return client.post(
        changelist(model),
        {"action": action, "_selected_action": [o.pk for o in objects]},
    )


def test_accreditation_reopens_a_registration_and_protocol_is_refused():
    first = DelegationFactory(status="registered")
    second = DelegationFactory(conference=first.conference, country="KE", status="registered")

    post_action(member("Protocol"), "delegations.delegation", "reopen_selected", [first])
    post_action(member("Accreditation"), "delegations.delegation", "reopen_selected", [second])

    assert dict(Delegation.objects.values_list("pk", "status")) == {
        first.pk: "registered",
        second.pk: "confirmed",
    }


def test_protocol_sends_invitations_and_accreditation_is_refused(
    django_capture_on_commit_callbacks,
):
    first = DelegationFactory()
    second = DelegationFactory(conference=first.conference, country="KE")

    with django_capture_on_commit_callbacks(execute=True):
        post_action(member("Accreditation"), "delegations.delegation", "send_invitations", [first])
        post_action(member("Protocol"), "delegations.delegation", "send_invitations", [second])

    assert list(Invitation.objects.values_list("delegation", flat=True)) == [second.pk]


def test_the_read_only_role_changes_nothing():
    client = member("Read-only")
    delegation = DelegationFactory(status="registered")
    delegate = DelegateFactory(delegation=delegation)
    session = SessionFactory()
    title = session.title

    assert offered_actions(client, "delegations.delegate").isdisjoint(
        {"accredit_selected", "reject_selected", "issue_badges", "delete_selected"}
    )
    post_action(client, "delegations.delegate", "accredit_selected", [delegate])
    post_action(client, "delegations.delegation", "send_invitations", [delegation])
    post_action(client, "delegations.delegation", "reopen_selected", [delegation])
    post_action(client, "programme.session", "publish_selected", [session])
    post_action(client, "programme.session", "delete_selected", [session])
    statuses = [
        client.get(f"/admin/programme/session/{session.pk}/change/").status_code,
        client.post(f"/admin/programme/session/{session.pk}/change/", {"title": "X"}).status_code,
        client.get("/admin/programme/session/add/").status_code,
        client.post(f"/admin/programme/session/{session.pk}/delete/", {"post": "yes"}).status_code,
        client.post(
            f"/admin/delegations/delegate/{delegate.pk}/reject/", {"reason": "No"}
        ).status_code,
    ]

    assert statuses == [200, 403, 403, 403, 403]
    delegate.refresh_from_db()
    session.refresh_from_db()
    assert (delegate.accreditation_status, delegate.rejection_reason) == ("pending", "")
    assert (session.state, session.title) == ("draft", title)
    assert Delegation.objects.get().status == "registered"
    assert Invitation.objects.count() == 0
    assert Session.objects.count() == 1


def test_the_migration_made_every_role_and_the_table_changes_nothing():
    before = {g.name: set(g.permissions.values_list("pk", flat=True)) for g in Group.objects.all()}

    counts = sync_roles()

    after = {g.name: set(g.permissions.values_list("pk", flat=True)) for g in Group.objects.all()}
    assert set(before) == set(ROLE_NAMES)
    assert after == before
    assert counts == {name: len(pks) for name, pks in before.items()}


def test_only_accreditation_may_reveal_a_passport():
    holders = Group.objects.filter(permissions__codename="reveal_passport")

    assert list(holders.values_list("name", flat=True)) == ["Accreditation"]


def test_read_only_holds_view_permissions_only_and_sees_a_later_model():
    read_only = Group.objects.get(name="Read-only")
    codenames = set(read_only.permissions.values_list("codename", flat=True))

    assert codenames
    assert all(c.startswith("view_") for c in codenames)
    assert {"view_badge", "view_scan", "view_inscription"} <= codenames
    assert not any("historical" in c for c in codenames)


def test_sync_puts_back_a_permission_taken_away():
    protocol = Group.objects.get(name="Protocol")
    protocol.permissions.remove(Permission.objects.get(codename="add_invitation"))
    protocol.permissions.add(Permission.objects.get(codename="change_travel"))

    call_command("sync_roles", verbosity=0)

    codenames = set(protocol.permissions.values_list("codename", flat=True))
    assert "add_invitation" in codenames
    assert "change_travel" not in codenames


def test_sync_refuses_a_table_naming_an_unknown_permission_and_changes_nothing():
    Permission.objects.filter(codename="add_galatable").delete()
    logistics = Group.objects.get(name="Logistics")
    logistics.permissions.add(Permission.objects.get(codename="change_invitation"))
    before = set(logistics.permissions.values_list("codename", flat=True))

    with pytest.raises(CommandError, match=r"programme\.add_galatable"):
        call_command("sync_roles")

    assert set(logistics.permissions.values_list("codename", flat=True)) == before


def test_every_role_of_the_table_names_known_models():
    known = {f"{p.content_type.app_label}.{p.codename}" for p in Permission.objects.all()}
    for role in ROLES:
        assert role.permission_names({}) <= known, role.name


def test_a_staff_member_with_a_role_but_no_second_factor_sees_nothing():
    user = User.objects.create_user("protocol", is_staff=True)
    user.groups.add(Group.objects.get(name="Protocol"))
    client = Client()
    client.force_login(user)

    assert client.get(changelist("programme.session")).status_code == 302
