"""The server shell: /health, the error format, the OpenAPI schema, the catch-all handler."""
from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from styrgraf.api.http.server_registry import store_fingerprint
from styrgraf.api.http.app import close_app, create_app
from styrgraf.graph.errors import StoreError
from tests.api.server_support import build_seed_store, copy_store


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    return build_seed_store(tmp_path_factory.mktemp("seed") / "store")


@pytest.fixture()
def app(template, tmp_path, monkeypatch):
    monkeypatch.delenv("STYRGRAF_TOKEN", raising=False)
    app = create_app(str(copy_store(template, tmp_path / "store")))
    yield app
    close_app(app)


@pytest.fixture()
def client(app):
    return TestClient(app, raise_server_exceptions=False)


def test_health_reports_the_store(client, tmp_path):
    response = client.get("/health")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["store"]["kind"] == "embedded"
    assert body["store"]["id"] == store_fingerprint(tmp_path / "store")
    assert "location" not in body["store"] and str(tmp_path) not in response.text
    assert body["store"]["graphs"] == 1
    assert body["store"]["triples"] > 1000


def test_store_location_comes_from_the_environment(template, tmp_path, monkeypatch):
    store = copy_store(template, tmp_path / "env-store")
    monkeypatch.setenv("STYRGRAF_STORE", str(store))
    app = create_app()
    try:
        assert TestClient(app).get("/health").json()["store"]["id"] == store_fingerprint(store)
    finally:
        close_app(app)


class _Unreachable:
    """A store whose server went away (every read fails the way RemoteStore fails)."""

    location = "http://127.0.0.1:1"

    def graphs(self):
        raise StoreError.of("remote.unreachable", code="unreachable", location=self.location, error="Connection refused")

    def close(self):
        pass


def test_health_is_503_json_when_the_store_is_unreachable(app, client):
    real = app.state.store
    app.state.store = _Unreachable()
    try:
        response = client.get("/health")
        english = client.get("/health", headers={"Accept-Language": "en"})
    finally:
        app.state.store = real
    assert response.status_code == 503
    body = response.json()
    assert body["error"] == "store_unavailable"
    assert body["detail"].startswith("Lagret kunde inte läsas: ") and "Kan inte nå" in body["detail"]
    assert english.status_code == 503 and english.json()["detail"] == (
        "The store could not be read: Cannot reach the SPARQL server http://127.0.0.1:1: Connection refused")


def test_health_of_a_remote_store_that_stops(tmp_path):
    from tests.graph.conftest import oxigraph_server

    with oxigraph_server(tmp_path / "oxigraph") as server:
        app = create_app(server.url)
        client = TestClient(app, raise_server_exceptions=False)
        up = client.get("/health")
        assert up.status_code == 200
        assert up.json()["store"]["kind"] == "remote"
        server.stop()
        down = client.get("/health")
        close_app(app)
    assert down.status_code == 503
    assert down.json()["error"] == "store_unavailable"


def test_two_apps_in_one_process_share_the_store(template, tmp_path):
    # In-process opens share one handle; the lock is between processes (see test_serve).
    store = copy_store(template, tmp_path / "shared")
    first = create_app(str(store))
    second = create_app(str(store))
    try:
        assert TestClient(second).get("/health").status_code == 200
    finally:
        close_app(second)
        close_app(first)


def test_unknown_path_is_404_json(client):
    response = client.get("/no/such/thing")
    assert response.status_code == 404
    assert response.json() == {"type": "about:blank", "title": "Not Found", "status": 404,
                               "error": "not_found", "detail": "Resursen finns inte."}


def test_wrong_method_is_405_json_with_every_allowed_method(client):
    response = client.put("/sparql")
    assert response.status_code == 405
    assert response.json()["error"] == "method_not_allowed"
    assert set(response.headers["allow"].replace(" ", "").split(",")) == {"GET", "HEAD", "POST"}
    assert client.delete("/health").headers["allow"] == "GET, HEAD"


def test_bad_parameters_are_422_in_the_error_shape(client):
    response = client.get("/id/NOT-A-KIND!/x")
    assert response.status_code == 422
    body = response.json()
    assert set(body) == {"type", "title", "status", "error", "detail"}
    assert response.headers["content-type"] == "application/problem+json"
    assert body["error"] == "invalid_parameters"
    assert "kind" in body["detail"]


def test_the_schema_documents_errors_as_error_body(client):
    schema = client.get("/openapi.json").json()
    assert "HTTPValidationError" not in schema["components"]["schemas"]
    error_body = {"$ref": "#/components/schemas/ErrorBody"}
    checked = 0
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            for status, response in operation["responses"].items():
                if status.startswith(("4", "5")):
                    assert response["content"]["application/problem+json"]["schema"] == error_body, (method, path, status)
                    checked += 1
    assert checked > 20


def test_the_catch_all_answers_clean_json_500_without_internals(app, caplog):
    # The handler must exist for bugs; the other tests (and schemathesis) show no request reaches it.
    @app.get("/_boom", include_in_schema=False)
    def boom():
        raise RuntimeError("secret internal detail /etc/passwd")

    response = TestClient(app, raise_server_exceptions=False).get("/_boom")
    assert response.status_code == 500
    assert response.json() == {"type": "about:blank", "title": "Internal Server Error", "status": 500,
                               "error": "internal_error",
                               "detail": "Ett oväntat fel uppstod i servern. Felet har loggats."}
    assert "secret" not in response.text and "Traceback" not in response.text
    assert any("secret internal detail" in str(r.exc_info[1]) for r in caplog.records if r.exc_info)


def test_store_errors_map_to_statuses_not_500(app, client):
    @app.get("/_store_error/{code}", include_in_schema=False)
    def store_error(code: str):
        raise StoreError("Lagret är låst.", code=code)

    expected = {"locked": 503, "timeout": 503, "not_found": 404, "bad_query": 400, "unknown_code": 503}
    for code, status in expected.items():
        response = client.get(f"/_store_error/{code}")
        assert response.status_code == status, code
        assert {k: response.json()[k] for k in ("error", "detail", "status")} == {
            "error": code, "detail": "Lagret är låst.", "status": status}


def test_no_route_reads_a_file_it_was_not_given(client):
    for path in ("/id/doc/..%2F..%2F..%2Fetc%2Fpasswd", "/..%2F..%2Fetc%2Fpasswd", "/id/doc/%2Fetc%2Fpasswd"):
        response = client.get(path)
        assert response.status_code in (404, 422), path
        assert "root:" not in response.text
    # Neither FROM nor LOAD may open a local file.
    response = client.get("/sparql", params={"query": "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }"})
    # Refused (400) since FROM may only name stored graphs; never the file's lines.
    assert response.status_code == 400 and response.json()["error"] == "refused"
    assert "root:" not in response.text
    assert client.get("/sparql", params={"query": "LOAD <file:///etc/passwd>"}).status_code == 400
