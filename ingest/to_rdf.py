"""The one step from extracted records to RDF.

Each document becomes one named graph: the union of what each of its files
(renditions: a text export, a PDF) contributed, kept per rendition beside the
graph so that replacing one file leaves the others' contributions in place
(`document_provenance`). Every entity and every
qualified relation (coverage, membership, consideration) gets evidence as a
Web Annotation: an `sg:Evidence` whose body is the entity and whose target is
a text quote and a text position on a stored page. No blank nodes are used:
every node has a deterministic IRI, so that exports are stable and diffable.
"""
from __future__ import annotations

import base64
import re
import zlib
from dataclasses import dataclass
from itertools import islice
from datetime import datetime
from typing import Iterable, Iterator, Sequence

from rdflib import Graph, Literal, URIRef

from styrgraf.ontology.terms import (
    DATE_ROLE_PROPERTIES, DCTERMS, FOAF, OA, ORG, PROV, RDF, RDFS, SG, SKOS, TIME, XSD, decision_kind_concept,
    doctype_concept, role_concept,
)

from styrgraf.ingest.identity import Minter
from styrgraf.ingest.pages import Page
from styrgraf.ingest.rdf_bulk import collector_paused, graph_of, integer_literal, minted_iri, plain_literal
from styrgraf.ingest.rdf_meetings import write_meeting
from styrgraf.ingest.rdf_strategies import write_strategy
from styrgraf.ingest.records import DateValue, Evidences, PlanRecords

Triple = tuple  # (subject, predicate, object): rdflib terms

REFERENCE_CLASSES = {
    "investigation": SG.Investigation,
    "project": SG.ReferencedProject,
    "process": SG.Process,
    "plan": SG.Plan,
    "decision": SG.ReferencedDecision,
    "other": SG.ReferencedWork,
}


@dataclass(frozen=True)
class SourceMeta:
    file_name: str
    sha256: str
    size: int
    media_type: str


# Evidence is most of a document's triples: its terms are made once, not once per evidence.
_EVIDENCE, _ANNOTATION, _SPECIFIC, _QUOTE, _POSITION = (
    SG.Evidence, OA.Annotation, OA.SpecificResource, OA.TextQuoteSelector, OA.TextPositionSelector)
_TYPE, _MOTIVATED, _IDENTIFYING, _BODY, _PROPERTY, _TARGET, _SOURCE, _SELECTOR, _EXACT, _START, _END = (
    RDF.type, OA.motivatedBy, OA.identifying, OA.hasBody, SG.property, OA.hasTarget, OA.hasSource,
    OA.hasSelector, OA.exact, OA.start, OA.end)


class _Writer:
    """Collects triples as term tuples: a store or a graph takes them all at once (`rdf_bulk.graph_of`),
    instead of one store write per triple and a copy of the whole contribution into the graph."""

    def __init__(self, minter: Minter):
        self.m = minter
        self.triples: list[Triple] = []
        self.pages: dict[int, URIRef] = {}
        self._integers: dict[int, Literal] = {}

    def add(self, s, p, o) -> None:
        if o is None:
            return
        kind = type(o)  # `isinstance` against rdflib's terms (ABCs) is slow: the exact types first
        if kind is not URIRef and kind is not Literal and not isinstance(o, (URIRef, Literal)):
            o = plain_literal(o) if kind is str else integer_literal(o) if kind is int else Literal(o)
        self.triples.append((s if type(s) is URIRef else minted_iri(s), p, o))

    def label(self, s, p, text: str | None, lang: str | None = "sv") -> None:
        if text:
            self.add(s, p, Literal(text, lang=lang))

    def integer(self, n: int) -> Literal:
        """An xsd:integer literal; offsets repeat across evidence, so each is made once."""
        lit = self._integers.get(n)
        if lit is None:
            lit = self._integers[n] = integer_literal(n)
        return lit

    def evidence(self, entity, evidence: Evidences, prop=None) -> None:
        out = self.triples.append
        body = entity if type(entity) is URIRef else minted_iri(entity)
        for ev in evidence:
            page = self.pages.get(ev.page)
            if page is None:
                continue
            iri = self.m.node("evidence", entity, prop or "", ev.page, ev.start, ev.end)
            ann, target, quote, pos = (minted_iri(iri), minted_iri(iri + "-target"), minted_iri(iri + "-quote"),
                                       minted_iri(iri + "-position"))
            out((ann, _TYPE, _EVIDENCE))
            out((ann, _TYPE, _ANNOTATION))
            out((ann, _MOTIVATED, _IDENTIFYING))
            out((ann, _BODY, body))
            if prop is not None:
                out((ann, _PROPERTY, prop))
            out((ann, _TARGET, target))
            out((target, _TYPE, _SPECIFIC))
            out((target, _SOURCE, page))
            out((target, _SELECTOR, quote))
            out((target, _SELECTOR, pos))
            out((quote, _TYPE, _QUOTE))
            out((quote, _EXACT, plain_literal(ev.quote)))
            out((pos, _TYPE, _POSITION))
            out((pos, _START, self.integer(ev.start)))
            out((pos, _END, self.integer(ev.end)))

    def date(self, s, value: DateValue | None, prop=DCTERMS.date) -> None:
        """A date: typed when valid, and always its text as written."""
        if value is None:
            return
        self.add(s, SG.dateText, Literal(value.text))
        self.add(s, SG.dateValid, Literal(value.valid))
        if value.year_inferred:
            self.add(s, SG.yearInferred, Literal(True))
        if value.valid and value.iso:
            dtype = XSD.date if value.precision == "day" else XSD.gYearMonth
            self.add(s, prop, Literal(value.iso, datatype=dtype))


