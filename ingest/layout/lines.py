"""Lines of a text with their exact offsets.

Every layout finder works line by line but must report offsets into the text
it was given (evidence points into that text), so lines are spans, never
copies that lose their position.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# A line trimmed of its white space: from its first non-space character to its last.
_TRIMMED_LINE = re.compile(r"\S(?:[^\n]*\S)?")
DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Line:
    """One non-blank line; `text == source[start:end]`, without surrounding white space."""

    index: int  # position among the non-blank lines
    start: int
    end: int
    text: str


def split_lines(text: str, start: int = 0, end: int | None = None) -> list[Line]:
    """The non-blank lines of `text[start:end]`, trimmed, with offsets into `text`."""
    stop = len(text) if end is None else end
    out: list[Line] = []
    for m in _TRIMMED_LINE.finditer(text, start, stop):
        out.append(Line(len(out), m.start(), m.end(), m.group()))
    return out


def shape_key(line: str) -> str:
    """A line's text with digits and spacing folded, so `Sida 2 (9)` and `Sida 3 (9)` compare equal."""
    return _SPACE.sub(" ", DIGITS.sub("#", line)).strip().casefold()
