"""Rendered read answers, reused while the store's generation is unchanged.

Why: an answer of the read API takes 10-150 ms of queries and assembly (more
on a large store) but only changes when the stored documents do, and every
write through the store layer sets a new generation in the same transaction
(`GraphStore.generation()`, one index lookup for the embedded store).  So the
middleware below reads the generation once per request, *before* the answer is
computed, and keeps the finished response bytes under
(generation, path, normalised query[, Accept]).  A write through this server or
another process changes the generation, the next request sees it and the
whole cache is dropped: no stale answer is ever served.  An answer computed
while a write commits is filed under the older generation, which no later
request asks for.

Only GET requests to the read API (`/api/…`) and linked data (`/id/…`) with
status 200 are kept; `/health` and `/sparql` always run.  The read API answers
JSON whatever the Accept header says, so only linked data is keyed by it (a
missing Accept counts as `*/*`); a route that starts negotiating by Accept
must have its prefix in ACCEPT_VARIES.  Bounded by entries
and bytes (least recently used first out); a larger answer is not kept.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any, Awaitable, Callable
from urllib.parse import parse_qsl, urlencode

from starlette.concurrency import run_in_threadpool

CACHED_PREFIXES = ("/api/", "/id/")
ACCEPT_VARIES = ("/id/",)
DEFAULT_MAX_ENTRIES = 4096
DEFAULT_MAX_BYTES = 128 * 1024 * 1024
DEFAULT_MAX_BODY = 8 * 1024 * 1024

Message = dict[str, Any]
Entry = tuple[int, list[tuple[bytes, bytes]], bytes]


class ResponseCache:
    """An LRU of rendered responses for one store generation at a time."""

    def __init__(self, max_entries: int = DEFAULT_MAX_ENTRIES, max_bytes: int = DEFAULT_MAX_BYTES,
                 max_body: int = DEFAULT_MAX_BODY) -> None:
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.max_body = min(max_body, max_bytes)
        self.generation: str | None = None
        self._entries: OrderedDict[tuple, Entry] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, generation: str, key: tuple) -> Entry | None:
        with self._lock:
            if generation != self.generation:
                self._reset(generation)
                self.misses += 1
                return None
            entry = self._entries.get(key)
            if entry is None:
                self.misses += 1
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return entry

    def put(self, generation: str, key: tuple, entry: Entry) -> None:
        size = len(entry[2])
        if size > self.max_body:
            return
        with self._lock:
            if generation != self.generation:
                # Computed for a generation that is no longer (or not yet) current.
                return
            old = self._entries.pop(key, None)
            if old is not None:
                self._bytes -= len(old[2])
            self._entries[key] = entry
            self._bytes += size
            while self._entries and (len(self._entries) > self.max_entries or self._bytes > self.max_bytes):
                _, dropped = self._entries.popitem(last=False)
                self._bytes -= len(dropped[2])

    def clear(self) -> None:
        with self._lock:
            self._reset(None)

    def _reset(self, generation: str | None) -> None:
        self.generation = generation
        self._entries.clear()
        self._bytes = 0


def request_key(scope: dict[str, Any]) -> tuple:
    """Path, query parameters sorted by name (repeated names keep their order), Accept where it matters."""
    path = scope.get("path", "")
    query = scope.get("query_string", b"").decode("latin-1")
    pairs = sorted(parse_qsl(query, keep_blank_values=True), key=lambda pair: pair[0])
    accept = b""
    if path.startswith(ACCEPT_VARIES):
        accept = b"*/*"
        for name, value in scope.get("headers", ()):
            if name == b"accept":
                accept = value or b"*/*"
                break
    return path, urlencode(pairs), accept


async def read_generation(store: Any) -> str:
    """The store's generation, read without holding up the event loop: in place where it is
    an index lookup (`cheap_generation`), in a worker thread where it is a request to a server."""
    if getattr(store, "cheap_generation", False):
        return store.generation()
    return await run_in_threadpool(store.generation)


class ResponseCacheMiddleware:
    """ASGI middleware serving `ResponseCache` hits without running the route."""

    def __init__(self, app: Callable[..., Awaitable[None]], *, store_of: Callable[[], Any],
                 cache: ResponseCache) -> None:
        self.app = app
        self.store_of = store_of
        self.cache = cache

    async def _generation(self) -> str | None:
        try:
            return await read_generation(self.store_of())
        except Exception:  # noqa: BLE001 - the cache is an optimisation only
            return None  # the route answers (and reports the store's trouble)

    async def __call__(self, scope: dict[str, Any], receive: Callable, send: Callable) -> None:
        if (scope["type"] != "http" or scope["method"] != "GET"
                or not scope["path"].startswith(CACHED_PREFIXES)):
            await self.app(scope, receive, send)
            return
        # Read once per request: the conditional middleware outside may have read it already.
        generation = scope.get("styrgraf.generation") or await self._generation()
        if generation is None:
            await self.app(scope, receive, send)
            return
        key = request_key(scope)
        entry = self.cache.get(generation, key)
        if entry is not None:
            status, headers, body = entry
            await send({"type": "http.response.start", "status": status, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        started: Message = {}
        chunks: list[bytes] = []
        keep, size = True, 0

        async def capture(message: Message) -> None:
            nonlocal keep, size
            if message["type"] == "http.response.start":
                started.update(message)
                keep = message["status"] == 200
            elif message["type"] == "http.response.body" and keep:
                chunk = message.get("body", b"")
                chunks.append(chunk)
                size += len(chunk)
                if size > self.cache.max_body:
                    keep = False
                    chunks.clear()
            await send(message)

        await self.app(scope, receive, capture)
        if keep and started:
            headers = [(bytes(name), bytes(value)) for name, value in started.get("headers", [])]
            self.cache.put(generation, key, (200, headers, b"".join(chunks)))
