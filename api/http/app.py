"""The Styrgraf HTTP server: `create_app()` builds the FastAPI application.

One store is opened per application (read-write, since uploads write) and
shared by all requests through `api.deps.get_store`.  Routers: `/health`,
`/sparql`, `/id/...` (linked data), `/api/documents` (writing) and the read
API in `api.routes` when that module exists.  Read answers are reused while the
store's generation is unchanged (`api.response_cache`).
"""
from __future__ import annotations

import os
import threading
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel

from styrgraf.graph.store.cache import cached, peek
from styrgraf.graph.errors import StoreError, Words, message_in, texts
from styrgraf.graph.store.interface import open_store, resolve_location

from styrgraf.api.http import errors

from styrgraf.api.http import docs_pages, linked_data

from styrgraf.api.sparql import routes as sparql

from styrgraf.api.http import upload
from styrgraf.api.http.conditional import ConditionalMiddleware
from styrgraf.api.http.deps import start_warm_up
from styrgraf.graph.documents import prepare_ingest
from styrgraf.api.http.server_registry import store_fingerprint
from styrgraf.api.http.response_cache import DEFAULT_MAX_BYTES, ResponseCache, ResponseCacheMiddleware, read_generation
from styrgraf.api.sparql.execute import Limits, QueryRunner

TOKEN_ENV = "STYRGRAF_TOKEN"
DEFAULT_MAX_UPLOAD = 50 * 1024 * 1024

from styrgraf.api.http.routes import router as read_router
from styrgraf.api.http.routes_analysis import router as analysis_router
from styrgraf.api.web.routes import WARM_UP_STEPS, router as web_router
from styrgraf.api.web.upload import router as web_upload_router


class StoreStatus(BaseModel):
    id: str
    kind: str
    graphs: int
    triples: int


class Health(BaseModel):
    status: str
    store: StoreStatus


def public_location(location: str) -> str:
    """The store location without any user:password part of a URL."""
    if "://" not in location:
        return location
    parts = urlsplit(location)
    netloc = parts.hostname or ""
    if parts.port:
        netloc += f":{parts.port}"
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def store_kind(store: Any) -> str:
    from styrgraf.graph.store.embedded import EmbeddedStore

    return "embedded" if isinstance(store, EmbeddedStore) else "remote"


def create_app(store_location: str | None = None, *, token: str | None = None, query_timeout: float = 10.0,
               row_cap: int = 10_000, max_upload: int = DEFAULT_MAX_UPLOAD, local_token: str | None = None,
               query_workers: int = 4, query_memory: int | None = 2 * 1024 ** 3,
               response_cache_bytes: int = DEFAULT_MAX_BYTES, warm_up: bool = False) -> FastAPI:
    """Open the store (`--store`, else $STYRGRAF_STORE, else ./var/store) and build the app.

    `token` (else $STYRGRAF_TOKEN) lets clients write; without it writing over
    HTTP is off.  `local_token` is the per-run token of `styrgraf serve`.
    SPARQL endpoint limits: `query_timeout` seconds, `row_cap` rows,
    `query_workers` queries at once, `query_memory` bytes per query process.
    `response_cache_bytes` bounds the cached read answers (0: no cache). `warm_up` builds the
    store-wide tables of the pages in a background thread right away (`graph.warm`), so that the
    first visitors need not wait for them.
    Raises StoreError if the store cannot be opened (e.g. locked by another process).
    """
    location = resolve_location(store_location)
    store = open_store(location)
    app = FastAPI(title="Styrgraf", version="0.1.0", docs_url=None, redoc_url=None,
                  description="Kunskapsgraf över kommunala styrdokument: SPARQL, länkade data och dokument.")
    app.state.store = store
    # Absolute, for the operator's log line; /health shows only its fingerprint.
    app.state.store_location = public_location(location if "://" in location else os.path.abspath(location))
    app.state.store_id = store_fingerprint(app.state.store_location)
    app.state.token = (token if token is not None else os.environ.get(TOKEN_ENV)) or None
    app.state.local_token = local_token or None
    app.state.query_limits = Limits(timeout=query_timeout, row_cap=row_cap, memory_bytes=query_memory)
    app.state.query_runner = QueryRunner(store, query_workers)
    app.state.max_upload = max_upload
    app.state.write_lock = threading.Lock()
    app.state.closing = threading.Event()
    app.state.warm_up = None
    app.state.warm_lock = threading.Lock()
    app.state.warm_steps = WARM_UP_STEPS if warm_up else None
    if warm_up:
        start_warm_up(app.state)
        if app.state.token or app.state.local_token:  # files may be sent: the PDF reader is made ready
            prepare_ingest()
    app.state.response_cache = ResponseCache(max_bytes=response_cache_bytes)
    if response_cache_bytes > 0:
        app.add_middleware(ResponseCacheMiddleware, store_of=lambda: app.state.store,
                           cache=app.state.response_cache)
    # Outermost, so that HEAD reaches the routes (and the cache) as GET.
    app.add_middleware(ConditionalMiddleware, store_of=lambda: app.state.store)

    errors.install(app)
    docs_pages.install(app)
    app.add_api_route("/health", health, methods=["GET"], response_model=Health, tags=["status"],
                      summary="Serverns och lagrets status",
                      responses={503: {"model": errors.ErrorBody, "description": "Lagret kan inte nås"}})
    app.include_router(sparql.router)
    app.include_router(linked_data.router)
    app.include_router(upload.router)
    # The analysis router first: its /api/dependencies/cycles must win over /api/dependencies/{id}.
    app.include_router(analysis_router)
    app.include_router(read_router)
    app.include_router(web_router)
    app.include_router(web_upload_router)
    errors.patch_openapi(app)
    return app


def close_app(app: FastAPI) -> None:
    """Release what `create_app` opened: query checkpoints and the store (and its lock)."""
    app.state.closing.set()  # the warm-up stops after its current step
    app.state.query_runner.close()
    app.state.store.close()


async def health(request: Request) -> Any:
    """Liveness and the store's state; 503 when the store cannot be read.

    Asynchronous, so that a liveness probe does not wait for a worker thread: the
    store's counts are kept per generation (`graph.cache`), and only a new
    generation sends the counting to a thread.
    """
    state = request.app.state
    store = state.store
    try:
        counts = None
        if hasattr(store, "generation"):
            counts = peek(store, "health-counts", await read_generation(store))
        if counts is None:
            counts = await run_in_threadpool(_counts_of, store)
    except (StoreError, OSError) as error:
        lang = errors.request_lang(request)
        sv, en = texts("store.unreadable", error=Words(message_in(error, "sv"), message_in(error, "en")))
        return errors.error_response(503, "store_unavailable", en if lang == "en" else sv, lang=lang)
    return {"status": "ok", "store": {"id": state.store_id, "kind": store_kind(store), **counts}}


def _counts_of(store: Any) -> dict[str, int]:
    """Counted once per store generation; a store object without generations is counted each time."""
    if not hasattr(store, "generation"):
        return _store_counts(store)
    return cached(store, "health-counts", _store_counts)


def _store_counts(store: Any) -> dict[str, int]:
    """How many document graphs and triples the store holds (seconds on a large store)."""
    graphs = store.graphs()
    return {"graphs": len(graphs), "triples": sum(g.triples for g in graphs)}
