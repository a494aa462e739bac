"""Real PDFs for the tests, written in memory by pypdf: one blank A4 page by default, or a
hostile variant (a script, an attached file, encrypted, no page). Uploads are checked by their
structure (delegations/uploads.py), so a few bytes that only start like a PDF no longer pass.
And the text a printed document draws, read back with its place on the page (`text_runs`)."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader, PdfWriter
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


def text_runs(pdf_bytes, page=0) -> list[tuple[str, float, float]]:
    """Each run of text drawn on a page, stripped, with the x where it starts and its y; pypdf
    gives an Arabic run back in reading order (the shaped letters, not reversed)."""
    runs = []

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip():
            runs.append((text.strip(), tm[4] + cm[4], tm[5] + cm[5]))

    PdfReader(io.BytesIO(pdf_bytes)).pages[page].extract_text(visitor_text=visit)
    return runs


def text_lines(pdf_bytes, page=0) -> list[str]:
    """The runs of text drawn on a page, from the top down."""
    return [text for _y, text in sorted((-y, text) for text, _x, y in text_runs(pdf_bytes, page))]
