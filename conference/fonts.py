"""The fonts of every PDF, and the face and form in which a given text is drawn.

reportlab's built-in faces only know Latin-1, so a Vietnamese name (ư, ơ, ạ, ễ) would print as
black boxes. DejaVu Sans covers Latin with every diacritic, Greek and Cyrillic (Debian package
fonts-dejavu-core); Noto Naskh Arabic covers Arabic (fonts-noto-core); WenQuanYi Micro Hei covers
Chinese, Japanese and Korean (fonts-wqy-microhei). The CJK faces of fonts-noto-cjk are not used:
they have PostScript (CFF) outlines, which reportlab cannot embed.

reportlab draws characters one after the other, left to right, in the form they are stored in.
Arabic is stored in logical order and in its abstract letters, so `for_text` shapes it (each
letter in its initial, medial, final or isolated form: arabic-reshaper) and puts it in visual
order (the Unicode bidirectional algorithm: python-bidi) before it is drawn, brackets mirrored.
A right-to-left paragraph, and every paragraph of a document printed in a right-to-left language,
aligns right (`aligned`); such a document also lists its columns from right to left. A paragraph
that holds right-to-left text breaks into lines in reading order (`ReadingOrderParagraph`).
"""

import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import arabic_reshaper
from bidi import get_display
from bidi.mirror import MIRRORED
from django.core.exceptions import ImproperlyConfigured
from django.utils import translation
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.fonts import addMapping
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph

from conference.text import single_line

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ARABIC = "NotoNaskhArabic"
ARABIC_BOLD = "NotoNaskhArabic-Bold"
# WenQuanYi Micro Hei has no bold face; its regular one stands in.
CJK = "WenQuanYiMicroHei"


@dataclass(frozen=True)
class _Face:
    filename: str
    package: str
    subfont: int = 0


_FACES = {
    REGULAR: _Face("DejaVuSans.ttf", "fonts-dejavu-core"),
    BOLD: _Face("DejaVuSans-Bold.ttf", "fonts-dejavu-core"),
    ARABIC: _Face("NotoNaskhArabic-Regular.ttf", "fonts-noto-core"),
    ARABIC_BOLD: _Face("NotoNaskhArabic-Bold.ttf", "fonts-noto-core"),
    CJK: _Face("wqy-microhei.ttc", "fonts-wqy-microhei"),
}
# For each weight, the faces of Latin (with Greek and Cyrillic), Arabic and CJK.
_WEIGHTS = {REGULAR: (REGULAR, ARABIC, CJK), BOLD: (BOLD, ARABIC_BOLD, CJK)}
FONT_DIRECTORIES = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/share/fonts/truetype/noto"),
    Path("/usr/share/fonts/truetype/wqy"),
    Path("/usr/local/share/fonts"),
)
_RIGHT_TO_LEFT = {"R", "AL"}


@functools.cache
def register_fonts() -> tuple[str, str]:
    """Register every face with reportlab once; returns the names of the regular and bold Latin
    faces, which `for_text` replaces by the face of another script where the text needs it.

    Cached because `for_text` calls it for every string measured or drawn. What pays for it:
    `bench/badges.py --count 3 --runs 3 --without-caches` (4 December 2026, the shared 2-core
    machine under load, medians): 3 badges in 1.88 s with the cache (cold, one registration per
    PDF), 99.68 s without it (53x), each call parsing the six faces again (0.8 s)."""
    for name, face in _FACES.items():
        path = _find(face)
        pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=face.subfont))
    # <b> in a Paragraph then picks the bold face.
    for regular, bold in ((REGULAR, BOLD), (ARABIC, ARABIC_BOLD), (CJK, CJK)):
        addMapping(regular, 0, 0, regular)
        addMapping(regular, 1, 0, bold)
        addMapping(regular, 0, 1, regular)
        addMapping(regular, 1, 1, bold)
    return REGULAR, BOLD


