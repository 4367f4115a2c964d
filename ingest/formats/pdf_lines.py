"""A page's text lines from PDFium, in the shape pdfplumber's `extract_text` gives them.

PDFium (pypdfium2) extracts text some thirty times faster than pdfplumber, but
in its own form: lines in the order the content stream draws them, ended by
`\\r\\n`; a word hyphenated at a line end joined into one with a marker
(U+FFFE, U+0002 in older builds) where the hyphen was; ligatures as single
characters; spaces as drawn. The rest of the ingest (page normalisation,
layout, evidence) was built on pdfplumber's lines, so they are reshaped here:

- a line-end hyphen ends its line again with `-`;
- lines are put in reading order as pdfplumber does without layout: lines whose
  tops are within `_SAME_LINE` points of each other are one line, their parts
  left to right, and lines run top to bottom;
- ligatures are expanded (pdfplumber's default), runs of spaces become one,
  and blank lines are dropped.

Only one character box is asked per line, so the geometry costs little.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

_SAME_LINE = 3.0  # points; pdfplumber's default y tolerance
# A line ends at a line break or at PDFium's marker of a hyphen it joined across lines.
_LINE = re.compile(r"([^\r\n\ufffe\x02]*)(\r\n|[\r\n]|[\ufffe\x02]|$)")
_HYPHEN_MARKERS = frozenset("\ufffe\x02")
_SPACES = re.compile(r" {2,}")
# As pdfplumber expands them (pdfplumber.utils.text.LIGATURES).
_LIGATURE = re.compile("[\ufb00-\ufb06]")
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬁ": "fi", "ﬂ": "fl", "ﬆ": "st", "ﬅ": "st"})


@dataclass(frozen=True)
class _Line:
    text: str
    top: float  # distance from the page's top edge, as pdfplumber measures it
    x0: float


def page_lines(page: pdfium.PdfPage, text_page: pdfium.PdfTextPage, text: str) -> list[str]:
    """`text` (all of `text_page`'s text) as pdfplumber-shaped lines."""
    height = page.get_height()
    lines: list[_Line] = []
    previous = (0.0, 0.0)
    bmp_only = not text or max(text) < "\U00010000"
    ligatures = _LIGATURE.search(text) is not None
    for match in _LINE.finditer(text):
        body, end = match.group(1), match.group(2)
        line = _clean(body + ("-" if end in _HYPHEN_MARKERS else ""), ligatures)
        if not line:
            if not end:
                break
            continue
        first = match.start(1) + (len(body) - len(body.lstrip()))
        offset = first if bmp_only else len(text[:first].encode("utf-16-le")) // 2
        previous = _position(text_page, offset, height) or previous
        lines.append(_Line(line, *previous))
    return [" ".join(part.text for part in row) for row in _rows(lines)]


def _clean(line: str, ligatures: bool) -> str:
    if ligatures:
        line = line.translate(_LIGATURES)
    if "  " in line:
        line = _SPACES.sub(" ", line)
    return line.strip()


def _position(text_page: pdfium.PdfTextPage, text_index: int, height: float) -> tuple[float, float] | None:
    """(top, x0) of the character at `text_index` of the page's text, or None if PDFium has no box."""
    char = pdfium_c.FPDFText_GetCharIndexFromTextIndex(text_page, text_index)
    if char < 0:
        return None
    left, _bottom, _right, top = text_page.get_charbox(char, loose=True)
    return height - top, left


def _rows(lines: list[_Line]) -> list[list[_Line]]:
    """Lines clustered by top (each within `_SAME_LINE` of the previous), top to bottom, parts left to right."""
    rows: list[list[_Line]] = []
    last_top = None
    for line in sorted(lines, key=lambda line: line.top):
        if last_top is None or line.top - last_top > _SAME_LINE:
            rows.append([])
        rows[-1].append(line)
        last_top = line.top
    return [sorted(row, key=lambda line: line.x0) for row in rows]
