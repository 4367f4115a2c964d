"""Per-store caches that follow the stored documents.

Search indexes and name tables are built from the whole store, which is too
slow to do per request on a large store, and valid until a document is
ingested, replaced or removed. Their key is the store's location, their
validity the store's signature: every document graph and the time it was
made (one cheap query per use).
"""
from __future__ import annotations

import threading
from typing import Callable, TypeVar

from ontology.terms import sparql_prefixes

from .store import GraphStore

T = TypeVar("T")

_LOCK = threading.Lock()
_ENTRIES: dict[tuple[str, str], tuple[tuple, object]] = {}


def store_signature(store: GraphStore) -> tuple:
    """What identifies the stored documents' content: each document graph and when it was made."""
    rows = store.select(sparql_prefixes() + "SELECT ?g ?at WHERE { ?g a sg:DocumentGraph ; prov:generatedAtTime ?at }")
    return tuple(sorted((str(r["g"]), str(r.get("at"))) for r in rows))


def cached(store: GraphStore, name: str, build: Callable[[GraphStore], T]) -> T:
    """`build(store)`, reused while the store's documents are unchanged."""
    signature = store_signature(store)
    key = (store.location, name)
    with _LOCK:
        entry = _ENTRIES.get(key)
        if entry is not None and entry[0] == signature:
            return entry[1]  # type: ignore[return-value]
        value = build(store)
        _ENTRIES[key] = (signature, value)
        return value


def clear() -> None:
    with _LOCK:
        _ENTRIES.clear()
