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
import zlib
from dataclasses import dataclass
from datetime import datetime
from typing import Sequence

from rdflib import Graph, Literal, URIRef

from styrgraf.ontology.terms import (
    DATE_ROLE_PROPERTIES, DCTERMS, FOAF, OA, ORG, PROV, RDF, RDFS, SG, SKOS, TIME, XSD, decision_kind_concept,
    doctype_concept, role_concept,
)

from styrgraf.ingest.identity import Minter
from styrgraf.ingest.pages import Page
from styrgraf.ingest.rdf_meetings import write_meeting
from styrgraf.ingest.records import DateValue, Evidences, PlanRecords

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


class _Writer:
    def __init__(self, minter: Minter, graph: Graph):
        self.m = minter
        self.g = graph
        self.pages: dict[int, URIRef] = {}

    def add(self, s, p, o) -> None:
        if o is None:
            return
        if not isinstance(o, (URIRef, Literal)):
            o = Literal(o)
        self.g.add((URIRef(s) if isinstance(s, str) else s, p, o))

    def label(self, s, p, text: str | None, lang: str | None = "sv") -> None:
        if text:
            self.add(s, p, Literal(text, lang=lang))

    def evidence(self, entity, evidence: Evidences, prop=None) -> None:
        for ev in evidence:
            page = self.pages.get(ev.page)
            if page is None:
                continue
            ann = URIRef(self.m.node("evidence", entity, prop or "", ev.page, ev.start, ev.end))
            target = URIRef(str(ann) + "-target")
            quote = URIRef(str(ann) + "-quote")
            pos = URIRef(str(ann) + "-position")
            self.add(ann, RDF.type, SG.Evidence)
            self.add(ann, RDF.type, OA.Annotation)
            self.add(ann, OA.motivatedBy, OA.identifying)
            self.add(ann, OA.hasBody, URIRef(entity))
            if prop is not None:
                self.add(ann, SG.property, prop)
            self.add(ann, OA.hasTarget, target)
            self.add(target, RDF.type, OA.SpecificResource)
            self.add(target, OA.hasSource, page)
            self.add(target, OA.hasSelector, quote)
            self.add(target, OA.hasSelector, pos)
            self.add(quote, RDF.type, OA.TextQuoteSelector)
            self.add(quote, OA.exact, Literal(ev.quote))
            self.add(pos, RDF.type, OA.TextPositionSelector)
            self.add(pos, OA.start, Literal(ev.start, datatype=XSD.integer))
            self.add(pos, OA.end, Literal(ev.end, datatype=XSD.integer))

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


def records_to_graph(
    records: PlanRecords,
    pages: list[Page],
    preamble: Page | None,
    source: SourceMeta,
    *,
    ingested_at: datetime,
    extractor_version: str,
    renditions: tuple[SourceMeta, ...] = (),
    minter: Minter | None = None,
) -> tuple[str, Graph]:
    """The named graph IRI and its triples for one extracted document read from `source`.

    `renditions` are other files of the document, listed by their metadata only.
    """
    m = minter or Minter(records.document)
    content = records_to_content(records, pages, preamble, minter=m)
    this = Rendition(source, extractor_version, ingested_at.isoformat(), content)
    others = tuple(Rendition(r) for r in renditions if r.sha256 != source.sha256)
    g = Graph()
    g += content
    g += document_provenance(m, (this,) + others, used=source, written_at=ingested_at,
                             extractor_version=extractor_version)
    return m.graph(), g


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


def records_to_content(records: PlanRecords, pages: list[Page], preamble: Page | None, *,
                       minter: Minter | None = None) -> Graph:
    """What one file contributes to its document's graph: pages, entities, relations, evidence.

    No provenance and no time: the same file read by the same extractor gives the same triples,
    so the contribution can be kept beside the graph and compared (`encode_content`).
    """
    info = records.document
    m = minter or Minter(info)
    g = Graph()
    w = _Writer(m, g)
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
        w.add(doc, SG.finding, s)
        w.evidence(s, f.evidence)
    write_meeting(w, records, doc, people, orgs, decisions)

    return g


@dataclass(frozen=True)
class Rendition:
    """One file of a document, with what its extraction contributed (None: not known)."""

    source: SourceMeta
    extractor_version: str | None = None
    extracted_at: str | None = None  # xsd:dateTime lexical form
    content: Graph | None = None


def document_provenance(m: Minter, renditions: Sequence[Rendition], *, used: SourceMeta,
                        written_at: datetime, extractor_version: str) -> Graph:
    """The document graph's own provenance (PROV-O) and its renditions.

    The graph was written by one ingest (`<graph>-ingest`, which used the file being ingested);
    each rendition's extraction is an activity of its own (`<file>-extraction`) that keeps the
    triples it contributed, so that replacing one rendition can rebuild the graph from the others.
    """
    g = Graph()
    w = _Writer(m, g)
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
    return g


def extraction_iri(m: Minter, sha256: str) -> str:
    return m.rendition(sha256) + "-extraction"


def encode_content(content: Graph) -> Literal:
    """A contribution as one literal: its sorted N-Triples, zlib-compressed, in base64 (deterministic)."""
    lines = sorted(line for line in content.serialize(format="nt").splitlines() if line.strip())
    packed = zlib.compress("\n".join(lines).encode("utf-8"), 9)
    return Literal(base64.b64encode(packed).decode("ascii"), datatype=XSD.base64Binary)


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
