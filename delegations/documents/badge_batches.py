"""Badge printing of any size in constant memory: one PDF per chunk of badges.

reportlab keeps a whole document in memory until it saves it, whatever it writes to, so a
single PDF of 10,000 badges grows with them. A print of up to BADGES_PER_FILE badges stays one
PDF, as the desk always had it; a larger one is a ZIP of PDFs of BADGES_PER_FILE badges each,
named in printing order (a card printer's queue takes them one after another), each built,
written and let go before the next.
"""

import zipfile
from itertools import islice

from delegations.documents.badges import badges_pdf

BADGES_PER_FILE = 500


def write_badges(badges, out, *, layout: str, progress=None) -> str:
    """Write the badges of the ordered queryset `badges` to the binary file `out`; returns the
    file's extension, "pdf" or "zip". `progress(done)` is called after each chunk."""
    ids = badges.values_list("pk", flat=True).iterator(chunk_size=BADGES_PER_FILE)
    first = list(islice(ids, BADGES_PER_FILE))
    following = list(islice(ids, BADGES_PER_FILE))
    if not following:
        out.write(badges_pdf(_chunk(badges, first), layout=layout))
        if progress:
            progress(len(first))
        return "pdf"
    done = 0
    # Stored, not deflated: PDF streams are compressed already.
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED) as archive:
        chunk = first
        while chunk:
            name = f"badges-{done + 1:06d}-{done + len(chunk):06d}.pdf"
            archive.writestr(name, badges_pdf(_chunk(badges, chunk), layout=layout))
            done += len(chunk)
            if progress:
                progress(done)
            chunk, following = following, list(islice(ids, BADGES_PER_FILE))
    return "zip"


def _chunk(badges, ids):
    # The same queryset narrowed to these rows keeps its order within the chunk.
    return badges.filter(pk__in=ids)
