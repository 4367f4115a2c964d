"""Stores for the analysis tests: the seed, and the hand-written plans of `docs.py`, each ingested once."""
from __future__ import annotations

from pathlib import Path

import pytest

from styrgraf.graph.documents import ingest_file
from styrgraf.graph.store.interface import open_store

from tests.graph.analysis.docs import write_documents

ROOT = Path(__file__).resolve().parents[3]
SEED = ROOT / "corpus" / "000_5a26368617003b47.txt"
SEED_GRAPH_KEY = "halmstad-projektplan-ks-2011-0456-2012-02-22"


def ingest_all(store, paths) -> None:
    for path in paths:
        result = ingest_file(store, path)
        assert result.ok, (path, result.reason)


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory):
    store = open_store(str(tmp_path_factory.mktemp("seed") / "store"))
    ingest_all(store, [SEED])
    yield store
    store.close()


@pytest.fixture(scope="session")
def hand_docs(tmp_path_factory) -> dict[str, Path]:
    return write_documents(tmp_path_factory.mktemp("hand-docs"))


@pytest.fixture(scope="session")
def hand_store(tmp_path_factory, hand_docs):
    """Plans A, B (Solvik) and C (Ekby): hand-written, no seed."""
    store = open_store(str(tmp_path_factory.mktemp("hand") / "store"))
    ingest_all(store, hand_docs.values())
    yield store
    store.close()


@pytest.fixture
def fresh_store(tmp_path):
    """An empty store of one's own, for tests that write."""
    store = open_store(str(tmp_path / "store"))
    yield store
    store.close()


def seed_iri(kind: str, suffix: str) -> str:
    """A seed entity's IRI as the Minter mints it (`…-delprojekt-2`; the project has no suffix)."""
    from styrgraf.ingest.identity import LOCAL_TAGS

    tail = "" if kind == "project" else f"-{suffix}"
    return f"https://styrgraf.example/id/{kind}/{SEED_GRAPH_KEY}-{LOCAL_TAGS.get(kind, kind)}{tail}"


def subproject_by(p, identifier: str, number: int) -> str:
    """The IRI of subproject `number` of the document with case number `identifier`."""
    found = [s for s in p.of_kind("subproject")
             if p.node(s).get("number") == number and p.node(p.node(s)["doc"]).get("identifier") == identifier]
    assert len(found) == 1, (identifier, number, found)
    return found[0]


def people_named(p, name: str) -> list[str]:
    from styrgraf.graph.analysis.similarity import fold_name
    return [x for x in p.of_kind("person") if any(fold_name(n) == fold_name(name) for n in p.node(x)["names"])]
