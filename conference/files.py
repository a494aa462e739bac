"""Files handed to a person who was allowed to see them: uploads served through a view that
checked who asks (never at a media address), and documents made on the fly.

Every one is served the same way, whoever uploaded it: as an attachment under a name we chose
(never the stored name, never the uploader's), with `nosniff` so that a browser never reads it
as another type than the one we state, and a sandboxing CSP so that, even opened in a tab, it
runs no script and loads nothing. An image shown in a page by `<img>` is unaffected by either.
"""

import re

from django.http import FileResponse, Http404, HttpResponse

from conference.text import single_line

# The policy of a served file: a sandbox (no script, no form, no same origin) that loads nothing.
FILE_CSP = "sandbox; default-src 'none'"
_UNSAFE_IN_NAME = re.compile(r"[^A-Za-z0-9._-]+")
# The length of the fields that keep an upload's original name.
ORIGINAL_NAME_LENGTH = 200
DEFAULT_NAMES = {"application/pdf": "document.pdf", "image/jpeg": "photo.jpg"}


def uploaded_name(upload) -> str:
    """The name the uploader's computer gave the file, for display only: one line, no control
    character, at most 200 characters. Never a path in the storage, which is a random name."""
    return single_line(getattr(upload, "name", "") or "")[:ORIGINAL_NAME_LENGTH]


def safe_filename(name: str, *, default: str) -> str:
    """`name` reduced to letters, digits, dots, hyphens and underscores, without a leading dot;
    `default` when nothing is left."""
    cleaned = _UNSAFE_IN_NAME.sub("-", name or "").strip(".-")
    return cleaned or default


def _served_as_file(response):
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = FILE_CSP
    return response


def private_file(field_file, *, content_type, filename=None):
    """An uploaded file as an attachment, or 404 when there is none or it is gone from the
    storage. `filename` is what the reader's browser saves it as."""
    if not field_file:
        raise Http404
    try:
        handle = field_file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    name = safe_filename(filename or "", default=DEFAULT_NAMES.get(content_type, "document"))
    response = FileResponse(handle, content_type=content_type, filename=name, as_attachment=True)
    return _served_as_file(response)


def pdf_download(content: bytes, filename: str) -> HttpResponse:
    name = safe_filename(filename, default="document.pdf")
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return _served_as_file(response)
