"""Enumerated lists in running text: `1. … 2. …`, `a) … b) …`, `Mål 1: … Mål 2: …`, `- …`.

Text from PDFs loses line breaks, so list items are found by their markers.
Numbers also occur in dates and prose (`nr 1`, `2012-04-31`), so only the
longest chain of consecutive markers (n, n+1, n+2 …) counts as a list.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from styrgraf.ingest.matching import not_after

# A marker stands at the start of the text or after white space (`(?:(?<=\s)|^)`: no other character
# before it). The numbers' and bullets' patterns open with their digit or mark, so that they are
# searched for by it, and what stands before each match is checked on it (`matching.not_after`).
_NOT_AFTER_SPACE = re.compile(r"\S")
# `… 2 och 4. 4. En väg …`: the first `4.` ends a sentence, the second starts an item.
_NUMBERED = re.compile(r"(\d\d?)[.)](?=\s+\S)(?!\s+\d{1,2}\.\s)")
# `1: Text`, `2:1 Text` (goal lists numbered with a colon, the second number a sub-goal's).
_NUMBERED_COLON = re.compile(r"(\d\d?):(?:\d{1,2})?(?=\s+[^\s\d])")
_NUMBERED_BARE = re.compile(r"(\d\d?)(?=\s+[A-ZÅÄÖ])")
# `a)`, and `A.` / `A)` before a capitalised word (`A. Planen pekar ut …`).
_LETTERED = re.compile(r"(?:(?<=\s)|^)(?:([a-zåäö])\)|([A-ZÅÄÖ])[.)](?=\s+[A-ZÅÄÖ0-9]))(?=\s+\S)")
_BULLET = re.compile(r"[-–•*]\s+(?=\S)")  # after white space, as the numbers


@dataclass(frozen=True)
class Item:
    marker: str  # "3" or "c" or "-"
    number: int  # 1-based ordinal (a=1 for letters); bullets count from 1
    start: int  # start of the marker
    text_start: int  # start of the item's text
    end: int  # end of the item's text (exclusive, before the next marker)


def _longest_chain(cands: list[tuple[int, int, int, str]], first: int | None) -> list[tuple[int, int, int, str]]:
    """Longest run of candidates in text order whose numbers go up by one."""
    best: list[list[tuple[int, int, int, str]]] = []
    for cand in cands:
        extended = [chain + [cand] for chain in best if chain[-1][0] + 1 == cand[0]]
        if first is None or cand[0] == first:
            extended.append([cand])
        best.extend(extended)
    if not best:
        return []
    return max(best, key=lambda c: (len(c), -c[0][1]))


def _items(chain, end: int, text: str) -> list[Item]:
    out = []
    for i, (num, s, ts, marker) in enumerate(chain):
        stop = chain[i + 1][1] if i + 1 < len(chain) else end
        while stop > ts and text[stop - 1].isspace():
            stop -= 1
        out.append(Item(marker, num, s, ts, stop))
    return out


def numbered_items(text: str, start: int, end: int, *, bare: bool = False, colon: bool = False,
                   first: int | None = None) -> list[Item]:
    """`1. a 2. b` (or `1 a 2 b` with bare=True, `1: a 2: b` with colon=True) in `text[start:end]`."""
    regex = _NUMBERED_BARE if bare else _NUMBERED_COLON if colon else _NUMBERED
    cands = []
    for m in not_after(regex, _NOT_AFTER_SPACE, text, start, end):
        ts = m.end()
        while ts < end and text[ts].isspace():
            ts += 1
        cands.append((int(m.group(1)), m.start(), ts, m.group(1)))
    return _items(_longest_chain(cands, first), end, text)


def lettered_items(text: str, start: int, end: int) -> list[Item]:
    """`a) … b) …` in `text[start:end]`, as numbers a=1, b=2 …"""
    cands = []
    for m in _LETTERED.finditer(text, start, end):
        ts = m.end()
        while ts < end and text[ts].isspace():
            ts += 1
        letter = m.group(1) or m.group(2)
        cands.append((letter_number(letter), m.start(), ts, letter))
    return _items(_longest_chain(cands, 1), end, text)


def labelled_items(text: str, start: int, end: int, label: str) -> list[Item]:
    """`Mål 1: … Mål 2: …`: items each led by a label word (the regex `label`) and its number."""
    regex = re.compile(rf"(?<![\w-])(?:{label})\s+(\d{{1,2}})\s*[:.–-](?=\s+\S)")
    cands = []
    for m in regex.finditer(text, start, end):
        ts = m.end()
        while ts < end and text[ts].isspace():
            ts += 1
        cands.append((int(m.group(1)), m.start(), ts, m.group(1)))
    return _items(_longest_chain(cands, 1), end, text)


def bullet_items(text: str, start: int, end: int) -> list[Item]:
    marks = list(not_after(_BULLET, _NOT_AFTER_SPACE, text, start, end))
    chain = [(i + 1, m.start(), m.end(), "-") for i, m in enumerate(marks)]
    return _items(chain, end, text)


def letter_number(letter: str) -> int:
    return ord(letter.lower()) - ord("a") + 1
