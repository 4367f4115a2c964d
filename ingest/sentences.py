"""Sentence boundaries in running Swedish text.

A sentence ends at `.`, `!` or `?` followed by a capital, a digit, a dash or
a quote; abbreviations such as `inkl.`, `bl.a.`, `t.ex.` and `ev.` are followed
by lower case and so do not end one; nor does the full stop of a list marker
(`följande: 1. Kommunstyrelsen …`).
"""
from __future__ import annotations

import re

# The stop first, then what may not stand before it (each look-behind takes in the stop itself): a
# pattern that starts with its stop is searched for by it, one that starts with look-behinds is
# tried at every position of the text.
SENTENCE_END = re.compile(r"[.!?](?<![\s.][A-ZÅÄÖ][.!?])(?<!\.[a-zåäö][.!?])(?<!\s\d[.!?])(?<!\s\d\d[.!?])"
                          r"(?=\s+[A-ZÅÄÖ0-9\"”'–-]|\s*$)")


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each sentence in `text[start:end]`, end including the full stop."""
    spans = []
    pos = start
    for m in SENTENCE_END.finditer(text, start, end):
        stop = m.end()
        if text[pos:stop].strip():
            spans.append((pos, stop))
        pos = stop
    if text[pos:end].strip():
        spans.append((pos, end))
    return [_trim(text, s, e) for s, e in spans]


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def first_sentence_end(text: str, start: int, end: int) -> int:
    m = SENTENCE_END.search(text, start, end)
    return m.end() if m else end


def trim(text: str, s: int, e: int, chars: str = " .,;:-–") -> tuple[int, int]:
    """Shrink `text[s:e]` past white space and the given punctuation at both ends."""
    while s < e and (text[s].isspace() or text[s] in chars):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in chars):
        e -= 1
    return s, e
