"""The warm-up of `styrgraf serve`: the store-wide tables are built ahead of the first request, for the
current generation, and a closed store ends it quietly."""
from __future__ import annotations

from pathlib import Path

from styrgraf.graph.documents import ingest_file
from styrgraf.graph.store import cache
from styrgraf.graph.store.interface import open_store
from styrgraf.graph.warm import STEPS, warm_up

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "corpus" / "000_5a26368617003b47.txt"


def test_warm_up_builds_the_tables_of_the_current_generation(tmp_path):
    store = open_store(str(tmp_path / "store"))
    try:
        assert ingest_file(store, SEED).ok
        generation = store.generation()
        assert cache.peek(store, "documents-newest-first", generation) is None
        assert warm_up(store) == [name for name, _step in STEPS]
        documents = cache.peek(store, "documents-newest-first", generation)
        assert documents is not None and len(documents) == 1
        assert cache.peek(store, "search-index", generation) is not None
        assert cache.peek(store, "analysis-overlaps-ranked", generation) is not None
    finally:
        store.close()


def test_warm_up_stops_when_asked_and_on_a_closed_store(tmp_path):
    store = open_store(str(tmp_path / "store"))
    assert ingest_file(store, SEED).ok
    assert warm_up(store, stopped=lambda: True) == []
    store.close()
    assert warm_up(store) == []