def for_text(text: str, face: str = REGULAR) -> tuple[str, str]:
    """`text` as it is to be drawn (Arabic shaped and in visual order, any other text as it is)
    and the face that draws it, in the weight of `face`: the face of the text's script (Arabic
    or CJK, which DejaVu covers only in part or not at all) if it has every character, else the
    first of Latin, Arabic and CJK that does, else the one that has most. Control characters
    and bidirectional overrides are dropped and line breaks become spaces."""
    register_fonts()
    # Typed text is refused with control characters at input; older rows and imports may still
    # hold some, which a PDF would draw as boxes or, for a bidirectional override, backwards.
    text = single_line(text)
    drawn = shape(text)
    latin, arabic, cjk = _WEIGHTS.get(face, (face, face, face))
    if drawn != text:
        candidates = (arabic, latin, cjk)
    elif any(unicodedata.east_asian_width(char) in "WF" for char in text):
        candidates = (cjk, latin, arabic)
    else:
        candidates = (latin, arabic, cjk)
    wanted = {ord(char) for char in drawn if not char.isspace()}
    covered = [len(wanted & _glyphs(name)) for name in candidates]
    return drawn, candidates[covered.index(max(covered))]


def shape(text: str) -> str:
    """Arabic shaped and in visual order; text without right-to-left letters unchanged."""
    if not any(unicodedata.bidirectional(char) in _RIGHT_TO_LEFT for char in text):
        return text
    return _visual_order(arabic_reshaper.reshape(text))


# One resolved embedding level in python-bidi's debug report of the algorithm's state.
_LEVEL = re.compile(r"Level\(\s*(\d+),?\s*\)")


def _visual_order(text: str) -> str:
    """`text` in visual order, each bracket at a right-to-left level drawn as its mirror image.

    python-bidi resolves the levels by the whole algorithm, brackets paired (UAX #9 N0), but its
    reordering leaves mirroring (L4) to the renderer: "(جمهورية)" would print ")جمهورية(". It
    reports the levels only in its debug text, one per UTF-8 byte; from them this mirrors and
    reverses the runs as rule L2 says. Should that report change shape, the text is printed as
    python-bidi orders it, unmirrored, rather than not at all."""
    report = get_display(text, debug=True).partition("levels: [")[2].partition("paragraphs:")[0]
    byte_levels = [int(level) for level in _LEVEL.findall(report)]
    offsets, offset = [], 0
    for char in text:
        offsets.append(offset)
        offset += len(char.encode())
    if offset != len(byte_levels):
        return get_display(text)
    levels = [byte_levels[at] for at in offsets]
    chars = [MIRRORED.get(c, c) if level % 2 else c for c, level in zip(text, levels, strict=True)]
    order = list(range(len(chars)))
    odd = [level for level in levels if level % 2]
    for level in range(max(levels), min(odd, default=max(levels) + 1) - 1, -1):
        start = 0
        while start < len(order):
            if levels[order[start]] < level:
                start += 1
                continue
            end = start
            while end < len(order) and levels[order[end]] >= level:
                end += 1
            order[start:end] = order[start:end][::-1]
            start = end
    return "".join(chars[at] for at in order)


def prints_right_to_left() -> bool:
    """Whether the document is printed in a right-to-left language (the active one: Arabic)."""
    return translation.get_language_bidi()


def aligned(style: ParagraphStyle, text, *, right_to_left=None) -> ParagraphStyle:
    """`style`, right-aligned if `text` is a right-to-left paragraph or the document is printed
    right to left (`right_to_left`, by default the active language's direction); a centred
    style stays centred."""
    document = prints_right_to_left() if right_to_left is None else right_to_left
    if style.alignment != TA_LEFT or not (document or is_right_to_left(str(text))):
        return style
    return ParagraphStyle(f"{style.name}-rtl", parent=style, alignment=TA_RIGHT)


def in_reading_order(cells: list) -> list:
    """A table's row (or its columns' widths) from the reader's first column: reversed when the
    document is printed right to left, so that its first column is at the right."""
    return list(reversed(cells)) if prints_right_to_left() else list(cells)


