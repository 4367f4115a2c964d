"""The labelled fields of a steering document's cover, read from its running text.

Strategies, policies, programmes and guidelines state who adopted them, when, under which
paragraph, who owns them and how long they apply in a metadata block (docs/genre.md §8). The
stored page text has its line breaks joined, so the block is read in two shapes:

- inline: `Beslutad av: Kommunfullmäktige 2016-05-24, § 45 Dokumentansvarig: Eva Lind …`, a
  value running up to the next label;
- table order: a run of labels, then their values in the same order (`Beslutad av Datum
  Paragraf Kommunstyrelsen 2019-11-04 § 203`), as a ruled cover table reads once flattened.

Each label has a reader of the shape its value takes (a body with its date and paragraph, a
date, a case number, a person or a post, `tills vidare`), so that values of a flattened table
are told apart by their shapes, not by where a cell began.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from styrgraf.ingest.dates import DATE_PATTERN
from styrgraf.ingest.doc_types import type_of_word
from styrgraf.ingest.headers import DNR_PATTERN
from styrgraf.ingest.organisations import find_organisations
from styrgraf.ingest.people import find_people

Span = tuple[int, int]

# (key, written variants). A variant that is also an ordinary word needs its colon.
_LABELS: tuple[tuple[str, tuple[str, ...], bool], ...] = (
    ("adopted_by", ("Beslutad av", "Beslutat av", "Beslutade av", "Antagen av", "Antaget av", "Antagna av",
                    "Fastställd av", "Fastställt av", "Fastställda av", "Antagen i", "Antaget i", "Antagna i",
                    "Beslutad i", "Beslutat i", "Beslutsinstans", "Beslutande organ"), False),
    ("adopted_on", ("Beslutsdatum", "Antagandedatum", "Datum för beslut", "Datum för antagande"), False),
    ("adopted_on", ("Antagen", "Antaget", "Antagna", "Fastställd", "Fastställt", "Beslutad", "Beslutat"), True),
    ("date", ("Datum",), False),
    ("paragraph", ("Paragraf", "Beslutsparagraf", "Protokollsparagraf"), False),
    ("case_number", ("Diarienummer", "Diarienr", "Diarienr.", "Dnr", "Dnr.", "Ärendenummer"), False),
    ("owner", ("Dokumentansvarig", "Dokumentägare", "Ansvarig för dokumentet", "Processägare"), False),
    ("owner", ("Ansvarig",), True),
    ("valid_from", ("Gäller från och med", "Gäller från", "Gäller fr.o.m.", "Gäller fr o m", "Gäller from",
                    "Giltig från", "Giltigt från"), False),
    ("valid_until", ("Gäller till och med", "Giltig till och med", "Giltigt till och med", "Gäller till",
                     "Giltig till", "Giltigt till", "Gäller t.o.m.", "Giltig t.o.m.", "Giltigt t.o.m.",
                     "Gäller t o m", "Gäller som längst till"), False),
    ("validity", ("Giltighetstid", "Giltighet", "Gäller"), False),
    ("doc_type", ("Dokumenttyp", "Typ av dokument"), False),
    ("version", ("Version", "Versionsnummer"), True),
    ("revise", ("Revideras senast", "Revideras", "Nästa revidering"), False),
)


def _variant(v: str) -> str:
    return r"\s+".join(re.escape(w) for w in v.split())


_BY_VARIANT = {re.sub(r"\s+", " ", v).casefold(): (key, colon) for key, vs, colon in _LABELS for v in vs}
_LABEL = re.compile(
    r"(?<![\w.])(?P<label>" + "|".join(_variant(v) for v in sorted(
        {v for _, vs, _ in _LABELS for v in vs} | {v.upper() for _, vs, _ in _LABELS for v in vs if len(v) > 1},
        key=len, reverse=True)) + r")(?P<colon>\s*:)?(?![\wåäöÅÄÖ])")

_SPACE = re.compile(r"[\s:|]*")
_TOGETHER = 3  # a label and its value parted by no more than `: `
_PARAGRAPH = re.compile(r"§\s*(?P<n>\d{1,4}(?:/\d{4})?)(?![\d/])")
# A text export loses the `§` sign: `Kommunfullmäktige 2016-05-24, 45`.
_LOST_PARAGRAPH = re.compile(r",\s*(?P<n>\d{1,3})(?![\d/.,-]|\s*(?:kr|%|år|st)\b)")
_BARE_NUMBER = re.compile(r"(?P<n>\d{1,4}(?:/\d{4})?)(?![\d/.-])")
_UNTIL_FURTHER = re.compile(r"tills\s*vidare", re.IGNORECASE)
_DOC_TYPE = re.compile(r"[A-ZÅÄÖ][\wåäö-]+")
_VERSION = re.compile(r"\d{1,3}(?:\.\d{1,3}){0,2}(?![\d.]*\d)")
_YEAR_OR_DATE = re.compile(r"(?:19|20)\d{2}(?:-\d{2}-\d{2})?(?!\d)")
# A post (`Kommundirektör`, `Administrativ chef`, `Chef, kommunledningssektorn`): a capitalised
# word, a lower-case word, a title after a comma. A person is found by name (ingest.people).
_POST = re.compile(r"[A-ZÅÄÖ][\wåäöé-]+(?:\s+[a-zåäö][\wåäöé-]+(?![\wåäö]*\s*:))?"
                   r"(?:,\s*[a-zåäö][\wåäöé-]+(?:\s+[a-zåäö][\wåäöé-]+){0,2})?")
_TITLE_AFTER = re.compile(r",\s*[a-zåäö][\wåäöé-]+(?:\s+[a-zåäö][\wåäöé-]+){0,2}")
_OWNER_REACH = 80


@dataclass(frozen=True)
class Field:
    """One labelled value: `parts` holds the spans of what the reader found (`body`, `date`,
    `paragraph`, `value`), each `text[s:e]` verbatim."""

    key: str
    label: str
    label_start: int
    value_start: int
    value_end: int
    parts: dict[str, Span]
    run: int = 0  # fields of one flattened table row share their run

    @property
    def label_end(self) -> int:
        return self.label_start + len(self.label)

    def spans(self, value: Span) -> list[Span]:
        """What quotes the field: label and value as one span where they stand together, else
        each on its own (a flattened table parts them by other labels and values)."""
        if value[0] - self.label_end <= _TOGETHER:
            return [(self.label_start, value[1])]
        return [(self.label_start, self.label_end), value]


def _skip(text: str, pos: int, limit: int) -> int:
    return min(_SPACE.match(text, pos).end(), limit)


def _match(rx: re.Pattern, name: str | None = None) -> Callable[[str, int, int], dict[str, Span] | None]:
    def read(text: str, pos: int, limit: int) -> dict[str, Span] | None:
        m = rx.match(text, pos, limit)
        if not m or m.end() == pos:
            return None
        return {"value": m.span(name) if name else m.span()}
    return read


def read_adoption_value(text: str, pos: int, limit: int) -> dict[str, Span] | None:
    """`Kommunfullmäktige 2016-05-24, § 45`, `kommunstyrelsen den 3 maj 2019 § 80`, `KF`: the body,
    then the date and the paragraph if they follow."""
    body = next((o for o in find_organisations(text, pos, min(limit, pos + 90)) if o.start == pos), None)
    if body is None:
        return None
    parts = {"body": (body.start, body.end)}
    at = body.end
    m = re.compile(r",?\s*(?:den\s+)?").match(text, at, limit)
    d = DATE_PATTERN.match(text, m.end(), limit) if m else None
    if d:
        parts["date"] = d.span()
        at = d.end()
    p = re.compile(r",?\s*").match(text, at, limit)
    para = _PARAGRAPH.match(text, p.end(), limit) if p else None
    if para:
        parts["paragraph"] = para.span("n")
    elif d:
        lost = _LOST_PARAGRAPH.match(text, at, limit)
        if lost:
            parts["paragraph"] = lost.span("n")
    return parts


def read_owner_value(text: str, pos: int, limit: int) -> dict[str, Span] | None:
    """A person with the title after the name (`Eva Lind, digitaliseringschef`), else a post."""
    stop = min(limit, pos + _OWNER_REACH)
    person = next((p for p in find_people(text[pos:stop]) if p.start == 0), None)
    if person:
        end = pos + person.end
        title = _TITLE_AFTER.match(text, end, stop)
        return {"value": (pos, title.end() if title else end), "person": (pos, end)}
    post = _POST.match(text, pos, stop)
    return {"value": post.span()} if post else None


def _read_paragraph(text: str, pos: int, limit: int) -> dict[str, Span] | None:
    m = _PARAGRAPH.match(text, pos, limit) or _BARE_NUMBER.match(text, pos, limit)
    return {"paragraph": m.span("n")} if m else None


def _read_date(text: str, pos: int, limit: int) -> dict[str, Span] | None:
    m = DATE_PATTERN.match(text, pos, limit)
    return {"date": m.span()} if m else None


def _read_validity(text: str, pos: int, limit: int) -> dict[str, Span] | None:
    m = _UNTIL_FURTHER.match(text, pos, limit)
    if m:
        return {"further": m.span()}
    d = DATE_PATTERN.match(text, pos, limit)
    if not d:
        return None
    out = {"from": d.span()}
    to = re.compile(r"\s*(?:[–-]|till(?:\s+och\s+med)?|t\.o\.m\.)\s*").match(text, d.end(), limit)
    d2 = DATE_PATTERN.match(text, to.end(), limit) if to else None
    if d2:
        out["until"] = d2.span()
    return out


def _read_until(text: str, pos: int, limit: int) -> dict[str, Span] | None:
    m = _UNTIL_FURTHER.match(text, pos, limit)
    return {"further": m.span()} if m else _read_date(text, pos, limit)


READERS: dict[str, Callable[[str, int, int], dict[str, Span] | None]] = {
    "adopted_by": read_adoption_value,
    "adopted_on": _read_date,
    "date": _read_date,
    "paragraph": _read_paragraph,
    "case_number": _match(DNR_PATTERN),
    "owner": read_owner_value,
    "valid_from": _read_date,
    "valid_until": _read_until,
    "validity": _read_validity,
    "doc_type": _match(_DOC_TYPE),
    "version": _match(_VERSION),
    "revise": _match(_YEAR_OR_DATE),
}


@dataclass(frozen=True)
class _Hit:
    key: str
    label: str
    start: int
    end: int


def _hits(text: str, start: int, end: int) -> list[_Hit]:
    out = []
    for m in _LABEL.finditer(text, start, end):
        key, needs_colon = _BY_VARIANT[re.sub(r"\s+", " ", m.group("label")).casefold()]
        if needs_colon and not m.group("colon"):
            continue
        out.append(_Hit(key, m.group("label"), m.start(), m.end()))
    return out


def _runs(text: str, hits: list[_Hit]) -> list[list[_Hit]]:
    """Labels with nothing but spaces between them: the header row of a flattened table."""
    runs: list[list[_Hit]] = []
    for h in hits:
        if runs and not text[runs[-1][-1].end:h.start].strip(" :|\t"):
            runs[-1].append(h)
        else:
            runs.append([h])
    return runs


def find_fields(text: str, start: int = 0, end: int | None = None) -> list[Field]:
    """The labelled values of `text[start:end]`, in text order; a label whose value has not the
    shape its reader expects is left out (an empty cell, a label word in prose)."""
    end = len(text) if end is None else end
    runs = _runs(text, _hits(text, start, end))
    out: list[Field] = []
    for i, run in enumerate(runs):
        limit = runs[i + 1][0].start if i + 1 < len(runs) else end
        found = _in_order(text, run, i, limit)
        if len(run) > 1 and len(found) < len(run):
            by_shape = _by_shape(text, run, i, limit)
            found = by_shape if len(by_shape) > len(found) else found
        out += found
    return out


def _in_order(text: str, run: list[_Hit], index: int, limit: int) -> list[Field]:
    """Values right after their label, or after the run in the labels' order."""
    out = []
    pos = run[-1].end
    for hit in run:
        at = _skip(text, pos, limit)
        parts = READERS[hit.key](text, at, limit)
        if not parts:
            continue
        value_end = max(e for _, e in parts.values())
        out.append(Field(hit.key, hit.label, hit.start, at, value_end, parts, index))
        pos = value_end
    return out


