"""The revision history of a steering document: a table `Version | Datum | Ändring` (also
`Utgåva`, `Revision`; `Kommentar`, `Beskrivning`, `Beslut`), flattened to its rows in running
text: `1.0 2016-05-24 Antagen av kommunfullmäktige 1.1 2018-03-12 Indikatorerna justerade`."""
from __future__ import annotations

import re

from styrgraf.ingest.dates import DATE_PATTERN, find_dates
from styrgraf.ingest.document_text import DocumentText
from styrgraf.ingest.records import Revision
from styrgraf.ingest.sentences import first_sentence_end

_HEADER = re.compile(
    r"(?<![\wåäö])(?:Version|Versionsnummer|Utgåva|Revision)\s*\|?\s*Datum\s*\|?\s*"
    r"(?:Ändring(?:ar)?|Kommentar|Beskrivning(?:\s+av\s+ändring(?:en)?)?|Förändring|Beslut|Händelse)"
    r"(?:\s*\|?\s*(?:Beslutad\s+av|Utförd\s+av|Ansvarig|Diarienr|Dnr|Beslutsinstans))*")
_ROW = re.compile(rf"\s*\|?\s*(?P<ver>\d{{1,2}}(?:\.\d{{1,2}}){{0,2}})\s*\|?\s+(?P<when>{DATE_PATTERN.pattern})\s*\|?\s*")
# What ends the last row: a numbered heading (`2. Inledning`) or a heading word.
_STOP = re.compile(r"\s(?:\d{1,2}(?:\.\d{1,2})?\.?\s+[A-ZÅÄÖ][a-zåäö]|Inledning|Innehåll|Bakgrund|Syfte)")
_LONGEST_CHANGE = 160


def find_revisions(doc: DocumentText) -> list[Revision]:
    text = doc.body
    head = _HEADER.search(text)
    if not head:
        return []
    out: list[Revision] = []
    pos = head.end()
    while True:
        row = _ROW.match(text, pos)
        if not row:
            break
        cs = row.end()
        nxt = _ROW.search(text, cs, cs + _LONGEST_CHANGE + 40)
        stop = nxt.start() if nxt and _ROW.match(text, nxt.start()) and _is_row(text, nxt.start()) else None
        if stop is None:
            stops = [m.start() for m in [_STOP.search(text, cs, cs + _LONGEST_CHANGE)] if m]
            stop = min(stops + [first_sentence_end(text, cs, min(len(text), cs + _LONGEST_CHANGE))])
        ce = stop
        while ce > cs and text[ce - 1] in " |.,;":
            ce -= 1
        date = find_dates(row.group("when"))[0].value
        out.append(Revision(row.group("ver"), date, text[cs:ce] or None, doc.evidence(row.start("ver"), max(ce, row.end("when")))))
        pos = stop
    return out


def _is_row(text: str, pos: int) -> bool:
    m = _ROW.match(text, pos)
    return bool(m and DATE_PATTERN.fullmatch(m.group("when")))