def records_to_triples(
    records: PlanRecords,
    pages: list[Page],
    preamble: Page | None,
    source: SourceMeta,
    *,
    ingested_at: datetime,
    extractor_version: str,
    renditions: tuple[SourceMeta, ...] = (),
    minter: Minter | None = None,
) -> tuple[str, list[Triple]]:
    """The named graph IRI and the triples of one extracted document read from `source` (a triple
    may come twice: a graph or a store keeps it once).

    `renditions` are other files of the document, listed by their metadata only.
    """
    m = minter or Minter(records.document)
    with collector_paused():  # terms, triples and rows: many objects, no cycles
        content = content_triples(records, pages, preamble, minter=m)
        this = Rendition(source, extractor_version, ingested_at.isoformat(), content)
        others = tuple(Rendition(r) for r in renditions if r.sha256 != source.sha256)
        provenance = document_provenance(m, (this,) + others, used=source, written_at=ingested_at,
                                         extractor_version=extractor_version)
        return m.graph(), content + provenance


def _role_unit(r, project, subs: dict, orgs: dict, muni):
    """Where a role is held: its subproject, the project, or outside a project the organisation
    named for it (a meeting's body) or else the document's municipality."""
    if r.subproject is not None and r.subproject in subs:
        return subs[r.subproject]
    if project is not None and r.organisation is None:
        return project
    return orgs.get(r.organisation) or muni


def _other_dates_and_cases(w: "_Writer", doc, info) -> None:
    """Dates typed by what they are (meeting, start, end, adoption) and the case numbers besides the own one."""
    for d in info.other_dates:
        prop = DATE_ROLE_PROPERTIES[d.role]
        if d.value.valid and d.value.iso:
            dtype = XSD.date if d.value.precision == "day" else XSD.gYearMonth
            w.add(doc, prop, Literal(d.value.iso, datatype=dtype))
            w.evidence(doc, d.evidence, prop)
    for c in info.case_numbers:
        prop = SG.caseNumber if c.own else SG.citesCaseNumber
        w.add(doc, prop, Literal(c.dnr))
        w.evidence(doc, c.evidence, prop)


def content_triples(records: PlanRecords, pages: list[Page], preamble: Page | None, *,
                    minter: Minter | None = None) -> list[Triple]:
    """What one file contributes to its document's graph: pages, entities, relations, evidence.

    No provenance and no time: the same file read by the same extractor gives the same triples,
    so the contribution can be kept beside the graph and compared (`encode_content`).
    """
    with collector_paused():
        return _content_triples(records, pages, preamble, minter or Minter(records.document))


