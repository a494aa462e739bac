"""The signing ceremony in the organiser console: full powers, the signing order, signatures."""

import datetime as dt
import io

import pytest
import time_machine
from django.contrib.auth.models import Permission, User
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfReader

from conference.models import Convention
from conference.services import record_signature
from sessions import services
from sessions.models import Signatory
from tests.console import sign_in_to_console
from tests.factories import HANOI, ConferenceFactory, DelegateFactory, DelegationFactory
from tests.pdfs import pdf_bytes

pytestmark = pytest.mark.django_db

PDF = pdf_bytes()
CHANGELIST = reverse("admin:programme_signatory_changelist")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def hanoi():
    convention = Convention.objects.create(
        slug="uncc",
        title="United Nations Convention against Cybercrime",
        short_title="Hanoi Convention",
        adopted_on=dt.date(2024, 12, 24),
        depositary="Secretary-General of the United Nations",
    )
    return ConferenceFactory(
        slug="hanoi2025", host_country="VN", lot_letter="A", convention=convention
    )


def signatory_of(conference, country, rank, **names):
    delegation = DelegationFactory(conference=conference, country=country, language="en")
    delegate = DelegateFactory(delegation=delegation, role="head", protocol_rank=rank, **names)
    return services.register_signatory(delegation, delegate=delegate)


def with_full_powers(signatory, **issuer):
    return services.upload_full_powers(
        signatory, file=SimpleUploadedFile("powers.pdf", PDF, "application/pdf"), **issuer
    )


def staff(client, *codenames):
    user = User.objects.create_user(f"officer{len(codenames)}", password="x" * 20, is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    return sign_in_to_console(client, user)


def act(client, action, signatories):
    """Run an admin action as the browser would, following the redirect to the page that shows
    the messages; returns the last response and the messages."""
    response = client.post(
        CHANGELIST,
        {"action": action, "_selected_action": [s.pk for s in signatories]},
        follow=True,
    )
    shown = response.context["messages"] if response.context else []
    return response, [str(message) for message in shown]


def pdf_text(content):
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_full_powers_are_served_only_to_staff_with_the_view_permission(client, hanoi):
    signatory = with_full_powers(signatory_of(hanoi, "CL", "ambassador"))
    url = reverse("admin:programme_signatory_full_powers", args=[signatory.pk])

    anonymous = client.get(url)
    assert (anonymous.status_code, anonymous["Location"]) == (302, f"/admin/login/?next={url}")
    assert staff(client).get(url).status_code == 403
    response = staff(client, "view_signatory").get(url)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="full-powers-CL.pdf"'
    assert b"".join(response.streaming_content) == PDF
    missing = reverse("admin:programme_signatory_full_powers", args=[signatory.pk + 1])
    assert client.get(missing).status_code == 404


def test_the_console_links_the_instrument_never_its_public_media_address(admin_client, hanoi):
    signatory = with_full_powers(signatory_of(hanoi, "CL", "ambassador"))
    download = reverse("admin:programme_signatory_full_powers", args=[signatory.pk])

    for page in (CHANGELIST, reverse("admin:programme_signatory_change", args=[signatory.pk])):
        content = admin_client.get(page).content.decode()
        assert download in content
        assert signatory.full_powers.url not in content


def test_approving_verifies_pending_full_powers_and_tells_the_delegation(
    admin_client, hanoi, django_capture_on_commit_callbacks
):
    chile = with_full_powers(
        signatory_of(hanoi, "CL", "ambassador"),
        issued_by="minister_for_foreign_affairs",
        issuer="Minister of Foreign Affairs of Chile",
    )
    austria = signatory_of(hanoi, "AT", "minister")  # nothing uploaded

    with django_capture_on_commit_callbacks(execute=True):
        response, notes = act(admin_client, "approve_full_powers", [chile, austria])

    assert response.redirect_chain == [(CHANGELIST, 302)]
    chile.refresh_from_db()
    austria.refresh_from_db()
    assert (chile.full_powers_state, chile.verified_by) == ("approved", "admin")
    assert (austria.full_powers_state, austria.verified_by) == ("missing", "")
    assert notes == [
        f"{austria}: These full powers are not waiting for verification.",
        "Full powers approved for 1 signatory.",
    ]
    assert [m.subject for m in mail.outbox] == [f"Full powers verified: {chile.delegate.full_name}"]


def test_a_rejection_without_a_reason_is_refused_and_changes_nothing(
    admin_client, hanoi, django_capture_on_commit_callbacks
):
    chile = with_full_powers(signatory_of(hanoi, "CL", "ambassador"))
    url = reverse("admin:programme_signatory_reject", args=[chile.pk])

    assert admin_client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, {"reason": "   "})

    assert response.status_code == 200
    assert "Give the reason of the rejection" in response.content.decode()
    chile.refresh_from_db()
    assert (chile.full_powers_state, chile.rejection_reason, chile.verified_at) == (
        "pending",
        "",
        None,
    )
    assert mail.outbox == []


