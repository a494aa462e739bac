"""Helpers of the press tests: a journalist's application with its files."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from delegations.services import apply_for_media_accreditation
from tests.pdfs import pdf_upload

PASSWORD = "Press-Hanoi-2025!"


def photo():
    buffer = io.BytesIO()
    Image.new("RGB", (400, 500), (200, 180, 160)).save(buffer, format="JPEG")
    return SimpleUploadedFile("photo.jpg", buffer.getvalue(), content_type="image/jpeg")


def press_card(**variant):
    return pdf_upload("card.pdf", **variant)


def apply(conference, *, email="reporter@outlet.example", outlet="Viet Nam News", **fields):
    data = {
        "outlet_name": outlet,
        "outlet_country": "VN",
        "role": "reporter",
        "given_names": "Lan",
        "family_name": "NGUYEN",
        "nationality": "VN",
        "email": email,
        "password": PASSWORD,
        "press_card_number": "VN-12345",
        "equipment": "One camera",
        "photo": photo(),
        "press_card": press_card(),
    }
    return apply_for_media_accreditation(conference, **(data | fields))
