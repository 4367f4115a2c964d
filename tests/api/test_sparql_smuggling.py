"""No query sent to /sparql makes any server contact another host, and none stalls the server.

Against real servers (uvicorn on a loopback port) on the seed store, one per
backend: the embedded store, and a remote store (`oxigraph serve`, which would
itself follow a SERVICE if it were ever asked).  A loopback listener counts
every TCP connection it receives.

Counts (tests/api/sparql_smuggling.py, 13 824 variants): per backend every
variant over POST `application/sparql-query`, and a seeded sample of 1 500 over
each of GET and form POST: 16 824 requests per backend, 33 648 in all.
Each must be refused (400); 0 reach the listener, 0 answers are 5xx.
"""
from __future__ import annotations

import random
import socket
import threading
import time
from collections import Counter
from contextlib import contextmanager
from typing import Iterator

import httpx
import pytest

from styrgraf.api.http.app import close_app, create_app
from styrgraf.graph.store.terms import SYSTEM_GRAPH
from tests.api.server_support import copy_store, live_server, seeded_remote_store, wait_until
from tests.api.sparql_smuggling import bypasses, variants

SAMPLE = 1_500
METHODS = ("GET", "form", "direct")


class ConnectionCounter:
    """A loopback TCP listener that counts (and drops) every connection."""

    def __init__(self) -> None:
        self._socket = socket.create_server(("127.0.0.1", 0))
        self._socket.settimeout(0.2)
        self.url = f"http://127.0.0.1:{self._socket.getsockname()[1]}"
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self._socket.accept()
            except OSError:
                continue
            self.connections += 1
            connection.close()

    def __enter__(self) -> "ConnectionCounter":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self._socket.close()


@pytest.fixture(scope="module")
def listener() -> Iterator[ConnectionCounter]:
    with ConnectionCounter() as counter:
        yield counter


@contextmanager
def _served(location: str, **options) -> Iterator[str]:
    with _served_app(location, **options) as (url, _app):
        yield url


@contextmanager
def _served_app(location: str, **options) -> Iterator[tuple[str, object]]:
    app = create_app(location, **options)
    try:
        with live_server(app) as url:
            yield url, app
    finally:
        close_app(app)


@contextmanager
def _remote_location(tmp_path) -> Iterator[str]:
    with seeded_remote_store(tmp_path / "oxigraph") as url:
        yield url


@contextmanager
def _location(backend: str, seed_template, tmp_path) -> Iterator[str]:
    if backend == "embedded":
        yield str(copy_store(seed_template, tmp_path / "store"))
    else:
        with _remote_location(tmp_path) as url:
            yield url


@pytest.fixture(scope="module", params=["embedded", "remote"])
def server(request, seed_template, tmp_path_factory) -> Iterator[str]:
    with _location(request.param, seed_template, tmp_path_factory.mktemp(request.param)) as location:
        with _served(location) as url:
            yield url


def send(client: httpx.Client, url: str, method: str, query: str) -> httpx.Response:
    if method == "GET":
        return client.get(url + "/sparql", params={"query": query})
    if method == "form":
        return client.post(url + "/sparql", data={"query": query})
    return client.post(url + "/sparql", content=query.encode("utf-8"),
                       headers={"Content-Type": "application/sparql-query"})


def _client() -> httpx.Client:
    return httpx.Client(timeout=60, trust_env=False)


def test_no_smuggled_service_reaches_the_listener(server, listener):
    queries = variants(listener.url)
    assert len(queries) >= 10_000
    sample = random.Random(11).sample(queries, SAMPLE)
    plan = [("direct", q) for q in queries] + [(m, q) for m in ("GET", "form") for q in sample]
    statuses: Counter = Counter()
    unexpected: list[tuple[str, str, int, str]] = []
    with _client() as client:
        for method, query in plan:
            response = send(client, server, method, query)
            statuses[response.status_code] += 1
            if response.status_code != 400 and len(unexpected) < 5:
                unexpected.append((method, query, response.status_code, response.text[:200]))
    assert listener.connections == 0
    assert not [code for code in statuses if code >= 500], statuses
    assert statuses == Counter({400: len(plan)}), unexpected


def test_the_reported_bypasses_are_refused(server, listener):
    with _client() as client:
        for query in bypasses(listener.url):
            for method in METHODS:
                response = send(client, server, method, query)
                assert response.status_code == 400, (method, query, response.text)
                assert response.json()["error"] == "refused"
    assert listener.connections == 0


