"""Checks on uploaded documents, by their structure rather than their name or first bytes.

A document uploaded by a focal point or a journalist is opened later by an organiser: it must
be a PDF that a reader can open (parsed by pypdf, not encrypted, with pages) and that runs
nothing when opened. Scripts, launch actions and embedded files are refused outright: a note
verbale, full powers or a press card is a scanned or printed letter and needs none of them,
while each is a way for a file to act on the reader's machine. Opening at a page or a zoom (an
/OpenAction that is a destination) stays allowed, as word processors write it.
"""

from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

from delegations.errors import InvalidDocument

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024

# Keys whose mere presence means the document carries code, an attachment or a rich-media
# player; /S values of actions that run code, start a program or pull data in.
ACTIVE_KEYS = frozenset(
    {"/JS", "/JavaScript", "/Launch", "/EmbeddedFile", "/EmbeddedFiles", "/RichMedia", "/XFA"}
)
ACTIVE_ACTIONS = frozenset({"/JavaScript", "/Launch", "/ImportData", "/RichMediaExecute"})
# A bound on the objects visited, far above any letter's: a crafted file cannot make it spin.
MAX_OBJECTS = 200_000


def check_pdf(upload):
    """Refuse anything but a readable, inert PDF of at most 10 MB (`InvalidDocument`, with the
    reason), whatever its name or announced type says. The upload is left rewound."""
    if upload.size == 0 or upload.size > MAX_DOCUMENT_BYTES:
        raise InvalidDocument()
    upload.seek(0)
    head = upload.read(5)
    upload.seek(0)
    if head != b"%PDF-":
        raise InvalidDocument()
    try:
        reader = PdfReader(upload, strict=False)
        if reader.is_encrypted:
            raise InvalidDocument(_("The PDF is encrypted or password-protected: upload it open."))
        if len(reader.pages) == 0:
            raise InvalidDocument(_("The PDF has no pages."))
        active = _has_active_content(reader.trailer)
    except InvalidDocument:
        raise
    except Exception as error:
        raise InvalidDocument(_("The file is not a PDF that can be read.")) from error
    finally:
        upload.seek(0)
    if active:
        raise InvalidDocument(
            _("The PDF holds scripts, actions or attached files: print it to PDF and upload that.")
        )


def _has_active_content(trailer) -> bool:
    """Walk every object reachable from the trailer (each indirect object once)."""
    seen, pending, visited = set(), [trailer], 0
    while pending:
        node = pending.pop()
        if isinstance(node, IndirectObject):
            key = (node.idnum, node.generation)
            if key in seen:
                continue
            seen.add(key)
            node = node.get_object()
        visited += 1
        if visited > MAX_OBJECTS:
            return True  # too large to inspect: treat as unsafe rather than wave it through
        if isinstance(node, DictionaryObject):
            if ACTIVE_KEYS.intersection(node.keys()) or node.get("/S") in ACTIVE_ACTIONS:
                return True
            pending.extend(node.values())
        elif isinstance(node, ArrayObject):
            pending.extend(node)
    return False
