"""Page text normalisation: from the lines a source gives to the stored page text.

The stored, normalised page text is what evidence offsets point into. Both
renditions of a document (a text export with one paragraph per page, or a PDF
with line wraps, hyphenation and footers) normalise to the same page text:

- footer lines with the page number (`3`, `Sida 3 av 18`, `3 (18)`, `3/18`) are dropped,
  and so is a trailing page number at the end of a one-paragraph page;
- lines are joined with one space; a word hyphenated at a line end
  (`närings-` / `livet`) is joined again, but a hyphen that belongs to the text
  (`grund- och gymnasieskolan`, `HR-chef`) is kept;
- runs of white space become one space.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_FOOTER_LINE = re.compile(
    r"^\s*(?:sida\s+)?(?P<n>\d{1,4})(?:\s*(?:\(\s*\d{1,4}\s*\)|av\s+\d{1,4}|/\s*\d{1,4}))?\s*$",
    re.IGNORECASE,
)
_TRAILING_NUMBER = re.compile(r"\s+(\d{1,4})\s*$")
# Words after which a line-end hyphen is a real one: `grund- och gymnasieskolan`.
_KEEP_HYPHEN_BEFORE = frozenset({"och", "eller", "samt", "respektive", "resp", "resp.", "till", "som", "&"})
_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Page:
    """One page of a document, as stored."""

    number: int  # 1-based position in the source
    text: str  # normalised page text; evidence offsets refer to it


def _is_footer(line: str, page_number: int) -> bool:
    m = _FOOTER_LINE.match(line)
    return bool(m) and int(m.group("n")) == page_number


def _strip_footer(lines: list[str], page_number: int) -> list[str]:
    lines = [line for line in lines if line.strip()]
    while lines and _is_footer(lines[-1], page_number):
        lines.pop()
    if lines:
        m = _TRAILING_NUMBER.search(lines[-1])
        if m and int(m.group(1)) == page_number:
            lines[-1] = lines[-1][: m.start()]
    return lines


def _hyphen_join(left: str, right: str) -> str | None:
    """How `left` (ending a line) and `right` (the next line) join, if at a hyphen.

    Returns the joined text, or None when `left` does not end with a hyphen
    that joins: `närings-`/`livet` -> `näringslivet` (hyphenation),
    `HR-`/`chef` -> `HR-chef` (a compound's own hyphen), while
    `grund-`/`och` keeps its space.
    """
    if len(left) < 3 or not left.endswith("-") or not right:
        return None
    before = left[-2]
    next_word = right.split(" ", 1)[0]
    if not before.isalnum() or not next_word[:1].isalnum():
        return None
    if next_word.rstrip(",.;:") in _KEEP_HYPHEN_BEFORE:
        return None
    if before.isalpha() and before.islower() and next_word[:1].islower():
        return left[:-1] + right
    return left + right


def join_lines(lines: list[str]) -> str:
    """Join wrapped lines into running text, undoing line-end hyphenation."""
    out = ""
    for raw in lines:
        line = _WHITESPACE.sub(" ", raw).strip()
        if not line:
            continue
        if not out:
            out = line
        else:
            out = _hyphen_join(out, line) or out + " " + line
    return out


def normalise_page(number: int, lines: list[str]) -> Page:
    """Normalise the raw lines of page `number` into its stored text."""
    return Page(number=number, text=join_lines(_strip_footer(list(lines), number)))
