"""The signing ceremony in the portal: the focal point names the signatory and sends the full
powers; the organisers verify them in the console."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from sessions.models import Signatory
from sessions.services import verify_full_powers
from tests.portal.support import delegate_data, pdf, signed_in_focal_point

pytestmark = pytest.mark.django_db

SIGNED_BY = {
    "issued_by": "minister_for_foreign_affairs",
    "issuer": "Minister for Foreign Affairs of France",
}


def _with_delegate(client, invite, rank):
    delegation = signed_in_focal_point(client, invite)
    client.post("/portal/delegates/new/", delegate_data(protocol_rank=rank))
    return delegation, delegation.delegates.get()


def test_a_minister_needs_full_powers_sent_as_a_pdf(client, invite):
    delegation, delegate = _with_delegate(client, invite, "minister")

    client.post("/portal/signing/", {"signatory": delegate.pk})
    signatory = Signatory.objects.get(delegation=delegation)
    assert signatory.full_powers_state == "missing"
    disguised = SimpleUploadedFile("powers.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")
    refused = client.post("/portal/signing/", {**SIGNED_BY, "document": disguised})
    accepted = client.post("/portal/signing/", {**SIGNED_BY, "document": pdf("powers.pdf")})

    assert refused.status_code == 400
    assert "Upload the document as a PDF" in refused.content.decode()
    assert accepted["Location"] == "/portal/signing/"
    signatory.refresh_from_db()
    assert (signatory.full_powers_state, signatory.full_powers_issuer) == (
        "pending",
        "Minister for Foreign Affairs of France",
    )
    assert signatory.full_powers.read().startswith(b"%PDF-")


def test_a_head_of_state_signs_without_full_powers(client, invite):
    delegation, delegate = _with_delegate(client, invite, "head_of_state")

    client.post("/portal/signing/", {"signatory": delegate.pk})
    page = client.get("/portal/signing/").content.decode()

    assert Signatory.objects.get(delegation=delegation).full_powers_state == "not_required"
    assert "signs without full powers" in page
    assert 'name="document"' not in page


def test_a_rejection_shows_its_reason_and_the_powers_can_be_sent_again(client, invite):
    delegation, delegate = _with_delegate(client, invite, "ambassador")
    client.post("/portal/signing/", {"signatory": delegate.pk})
    client.post("/portal/signing/", {**SIGNED_BY, "document": pdf("powers.pdf")})
    signatory = Signatory.objects.get(delegation=delegation)

    verify_full_powers(
        signatory, approve=False, by="protocol", reason="Not signed by the Minister."
    )
    page = client.get("/portal/signing/").content.decode()

    assert "Not signed by the Minister." in page
    assert 'name="document"' in page


def test_another_delegations_delegate_cannot_be_named(client, invite):
    other = signed_in_focal_point(client.__class__(), invite, country="DE")
    foreign = other.delegates.create(
        conference=other.conference, family_name="OTHER", given_names="X", role="head"
    )
    delegation = signed_in_focal_point(client, invite, country="FR")

    response = client.post("/portal/signing/", {"signatory": foreign.pk})

    assert response.status_code == 400
    assert not Signatory.objects.filter(delegation=delegation).exists()
    assert not Signatory.objects.filter(delegate=foreign).exists()


def test_organisations_do_not_sign(client, invite):
    signed_in_focal_point(
        client, invite, kind="intergovernmental_organisation", country="", name="ASEAN"
    )

    page = client.get("/portal/signing/").content.decode()

    assert "Only States and regional economic integration organisations sign" in page


def test_the_european_union_names_its_signatory(client, invite):
    delegation = signed_in_focal_point(
        client, invite, kind="reio", country="", name="European Union"
    )
    client.post("/portal/delegates/new/", delegate_data(protocol_rank="head_of_organisation"))

    client.post("/portal/signing/", {"signatory": delegation.delegates.get().pk})

    assert Signatory.objects.get(delegation=delegation).full_powers_state == "missing"


def test_the_full_powers_form_shows_its_errors_only_after_a_submission(client, invite):
    delegation, delegate = _with_delegate(client, invite, "minister")
    client.post("/portal/signing/", {"signatory": delegate.pk})

    arrival = client.get("/portal/signing/").content.decode()
    empty = client.post("/portal/signing/", {"issued_by": "head_of_state"})

    assert 'name="document"' in arrival
    assert "This field is required." not in arrival
    assert empty.status_code == 400
    assert empty.content.decode().count("This field is required.") == 2  # issuer, document
    assert Signatory.objects.get(delegation=delegation).full_powers_state == "missing"


def test_a_verified_copy_awaits_its_original(client, invite):
    delegation, delegate = _with_delegate(client, invite, "minister")
    client.post("/portal/signing/", {"signatory": delegate.pk})
    client.post("/portal/signing/", {**SIGNED_BY, "document": pdf("powers.pdf")})
    verify_full_powers(Signatory.objects.get(delegation=delegation), approve=True, by="OLA")

    page = client.get("/portal/signing/").content.decode()

    assert "The signatory signs once the original reaches the depositary" in page
    assert 'name="document"' not in page


def test_a_delegation_without_delegates_is_asked_to_register_them_not_shown_an_empty_list(
    client, invite
):
    signed_in_focal_point(client, invite)

    page = client.get("/portal/signing/").content.decode()

    assert "Register your delegates first." in page
    assert 'href="/portal/delegates/new/"' in page
    assert 'name="signatory"' not in page
