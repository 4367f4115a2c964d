"""Deterministic export and import, for both backends."""

from __future__ import annotations

import json
import random

import pytest
import rdflib
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, XSD

from styrgraf.graph.errors import StoreError
from styrgraf.graph.store.interface import open_store

EX = "http://example.org/"
SG = "https://styrgraf.example/ontology#"
FORMATS = ["trig", "nquads", "turtle", "ntriples", "jsonld"]
DATASET_FORMATS = ["trig", "nquads", "jsonld"]


def sample_graphs(with_bnodes: bool = False) -> dict[str, list[tuple]]:
    graphs: dict[str, list[tuple]] = {}
    for name in ("b", "a", "c"):
        doc = URIRef(EX + "doc/" + name)
        triples = [
            (doc, RDF.type, URIRef(SG + "Document")),
            (doc, URIRef(SG + "sha256"), Literal(name * 8)),
            (doc, URIRef(SG + "title"), Literal(f"Plan för {name}", lang="sv")),
            (doc, URIRef(SG + "title"), Literal(f"Plan {name}", lang="en")),
            (doc, URIRef(SG + "pages"), Literal(18)),
            (doc, URIRef(SG + "adopted"), Literal("2023-02-01", datatype=XSD.date)),
            (doc, URIRef(EX + "odd/iri#with.dot."), Literal('text with "quotes"\nand\ttabs \\ åäö')),
            (doc, URIRef(SG + "mentions"), URIRef(EX + "doc/x y".replace(" ", "%20"))),
        ]
        if with_bnodes:
            node = BNode()
            triples += [
                (doc, URIRef(SG + "contact"), node),
                (node, URIRef(SG + "name"), Literal(f"Kontakt {name}")),
            ]
        graphs[EX + "graph/" + name] = triples
    return graphs


def fill(store, graphs, seed=0):
    items = list(graphs.items())
    random.Random(seed).shuffle(items)
    for iri, triples in items:
        triples = list(triples)
        random.Random(seed).shuffle(triples)
        store.replace_graph(iri, triples)


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_is_deterministic(store_factory, fmt):
    first = store_factory()
    fill(first, sample_graphs(), seed=1)
    once = first.export(fmt)
    assert first.export(fmt) == once
    second = store_factory()  # remote: the server is emptied and refilled
    fill(second, sample_graphs(), seed=2)
    assert second.export(fmt) == once


@pytest.mark.parametrize("fmt", DATASET_FORMATS)
def test_round_trip_gives_identical_bytes(store_factory, fmt):
    source = store_factory()
    fill(source, sample_graphs())
    exported = source.export(fmt)
    target = store_factory()
    assert target.graphs() == []
    assert target.import_data(exported, fmt) == sum(len(t) for t in sample_graphs().values())
    assert target.export(fmt) == exported


@pytest.mark.parametrize("fmt", DATASET_FORMATS)
def test_round_trip_with_blank_nodes(store_factory, fmt):
    source = store_factory()
    fill(source, sample_graphs(with_bnodes=True))
    exported = source.export(fmt)
    assert b"c14n" in exported  # canonical (RDFC-1.0) labels, not store-internal ids
    target = store_factory()
    target.import_data(exported, fmt)
    assert target.export(fmt) == exported


def test_exports_agree_across_backends(store, tmp_path):
    """The remote and the embedded backend give the same bytes for the same data."""
    fill(store, sample_graphs(with_bnodes=True))
    reference = open_store(str(tmp_path / "reference"))
    try:
        fill(reference, sample_graphs(with_bnodes=True), seed=5)
        for fmt in FORMATS:
            assert store.export(fmt) == reference.export(fmt), fmt
    finally:
        reference.close()


def expected_dataset(graphs) -> set[tuple]:
    return {(s, p, o, URIRef(g)) for g, triples in graphs.items() for s, p, o in triples}


@pytest.mark.parametrize(("fmt", "rdflib_format"), [("trig", "trig"), ("nquads", "nquads"), ("jsonld", "json-ld")])
def test_export_parses_back_to_the_data(store, fmt, rdflib_format):
    graphs = sample_graphs()
    fill(store, graphs)
    dataset = rdflib.Dataset()
    dataset.parse(data=store.export(fmt), format=rdflib_format)
    got = {(s, p, o, g) for s, p, o, g in dataset.quads((None, None, None, None)) if g != dataset.default_graph.identifier}
    assert got == expected_dataset(graphs)


