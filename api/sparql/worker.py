"""Evaluate one SPARQL query and serialize its (capped) result.

Run as `python -m api.sparql_worker`, this is a query worker process (see
`api.sparql_exec`): it answers jobs on stdin/stdout, one at a time, each on a
read-only checkpoint of the embedded store, so that a runaway query can be
killed with its process.  The module imports only pyoxigraph and the standard
library, so a worker starts in ~0.1 s.

`render` is also used in the server process for remote stores.
"""
from __future__ import annotations

import json
from typing import Any, Iterable

import pyoxigraph as ox

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

    def __init__(self, status: int, key: str, detail: str) -> None:
        super().__init__(detail)
        self.status, self.key, self.detail = status, key, detail


def too_many_rows(cap: int) -> Refusal:
    return Refusal(413, "result_too_large",
                   f"Svaret har fler än {cap} rader, som är gränsen för den här servern. "
                   "Begränsa frågan med LIMIT (och OFFSET för att bläddra).")


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
            raise Refusal(400, "bad_query", f"Ogiltig SPARQL: {error}") from None
        except (ValueError, OSError) as error:
            raise Refusal(400, "bad_query", f"Frågan kunde inte utvärderas: {error}") from None
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


def dataset_options(spec: dict[str, Any]) -> dict[str, Any]:
    """pyoxigraph `query()` options from a picklable spec."""
    if spec.get("union"):
        return {"use_default_graph_as_union": True}
    if "default_graph" in spec:
        return {"default_graph": [ox.NamedNode(g) for g in spec["default_graph"]],
                "named_graphs": [ox.NamedNode(g) for g in spec["named_graphs"]]}
    return {}


def evaluate(path: str, sparql: str, dataset: dict[str, Any], media: dict[str, str | None], cap: int,
             prefixes: dict[str, str]) -> tuple[bytes, str]:
    store = ox.Store.read_only(path)
    try:
        result = store.query(sparql, **dataset_options(dataset))
    except SyntaxError as error:
        raise Refusal(400, "bad_query", f"Ogiltig SPARQL: {error}") from None
    except ValueError as error:
        raise Refusal(400, "bad_query", f"Ogiltig fråga: {error}") from None
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


def _answer(job: dict[str, Any]) -> tuple[dict[str, Any], bytes]:
    try:
        body, chosen = evaluate(job["path"], job["sparql"], job["dataset"], job["media"], job["cap"],
                                job["prefixes"])
        return {"status": "ok", "media": chosen, "size": len(body)}, body
    except Refusal as refusal:
        return {"status": "error", "code": refusal.status, "key": refusal.key, "detail": refusal.detail}, b""
    except MemoryError:
        return {"status": "error", "code": 503, "key": "query_resources",
                "detail": "Frågan behövde mer minne än servern tillåter."}, b""
    except OSError as error:
        return {"status": "error", "code": 503, "key": "io", "detail": f"Lagret kunde inte läsas: {error}"}, b""
    except Exception as error:  # noqa: BLE001 - reported to the server, which logs it
        return {"status": "error", "code": 500, "key": "internal_error",
                "detail": f"{type(error).__name__}: {error}"}, b""


def serve(memory_bytes: int | None) -> None:
    import os
    import resource
    import signal
    import sys

    # No PR_SET_PDEATHSIG: it fires when the *thread* that started the worker
    # ends, and workers are started from short-lived query threads.  An
    # orphaned worker still ends: at its query's alarm, or on stdin's EOF.
    if memory_bytes:
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    # SIGALRM with its default action ends the process in the kernel, even
    # while pyoxigraph holds the interpreter: the per-query backstop.
    signal.signal(signal.SIGALRM, signal.SIG_DFL)
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
