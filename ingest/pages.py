"""Page text normalisation: from the lines a source gives to the stored page text.

The stored, normalised page text is what evidence offsets point into. Both
renditions of a document (a text export with one paragraph per page, or a PDF
with line wraps, hyphenation and footers) normalise to the same page text:

- footer lines with the page number (`3`, `Sida 3 av 18`, `3 (18)`, `3/18`) are dropped,
  and so is a trailing page number at the end of a one-paragraph page, and a leading
  one glued to the running header's date (`32022-08-21 KS 2021/972 …` on page 3);
- lines are joined with one space; a word hyphenated at a line end
  (`närings-` / `livet`) is joined again, but a hyphen that belongs to the text
  (`grund- och gymnasieskolan`, `HR-chef`) is kept;
- runs of white space become one space.

Page furniture (running headers and footers, letterheads, page markers, case
headers; `layout.furniture`) is found on the lines of all pages together, as
its repetition from page to page is what tells it. It stays in the stored text
(evidence of a header's date or Dnr quotes it), and each page records the
spans of its normalised text that are furniture, so that no title, person or
fact is read from them.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from styrgraf.ingest.layout.furniture import Kind, find_furniture
from styrgraf.ingest.layout.pages import PageText
from styrgraf.ingest.sources import RawPage

_FOOTER_LINE = re.compile(
    r"^\s*(?:sida\s+)?(?P<n>\d{1,4})(?:\s*(?:\(\s*\d{1,4}\s*\)|av\s+\d{1,4}|/\s*\d{1,4}))?\s*$",
    re.IGNORECASE,
)
_TRAILING_NUMBER = re.compile(r"\s+(\d{1,4})\s*$")
# Words after which a line-end hyphen is a real one: `grund- och gymnasieskolan`.
_KEEP_HYPHEN_BEFORE = frozenset({"och", "eller", "samt", "respektive", "resp", "resp.", "till", "som", "&"})
_TOKEN = re.compile(r"\S+")
_OTHER_SPACE = re.compile(r"[^\S ]")  # white space other than a space: a tab, a form feed, a line break


@dataclass(frozen=True)
class FurnitureSpan:
    """A span of a page's normalised text that is furniture, not content."""

    start: int
    end: int
    kind: Kind


@dataclass(frozen=True)
class Page:
    """One page of a document, as stored."""

    number: int  # 1-based position in the source
    text: str  # normalised page text; evidence offsets refer to it
    furniture: tuple[FurnitureSpan, ...] = ()  # sorted, not overlapping


@dataclass(frozen=True)
class _Line:
    text: str
    start: int  # offset of the line in the page's raw text (its lines joined by `\n`)


def _is_footer(line: str, page_number: int) -> bool:
    m = _FOOTER_LINE.match(line)
    return bool(m) and int(m.group("n")) == page_number


def _strip_footer(lines: list[_Line], page_number: int) -> list[_Line]:
    lines = list(lines)
    while lines and _is_footer(lines[-1].text, page_number):
        lines.pop()
    if lines:
        m = _TRAILING_NUMBER.search(lines[-1].text)
        if m and int(m.group(1)) == page_number:
            lines[-1] = _Line(lines[-1].text[: m.start()], lines[-1].start)
    return lines


def _join_mode(left: str, right: str) -> str:
    """How `left` (ending a line) and `right` (the next line) join: `space`, `glue` or `drop-hyphen`.

    `närings-`/`livet` -> `näringslivet` (hyphenation: the hyphen goes),
    `HR-`/`chef` -> `HR-chef` (a compound's own hyphen: glued), while
    `grund-`/`och` keeps its space.
    """
    if len(left) < 3 or not left.endswith("-") or not right:
        return "space"
    before = left[-2]
    next_word = right.split(" ", 1)[0]
    if not before.isalnum() or not next_word[:1].isalnum():
        return "space"
    if next_word.rstrip(",.;:") in _KEEP_HYPHEN_BEFORE:
        return "space"
    if before.isalpha() and before.islower() and next_word[:1].islower():
        return "drop-hyphen"
    return "glue"


def _irregular_space(text: str) -> bool:
    """White space at an end, two together or other than a space (what `_folded` folds); told by a
    scan for other white space and a look for spaces at the ends or two together."""
    return bool(_OTHER_SPACE.search(text)) or text[:1] == " " or text[-1:] == " " or "  " in text


