"""Cached read answers: the same bytes as without the cache, never stale after a write."""
from __future__ import annotations

import subprocess
import sys
from contextlib import ExitStack
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from styrgraf.api.http.app import close_app, create_app
from styrgraf.api.http.response_cache import ResponseCache, request_key
from styrgraf.graph.documents import ingest_file, remove_document
from tests.api.server_support import SEED, build_seed_store, copy_store
from tests.query_seed import DOC, PROJECT, sub

TOKEN = "test-token-" + "y" * 20
AUTH = {"Authorization": f"Bearer {TOKEN}"}
ROOT = Path(__file__).resolve().parents[2]

READS = [
    "/api/documents",
    f"/api/documents/{DOC}",
    f"/api/intentions?project={PROJECT}&number=8",
    f"/api/subprojects/{sub(1)}",
    "/api/people/halmstad-fredrik-geijer",
    f"/api/trace/{sub(2)}",
    "/api/ask?q=vilka%20delprojekt%20t%C3%A4cker%20intention%208",
    "/api/search?q=n%C3%A4ringsliv&limit=5",
    f"/id/subproject/{sub(1)}",
]


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    return build_seed_store(tmp_path_factory.mktemp("seed") / "store")


@pytest.fixture()
def make_app(monkeypatch):
    """`create_app(location, **options)`; every app made is closed after the test."""
    monkeypatch.delenv("STYRGRAF_TOKEN", raising=False)
    with ExitStack() as apps:
        def make(location: str, **options):
            app = create_app(location, **options)
            apps.callback(close_app, app)
            return app

        yield make


def test_cached_answers_are_the_uncached_bytes(template, tmp_path, make_app):
    cached_app = make_app(str(copy_store(template, tmp_path / "a")))
    plain_app = make_app(str(copy_store(template, tmp_path / "b")), response_cache_bytes=0)
    cached, plain = TestClient(cached_app), TestClient(plain_app)
    for url in READS:
        expected = plain.get(url)
        assert expected.status_code == 200, (url, expected.text[:300])
        first, second = cached.get(url), cached.get(url)
        assert first.content == second.content == expected.content, url
        assert first.headers["content-type"] == second.headers["content-type"] == expected.headers["content-type"]
    cache = cached_app.state.response_cache
    assert cache.hits == len(READS) and len(cache) == len(READS)
    assert len(plain_app.state.response_cache) == 0


def test_key_normalises_parameter_order_but_not_values_or_accept(template, tmp_path, make_app):
    app = make_app(str(copy_store(template, tmp_path / "s")))
    client = TestClient(app)
    cache = app.state.response_cache
    client.get(f"/api/intentions?project={PROJECT}&number=8")
    client.get(f"/api/intentions?number=8&project={PROJECT}")
    assert (cache.hits, len(cache)) == (1, 1)
    eight = client.get(f"/api/intentions?project={PROJECT}&number=8").json()
    nine = client.get(f"/api/intentions?project={PROJECT}&number=9").json()
    assert [i["number"] for i in eight] == [8] and [i["number"] for i in nine] == [9]
    turtle = client.get(f"/id/subproject/{sub(1)}", headers={"Accept": "text/turtle"})
    json_ = client.get(f"/id/subproject/{sub(1)}", headers={"Accept": "application/json"})
    assert turtle.headers["content-type"].startswith("text/turtle")
    assert json_.headers["content-type"].startswith("application/json")


def test_errors_and_other_routes_are_not_kept(template, tmp_path, make_app):
    app = make_app(str(copy_store(template, tmp_path / "s")))
    client = TestClient(app, raise_server_exceptions=False)
    assert client.get("/api/subprojects/no-such-thing").status_code == 404
    assert client.get("/api/intentions?number=0").status_code == 422
    assert client.get("/health").status_code == 200
    assert client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).status_code == 200
    assert len(app.state.response_cache) == 0


