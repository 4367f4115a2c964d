"""The seed plan in an embedded store, built once per test session, for the query tests.

`seed_store_path(tmp_path_factory)` ingests the text export and the PDF of the
one real document (the PDF becomes a second rendition) into a directory under
pytest's session temp dir, the first time it is called; later calls (from any
test module) reuse it. Tests open it with `open_store(path)`: within one
process every open shares one Oxigraph handle.
"""
from __future__ import annotations

import threading
from pathlib import Path

import pytest

from styrgraf.graph.documents import ingest_file
from styrgraf.graph.store.interface import open_store

ROOT = Path(__file__).resolve().parents[1]
SEED_TEXT = ROOT / "corpus" / "000_5a26368617003b47.txt"
SEED_PDF = ROOT / "corpus" / "halmstad-projektplan-2012.pdf"
# The seed's document and entity ids (slugs minted by ingest.identity).
DOC = "halmstad-projektplan-ks-2011-0456-2012-02-22"
PROJECT = DOC + "-projekt"

_lock = threading.Lock()
_built: dict[str, Path] = {}


def sub(n: int) -> str:
    return f"{DOC}-delprojekt-{n}"


def seed_store_path(factory: pytest.TempPathFactory) -> Path:
    with _lock:
        key = str(factory.getbasetemp())
        if key not in _built:
            path = factory.getbasetemp() / "query-seed-store"
            store = open_store(str(path))
            try:
                results = [ingest_file(store, SEED_TEXT), ingest_file(store, SEED_PDF)]
            finally:
                store.close()
            assert [r.status for r in results] == ["ingested", "rendition"], [r.reason for r in results]
            _built[key] = path
        return _built[key]
