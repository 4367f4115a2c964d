"""Errors in the language asked for: the CLI with `--lang en`, the HTTP API with `?lang=en` or Accept-Language."""
from __future__ import annotations

import pytest
from starlette.requests import Request
from typer.testing import CliRunner

from styrgraf.api.cli.main import app as cli_app
from styrgraf.api.cli.query import register
from styrgraf.api.http.errors import request_lang
from tests.query_seed import seed_store_path

register(cli_app)
runner = CliRunner()
BAD_QUERY = "SELECT ?s WHERE { ?s ?p "


def _request(query: str = "", accept_language: str | None = None) -> Request:
    headers = [(b"accept-language", accept_language.encode())] if accept_language else []
    return Request({"type": "http", "method": "GET", "path": "/", "query_string": query.encode(), "headers": headers})


@pytest.mark.parametrize("query, header, expected", [
    ("", None, "sv"), ("lang=en", None, "en"), ("lang=en", "sv", "en"), ("lang=sv", "en", "sv"),
    ("", "en-GB,en;q=0.9", "en"), ("", "de, en;q=0.4, sv;q=0.8", "sv"), ("", "fr", "sv"), ("lang=xx", "en", "en"),
    ("", "en;q=0, sv", "sv"),
])
def test_request_lang(query, header, expected):
    assert request_lang(_request(query, header)) == expected


def test_http_missing_entity_in_english_and_swedish(client):
    english = client.get("/api/subprojects/nope", params={"lang": "en"})
    assert english.status_code == 404
    assert english.json()["detail"] == "No subproject with id 'nope'."
    assert english.headers["content-language"] == "en"
    swedish = client.get("/api/subprojects/nope")
    assert swedish.json()["detail"] == "Det finns inget delprojekt med id 'nope'."
    assert swedish.headers["content-language"] == "sv"
    by_header = client.get("/api/subprojects/nope", headers={"Accept-Language": "en-US"})
    assert by_header.json()["detail"] == "No subproject with id 'nope'."


def test_http_bad_parameter_in_english(client):
    answer = client.get("/api/overlaps", params={"min_score": "abc", "lang": "en"})
    assert answer.status_code == 422
    assert answer.json()["detail"] == "min_score must be a number, not 'abc'"
    assert client.get("/api/overlaps", params={"min_score": "abc"}).json()["detail"] == (
        "min_score måste vara ett tal, inte 'abc'")


def test_http_malformed_sparql_in_english(client):
    answer = client.get("/sparql", params={"query": BAD_QUERY}, headers={"Accept-Language": "en"})
    assert answer.status_code == 400
    assert answer.json()["detail"].startswith("Invalid SPARQL")
    assert client.get("/sparql", params={"query": BAD_QUERY}).json()["detail"].startswith("Ogiltig SPARQL")


def test_http_framework_errors_in_english(client):
    assert client.get("/no/such/path", params={"lang": "en"}).json()["detail"] == "There is no such resource."
    invalid = client.get("/api/documents/x/diff", headers={"Accept-Language": "en"})  # `from` missing
    assert invalid.status_code == 422
    assert invalid.json()["detail"] == "Invalid parameters: from: missing"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> str:
    return str(seed_store_path(tmp_path_factory))


def _cli(*args: str, code: int) -> str:
    result = runner.invoke(cli_app, list(args), env={"COLUMNS": "400"})
    assert result.exit_code == code, (args, result.output)
    return result.output


def test_cli_missing_entity_in_english(store_path):
    out = _cli("show", "dp99", "--type", "subproject", "--store", store_path, "--lang", "en", code=1)
    assert "No subproject with id 'dp99'." in out
    assert "Det finns" not in out


def test_cli_bad_parameter_in_english(store_path):
    out = _cli("overlaps", "--min-score", "2", "--store", store_path, "--lang", "en", code=2)
    assert "min_score must be a number from 0 to 1" in out
    bad_format = _cli("export", "--format", "xml", "--store", store_path, "--lang", "en", code=2)
    assert "Unknown format 'xml'; choose trig, nquads, turtle, ntriples or jsonld." in bad_format
    assert "Okänt format 'xml'" in _cli("export", "--format", "xml", "--store", store_path, code=2)


def test_cli_unreadable_import_in_english(store_path, tmp_path):
    broken = tmp_path / "broken.trig"
    broken.write_text("<urn:a> <urn:b> .", encoding="utf-8")
    out = _cli("import", str(broken), "--store", str(tmp_path / "s"), "--lang", "en", code=2)
    assert "The import file could not be read (trig)" in out


def test_http_own_request_errors_in_english(client):
    cursor = client.get("/api/people", params={"cursor": "bad", "lang": "en"})
    assert cursor.status_code == 422
    assert cursor.json()["detail"] == "Invalid cursor: 'bad'. Use the value from the previous answer."
    no_query = client.get("/sparql", headers={"Accept-Language": "en"})
    assert no_query.status_code == 422
    assert no_query.json()["detail"] == "The parameter query is missing: give the SPARQL query in query."
    assert client.get("/sparql").json()["detail"] == "Parametern query saknas: ange SPARQL-frågan i query."


def test_serve_tells_a_store_error_in_english(tmp_path):
    from tests.api.test_cli_messages import cli

    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x", encoding="utf-8")
    english = cli("serve", "--store", str(not_a_folder), "--lang", "en", "--port", "0")
    assert english.returncode == 2 and f"{not_a_folder} is a file, not a store folder." in english.stderr + english.stdout
    swedish = cli("serve", "--store", str(not_a_folder), "--port", "0")
    assert f"{not_a_folder} är en fil, inte en lagringskatalog." in swedish.stderr + swedish.stdout