def test_a_rejection_with_a_reason_tells_the_delegation_why(
    admin_client, hanoi, django_capture_on_commit_callbacks
):
    chile = with_full_powers(signatory_of(hanoi, "CL", "ambassador"))
    url = reverse("admin:programme_signatory_reject", args=[chile.pk])
    response, _notes = act(admin_client, "reject_full_powers", [chile])
    assert response.redirect_chain == [(url, 302)]

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, {"reason": " Not signed. "}, follow=True)

    assert response.redirect_chain == [(CHANGELIST, 302)]
    assert [str(m) for m in response.context["messages"]] == [
        f"The full powers of {chile} are rejected; the delegation is told."
    ]
    chile.refresh_from_db()
    assert (chile.full_powers_state, chile.rejection_reason) == ("rejected", "Not signed.")
    assert [m.subject for m in mail.outbox] == [
        f"Full powers not accepted: {chile.delegate.full_name}"
    ]
    assert "for this reason: Not signed." in mail.outbox[0].body


def test_rejecting_needs_one_signatory_and_the_change_permission(client, admin_client, hanoi):
    chile = with_full_powers(signatory_of(hanoi, "CL", "ambassador"))
    peru = with_full_powers(signatory_of(hanoi, "PE", "ambassador"))
    url = reverse("admin:programme_signatory_reject", args=[chile.pk])

    _response, notes = act(admin_client, "reject_full_powers", [chile, peru])
    assert notes == ["Select one signatory: each rejection gives its own reason."]
    assert client.get(url).status_code == 302  # to the login page
    assert staff(client, "view_signatory").post(url, {"reason": "Forged."}).status_code == 403
    chile.refresh_from_db()
    assert chile.full_powers_state == "pending"


def test_the_signing_order_is_assigned_and_signatures_recorded_from_the_console(
    admin_client, hanoi, django_capture_on_commit_callbacks
):
    host = with_full_powers(
        signatory_of(hanoi, "VN", "minister"),
        issued_by="head_of_government",
        issuer="Prime Minister of Viet Nam",
    )
    brazil = signatory_of(hanoi, "BR", "head_of_state")
    austria = signatory_of(hanoi, "AT", "minister")  # full powers never verified
    with django_capture_on_commit_callbacks(execute=True):
        act(admin_client, "approve_full_powers", [host])
        _response, received = act(admin_client, "record_original_received", [host, brazil])
        _response, notes = act(admin_client, "assign_signing_order", [brazil])
        _response, signing = act(admin_client, "record_signature", [brazil, austria])
        _response, again = act(admin_client, "record_signature", [brazil])

    order = Signatory.objects.filter(conference=hanoi)  # the model's order: unassigned last
    assert [(s.delegation.country.code, s.slot) for s in order] == [
        ("VN", 1),
        ("BR", 2),
        ("AT", None),
    ]
    assert received == [
        f"{brazil}: Only verified full powers have an original to receive.",
        "Originals received: 1.",
    ]
    assert notes == [f"{hanoi}: 2 signatories have a place in the signing order."]
    assert signing == [
        f"{austria}: The signatory needs verified full powers before signing.",
        "1 signature recorded.",
    ]
    assert again == [f"{brazil}: already signed.", "0 signatures recorded."]
    brazil.refresh_from_db()
    austria.refresh_from_db()
    assert (brazil.signed_at is not None, austria.signed_at) == (True, None)
    assert [s.country.code for s in hanoi.convention.signatures.all()] == ["BR"]
    assert [m.subject for m in mail.outbox] == [
        f"Full powers verified: {host.delegate.full_name}",
        "Signature recorded: Brazil",
    ]


