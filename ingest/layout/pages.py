"""Pages of a text, whatever shape the text gives them.

Sources arrive as form-feed separated text (`pdftotext`), as transcripts with
one paragraph per page that begins (or ends) with the page number, as text
with page markers in a header or footer line (`Sida 2 (9)`, `Sidan 2 av 9`,
`2 (9)`, `- 2 -`), or with no page structure at all. `split_pages` picks the
shape and keeps, for each page, its number and the exact span of its text in
the input, so later offsets can be mapped back.

Numbers also occur in prose (`punkt 3 (12)`), so page markers count only as a
chain of consecutive numbers (n, n+1, …) with the same total, and transcript
numbers only when each page paragraph carries the next number.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from styrgraf.ingest.layout.lines import Line, shape_key, split_lines

Shape = Literal["form-feed", "transcript", "marker", "single"]

_TRANSCRIPT_LINE = re.compile(r"^[ \t]*Transkript:[ \t]*$", re.MULTILINE)
_BLANK_RUN = re.compile(r"\n[ \t]*\n[ \t\n]*")
# A transcript's page number: glued to the first word (`3Bakgrund`) or followed by a space;
# never the start of a date, a Dnr or a decimal (`2012-02-22`, `2011/0456`, `3.5`). Glued to
# the running header's date it is the digits before the date (`32022-08-21` is page 3).
_LEADING_NUMBER = re.compile(
    r"(?:(\d{1,4}?)(?=(?:19|20)\d{2}-\d{2}-\d{2}(?!\d))|(\d{1,4})(?![\d\-/.:,])[ \t]*)")
_TRAILING_NUMBER = re.compile(r"[ \t]+(\d{1,4})[ \t]*$")
# `Sida 2`, `Sida 2 (9)`, `Sidan 2 av 9`, `Sida 2/9` anywhere on a line; capitalised, as
# prose writes `se sida 4`.
_SIDA = re.compile(
    r"(?<!\w)(?:Sida|Sidan|SIDA|SIDAN)\s+(?P<n>\d{1,4})"
    r"(?:\s*\(\s*(?P<m1>\d{1,4})\s*\)|\s+av\s+(?P<m2>\d{1,4})|\s*/\s*(?P<m3>\d{1,4}))?(?![\w(/])"
)
_DIGIT = re.compile(r"\d")
# `2 (9)` / `2(9)` only at the start or the end of a line: inside a sentence it is prose.
_BARE_START = re.compile(r"^(?P<n>\d{1,4})\s?\(\s*(?P<m1>\d{1,4})\s*\)(?=\s|$)")
_BARE_END = re.compile(r"(?:^|(?<=\s))(?P<n>\d{1,4})\s?\(\s*(?P<m1>\d{1,4})\s*\)$")
# `- 2 -` and `2/9` alone on their line.
_ALONE = re.compile(r"^(?:[-–]\s*(?P<n>\d{1,4})\s*[-–]|(?P<n2>\d{1,4})\s*/\s*(?P<m3>\d{1,4}))$")


@dataclass(frozen=True)
class LineMarker:
    """A page marker in a line: offsets are into the line's text."""

    number: int
    total: int | None
    start: int
    end: int
    explicit: bool  # says `Sida`: a page marker wherever it stands


def line_markers(line: str) -> list[LineMarker]:
    """The page markers written in `line`, in order."""
    if _DIGIT.search(line) is None:  # every marker has its number: most lines are let go at once
        return []
    # Only the shapes whose letters the line holds are searched for (`Sida` holds `ida`, `2 (9)` a parenthesis).
    regexes = ((_SIDA,) if "ida" in line or "IDA" in line else ()) + ((_BARE_START, _BARE_END) if "(" in line else ())
    found = []
    for regex in regexes + (_ALONE,):
        for m in regex.finditer(line):
            groups = m.groupdict()
            total = next((int(groups[k]) for k in ("m1", "m2", "m3") if groups.get(k)), None)
            number = int(groups.get("n") or groups["n2"])
            found.append(LineMarker(number, total, m.start(), m.end(), regex is _SIDA))
    found.sort(key=lambda mk: mk.start)
    return [mk for k, mk in enumerate(found) if k == 0 or mk.start >= found[k - 1].end]