# Labels claim their values most specific shape first: a body, a case number, dates, and a
# document type word before the free shape of a post; the paragraph number last.
_CLAIM_ORDER = ("adopted_by", "case_number", "valid_from", "valid_until", "validity", "adopted_on", "date",
                "version", "revise", "doc_type", "owner", "paragraph")
_WORD_START = re.compile(r"(?<![\w§/.-])(?=[\wÅÄÖåäö§])")


def _by_shape(text: str, run: list[_Hit], index: int, limit: int) -> list[Field]:
    """A flattened table whose cells wrapped: the lines of a row's cells come interleaved
    (`Kommunfullmäktige 2014-04-10, § Strategi Tomas Åkesson, IT-chef 150`), so each label takes
    the first value of its shape that no other label has taken."""
    region = run[-1].end
    starts = [m.start() for m in _WORD_START.finditer(text, region, limit)]
    taken: list[Span] = []
    out = []
    for hit in sorted(run, key=lambda h: _CLAIM_ORDER.index(h.key)):
        for at in starts:
            if any(a <= at < b for a, b in taken):
                continue
            parts = READERS[hit.key](text, at, limit)
            if not parts or any(a < e and s < b for s, e in parts.values() for a, b in taken):
                continue
            if hit.key == "doc_type" and not type_of_word(text[slice(*parts["value"])]):
                continue
            if hit.key == "paragraph" or (hit.key == "adopted_by" and "paragraph" not in parts):
                parts = _dangling_paragraph(text, parts, starts, taken, limit)
            taken += list(parts.values())
            out.append(Field(hit.key, hit.label, hit.start, at, max(e for _, e in parts.values()), parts, index))
            break
    return sorted(out, key=lambda f: f.label_start)


def _dangling_paragraph(text: str, parts: dict[str, Span], starts: list[int], taken: list[Span],
                        limit: int) -> dict[str, Span]:
    """An adoption whose `§` lost its number to the next line of the cell: the first free number."""
    if "date" not in parts or not re.compile(r",?\s*§").match(text, parts["date"][1], limit):
        return parts
    claimed = taken + list(parts.values())
    for at in starts:
        m = _BARE_NUMBER.match(text, at, limit)
        if m and at > parts["date"][1] and not any(a <= at < b for a, b in claimed):
            return {**parts, "paragraph": m.span("n")}
    return parts
