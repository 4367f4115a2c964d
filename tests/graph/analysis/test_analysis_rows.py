"""Per-document analysis rows: written with each document, equal to the queries over the whole store,
recomputed when missing or stale, and stored again by `write_missing_rows` / `styrgraf reindex`."""
from __future__ import annotations

import json

from rdflib import RDF, Literal, URIRef
from typer.testing import CliRunner

from styrgraf.api.cli.main import app
from styrgraf.graph.analysis import rows as analysis_rows
from styrgraf.graph.analysis.overlaps import compute_overlaps
from styrgraf.graph.analysis.projection import build_projection, bulk_rows
from styrgraf.graph.analysis.rows import ROWS_PREDICATE, read_rows, write_missing_rows
from styrgraf.graph.store.interface import open_store
from styrgraf.ontology.terms import SG, sparql_prefixes

from tests.graph.analysis.conftest import SEED, ingest_all


def _stored_values(store) -> dict[str, str]:
    rows = store.select(sparql_prefixes() + f"SELECT ?g ?v WHERE {{ GRAPH ?g {{ ?g <{ROWS_PREDICATE}> ?v }} }}")
    return {str(r["g"]): str(r["v"]) for r in rows}


def _canonical(p) -> tuple:
    """A projection as comparable data: nodes with their facts, edges, dates, quotes and findings."""
    def norm(v):
        return sorted(map(repr, v)) if isinstance(v, (list, set)) else v
    nodes = {n: {k: norm(v) for k, v in facts.items()} for n, facts in p.nodes.items()}
    edges = sorted(repr((u, v, sorted(d.items()))) for u, v, d in p.edges())
    return (nodes, edges, sorted(map(repr, p.dates)), sorted(p.coverage_quotes), sorted(map(repr, p.ingest_findings)))


def test_ingest_writes_current_rows_for_each_document(hand_store):
    values = _stored_values(hand_store)
    graphs = {g.iri for g in hand_store.graphs()} - {str(SG)}
    documents = {str(r["g"]) for r in hand_store.select(sparql_prefixes() + "SELECT ?g WHERE { GRAPH ?g { ?g a sg:DocumentGraph } }")}
    assert documents and set(values) == documents and documents <= graphs
    for value in values.values():
        assert json.loads(value)["v"] == analysis_rows.ROWS_VERSION
    assert read_rows(hand_store).computed == []  # nothing to compute on read


def test_projection_from_stored_rows_equals_queries_over_the_store(hand_store, seed_store):
    for store in (hand_store, seed_store):
        stored = build_projection(store)
        bulk = build_projection(store, source=bulk_rows(store))
        assert stored.number_of_nodes() > 50 and stored.number_of_edges() > 50
        assert _canonical(stored) == _canonical(bulk)


def test_missing_and_stale_rows_are_computed_on_read_then_written(tmp_path, hand_docs):
    store = open_store(str(tmp_path / "store"))
    try:
        ingest_all(store, [SEED, *hand_docs.values()])
        expected = compute_overlaps(store, with_evidence=False)
        values = _stored_values(store)
        missing, stale = sorted(values)[:2]
        # One document loses its rows (as after an import of an old export), another has rows of another version.
        store.update(f"DELETE WHERE {{ GRAPH <{missing}> {{ <{missing}> <{ROWS_PREDICATE}> ?v }} }}")
        old = json.loads(values[stale]) | {"v": "another-version"}
        store.update(f"DELETE WHERE {{ GRAPH <{stale}> {{ <{stale}> <{ROWS_PREDICATE}> ?v }} }}")
        store.add_triples(stale, [(URIRef(stale), SG.analysisRows, Literal(json.dumps(old), datatype=RDF.JSON))])
        assert sorted(read_rows(store).computed) == sorted([missing, stale])
        # The analyses see the same documents whoever wrote them.
        assert compute_overlaps(store, with_evidence=False) == expected
        assert sorted(write_missing_rows(store)) == sorted([missing, stale])
        assert read_rows(store).computed == []
        assert set(_stored_values(store)) == set(values)
        assert compute_overlaps(store, with_evidence=False) == expected
    finally:
        store.close()


def test_reindex_command_writes_rows_for_imported_documents(tmp_path, hand_docs):
    location = str(tmp_path / "store")
    store = open_store(location)
    ingest_all(store, [hand_docs["A"]])
    graph = next(iter(_stored_values(store)))
    store.update(f"DELETE WHERE {{ GRAPH <{graph}> {{ <{graph}> <{ROWS_PREDICATE}> ?v }} }}")
    assert read_rows(store).computed == [graph]
    store.close()
    result = CliRunner().invoke(app, ["reindex", "--store", location, "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "Analysis rows written for 1 documents (0 were current)" in result.output
    store = open_store(location, read_only=True)
    try:
        assert read_rows(store).computed == []
    finally:
        store.close()
    again = CliRunner().invoke(app, ["reindex", "--store", location])
    assert again.exit_code == 0 and "Analysrader skrivna för 0 dokument (1 var redan aktuella)" in again.output


def test_import_command_writes_rows_for_an_export_without_them(tmp_path, hand_docs):
    source = open_store(str(tmp_path / "source"))
    try:
        ingest_all(source, [hand_docs["A"]])
        graph = next(iter(_stored_values(source)))
        source.update(f"DELETE WHERE {{ GRAPH <{graph}> {{ <{graph}> <{ROWS_PREDICATE}> ?v }} }}")
        export = tmp_path / "export.trig"
        export.write_bytes(source.export("trig"))
    finally:
        source.close()
    location = str(tmp_path / "target")
    result = CliRunner().invoke(app, ["import", str(export), "--store", location, "--lang", "en"])
    assert result.exit_code == 0, result.output
    store = open_store(location, read_only=True)
    try:
        assert set(_stored_values(store)) == {graph}
        assert read_rows(store).computed == []
    finally:
        store.close()


def test_one_graph_gives_one_stored_value_whatever_the_order_of_its_triples():
    """A graph rebuilt from its renditions lists its triples in another order than a fresh ingest:
    the rows it stores must be the same (the engine returns rows in the order they were loaded)."""
    import random

    from styrgraf.graph.store.interface import triples_to_lines
    from styrgraf.ingest.pipeline import extract_path

    graph_iri, triples = extract_path(SEED).to_triples()
    lines = list(triples_to_lines(triples))
    first = analysis_rows.rows_of_ntriples(graph_iri, "\n".join(lines).encode("utf-8"))
    random.Random(7).shuffle(lines)
    shuffled = analysis_rows.rows_of_ntriples(graph_iri, "\n".join(lines).encode("utf-8"))
    assert any(analysis_rows._unsegment(value)[1] for value in first.values())  # rows to compare
    assert shuffled == first
