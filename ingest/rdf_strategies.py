"""A strategy's own parts, in RDF (called from ingest.to_rdf).

On the document: who adopted it (`sg:adoptedBy`, the body), when (`sg:adoptionDate`), under
which paragraph (`sg:adoptedInParagraph`) and by which decision (`sg:adoptionDecision`); its
validity (`sg:validFrom`, `sg:validUntil`, sub-properties of `dcterms:valid`, or
`sg:validUntilFurtherNotice`); its owner (`sg:documentOwnerText` as written, `sg:documentOwner`
the person when one is named). Each revision is an `sg:Revision` (`sg:revision`); each goal area
an `sg:GoalArea` (`sg:goalArea`) holding `sg:Goal`, `sg:Approach`, `sg:Measure` and
`sg:Indicator` items (`sg:hasGoal`, `sg:hasApproach`, `sg:hasMeasure`, `sg:hasIndicator`); the
items listed outside any area hang on the document itself. Every fact carries its evidence.
"""
from __future__ import annotations

from rdflib import Literal, URIRef

from styrgraf.ingest.records import DatedFact, PlanRecords, StrategyItems
from styrgraf.ontology.terms import DCTERMS, RDF, SG, XSD

# (records field, class, property from area or document to item)
ITEM_KINDS = (
    ("goals", SG.Goal, SG.hasGoal),
    ("strategies", SG.Approach, SG.hasApproach),
    ("measures", SG.Measure, SG.hasMeasure),
    ("indicators", SG.Indicator, SG.hasIndicator),
)


def write_strategy(w, records: PlanRecords, doc: URIRef, people: dict, orgs: dict, decisions: dict) -> None:
    """Triples and evidence of `records.strategy` through the RDF writer `w` (ingest.to_rdf._Writer)."""
    st = records.strategy
    if st is None:
        return
    a = st.adoption
    if a:
        if a.body in orgs:
            w.add(doc, SG.adoptedBy, orgs[a.body])
            w.evidence(doc, a.evidence, SG.adoptedBy)
        _date(w, doc, SG.adoptionDate, DatedFact("adoption", a.date, a.date_evidence) if a.date else None)
        if a.paragraph:
            w.add(doc, SG.adoptedInParagraph, Literal(a.paragraph))
            w.evidence(doc, a.paragraph_evidence, SG.adoptedInParagraph)
        if a.decision in decisions:
            w.add(doc, SG.adoptionDecision, decisions[a.decision])
    _date(w, doc, SG.validFrom, st.validity.valid_from)
    _date(w, doc, SG.validUntil, st.validity.valid_until)
    if st.validity.until_further_notice:
        w.add(doc, SG.validUntilFurtherNotice, Literal(True))
        w.evidence(doc, st.validity.until_further_notice.evidence, SG.validUntilFurtherNotice)
    if st.owner:
        w.add(doc, SG.documentOwnerText, Literal(st.owner.text))
        w.evidence(doc, st.owner.evidence, SG.documentOwnerText)
        if st.owner.person in people:
            w.add(doc, SG.documentOwner, people[st.owner.person])
    for i, r in enumerate(st.revisions, 1):
        n = URIRef(w.m.local("revision", i))
        w.add(doc, SG.revision, n)
        w.add(n, RDF.type, SG.Revision)
        w.add(n, DCTERMS.source, doc)
        w.add(n, SG.order, Literal(i))
        w.add(n, SG.version, Literal(r.version))
        w.date(n, r.date)
        w.label(n, DCTERMS.description, r.change)
        w.evidence(n, r.evidence)
    for i, area in enumerate(st.goal_areas, 1):
        n = URIRef(w.m.local("goal-area", i))
        w.add(doc, SG.goalArea, n)
        w.add(n, RDF.type, SG.GoalArea)
        w.add(n, DCTERMS.source, doc)
        w.add(n, SG.order, Literal(i))
        w.add(n, SG.number, area.number)
        w.label(n, DCTERMS.title, area.title)
        w.add(n, SG.areaWord, Literal(area.word))
        w.evidence(n, area.evidence)
        _items(w, doc, n, f"area-{i}", area.items)
    _items(w, doc, doc, "document", st.general)


def _date(w, s, prop, dated: DatedFact | None) -> None:
    if dated and dated.value.valid and dated.value.iso:
        dtype = XSD.date if dated.value.precision == "day" else XSD.gYearMonth
        w.add(s, prop, Literal(dated.value.iso, datatype=dtype))
        w.evidence(s, dated.evidence, prop)


def _items(w, doc: URIRef, owner: URIRef, scope: str, items: StrategyItems) -> None:
    for field, cls, prop in ITEM_KINDS:
        for i, fact in enumerate(getattr(items, field), 1):
            n = URIRef(w.m.local(field, scope, i))
            w.add(owner, prop, n)
            w.add(n, RDF.type, cls)
            w.add(n, DCTERMS.source, doc)
            w.add(n, SG.order, Literal(i))
            w.label(n, DCTERMS.description, fact.text)
            w.evidence(n, fact.evidence)
