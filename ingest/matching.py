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


def around_literal(regex: re.Pattern, text: str, literal: str, run: re.Pattern) -> Iterator[re.Match]:
    """`regex.finditer(text)` for a pattern each of whose matches holds `literal` and is made only of
    characters that `run` (a pattern of one such character, repeated: `[…]*`) takes: only the runs
    of those characters around each occurrence of the literal are searched, not the whole text."""
    pos = 0
    while (at := text.find(literal, pos)) >= 0:
        start = at
        while start > pos and run.fullmatch(text, start - 1, start):
            start -= 1
        end = run.match(text, at).end()
        # The character after the run is searched too, for what the pattern's look-ahead sees there.
        yield from regex.finditer(text, start, end + 1)
        pos = end


def first_of(alternatives: tuple[re.Pattern, ...], text: str, start: int = 0, end: int | None = None,
             before: re.Pattern | None = None) -> Iterator[re.Match]:
    """What `(?:A|B|…)` finds in `text[start:end]` (as `finditer` would) for the alternatives'
    patterns A, B, … (each followed by what follows the alternation): at the first position where
    one matches, the first of them that matches there, as the alternation takes it. An alternation
    of words with different first letters is tried at every position; each word alone is searched
    for by its letters. With `before`, as `not_after` (`(?<!B)` before the alternation)."""
    stop = len(text) if end is None else end
    pos = start
    # Each alternative's first match at or after `pos`: still its first while it starts after `pos`.
    nexts = [regex.search(text, pos, stop) for regex in alternatives]
    while True:
        for k, m in enumerate(nexts):
            if m is not None and m.start() < pos:
                nexts[k] = alternatives[k].search(text, pos, stop)
        m = min((m for m in nexts if m is not None), key=re.Match.start, default=None)  # the first on a tie
        if m is None:
            return
        if before is not None and m.start() and before.match(text, m.start() - 1):
            pos = m.start() + 1
            continue
        yield m
        pos = m.end()
