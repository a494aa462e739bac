"""Real PDFs for the tests, written in memory by pypdf: one blank A4 page by default, or a
hostile variant (a script, an attached file, encrypted, no page). Uploads are checked by their
structure (delegations/uploads.py), so a few bytes that only start like a PDF no longer pass."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfWriter
from pypdf.actions import JavaScript

A4 = (595, 842)


def pdf_bytes(*, pages=1, javascript=False, attachment=False, encrypted=False) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(*A4)
    if javascript:
        writer.add_open_action(JavaScript("app.alert('opened');"))
    if attachment:
        writer.add_attachment("payload.exe", b"MZ not really a program")
    if encrypted:
        writer.encrypt("secret")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def pdf_upload(name="document.pdf", *, size=None, **variant) -> SimpleUploadedFile:
    """A PDF as a browser uploads it; `size` pads it with zeros to that many bytes."""
    body = pdf_bytes(**variant)
    if size:
        body = body + b"0" * (size - len(body))
    return SimpleUploadedFile(name, body, content_type="application/pdf")