def records_to_content(records: PlanRecords, pages: list[Page], preamble: Page | None, *,
                       minter: Minter | None = None) -> Graph:
    """`content_triples` as an rdflib graph."""
    return graph_of(content_triples(records, pages, preamble, minter=minter))


def _content_triples(records: PlanRecords, pages: list[Page], preamble: Page | None, m: Minter) -> list[Triple]:
    info = records.document
    w = _Writer(m)
    doc = URIRef(m.document())

    # Pages: the stored, normalised text that evidence points into.
    for page in ([preamble] if preamble else []) + pages:
        p = URIRef(m.local("page", page.number))
        w.pages[page.number] = p
        w.add(p, RDF.type, SG.Page)
        w.add(p, DCTERMS.isPartOf, doc)
        w.add(p, SG.pageNumber, Literal(page.number))
        w.add(p, RDF.value, Literal(page.text))
        w.add(doc, SG.hasPage, p)

    # The document.
    w.add(doc, RDF.type, SG.Document)
    w.add(doc, RDF.type, FOAF.Document)
    w.add(doc, DCTERMS.type, doctype_concept(info.doc_type))
    w.label(doc, DCTERMS.title, info.title)
    w.evidence(doc, info.title_evidence, DCTERMS.title)
    w.date(doc, info.date)
    w.evidence(doc, info.date_evidence, DCTERMS.date)
    w.add(doc, DCTERMS.identifier, info.identifier)
    w.evidence(doc, info.identifier_evidence, DCTERMS.identifier)
    _other_dates_and_cases(w, doc, info)
    w.add(doc, SG.pageCount, Literal(info.page_count))
    if (series := m.series()) is not None:  # the versions of this document meet here (`graph.versions`)
        w.add(doc, DCTERMS.isVersionOf, URIRef(series))
        w.add(URIRef(series), RDF.type, SG.VersionSeries)
        w.add(URIRef(series), DCTERMS.identifier, info.identifier)
    muni = None
    if info.municipality:
        muni = URIRef(m.shared("org", info.municipality + " kommun"))
        w.add(muni, RDF.type, ORG.Organization)
        w.add(muni, RDF.type, SG.Municipality)
        w.label(muni, SKOS.prefLabel, info.municipality)
        w.add(doc, SG.municipality, muni)
        w.evidence(doc, info.municipality_evidence, SG.municipality)

    people = {p.name: URIRef(m.shared("person", p.name)) for p in records.people}
    orgs = {o.key: URIRef(m.shared("org", o.key)) for o in records.organisations}
    for p in records.people:
        s = people[p.name]
        w.add(s, RDF.type, FOAF.Person)
        w.add(s, FOAF.name, Literal(p.name))
        for t in p.titles:
            w.add(s, SG.jobTitle, Literal(t))
        for party in p.parties:
            w.add(s, SG.party, Literal(party))
        for a in p.affiliations:
            if a in orgs:
                w.add(s, ORG.memberOf, orgs[a])
        w.evidence(s, p.evidence)
    for o in records.organisations:
        s = orgs[o.key]
        w.add(s, RDF.type, ORG.Organization)
        w.label(s, SKOS.prefLabel, o.name or o.key)
        if o.abbreviation:
            w.add(s, SKOS.altLabel, Literal(o.abbreviation))
            w.add(s, SG.abbreviation, Literal(o.abbreviation))
        w.evidence(s, o.evidence)
    if info.signatory and info.signatory in people:
        w.add(doc, SG.signatory, people[info.signatory])
        w.add(doc, SG.signatoryTitle, info.signatory_title)
        w.evidence(doc, info.signatory_evidence, SG.signatory)

    # Project and subprojects.
    project = URIRef(m.local("project"))
    if records.project:
        w.add(project, RDF.type, SG.Project)
        w.label(project, DCTERMS.title, records.project.title)
        w.add(project, DCTERMS.source, doc)
        w.add(project, PROV.wasDerivedFrom, doc)
        if records.project.owner in people:
            w.add(project, SG.owner, people[records.project.owner])
        w.evidence(project, records.project.evidence)
    subs = {sp.number: URIRef(m.local("subproject", sp.number)) for sp in records.subprojects}
    appendices = {a.number: URIRef(m.local("appendix", a.number)) for a in records.appendices}
    for a in records.appendices:
        s = appendices[a.number]
        w.add(s, RDF.type, SG.Appendix)
        w.add(s, SG.number, Literal(a.number))
        w.add(s, DCTERMS.isPartOf, doc)
        w.add(doc, DCTERMS.hasPart, s)
        w.label(s, DCTERMS.title, a.title)
        w.date(s, a.date)
        w.evidence(s, a.evidence)
    for sp in records.subprojects:
        s = subs[sp.number]
        w.add(s, RDF.type, SG.Subproject)
        w.add(s, SG.number, Literal(sp.number))
        w.label(s, DCTERMS.title, sp.title)
        w.add(s, DCTERMS.source, doc)
        if records.project:
            w.add(s, ORG.subOrganizationOf, project)
            w.add(project, SG.hasSubproject, s)
        if sp.appendix in appendices:
            w.add(s, SG.appendix, appendices[sp.appendix])
        w.evidence(s, sp.evidence)
        for prop, fact in ((SG.purpose, sp.purpose), (SG.budget, sp.budget), (SG.reporting, sp.reporting)):
            if fact:
                w.label(s, prop, fact.text)
                w.evidence(s, fact.evidence, prop)
        for cls, prop, facts in ((SG.ScopeLimit, SG.scopeLimit, sp.scope_limits), (SG.MethodStep, SG.methodStep, sp.method_steps)):
            for i, fact in enumerate(facts, 1):
                n = URIRef(m.local(prop.split("#")[-1].lower(), sp.number, i))
                w.add(s, prop, n)
                w.add(n, RDF.type, cls)
                w.add(n, SG.order, Literal(i))
                w.label(n, RDF.value, fact.text)
                w.evidence(n, fact.evidence)

    # Decisions.
    decisions = {d.key: URIRef(m.local("decision", d.key)) for d in records.decisions}
    for d in records.decisions:
        s = decisions[d.key]
        w.add(s, RDF.type, SG.Decision)
        w.add(s, RDF.type, PROV.Activity)
        w.add(s, SG.decisionKind, decision_kind_concept(d.kind))
        w.date(s, d.date)
        if d.body in orgs:
            w.add(s, PROV.wasAssociatedWith, orgs[d.body])
        elif d.kind == "plan" and info.signatory in people:
            w.add(s, PROV.wasAssociatedWith, people[info.signatory])
        w.add(s, DCTERMS.identifier, d.identifier)
        w.label(s, DCTERMS.description, d.text)
        w.add(s, DCTERMS.source, doc)
        for prior in d.builds_on:
            if prior in decisions:
                w.add(s, SG.buildsOn, decisions[prior])
        if d.kind == "plan" and records.project:
            w.add(s, PROV.generated, project)
            w.add(project, PROV.wasGeneratedBy, s)
        w.evidence(s, d.evidence)
        for pt in d.points:
            n = URIRef(m.local("decisionpoint", d.key, pt.number))
            w.add(s, SG.hasPoint, n)
            w.add(n, RDF.type, SG.DecisionPoint)
            w.add(n, SG.number, Literal(pt.number))
            w.label(n, RDF.value, pt.text)
            w.evidence(n, pt.evidence)

    # Intentions as numbered SKOS concepts, and which subprojects address them.
    scheme = URIRef(m.local("intentions"))
    if records.intentions:
        w.add(scheme, RDF.type, SG.IntentionScheme)
        w.add(scheme, RDF.type, SKOS.ConceptScheme)
        w.add(scheme, DCTERMS.source, doc)
    intentions = {i.number: URIRef(m.local("intention", i.number)) for i in records.intentions}
    for i in records.intentions:
        s = intentions[i.number]
        w.add(s, RDF.type, SG.Intention)
        w.add(s, RDF.type, SKOS.Concept)
        w.add(s, SKOS.inScheme, scheme)
        w.add(s, SKOS.notation, Literal(str(i.number)))
        w.add(s, SG.number, Literal(i.number))
        w.add(s, SG.letter, i.letter)
        w.label(s, SKOS.definition, i.text)
        if i.decided_by in decisions:
            w.add(s, SG.decidedBy, decisions[i.decided_by])
        w.evidence(s, i.evidence)
    for c in records.coverage:
        if c.subproject not in subs:
            continue
        n = URIRef(m.local("coverage", c.subproject, c.intention))
        w.add(n, RDF.type, SG.Coverage)
        w.add(n, SG.subproject, subs[c.subproject])
        target = intentions.get(c.intention)
        if target is None:  # a reference to an intention the plan does not define
            w.add(n, SG.intentionNumber, Literal(c.intention))
        else:
            w.add(n, SG.intention, target)
            w.add(subs[c.subproject], SG.addresses, target)
        w.label(n, SG.scope, c.scope)
        w.evidence(n, c.evidence)
        w.evidence(n, c.scope_evidence, SG.scope)

    # People's roles and organisations' involvement.
    for r in records.roles:
        if r.person not in people:
            continue
        unit = _role_unit(r, project if records.project else None, subs, orgs, muni)
        if unit is None:
            continue
        n = URIRef(m.local("membership", r.subproject or 0, r.role, r.person))
        w.add(n, RDF.type, ORG.Membership)
        w.add(n, ORG.member, people[r.person])
        w.add(n, ORG.organization, unit)
        w.add(n, ORG.role, role_concept(r.role))
        w.add(n, SG.roleText, Literal(r.role_text))
        w.evidence(n, r.evidence)
    for inv in records.involvements:
        if inv.organisation not in orgs:
            continue
        unit = subs.get(inv.subproject, project) if inv.subproject is not None else project
        n = URIRef(m.local("membership", inv.subproject or 0, inv.role, inv.organisation))
        w.add(n, RDF.type, ORG.Membership)
        w.add(n, ORG.member, orgs[inv.organisation])
        w.add(n, ORG.organization, unit)
        w.add(n, ORG.role, role_concept(inv.role))
        w.evidence(n, inv.evidence)

    # What each subproject must take into account.
    works = {r.key: URIRef(m.shared("work", r.key)) for r in records.references}
    for r in records.references:
        s = works[r.key]
        w.add(s, RDF.type, REFERENCE_CLASSES.get(r.kind, SG.ReferencedWork))
        w.add(s, RDF.type, SG.ReferencedWork)
        w.label(s, DCTERMS.title, r.title)
        w.add(s, DCTERMS.identifier, r.identifier)
        w.evidence(s, r.evidence)
    for c in records.considerations:
        if c.subproject not in subs:
            continue
        targets = [subs[n] for n in sorted(subs) if n != c.subproject] if c.siblings else [works.get(c.reference)]
        for t in targets:
            if t is None:
                continue
            n = URIRef(m.node("consideration", subs[c.subproject], t))
            w.add(n, RDF.type, SG.Consideration)
            w.add(n, SG.subproject, subs[c.subproject])
            w.add(n, SG.considers, t)
            if c.siblings:
                w.add(n, SG.siblings, Literal(True))
            w.add(subs[c.subproject], SG.mustConsider, t)
            w.evidence(n, c.evidence)

    # Milestones.
    for i, ms in enumerate(records.milestones, 1):
        s = URIRef(m.local("milestone", ms.subproject or 0, i))
        w.add(s, RDF.type, SG.Milestone)
        w.add(s, RDF.type, TIME.Instant)
        w.label(s, RDFS.label, ms.label)
        owner = subs.get(ms.subproject) if ms.subproject is not None else project
        w.add(s, SG.milestoneOf, owner)
        if ms.date:
            w.date(s, ms.date, TIME.inXSDDate if ms.date.precision == "day" else TIME.inXSDgYearMonth)
        w.evidence(s, ms.evidence)

    for i, rd in enumerate(records.related_documents, 1):
        s = URIRef(m.local("related", i))
        w.add(s, RDF.type, SG.RelatedDocument)
        w.label(s, DCTERMS.title, rd.title)
        w.add(doc, DCTERMS.relation, s)
        w.evidence(s, rd.evidence)
    for i, f in enumerate(records.findings, 1):
        s = URIRef(m.local("finding", i))
        w.add(s, RDF.type, SG.Finding)
        w.add(s, SG.severity, Literal(f.severity))
        w.add(s, SG.code, Literal(f.code))
        w.label(s, RDFS.comment, f.message)
        w.label(s, RDFS.comment, f.message_en, lang="en")
        w.add(doc, SG.finding, s)
        w.evidence(s, f.evidence)
    write_meeting(w, records, doc, people, orgs, decisions)
    write_strategy(w, records, doc, people, orgs, decisions)

    return w.triples