def test_writes_through_the_api_and_the_store_are_seen_at_once(template, tmp_path, make_app):
    app = make_app(str(copy_store(template, tmp_path / "s")), token=TOKEN)
    client = TestClient(app, raise_server_exceptions=False)
    subproject = f"/api/subprojects/{sub(1)}"
    for _ in range(2):
        assert len(client.get("/api/documents").json()) == 1
        assert client.get(subproject).status_code == 200
    assert client.get("/health").json()["store"]["graphs"] == 1

    assert client.delete(f"/api/documents/{DOC}", headers=AUTH).status_code == 200
    assert client.get("/api/documents").json() == []
    assert client.get(subproject).status_code == 404
    assert client.get("/health").json()["store"] == {**client.get("/health").json()["store"], "graphs": 0,
                                                      "triples": 0}

    assert ingest_file(app.state.store, SEED).status == "ingested"
    assert len(client.get("/api/documents").json()) == 1
    assert client.get(subproject).status_code == 200
    assert client.get("/health").json()["store"]["graphs"] == 1

    remove_document(app.state.store, DOC)
    assert client.get("/api/documents").json() == []


INGEST = (
    "import sys\n"
    "from styrgraf.graph.documents import ingest_file, remove_document\n"
    "from styrgraf.graph.store.interface import open_store\n"
    "store = open_store(sys.argv[1])\n"
    "if sys.argv[2] == 'ingest':\n"
    "    assert ingest_file(store, sys.argv[3]).status == 'ingested'\n"
    "else:\n"
    "    assert remove_document(store, sys.argv[3])\n"
    "store.close()\n"
)


def test_another_process_writing_a_remote_store_is_seen(tmp_path, make_app):
    from tests.graph.conftest import oxigraph_server

    def other_process(*args: str) -> None:
        done = subprocess.run([sys.executable, "-c", INGEST, server.url, *args], cwd=ROOT,
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr

    with oxigraph_server(tmp_path / "oxigraph") as server:
        app = make_app(server.url)
        client = TestClient(app)
        assert client.get("/api/documents").json() == []
        assert client.get("/api/documents").json() == []
        other_process("ingest", str(SEED))
        assert len(client.get("/api/documents").json()) == 1
        assert client.get(f"/api/subprojects/{sub(1)}").json()["number"] == 1
        other_process("remove", DOC)
        assert client.get("/api/documents").json() == []
        close_app(app)


# -- the cache itself ---------------------------------------------------------------------


def entry(size: int) -> tuple:
    return 200, [], b"x" * size


def test_cache_bounds_entries_and_bytes_least_recently_used_first():
    cache = ResponseCache(max_entries=3, max_bytes=100, max_body=80)
    assert cache.get("g1", ("a",)) is None
    for name in "abc":
        cache.put("g1", (name,), entry(10))
    assert cache.get("g1", ("a",)) is not None  # now the most recently used
    cache.put("g1", ("d",), entry(10))  # a fourth entry: b goes
    assert cache.get("g1", ("b",)) is None and len(cache) == 3
    cache.put("g1", ("big",), entry(81))  # larger than one answer may be
    assert cache.get("g1", ("big",)) is None
    cache.put("g1", ("e",), entry(80))  # c goes (count), then 100 bytes remain
    cache.put("g1", ("f",), entry(20))  # a goes (count), d too (bytes)
    assert [k for k in "abcdef" if cache.get("g1", (k,))] == ["e", "f"]


def test_new_generation_empties_the_cache_and_late_answers_are_dropped():
    cache = ResponseCache()
    cache.get("g1", ("a",))
    cache.put("g1", ("a",), entry(1))
    assert cache.get("g1", ("a",)) is not None
    assert cache.get("g2", ("a",)) is None
    assert len(cache) == 0
    cache.put("g1", ("a",), entry(1))  # computed under the old generation
    assert cache.get("g2", ("a",)) is None


def test_request_key():
    def scope(path: str, query: bytes, accept: bytes | None = None) -> dict:
        headers = [(b"accept", accept)] if accept is not None else []
        return {"path": path, "query_string": query, "headers": headers}

    def key(*args) -> tuple:
        return request_key(scope(*args))

    assert key("/api/x", b"b=2&a=1") == key("/api/x", b"a=1&b=2")
    assert key("/api/x", b"a=1&a=2") != key("/api/x", b"a=2&a=1")
    assert key("/api/x", b"a=1") != key("/api/y", b"a=1")
    # The read API is JSON whatever the client accepts; linked data negotiates.
    assert key("/api/x", b"", b"text/turtle") == key("/api/x", b"") == key("/api/x", b"", b"*/*")
    assert key("/id/x/y", b"", b"text/turtle") != key("/id/x/y", b"")
    assert key("/id/x/y", b"") == key("/id/x/y", b"", b"*/*") == key("/id/x/y", b"", b"")
