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
    """The store's state, with the graph object replaced by its identifier."""
    fields = dict(vars(g.store))
    fields["_Memory__context_obj_map"] = {k: v.identifier for k, v in fields["_Memory__context_obj_map"].items()}
    fields["_Memory__all_contexts"] = {c.identifier for c in fields["_Memory__all_contexts"]}
    del fields["dispatcher"], fields["identifier"]
    return fields


def _with_own_identifier(g: Graph, other: Graph) -> str:
    # Each new graph gets a fresh blank-node identifier: compare as if both had the same one.
    return repr(_fields(g)).replace(str(g.identifier), str(other.identifier))


def test_the_store_is_the_one_rdflib_leaves_after_adding_each_triple():
    triples = _triples()
    bulk, single = graph_of(triples), _added_one_by_one(triples)
    assert len(bulk) == len(single) == 5
    assert _with_own_identifier(bulk, single) == repr(_fields(single))


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
    assert _with_own_identifier(bulk, single) == repr(_fields(single))
    assert set(bulk) == set(single) and len(bulk) == 5


def test_no_triples_give_an_empty_graph():
    assert len(graph_of([])) == 0
