"""Badges: the console."""

import io
import zipfile

import pytest
from pypdf import PdfReader

from delegations import services
from delegations.documents import badge_batches
from delegations.models import Badge, ConsoleJob
from delegations.services import badges as badges_service
from tests.delegations.badges.support import (
    BADGES,
    _many_delegates,
    _text,
    _two_badges,
    accredited,
    staff,
)
from tests.factories import (
    DelegateFactory,
    DelegationFactory,
)


@pytest.mark.django_db
def test_badge_list_shows_number_delegate_delegation_colour_and_state(client, conference):
    _two_badges(conference)
    staff(client, "view_badge")

    page = client.get(BADGES).content.decode()
    found = client.get(BADGES, {"q": "Schmidt"}).content.decode()

    for expected in ["HAN-000001", "HAN-000002", "Dupont", "France", "Red", "Active"]:
        assert expected in page, expected
    assert "HAN-000002" in found
    assert "HAN-000001" not in found


@pytest.mark.django_db
def test_print_action_returns_the_pdf_and_marks_the_badges_printed(
    client, conference, django_capture_on_commit_callbacks
):
    first, second = _two_badges(conference)
    services.revoke_badge(second, reason="Withdrawn")
    staff(client, "view_badge", "print_badge")

    with django_capture_on_commit_callbacks(execute=True):
        action = client.post(
            BADGES, {"action": "print_id1", "_selected_action": [first.pk, second.pk]}
        )
    job = ConsoleJob.objects.get()
    response = client.get(f"/admin/delegations/consolejob/{job.pk}/download/")

    first.refresh_from_db()
    second.refresh_from_db()
    assert action.status_code == 302
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = _text(b"".join(response.streaming_content))
    assert "HAN-000001" in text
    assert "HAN-000002" not in text
    assert first.printed_at is not None
    assert second.printed_at is None


@pytest.mark.django_db
def test_print_action_needs_the_print_permission(client, conference):
    first, _second = _two_badges(conference)
    staff(client, "view_badge", "change_badge")  # revoking is not printing

    response = client.post(BADGES, {"action": "print_id1", "_selected_action": [first.pk]})

    first.refresh_from_db()
    assert response["Content-Type"].startswith("text/html")
    assert first.printed_at is None


@pytest.mark.django_db
def test_revoke_action_asks_the_reason_then_revokes(client, conference):
    first, second = _two_badges(conference)
    staff(client, "view_badge", "change_badge")

    action = client.post(
        BADGES, {"action": "revoke_selected", "_selected_action": [first.pk, second.pk]}
    )
    form = client.get(action["Location"])
    without_reason = client.post(action["Location"], {"reason": "  "})
    first.refresh_from_db()
    still_active = first.state
    done = client.post(action["Location"], {"reason": "Delegation withdrawn"})

    assert action.status_code == 302
    assert "HAN-000001" in form.content.decode()
    assert "HAN-000002" in form.content.decode()
    assert without_reason.status_code == 200
    assert still_active == "active"
    assert done.status_code == 302
    assert list(Badge.objects.values_list("state", "revocation_reason")) == [
        ("revoked", "Delegation withdrawn"),
        ("revoked", "Delegation withdrawn"),
    ]


@pytest.mark.django_db
def test_revoke_page_needs_the_change_permission(client, conference):
    first, _second = _two_badges(conference)
    staff(client, "view_badge")

    response = client.post(f"{BADGES}revoke/?ids={first.pk}", {"reason": "Lost"})

    first.refresh_from_db()
    assert response.status_code == 403
    assert first.state == "active"


@pytest.mark.django_db
def test_badges_cannot_be_added_or_edited_by_hand(client, conference):
    first, _second = _two_badges(conference)
    staff(client, "view_badge", "add_badge", "change_badge")

    add = client.get(f"{BADGES}add/")
    client.post(f"{BADGES}{first.pk}/change/", {"state": "revoked", "number": "X-1"})

    first.refresh_from_db()
    assert add.status_code == 403
    assert (first.state, first.number) == ("active", "HAN-000001")


