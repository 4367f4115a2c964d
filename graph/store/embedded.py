"""Embedded backend: an on-disk Oxigraph (RocksDB) store through pyoxigraph.

Concurrency facts this module is built on (pyoxigraph 0.5, verified):
- A read-write `Store(path)` takes an exclusive RocksDB lock.  A second
  read-write open in another process fails ("While lock file: …/LOCK:
  Resource temporarily unavailable"); in the same process it fails too
  ("lock hold by current process").  Hence one shared handle per directory
  per process (the registry below) and StoreError(code="locked") across processes.
- `Store.read_only(path)` succeeds while a writer holds the lock but shows a
  frozen snapshot of the moment it was opened, and pyoxigraph documents
  concurrent writing by another process as undefined behaviour.
- Each `update()` / `load()` call is one transaction; a SPARQL update request
  with several operations is applied all-or-nothing, which is what makes
  `replace_graph` atomic for readers and across SIGKILL.  Every write is
  therefore one update request that also sets the new generation
  (`graph.store.with_new_generation`); `load()` cannot do that and measured
  no faster than INSERT DATA for a document (~9 000 triples: 160-210 ms both).
"""

from __future__ import annotations

import os
import threading
from typing import Any, Callable, Iterable, TypeVar

import pyoxigraph as ox
import rdflib

from styrgraf.graph.errors import StoreError
from styrgraf.graph.store.media import content_type, negotiate
from styrgraf.graph.store.serialize import Quad, term_from_ox
from styrgraf.graph.store.guard import check_read_only_query, has_dataset_clause
from styrgraf.graph.store.interface import GraphStore, document_graph, generation_update, with_new_generation
from styrgraf.graph.store.terms import GENERATION_PREDICATE, SYSTEM_GRAPH, check_iri, ox_to_nt, ox_to_rdflib

T = TypeVar("T")

_SYSTEM = ox.NamedNode(SYSTEM_GRAPH)
_GENERATION = ox.NamedNode(GENERATION_PREDICATE)

_RESULT_FORMATS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
_GRAPH_FORMATS = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}

# Queries with a timeout run in a daemon thread; pyoxigraph releases the GIL
# while it evaluates, so the caller can stop waiting.  pyoxigraph cannot
# cancel a query: a timed-out query finishes in the background.  Daemon
# threads keep such a runaway from blocking interpreter exit, and the
# semaphore bounds how many can run at once.
_TIMED_QUERY_SLOTS = threading.BoundedSemaphore(4)


def _run_with_timeout(work: Callable[[], T], timeout: float) -> T:
    if not _TIMED_QUERY_SLOTS.acquire(timeout=timeout):
        raise StoreError.of("store.busy", code="timeout")
    outcome: dict[str, Any] = {}
    finished = threading.Event()

    def target() -> None:
        try:
            outcome["value"] = work()
        except BaseException as error:  # noqa: BLE001 - handed to the caller
            outcome["error"] = error
        finally:
            _TIMED_QUERY_SLOTS.release()
            finished.set()

    threading.Thread(target=target, name="styrgraf-query", daemon=True).start()
    if not finished.wait(timeout):
        raise StoreError.of("store.timeout", code="timeout", seconds=timeout)
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


class _Handle:
    """One pyoxigraph Store per directory and mode, shared within the process."""

    def __init__(self, key: tuple[str, bool], store: ox.Store) -> None:
        self.key = key
        self.store = store
        self.refs = 0
        self.write_lock = threading.Lock()
        # A forked child inherits the registry, but a RocksDB handle must not
        # be used across fork: such entries are ignored in the child.
        self.pid = os.getpid()


_HANDLES: dict[tuple[str, bool], _Handle] = {}
_HANDLES_LOCK = threading.Lock()


