"""Ingesting documents into the store: unchanged files, new extractor versions.

Run against both backends (`store` is parametrised in tests/graph/conftest.py).
"""
from __future__ import annotations

from pathlib import Path

from styrgraf.graph.documents import ingest_file, list_documents
from styrgraf.ingest import pipeline
from styrgraf.ontology.terms import sparql_prefixes

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "corpus" / "000_5a26368617003b47.txt"


def _versions(store) -> set[str]:
    rows = store.select(sparql_prefixes() + "SELECT ?v WHERE { GRAPH ?g { ?g a sg:DocumentGraph ; sg:extractorVersion ?v } }")
    return {str(r["v"]) for r in rows}


def test_same_file_same_extractor_is_unchanged(store):
    first = ingest_file(store, SEED)
    assert first.status == "ingested"
    before = store.export("nquads")
    again = ingest_file(store, SEED)
    assert (again.status, again.graph) == ("unchanged", first.graph)
    assert store.export("nquads") == before


def test_a_new_extractor_version_extracts_the_same_file_again(store, monkeypatch):
    first = ingest_file(store, SEED)
    assert _versions(store) == {pipeline.EXTRACTOR_VERSION}
    monkeypatch.setattr(pipeline, "EXTRACTOR_VERSION", pipeline.EXTRACTOR_VERSION + "-next")
    again = ingest_file(store, SEED)
    assert (again.status, again.graph) == ("replaced", first.graph)
    assert _versions(store) == {pipeline.EXTRACTOR_VERSION}  # the old extraction is gone, not kept beside
    assert len(list_documents(store)) == 1
    assert ingest_file(store, SEED).status == "unchanged"  # and now it is current


def test_a_document_named_anew_moves_its_rendition_out_of_the_old_graph(store, monkeypatch):
    """An extractor that keys the document differently: the old graph goes once the new one is in."""
    from styrgraf.ingest import identity

    first = ingest_file(store, SEED)
    monkeypatch.setattr(pipeline, "EXTRACTOR_VERSION", pipeline.EXTRACTOR_VERSION + "-next")
    key = identity.document_key
    monkeypatch.setattr(identity, "document_key", lambda info: key(info) + "-ny")
    again = ingest_file(store, SEED)
    assert again.status == "replaced" and again.graph != first.graph
    assert [d["graph"] for d in list_documents(store)] == [again.graph]
    assert not store.has_graph(first.graph)


def test_a_client_that_leaves_during_extraction_finds_nothing_written(store, monkeypatch):
    """The read finished, then the client left while the text was extracted: the write is skipped."""
    import threading

    from styrgraf.graph import documents
    from styrgraf.ingest.abandon import abandon_when

    gone = threading.Event()
    extract = documents.extract_path

    def extract_then_leave(path):
        extracted = extract(path)
        gone.set()
        return extracted

    monkeypatch.setattr(documents, "extract_path", extract_then_leave)
    with abandon_when(gone):
        result = ingest_file(store, SEED)
    assert result.status == "failed" and "kopplade ner" in result.reason and "disconnected" in result.reason_en
    assert list_documents(store) == []
    monkeypatch.setattr(documents, "extract_path", extract)
    assert ingest_file(store, SEED).status == "ingested"  # the same file, nobody leaving, is written
