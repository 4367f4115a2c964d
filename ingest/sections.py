"""Section headings of project plans and directives, found in running text.

In text taken from PDFs, headings stand inline: `… organisation. Avgränsningar
- Uppdraget omfattar …`. A heading is one of the genre's heading phrases, with
its capital initial, followed by a capital, a digit, a dash or a colon. Short,
common words (`Beslut`, `Syfte`, `Budget`) count only after a sentence end or at
the start of a page.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from styrgraf.ingest.matching import first_of, not_after

# A subproject's heading: `Delprojekt 1 – Titel`, `Delprojekt 1: Titel`, `Delprojekt 1. Titel`,
# `DELPROJEKT 3 Titel`, `Delprojekt 1 Titel`, `DP1 Titel`, `DP 2: Titel`.
_SUBPROJECT_ANCHOR = r"(?:(?:Delprojekt|DELPROJEKT)\s+|DP\s?)(?P<n>\d{1,2})(?!\d)(?P<sep>\s*[:.–-])?\s+(?=[A-ZÅÄÖ])"
SUBPROJECT_ANCHOR = re.compile(rf"(?<![\w-]){_SUBPROJECT_ANCHOR}")
_BARE_SUBPROJECT_ANCHOR, _ANCHOR_BEFORE = re.compile(_SUBPROJECT_ANCHOR), re.compile(r"[\w-]")


def subproject_anchor_matches(text: str, start: int, end: int) -> Iterator[re.Match]:
    """`SUBPROJECT_ANCHOR.finditer(text, start, end)`, searched for by its first letter (`D`) and
    the look-behind checked on each match (`matching.not_after`)."""
    return not_after(_BARE_SUBPROJECT_ANCHOR, _ANCHOR_BEFORE, text, start, end)

# (key, pattern, strong). Strong headings need no sentence end before them:
# multi-word phrases and words that do not occur capitalised mid-sentence.
HEADINGS: tuple[tuple[str, str, bool], ...] = (
    ("background", r"Bakgrund", True),
    ("decision", r"Förslag till beslut", True),
    ("decision", r"Beslut", False),
    ("purpose", r"Syfte och (?:frågeställning(?:ar)?|mål)|Syfte med (?:uppdraget|delprojektet|projektet)", True),
    ("purpose", r"Syfte", False),
    ("scope", r"Avgränsning(?:ar)?", True),
    ("method", r"Metodik|Arbetssätt och metod", True),
    ("method", r"Metod", False),
    ("considerations",
     r"Andra (?:utredningar|projekt|processer|uppdrag)(?:\s*(?:/|och|,)\s*(?:utredningar|projekt|processer|uppdrag))*"
     r" som (?:ska|skall|bör) (?:beaktas|samordnas)|Beroenden(?: till andra (?:projekt|utredningar))?|Att beakta|(?:Ska|Skall) beaktas|Samordnas med|Samordning med"
     r"|Hänsyn (?:ska|skall) tas till|Beroenden och samordning|Koppling till andra (?:projekt|utredningar|styrdokument)",
     True),
    ("organisation", r"Projektorganisation|Organisation", True),
    ("schedule", r"Tidplan|Tidsplan", True),
    ("activities", r"Aktiviteter|Aktivitetsplan|Aktivitetslista", True),
    ("budget", r"Kostnader\s*/\s*budget|Kostnader och budget", True),
    ("budget", r"Budget|Kostnader|Ekonomi", False),
    ("reporting", r"Rapportering och utvärdering|Rapport och utvärdering|Uppföljning och rapportering", True),
    ("reporting", r"Rapportering", False),
    ("intentions", r"Intentioner", False),
    ("input", r"Indata till arbetet(?: är)?", True),
)

_FOLLOW = r"(?=\s*:|\s+[A-ZÅÄÖ0-9\"”'–-]|\s*$)"


def _alternatives(pattern: str) -> list[str]:
    """`A|B(?:C|D)` -> [`A`, `B(?:C|D)`]: the alternatives of a pattern outside its groups."""
    out, depth, last, i = [], 0, 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 1  # an escaped character is no bracket or bar
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and not depth:
            out.append(pattern[last:i])
            last = i + 1
        i += 1
    return out + [pattern[last:]]


# Each heading phrase without the word boundary before it: a pattern that starts with its phrase is
# searched for by its first letters, one that starts with a look-behind is tried at every position.
# The boundary is checked on each match (`_headings_of`), as the look-behind would. For the same
# reason each alternative of a phrase is a pattern of its own (an alternation of phrases with
# different first letters is tried at every position too).
_HEADING_RE = [(key, tuple(re.compile(rf"(?:{alt}){_FOLLOW}") for alt in _alternatives(pattern)), strong)
               for key, pattern, strong in HEADINGS]
_WORD_BEFORE = re.compile(r"[\w/-]")
_SENTENCE_END = re.compile(r"(?:[.!?:]|^)\s*$")
_COLON = re.compile(r"\s*:?\s*")  # between a heading and its content


@dataclass(frozen=True)
class Section:
    key: str
    heading_start: int
    start: int  # content start (after the heading and a colon)
    end: int


# The body keeps no line breaks, so the number is told by its shape: `4.`, `2.1` after a space.
_HEADING_NUMBER = re.compile(r"(?<![^\s])\d{1,2}(?:\.\d{1,2}){0,3}\.?[ \t]+$")


def _number_start(text: str, pos: int, floor: int) -> int:
    """`4. Tidplan`: the heading starts at its number, which belongs to no section before it."""
    m = _HEADING_NUMBER.search(text, max(floor, pos - 16), pos)
    return m.start() if m else pos


def _after_boundary(text: str, pos: int, boundaries: frozenset[int]) -> bool:
    if pos in boundaries:
        return True
    before = text[max(0, pos - 4):pos]
    return bool(_SENTENCE_END.search(before))


def find_headings(text: str, start: int, end: int, boundaries: frozenset[int] = frozenset()) -> list[tuple[int, int, str]]:
    """(heading_start, content_start, key) for each heading in `text[start:end]`, in order."""
    found: list[tuple[int, int, str]] = []
    for key, regex, strong in _HEADING_RE:
        for m in _headings_of(regex, text, start, end):
            if not strong and not _after_boundary(text, m.start(), boundaries):
                continue
            # Matched in place: a slice of the rest of the range for each heading would copy it again and again.
            found.append((_number_start(text, m.start(), start), _COLON.match(text, m.end(), end).end(), key))
    found.sort()
    # Overlapping matches (`Syfte` inside `Syfte och frågeställning`): keep the longest.
    out: list[tuple[int, int, str]] = []
    for item in found:
        if out and item[0] < out[-1][1]:
            if item[1] > out[-1][1] and item[0] == out[-1][0]:
                out[-1] = item
            continue
        out.append(item)
    return out


def _headings_of(alternatives: tuple[re.Pattern, ...], text: str, start: int, end: int) -> Iterator[re.Match]:
    """What `(?<![\\w/-])(?:A|B|…)` finds in `text[start:end]` for the alternatives' patterns A, B, …"""
    return first_of(alternatives, text, start, end, _WORD_BEFORE)


def split_sections(text: str, start: int, end: int, boundaries: frozenset[int] = frozenset()) -> list[Section]:
    """Sections of `text[start:end]`; text before the first heading gets key "lead"."""
    heads = find_headings(text, start, end, boundaries)
    sections: list[Section] = []
    first = heads[0][0] if heads else end
    if first > start:
        sections.append(Section("lead", start, start, first))
    for i, (h, c, key) in enumerate(heads):
        stop = heads[i + 1][0] if i + 1 < len(heads) else end
        sections.append(Section(key, h, c, stop))
    return sections
