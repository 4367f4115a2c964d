"""Per-store caches that follow the stored documents.

Search indexes and name tables are built from the whole store, which is too
slow to do per request on a large store, and valid until a document is
ingested, replaced or removed. Their key is the store's location, their
validity the store's signature: every document graph and the time it was
made (one cheap query per use).
"""
from __future__ import annotations

import threading
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Callable, Iterator, TypeVar

from ontology.terms import sparql_prefixes

from .store import GraphStore

T = TypeVar("T")

_LOCK = threading.Lock()
_ENTRIES: dict[tuple[str, str], tuple[tuple, object]] = {}
_BUILDING: dict[tuple[str, str], threading.Lock] = {}
# Signatures already read in the current answer (see `one_view`).
_VIEW: ContextVar[dict[str, tuple] | None] = ContextVar("styrgraf_store_view", default=None)


@contextmanager
def one_view() -> Iterator[None]:
    """Within the block, each store's signature is read once: one answer, one state of the store."""
    token = _VIEW.set({})
    try:
        yield
    finally:
        _VIEW.reset(token)


def _signature(store: GraphStore) -> tuple:
    memo = _VIEW.get()
    if memo is None:
        return store_signature(store)
    if store.location not in memo:
        memo[store.location] = store_signature(store)
    return memo[store.location]


def store_signature(store: GraphStore) -> tuple:
    """What identifies the stored documents' content: each document graph and when it was made.

    Concatenated in the store: one result term instead of two per document
    (turning terms into Python objects is most of a query's cost).
    """
    rows = store.select(sparql_prefixes() + """
        SELECT (GROUP_CONCAT(CONCAT(STR(?g), " ", STR(?at)); separator="|") AS ?sig) WHERE {
          ?g a sg:DocumentGraph ; prov:generatedAtTime ?at }""")
    value = str(rows[0]["sig"]) if rows and rows[0].get("sig") is not None else ""
    return tuple(sorted(value.split("|"))) if value else ()


def cached(store: GraphStore, name: str, build: Callable[[GraphStore], T]) -> T:
    """`build(store)`, reused while the store's documents are unchanged.

    One build per key at a time (others wait for it and reuse it); builds of
    different keys, which may use each other, run independently.
    """
    signature = _signature(store)
    key = (store.location, name)
    with _LOCK:
        entry = _ENTRIES.get(key)
        if entry is not None and entry[0] == signature:
            return entry[1]  # type: ignore[return-value]
        building = _BUILDING.setdefault(key, threading.Lock())
    with building:
        with _LOCK:
            entry = _ENTRIES.get(key)
            if entry is not None and entry[0] == signature:
                return entry[1]  # type: ignore[return-value]
        value = build(store)
        with _LOCK:
            _ENTRIES[key] = (signature, value)
        return value


def clear() -> None:
    with _LOCK:
        _ENTRIES.clear()
