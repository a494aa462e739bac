"""Helpers for the portal's tests: a signed-in focal point, images and documents to upload."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from delegations.models import PortalAccount
from delegations.services import answer_invitation, create_portal_account
from tests.factories import DelegationFactory
from tests.pdfs import pdf_upload

PASSWORD = "Hanoi-Convention-2025!"


def signed_in_focal_point(client, invite, **delegation_fields):
    """A delegation whose focal point accepted the invitation, created the account and is signed
    in with `client`."""
    delegation = DelegationFactory(**({"language": "en"} | delegation_fields))
    invitation, token = invite(delegation)
    answer_invitation(token, accept=True)
    invitation.refresh_from_db()
    user = create_portal_account(invitation, password=PASSWORD)
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    assert PortalAccount.objects.filter(user=user, delegation=delegation).exists()
    return delegation


def photo(width=400, height=500, image_format="JPEG", name="photo.jpg", exif=None):
    buffer = io.BytesIO()
    image = Image.new("RGB", (width, height), (200, 180, 160))
    kwargs = {"exif": exif} if exif is not None else {}
    image.save(buffer, format=image_format, **kwargs)
    content_type = "image/png" if image_format == "PNG" else "image/jpeg"
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=content_type)


def pdf(name="note-verbale.pdf", size=None, **variant):
    return pdf_upload(name, size=size, **variant)


def delegate_data(**overrides):
    data = {
        "title": "H.E. Mr",
        "family_name": "DUPONT",
        "given_names": "Jean",
        "function": "Ambassador",
        "role": "head",
        "protocol_rank": "ambassador",
        "email": "jean.dupont@mission.example.org",
        "phone": "+33 1 00 00 00 00",
        "nationality": "FR",
        "date_of_birth": "1970-05-01",
        "passport_number": "19AB 12345",
        "passport_expires_on": "2030-01-01",
        "dietary_needs": "",
        "access_needs": "",
    }
    data.update(overrides)
    return data