@dataclass(frozen=True)
class PageText:
    """One page: `text == source[start:end]`."""

    number: int
    start: int
    end: int
    text: str
    shape: Shape
    marker: tuple[int, int] | None = None  # span of the page-number marker in the source


@dataclass(frozen=True)
class _Marker:
    number: int
    total: int | None
    line: Line
    start: int
    end: int


def split_pages(text: str) -> list[PageText]:
    """The pages of `text`, in order; an empty text has no pages.

    A text export's preamble (up to its `Transkript:` line) is the site's, not
    the document's: pages start after it, with offsets still into `text`.
    """
    m = _TRANSCRIPT_LINE.search(text)
    if m:
        return [_shifted(page, m.end()) for page in _export_pages(text[m.end():])]
    return _split(text)


def _shifted(page: PageText, by: int) -> PageText:
    marker = (page.marker[0] + by, page.marker[1] + by) if page.marker else None
    return PageText(page.number, page.start + by, page.end + by, page.text, page.shape, marker)


def _split(text: str) -> list[PageText]:
    if not text.strip():
        return []
    if "\f" in text:
        return _form_feed_pages(text)
    return _transcript_pages(text) or _marker_pages(text) or [_page(text, 1, 0, len(text), "single")]


def _export_pages(text: str) -> list[PageText]:
    """After a `Transkript:` line every paragraph is a page, whether it carries its number or not."""
    if not text.strip():
        return []
    if "\f" in text:
        return _form_feed_pages(text)
    return _transcript_pages(text, single_line=False) or [
        _page(text, n, s, e, "transcript") for n, (s, e) in enumerate(_paragraphs(text), start=1)]


def _page(text: str, number: int, start: int, end: int, shape: Shape,
          marker: tuple[int, int] | None = None) -> PageText:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return PageText(number, start, end, text[start:end], shape, marker)


def _form_feed_pages(text: str) -> list[PageText]:
    bounds = [-1] + [i for i, ch in enumerate(text) if ch == "\f"] + [len(text)]
    chunks = [(bounds[i] + 1, bounds[i + 1]) for i in range(len(bounds) - 1)]
    if len(chunks) > 1 and not text[chunks[-1][0]:chunks[-1][1]].strip():
        chunks.pop()  # `pdftotext` ends every page, the last one too, with a form feed
    return [_page(text, n, s, e, "form-feed") for n, (s, e) in enumerate(chunks, start=1)]


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for m in _BLANK_RUN.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def _page_number(text: str, s: int, e: int, leading: bool) -> tuple[int, int, int] | None:
    """(number, marker start, marker end) of a transcript paragraph, if it carries one."""
    if leading:
        m = _LEADING_NUMBER.match(text, s, e)
        if not m:
            return None
        group = 1 if m.group(1) else 2
        return int(m.group(group)), m.start(group), m.end()
    m = _TRAILING_NUMBER.search(text, s, e)
    return (int(m.group(1)), m.start(), m.end(1)) if m else None


