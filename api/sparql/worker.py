"""Check, evaluate and serialize one SPARQL query, in a process that can be killed.

Run as `python -m styrgraf.api.sparql.worker`, this is a query worker process
(see `api.sparql.execute`): it answers jobs on stdin/stdout, one at a time.

- "query": check the text with `guard.check_public_query` (rdflib parse down to
  the algebra: seconds for a large query, hence here, under the time limit),
  then evaluate the canonical text the check produced, never the text as
  received, on a read-only checkpoint of the embedded store, on an explicit
  dataset of stored document graphs (`dataset_graphs`);
- "check": only the check, for a remote store: the answer is the canonical
  text, which the server then sends;
- "connect": whether this process can open a TCP connection (self-test).

On Linux the worker first moves into an empty network namespace
(`isolate_network`), so that even a query the guard missed cannot reach any
host, loopback included.

`render` is also used in the server process for remote stores.
"""
from __future__ import annotations

import json
from typing import Any, Iterable

import pyoxigraph as ox

from styrgraf.graph.errors import texts

JSON_RESULTS = "application/sparql-results+json"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RESULT_FORMATS = {
    JSON_RESULTS: ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}


class Refusal(Exception):
    """An answer that is an error: (status, key, detail), or not acceptable for `kind`."""

    def __init__(self, status: int, key: str, detail: str, detail_en: str | None = None) -> None:
        super().__init__(detail)
        self.status, self.key, self.detail, self.detail_en = status, key, detail, detail_en

    @classmethod
    def of(cls, status: int, key: str, message: str, **fields: Any) -> "Refusal":
        """The refusal of the catalogue's `message` (graph/errors.py), in both languages."""
        return cls(status, key, *texts(message, **fields))

    def header(self) -> dict[str, Any]:
        return {"status": "error", "code": self.status, "key": self.key, "detail": self.detail,
                "detail_en": self.detail_en}


def too_many_rows(cap: int) -> Refusal:
    return Refusal.of(413, "result_too_large", "query.too_many_rows", cap=cap)


def take(items: Iterable[Any], cap: int, check: Any = None) -> list[Any]:
    """At most `cap` items; Refusal(413) if there are more.  `check()` runs before each item."""
    taken: list[Any] = []
    iterator = iter(items)
    while True:
        if check is not None:
            check()
        try:
            item = next(iterator)
        except StopIteration:
            return taken
        except SyntaxError as error:
            raise Refusal.of(400, "bad_query", "query.syntax", error=error) from None
        except (ValueError, OSError) as error:
            raise Refusal.of(400, "bad_query", "query.unevaluable", error=error) from None
        if len(taken) >= cap:
            raise too_many_rows(cap)
        taken.append(item)


def term_json(term: Any) -> dict[str, Any]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != _XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": term_json(term.subject),
                                            "predicate": term_json(term.predicate),
                                            "object": term_json(term.object)}}
    raise ValueError(f"unknown term {term!r}")


def solutions_json(variables: list[str], rows: list[Any]) -> bytes:
    """SPARQL 1.1 Query Results JSON for solutions."""
    bindings = []
    for row in rows:
        binding = {}
        for index, name in enumerate(variables):
            value = row[index]
            if value is not None:
                binding[name] = term_json(value)
        bindings.append(binding)
    return json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}},
                      ensure_ascii=False).encode("utf-8")


def render(result: Any, media: dict[str, str | None], cap: int, prefixes: dict[str, str],
           check: Any = None) -> tuple[bytes, str]:
    """Serialize a pyoxigraph result (or a list of triples) in the negotiated type.

    `media` maps "solutions" and "graph" to the negotiated media type, or None
    when the client accepts none for that kind (-> Refusal 406).
    """
    if isinstance(result, (ox.QueryTriples, list)):
        kind = "graph"
    else:
        kind = "solutions"
    chosen = media.get(kind)
    if chosen is None:
        raise Refusal(406, "not_acceptable", kind)
    if isinstance(result, ox.QueryBoolean):
        return result.serialize(format=RESULT_FORMATS[chosen]), chosen
    if kind == "graph":
        triples = take(result, cap, check)
        fmt = GRAPH_FORMATS[chosen]
        extra = {"prefixes": prefixes} if fmt == ox.RdfFormat.TURTLE else {}
        return ox.serialize(triples, format=fmt, **extra), chosen
    variables = [v.value for v in result.variables]
    body = solutions_json(variables, take(result, cap, check))
    if chosen != JSON_RESULTS:
        # One serializer of ours (JSON); pyoxigraph writes the other formats from it.
        body = ox.parse_query_results(body, ox.QueryResultsFormat.JSON).serialize(format=RESULT_FORMATS[chosen])
    return body, chosen


