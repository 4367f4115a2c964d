"""The document as one running body text, mapped back to page offsets.

Sections, lists and sentences run across page breaks, so extraction works on
`body`: the page bodies (page text minus the running header) joined by one
space. `evidence(start, end)` maps a span of `body` back to the stored page
texts, split at page boundaries, so that every quote is verbatim on its page.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from styrgraf.ingest.headers import RunningHeader, parse_running_header
from styrgraf.ingest.pages import Page
from styrgraf.ingest.records import Evidence, Evidences


@dataclass(frozen=True)
class PageSegment:
    page: int  # page number
    body_start: int  # offset of this page's body in DocumentText.body
    page_offset: int  # offset of the body within the page text
    length: int


def _shape(header: RunningHeader) -> tuple[bool, ...]:
    return (bool(header.date), bool(header.dnr), header.appendix is not None, bool(header.municipality))


def _recurring_headers(pages: list[Page]) -> dict[int, RunningHeader | None]:
    """Running headers of the pages, keeping only shapes that recur.

    A date at the start of a single page may be the body's first words; a
    running header runs: its shape (which items it holds) is seen on two or
    more pages, unless the document has only one page or the header holds a
    Dnr or an appendix number.
    """
    found = {p.number: parse_running_header(p.text) for p in pages}
    counts: dict[tuple[bool, ...], int] = {}
    for header in found.values():
        if header:
            counts[_shape(header)] = counts.get(_shape(header), 0) + 1
    if len(pages) <= 1:
        return found
    def keep(h: RunningHeader | None) -> bool:
        # A Dnr or `Bilaga N` at the top of a page is a header even when seen once; a date alone must recur.
        return bool(h) and (counts[_shape(h)] >= 2 or bool(h.dnr) or h.appendix is not None)
    return {n: h if keep(h) else None for n, h in found.items()}


class DocumentText:
    def __init__(self, pages: list[Page], preamble: Page | None = None):
        self.pages = pages
        self.preamble = preamble
        self.headers: dict[int, RunningHeader | None] = {}
        parts: list[str] = []
        self.segments: list[PageSegment] = []
        pos = 0
        headers = _recurring_headers(pages)
        for page in pages:
            header = headers[page.number]
            self.headers[page.number] = header
            offset = 0
            if header:
                offset = len(header.text)
                while offset < len(page.text) and page.text[offset] in " |,–-":
                    offset += 1
            body = page.text[offset:]
            if parts:
                parts.append(" ")
                pos += 1
            self.segments.append(PageSegment(page.number, pos, offset, len(body)))
            parts.append(body)
            pos += len(body)
        self.body = "".join(parts)
        self._starts = [s.body_start for s in self.segments]
        self._page_text = {p.number: p.text for p in pages}
        if preamble is not None:
            self._page_text[preamble.number] = preamble.text

    def page_text(self, number: int) -> str:
        return self._page_text[number]

    def page_at(self, pos: int) -> int:
        i = max(0, bisect.bisect_right(self._starts, pos) - 1)
        return self.segments[i].page

    def segment_index_at(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self._starts, pos) - 1)

    def evidence(self, start: int, end: int) -> Evidences:
        """Evidence for `body[start:end]`, trimmed of white space, split by page."""
        while start < end and self.body[start].isspace():
            start += 1
        while end > start and self.body[end - 1].isspace():
            end -= 1
        if start >= end:
            return ()
        out: list[Evidence] = []
        i = self.segment_index_at(start)
        while i < len(self.segments) and self.segments[i].body_start < end:
            seg = self.segments[i]
            s = max(start, seg.body_start)
            e = min(end, seg.body_start + seg.length)
            if s < e:
                ps = seg.page_offset + (s - seg.body_start)
                pe = seg.page_offset + (e - seg.body_start)
                text = self._page_text[seg.page]
                quote = text[ps:pe]
                stripped = quote.strip()
                if stripped:
                    lead = len(quote) - len(quote.lstrip())
                    out.append(Evidence(seg.page, ps + lead, ps + lead + len(stripped), stripped))
            i += 1
        return tuple(out)

    def preamble_evidence(self, start: int, end: int) -> Evidences:
        if self.preamble is None or start >= end:
            return ()
        return (Evidence(self.preamble.number, start, end, self.preamble.text[start:end]),)

    def header_evidence(self, page_number: int, value: str) -> Evidences:
        """Evidence for `value` inside the running header of a page."""
        header = self.headers.get(page_number)
        if not header:
            return ()
        i = header.text.find(value)
        if i < 0:
            return ()
        return (Evidence(page_number, i, i + len(value), value),)
