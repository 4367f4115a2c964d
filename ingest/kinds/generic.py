"""Any document of no known kind: its basic facts only.

Title, document date (told apart from meeting, start, end and adoption dates), case numbers
(its own and those it cites), municipality, document type, organisations, people with the
roles the text gives them, and dated decisions. The ingest keeps such a document and says so
with an `unknown-kind` finding.
"""
from __future__ import annotations

from styrgraf.ingest import basic_facts as bf
from styrgraf.ingest.dated_decisions import find_decisions
from styrgraf.ingest.document_text import DocumentText
from styrgraf.ingest.people import PersonMention, find_people
from styrgraf.ingest.related_documents import find_related_documents
from styrgraf.ingest.records import DocumentInfo, Finding, Organisation, Person, PlanRecords, RoleAssignment
from styrgraf.ingest.roles import ROLES

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
        other_dates=bf.other_dates(doc),
        case_numbers=bf.case_number_mentions(doc, header.dnr if header and header.dnr else (own.dnr if own else None)),
    )


def _organisations(doc: DocumentText) -> list[Organisation]:
    merged: dict[str, Organisation] = {}
    for o in doc.organisations:
        old = merged.get(o.key)
        merged[o.key] = Organisation(o.key, (old.name if old else None) or o.name, o.abbreviation,
                                     (old.evidence if old else ()) + doc.evidence(o.start, o.end))
    return sorted(merged.values(), key=lambda o: o.key)


# A role word this far before a name labels it (`Ordförande: Elin Ek`), so its evidence covers both.
_ROLE_REACH = 60


def _role_evidence(doc: DocumentText, p: PersonMention, start: int, end: int):
    return doc.evidence(start, p.end) if 0 <= p.start - end <= _ROLE_REACH else doc.evidence(p.start, p.end)


def people_and_roles(doc: DocumentText, body: str | None) -> tuple[list[Person], list[RoleAssignment]]:
    """Everyone the text names as a person, with titles and parties, and the roles written beside
    them. A meeting's roles (chair, adjusters, secretary) are held in `body` (an organisation key),
    the others in the municipality (None)."""
    people: dict[str, Person] = {}
    roles: dict[tuple[str, str], RoleAssignment] = {}
    for p in find_people(doc.body):
        ev = doc.evidence(p.start, p.end)
        if not ev:
            continue
        old = people.get(p.name) or Person(p.name)
        people[p.name] = Person(p.name, _added(old.titles, p.title), old.affiliations, old.evidence + ev,
                                _added(old.parties, p.party))
        for r in p.roles:
            if r.key not in ROLES:
                continue
            prev = roles.get((p.name, r.key))
            role_ev = _role_evidence(doc, p, r.start, r.end)
            unit = body if ROLES[r.key].scope == "meeting" else None
            roles[(p.name, r.key)] = RoleAssignment(p.name, r.key, prev.role_text if prev else r.word, None,
                                                    (prev.evidence if prev else ()) + role_ev, organisation=unit)
    return list(people.values()), list(roles.values())


def _added(values: tuple[str, ...], value: str | None) -> tuple[str, ...]:
    return values if not value or value in values else values + (value,)


def meeting_body(doc: DocumentText, organisations: list[Organisation], municipality: str | None) -> str | None:
    """The body whose meeting a document records: the first body it names that is not the
    municipality itself (`SAMMANTRÄDESPROTOKOLL Kommunstyrelsen …`)."""
    for o in _in_order(doc, organisations):
        name = (o.name or o.key).lower()
        if not (municipality and name.startswith(municipality.lower())):
            return o.key
    return None


def extract(doc: DocumentText, title_hint: str | None = None) -> PlanRecords:
    info = document_info(doc, title_hint)
    meeting = next((t.value for t in bf.find_dates_typed(doc) if t.role == "meeting"), None)
    note = Finding.of(UNKNOWN_KIND,
                      "Okänd dokumentsort: bara grundfakta lästa (titel, datum, diarienummer, kommun, typ, personer, beslut)",
                      "Unknown kind of document: only its basic facts read (title, date, case number, municipality, "
                      "type, people, decisions)",
                      info.title_evidence)
    organisations = _organisations(doc)
    people, roles = people_and_roles(doc, meeting_body(doc, organisations, info.municipality))
    return PlanRecords(document=info, decisions=find_decisions(doc, meeting or info.date),
                       organisations=organisations, people=people, roles=roles,
                       related_documents=find_related_documents(doc), findings=[note])


def _in_order(doc: DocumentText, organisations: list[Organisation]) -> list[Organisation]:
    """Organisations in the order the text first names them."""
    def first(o: Organisation) -> tuple[int, int]:
        return min(((e.page, e.start) for e in o.evidence), default=(1 << 30, 0))
    return sorted(organisations, key=first)
