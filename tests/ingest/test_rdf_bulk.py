"""A graph filled at once holds what rdflib's own additions leave in its store, field for field."""
from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF

from styrgraf.ingest.rdf_bulk import graph_of

EX = "https://example.org/"


def _triples() -> list[tuple]:
    s, t = URIRef(EX + "a"), URIRef(EX + "b")
    return [
        (s, RDF.type, URIRef(EX + "Plan")),
        (s, URIRef(EX + "title"), Literal("Projektplan för Norrvik", lang="sv")),
        (t, URIRef(EX + "start"), Literal(12)),
        (s, RDF.type, URIRef(EX + "Plan")),  # twice: kept once
        (t, URIRef(EX + "part"), s),
        (s, URIRef(EX + "title"), Literal("Projektplan för Norrvik")),  # same text, no language
    ]


def _added_one_by_one(triples: list[tuple]) -> Graph:
    g = Graph()
    for triple in triples:
        g.store.add(triple, g)
    return g


def _fields(g: Graph) -> dict:
    """The store's state, the graph's own (fresh, blank-node) identifier written as `GRAPH`."""
    def key(k):
        return k.replace(str(g.identifier), "GRAPH") if isinstance(k, str) else k

    fields = dict(vars(g.store))
    fields["_Memory__context_obj_map"] = {key(k): v is g for k, v in fields["_Memory__context_obj_map"].items()}
    fields["_Memory__all_contexts"] = [c is g for c in fields["_Memory__all_contexts"]]
    fields["_Memory__contextTriples"] = {key(k): v for k, v in fields["_Memory__contextTriples"].items()}
    fields["_Memory__defaultContexts"] = {key(k): v for k, v in fields["_Memory__defaultContexts"].items()}
    fields["_Memory__tripleContexts"] = {t: {key(k): v for k, v in c.items()}
                                         for t, c in fields["_Memory__tripleContexts"].items()}
    del fields["dispatcher"], fields["identifier"]
    return fields


def test_the_store_is_the_one_rdflib_leaves_after_adding_each_triple():
    triples = _triples()
    bulk, single = graph_of(triples), _added_one_by_one(triples)
    assert len(bulk) == len(single) == 5
    assert _fields(bulk) == _fields(single)


def test_the_graph_answers_removes_and_adds_like_one_built_triple_by_triple():
    triples = _triples()
    bulk, single = graph_of(triples), _added_one_by_one(triples)
    s = URIRef(EX + "a")
    assert set(bulk.predicate_objects(s)) == set(single.predicate_objects(s))
    assert set(bulk.subjects(RDF.type, None)) == {s}
    assert sorted(bulk.serialize(format="nt").splitlines()) == sorted(single.serialize(format="nt").splitlines())
    for g in (bulk, single):
        g.remove((s, RDF.type, None))
        g.add((URIRef(EX + "c"), RDF.type, URIRef(EX + "Plan")))
    assert _fields(bulk) == _fields(single)
    assert set(bulk) == set(single) and len(bulk) == 5


def test_no_triples_give_an_empty_graph():
    assert len(graph_of([])) == 0


def test_fast_terms_are_the_terms_rdflib_makes():
    from rdflib.namespace import XSD

    from styrgraf.ingest import rdf_bulk

    assert rdf_bulk.plain_literal is rdf_bulk._fast_plain  # this rdflib passes the probe
    for text in ("", "Delprojekt 3 – Kompetens", "två\nrader", 'citat "så"', "\\", "\u2028\x00"):
        fast, ordinary = rdf_bulk.plain_literal(text), Literal(text)
        assert rdf_bulk._literal_fields(fast) == rdf_bulk._literal_fields(ordinary)
        assert fast == ordinary and hash(fast) == hash(ordinary) and fast.n3() == ordinary.n3()
    for n in (0, 1, -12, 2 ** 70):
        fast, ordinary = rdf_bulk.integer_literal(n), Literal(n, datatype=XSD.integer)
        assert rdf_bulk._literal_fields(fast) == rdf_bulk._literal_fields(ordinary)
        assert fast == ordinary and hash(fast) == hash(ordinary) and fast.toPython() == n
    iri = EX + "bevis-1"
    assert rdf_bulk.minted_iri(iri) == URIRef(iri) and type(rdf_bulk.minted_iri(iri)) is URIRef
    assert hash(rdf_bulk.minted_iri(iri)) == hash(URIRef(iri))


def test_terms_that_differ_from_rdflibs_are_refused_by_the_probe(monkeypatch):
    from styrgraf.ingest import rdf_bulk

    fast = rdf_bulk._fast_plain

    def wrong(text):
        lit = fast(text)
        lit._value = None  # noqa: SLF001 - what a changed rdflib might leave
        return lit

    monkeypatch.setattr(rdf_bulk, "_fast_plain", wrong)
    assert not rdf_bulk._same_as_rdflib()