@dataclass(frozen=True)
class Rendition:
    """One file of a document, with what its extraction contributed (None: not known)."""

    source: SourceMeta
    extractor_version: str | None = None
    extracted_at: str | None = None  # xsd:dateTime lexical form
    content: Graph | list[Triple] | None = None


def document_provenance(m: Minter, renditions: Sequence[Rendition], *, used: SourceMeta,
                        written_at: datetime, extractor_version: str) -> list[Triple]:
    """The document graph's own provenance (PROV-O) and its renditions.

    The graph was written by one ingest (`<graph>-ingest`, which used the file being ingested);
    each rendition's extraction is an activity of its own (`<file>-extraction`) that keeps the
    triples it contributed, so that replacing one rendition can rebuild the graph from the others.
    """
    w = _Writer(m)
    doc = URIRef(m.document())
    gi = URIRef(m.graph())
    ingest = URIRef(m.graph() + "-ingest")
    at = Literal(written_at.isoformat(), datatype=XSD.dateTime)
    w.add(gi, RDF.type, SG.DocumentGraph)
    w.add(gi, RDF.type, PROV.Entity)
    w.add(gi, SG.about, doc)
    w.add(gi, PROV.wasGeneratedBy, ingest)
    w.add(gi, PROV.generatedAtTime, at)
    w.add(gi, SG.extractorVersion, Literal(extractor_version))
    w.add(ingest, RDF.type, PROV.Activity)
    w.add(ingest, PROV.startedAtTime, at)
    w.add(ingest, PROV.wasAssociatedWith, SG.Extractor)
    w.add(ingest, SG.extractorVersion, Literal(extractor_version))
    for r in renditions:
        src = r.source
        f = URIRef(m.rendition(src.sha256))
        w.add(f, RDF.type, SG.SourceFile)
        w.add(f, RDF.type, PROV.Entity)
        w.add(f, SG.sha256, Literal(src.sha256))
        w.add(f, SG.byteSize, Literal(src.size))
        w.add(f, DCTERMS.format, Literal(src.media_type))
        w.add(f, SG.fileName, Literal(src.file_name))
        w.add(gi, PROV.wasDerivedFrom, f)
        w.add(doc, SG.rendition, f)
        if src.sha256 == used.sha256:
            w.add(ingest, PROV.used, f)
        if r.content is None or r.extractor_version is None:
            continue  # a rendition stored before contributions were kept: its file is listed, no more
        extraction = URIRef(extraction_iri(m, src.sha256))
        w.add(extraction, RDF.type, PROV.Activity)
        w.add(extraction, PROV.used, f)
        w.add(extraction, PROV.wasAssociatedWith, SG.Extractor)
        w.add(extraction, SG.extractorVersion, Literal(r.extractor_version))
        if r.extracted_at:
            w.add(extraction, PROV.startedAtTime, Literal(r.extracted_at, datatype=XSD.dateTime))
        w.add(extraction, SG.contributed, encode_content(r.content))
        w.add(ingest, PROV.wasInformedBy, extraction)
    return w.triples


