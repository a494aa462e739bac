"""The console's side of the registration: documents and photos served to staff only,
reopening, accrediting, refusing with a reason."""

import pytest
from django.contrib.auth.models import Permission, User
from django.core import mail

from tests.console import sign_in_to_console
from tests.factories import SessionFactory
from tests.portal.support import delegate_data, pdf, photo, signed_in_focal_point

pytestmark = pytest.mark.django_db


def staff(client, *codenames):
    user = User.objects.create_user("protocol", password="x", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    sign_in_to_console(client, user)
    return user


@pytest.fixture
def submitted(client, invite):
    """A delegation that registered one delegate with a photo and sent its documents."""
    focal = client.__class__()
    delegation = signed_in_focal_point(focal, invite, language="en")
    focal.post("/portal/delegates/new/", delegate_data() | {"photo_upload": photo()})
    focal.post("/portal/documents/", {"document": pdf()})
    delegate = delegation.delegates.get()
    roundtable = SessionFactory(conference=delegation.conference, state="published", capacity=5)
    focal.post(f"/portal/programme/{roundtable.pk}/places/", {"delegate": delegate.pk})
    focal.post(
        f"/portal/travel/{delegate.pk}/",
        {"arrives_at": "2025-10-24T10:30", "departs_at": "2025-10-27T10:00", "transfer": "none"},
    )
    assert focal.post("/portal/submit/").status_code == 302
    delegation.refresh_from_db()
    assert delegation.status == "registered"
    return delegation, delegate


@pytest.mark.parametrize(
    "address",
    [
        "/admin/delegations/delegation/{delegation}/credentials.pdf",
        "/admin/delegations/delegate/{delegate}/photo.jpg",
    ],
)
def test_uploads_are_served_to_staff_with_the_view_permission_only(client, submitted, address):
    delegation, delegate = submitted
    url = address.format(delegation=delegation.pk, delegate=delegate.pk)

    anonymous = client.get(url)
    staff(client)
    without = client.get(url)
    User.objects.get(username="protocol").user_permissions.set(
        Permission.objects.filter(codename__in=["view_delegation", "view_delegate"])
    )
    allowed = client.get(url)

    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/admin/login/")
    assert without.status_code == 403
    assert allowed.status_code == 200
    assert allowed["Content-Type"] in ("application/pdf", "image/jpeg")


def test_uploaded_files_have_no_public_address(client, submitted):
    delegation, delegate = submitted

    for name in (delegation.credentials.name, delegate.photo.name):
        assert client.get(f"/media/{name}").status_code == 404


def test_the_delegate_page_shows_the_passport_masked(client, submitted):
    _delegation, delegate = submitted
    staff(client, "view_delegate", "change_delegate")

    page = client.get(f"/admin/delegations/delegate/{delegate.pk}/change/").content.decode()

    assert "••••2345" in page
    assert "19AB" not in page


def test_accrediting_from_the_console_tells_the_focal_point(
    client, submitted, django_capture_on_commit_callbacks
):
    delegation, delegate = submitted
    staff(client, "view_delegate", "change_delegate")

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/admin/delegations/delegate/",
            {"action": "accredit_selected", "_selected_action": [delegate.pk]},
        )

    delegate.refresh_from_db()
    delegation.refresh_from_db()
    assert (delegate.accreditation_status, delegation.status) == ("accredited", "accredited")
    assert mail.outbox[-1].subject == f"Accredited: {delegate.full_name}"


def test_a_refusal_needs_a_reason_and_the_focal_point_reads_it(
    client, submitted, django_capture_on_commit_callbacks
):
    _delegation, delegate = submitted
    staff(client, "view_delegate", "change_delegate")
    url = f"/admin/delegations/delegate/{delegate.pk}/reject/"
    sent = len(mail.outbox)

    empty = client.post(url, {"reason": "   "})
    delegate.refresh_from_db()
    assert delegate.accreditation_status == "pending"
    assert "This field is required." in empty.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"reason": "The photo does not show the face."})

    delegate.refresh_from_db()
    assert delegate.accreditation_status == "rejected"
    assert delegate.rejection_reason == "The photo does not show the face."
    (message,) = mail.outbox[sent:]
    assert "The photo does not show the face." in message.body


def test_reopening_gives_the_registration_back_to_the_focal_point(client, submitted):
    delegation, _delegate = submitted
    # Reopening is the accreditation desk's: it rides on deciding on delegates (config/roles.py).
    staff(client, "view_delegation", "change_delegate")

    client.post(
        "/admin/delegations/delegation/",
        {"action": "reopen_selected", "_selected_action": [delegation.pk]},
    )

    delegation.refresh_from_db()
    assert delegation.status == "confirmed"
    assert delegation.reopened_at is not None


def test_several_delegates_are_refused_at_once_with_one_reason(
    client, invite, django_capture_on_commit_callbacks
):
    focal = client.__class__()
    delegation = signed_in_focal_point(focal, invite, language="en")
    delegation.conference.delegation_quotas = {}
    delegation.conference.save()
    for number in (1, 2):
        focal.post(
            "/portal/delegates/new/",
            delegate_data(role="member", passport_number=f"P{number}", family_name=f"D{number}"),
        )
    delegation.status = "registered"
    delegation.save()
    ids = list(delegation.delegates.values_list("pk", flat=True))
    staff(client, "view_delegate", "change_delegate")

    chosen = client.post(
        "/admin/delegations/delegate/", {"action": "reject_selected", "_selected_action": ids}
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(chosen["Location"], {"reason": "The delegation withdrew."})

    assert set(delegation.delegates.values_list("accreditation_status", flat=True)) == {"rejected"}
    assert sum("The delegation withdrew." in m.body for m in mail.outbox) == 2
