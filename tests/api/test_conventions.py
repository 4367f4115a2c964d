"""HTTP conventions: negotiation (RFC 9110), offline docs, /health, problem documents, pages, ETags, HEAD."""
from __future__ import annotations

import re

import pytest

from styrgraf.api.http.pagination import decode_cursor, encode_cursor
from styrgraf.graph.store.media import choose, negotiate

NO_JSON = "application/json;q=0, */*;q=0.1"
SUBPROJECT = "/api/subprojects/"


@pytest.fixture(scope="module")
def subproject_path(client):
    first = client.get("/api/projects").json()[0]["subprojects"][0]
    return f"/id/subproject/{first['id']}"


# -- content negotiation -----------------------------------------------------

def test_q_zero_refuses_a_type_that_a_wildcard_would_accept():
    assert choose(NO_JSON, ("application/json", "text/turtle")) == "text/turtle"
    assert negotiate(NO_JSON, "SELECT") != "application/sparql-results+json"
    assert negotiate("text/*, text/csv;q=0", "SELECT") == "text/tab-separated-values"
    assert choose("image/png", ("application/json",)) is None
    assert choose(None, ("application/json", "text/turtle")) == "application/json"


def test_the_more_specific_range_wins():
    assert negotiate("application/*;q=0.2, application/sparql-results+xml;q=0.1", "SELECT") == \
        "application/sparql-results+json"
    assert negotiate("text/html;q=0.9, text/csv;q=0.5", "SELECT") == "text/csv"


def test_linked_data_and_sparql_honour_q_zero(client, subproject_path):
    described = client.get(subproject_path, headers={"Accept": NO_JSON})
    assert described.status_code == 200
    assert not described.headers["content-type"].startswith("application/json")
    results = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 1"},
                         headers={"Accept": NO_JSON})
    assert results.status_code == 200
    assert "json" not in results.headers["content-type"]
    refused = client.get(subproject_path, headers={"Accept": "application/json;q=0"})
    assert refused.status_code == 406


# -- documentation pages -----------------------------------------------------

@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_documentation_pages_name_no_outside_host(client, page):
    html = client.get(page)
    assert html.status_code == 200
    sources = re.findall(r'(?:src|href)="([^"]+)"', html.text)
    assert sources and all(s.startswith("/") for s in sources), sources
    assert "cdn" not in html.text.lower() and "fonts.googleapis" not in html.text
    for source in sources:
        assert client.get(source).status_code == 200, source


# -- /health -----------------------------------------------------------------

def test_health_does_not_show_where_the_store_is(client, app):
    body = client.get("/health").text
    assert app.state.store_location not in body
    assert "/" not in client.get("/health").json()["store"]["id"]


# -- ids that SPARQL cannot hold ---------------------------------------------

@pytest.mark.parametrize("ref", ["a%25b", "a%5Bb", "a%5Db", "%25", "x%2541"])
@pytest.mark.parametrize("route", ["/api/people/", "/api/entities/", "/api/trace/", "/api/documents/"])
def test_ids_with_percent_or_brackets_are_unknown_not_bad_queries(client, route, ref):
    response = client.get(route + ref)
    assert response.status_code == 404, response.text
    assert "SPARQL" not in response.json()["detail"]


# -- problem documents -------------------------------------------------------

def test_errors_are_problem_documents_that_keep_error_and_detail(client):
    for path, status in (("/api/people/nobody", 404), ("/api/people?limit=0", 422), ("/nowhere", 404)):
        response = client.get(path)
        assert response.status_code == status
        assert response.headers["content-type"] == "application/problem+json"
        body = response.json()
        assert body["status"] == status and body["type"] == "about:blank" and body["title"]
        assert body["error"] and body["detail"]
    analysis = client.get("/api/overlaps", params={"min_score": "x"})
    assert analysis.status_code == 422
    assert analysis.headers["content-type"] == "application/problem+json"
    assert analysis.json()["error"] == "invalid_parameters"


# -- pages -------------------------------------------------------------------

