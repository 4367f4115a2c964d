"""Any document of no known kind: its basic facts only.

Title, document date (told apart from meeting, start, end and adoption dates), case numbers
(its own and those it cites), municipality, document type, organisations and dated
decisions. The ingest keeps such a document and says so with an `unknown-kind` finding.
"""
from __future__ import annotations

from styrgraf.ingest import basic_facts as bf
from styrgraf.ingest.dated_decisions import find_decisions
from styrgraf.ingest.document_text import DocumentText
from styrgraf.ingest.organisations import find_organisations
from styrgraf.ingest.records import DocumentInfo, Finding, Organisation, PlanRecords

KEY = "dokument"
UNKNOWN_KIND = "unknown-kind"


def score(doc: DocumentText) -> float:
    """Never chosen over a kind that fits: the pipeline falls back to it."""
    return 0.0


def document_info(doc: DocumentText, title_hint: str | None) -> DocumentInfo:
    title = bf.find_title(doc, title_hint)
    typed = bf.find_dates_typed(doc)
    date = bf.document_date(doc, typed)
    own = bf.own_case_number(doc)
    header = doc.headers.get(doc.segments[0].page)
    muni = bf.find_municipality(doc)
    muni_name, muni_ev = (muni.text, doc.evidence(muni.start, muni.end)) if muni else (bf.letterhead_municipality(doc) or (None, ()))
    date_value, date_ev = (date.value, doc.evidence(date.start, date.end)) if date else (bf.header_date(doc) or (None, ()))
    title_text = title.text if title else (title_hint or "").strip()
    return DocumentInfo(
        title=title_text, doc_type=bf.document_type(doc, title_text), date=date_value,
        identifier=header.dnr if header and header.dnr else (own.dnr if own else None), municipality=muni_name,
        signatory=None, signatory_title=None, page_count=len(doc.pages),
        title_evidence=doc.evidence(title.start, title.end) if title else (),
        date_evidence=date_ev,
        identifier_evidence=(doc.header_evidence(doc.segments[0].page, header.dnr) if header and header.dnr
                             else doc.evidence(own.start, own.end) if own else ()),
        municipality_evidence=muni_ev,
    )


def _organisations(doc: DocumentText) -> list[Organisation]:
    merged: dict[str, Organisation] = {}
    for o in find_organisations(doc.body):
        old = merged.get(o.key)
        merged[o.key] = Organisation(o.key, (old.name if old else None) or o.name, o.abbreviation,
                                     (old.evidence if old else ()) + doc.evidence(o.start, o.end))
    return sorted(merged.values(), key=lambda o: o.key)


def extract(doc: DocumentText, title_hint: str | None = None) -> PlanRecords:
    info = document_info(doc, title_hint)
    meeting = next((t.value for t in bf.find_dates_typed(doc) if t.role == "meeting"), None)
    note = Finding("warning", UNKNOWN_KIND,
                   "Okänd dokumentsort: bara grundfakta lästa (titel, datum, diarienummer, kommun, typ, beslut)",
                   info.title_evidence)
    return PlanRecords(document=info, decisions=find_decisions(doc, meeting or info.date),
                       organisations=_organisations(doc), findings=[note])
