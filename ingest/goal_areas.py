"""Goal areas and what they list: `Målområde 1: Trygg uppväxt`, `Fokusområde 2 – Digitala
tjänster`, `3.1 Insatsområde: Attraktiv arbetsgivare`, each with its goals (`Mål`), strategies
(`Strategier`), measures (`Åtgärder`, `Insatser`, `Aktiviteter`) and indicators (`Indikatorer`,
`Nyckeltal`, `Mätetal`, `Mått`), as bulleted or numbered lists or one sentence after a colon;
indicators also as a flattened table (`Mätetal Utgångsvärde Målvärde` and its rows).

The page text has its line breaks joined, so a heading's title runs into the prose after it.
Swedish headings are written in sentence case: the title is its first word and the lower-case
words after it, up to the next capitalised word, list label or full stop.
"""
from __future__ import annotations

import re

from styrgraf.ingest.document_text import DocumentText
from styrgraf.ingest.layout.lexicon import HEADING_WORDS
from styrgraf.ingest.lists import Item, bullet_items, letter_number, numbered_items
from styrgraf.ingest.records import GoalArea, StrategyItems, TextFact
from styrgraf.ingest.sentences import first_sentence_end, trim

_AREA_WORDS = r"Målområde|Fokusområde|Insatsområde|Strategiområde|Utvecklingsområde|Prioriterat område"
_AREA = re.compile(
    rf"(?<![\wåäö-])(?P<word>{_AREA_WORDS})(?:\s+(?P<n>\d{{1,2}}|[A-H])(?![\wåäö.]))?\s*(?P<sep>[:.–-])?\s+(?=[A-ZÅÄÖ])")
# The lists an area holds; a label counts before a colon or a list marker, not in prose.
_LISTS = (
    ("goals", r"Mål|Målen|Delmål|Effektmål|Strategiska mål|Långsiktiga mål"),
    ("strategies", r"Strategier|Strategi|Arbetssätt|Vägval"),
    ("measures", r"Åtgärder|Insatser|Aktiviteter|Åtgärd"),
    ("indicators", r"Indikatorer|Indikator|Nyckeltal|Mätetal|Mått|Uppföljningsmått"),
)
_LIST_LABEL = re.compile(
    r"(?<![\wåäö-])(?:(?P<goals>" + _LISTS[0][1] + r")|(?P<strategies>" + _LISTS[1][1] + r")|(?P<measures>"
    + _LISTS[2][1] + r")|(?P<indicators>" + _LISTS[3][1] + r"))(?![\wåäö])\s*(?::\s*|(?=[-–•]\s|\d{1,2}[.)]\s))")
# Sections after the last area that are none of its lists.
_CLOSING = re.compile(r"(?<![\wåäö-])(?:\d{1,2}(?:\.\d{1,2})?\.?\s+)?(?:Uppföljning(?:\s+och\s+\w+)?|Revisionshistorik"
                      r"|Versionshistorik|Ändringshistorik|Dokumenthistorik|Genomförande|Ansvarsfördelning|Referenser"
                      r"|Bilagor|Relaterade dokument)(?=\s+[A-ZÅÄÖ0-9]|\s*$)")
_TITLE_WORD = re.compile(r"\s+(?P<w>[a-zåäö][\wåäöé-]*|och|–|-|&)(?=\s|$|[.:,])")
_MAX_TITLE_WORDS = 10


def _title(text: str, start: int, end: int) -> tuple[int, int]:
    m = re.compile(r"[A-ZÅÄÖ][\wåäöé-]*").match(text, start, end)
    stop = m.end() if m else start
    for _ in range(_MAX_TITLE_WORDS):
        w = _TITLE_WORD.match(text, stop, end)
        if not w or _LIST_LABEL.match(text, w.start("w"), end):
            break
        stop = w.end()
    return start, stop


# What ends a list before its region does: a numbered section heading (`4. Uppföljning`).
_NUMBERED_HEADING = re.compile(r"\s\d{1,2}(?:\.\d{1,2})*\.?\s+(?=[A-ZÅÄÖ])")


def _section_start(text: str, start: int, end: int) -> int | None:
    for m in _NUMBERED_HEADING.finditer(text, start, end):
        rest = text[m.end():m.end() + 40].lower()
        if any(rest.startswith(w) and not rest[len(w):len(w) + 1].isalpha() for w in HEADING_WORDS):
            return m.start()
    return None


def _items(doc: DocumentText, start: int, end: int) -> tuple[TextFact, ...]:
    text = doc.body
    closing = _CLOSING.search(text, start, end)
    end = min(x for x in (end, _section_start(text, start, end), closing.start() if closing else None) if x is not None)
    for found in (bullet_items(text, start, end), numbered_items(text, start, end, first=1)):
        items: list[Item] = [it for it in found]
        if items and not text[start:items[0].start].strip(" :"):
            return tuple(_fact(doc, it.start, it.text_start, it.end) for it in items)
    stop = first_sentence_end(text, start, end)
    return (_fact(doc, start, start, stop),) if text[start:stop].strip() else ()


