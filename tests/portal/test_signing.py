"""The signing ceremony in the portal: the focal point names the signatory and sends the full
powers; the organisers verify them in the console."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from sessions.models import Signatory
from sessions.services import verify_full_powers
from tests.portal.support import delegate_data, pdf, signed_in_focal_point

pytestmark = pytest.mark.django_db


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
    refused = client.post("/portal/signing/", {"document": disguised})
    accepted = client.post("/portal/signing/", {"document": pdf("powers.pdf")})

    assert refused.status_code == 400
    assert "Upload the document as a PDF" in refused.content.decode()
    assert accepted["Location"] == "/portal/signing/"
    signatory.refresh_from_db()
    assert signatory.full_powers_state == "pending"
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
    client.post("/portal/signing/", {"document": pdf("powers.pdf")})
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

    assert "Only States sign the Convention." in page