def _items(path, body):
    """The listed items of an answer: the list itself, or the paged list inside (`findings`, `overlaps`)."""
    return {"/api/checks": body.get("findings"), "/api/overlaps": body.get("overlaps")}[path] if isinstance(body, dict) else body


def _all_pages(client, path, limit):
    items, url, pages = [], f"{path}?limit={limit}", 0
    while url:
        response = client.get(url)
        assert response.status_code == 200, response.text
        body = response.json()
        items += _items(path, body)
        total = int(response.headers["x-total-count"])
        link = response.headers.get("link")
        url = re.fullmatch(r'<([^>]+)>; rel="next"', link).group(1) if link else None
        pages += 1
    return items, total, pages


@pytest.mark.parametrize("path", ["/api/people", "/api/decisions", "/api/intentions", "/api/overlaps", "/api/checks"])
def test_lists_come_in_pages_that_add_up_to_the_whole(client, path):
    whole = client.get(path, params={"limit": 1000})
    everything = _items(path, whole.json())
    assert int(whole.headers["x-total-count"]) == len(everything) > 3
    assert "link" not in whole.headers
    items, total, pages = _all_pages(client, path, 3)
    assert total == len(everything) and items == everything
    assert pages == -(-total // 3)


def test_lists_have_a_default_limit(client):
    people = client.get("/api/people")
    assert int(people.headers["x-total-count"]) == len(people.json())  # the seed has fewer than the default
    assert len(client.get("/api/people", params={"limit": 5}).json()) == 5
    assert client.get("/api/people", params={"limit": 1001}).status_code == 422
    assert client.get("/api/overlaps", params={"limit": 1001}).status_code == 422


def test_a_cursor_is_opaque_and_checked(client):
    assert decode_cursor(encode_cursor(7)) == 7
    for bad in ("zzz", encode_cursor(-1), "eyJvIjogdHJ1ZX0"):
        response = client.get("/api/people", params={"cursor": bad})
        assert response.status_code == 422, bad
    response = client.get("/api/people", params={"limit": 2})
    assert response.headers["x-next-cursor"] in response.headers["link"]


# -- ETag, 304, HEAD ---------------------------------------------------------

def test_read_answers_carry_an_etag_and_answer_304(client, subproject_path):
    for path, headers in (("/api/decisions", {}), (subproject_path, {"Accept": "text/turtle"})):
        first = client.get(path, headers=headers)
        tag = first.headers["etag"]
        again = client.get(path, headers={**headers, "If-None-Match": tag})
        assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == tag
        assert client.get(path, headers={**headers, "If-None-Match": '"other", ' + tag}).status_code == 304
        assert client.get(path, headers={**headers, "If-None-Match": '"other"'}).status_code == 200
    turtle = client.get(subproject_path, headers={"Accept": "text/turtle"}).headers["etag"]
    as_json = client.get(subproject_path, headers={"Accept": "application/json"}).headers["etag"]
    assert turtle != as_json
    assert client.get("/api/people", params={"limit": 2}).headers["etag"] != client.get("/api/people").headers["etag"]
    assert client.get("/api/decisions", headers={"If-None-Match": "*"}).status_code == 304
    assert client.get("/api/people/nobody", headers={"If-None-Match": "*"}).status_code == 404


def test_a_write_changes_the_etag(make_seed_app):
    from fastapi.testclient import TestClient

    app = make_seed_app(token="secret")
    client = TestClient(app, raise_server_exceptions=False)
    tag = client.get("/api/documents").headers["etag"]
    doc = client.get("/api/documents").json()[0]
    assert client.delete(f"/api/documents/{doc['id']}", headers={"Authorization": "Bearer secret"}).status_code == 200
    after = client.get("/api/documents", headers={"If-None-Match": tag})
    assert after.status_code == 200 and after.json() == []


def test_head_is_answered_like_get_without_a_body(client):
    for path in ("/api/decisions", "/health", "/api/people/nobody", "/openapi.json"):
        get, head = client.get(path), client.head(path)
        assert head.status_code == get.status_code, path
        assert head.content == b""
        assert head.headers.get("content-length") == get.headers.get("content-length")
    assert client.head("/api/decisions").headers["etag"] == client.get("/api/decisions").headers["etag"]
