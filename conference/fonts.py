"""The fonts of every PDF: a TrueType face whose glyphs cover the names of all delegations.

reportlab's built-in faces only know Latin-1, so a Vietnamese name (ư, ơ, ạ, ễ) would print as
black boxes. DejaVu Sans covers Latin with every diacritic, Greek and Cyrillic; on Debian it is
the package fonts-dejavu-core.
"""

import functools
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
FONT_DIRECTORIES = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/local/share/fonts"),
)


@functools.cache
def register_fonts() -> tuple[str, str]:
    """Register the regular and bold faces with reportlab once; returns their names."""
    for name in (REGULAR, BOLD):
        pdfmetrics.registerFont(TTFont(name, str(_find(f"{name}.ttf"))))
    # <b> in a Paragraph then picks the bold face.
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)
    return REGULAR, BOLD


def _find(filename):
    for directory in FONT_DIRECTORIES:
        if (directory / filename).is_file():
            return directory / filename
    raise ImproperlyConfigured(
        f"Font {filename} not found in {', '.join(map(str, FONT_DIRECTORIES))}: "
        "install the Debian package fonts-dejavu-core."
    )