def _folded(line: _Line) -> tuple[str, Sequence[int]]:
    """A line with its white space folded to single spaces, and each character's raw offset."""
    if not _irregular_space(line.text):  # the common case: nothing to fold
        return line.text, range(line.start, line.start + len(line.text))
    tokens = list(_TOKEN.finditer(line.text))
    src: list[int] = []
    for k, token in enumerate(tokens):
        if k:
            src.append(line.start + tokens[k - 1].end())
        src.extend(range(line.start + token.start(), line.start + token.end()))
    return " ".join(t.group(0) for t in tokens), src


def _join(lines: list[_Line]) -> tuple[str, list[int]]:
    """The running text of `lines` and, for each of its characters, its offset in the raw text."""
    out: list[str] = []
    src: list[int] = []
    tail = ""  # the last characters written, for the hyphen rule
    for line in lines:
        text, offsets = _folded(line)
        if not text:
            continue
        if out:
            # Only a line that ends with a hyphen may join otherwise than by a space.
            mode = _join_mode(tail, text.split(" ", 1)[0]) if tail.endswith("-") else "space"
            if mode == "drop-hyphen":
                out[-1] = out[-1][:-1]
                src.pop()
            elif mode == "space":
                out.append(" ")
                src.append(line.start - 1)  # the line break it stands for
        out.append(text)
        src.extend(offsets)
        tail = "".join(out[-3:])[-3:]
    return "".join(out), src


def join_lines(lines: list[str]) -> str:
    """Join wrapped lines into running text, undoing line-end hyphenation."""
    return _join(_raw_lines(lines))[0]


def _raw_lines(lines: Iterable[str]) -> list[_Line]:
    out, pos = [], 0
    for text in lines:
        if text.strip():
            out.append(_Line(text, pos))
            pos += len(text) + 1
    return out


def _without_leading_number(lines: list[str], page_number: int) -> list[str]:
    """A transcript page's number glued to its running header's date (`32022-08-21 …`) goes."""
    if len(lines) != 1:
        return lines
    m = re.match(rf"\s*{page_number}(?=(?:19|20)\d{{2}}-\d{{2}}-\d{{2}}(?!\d))", lines[0])
    return [lines[0][m.end():]] if m else lines


def _raw_page(raw: RawPage) -> PageText:
    lines = _without_leading_number([line for line in raw.lines if line.strip()], raw.number)
    text = "\n".join(lines)
    # A page of one line is a transcript's paragraph: its header stands at the start of the line.
    return PageText(raw.number, 0, len(text), text, "transcript" if len(lines) == 1 else "form-feed")


def _mapped(spans: list[tuple[int, int, Kind]], src: list[int], text: str) -> tuple[FurnitureSpan, ...]:
    """Raw-text spans as spans of the normalised text; neighbours with only white space between merge."""
    out: list[FurnitureSpan] = []
    for s, e, kind in spans:
        i, j = bisect.bisect_left(src, s), bisect.bisect_left(src, e)
        while j > i and text[j - 1] == " ":
            j -= 1
        if i >= j:
            continue  # a dropped footer line
        if out and not text[out[-1].end:i].strip():
            out[-1] = FurnitureSpan(out[-1].start, max(j, out[-1].end), out[-1].kind)
        else:
            out.append(FurnitureSpan(i, j, kind))
    return tuple(out)


def _normalise(raw: PageText, spans: list[tuple[int, int, Kind]]) -> Page:
    lines = _strip_footer(_raw_lines(raw.text.split("\n")), raw.number)
    text, src = _join(lines)
    return Page(number=raw.number, text=text, furniture=_mapped(sorted(spans), src, text))


def normalise_pages(raw_pages: Iterable[RawPage]) -> list[Page]:
    """Normalise the raw pages of one document into their stored texts, with their furniture."""
    pages = [_raw_page(raw) for raw in raw_pages]
    spans: dict[int, list[tuple[int, int, Kind]]] = {p.number: [] for p in pages}
    for f in find_furniture(pages):
        spans[f.page].append((f.start, f.end, f.kind))
    return [_normalise(p, spans[p.number]) for p in pages]


def normalise_page(number: int, lines: list[str]) -> Page:
    """Normalise the raw lines of page `number` (a document of this one page) into its stored text."""
    return normalise_pages([RawPage(number=number, lines=list(lines))])[0]
