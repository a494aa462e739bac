"""Uploaded PDFs are checked by their structure (pypdf), not their first bytes: a document that
cannot be read, is encrypted, has no page, or carries a script or an attached file is refused
with a clear error wherever PDFs are uploaded (note verbale, press card, full powers), nothing is
kept, and the documents that pass are served as sandboxed attachments under a name we chose."""

import datetime as dt
import io

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader, PdfWriter

from delegations.errors import InvalidDocument
from delegations.models import MediaApplication, PortalAccount
from sessions import services as programme
from tests.factories import ConferenceFactory, DelegateFactory, DelegationFactory
from tests.pdfs import pdf_bytes, pdf_upload
from tests.press.support import apply

pytestmark = pytest.mark.django_db

FAKE = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"  # right first bytes, no document
UNREADABLE = "The file is not a PDF that can be read."
HOSTILE = [
    ("script", {"javascript": True}, "scripts, actions or attached files"),
    ("attached file", {"attachment": True}, "scripts, actions or attached files"),
    ("encrypted", {"encrypted": True}, "The PDF is encrypted or password-protected"),
    ("no page", {"pages": 0}, "The PDF has no pages."),
]


@pytest.fixture(autouse=True)
def before_the_deadline(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    with time_machine.travel(dt.datetime(2025, 9, 15, 2, 0, tzinfo=dt.UTC)):
        yield


@pytest.fixture
def delegation(client):
    delegation = DelegationFactory(status="confirmed", language="en")
    user = get_user_model().objects.create_user("focal")
    PortalAccount.objects.create(user=user, delegation=delegation)
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return delegation


@pytest.mark.parametrize(("case", "variant", "message"), HOSTILE, ids=[c[0] for c in HOSTILE])
def test_a_hostile_note_verbale_is_refused_with_its_reason(
    client, delegation, case, variant, message
):
    response = client.post("/portal/documents/", {"document": pdf_upload("note.pdf", **variant)})

    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors["document"])
    delegation.refresh_from_db()
    assert not delegation.credentials


def test_a_file_that_only_starts_like_a_pdf_is_refused(client, delegation):
    upload = SimpleUploadedFile("note.pdf", FAKE, content_type="application/pdf")

    response = client.post("/portal/documents/", {"document": upload})

    assert response.status_code == 400
    assert response.context["form"].errors["document"] == [UNREADABLE]


def test_a_real_note_verbale_is_kept_under_a_random_name_and_served_as_a_sandboxed_attachment(
    client, delegation
):
    client.post("/portal/documents/", {"document": pdf_upload("Note <verbale> FR.pdf")})
    delegation.refresh_from_db()

    response = client.get("/portal/documents/credentials.pdf")

    assert "verbale" not in delegation.credentials.name
    assert delegation.credentials_name == "Note <verbale> FR.pdf"  # for display only
    assert "Note &lt;verbale&gt; FR.pdf" in client.get("/portal/documents/").content.decode()
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="credentials.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_a_pdf_that_opens_at_its_first_page_is_accepted(client, delegation):
    """An /OpenAction that is only a destination, as word processors write it, runs nothing."""
    writer = PdfWriter(clone_from=PdfReader(pdf_upload()))
    writer.open_destination = writer.pages[0]
    buffer = io.BytesIO()
    writer.write(buffer)
    assert b"/OpenAction" in buffer.getvalue()
    upload = SimpleUploadedFile("note.pdf", buffer.getvalue(), content_type="application/pdf")

    response = client.post("/portal/documents/", {"document": upload})

    assert response.status_code == 302


@pytest.mark.parametrize(("case", "variant", "message"), HOSTILE, ids=[c[0] for c in HOSTILE])
def test_a_hostile_press_card_is_refused_and_nothing_is_kept(case, variant, message):
    with pytest.raises(InvalidDocument, match=message.split(" ")[1]):
        apply(ConferenceFactory(), press_card=pdf_upload("card.pdf", **variant))

    assert not MediaApplication.objects.exists()


def test_hostile_full_powers_are_refused():
    delegation = DelegationFactory(language="en")
    delegate = DelegateFactory(delegation=delegation, role="head", protocol_rank="ambassador")
    signatory = programme.register_signatory(delegation, delegate=delegate)

    with pytest.raises(InvalidDocument):
        programme.upload_full_powers(
            signatory,
            file=SimpleUploadedFile("powers.pdf", pdf_bytes(javascript=True), "application/pdf"),
        )

    signatory.refresh_from_db()
    assert not signatory.full_powers
