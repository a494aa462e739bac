"""Hostile uploads to the portal's photo and document fields: each is refused with a clear 400
(413 for a body over the limit, before it is read), nothing is saved, and no file is kept."""

import datetime as dt
import io
import struct
import zlib

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image

from delegations.models import Delegate, PortalAccount
from tests.factories import DelegationFactory
from tests.portal.support import delegate_data, pdf, photo

pytestmark = pytest.mark.django_db

MB = 1024 * 1024
NOT_AN_IMAGE = "Upload the photo as a JPEG or PNG image."
NOT_A_PDF = "Upload the document as a PDF file of at most 10 MB."
EMPTY = "The submitted file is empty."
TOO_MANY_PIXELS = "The photo has too many pixels."

ELF = b"\x7fELF\x02\x01\x01\x00" + bytes(8) + b"\x02\x00\x3e\x00" + bytes(200)
PE = b"MZ\x90\x00\x03\x00\x00\x00" + bytes(52) + b"\x80\x00\x00\x00" + b"PE\x00\x00" + bytes(200)
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="400" height="500">'
    b"<script>alert(document.cookie)</script></svg>"
)


@pytest.fixture(autouse=True)
def before_the_deadline():
    with time_machine.travel(dt.datetime(2025, 9, 15, 2, 0, tzinfo=dt.UTC)):
        yield


@pytest.fixture
def delegation(client):
    delegation = DelegationFactory(status="confirmed", language="en")
    user = get_user_model().objects.create_user("focal")
    PortalAccount.objects.create(user=user, delegation=delegation)
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return delegation


def _upload(content, name, content_type):
    return SimpleUploadedFile(name, content, content_type=content_type)


def _png_declaring(width, height):
    """A PNG of a few dozen bytes whose header announces `width` x `height` pixels."""
    buffer = io.BytesIO()
    Image.new("RGB", (1, 1)).save(buffer, format="PNG")
    data = bytearray(buffer.getvalue())
    header = struct.pack(">II", width, height) + bytes(data[24:29])
    data[16:29] = header
    data[29:33] = struct.pack(">I", zlib.crc32(b"IHDR" + header))
    return bytes(data)