def is_right_to_left(text: str) -> bool:
    """Whether `text` begins, in reading order, with a right-to-left letter."""
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction in _RIGHT_TO_LEFT:
            return True
        if direction == "L":
            return False
    return False


@functools.cache
def _glyphs(name):
    """The characters a face has. Cached: `bench/badges.py --count 3 --runs 3 --without-caches`
    (same run as `register_fonts`'s figure) printed 3 badges in 1.88 s with it, 2.61 s without
    it (1.38x), the set being rebuilt for each candidate face of every string."""
    return frozenset(pdfmetrics.getFont(name).face.charToGlyph)


def _find(face):
    for directory in FONT_DIRECTORIES:
        if (directory / face.filename).is_file():
            return directory / face.filename
    raise ImproperlyConfigured(
        f"Font {face.filename} not found in {', '.join(map(str, FONT_DIRECTORIES))}: "
        f"install the Debian package {face.package}."
    )


def markup(text, face: str = REGULAR) -> str:
    """`text` as reportlab Paragraph markup in a style whose face is `face`: escaped (a name with
    "&" or "<" prints as written), Arabic shaped and in visual order, and in a <font> of its
    script's face when that is not `face`."""
    drawn, chosen = for_text(str(text), face)
    escaped = _escaped(drawn)
    return escaped if chosen == face else f'<font face="{chosen}">{escaped}</font>'


class ReadingOrderParagraph(Paragraph):
    """A reportlab Paragraph of plain texts, each beginning a line (the first in bold with
    `bold_first`), whose texts with right-to-left letters break into lines in reading order.

    reportlab breaks a paragraph from left to right over the characters as they are drawn;
    Arabic reaches it in visual order (`shape`), so a wrapped Arabic name printed its last words
    on the first line ("مكتب" of "مكتب الأمم المتحدة المعني بالمخدرات والجريمة" alone on the
    second). Here such a text is shaped, broken at the width the paragraph is laid out in, in
    logical order, and each line is then put in visual order on its own."""

    def __init__(self, texts, style=None, *args, bold_first=False, **kwargs):
        if texts is None or isinstance(texts, str) or kwargs.get("frags") is not None:
            # reportlab's own calls: `split` makes the two halves through the class.
            self._texts = None
            super().__init__(texts, style, *args, **kwargs)
            return
        self._texts = [str(text) for text in texts if text]
        self._bold_first = bold_first
        self._laid_out_at = None
        super().__init__(self._markup(None, style), style)

    def wrap(self, availWidth, availHeight):
        if self._texts is not None and any(map(_has_right_to_left, self._texts)):
            width = availWidth - self.style.leftIndent - self.style.rightIndent
            if width != self._laid_out_at:
                self._laid_out_at = width
                Paragraph.__init__(self, self._markup(width, self.style), self.style)
        return super().wrap(availWidth, availHeight)

    def _markup(self, width, style):
        lines = []
        for index, text in enumerate(self._texts):
            bold = self._bold_first and index == 0
            if width is None or not _has_right_to_left(text):
                line = markup(text)
            else:
                line = _broken_in_reading_order(text, style, width, bold=bold)
            lines.append(f"<b>{line}</b>" if bold else line)
        return "<br/>".join(lines)


def _has_right_to_left(text: str) -> bool:
    return any(unicodedata.bidirectional(char) in _RIGHT_TO_LEFT for char in text)


def _broken_in_reading_order(text, style, width, *, bold):
    """`text` as Paragraph markup, one <br/> per line at `width`, each line in visual order."""
    text = single_line(text)
    weight = BOLD if bold or style.fontName == BOLD else REGULAR
    measured_in = for_text(text, weight)[1]
    face = for_text(text, REGULAR)[1]  # named in the markup; <b> picks its bold face
    logical = arabic_reshaper.reshape(text)
    lines = simpleSplit(logical, measured_in, style.fontSize, width) or [""]
    escaped = "<br/>".join(_escaped(_visual_order(line)) for line in lines)
    return escaped if face == REGULAR else f'<font face="{face}">{escaped}</font>'


def _escaped(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
