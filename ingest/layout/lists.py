"""List items: bulleted, numbered and lettered, on their own lines or run together.

Lines that start with a marker (`•`, `-`, `–`, `*`, `o`, `1.`, `1)`, `(1)`,
`a)`, `a.`) are items; a following line in lower case continues the item (a
wrapped line). Text exports put a whole list on one line (`• a • b • c`, or
`… var 1. Första 2. Andra`), so round bullets anywhere on a line split it, and
inline numbers do when they form a chain 1, 2, 3 … (a lone `2.` in prose
does not).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from styrgraf.ingest.layout.lines import Line, split_lines

Kind = Literal["bullet", "number", "letter"]

_ROUND = "•●▪◦■\uf0b7\uf0a7"
_LINE_MARKER = re.compile(
    rf"(?:(?P<bullet>[{_ROUND}*–-]|o)|(?P<num>\d{{1,2}})[.)]|\((?P<pnum>\d{{1,2}})\)|(?P<letter>[a-zåäö])[.)])"
    r"(?=\s+\S)\s+"
)
_INLINE_ROUND = re.compile(rf"(?:^|(?<=\s))[{_ROUND}](?=\s+\S)\s+")
_INLINE_NUMBER = re.compile(r"(?:^|(?<=\s))(?:(?P<num>\d{1,2})[.)]|\((?P<pnum>\d{1,2})\))(?=\s+[^\s\d])\s+")
_INLINE_LETTER = re.compile(r"(?:^|(?<=\s))(?P<letter>[a-zåäö])\)(?=\s+\S)\s+")


@dataclass(frozen=True)
class ListItem:
    """`text[start:text_start]` is the marker (with its space), `text[text_start:end]` the item."""

    kind: Kind
    marker: str
    ordinal: int  # 1-based: the number, the letter's place (a=1), a bullet's place in its list
    start: int
    text_start: int
    end: int


@dataclass(frozen=True)
class ListBlock:
    kind: Kind
    items: tuple[ListItem, ...] = field(default_factory=tuple)

    @property
    def start(self) -> int:
        return self.items[0].start

    @property
    def end(self) -> int:
        return self.items[-1].end


def find_lists(text: str, start: int = 0, end: int | None = None) -> list[ListBlock]:
    """The lists of `text[start:end]`, in text order."""
    items: list[ListItem | None] = []  # None: a line that breaks a list
    for line in split_lines(text, start, end):
        found = _line_items(text, line)
        if found:
            items += found
        elif items and items[-1] is not None and items[-1].end == _previous_end(text, line) \
                and line.text[:1].islower():
            last = items[-1]
            items[-1] = ListItem(last.kind, last.marker, last.ordinal, last.start, last.text_start, line.end)
        else:
            items.append(None)
    return _blocks(items)


def _previous_end(text: str, line: Line) -> int:
    k = line.start
    while k > 0 and text[k - 1].isspace():
        if text[k - 1] == "\n" and k - 2 >= 0 and text[k - 2] == "\n":
            return -1  # a blank line ends an item
        k -= 1
    return k


def _kind_and_ordinal(m: re.Match[str]) -> tuple[Kind, str, int]:
    if m.groupdict().get("bullet"):
        return "bullet", m.group("bullet"), 0
    number = m.groupdict().get("num") or m.groupdict().get("pnum")
    if number:
        return "number", number, int(number)
    letter = m.group("letter")
    return "letter", letter, ord(letter) - ord("a") + 1


def _line_items(text: str, line: Line) -> list[ListItem]:
    rounds = list(_INLINE_ROUND.finditer(text, line.start, line.end))
    if rounds and (rounds[0].start() == line.start or len(rounds) >= 2):
        return _cut(text, [("bullet", m.group(0).strip(), 0, m.start(), m.end()) for m in rounds], line.end)
    for regex in (_INLINE_NUMBER, _INLINE_LETTER):
        chain = _chain(regex, text, line)
        if len(chain) >= 2:
            return _cut(text, chain, line.end)
    m = _LINE_MARKER.match(text, line.start, line.end)
    if not m:
        return []
    kind, marker, ordinal = _kind_and_ordinal(m)
    return _cut(text, [(kind, marker, ordinal, m.start(), m.end())], line.end)


def _chain(regex: re.Pattern[str], text: str, line: Line) -> list[tuple[Kind, str, int, int, int]]:
    """Inline markers numbered 1, 2, 3 … (or a, b, c …) from the first `1`."""
    out: list[tuple[Kind, str, int, int, int]] = []
    for m in regex.finditer(text, line.start, line.end):
        kind, marker, ordinal = _kind_and_ordinal(m)
        if ordinal == len(out) + 1:
            out.append((kind, marker, ordinal, m.start(), m.end()))
    return out


def _cut(text: str, marks: list[tuple[Kind, str, int, int, int]], line_end: int) -> list[ListItem]:
    out = []
    for k, (kind, marker, ordinal, s, ts) in enumerate(marks):
        stop = marks[k + 1][3] if k + 1 < len(marks) else line_end
        while stop > ts and text[stop - 1].isspace():
            stop -= 1
        out.append(ListItem(kind, marker, ordinal, s, ts, stop))
    return out


def _blocks(items: list[ListItem | None]) -> list[ListBlock]:
    blocks: list[list[ListItem]] = []
    current: list[ListItem] = []
    for item in items + [None]:
        follows = (item is not None and current and current[-1].kind == item.kind
                   and (item.marker == current[-1].marker if item.kind == "bullet"
                        else item.ordinal == current[-1].ordinal + 1))
        if item is not None and (follows or not current):
            current.append(item)
            continue
        if current:
            blocks.append(current)
        current = [item] if item is not None else []
    out = []
    for block in blocks:
        if block[0].kind != "bullet" and block[0].ordinal != 1 and len(block) == 1:
            continue  # a lone `3)` is more likely a reference than a list
        if block[0].kind == "bullet":
            block = [ListItem(i.kind, i.marker, n, i.start, i.text_start, i.end) for n, i in enumerate(block, 1)]
        out.append(ListBlock(block[0].kind, tuple(block)))
    return out
