"""Running SPARQL endpoint queries with a time limit and a row cap.

Why not simply `store.query_raw(..., timeout=...)`: for the embedded store
that call runs in the server process and cannot be stopped.  Measured on the
seed graph (8 970 triples): `SELECT * { ?a ?b ?c . ?d ?e ?f }` grows memory by
~50 MB/s without end, and `... FILTER(CONCAT(STR(?a), STR(?d)) = "x")` keeps
a core busy for 570 s; a timed-out call just keeps running.  So:

- embedded store: each query is checked and run in a worker process
  (`api.sparql.worker`, pooled by `api.sparql.pool`) on a read-only checkpoint
  of the store (`api.sparql.snapshots`); past the time limit the worker is
  killed and replaced.  Workers also have a memory limit (RLIMIT_AS), stop
  reading at the row cap and, on Linux, have no network at all.
- remote store: the check runs in a worker process under the same time limit
  (rdflib's parser can take many seconds on a large query, which a thread of
  the server could not stop); the canonical text it returns is then sent with
  `query_raw`, the rest of the time limit as HTTP timeout, from a thread of
  the server; the answer is parsed and held to the same row cap, so both
  backends behave alike.

Nothing about the query text is parsed or checked in the server process.

The request handler only awaits; the event loop keeps serving other requests.

Limits (also in the endpoint description):
- time limit exceeded -> 503 `{"error": "query_timeout"}`;
- more rows (solutions or triples) than the cap -> 413 `{"error": "result_too_large"}`
  (an error, not silent truncation: a client never mistakes part of an answer
  for all of it);
- query process out of memory -> 503 `{"error": "query_resources"}`;
- all query slots busy -> 503 `{"error": "busy"}`.
"""
from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import math
import threading
import time
from dataclasses import dataclass
from typing import Any, Sequence

import pyoxigraph as ox

from styrgraf.graph.errors import StoreError
from styrgraf.graph.store.media import content_type, negotiate
from styrgraf.graph.store.terms import SYSTEM_GRAPH, check_iri
from styrgraf.ontology.terms import PREFIXES

from styrgraf.api.sparql import worker as sparql_worker
from styrgraf.api.http.errors import ApiError
from styrgraf.api.sparql.snapshots import Snapshots
from styrgraf.api.sparql.pool import Cancelled, WorkerGone, WorkerPool

log = logging.getLogger("styrgraf.api")

_PREFIX_MAP = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}


@dataclass(frozen=True)
class Limits:
    timeout: float = 10.0
    row_cap: int = 10_000
    memory_bytes: int | None = 2 * 1024 ** 3


@dataclass
class QueryRequest:
    sparql: str
    accept: str | None
    default_graph_uri: Sequence[str] = ()
    named_graph_uri: Sequence[str] = ()


def _detached(error: BaseException) -> BaseException:
    """The error without traceback or chained errors.

    pyoxigraph results may only be freed on the thread that made them
    ("unsendable"); a traceback handed to the event loop would keep the worker
    thread's frames, and the results in them, alive until freed there.
    """
    error.__traceback__ = None
    error.__context__ = None
    error.__cause__ = None
    return error


def timeout_error(seconds: float) -> ApiError:
    return ApiError.say(503, "query_timeout", "sparql.timeout", seconds=seconds)