@pytest.mark.django_db
def test_issue_badges_action_issues_to_accredited_delegates_only(client, conference):
    holder = accredited(conference)
    services.issue_badge(holder)
    newcomer = accredited(delegation=DelegationFactory(conference=conference, country="DE"))
    pending = DelegateFactory(delegation=DelegationFactory(conference=conference, country="IT"))
    staff(client, "view_delegate", "change_delegate", "add_badge")

    response = client.post(
        "/admin/delegations/delegate/",
        {"action": "issue_badges", "_selected_action": [holder.pk, newcomer.pk, pending.pk]},
        follow=True,
    )

    messages = [str(message) for message in response.context["messages"]]
    assert sorted(Badge.objects.values_list("delegate", "number")) == [
        (holder.pk, "HAN-000001"),
        (newcomer.pk, "HAN-000002"),
    ]
    assert "Issued 1 badge. 1 delegate already held a valid one." in messages
    assert any("Only an accredited delegate receives a badge." in m for m in messages)


@pytest.mark.django_db
def test_issue_badges_action_needs_the_permission_to_add_badges(client, conference):
    delegate = accredited(conference)
    staff(client, "view_delegate", "change_delegate")

    client.post(
        "/admin/delegations/delegate/",
        {"action": "issue_badges", "_selected_action": [delegate.pk]},
    )

    assert Badge.objects.count() == 0


@pytest.mark.django_db
def test_refusing_an_accredited_delegate_revokes_the_badge():
    delegate = DelegateFactory(delegation__status="registered")
    services.accredit_delegate(delegate)
    badge = services.issue_badge(delegate)

    services.reject_delegate(delegate, reason="Withdrawn by the mission.")

    badge.refresh_from_db()
    assert badge.state == "revoked"
    assert badge.revocation_reason == "Withdrawn by the mission."


def test_exhibitor_staff_wear_blue_whatever_their_organisation():
    assert badges_service.badge_colour("private_sector", "exhibitor") == "blue"
    assert badges_service.badge_colour("un_entity", "exhibitor") == "blue"
    assert badges_service.badge_colour("un_entity", "delegate") == "green"


@pytest.mark.django_db
def test_printing_all_that_match_the_filter_gives_a_page_per_badge(
    client, settings, django_capture_on_commit_callbacks
):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 5
    badges = [services.issue_badge(delegate) for delegate in _many_delegates(6)]
    staff(client, "view_badge", "print_badge")

    with django_capture_on_commit_callbacks(execute=True):
        action = client.post(
            BADGES, {"action": "print_id1", "select_across": "1", "_selected_action": badges[0].pk}
        )
    job = ConsoleJob.objects.get()
    response = client.get(f"/admin/delegations/consolejob/{job.pk}/download/")
    pdf = PdfReader(io.BytesIO(b"".join(response.streaming_content)))

    assert action.status_code == 302
    assert (job.total, len(pdf.pages)) == (6, 6)
    assert Badge.objects.filter(printed_at__isnull=False).count() == 6


@pytest.mark.django_db
def test_a_print_beyond_one_file_is_a_zip_of_pdfs_in_printing_order(
    client, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(badge_batches, "BADGES_PER_FILE", 2)
    badges = [services.issue_badge(delegate) for delegate in _many_delegates(5)]
    staff(client, "view_badge", "print_badge")

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            BADGES, {"action": "print_id1", "select_across": "1", "_selected_action": badges[0].pk}
        )
    job = ConsoleJob.objects.get()
    response = client.get(f"/admin/delegations/consolejob/{job.pk}/download/")
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    files = {name: PdfReader(io.BytesIO(archive.read(name))) for name in archive.namelist()}

    assert response["Content-Type"] == "application/zip"
    assert list(files) == [
        "badges-000001-000002.pdf",
        "badges-000003-000004.pdf",
        "badges-000005-000005.pdf",
    ]
    assert [len(pdf.pages) for pdf in files.values()] == [2, 2, 1]
    numbers = ["".join(page.extract_text() for page in pdf.pages) for pdf in files.values()]
    assert "HAN-000001" in numbers[0]
    assert "HAN-000005" in numbers[2]
    assert (job.total, job.progress) == (5, 5)
    assert Badge.objects.filter(printed_at__isnull=False).count() == 5
