"""Heading candidates: numbered, all-capital and known-word lines.

A heading is a short line that is not a sentence: it has few words and no
final period. Three shapes count:

- numbered: `1 Bakgrund`, `1.2 Projektmål`, `1.2.3. Risker` (the depth of the
  number is the level); `1. Bakgrund` only with a heading word or capitals,
  since `1. Text` is more often a list item;
- all capitals: `PROJEKTDIREKTIV FÖR NY SKOLA` (level 1: such lines title the
  document or its main parts);
- a known heading word or phrase alone on its line (`Bakgrund`, `Förslag till
  beslut`, `Syfte och mål:`; level 2, as nothing in the line gives its depth).

A name line (`Eva Lind`) or a sentence is no heading. A table-of-contents line
(`2 Syfte ........ 4`) is skipped: it names a heading but is not one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from styrgraf.ingest.layout.lexicon import HEADING_WORDS
from styrgraf.ingest.layout.lines import Line, split_lines

Shape = Literal["numbered", "capitals", "word", "paragraph-sign"]

MAX_WORDS = 10
MAX_TITLE_WORDS = 7  # after a number
_NUMBERED = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2}){0,3})(?P<dot>\.?)\s+(?P<title>\S.*)$")
_PARAGRAPH_SIGN = re.compile(r"^(?P<num>§\s*\d{1,4})\s+(?P<title>\S.*)$")
_TOC_LINE = re.compile(r"(?:\.{3,}|…+|\s{3,})\s*\d{1,4}$")
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Heading:
    """`text[start:end]` is the whole heading line; `text[title_start:end]` its title."""

    start: int
    end: int
    title_start: int
    level: int
    shape: Shape
    number: str | None  # `1.2` for numbered headings


def find_headings(text: str, start: int = 0, end: int | None = None) -> list[Heading]:
    """Heading candidates among the lines of `text[start:end]`, in order."""
    out = []
    for line in split_lines(text, start, end):
        heading = classify_line(line)
        if heading:
            out.append(heading)
    return out


def classify_line(line: Line) -> Heading | None:
    """The heading `line` is, if it is one."""
    body = line.text
    if _TOC_LINE.search(body) or not _title_like(body):
        return None
    m = _NUMBERED.match(body) or _PARAGRAPH_SIGN.match(body)
    if m:
        return _numbered(line, m)
    if is_capitals(body):
        return Heading(line.start, line.end, line.start, 1, "capitals", None)
    if is_heading_word(body):
        return Heading(line.start, line.end, line.start, 2, "word", None)
    return None


def _numbered(line: Line, m: re.Match[str]) -> Heading | None:
    title = m.group("title")
    # `6 Förvaltningschef Eva Lind, projektledare Per Holm`: an enumeration, not a title.
    if not title[:1].isupper() or "," in title or len(title.split()) > MAX_TITLE_WORDS:
        return None
    if m.group("num").startswith("§"):
        return Heading(line.start, line.end, line.start + m.start("title"), 1, "paragraph-sign", m.group("num"))
    number = m.group("num")
    bare_list_marker = m.group("dot") and "." not in number
    if bare_list_marker and not (is_heading_word(title) or is_capitals(title)):
        return None
    return Heading(line.start, line.end, line.start + m.start("title"), number.count(".") + 1, "numbered", number)


def _title_like(body: str) -> bool:
    """Few words, no sentence end, some letters."""
    words = body.split()
    return (0 < len(words) <= MAX_WORDS and not body.endswith((".", ";", ",", "!", "?"))
            and bool(_WORD.search(body)))


def is_capitals(body: str) -> bool:
    """All letters capital, with at least two words' worth of letters (`NORRBACKA KOMMUN`, not `KS`)."""
    letters = [ch for ch in body if ch.isalpha()]
    return len(letters) >= 5 and all(ch.isupper() for ch in letters) and len(_WORD.findall(body)) >= 1


def is_heading_word(body: str) -> bool:
    """A known heading word or phrase, alone (an optional colon after it)."""
    phrase = re.sub(r"\s+", " ", body.rstrip(": ").strip()).casefold()
    return phrase in HEADING_WORDS