def extraction_iri(m: Minter, sha256: str) -> str:
    return m.rendition(sha256) + "-extraction"


def encode_content(content: Graph | Iterable[Triple]) -> Literal:
    """A contribution as one literal: its sorted N-Triples, zlib-compressed, in base64 (deterministic).

    The lines are what rdflib's N-Triples serialiser writes for the distinct triples, cut into lines
    as `str.splitlines` cuts them. Whatever the level they were packed at, contributions unpack to
    the same N-Triples (`content_ntriples`): they are compared unpacked, never as packed bytes.
    """
    packed = _compressed(sorted(_lines(_nt_rows(content))))
    return Literal(base64.b64encode(packed).decode("ascii"), datatype=XSD.base64Binary)


_SLICE = 2000  # lines compressed at once
# zlib's level: 3 packs a plan's N-Triples some five times faster than 9 (the N-Triples are most
# of the time of writing a document's graph at 9) into some 18 % more bytes.
PACKING_LEVEL = 3


def _compressed(lines: list[str]) -> bytes:
    """zlib (`PACKING_LEVEL`) of the lines joined by newlines, a slice at a time: zlib's output does not
    depend on how its input is cut, and a large document's N-Triples are not held whole once more."""
    packer = zlib.compressobj(PACKING_LEVEL)
    out = []
    for i in range(0, len(lines), _SLICE):
        text = "\n".join(lines[i:i + _SLICE])
        out.append(packer.compress((text + "\n" if i + _SLICE < len(lines) else text).encode("utf-8")))
    out.append(packer.flush())
    return b"".join(out)


