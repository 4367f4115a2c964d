"""Who adopted a strategy, policy or programme, when, and under which paragraph of their minutes.

Read from the cover's labelled fields (`Antagen av kommunfullmäktige 2016-05-24, § 45`,
`Beslutad av: Kommunstyrelsen`, a flattened cover table `Beslutad av | Datum | Paragraf`), or
from the prose (`Strategin antogs av kommunfullmäktige den 14 juni 2018, § 62`). The adoption
is linked to the dated decision (ingest.dated_decisions) of the same body and date.
"""
from __future__ import annotations

import re

from styrgraf.ingest.cover_fields import Field, find_fields, read_adoption_value
from styrgraf.ingest.dates import find_dates
from styrgraf.ingest.document_text import DocumentText
from styrgraf.ingest.organisations import find_organisations
from styrgraf.ingest.records import Adoption, Decision

_PROSE = re.compile(r"(?<![\wåäö])(?:antogs|antagits|fastställdes|fastställts|beslutades|beslutats)\s+av\s+",
                    re.IGNORECASE)


def _from_prose(text: str) -> dict | None:
    for m in _PROSE.finditer(text):
        parts = read_adoption_value(text, m.end(), min(len(text), m.end() + 120))
        if parts and "date" in parts:
            return {**parts, "start": m.start()}
    return None


def _same_run_date(fields: list[Field], adopted: Field) -> dict:
    """In a flattened table the date and paragraph may be cells of their own (`Datum`, `Paragraf`)."""
    out = {}
    for f in fields:
        if f.run != adopted.run or f is adopted:
            continue
        if f.key in ("adopted_on", "date") and "date" not in adopted.parts:
            out.setdefault("date", f.parts["date"])
        if f.key == "paragraph" and "paragraph" not in adopted.parts:
            out.setdefault("paragraph", f.parts["paragraph"])
    return out


# A date and paragraph this close after the body belong to its note (`Kommunfullmäktige 2016-05-24, § 45`).
_NOTE_REACH = 40


def find_adoption(doc: DocumentText, decisions: list[Decision]) -> Adoption | None:
    text = doc.body
    fields = find_fields(text)
    adopted = next((f for f in fields if f.key == "adopted_by"), None)
    if adopted:
        parts = {**adopted.parts, **_same_run_date(fields, adopted)}
        if "date" not in parts:
            on = next((f for f in fields if f.key == "adopted_on"), None)
            if on:
                parts["date"] = on.parts["date"]
        bs, be = parts["body"]
        end = max(e for _, e in parts.values())
        spans = adopted.spans((bs, end if end - be <= _NOTE_REACH else be))
    else:
        prose = _from_prose(text)
        if not prose:
            return None
        start = prose.pop("start")
        parts = prose
        spans = [(start, max(e for _, e in parts.values()))]
    return _adoption(doc, parts, spans, decisions)


def _adoption(doc: DocumentText, parts: dict, spans: list[tuple[int, int]], decisions: list[Decision]) -> Adoption:
    text = doc.body
    bs, be = parts["body"]
    body = next((o for o in find_organisations(text, bs, be + 1) if o.start == bs), None)
    date = find_dates(text[slice(*parts["date"])])[0].value if "date" in parts else None
    para = text[slice(*parts["paragraph"])] if "paragraph" in parts else None
    key = body.key if body else None
    decision = next((d.key for d in decisions
                     if d.body == key and d.date and date and d.date.iso == date.iso), None)
    return Adoption(
        body=key, body_text=text[bs:be], date=date, paragraph=para, decision=decision,
        evidence=tuple(ev for span in spans for ev in doc.evidence(*span)),
        date_evidence=doc.evidence(*parts["date"]) if "date" in parts else (),
        paragraph_evidence=doc.evidence(*parts["paragraph"]) if "paragraph" in parts else (),
    )
