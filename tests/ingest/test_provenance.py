"""Provenance is the product: every evidence record must be checkable against the stored page text."""
from __future__ import annotations

import dataclasses

from rdflib import URIRef

from styrgraf.ontology.terms import OA, RDF, SG


def all_evidence(records):
    """Every Evidence in the records, found by walking the dataclasses."""
    def walk(obj):
        if isinstance(obj, tuple) and obj and type(obj[0]).__name__ == "Evidence":
            yield from obj
        elif dataclasses.is_dataclass(obj):
            for f in dataclasses.fields(obj):
                yield from walk(getattr(obj, f.name))
        elif isinstance(obj, (list, tuple)):
            for x in obj:
                yield from walk(x)
    return list(walk(records))


def test_every_record_quote_is_verbatim_on_its_page(seed):
    texts = {p.number: p.text for p in seed.pages}
    if seed.preamble:
        texts[0] = seed.preamble.text
    evidence = all_evidence(seed.records)
    assert len(evidence) > 300
    for ev in evidence:
        assert texts[ev.page][ev.start:ev.end] == ev.quote, ev


def test_every_evidence_in_the_graph_matches_the_stored_page_text(seed):
    """The check an auditor makes, on the RDF alone: page text at the offsets equals the quote."""
    _, g = seed.to_graph()
    page_text = {p: str(t) for p, t in g.subject_objects(RDF.value) if (p, RDF.type, SG.Page) in g}
    annotations = list(g.subjects(RDF.type, SG.Evidence))
    assert len(annotations) > 300
    for ann in annotations:
        target = g.value(ann, OA.hasTarget)
        page = g.value(target, OA.hasSource)
        selectors = list(g.objects(target, OA.hasSelector))
        quote = next(str(g.value(s, OA.exact)) for s in selectors if g.value(s, OA.exact) is not None)
        pos = next(s for s in selectors if g.value(s, OA.start) is not None)
        start, end = int(g.value(pos, OA.start)), int(g.value(pos, OA.end))
        assert page_text[page][start:end] == quote


def test_every_entity_and_relation_has_evidence(seed):
    _, g = seed.to_graph()
    bodies = set(g.objects(None, OA.hasBody))
    for cls in (SG.Subproject, SG.Intention, SG.Decision, SG.Coverage, SG.Consideration, SG.Milestone,
                SG.ReferencedWork, SG.Appendix, SG.DecisionPoint):
        members = set(g.subjects(RDF.type, cls))
        assert members, cls
        assert members <= bodies, (cls, members - bodies)
    from styrgraf.ontology.terms import FOAF, ORG
    for cls in (FOAF.Person, ORG.Membership, ORG.Organization):
        members = set(g.subjects(RDF.type, cls)) - set(g.subjects(RDF.type, SG.Municipality))
        assert members <= bodies, (cls, members - bodies)


def test_graph_records_its_source_and_extractor(seed):
    graph_iri, g = seed.to_graph()
    gi = URIRef(graph_iri)
    from styrgraf.ontology.terms import DCTERMS, PROV
    src = g.value(gi, PROV.wasDerivedFrom)
    assert str(g.value(src, SG.sha256)) == seed.source.sha256
    assert int(g.value(src, SG.byteSize)) == seed.source.size
    assert str(g.value(src, DCTERMS.format)) == seed.source.media_type
    assert g.value(gi, PROV.generatedAtTime) is not None
    assert str(g.value(gi, SG.extractorVersion)).startswith("styrgraf-extract/")
    assert g.value(gi, PROV.wasGeneratedBy) is not None