class QueryRunner:
    """Runs queries off the event loop, at most `workers` at once.

    A slot is freed only when its query really ended (the process was reaped),
    so queries past their time limit never pile up.
    """

    def __init__(self, store: Any, workers: int = 4) -> None:
        from styrgraf.graph.store.embedded import EmbeddedStore

        self.store = store
        self.snapshots = Snapshots(store) if isinstance(store, EmbeddedStore) else None
        self._workers = WorkerPool()
        self._slots = threading.BoundedSemaphore(workers)
        self._lock = threading.Lock()
        self._active = 0

    @property
    def active(self) -> int:
        """Queries still running, including ones whose client was already answered."""
        with self._lock:
            return self._active

    def store_changed(self) -> None:
        if self.snapshots is not None:
            self.snapshots.changed()

    def close(self) -> None:
        self._workers.close()
        if self.snapshots is not None:
            self.snapshots.close()

    async def run(self, request: QueryRequest, limits: Limits) -> tuple[bytes, str]:
        if not self._slots.acquire(blocking=False):
            raise ApiError.say(503, "busy", "sparql.busy", headers={"Retry-After": "5"})
        cancel = threading.Event()
        deadline = time.monotonic() + limits.timeout
        future: concurrent.futures.Future[tuple[bytes, str]] = concurrent.futures.Future()
        evaluate = self._in_process if self.snapshots is not None else self._remote

        def job() -> tuple[bytes, str]:
            # The graph parameters are checked here; the query text only in a worker process.
            plan = prepare(request)
            return evaluate(plan, limits, cancel, deadline)

        def work() -> None:
            try:
                future.set_running_or_notify_cancel()
                future.set_result(job())
            except BaseException as error:  # noqa: BLE001 - handed to the waiting request
                future.set_exception(_detached(error))
            finally:
                with self._lock:
                    self._active -= 1
                self._slots.release()

        with self._lock:
            self._active += 1
        try:
            threading.Thread(target=work, name="styrgraf-sparql", daemon=True).start()
        except RuntimeError:
            with self._lock:
                self._active -= 1
            self._slots.release()
            raise ApiError.say(503, "busy", "sparql.no_worker") from None
        waiter = asyncio.wrap_future(future)
        # A result that arrives after the client was answered is dropped quietly.
        waiter.add_done_callback(lambda done: done.cancelled() or done.exception())
        try:
            body, media = await asyncio.wait_for(asyncio.shield(waiter), timeout=limits.timeout)
        except (asyncio.TimeoutError, Cancelled):
            cancel.set()
            log.warning("SPARQL query stopped at the time limit (%g s): %.200s", limits.timeout, request.sparql)
            raise timeout_error(limits.timeout) from None
        except BaseException:
            cancel.set()
            raise
        return body, content_type(media)

    # -- embedded: a worker process per running query ------------------------

    def _in_process(self, plan: "Plan", limits: Limits, cancel: threading.Event, deadline: float) -> tuple[bytes, str]:
        assert self.snapshots is not None
        snapshot = self.snapshots.acquire()
        try:
            header, body = self._ask_worker({"kind": "query", "path": snapshot.path, "sparql": plan.sparql,
                                             "dataset": plan.dataset, "media": plan.media, "cap": limits.row_cap,
                                             "prefixes": _PREFIX_MAP}, limits, cancel, deadline)
        finally:
            self.snapshots.release(snapshot)
        if header["status"] == "ok":
            return body, header["media"]
        return _unpack(("error", header["code"], header["key"], header["detail"], header.get("detail_en")), plan)

    def _ask_worker(self, job: dict[str, Any], limits: Limits, cancel: threading.Event,
                    deadline: float) -> tuple[dict[str, Any], bytes]:
        """One job on a pooled worker process; a worker that died or overran is killed, not reused."""
        job = {**job, "alarm": math.ceil(max(0.0, deadline - time.monotonic())) + 5}
        for attempt in (1, 2):
            worker = self._workers.take(limits.memory_bytes)
            healthy = False
            try:
                header, body = worker.ask(job, cancel, deadline)
                healthy = True
            except WorkerGone as gone:
                if gone.before_job and attempt == 1:
                    continue  # an idle worker had died: try a fresh one
                header, body = sparql_worker.Refusal.of(503, "query_resources", "query.stopped").header(), b""
            finally:
                if healthy:
                    self._workers.give(worker)
                else:
                    worker.kill()
            return header, body
        raise AssertionError("unreachable")

    # -- remote: the remote server works, we wait ------------------------------

    def _remote(self, plan: "Plan", limits: Limits, cancel: threading.Event, deadline: float) -> tuple[bytes, str]:
        header, text = self._ask_worker({"kind": "check", "sparql": plan.sparql}, limits, cancel, deadline)
        if header["status"] != "ok":
            return _unpack(("error", header["code"], header["key"], header["detail"], header.get("detail_en")), plan)
        kind = sparql_worker.result_kind(header["form"])
        if plan.media.get(kind) is None:
            return _unpack(("error", 406, "not_acceptable", kind, None), plan)
        checked = _Checked(tuple(header["from"]), tuple(header["from_named"]))
        try:
            default, named = sparql_worker.dataset_graphs(checked, plan.dataset, self._remote_graphs())
        except sparql_worker.Refusal as refusal:
            return _unpack(("error", refusal.status, refusal.key, refusal.detail, refusal.detail_en), plan)
        graph_form = kind == "graph"
        accept = "application/n-triples" if graph_form else sparql_worker.JSON_RESULTS
        if cancel.is_set() or time.monotonic() > deadline:
            raise Cancelled()
        # Never an empty list: no dataset parameters would mean the union, bookkeeping graph included.
        body, _ = self.store.query_raw(text.decode("utf-8"), accept, default_graph_uri=default or [EMPTY_GRAPH],
                                       named_graph_uri=named or [EMPTY_GRAPH],
                                       timeout=max(0.1, deadline - time.monotonic()))
        try:
            if graph_form:
                result: Any = [q.triple for q in ox.parse(body, ox.RdfFormat.N_TRIPLES)]
            else:
                result = ox.parse_query_results(body, ox.QueryResultsFormat.JSON)
        except (SyntaxError, ValueError):
            raise StoreError.of("remote.unreadable", code="server_error") from None

        def check() -> None:
            if cancel.is_set() or time.monotonic() > deadline:
                raise Cancelled()

        try:
            body, media = sparql_worker.render(result, plan.media, limits.row_cap, _PREFIX_MAP, check)
        except sparql_worker.Refusal as refusal:
            return _unpack(("error", refusal.status, refusal.key, refusal.detail, refusal.detail_en), plan)
        return body, media

    def _remote_graphs(self) -> set[str]:
        """The remote store's document graphs (cheap: named graphs, no counting)."""
        rows = self.store.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }")
        return {str(row["g"]) for row in rows if row["g"] is not None} - {SYSTEM_GRAPH}