def _refusal(error: Exception) -> Refusal:
    """A guard refusal as an answer: 400 `bad_query` for text that is not SPARQL, else `refused`."""
    key = "bad_query" if getattr(error, "code", "") == "bad_query" else "refused"
    return Refusal(400, key, str(error), getattr(error, "message_en", None))


def check(sparql: str) -> Any:
    """`guard.check_public_query`, its refusals as Refusal(400)."""
    from styrgraf.graph.errors import QueryRefused
    from styrgraf.graph.store.guard import check_public_query

    try:
        return check_public_query(sparql)
    except QueryRefused as error:
        raise _refusal(error) from None


def result_kind(form: str) -> str:
    return "graph" if form in ("CONSTRUCT", "DESCRIBE") else "solutions"


def dataset_graphs(checked: Any, requested: dict[str, Any], stored: set[str]) -> tuple[list[str], list[str]]:
    """The default and named graphs a query runs on, always stored document graphs.

    Why explicit: the union default graph would include the store's bookkeeping
    graph, and a graph IRI the store does not hold is never handed to an engine
    (one that dereferences it would contact another host).  The protocol's
    `default-graph-uri`/`named-graph-uri` win over FROM/FROM NAMED (SPARQL
    protocol); unknown graphs there select nothing, as absent graphs do.  FROM
    naming a graph that is not stored is refused.
    """
    if "default_graph" in requested:
        return ([g for g in requested["default_graph"] if g in stored],
                [g for g in requested["named_graphs"] if g in stored])
    if checked.has_dataset_clause:
        unknown = [g for g in (*checked.default_graphs, *checked.named_graphs) if g not in stored]
        if unknown:
            raise Refusal.of(400, "refused", "query.unknown_graph", graph=unknown[0])
        return list(checked.default_graphs), list(checked.named_graphs)
    ordered = sorted(stored)
    return ordered, ordered


def evaluate(path: str, sparql: str, dataset: dict[str, Any], media: dict[str, str | None], cap: int,
             prefixes: dict[str, str]) -> tuple[bytes, str]:
    from styrgraf.graph.store.terms import SYSTEM_GRAPH

    checked = check(sparql)
    if media.get(result_kind(checked.form)) is None:
        raise Refusal(406, "not_acceptable", result_kind(checked.form))
    store = ox.Store.read_only(path)
    stored = {graph.value for graph in store.named_graphs() if isinstance(graph, ox.NamedNode)} - {SYSTEM_GRAPH}
    default, named = dataset_graphs(checked, dataset, stored)
    try:
        result = store.query(checked.text, default_graph=[ox.NamedNode(g) for g in default],
                             named_graphs=[ox.NamedNode(g) for g in named])
    except SyntaxError as error:
        raise Refusal.of(400, "bad_query", "query.syntax", error=error) from None
    except ValueError as error:
        raise Refusal.of(400, "bad_query", "query.bad_request", error=error) from None
    return render(result, media, cap, prefixes)


# -- the worker program: `python -m api.sparql_worker` ----------------------
#
# Frames on stdin/stdout: 4-byte big-endian length + JSON.  A job is
# {path, sparql, dataset, media, cap, prefixes, alarm}; the answer is
# {"status": "ok", "media", "size"} followed by `size` bytes of body, or
# {"status": "error", "code", "key", "detail"}.

_LENGTH = 4


def _read_exact(stream: Any, size: int) -> bytes | None:
    data = b""
    while len(data) < size:
        chunk = stream.read(size - len(data))
        if not chunk:
            return None
        data += chunk
    return data


def read_frame(stream: Any) -> dict[str, Any] | None:
    head = _read_exact(stream, _LENGTH)
    if head is None:
        return None
    body = _read_exact(stream, int.from_bytes(head, "big"))
    return None if body is None else json.loads(body)


def frame(message: dict[str, Any]) -> bytes:
    data = json.dumps(message, ensure_ascii=False).encode("utf-8")
    return len(data).to_bytes(_LENGTH, "big") + data