def _lines(rows: Iterable[str]) -> Iterator[str]:
    """The rows cut into lines as `str.splitlines` cuts them, blank lines left out.

    A slice of rows at a time: when none of its rows holds a line break (N-Triples escapes newlines,
    not every separator `splitlines` knows), its rows are its lines. Else the slice is joined by
    newlines and cut at once: the cuts are the rows' own ones, and a blank line between a row that
    ends in a line break and the newline after it is left out like any blank line."""
    rows = iter(rows)
    while chunk := list(islice(rows, _SLICE)):
        joined = "".join(chunk)
        if not any(cut in joined for cut in _LINE_BREAKS):  # as nearly always: each row is one line
            yield from chunk
        else:
            yield from (line for line in "\n".join(chunk).splitlines() if line and not line.isspace())


# Where `str.splitlines` cuts a line (each looked for on its own: a one-character search is a
# memchr). An N-Triples row is never blank: it ends with ` .`.
_LINE_BREAKS = ("\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")


# What `URIRef.n3` refuses to write.
_NOT_IN_IRI = re.compile(r'[<>" {}|\\^`]')


def _nt_rows(triples: Iterable[Triple]) -> set[str]:
    """The distinct N-Triples lines of `triples`, as rdflib's serialiser writes them
    (`rdflib.plugins.serializers.nt`). An IRI recurs in many triples: it is written once."""
    iris: dict = {}
    rows = set()
    written, add = iris.get, rows.add
    for s, p, o in triples:
        if (s_row := written(s)) is None:
            s_row = iris[s] = _nt_iri(s)
        if (p_row := written(p)) is None:
            p_row = iris[p] = _nt_iri(p)
        if type(o) is Literal or (type(o) is not URIRef and isinstance(o, Literal)):  # ABC: exact types first
            o_row = _nt_literal(o)
        elif (o_row := written(o)) is None:
            o_row = iris[o] = _nt_iri(o)
        add(f"{s_row} {p_row} {o_row} .")
    return rows


