"""Label–value pairs: `Projektägare: Eva Lind` and the ways layouts scatter them.

Cover pages and protocol heads carry facts as labels and values, in four shapes:

- one pair per line, with or without a colon (`Datum 2019-03-04`);
- several pairs run together on one line by a text export
  (`Datum: 2019-03-04 Dnr: KS 2019/123 Handläggare: Eva Lind`): a value ends
  where the next label begins;
- table order, row-wise: a line of N labels, then a line of N values;
- table order, column-wise: N lines of one label each, then N lines of values.

Only the label words of `lexicon.LABELS` count, so a capitalised word in prose
does not become a label; a line that starts with a label but goes on in lower
case (`Projektledare för arbetet är …`) is prose. When a value row cannot be
cut into one value per label (no wide gaps between them), each label gets the
whole row, marked `shared`, for a caller that knows more to split.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from styrgraf.ingest.layout.lexicon import LABELS, VALUE_SHAPES, LabelWord
from styrgraf.ingest.layout.lines import Line, split_lines

Layout = Literal["line", "inline", "row", "column"]


def _variant_pattern(variant: str) -> str:
    return r"\s+".join(re.escape(word) for word in variant.split())


def _fold(label: str) -> str:
    return re.sub(r"\s+", " ", label).casefold()


_BY_FOLDED: dict[str, LabelWord] = {}
for _word in LABELS:
    for _variant in _word.variants:
        _BY_FOLDED.setdefault(_fold(_variant), _word)
_VARIANTS = sorted({v for w in LABELS for v in w.variants} | {v.upper() for w in LABELS for v in w.variants},
                   key=len, reverse=True)
_LABEL = re.compile(
    r"(?<![\w.])(?P<label>" + "|".join(_variant_pattern(v) for v in _VARIANTS) + r")"
    r"(?P<colon>\s*:)?(?=\s|$|(?<=:)\S)"
)
# A label alone over list items (`Styrgrupp` / `• Eva Lind`) heads a list, not a value.
_LIST_START = re.compile(r"[•●▪◦■*–-]\s")
_UNKNOWN_LABEL = re.compile(r"(?<![\w.])(?P<label>[A-ZÅÄÖ][\wåäöé-]{2,}(?:\s[a-zåäö]{2,}){0,2})\s?:(?=\s)")
_OTHER = LabelWord("other", ())
_VALUE_GAP = re.compile(r"\t+|\s{2,}|\s+\|\s+")
_TRIM_LEFT = " \t:|–-"
_TRIM_RIGHT = " \t|,;"


@dataclass(frozen=True)
class LabelValue:
    """`text[label_start:label_end] == label`, `text[value_start:value_end] == value`."""

    key: str
    label: str
    value: str
    label_start: int
    label_end: int
    value_start: int
    value_end: int
    layout: Layout
    shared: bool = False  # the value span holds the values of several labels, in their order


@dataclass(frozen=True)
class _Hit:
    word: LabelWord
    start: int  # offsets into the source text
    end: int  # end of the label, or of its colon
    label_end: int
    colon: bool


def find_labels(text: str, start: int = 0, end: int | None = None) -> list[LabelValue]:
    """Label–value pairs in `text[start:end]`, in text order."""
    lines = split_lines(text, start, end)
    hits = [_hits(text, line) for line in lines]
    out: list[LabelValue] = []
    i = 0
    while i < len(lines):
        if _only_labels(lines[i], hits[i]):
            pairs, used = _table_order(text, lines, hits, i)
            out += pairs
            i += max(used, 1)
            continue
        out += _line_pairs(text, lines[i], hits[i])
        i += 1
    return out


def _hits(text: str, line: Line) -> list[_Hit]:
    found = []
    for m in _LABEL.finditer(text, line.start, line.end):
        word = _BY_FOLDED[_fold(m.group("label"))]
        colon = m.group("colon") is not None
        if word.needs_colon and not colon:
            continue
        found.append(_Hit(word, m.start(), m.end(), m.end("label"), colon))
    return found


def _only_labels(line: Line, hits: list[_Hit]) -> bool:
    """The line is nothing but labels (a table's label row or one cell of a label column)."""
    if not hits or hits[0].start != line.start:
        return False
    rest = line.end
    for k, hit in enumerate(hits):
        nxt = hits[k + 1].start if k + 1 < len(hits) else rest
        if nxt < hit.end or not _blank_between(line, hit.end, nxt):
            return False
    return True


def _blank_between(line: Line, a: int, b: int) -> bool:
    return not line.text[a - line.start:b - line.start].strip(" \t:|")


def _pair(text: str, hit: _Hit, v_start: int, v_end: int, layout: Layout, shared: bool = False) -> LabelValue | None:
    while v_start < v_end and text[v_start] in _TRIM_LEFT:
        v_start += 1
    while v_end > v_start and text[v_end - 1] in _TRIM_RIGHT:
        v_end -= 1
    if v_start >= v_end:
        return None
    return LabelValue(hit.word.key, text[hit.start:hit.label_end], text[v_start:v_end], hit.start, hit.label_end,
                      v_start, v_end, layout, shared)


def _line_pairs(text: str, line: Line, hits: list[_Hit]) -> list[LabelValue]:
    with_colon = [h for h in hits if h.colon]
    if with_colon:
        # With colons written, only they delimit values; on such a line an unknown
        # `Word:` is a label too (`Projektarbetsgrupp:`), so it ends the value before it.
        chosen = sorted(with_colon + _unknown_labels(text, line, hits), key=lambda h: h.start)
    elif hits and hits[0].start == line.start:
        chosen = hits
        first_value = text[hits[0].end:line.end].lstrip(_TRIM_LEFT)
        if first_value[:1].islower():
            return []  # `Projektledare för arbetet är …`: a sentence
    else:
        return []
    layout: Layout = "line" if len(chosen) == 1 else "inline"
    out = []
    for k, hit in enumerate(chosen):
        stop = chosen[k + 1].start if k + 1 < len(chosen) else line.end
        pair = _pair(text, hit, hit.end, stop, layout)
        if pair:
            out.append(pair)
    return out


def _unknown_labels(text: str, line: Line, known: list[_Hit]) -> list[_Hit]:
    out = []
    for m in _UNKNOWN_LABEL.finditer(text, line.start, line.end):
        if not any(h.start < m.end() and m.start() < h.end for h in known):
            out.append(_Hit(_OTHER, m.start(), m.end(), m.end("label"), True))
    return out


def _table_order(text: str, lines: list[Line], hits: list[list[_Hit]], i: int) -> tuple[list[LabelValue], int]:
    """Pairs of a label row (`Projektnamn Projektägare` / values) or a label column."""
    if len(hits[i]) >= 2:
        if i + 1 < len(lines) and not _only_labels(lines[i + 1], hits[i + 1]):
            return _row(text, hits[i], lines[i + 1]), 2
        return [], 1
    k = i
    while k < len(lines) and _only_labels(lines[k], hits[k]) and len(hits[k]) == 1:
        k += 1
    labels = [hits[j][0] for j in range(i, k)]
    values = lines[k:k + len(labels)]
    if len(values) < len(labels) or any((hits[k + j] and hits[k + j][0].start == v.start)
                                        or _LIST_START.match(v.text) for j, v in enumerate(values)):
        return [], k - i
    pairs = [_pair(text, hit, v.start, v.end, "column") for hit, v in zip(labels, values)]
    return [p for p in pairs if p], k - i + len(values)


def _row(text: str, labels: list[_Hit], values: Line) -> list[LabelValue]:
    cells = _cells_by_gaps(text, values)
    if len(cells) != len(labels):
        cells = _cells_by_shape(text, labels, values)
    if cells is None:
        pairs = [_pair(text, hit, values.start, values.end, "row", shared=True) for hit in labels]
    else:
        pairs = [_pair(text, hit, s, e, "row") for hit, (s, e) in zip(labels, cells)]
    return [p for p in pairs if p]


def _cells_by_gaps(text: str, values: Line) -> list[tuple[int, int]]:
    cuts = [values.start]
    for m in _VALUE_GAP.finditer(text, values.start, values.end):
        cuts += [m.start(), m.end()]
    cuts.append(values.end)
    return [(cuts[j], cuts[j + 1]) for j in range(0, len(cuts), 2)]


def _cells_by_shape(text: str, labels: list[_Hit], values: Line) -> list[tuple[int, int]] | None:
    """Cut a value row where values of known shape (dates, case numbers) begin and end.

    Each label with a value shape takes the match at the current position; a
    label without one takes the text up to the next shaped value (or the end).
    """
    cells: list[tuple[int, int]] = []
    pos = values.start
    for k, hit in enumerate(labels):
        while pos < values.end and text[pos].isspace():
            pos += 1
        shape = VALUE_SHAPES.get(hit.word.key)
        if shape:
            m = shape.match(text, pos, values.end)
            if not m:
                return None
            cells.append((m.start(), m.end()))
            pos = m.end()
            continue
        stop = values.end
        if k + 1 < len(labels):
            nxt = VALUE_SHAPES.get(labels[k + 1].word.key)
            m = nxt.search(text, pos, values.end) if nxt else None
            if not m or m.start() == pos:
                return None
            stop = m.start()
        cells.append((pos, stop))
        pos = stop
    return cells if pos >= values.end or not text[pos:values.end].strip() else None