def test_ordinary_queries_still_answer(server):
    checks = {
        "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }": lambda data: int(data["results"]["bindings"][0]["n"]["value"]) > 0,
        "ASK { ?s a ?type }": lambda data: data["boolean"] is True,
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT ?s WHERE { ?s a/rdfs:subClassOf* ?c } LIMIT 1":
            lambda data: "results" in data,
        'SELECT ?x WHERE { VALUES ?x { "a\\u0027b" } }  # comment\r':
            lambda data: data["results"]["bindings"][0]["x"]["value"] == "a'b",
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g HAVING (COUNT(*) > 0)":
            lambda data: len(data["results"]["bindings"]) >= 1,
    }
    with _client() as client:
        for query, check in checks.items():
            for method in METHODS:
                response = send(client, server, method, query)
                assert response.status_code == 200, (method, query, response.text)
                assert check(response.json()), (method, query, response.text)


def test_the_bookkeeping_graph_is_hidden(server):
    with _client() as client:
        graphs = send(client, server, "GET", "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }").json()
        names = [row["g"]["value"] for row in graphs["results"]["bindings"]]
        assert names and SYSTEM_GRAPH not in names
        for query in (f"ASK {{ <{SYSTEM_GRAPH}> ?p ?o }}", f"ASK {{ GRAPH <{SYSTEM_GRAPH}> {{ ?s ?p ?o }} }}",
                      f"ASK {{ ?s ?p ?o FILTER(CONTAINS(STR(?s), \"{SYSTEM_GRAPH}\")) }}"):
            assert send(client, server, "GET", query).json()["boolean"] is False, query
        explicit = client.get(server + "/sparql", params={"query": "ASK { ?s ?p ?o }",
                                                           "default-graph-uri": SYSTEM_GRAPH})
        assert explicit.json()["boolean"] is False
        from_clause = send(client, server, "GET", f"ASK FROM <{SYSTEM_GRAPH}> {{ ?s ?p ?o }}")
        assert from_clause.status_code == 400 and from_clause.json()["error"] == "refused"


# -- a query's text cannot stall the server ------------------------------------------

TIME_LIMIT = 5.0


def _one_megabyte_query(tail: str = '"x")) }') -> str:
    head = 'SELECT * WHERE { ?s ?p ?o FILTER(?o IN ('
    item = '"x", '
    return head + item * ((1_000_000 - len(head) - len(tail)) // len(item)) + tail


def _deeply_nested_query(depth: int = 20_000) -> str:
    return "SELECT * WHERE { FILTER(" + "(" * depth + "1" + ")" * depth + ") }"


@pytest.mark.parametrize("backend", ["embedded", "remote"])
def test_health_answers_while_huge_queries_are_checked(backend, seed_template, tmp_path):
    """A 1 MB query and one of 20 000 nested parentheses end within the time limit
    (refused, or stopped at the limit: 400 or 503), while /health keeps answering,
    and nothing is left working on them after the answer (the server once parsed
    such text in a thread of its own, which went on for minutes)."""
    huge, nested = _one_megabyte_query(), _deeply_nested_query()
    huge_service = _one_megabyte_query('"x")) SERVICE <urn:x:s> { ?s ?p ?o } }')
    assert all(len(q.encode()) <= 1_000_000 and len(q) > 990_000 for q in (huge, huge_service))
    with _location(backend, seed_template, tmp_path) as location, \
            _served_app(location, query_timeout=TIME_LIMIT) as (url, app):
        outcomes: dict[str, tuple[int, float, str]] = {}

        def run(name: str, query: str) -> None:
            started = time.monotonic()
            with _client() as client:
                response = send(client, url, "direct", query)
            outcomes[name] = (response.status_code, time.monotonic() - started, response.text[:300])

        queries = (("huge", huge), ("nested", nested), ("huge_service", huge_service))
        threads = [threading.Thread(target=run, args=item) for item in queries]
        for thread in threads:
            thread.start()
        health: list[int] = []
        with _client() as client:
            while any(thread.is_alive() for thread in threads):
                health.append(client.get(url + "/health", timeout=5).status_code)
                time.sleep(0.2)
        for thread in threads:
            thread.join()
        assert wait_until(lambda: app.state.query_runner.active == 0, timeout=10)
    assert health and set(health) == {200}
    for name, (status, elapsed, text) in outcomes.items():
        assert status in (400, 503), (name, status, text)
        # "ends within the time limit": the limit plus the time to send and answer a megabyte.
        assert elapsed < TIME_LIMIT + 10, (name, elapsed)
    assert outcomes["nested"][0] == 400  # refused by the lexer, before any parser
