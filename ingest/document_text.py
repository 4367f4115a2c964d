"""The document as one running body text, mapped back to page offsets.

Sections, lists and sentences run across page breaks, so extraction works on
`body`: the content of each page (its text minus its furniture: running
headers and footers, letterheads, page markers, and the running header at the
start of the page) joined by one space. `evidence(start, end)` maps a span of
`body` back to the stored page texts, split at page boundaries and around
furniture, so that every quote is verbatim on its page.

The running header's date, Dnr and appendix number are facts of the page all
the same: `headers` holds them, parsed from the furniture at the top of each
page, and `header_evidence` quotes them there.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cached_property

from styrgraf.ingest.headers import RunningHeader, parse_header_text, parse_running_header
from styrgraf.ingest.organisations import OrgMention, find_organisations
from styrgraf.ingest.pages import Page
from styrgraf.ingest.records import Evidence, Evidences

_SEPARATORS = " |,–-"  # what parts a header from the text after it


@dataclass(frozen=True)
class PageSegment:
    """A page's content in `body`; `page_offset` is where it begins in the page text."""

    page: int  # page number
    body_start: int  # offset of this page's content in DocumentText.body
    page_offset: int  # offset of the content's first piece within the page text
    length: int


@dataclass(frozen=True)
class _Piece:
    """A stretch of content between furniture: `body[body_start:+length] == page_text[page_offset:+length]`."""

    page: int
    body_start: int
    page_offset: int
    length: int


def _shape(header: RunningHeader) -> tuple[bool, ...]:
    return (bool(header.date), bool(header.dnr), header.appendix is not None, bool(header.municipality))


def _recurring_headers(pages: list[Page]) -> dict[int, RunningHeader | None]:
    """Running headers at the very start of the pages, keeping only shapes that recur.

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


def _excluded(page: Page, header: RunningHeader | None) -> list[tuple[int, int]]:
    """The page's furniture spans, the running header at its start among them, merged."""
    spans = sorted([(f.start, f.end) for f in page.furniture] + ([(0, len(header.text))] if header else []))
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and not page.text[out[-1][1]:s].strip(_SEPARATORS):
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return out


def _content(text: str, excluded: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The stretches of `text` outside `excluded`, trimmed (of separators too, after furniture)."""
    out, pos = [], 0
    for s, e in excluded + [(len(text), len(text))]:
        start, end = pos, s
        if pos:
            while start < end and text[start] in _SEPARATORS:
                start += 1
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            out.append((start, end))
        pos = max(pos, e)
    return out


def _top_header(page: Page, excluded: list[tuple[int, int]]) -> RunningHeader | None:
    """The date, Dnr and appendix number in the furniture that opens the page."""
    if not excluded or excluded[0][0] != 0:
        return None
    return parse_header_text(page.text[: excluded[0][1]])


class DocumentText:
    def __init__(self, pages: list[Page], preamble: Page | None = None):
        self.pages = pages
        self.preamble = preamble
        self.headers: dict[int, RunningHeader | None] = {}
        self.segments: list[PageSegment] = []
        self._pieces: list[_Piece] = []
        self._header_spans: dict[int, tuple[int, int]] = {}
        parts: list[str] = []
        pos = 0
        start_headers = _recurring_headers(pages)
        for page in pages:
            excluded = _excluded(page, start_headers[page.number])
            header = _top_header(page, excluded)
            self.headers[page.number] = header
            if header:
                self._header_spans[page.number] = excluded[0]
            if parts:
                parts.append(" ")
                pos += 1
            page_start = pos
            content = _content(page.text, excluded)
            for k, (s, e) in enumerate(content):
                if k:
                    parts.append(" ")
                    pos += 1
                self._pieces.append(_Piece(page.number, pos, s, e - s))
                parts.append(page.text[s:e])
                pos += e - s
            first_offset = content[0][0] if content else len(page.text)
            self.segments.append(PageSegment(page.number, page_start, first_offset, pos - page_start))
        self.body = "".join(parts)
        self._starts = [s.body_start for s in self.segments]
        self._piece_starts = [p.body_start for p in self._pieces]
        self._page_text = {p.number: p.text for p in pages}
        if preamble is not None:
            self._page_text[preamble.number] = preamble.text

    @cached_property
    def organisations(self) -> tuple[OrgMention, ...]:
        """The body's organisation mentions, in order: found once, as the kind, its decisions and
        its basic facts each need them."""
        return tuple(find_organisations(self.body))

    def page_text(self, number: int) -> str:
        return self._page_text[number]

    def page_at(self, pos: int) -> int:
        return self.segments[self.segment_index_at(pos)].page

    def segment_index_at(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self._starts, pos) - 1)

    def evidence(self, start: int, end: int) -> Evidences:
        """Evidence for `body[start:end]`, trimmed of white space, split by page and around furniture."""
        while start < end and self.body[start].isspace():
            start += 1
        while end > start and self.body[end - 1].isspace():
            end -= 1
        if start >= end:
            return ()
        out: list[Evidence] = []
        i = max(0, bisect.bisect_right(self._piece_starts, start) - 1)
        while i < len(self._pieces) and self._pieces[i].body_start < end:
            piece = self._pieces[i]
            s = max(start, piece.body_start)
            e = min(end, piece.body_start + piece.length)
            if s < e:
                ps = piece.page_offset + (s - piece.body_start)
                pe = piece.page_offset + (e - piece.body_start)
                quote = self._page_text[piece.page][ps:pe]
                stripped = quote.strip()
                if stripped:
                    lead = len(quote) - len(quote.lstrip())
                    out.append(Evidence(piece.page, ps + lead, ps + lead + len(stripped), stripped))
            i += 1
        return tuple(out)

    def preamble_evidence(self, start: int, end: int) -> Evidences:
        if self.preamble is None or start >= end:
            return ()
        return (Evidence(self.preamble.number, start, end, self.preamble.text[start:end]),)

    def header_evidence(self, page_number: int, value: str) -> Evidences:
        """Evidence for `value` inside the running header of a page."""
        span = self._header_spans.get(page_number)
        if span is None:
            return ()
        text = self._page_text[page_number]
        i = text.find(value, span[0], span[1])
        if i < 0:
            return ()
        return (Evidence(page_number, i, i + len(value), value),)