def _transcript_pages(text: str, single_line: bool = True) -> list[PageText] | None:
    """One paragraph per page (a single line, unless after `Transkript:`), starting or ending with its number.

    Every paragraph is a page; the number, where it is the page's own, is
    split off as the marker. Appendix pages often carry no number, and a site
    leaves the first page unnumbered, so the shape needs only two pages
    numbered in sequence (one after `Transkript:`), the first or the second among them.
    """
    paras = _paragraphs(text)
    if len(paras) < 2 or (single_line and any("\n" in text[s:e] for s, e in paras)):
        return None
    best: list[PageText] | None = None
    # After `Transkript:` the paragraphs are pages anyway: one numbered page tells the numbering.
    best_hits = 1 if single_line else 0
    for leading in (True, False):
        base = _first_number(text, paras, leading)
        if base is None:
            continue
        pages, hits = [], 0
        for k, (s, e) in enumerate(paras):
            number = base + k
            found = _page_number(text, s, e, leading)
            if found and found[0] == number:
                hits += 1
                _, ms, me = found
                body = (me, e) if leading else (s, ms)
                pages.append(_page(text, number, body[0], body[1], "transcript", (ms, me)))
            else:
                pages.append(_page(text, number, s, e, "transcript"))
        if hits > best_hits:
            best, best_hits = pages, hits
    return best


def _first_number(text: str, paras: list[tuple[int, int]], leading: bool) -> int | None:
    """The first paragraph's page number: its own, or 1 when it has none and the second is numbered 2."""
    first = _page_number(text, *paras[0], leading)
    if first is not None:
        return first[0]
    second = _page_number(text, *paras[1], leading)
    return 1 if second is not None and second[0] == 2 else None


def _markers(lines: list[Line]) -> list[_Marker]:
    return [_Marker(mk.number, mk.total, line, line.start + mk.start, line.start + mk.end)
            for line in lines for mk in line_markers(line.text)]


def _longest_chain(markers: list[_Marker]) -> list[_Marker]:
    """Longest run, in text order and on distinct lines, of numbers n, n+1, … with one total."""
    length = [1] * len(markers)
    before = [-1] * len(markers)
    for i, mk in enumerate(markers):
        for j in range(i):
            prev = markers[j]
            if (prev.number + 1 == mk.number and prev.line.index < mk.line.index
                    and prev.total == mk.total and length[j] + 1 > length[i]):
                length[i], before[i] = length[j] + 1, j
    if not markers:
        return []
    k = max(range(len(markers)), key=lambda i: length[i])
    chain = []
    while k >= 0:
        chain.append(markers[k])
        k = before[k]
    return chain[::-1]


def _shared_run(lines: list[Line], anchors: list[int], step: int) -> int:
    """How many lines next to every anchor (above for step -1, below for +1) read the same."""
    run = 0
    while True:
        keys = set()
        for a in anchors:
            k = a + step * (run + 1)
            if not 0 <= k < len(lines):
                return run
            keys.add(shape_key(lines[k].text))
        if len(keys) != 1:
            return run
        run += 1


def _marker_pages(text: str) -> list[PageText] | None:
    lines = split_lines(text)
    chain = _longest_chain(_markers(lines))
    if len(chain) < 2:
        return None
    at = [mk.line.index for mk in chain]
    after_last, before_first = len(lines) - 1 - at[-1], at[0]
    above = _shared_run(lines, at, -1)
    # Markers at the end of the text are footers; at its start, headers. On a tie, a
    # letterhead repeated above every marker means the marker line belongs to a header.
    footer = after_last < before_first or (after_last == before_first and not above)
    pages: list[PageText] = []
    if footer:
        below = _shared_run(lines, at, +1)
        ends = [lines[min(i + below, len(lines) - 1)].end for i in at]
        start = 0
        for mk, end in zip(chain, ends):
            pages.append(_page(text, mk.number, start, end, "marker", (mk.start, mk.end)))
            start = end
        if text[start:].strip():
            pages.append(_page(text, chain[-1].number + 1, start, len(text), "marker"))
        return pages
    starts = [lines[i - above].start for i in at[1:]]
    first_start = 0
    if chain[0].number > 1 and text[: lines[at[0]].start].strip():
        pages.append(_page(text, chain[0].number - 1, 0, lines[at[0]].start, "marker"))
        first_start = lines[at[0]].start
    bounds = [first_start] + starts + [len(text)]
    for k, mk in enumerate(chain):
        pages.append(_page(text, mk.number, bounds[k], bounds[k + 1], "marker", (mk.start, mk.end)))
    return pages
