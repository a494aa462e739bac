"""Checks on uploaded documents, by their content rather than their name."""

from delegations.errors import InvalidDocument

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024


def check_pdf(upload):
    """Refuse anything but a PDF of at most 10 MB, whatever its name or announced type says."""
    if upload.size == 0 or upload.size > MAX_DOCUMENT_BYTES:
        raise InvalidDocument()
    head = upload.read(5)
    upload.seek(0)
    if head != b"%PDF-":
        raise InvalidDocument()