def _run(job: dict[str, Any]) -> tuple[dict[str, Any], bytes]:
    kind = job.get("kind", "query")
    if kind == "check":
        checked = check(job["sparql"])
        body = checked.text.encode("utf-8")
        return {"status": "ok", "media": None, "size": len(body), "form": checked.form,
                "from": list(checked.default_graphs), "from_named": list(checked.named_graphs)}, body
    if kind == "connect":
        return {"status": "ok", "media": None, "size": 0, "isolated": ISOLATED,
                "connected": _can_connect(job["host"], int(job["port"]))}, b""
    body, chosen = evaluate(job["path"], job["sparql"], job["dataset"], job["media"], job["cap"], job["prefixes"])
    return {"status": "ok", "media": chosen, "size": len(body)}, body


def _can_connect(host: str, port: int) -> bool:
    """Whether this process can open a TCP connection (the network-isolation self-test)."""
    import socket

    try:
        with socket.create_connection((host, port), timeout=2):
            return True
    except OSError:
        return False


def _answer(job: dict[str, Any]) -> tuple[dict[str, Any], bytes]:
    try:
        return _run(job)
    except Refusal as refusal:
        return refusal.header(), b""
    except RecursionError:
        return Refusal.of(400, "bad_query", "query.nested").header(), b""
    except MemoryError:
        return Refusal.of(503, "query_resources", "query.out_of_memory").header(), b""
    except OSError as error:
        return Refusal.of(503, "io", "store.unreadable", error=error).header(), b""
    except Exception as error:  # noqa: BLE001 - reported to the server, which logs it
        return {"status": "error", "code": 500, "key": "internal_error",
                "detail": f"{type(error).__name__}: {error}"}, b""


# Set by serve(): whether this worker runs in a network namespace of its own.
ISOLATED = False
_CLONE_NEWUSER = 0x10000000
_CLONE_NEWNET = 0x40000000


def isolate_network() -> bool:
    """Move this process into a new, empty network namespace (Linux), so that no
    query can open a connection, not even to loopback: the second wall behind the
    guard.  As root CLONE_NEWNET alone works; otherwise inside a new user
    namespace where unprivileged ones are allowed.  False where neither is
    permitted (other platforms, containers without the capability)."""
    import ctypes
    import ctypes.util
    import os
    import sys

    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    except OSError:
        return False
    if libc.unshare(_CLONE_NEWNET) == 0:
        return True
    uid, gid = os.getuid(), os.getgid()
    if libc.unshare(_CLONE_NEWUSER | _CLONE_NEWNET) != 0:
        return False
    try:  # keep our own uid and gid inside the user namespace (files stay ours)
        for name, text in (("setgroups", "deny"), ("uid_map", f"{uid} {uid} 1"), ("gid_map", f"{gid} {gid} 1")):
            with open(f"/proc/self/{name}", "w") as handle:
                handle.write(text)
    except OSError:
        pass
    return True


def serve(memory_bytes: int | None) -> None:
    import os
    import resource
    import signal
    import sys

    global ISOLATED
    # First, while the process has one thread (a user namespace requires it).
    ISOLATED = isolate_network()
    if not ISOLATED:
        print("styrgraf SPARQL worker: network namespace not available; queries are isolated by the guard only",
              file=sys.stderr)

    # No PR_SET_PDEATHSIG: it fires when the *thread* that started the worker
    # ends, and workers are started from short-lived query threads.  An
    # orphaned worker still ends: at its query's alarm, or on stdin's EOF.
    if memory_bytes:
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    # SIGALRM with its default action ends the process in the kernel, even
    # while pyoxigraph holds the interpreter: the per-query backstop.
    signal.signal(signal.SIGALRM, signal.SIG_DFL)
    # Build the checking parser now, while idle, not on the first query's time.
    import rdflib.plugins.sparql.algebra  # noqa: F401
    import rdflib.plugins.sparql.parser  # noqa: F401

    requests = sys.stdin.buffer
    answers = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # stray prints must not corrupt the frames
    while True:
        job = read_frame(requests)
        if job is None:
            return
        signal.alarm(int(job.get("alarm") or 0))
        header, body = _answer(job)
        signal.alarm(0)
        answers.write(frame(header) + body)
        answers.flush()


if __name__ == "__main__":
    import os as _os

    _memory = _os.environ.get("STYRGRAF_SPARQL_MEMORY", "")
    serve(int(_memory) if _memory.isdigit() else None)