def test_nquads_lines_are_sorted(store):
    fill(store, sample_graphs())
    lines = store.export("nquads").decode("utf-8").splitlines()
    assert lines == sorted(lines)
    assert len(lines) == sum(len(t) for t in sample_graphs().values())


def test_trig_layout_is_canonical(store):
    fill(store, sample_graphs())
    text = store.export("trig").decode("utf-8")
    assert text.startswith("@prefix dcterms: <http://purl.org/dc/terms/> .\n")
    graph_lines = [line for line in text.splitlines() if line.endswith(" {")]
    assert graph_lines == [f"<{EX}graph/{n}> {{" for n in ("a", "b", "c")]
    # Predicates sorted by full IRI, objects by N-Triples form, fixed prefixes.
    expected_block = (
        f"<{EX}graph/a> {{\n"
        f"    <{EX}doc/a>\n"
        f'        <{EX}odd/iri#with.dot.> "text with \\"quotes\\"\\nand\\ttabs \\\\ åäö" ;\n'
        "        a sg:Document ;\n"
        '        sg:adopted "2023-02-01"^^xsd:date ;\n'
        f"        sg:mentions <{EX}doc/x%20y> ;\n"
        '        sg:pages "18"^^xsd:integer ;\n'
        '        sg:sha256 "aaaaaaaa" ;\n'
        '        sg:title "Plan a"@en , "Plan för a"@sv .\n'
        "}\n"
    )
    assert expected_block in text


def test_export_one_document(store):
    graphs = sample_graphs()
    fill(store, graphs)
    only_a = EX + "graph/a"
    turtle = store.export("turtle", only_a)
    graph = rdflib.Graph().parse(data=turtle, format="turtle")
    assert set(graph) == set(graphs[only_a])
    nquads = store.export("nquads", only_a).decode().splitlines()
    assert len(nquads) == len(graphs[only_a])
    assert all(line.endswith(f"<{only_a}> .") for line in nquads)
    document = json.loads(store.export("jsonld", only_a))
    assert [g["@id"] for g in document] == [only_a]


def test_turtle_without_document_is_the_union(store):
    graphs = sample_graphs()
    fill(store, graphs)
    graph = rdflib.Graph().parse(data=store.export("turtle"), format="turtle")
    assert set(graph) == {t for triples in graphs.values() for t in triples}


def test_export_of_missing_graph_or_format(store):
    with pytest.raises(StoreError) as error:
        store.export("trig", EX + "graph/none")
    assert error.value.code == "not_found"
    with pytest.raises(StoreError) as error:
        store.export("rdfxml")
    assert error.value.code == "unsupported_format"


def test_empty_store_exports(store):
    assert store.export("nquads") == b""
    assert json.loads(store.export("jsonld")) == []
    assert store.export("trig").decode().count("@prefix") == 12


def test_import_triples_needs_a_graph(store):
    turtle = f"<{EX}s> <{EX}p> \"v\" .".encode()
    with pytest.raises(StoreError) as error:
        store.import_data(turtle, "turtle")
    assert error.value.code == "invalid_data"
    assert store.graphs() == []
    assert store.import_data(turtle, "turtle", graph_iri=EX + "graph/t") == 1
    assert store.count_triples(EX + "graph/t") == 1


def test_import_replaces_graphs_of_the_same_name(store):
    fill(store, sample_graphs())
    store.import_data(f"<{EX}s> <{EX}p> \"v\" <{EX}graph/a> .\n".encode(), "nquads")
    assert store.count_triples(EX + "graph/a") == 1
    assert store.count_triples(EX + "graph/b") == 8


def test_import_rejects_bad_data(store):
    with pytest.raises(StoreError) as error:
        store.import_data(b"<not closed", "nquads")
    assert error.value.code == "invalid_data"


def test_jsonld_import_does_not_fetch_remote_context(store, request_recorder):
    data = json.dumps({"@context": request_recorder.url + "/context.jsonld", "@id": EX + "s", "p": "v"})
    with pytest.raises(StoreError):
        store.import_data(data.encode(), "jsonld", graph_iri=EX + "graph/j")
    assert request_recorder.paths == []
