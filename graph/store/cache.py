"""Per-store caches that follow the stored documents.

Search indexes and name tables are built from the whole store, which is too
slow to do per request on a large store, and valid until a document is
ingested, replaced or removed. Their key is the store's location, their
validity the store's signature: its generation (`GraphStore.generation()`, a
token every write replaces; one index lookup per use).
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Callable, Hashable, Iterator, TypeVar

from styrgraf.graph.store.interface import GraphStore

T = TypeVar("T")

_LOCK = threading.Lock()
_ENTRIES: dict[tuple[str, str], tuple[str, object]] = {}
_BUILDING: dict[tuple[str, str], threading.Lock] = {}
# Signatures already read in the current answer (see `one_view`).
_VIEW: ContextVar[dict[str, str] | None] = ContextVar("styrgraf_store_view", default=None)


@contextmanager
def one_view() -> Iterator[None]:
    """Within the block, each store's signature is read once: one answer, one state of the store."""
    token = _VIEW.set({})
    try:
        yield
    finally:
        _VIEW.reset(token)


def _signature(store: GraphStore) -> str:
    memo = _VIEW.get()
    if memo is None:
        return store_signature(store)
    if store.location not in memo:
        memo[store.location] = store_signature(store)
    return memo[store.location]


def store_signature(store: GraphStore) -> str:
    """What identifies the stored documents' content: the store's generation.

    Every write through the store layer sets a new one in the same
    transaction, so equal signatures mean unchanged documents, also when
    another process wrote them.
    """
    return store.generation()


def cached(store: GraphStore, name: str, build: Callable[[GraphStore], T]) -> T:
    """`build(store)`, reused while the store's documents are unchanged.

    One build per key at a time (others wait for it and reuse it); builds of
    different keys, which may use each other, run independently.
    """
    return updated(store, name, build, lambda s, _old: build(s))


def updated(store: GraphStore, name: str, build: Callable[[GraphStore], T],
            update: Callable[[GraphStore, T], T]) -> T:
    """Like `cached`, but a value built at an older signature is brought up to date by
    `update(store, old)` (which must return a new value and leave `old` as it is: other
    threads may be reading it) rather than built anew."""
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
        value = build(store) if entry is None else update(store, entry[1])  # type: ignore[arg-type]
        with _LOCK:
            _ENTRIES[key] = (signature, value)
        return value


class _Answers:
    """The answers of one kind kept for one store generation: the most recently asked `size` of them."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.lock = threading.Lock()
        self.entries: OrderedDict[Hashable, object] = OrderedDict()


def remembered(store: GraphStore, name: str, key: Hashable, build: Callable[[], T], size: int = 128) -> T:
    """`build()`, the answer to request `key` of kind `name`, kept while the store's documents are
    unchanged: the `size` most recently asked are kept (a write discards them all, as a new
    generation starts an empty set). What it returns is shared: callers must not change it.

    For answers that are cheap to keep but too slow to compute on every request (a page of ranked
    pairs with their evidence, a question's answer) and that vary with the request.
    """
    answers = cached(store, f"answers-{name}", lambda _s: _Answers(size))
    with answers.lock:
        if key in answers.entries:
            answers.entries.move_to_end(key)
            return answers.entries[key]  # type: ignore[return-value]
    value = build()  # not under the lock: answers of other keys need not wait
    with answers.lock:
        answers.entries[key] = value
        answers.entries.move_to_end(key)
        while len(answers.entries) > answers.size:
            answers.entries.popitem(last=False)
    return value


def peek(store: GraphStore, name: str, signature: str) -> object | None:
    """What `cached` holds for `name` if it was built at `signature`, else None (never builds)."""
    with _LOCK:
        entry = _ENTRIES.get((store.location, name))
    return entry[1] if entry is not None and entry[0] == signature else None


def clear() -> None:
    with _LOCK:
        _ENTRIES.clear()