def _fact(doc: DocumentText, marker: int, start: int, end: int) -> TextFact:
    s, e = trim(doc.body, start, end, " ,;.")
    return TextFact(doc.body[s:e], doc.evidence(marker, e))


# An indicator table, flattened: `Indikator Utgångsvärde Målvärde` and rows of a name and two
# values (`Andel trygga elever 72 % 85 %`); a value is a number, a percentage or a dash.
_INDICATOR_TABLE = re.compile(
    r"(?<![\wåäö-])(?:Indikator|Nyckeltal|Mått|Mätetal)\s+(?:Utgångsvärde|Utfall|Nuläge|Basvärde)(?:\s+\d{4})?"
    r"\s+(?:Målvärde|Mål)(?:\s+\d{4})?(?=\s)")
_VALUE = r"(?:\d{1,6}(?:[,.]\d{1,2})?\s?%?|-|–)"
_INDICATOR_ROW = re.compile(rf"\s+(?P<name>[A-ZÅÄÖ][^%|]*?)\s+{_VALUE}\s+{_VALUE}(?=\s|$)")


# A name cell that wrapped: its second line comes after the row's values, in lower case.
_CONTINUATION = re.compile(r"\s+(?P<cont>[a-zåäö][\wåäö-]*(?:\s+[a-zåäö][\wåäö-]*){0,5})(?=\s+[A-ZÅÄÖ0-9]|\s*$)")


def _indicator_rows(doc: DocumentText, start: int, end: int) -> tuple[TextFact, ...]:
    out = []
    pos = start
    text = doc.body
    while (row := _INDICATOR_ROW.match(text, pos, end)) is not None:
        ns, ne = trim(text, row.start("name"), row.end("name"), " ,;.")
        cont = _CONTINUATION.match(text, row.end(), end)
        if cont:
            cs, ce = cont.span("cont")
            out.append(TextFact(f"{text[ns:ne]} {text[cs:ce]}", doc.evidence(ns, ne) + doc.evidence(cs, ce)))
            pos = ce
        else:
            out.append(TextFact(text[ns:ne], doc.evidence(ns, ne)))
            pos = row.end()
    return tuple(out)


def _lists(doc: DocumentText, start: int, end: int, keys=("goals", "strategies", "measures", "indicators")) -> StrategyItems:
    text = doc.body
    labels = list(_LIST_LABEL.finditer(text, start, end))
    found: dict[str, tuple[TextFact, ...]] = {}
    table = _INDICATOR_TABLE.search(text, start, end) if "indicators" in keys else None
    table_end = end
    if table:
        table_end = next((m.start() for m in labels if m.start() > table.end()), end)
        found["indicators"] = _indicator_rows(doc, table.end(), table_end)
        labels = [m for m in labels if not table.start() <= m.start() < table_end]
    for i, m in enumerate(labels):
        key = m.lastgroup
        stop = labels[i + 1].start() if i + 1 < len(labels) else end
        if table and m.start() < table.start() < stop:
            stop = table.start()
        if key in keys and key not in found:
            found[key] = _items(doc, m.end(), stop)
    return StrategyItems(**found)


def _number(label: str | None, ordinal: int) -> int:
    if label is None:
        return ordinal
    return int(label) if label.isdigit() else letter_number(label)


def find_goal_areas(doc: DocumentText) -> tuple[list[GoalArea], StrategyItems]:
    """The goal areas in order, and the strategies, measures and indicators listed outside them
    (a document's goals outside areas are its intentions: ingest.goals)."""
    text = doc.body
    anchors = _anchors(text)
    areas: list[GoalArea] = []
    for i, m in enumerate(anchors):
        end = anchors[i + 1].start() if i + 1 < len(anchors) else _closing(text, m.end())
        ts, te = _title(text, m.end(), end)
        if te <= ts:
            continue
        areas.append(GoalArea(
            number=_number(m.group("n"), len(areas) + 1), label=m.group("n"), word=m.group("word"),
            title=text[ts:te], items=_lists(doc, te, end), evidence=doc.evidence(m.start(), te)))
    outside = [(0, anchors[0].start())] if anchors else [(0, len(text))]
    if anchors:
        outside.append((_closing(text, anchors[-1].end()), len(text)))
    general = [_lists(doc, s, e, ("strategies", "measures", "indicators")) for s, e in outside if e > s]
    return areas, StrategyItems(
        strategies=tuple(f for g in general for f in g.strategies), measures=tuple(f for g in general for f in g.measures),
        indicators=tuple(f for g in general for f in g.indicators))


def _closing(text: str, pos: int) -> int:
    m = _CLOSING.search(text, pos)
    return m.start() if m else len(text)


def _anchors(text: str) -> list[re.Match]:
    return [m for m in _AREA.finditer(text) if m.group("n") or m.group("sep")]


def areas_start(text: str) -> int:
    """Where the first goal area begins (the end of the text when there is none)."""
    anchors = _anchors(text)
    return anchors[0].start() if anchors else len(text)