def _nt_iri(term) -> str:
    if type(term) is URIRef and _NOT_IN_IRI.search(term) is None:
        return f"<{term}>"
    return term.n3()  # anything else (and the error for a bad IRI) as rdflib has it


def _nt_literal(lit: Literal) -> str:
    if "\\" in lit or "\n" in lit or '"' in lit or "\r" in lit:  # else no copy of a page's text is made four times
        text = '"%s"' % lit.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"').replace("\r", "\\r")
    else:
        text = f'"{lit}"'
    if lit.language:
        return f"{text}@{lit.language}"
    if lit.datatype:
        return f"{text}^^<{lit.datatype}>"
    return text


def content_ntriples(value: Literal | str) -> bytes | None:
    """The N-Triples `encode_content` packed, or None when the value cannot be read."""
    try:
        return zlib.decompress(base64.b64decode(str(value), validate=True))
    except (ValueError, zlib.error):
        return None


def decode_content(value: Literal | str) -> Graph | None:
    """The triples `encode_content` packed, or None when the value cannot be read."""
    data = content_ntriples(value)
    if data is None:
        return None
    try:
        return Graph().parse(data=data.decode("utf-8"), format="nt")
    except Exception:  # noqa: BLE001 - rdflib raises many kinds; an unreadable contribution is not known
        return None
