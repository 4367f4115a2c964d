"""Searching without a look-behind at the start of a pattern.

A pattern that starts with a look-behind (`(?<![\\w-])Kommunstyrelsen`) is tried at every position
of the text; one that starts with letters or a set of them is searched for by those, much faster.
`not_after` gives what the pattern with the look-behind would find, checking the character before
each match itself.
"""
from __future__ import annotations

import re
from collections.abc import Iterator


def not_after(regex: re.Pattern, before: re.Pattern, text: str, start: int = 0,
              end: int | None = None) -> Iterator[re.Match]:
    """What `(?<!B)` + `regex` finds in `text[start:end]` (as `finditer` would), where `before`
    matches the one character B: the matches not right after such a character; past one that is,
    the search goes on from the next position. `regex` must not match the empty string."""
    stop = len(text) if end is None else end
    pos = start
    while (m := regex.search(text, pos, stop)) is not None:
        if m.start() and before.match(text, m.start() - 1):
            pos = m.start() + 1
            continue
        yield m
        pos = m.end()