def _open_handle(path: str, read_only: bool) -> _Handle:
    real = os.path.realpath(path)
    with _HANDLES_LOCK:
        # A read-write handle already open here serves read-only users too
        # (and, unlike a read-only snapshot, sees every later commit).
        handle = _HANDLES.get((real, False)) or (read_only and _HANDLES.get((real, True)))
        if not handle or handle.pid != os.getpid():
            handle = _Handle((real, read_only), _open_pyoxigraph(path, real, read_only))
            _HANDLES[handle.key] = handle
        handle.refs += 1
        return handle


def _open_pyoxigraph(path: str, real: str, read_only: bool) -> ox.Store:
    if read_only:
        if not os.path.isdir(real) or not os.listdir(real):
            raise StoreError.of("store.missing", code="not_found", path=path)
        try:
            return ox.Store.read_only(real)
        except OSError as error:
            raise StoreError.of("store.unopenable", code="io", path=path, error=error) from None
    if os.path.exists(real) and not os.path.isdir(real):
        raise StoreError.of("store.is_file", code="bad_location", path=path)
    try:
        os.makedirs(real, exist_ok=True)
        return ox.Store(real)
    except OSError as error:
        if "lock" in str(error).lower():
            raise StoreError.of("store.locked", code="locked", path=path) from None
        raise StoreError.of("store.unopenable", code="io", path=path, error=error) from None


def _release_handle(handle: _Handle) -> None:
    with _HANDLES_LOCK:
        handle.refs -= 1
        if handle.refs == 0:
            _HANDLES.pop(handle.key, None)
            if not handle.key[1]:
                try:
                    handle.store.flush()
                except OSError:
                    pass
            # Dropping the last reference closes RocksDB and frees the lock.
            handle.store = None  # type: ignore[assignment]


def _translate(error: Exception) -> StoreError:
    if isinstance(error, StoreError):
        return error
    if isinstance(error, SyntaxError):
        return StoreError.of("query.syntax", code="bad_query", error=error)
    if isinstance(error, ValueError):
        return StoreError.of("store.bad_request", code="bad_query", error=error)
    return StoreError.of("store.failed", code="io", error=error)


