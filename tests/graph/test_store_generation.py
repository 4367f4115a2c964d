"""The store generation: a token every write replaces, for cheap change detection.

Run against both backends (`store` is parametrised in tests/graph/conftest.py):
an embedded Oxigraph store and a real `oxigraph serve` process.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef

from styrgraf.graph.store import cache
from styrgraf.graph.documents import ingest_file, remove_document
from styrgraf.graph.errors import StoreError
from styrgraf.graph.store.interface import GraphInfo, _any_update_with_new_generation, open_store, with_new_generation
from styrgraf.graph.store.terms import GENERATION_PREDICATE, SYSTEM_GRAPH
from tests.graph.test_store import EX, doc_triples, graph_iri

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "corpus" / "000_5a26368617003b47.txt"

READ_GENERATION = (
    "import sys\n"
    "from styrgraf.graph.store.interface import open_store\n"
    "store = open_store(sys.argv[1], read_only=True)\n"
    "print(store.generation())\n"
    "store.close()\n"
)
WRITE_DOCUMENT = (
    "import sys\n"
    "from rdflib import Literal, URIRef\n"
    "from styrgraf.graph.store.interface import open_store\n"
    "store = open_store(sys.argv[1])\n"
    "store.replace_graph(sys.argv[2], [(URIRef(sys.argv[2] + '#x'), URIRef(sys.argv[2] + '#p'), Literal('v'))])\n"
    "print(store.generation())\n"
    "store.close()\n"
)


def run_python(code: str, *args: str) -> str:
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                            timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


# -- every kind of write changes it, writing nothing does not ---------------------


def test_new_store_has_empty_generation(store):
    assert store.generation() == ""


def test_writes_change_the_generation(store):
    seen = [store.generation()]

    def changed() -> bool:
        seen.append(store.generation())
        return seen[-1] != seen[-2] and seen[-1] != ""

    store.replace_graph(graph_iri("a"), doc_triples("a", "aa11"))
    assert changed()
    store.replace_graph(graph_iri("a"), doc_triples("a", "aa22", paragraphs=1))
    assert changed()
    store.add_triples(graph_iri("a"), [(URIRef(EX + "a"), URIRef(EX + "note"), Literal("tillägg"))])
    assert changed()
    store.replace_graph(graph_iri("b"), doc_triples("b", "bb11"))
    assert changed()
    assert store.drop_graph(graph_iri("b"))
    assert changed()
    store.update(f"DELETE DATA {{ GRAPH <{graph_iri('a')}> {{ <{EX}a> <{EX}note> \"tillägg\" }} }}")
    assert changed()
    store.import_data(f'<{EX}c> <{EX}p> "v" .\n'.encode(), "ntriples", graph_iri("c"))
    assert changed()
    store.replace_graph(graph_iri("a"), [])
    assert changed()
    assert len(set(seen)) == len(seen), "a token came back"


def test_writing_nothing_keeps_the_generation(store):
    store.replace_graph(graph_iri("a"), doc_triples("a", "aa11"))
    before = store.generation()
    assert store.drop_graph(graph_iri("missing")) is False
    store.replace_graph(graph_iri("missing"), [])
    store.add_triples(graph_iri("a"), [])
    assert store.generation() == before


def test_replacing_with_the_same_content_keeps_the_generation(embedded_store):
    # The embedded backend writes only the difference, so an identical
    # replacement is no write at all (the remote one always rewrites).
    triples = doc_triples("a", "aa11")
    embedded_store.replace_graph(graph_iri("a"), triples)
    before = embedded_store.generation()
    embedded_store.replace_graph(graph_iri("a"), list(reversed(triples)))
    assert embedded_store.generation() == before


def test_ingest_new_version_and_remove_of_a_document(store, tmp_path):
    first = ingest_file(store, SEED)
    assert first.status == "ingested", first.reason
    ingested = store.generation()
    assert ingested != ""

    assert ingest_file(store, SEED).status == "unchanged"
    assert store.generation() == ingested

    changed = tmp_path / SEED.name
    changed.write_text(SEED.read_text(encoding="utf-8") + "\nEtt tillagt stycke.\n", encoding="utf-8")
    version = ingest_file(store, changed)
    assert version.status == "version"  # other text: a second version beside the first
    versioned = store.generation()
    assert versioned not in ("", ingested)

    assert remove_document(store, first.graph) == first.graph
    removed = store.generation()
    assert removed not in ("", ingested, versioned)
    assert remove_document(store, version.graph) == version.graph
    assert store.generation() not in ("", ingested, versioned, removed)
    assert store.graphs() == []


def test_failed_update_keeps_the_generation(store):
    store.replace_graph(graph_iri("a"), doc_triples("a", "aa11"))
    before = store.generation()
    with pytest.raises(StoreError):
        store.update(f"INSERT DATA {{ GRAPH <{graph_iri('a')}> {{ <{EX}x> <{EX}p> ")
    assert store.generation() == before


# -- the write and its generation are one transaction --------------------------------


def test_generation_and_content_change_together(store):
    """Readers see each token with one version of the data only.

    Each read is one query, so it sees one state of the store; if the
    generation were written in a transaction of its own, a reader could see
    the new data beside the old token.
    """
    graph = graph_iri("versions")
    query = (f"SELECT ?t ?o WHERE {{ GRAPH <{SYSTEM_GRAPH}> {{ <{SYSTEM_GRAPH}> <{GENERATION_PREDICATE}> ?t }} "
             f"GRAPH <{graph}> {{ <{EX}s> <{EX}val> ?o }} }}")

    def version(number: int) -> list[tuple]:
        data = [(URIRef(f"{EX}c{i}"), URIRef(EX + "const"), Literal(i)) for i in range(500)]
        return data + [(URIRef(EX + "s"), URIRef(EX + "val"), Literal(f"v{number}"))]

    store.replace_graph(graph, version(0))
    versions_by_token: dict[str, set[str]] = {}

    def read() -> None:
        for row in store.select(query):
            versions_by_token.setdefault(str(row["t"]), set()).add(str(row["o"]))

    def write() -> None:
        for number in range(1, 25):
            store.replace_graph(graph, version(number))

    read_while(read, write)
    assert versions_by_token
    assert all(len(versions) == 1 for versions in versions_by_token.values()), versions_by_token


def read_while(read, write, readers: int = 2) -> None:
    """Call `read` in `readers` threads, again and again, until `write` returns."""
    stop = threading.Event()

    def loop() -> None:
        while not stop.is_set():
            read()

    with ThreadPoolExecutor(readers) as pool:
        running = [pool.submit(loop) for _ in range(readers)]
        try:
            write()
        finally:
            stop.set()
        for future in running:
            future.result(timeout=60)  # a reader's error fails the test here


# -- the system graph stays out of what users see ----------------------------------


def test_system_graph_is_not_a_document(store):
    store.replace_graph(graph_iri("a"), doc_triples("a", "aa11"))
    store.replace_graph(graph_iri("b"), doc_triples("b", "bb22", paragraphs=1))
    assert store.has_graph(SYSTEM_GRAPH)
    assert store.graphs() == [GraphInfo(graph_iri("a"), 10), GraphInfo(graph_iri("b"), 6)]
    assert store.count_triples() == 16
    for fmt in ("nquads", "trig", "jsonld"):
        assert SYSTEM_GRAPH.encode() not in store.export(fmt)


def test_export_import_export_is_identical(store_factory):
    source = store_factory()
    source.replace_graph(graph_iri("a"), doc_triples("a", "aa11"))
    source.replace_graph(graph_iri("b"), doc_triples("b", "bb22"))
    exported = source.export("trig")
    target = store_factory()  # remote: the same server, emptied first
    target.import_data(exported, "trig")
    assert target.export("trig") == exported
    assert target.generation() != ""


def test_system_graph_cannot_be_written_as_a_document(store):
    triple = [(URIRef(EX + "a"), URIRef(EX + "p"), Literal("v"))]
    for write in (lambda: store.replace_graph(SYSTEM_GRAPH, triple),
                  lambda: store.add_triples(SYSTEM_GRAPH, triple),
                  lambda: store.drop_graph(SYSTEM_GRAPH),
                  lambda: store.import_data(f'<{EX}a> <{EX}p> "v" <{SYSTEM_GRAPH}> .\n'.encode(), "nquads")):
        with pytest.raises(StoreError) as error:
            write()
        assert error.value.code == "invalid_data"
    assert store.generation() == ""


# -- other processes and older stores -----------------------------------------------


def test_another_process_sees_the_generation(tmp_path):
    location = str(tmp_path / "store")
    store = open_store(location)
    store.replace_graph(graph_iri("a"), doc_triples("a", "aa11"))
    mine = store.generation()
    store.close()
    assert run_python(READ_GENERATION, location) == mine

    theirs = run_python(WRITE_DOCUMENT, location, graph_iri("b"))
    assert theirs not in ("", mine)
    reopened = open_store(location, read_only=True)
    try:
        assert reopened.generation() == theirs
    finally:
        reopened.close()


def test_a_remote_reader_sees_another_process_write(remote_server):
    remote_server.clear()
    reader = open_store(remote_server.url)
    try:
        reader.replace_graph(graph_iri("a"), doc_triples("a", "aa11"))
        before = reader.generation()
        theirs = run_python(WRITE_DOCUMENT, remote_server.url, graph_iri("b"))
        assert reader.generation() == theirs != before
    finally:
        reader.close()


def test_store_from_before_generations(tmp_path, remote_server):
    """A store written without a marker answers "" and gets one with its next write."""
    data = f'<{EX}a> <{EX}p> "v" <{graph_iri("old")}> .\n'
    location = str(tmp_path / "old")
    raw = ox.Store(location)
    raw.load(data.encode(), ox.RdfFormat.N_QUADS)
    del raw
    remote_server.clear()
    httpx.post(remote_server.url + "/store", content=data.encode(),
               headers={"Content-Type": "application/n-quads"}, timeout=30).raise_for_status()
    for where in (location, remote_server.url):
        store = open_store(where)
        try:
            assert store.generation() == ""
            assert store.graphs() == [GraphInfo(graph_iri("old"), 1)]
            store.replace_graph(graph_iri("new"), doc_triples("a", "aa11"))
            assert store.generation() != ""
            assert [info.iri for info in store.graphs()] == [graph_iri("new"), graph_iri("old")]
        finally:
            store.close()


# -- update text and the appended marker -----------------------------------------------


@pytest.mark.parametrize("update", [
    f"INSERT DATA {{ GRAPH <{EX}g> {{ <{EX}a> <{EX}p> \";\" }} }}",
    f"INSERT DATA {{ GRAPH <{EX}g> {{ <{EX}a> <{EX}p> \"v\" }} }} ;",
    f"INSERT DATA {{ GRAPH <{EX}g> {{ <{EX}a> <{EX}p> \"v\" }} }} # the end ;",
    f"INSERT DATA {{ GRAPH <{EX}g> {{ <{EX}a> <{EX}p> \"v\" }} }} ;\n# nothing more",
    f"PREFIX ex: <{EX}>\nINSERT DATA {{ GRAPH ex:g {{ ex:a ex:p 'v' }} }}",
    f"PREFIX ex: <{EX}>",
    "",
])
def test_marker_appended_to_any_update(embedded_store, update):
    embedded_store.update(update)
    assert embedded_store.generation() != ""


def test_update_dropping_everything_still_leaves_a_new_generation(store):
    store.replace_graph(graph_iri("a"), doc_triples("a", "aa11"))
    before = store.generation()
    store.update("DROP ALL")
    assert store.graphs() == []
    assert store.generation() not in ("", before)


def test_marker_operations_are_separate_from_the_update():
    appended = with_new_generation("INSERT DATA { <a:b> <a:c> 1 }")
    assert appended.startswith("INSERT DATA { <a:b> <a:c> 1 }\n;\nDELETE WHERE")
    after_semicolon = _any_update_with_new_generation("INSERT DATA { <a:b> <a:c> 1 } ;")
    assert after_semicolon.startswith("INSERT DATA { <a:b> <a:c> 1 } ;\nDELETE WHERE")
    assert with_new_generation("x") != with_new_generation("x")  # a fresh token each time


# -- the per-store caches follow it ------------------------------------------------------


def test_store_caches_rebuild_after_a_write(store):
    builds: list[int] = []

    def build(s) -> int:
        builds.append(s.count_triples())
        return builds[-1]

    store.replace_graph(graph_iri("a"), doc_triples("a", "aa11"))
    assert cache.cached(store, "test-count", build) == 10
    assert cache.cached(store, "test-count", build) == 10
    assert builds == [10]
    store.add_triples(graph_iri("a"), [(URIRef(EX + "a"), URIRef(EX + "note"), Literal("ny"))])
    assert cache.cached(store, "test-count", build) == 11
    assert builds == [10, 11]
    assert cache.store_signature(store) == store.generation()