# A graph no store holds: an explicit dataset that selects nothing.
EMPTY_GRAPH = "urn:styrgraf:empty-dataset"


@dataclass(frozen=True)
class _Checked:
    """The dataset part of a checked query, as a worker reported it."""

    default_graphs: tuple[str, ...]
    named_graphs: tuple[str, ...]

    @property
    def has_dataset_clause(self) -> bool:
        return bool(self.default_graphs or self.named_graphs)


@dataclass
class Plan:
    sparql: str
    dataset: dict[str, Any]
    media: dict[str, str | None]
    accept: str | None


def _negotiated(accept: str | None, form: str) -> str | None:
    try:
        return negotiate(accept, form)
    except StoreError:
        return None


def prepare(request: QueryRequest) -> Plan:
    """The graph parameters and media types of a request (the query text is checked by a worker)."""
    for iri in (*request.default_graph_uri, *request.named_graph_uri):
        try:
            check_iri(iri)
        except StoreError:
            raise ApiError.say(422, "invalid_parameters", "sparql.bad_graph", iri=iri) from None
    dataset: dict[str, Any] = {}
    if request.default_graph_uri or request.named_graph_uri:
        # SPARQL protocol: an explicit dataset replaces the union default graph and FROM.
        dataset = {"default_graph": list(request.default_graph_uri), "named_graphs": list(request.named_graph_uri)}
    media = {"solutions": _negotiated(request.accept, "SELECT"),
             "graph": _negotiated(request.accept, "CONSTRUCT")}
    return Plan(request.sparql, dataset, media, request.accept)


def _unpack(message: tuple, plan: Plan) -> tuple[bytes, str]:
    if message[0] == "ok":
        return message[1], message[2]
    _, status, key, detail, detail_en = message
    if status == 406:
        negotiate(plan.accept, "CONSTRUCT" if detail == "graph" else "SELECT")  # raises with the list
    if status >= 500 and key == "internal_error":
        raise RuntimeError(f"SPARQL query process failed: {detail}")
    raise ApiError(status, key, detail, detail_en=detail_en)