class EmbeddedStore(GraphStore):
    cheap_generation = True

    def __init__(self, path: str | os.PathLike[str], *, read_only: bool = False) -> None:
        self.location = os.fspath(path)
        self.read_only = read_only
        self._handle: _Handle | None = _open_handle(self.location, read_only)

    @property
    def _store(self) -> ox.Store:
        if self._handle is None:
            raise StoreError.of("store.closed", code="io")
        return self._handle.store

    # -- queries -----------------------------------------------------------

    def _run(self, work: Callable[[], T], timeout: float | None) -> T:
        try:
            return work() if timeout is None else _run_with_timeout(work, timeout)
        except Exception as error:  # noqa: BLE001 - every store error gets a Swedish message
            raise _translate(error) from None

    def _query(self, sparql: str, **dataset: Any) -> Any:
        # Union of named graphs as default graph, unless the request or the
        # query (FROM/FROM NAMED) names a dataset: pyoxigraph would otherwise
        # let the union option override FROM, unlike Oxigraph server.
        if not dataset and not has_dataset_clause(sparql):
            dataset = {"use_default_graph_as_union": True}
        return self._store.query(sparql, **dataset)

    def select(self, sparql: str, *, timeout: float | None = None) -> list[dict[str, Any]]:
        sparql = check_read_only_query(sparql)

        def work() -> list[dict[str, Any]]:
            result = self._query(sparql)
            if not isinstance(result, ox.QuerySolutions):
                raise StoreError.of("query.wrong_form", code="bad_query", method="select", forms="SELECT")
            names = [variable.value for variable in result.variables]
            indexes = range(len(names))
            return [
                {names[i]: ox_to_rdflib(solution[i]) for i in indexes} for solution in result
            ]

        return self._run(work, timeout)

    def ask(self, sparql: str, *, timeout: float | None = None) -> bool:
        sparql = check_read_only_query(sparql)

        def work() -> bool:
            result = self._query(sparql)
            if not isinstance(result, ox.QueryBoolean):
                raise StoreError.of("query.wrong_form", code="bad_query", method="ask", forms="ASK")
            return bool(result)

        return self._run(work, timeout)

    def construct(self, sparql: str, *, timeout: float | None = None) -> rdflib.Graph:
        sparql = check_read_only_query(sparql)

        def work() -> rdflib.Graph:
            result = self._query(sparql)
            if not isinstance(result, ox.QueryTriples):
                raise StoreError.of("query.wrong_form", code="bad_query", method="construct",
                                    forms="CONSTRUCT/DESCRIBE")
            graph = rdflib.Graph()
            for triple in result:
                graph.add(
                    (
                        ox_to_rdflib(triple.subject),
                        ox_to_rdflib(triple.predicate),
                        ox_to_rdflib(triple.object),
                    )
                )
            return graph

        return self._run(work, timeout)

    def _query_raw(self, sparql: str, accept: str, media: str | None, default_graphs: tuple[str, ...],
                   named_graphs: tuple[str, ...], timeout: float | None) -> tuple[bytes, str]:
        dataset: dict[str, Any] = {}
        if default_graphs or named_graphs:
            # SPARQL protocol: an explicit dataset replaces the union default graph.
            dataset["default_graph"] = [ox.NamedNode(check_iri(g)) for g in default_graphs]
            dataset["named_graphs"] = [ox.NamedNode(check_iri(g)) for g in named_graphs]

        def work() -> tuple[bytes, str]:
            result = self._query(sparql, **dataset)
            # An unrecognised form is known once evaluated.
            if isinstance(result, ox.QueryTriples):
                chosen = media or negotiate(accept, "CONSTRUCT")
                body = result.serialize(format=_GRAPH_FORMATS[chosen])
            else:
                chosen = media or negotiate(accept, "ASK" if isinstance(result, ox.QueryBoolean) else "SELECT")
                body = result.serialize(format=_RESULT_FORMATS[chosen])
            return body, content_type(chosen)

        return self._run(work, timeout)

    def generation(self) -> str:
        # A direct index lookup: microseconds, unlike a SPARQL query.
        try:
            for quad in self._store.quads_for_pattern(_SYSTEM, _GENERATION, None, _SYSTEM):
                return quad.object.value
        except Exception as error:  # noqa: BLE001
            raise _translate(error) from None
        return ""

    # -- writes ------------------------------------------------------------

    def _execute_update(self, sparql: str) -> None:
        self._check_writable()
        assert self._handle is not None
        with self._handle.write_lock:
            try:
                self._store.update(sparql)
            except Exception as error:  # noqa: BLE001
                raise _translate(error) from None

    def _replace_lines(self, graph_iri: str, lines: list[str]) -> None:
        self._check_writable()
        assert self._handle is not None
        store = self._store
        graph = ox.NamedNode(graph_iri)
        target = f"GRAPH <{graph_iri}>"
        # Labels are not stable identities: blank-node data always takes the
        # full drop-and-insert path (INSERT DATA mints fresh blank nodes).
        has_bnodes = any("_:" in line for line in lines)
        # The write lock makes read-compare-write safe: no other writer exists
        # in this process, and the RocksDB lock excludes other processes.
        with self._handle.write_lock:
            try:
                if not lines:
                    if store.contains_named_graph(graph):
                        store.update(with_new_generation(f"DROP SILENT {target}"))
                    return
                if not has_bnodes and not store.contains_named_graph(graph):
                    body = "\n".join(lines)
                    store.update(with_new_generation(f"INSERT DATA {{ {target} {{\n{body}\n}} }}"))
                    return
                try:
                    old = {
                        f"{ox_to_nt(q.subject)} {ox_to_nt(q.predicate)} {ox_to_nt(q.object)} ."
                        for q in store.quads_for_pattern(None, None, None, graph)
                    }
                except StoreError:
                    # Stored terms our encoder will not write (e.g. RDF-star,
                    # unusual language tags): no diff, replace everything.
                    old, has_bnodes = set(), True
                if has_bnodes or any("_:" in line for line in old):
                    body = "\n".join(lines)
                    store.update(with_new_generation(
                        f"DROP SILENT {target} ;\nINSERT DATA {{ {target} {{\n{body}\n}} }}"))
                    return
                # Changed document: one transaction holding only the difference.
                new = set(lines)
                removed, added = old - new, new - old
                operations = []
                if removed:
                    operations.append(f"DELETE DATA {{ {target} {{\n" + "\n".join(removed) + "\n} }")
                if added:
                    operations.append(f"INSERT DATA {{ {target} {{\n" + "\n".join(added) + "\n} }")
                if operations:
                    store.update(with_new_generation(" ;\n".join(operations)))
            except Exception as error:  # noqa: BLE001
                raise _translate(error) from None

    def load_new_graphs(self, graphs: Iterable[tuple[str, list[str]]], *, chunk_triples: int = 200_000) -> int:
        """pyoxigraph's bulk loader, fed N-Quads in chunks: several times faster than one
        transaction per graph on a large store, but not atomic (see GraphStore)."""
        self._check_writable()
        assert self._handle is not None
        store = self._store
        total = 0
        with self._handle.write_lock:
            chunk: list[str] = []

            def flush_chunk() -> None:
                if chunk:
                    store.bulk_load(input="\n".join(chunk).encode("utf-8"), format=ox.RdfFormat.N_QUADS)
                    chunk.clear()

            try:
                for iri, lines in graphs:
                    graph = ox.NamedNode(document_graph(iri))
                    if store.contains_named_graph(graph):
                        raise StoreError.of("graph.exists", code="invalid_data", graph=iri)
                    tail = f" <{iri}> ."
                    # An N-Triples line `s p o .` becomes the N-Quads line `s p o <g> .`.
                    chunk.extend(line.rstrip()[:-1].rstrip() + tail for line in lines if line.strip())
                    total += len(lines)
                    if len(chunk) >= chunk_triples:
                        flush_chunk()
                flush_chunk()
                store.update(generation_update())
            except (SyntaxError, ValueError, OSError) as error:
                raise _translate(error) from error
        return total

    # -- export ------------------------------------------------------------

    def graph_ntriples(self, graph_iri: str) -> bytes:
        # Oxigraph's own serializer: tens of milliseconds for a plan, where a CONSTRUCT takes several times that.
        return self._run(lambda: self._store.dump(format=ox.RdfFormat.N_TRIPLES,
                                                  from_graph=ox.NamedNode(check_iri(graph_iri))), None)

    def _quads(self, graph_iri: str | None) -> Iterable[Quad]:
        graph = ox.NamedNode(check_iri(graph_iri)) if graph_iri else None
        cache: dict[Any, Any] = {}

        def term(value: Any) -> Any:
            # IRIs repeat a lot (predicates, subjects, graphs); literals rarely do.
            if isinstance(value, ox.Literal):
                return term_from_ox(value)
            found = cache.get(value)
            if found is None:
                found = cache[value] = term_from_ox(value)
            return found

        for quad in self._store.quads_for_pattern(None, None, None, graph):
            if isinstance(quad.graph_name, ox.DefaultGraph) or (graph is None and quad.graph_name == _SYSTEM):
                continue
            yield term(quad.subject), term(quad.predicate), term(quad.object), term(quad.graph_name)

    # -- lifecycle ---------------------------------------------------------

    def flush(self) -> None:
        if not self.read_only:
            self._store.flush()

    def close(self) -> None:
        if self._handle is not None:
            handle, self._handle = self._handle, None
            _release_handle(handle)
