"""The streams PDFium inflates to take a page's text, charged to the budget before it does.

PDFium decodes in C, where no budget can stop it. So before PDFium reads a page,
pdfminer decodes (bounded, `pdf_budget`) every stream that drawing the page's
text inflates:

- as page content (charged to the page and the file): the page's content
  streams, each time the page lists one; the form XObjects it draws, each time
  a content stream draws one (`/Name Do`), so forms nested to draw each other
  thousands of times cost what interpreting them costs; Type 3 glyph
  procedures;
- as fonts (charged to the file): embedded font programs, ToUnicode and
  encoding CMaps, CID-to-glyph maps.

Images are not decoded: text extraction does not draw them. A stream is
decoded once per file; its size is remembered by object number. Anything past
what is walked here (an inline image's data, an object pdfminer cannot parse)
is left to the reading process's memory and time limits.

Every file is walked, however small. Its size alone bounds nothing: a Flate
stream inflates at most some 1032-fold, but filters chain (Flate over Flate
multiplies the ratios, LZW has a far higher one), a stream can name its filters
through an indirect object kept in a compressed object stream, and the page
limit is mostly about repetition, not inflation: forms nested seven deep draw a
small form ten million times from a file of a few kilobytes. Telling that a
file has none of this takes the parse this walk is.
"""
from __future__ import annotations

import re
from collections import Counter

from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.pdftypes import PDFObjRef, PDFStream, resolve1
from pdfminer.psparser import PSLiteral

from styrgraf.ingest.formats.pdf_budget import Budget

# `/Name Do`, white space or a comment between; also counted inside strings (an overcount is safe).
_DO = re.compile(rb"/([^\s/\[\]()<>{}%]+)(?:\s|%[^\r\n]*)*Do(?![^\s/\[\]()<>{}%])")
_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_FORM_DEPTH = 32  # PDFium stops nesting forms well before this
_FONT_STREAMS = ("FontFile", "FontFile2", "FontFile3")


class PageStreams:
    def __init__(self, budget: Budget) -> None:
        self.budget = budget
        self.draws: dict[tuple[int, int], Counter] = {}  # content stream -> the XObject names it draws
        self.fonts_done: set[tuple[int, int]] = set()

    def charge(self, page: PDFPage) -> None:
        """Decode, within the budget, what drawing `page`'s text inflates; raises LimitExceeded."""
        resources = _dict(page.resources)
        for stream in page.contents:
            self._content(stream, resources, 1, 0)

    def _content(self, stream: object, resources: dict, times: int, depth: int) -> None:
        stream = resolve1(stream)
        if not isinstance(stream, PDFStream) or depth > _FORM_DEPTH:
            return
        draws = self._decode(stream, times, content=True)
        self._fonts(resources)
        if not draws:
            return
        xobjects = _dict(resources.get("XObject"))
        for name, count in draws.items():
            form = _resolve(xobjects.get(_NAME_ESCAPE.sub(_unescape, name).decode("latin-1")))
            if isinstance(form, PDFStream) and _name(form.attrs.get("Subtype")) == "Form":
                inner = _dict(form.attrs.get("Resources")) or resources
                self._content(form, inner, times * count, depth + 1)

    def _decode(self, stream: PDFStream, times: int, content: bool) -> Counter | None:
        """Charge `stream` `times` over (to the page too when `content`); the names it draws."""
        key = (stream.objid, stream.genno) if stream.objid is not None else None
        size = self.budget.known.get(key) if key is not None else None
        if size is None:
            self.budget.in_content = int(content)
            try:
                data = stream.get_data()
            finally:
                self.budget.in_content = 0
            draws = Counter(m.group(1) for m in _DO.finditer(data)) if content else None
            if key is not None and content:
                self.draws[key] = draws
            times -= 1
            size = self.budget.known.get(key, 0) if key is not None else 0
        else:
            draws = self.draws.get(key) if content else None
        if content and times > 0:
            self.budget.charge_page(size * times)
        return draws

    def _fonts(self, resources: dict) -> None:
        for ref in _dict(resources.get("Font")).values():
            key = (ref.objid, 0) if isinstance(ref, PDFObjRef) else None
            if key in self.fonts_done:
                continue
            if key is not None:
                self.fonts_done.add(key)
            self._font(_dict(_resolve(ref)), resources)

    def _font(self, font: dict, resources: dict) -> None:
        descendants = _resolve(font.get("DescendantFonts"))
        for part in [font] + [_dict(_resolve(d)) for d in (descendants if isinstance(descendants, list) else [])]:
            descriptor = _dict(_resolve(part.get("FontDescriptor")))
            for stream in [descriptor.get(k) for k in _FONT_STREAMS] + [part.get(k) for k in
                                                                         ("ToUnicode", "Encoding", "CIDToGIDMap")]:
                stream = _resolve(stream)
                if isinstance(stream, PDFStream):
                    self._decode(stream, 1, content=False)
        glyphs = _dict(_resolve(font.get("CharProcs")))
        inner = _dict(_resolve(font.get("Resources"))) or resources
        for glyph in glyphs.values():
            glyph = _resolve(glyph)
            if isinstance(glyph, PDFStream):
                self._decode(glyph, 1, content=True)
        if glyphs and inner is not resources:
            self._fonts(inner)


def _unescape(match: re.Match) -> bytes:
    return bytes([int(match.group(1), 16)])


def _resolve(value: object) -> object:
    """`resolve1`, with a broken object read as missing: PDFium may still draw the page without it."""
    try:
        return resolve1(value)
    except (PDFSyntaxError, ValueError, TypeError, KeyError, AttributeError):
        return None


def _dict(value: object) -> dict:
    value = _resolve(value)
    return value if isinstance(value, dict) else {}


def _name(value: object) -> str | None:
    value = _resolve(value)
    return value.name if isinstance(value, PSLiteral) else None
