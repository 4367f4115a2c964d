"""Writing over HTTP: POST /api/documents and DELETE /api/documents/{id}."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from styrgraf.api.http.app import close_app, create_app
from styrgraf.api.http.upload import safe_file_name
from styrgraf.ontology.terms import sparql_prefixes
from tests.api.server_support import SEED, SEED_PDF, SEED_TITLE, build_seed_store, copy_store
from tests.ingest.badfiles import pdf_bytes, png_bytes

TOKEN = "test-token-" + "x" * 20
AUTH = {"Authorization": f"Bearer {TOKEN}"}
P = sparql_prefixes()
COUNT_DOCS = P + "SELECT (COUNT(?d) AS ?n) WHERE { ?d a sg:Document }"


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    return build_seed_store(tmp_path_factory.mktemp("seed") / "store")


@pytest.fixture()
def make_app(tmp_path, monkeypatch):
    monkeypatch.delenv("STYRGRAF_TOKEN", raising=False)
    made = []

    def make(store: Path | None = None, **options):
        made.append(create_app(str(store or tmp_path / f"empty{len(made)}"), **options))
        return made[-1]

    yield make
    for app in made:
        close_app(app)


@pytest.fixture()
def app(make_app):
    return make_app(token=TOKEN)


@pytest.fixture()
def client(app):
    return TestClient(app, raise_server_exceptions=False)


def upload(client, name: str, data: bytes, headers=AUTH, field: str = "file"):
    return client.post("/api/documents", files={field: (name, data, "application/octet-stream")}, headers=headers)


def export(app) -> bytes:
    return app.state.store.export("nquads")


def docs_via_sparql(client) -> int:
    response = client.get("/sparql", params={"query": COUNT_DOCS})
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


# -- authorisation ---------------------------------------------------------------------


def test_without_a_configured_token_writing_is_off(make_app):
    client = TestClient(make_app(), raise_server_exceptions=False)
    for headers in ({}, AUTH):
        response = upload(client, SEED.name, SEED.read_bytes(), headers=headers)
        assert response.status_code == 403
        assert response.json()["error"] == "writing_disabled"
        assert "STYRGRAF_TOKEN" in response.json()["detail"]
        assert client.delete("/api/documents/anything", headers=headers).status_code == 403


def test_the_token_comes_from_the_environment(make_app, monkeypatch):
    monkeypatch.setenv("STYRGRAF_TOKEN", TOKEN)
    client = TestClient(make_app(), raise_server_exceptions=False)
    assert upload(client, SEED.name, SEED.read_bytes()).status_code == 201


def test_missing_token_is_401_and_wrong_token_403(client, app):
    before = export(app)
    missing = upload(client, SEED.name, SEED.read_bytes(), headers={})
    assert missing.status_code == 401
    assert missing.headers["www-authenticate"] == "Bearer"
    wrong = upload(client, SEED.name, SEED.read_bytes(), headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 403 and wrong.json()["error"] == "forbidden"
    basic = upload(client, SEED.name, SEED.read_bytes(), headers={"Authorization": "Basic dXNlcjpwYXNz"})
    assert basic.status_code == 401
    assert client.delete("/api/documents/x", headers={"Authorization": "Bearer nope"}).status_code == 403
    assert export(app) == before


def test_the_local_token_of_serve_is_accepted_too(make_app):
    client = TestClient(make_app(local_token="local-secret"), raise_server_exceptions=False)
    assert upload(client, SEED.name, SEED.read_bytes(), headers={}).status_code == 403
    assert upload(client, SEED.name, SEED.read_bytes(), headers=AUTH).status_code == 403
    ok = upload(client, SEED.name, SEED.read_bytes(), headers={"Authorization": "Bearer local-secret"})
    assert ok.status_code == 201


# -- uploading ---------------------------------------------------------------------------


def test_upload_ingests_then_unchanged_then_rendition(client, app):
    assert docs_via_sparql(client) == 0
    first = upload(client, "min plan.txt", SEED.read_bytes())
    assert first.status_code == 201, first.text
    body = first.json()
    assert body["status"] == "ingested"
    assert body["document"]["title"] == SEED_TITLE
    assert body["document"]["type"] == "document"
    assert first.headers["location"] == f"/id/doc/{body['document']['id']}"
    assert any(f["code"] == "invalid-date" for f in body["findings"])
    assert docs_via_sparql(client) == 1  # the SPARQL endpoint sees the write at once
    assert client.get(first.headers["location"]).status_code == 200

    again = upload(client, "another name.txt", SEED.read_bytes())
    assert again.status_code == 200 and again.json()["status"] == "unchanged"
    rendition = upload(client, SEED_PDF.name, SEED_PDF.read_bytes())
    assert rendition.status_code == 200, rendition.text
    assert rendition.json()["status"] == "rendition"
    assert rendition.json()["document"]["iri"] == body["document"]["iri"]

    names = app.state.store.select(P + "SELECT ?n WHERE { ?f a sg:SourceFile ; sg:fileName ?n } ORDER BY ?n")
    assert [str(r["n"]) for r in names] == [SEED_PDF.name, "min plan.txt"]  # the original names, kept


def test_content_decides_not_the_name(client):
    pdf_named_txt = upload(client, "plan.txt", SEED_PDF.read_bytes())
    assert pdf_named_txt.status_code == 201, pdf_named_txt.text
    text_named_pdf = upload(client, "plan.pdf", SEED.read_bytes())
    assert text_named_pdf.status_code == 415


def test_a_client_file_name_never_becomes_a_path(client, app, tmp_path):
    target = tmp_path / "evil.txt"
    response = upload(client, f"../../../../..{target}", SEED.read_bytes())
    assert response.status_code == 201
    names = app.state.store.select(P + "SELECT ?n WHERE { ?f a sg:SourceFile ; sg:fileName ?n }")
    assert [str(r["n"]) for r in names] == ["evil.txt"]
    assert not target.exists()


@pytest.mark.parametrize("given,kept", [
    ("plan.pdf", "plan.pdf"), ("C:\\Users\\x\\Plan 2012.pdf", "Plan 2012.pdf"), ("../..", "dokument"),
    ("", "dokument"), (None, "dokument"), ("a\x00b\nc.txt", "abc.txt"), ("å" * 150 + ".txt", "å" * 100),
])
def test_safe_file_name(given, kept):
    assert safe_file_name(given) == kept


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    return buffer.getvalue()


@pytest.mark.parametrize("name,data,status", [
    ("bild.txt", png_bytes(), 415),
    ("plan.pdf", _zip_bytes(), 415),
    ("plan.docx", _zip_bytes(), 415),
    ("tom.txt", b"", 422),
    ("trasig.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog", 422),
    ("inget.txt", "Det här är en vanlig anteckning om lunch.\n".encode(), 422),
    ("scan.pdf", pdf_bytes([[]]), 422),
])
def test_refused_upload_changes_nothing(make_app, template, tmp_path, name, data, status):
    app = make_app(copy_store(template, tmp_path / "seeded"), token=TOKEN)
    client = TestClient(app, raise_server_exceptions=False)
    before = export(app)
    response = upload(client, name, data)
    assert response.status_code == status, response.text
    assert set(response.json()) == {"type", "title", "status", "error", "detail"}
    assert response.headers["content-type"].startswith("application/problem+json")
    assert export(app) == before


def test_too_large_upload_is_413_and_changes_nothing(make_app, template, tmp_path):
    app = make_app(copy_store(template, tmp_path / "seeded"), token=TOKEN, max_upload=10_000)
    client = TestClient(app, raise_server_exceptions=False)
    before = export(app)
    response = upload(client, SEED.name, SEED.read_bytes())  # ~100 kB
    assert response.status_code == 413
    assert response.json()["error"] == "too_large"

    def chunks():  # no Content-Length: the limit is enforced while streaming
        for _ in range(100):
            yield b"-" * 1000

    streamed = client.post("/api/documents", content=chunks(), headers={
        **AUTH, "Content-Type": "multipart/form-data; boundary=xyz"})
    assert streamed.status_code == 413
    assert export(app) == before


def test_malformed_requests(client):
    not_multipart = client.post("/api/documents", json={"file": "x"}, headers=AUTH)
    assert not_multipart.status_code == 415
    wrong_field = upload(client, SEED.name, SEED.read_bytes(), field="document")
    assert wrong_field.status_code == 422
    no_boundary = client.post("/api/documents", content=b"x", headers={**AUTH, "Content-Type": "multipart/form-data"})
    assert no_boundary.status_code == 400
    two_files = client.post("/api/documents", headers=AUTH, files=[
        ("file", ("a.txt", SEED.read_bytes(), "text/plain")), ("file", ("b.txt", SEED.read_bytes(), "text/plain"))])
    assert two_files.status_code == 400


# -- deleting ----------------------------------------------------------------------------


def test_delete(client, app):
    created = upload(client, SEED.name, SEED.read_bytes()).json()["document"]
    assert client.delete("/api/documents/no-such-document", headers=AUTH).status_code == 404
    removed = client.delete(f"/api/documents/{created['id']}", headers=AUTH)
    assert removed.status_code == 200
    assert removed.json()["status"] == "removed"
    assert removed.json()["document"] == created
    assert app.state.store.graphs() == []
    assert docs_via_sparql(client) == 0
    assert client.delete(f"/api/documents/{created['id']}", headers=AUTH).status_code == 404


def test_delete_by_case_number_or_iri(client):
    created = upload(client, SEED.name, SEED.read_bytes()).json()
    by_dnr = client.delete("/api/documents/KS 2011/0456", headers=AUTH)
    assert by_dnr.status_code == 200, by_dnr.text
    assert by_dnr.json()["graph"] == created["graph"]
    upload(client, SEED.name, SEED.read_bytes())
    by_iri = client.delete("/api/documents/" + created["document"]["iri"], headers=AUTH)
    assert by_iri.status_code == 200
