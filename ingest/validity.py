"""How long a steering document applies: `Gäller från`, `Gäller till`, `Giltig till`,
`Gäller t.o.m.`, `Giltighetstid: 2021-01-01 – 2024-12-31`, `Gäller: Tills vidare`, or in prose
(`gäller till och med 2024-12-31`, `att gälla tills vidare`).

These are the document's validity, typed as such (sg:validFrom, sg:validUntil), never a
project's start or end.
"""
from __future__ import annotations

import re

from styrgraf.ingest.cover_fields import find_fields
from styrgraf.ingest.dates import DATE_PATTERN, find_dates
from styrgraf.ingest.document_text import DocumentText
from styrgraf.ingest.records import DatedFact, TextFact, Validity

_PROSE_FROM = re.compile(rf"gäller\s+(?:från\s+och\s+med|fr\.\s?o\.\s?m\.|från)\s+(?:den\s+)?(?P<when>{DATE_PATTERN.pattern})",
                         re.IGNORECASE)
_PROSE_UNTIL = re.compile(rf"gäller\s+(?:till\s+och\s+med|t\.\s?o\.\s?m\.|till|som\s+längst\s+till)\s+(?:den\s+)?"
                          rf"(?P<when>{DATE_PATTERN.pattern})", re.IGNORECASE)
_PROSE_FURTHER = re.compile(r"(?:gäller|gälla)\s+(?P<when>tills\s*vidare)", re.IGNORECASE)


def _dated(doc: DocumentText, role: str, span: tuple[int, int]) -> DatedFact | None:
    found = find_dates(doc.body[span[0]:span[1]])
    return DatedFact(role, found[0].value, doc.evidence(*span)) if found else None


def find_validity(doc: DocumentText) -> Validity:
    text = doc.body
    spans: dict[str, tuple[int, int]] = {}
    for f in find_fields(text):
        if f.key == "valid_from":
            spans.setdefault("from", f.parts["date"])
        elif f.key in ("valid_until", "validity"):
            for part in ("from", "until", "further", "date"):
                if part in f.parts:
                    spans.setdefault("until" if part == "date" else part, f.parts[part])
    for name, rx in (("from", _PROSE_FROM), ("until", _PROSE_UNTIL), ("further", _PROSE_FURTHER)):
        if name not in spans:
            m = rx.search(text)
            if m:
                spans[name] = m.span("when")
    further = spans.get("further")
    return Validity(
        valid_from=_dated(doc, "valid_from", spans["from"]) if "from" in spans else None,
        valid_until=_dated(doc, "valid_until", spans["until"]) if "until" in spans else None,
        until_further_notice=TextFact(text[further[0]:further[1]], doc.evidence(*further))
        if further and "until" not in spans else None,
    )