def test_recording_a_signature_without_a_convention_is_an_error_message(admin_client):
    signatory = signatory_of(ConferenceFactory(convention=None), "BR", "head_of_state")
    services.assign_signing_slots(signatory.conference)

    response, notes = act(admin_client, "record_signature", [signatory])

    assert response.status_code == 200
    assert notes == [
        f"{signatory}: This conference has no convention to sign.",
        "0 signatures recorded.",
    ]
    signatory.refresh_from_db()
    assert signatory.signed_at is None


def test_the_signing_order_prints_in_slot_order_with_vietnamese_names(client, hanoi):
    host = signatory_of(
        hanoi,
        "VN",
        "head_of_government",
        title="H.E.",
        given_names="Phạm Minh",
        family_name="CHÍNH",
    )
    signatory_of(
        hanoi, "LA", "minister_for_foreign_affairs", given_names="Thông", family_name="NGUYỄN ƯƠNG"
    )
    signatory_of(hanoi, "BR", "head_of_state", given_names="Luiz", family_name="SILVA")
    austria = signatory_of(hanoi, "AT", "minister", family_name="NOTLISTED")
    services.assign_signing_slots(hanoi)

    assert act(staff(client), "print_signing_order", [host])[0].status_code == 403
    with time_machine.travel(dt.datetime(2025, 10, 25, 8, 0, tzinfo=HANOI)):
        response, _notes = act(staff(client, "view_signatory"), "print_signing_order", [austria])

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="hanoi2025-signing-order.pdf"'
    text = pdf_text(response.content)
    # One cell a line: slot, State, signatory (and function), rank.
    lines = [
        "1\nViet Nam\nH.E. Phạm Minh CHÍNH\nDelegate\nHead of Government",
        "2\nBrazil\nLuiz SILVA\nDelegate\nHead of State",
        "3\nLao People's Democratic Republic\nThông NGUYỄN ƯƠNG\nDelegate\n"
        "Minister for Foreign Affairs",
    ]
    positions = [text.find(line) for line in lines]
    assert -1 not in positions, text
    assert positions == sorted(positions)
    assert "United Nations Convention against Cybercrime" in text
    assert "Printed on 25 October 2025, 08:00 (Hanoi time, UTC+7)" in text
    assert austria.delegate.full_name not in text


def test_full_powers_are_approved_from_the_console_with_who_signed_them(admin_client, hanoi):
    signatory = with_full_powers(signatory_of(hanoi, "CL", "ambassador"))
    url = reverse("admin:programme_signatory_approve", args=[signatory.pk])

    refused = admin_client.post(url, {"issued_by": "", "issuer": ""})
    approved = admin_client.post(
        url, {"issued_by": "minister_for_foreign_affairs", "issuer": "Minister of Foreign Affairs"}
    )

    assert refused.status_code == 200
    assert "Say who signed the full powers" in refused.content.decode()
    assert approved.status_code == 302
    signatory.refresh_from_db()
    assert (signatory.full_powers_state, signatory.full_powers_issued_by) == (
        "approved",
        "minister_for_foreign_affairs",
    )


def test_approving_full_powers_needs_the_change_permission(client, hanoi):
    signatory = with_full_powers(signatory_of(hanoi, "CL", "ambassador"))
    url = reverse("admin:programme_signatory_approve", args=[signatory.pk])

    response = staff(client, "view_signatory").post(
        url, {"issued_by": "head_of_state", "issuer": "President of Chile"}
    )

    assert response.status_code == 403
    signatory.refresh_from_db()
    assert signatory.full_powers_state == "pending"


def test_the_signing_order_shows_each_signature_in_the_register_and_an_unknown_day(
    admin_client, hanoi
):
    """Beside the ceremony's minute, the register's day: a signatory whose sources do not give
    the day says so, one not in the register shows a dash."""
    convention = hanoi.convention
    convention.opening_place = "Hanoi"
    convention.opening_from = dt.date(2025, 10, 25)
    convention.opening_until = dt.date(2025, 10, 26)
    convention.save()
    for country in ("VN", "LA", "FR"):
        signatory_of(hanoi, country, "head_of_state")
    record_signature(convention, country="VN", signed_on=dt.date(2025, 10, 25), place="Hanoi")
    record_signature(
        convention,
        country="LA",
        signed_on=dt.date(2025, 10, 25),
        place="Hanoi",
        day_is_verified=False,
        source="Laotian Times",
    )

    page = admin_client.get(CHANGELIST, {"conference__id__exact": hanoi.pk}).content.decode()

    assert page.count("25 Oct 2025 or 26 Oct 2025 (day not verified)") == 1
    assert page.count(">25 Oct 2025<") == 1