def _truncated_jpeg():
    content = photo(800, 1000).read()
    return content[: len(content) // 2]


def _kept_files(media_root):
    return sorted(p for p in media_root.rglob("*") if p.is_file()) if media_root.exists() else []


HOSTILE_PHOTOS = {
    "oversized": (
        lambda: _upload(b"\xff\xd8\xff\xe0" + bytes(5 * MB), "photo.jpg", "image/jpeg"),
        "The photo is larger than 5 MB.",
    ),
    "ELF named .jpg": (lambda: _upload(ELF, "photo.jpg", "image/jpeg"), NOT_AN_IMAGE),
    "PE named .jpg": (lambda: _upload(PE, "photo.jpg", "image/jpeg"), NOT_AN_IMAGE),
    "HTML named .png": (lambda: _upload(HTML, "photo.png", "image/png"), NOT_AN_IMAGE),
    "SVG with script named .png": (lambda: _upload(SVG, "photo.png", "image/png"), NOT_AN_IMAGE),
    "SVG as itself": (lambda: _upload(SVG, "photo.svg", "image/svg+xml"), NOT_AN_IMAGE),
    "bomb above our limit": (
        lambda: _upload(_png_declaring(8000, 8000), "photo.png", "image/png"),
        TOO_MANY_PIXELS,
    ),
    "bomb Pillow warns about": (
        lambda: _upload(_png_declaring(10_000, 10_000), "photo.png", "image/png"),
        TOO_MANY_PIXELS,
    ),
    "bomb Pillow refuses": (
        lambda: _upload(_png_declaring(100_000, 100_000), "photo.png", "image/png"),
        TOO_MANY_PIXELS,
    ),
    "truncated JPEG": (
        lambda: _upload(_truncated_jpeg(), "photo.jpg", "image/jpeg"),
        "The photo file is damaged or incomplete",
    ),
    "empty": (lambda: _upload(b"", "photo.jpg", "image/jpeg"), EMPTY),
}


@pytest.mark.parametrize("kind", HOSTILE_PHOTOS)
def test_a_hostile_photo_is_refused_with_400_and_nothing_is_kept(
    client, delegation, media_root, kind
):
    make, error = HOSTILE_PHOTOS[kind]

    response = client.post(
        "/portal/delegates/new/", delegate_data(family_name="KEPT") | {"photo_upload": make()}
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert error in page
    assert 'value="KEPT"' in page  # what was typed is given back
    assert not Delegate.objects.exists()
    assert _kept_files(media_root) == []


HOSTILE_DOCUMENTS = {
    "oversized": (lambda: pdf(size=10 * MB + 1), "The document is larger than 10 MB."),
    "ELF named .pdf": (lambda: _upload(ELF, "note.pdf", "application/pdf"), NOT_A_PDF),
    "PE named .pdf": (lambda: _upload(PE, "note.pdf", "application/pdf"), NOT_A_PDF),
    "HTML named .pdf": (lambda: _upload(HTML, "note.pdf", "application/pdf"), NOT_A_PDF),
    "SVG named .pdf": (lambda: _upload(SVG, "note.pdf", "application/pdf"), NOT_A_PDF),
    "a photo named .pdf": (lambda: photo(name="note.pdf"), NOT_A_PDF),
    "empty": (lambda: _upload(b"", "note.pdf", "application/pdf"), EMPTY),
}


@pytest.mark.parametrize("kind", HOSTILE_DOCUMENTS)
def test_a_hostile_document_is_refused_with_400_and_nothing_is_kept(
    client, delegation, media_root, kind
):
    make, error = HOSTILE_DOCUMENTS[kind]

    response = client.post("/portal/documents/", {"document": make()})

    assert response.status_code == 400
    assert error in response.content.decode()
    delegation.refresh_from_db()
    assert not delegation.credentials
    assert delegation.credentials_uploaded_at is None
    assert _kept_files(media_root) == []


def test_a_photo_with_gps_metadata_is_accepted_and_stored_without_it(client, delegation):
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "SecretCam"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (21.0, 1.0, 42.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (105.0, 51.0, 15.0)
    upload = photo(800, 1000, exif=exif)
    with Image.open(io.BytesIO(upload.read())) as original:
        assert original.getexif().get_ifd(ExifTags.IFD.GPSInfo)  # the test's own premise
    upload.seek(0)

    response = client.post("/portal/delegates/new/", delegate_data() | {"photo_upload": upload})

    assert response.status_code == 302
    stored = Delegate.objects.get().photo.read()
    assert b"SecretCam" not in stored
    with Image.open(io.BytesIO(stored)) as image:
        assert image.size == (800, 1000)
        assert not image.getexif()
        assert not image.getexif().get_ifd(ExifTags.IFD.GPSInfo)


def test_a_portal_upload_over_the_request_limit_is_refused_with_413_before_it_is_read(
    client, delegation, media_root
):
    upload = _upload(b"%PDF-1.4\n" + bytes(13 * MB), "note.pdf", "application/pdf")

    response = client.post("/portal/documents/", {"document": upload})

    assert response.status_code == 413
    assert response["Content-Type"].startswith("text/html")
    assert "The request is larger than 12 MB." in response.content.decode()
    assert "default-src 'self'" in response["Content-Security-Policy"]
    delegation.refresh_from_db()
    assert not delegation.credentials
    assert _kept_files(media_root) == []


def test_an_api_request_over_the_limit_is_refused_with_413_in_the_api_error_shape(client):
    body = b'{"badge": "' + b"A" * (13 * MB) + b'"}'

    response = client.post("/api/v1/check-in/", body, content_type="application/json")

    assert response.status_code == 413
    assert response.json() == {
        "error": {
            "code": "request_too_large",
            "message": "The request is larger than 12 MB.",
            "details": {"limit_bytes": 12 * MB},
        }
    }


def test_a_request_announcing_a_larger_body_than_it_sends_is_refused_on_the_announcement(
    client, delegation
):
    response = client.post(
        "/portal/documents/", {"document": pdf()}, CONTENT_LENGTH=str(12 * MB + 1)
    )

    assert response.status_code == 413
