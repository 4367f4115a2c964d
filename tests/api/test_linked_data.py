"""Linked data: GET /id/{kind}/{slug} by content negotiation."""
from __future__ import annotations

import pytest
import rdflib
from fastapi.testclient import TestClient

from styrgraf.ingest.identity import base_iri
from styrgraf.ontology.terms import OA, SG, sparql_prefixes

# `app` and `client` (the seed store, one copy for this module) come from tests/api/conftest.py.


@pytest.fixture(scope="module")
def subproject_1(app) -> str:
    rows = app.state.store.select(sparql_prefixes() + "SELECT ?s WHERE { ?s a sg:Subproject ; sg:number 1 }")
    return str(rows[0]["s"])


def path_of(iri: str) -> str:
    assert iri.startswith(base_iri())
    return "/id/" + iri[len(base_iri()):]


def test_json_description_with_evidence(client, subproject_1):
    response = client.get(path_of(subproject_1), headers={"Accept": "application/json"})
    assert response.status_code == 200
    assert "accept" in response.headers["vary"].lower()
    body = response.json()
    assert body["iri"] == subproject_1
    assert body["type"] == "subproject"
    assert body["id"] == subproject_1.rsplit("/", 1)[1]
    assert str(SG.Subproject) in body["types"]
    titles = body["properties"]["http://purl.org/dc/terms/title"]
    assert titles == [{"value": "Näringslivsstrategi för Halmstads kommun", "lang": "sv"}]
    addressed = {v["id"].rsplit("-", 1)[1] for v in body["properties"][str(SG.addresses)]}
    assert "8" in addressed
    assert all(v["type"] == "intention" for v in body["properties"][str(SG.addresses)])
    assert body["evidence"], "every extracted entity carries evidence"
    for evidence in body["evidence"]:
        assert evidence["quote"] and evidence["page"] >= 0 and evidence["end"] > evidence["start"]
        assert evidence["document"]["type"] == "document"


def test_default_is_json(client, subproject_1):
    for accept in (None, "*/*"):
        headers = {"Accept": accept} if accept else {}
        response = client.get(path_of(subproject_1), headers=headers)
        assert response.headers["content-type"] == "application/json"


def test_turtle_has_the_triples_and_the_evidence_annotations(client, app, subproject_1):
    response = client.get(path_of(subproject_1), headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/turtle")
    graph = rdflib.Graph().parse(data=response.text, format="turtle")
    entity = rdflib.URIRef(subproject_1)
    stored = app.state.store.select(f"SELECT ?p ?o WHERE {{ <{subproject_1}> ?p ?o }}")
    assert {(entity, r["p"], r["o"]) for r in stored} <= set(graph)
    annotations = set(graph.subjects(OA.hasBody, entity))
    assert annotations
    for annotation in annotations:
        target = graph.value(annotation, OA.hasTarget)
        quotes = [graph.value(s, OA.exact) for s in graph.objects(target, OA.hasSelector)]
        assert any(q is not None for q in quotes)


def test_json_ld_and_n_triples_describe_the_same_graph(client, subproject_1):
    graphs = {}
    for accept, fmt in (("text/turtle", "turtle"), ("application/ld+json", "json-ld"),
                        ("application/n-triples", "nt")):
        response = client.get(path_of(subproject_1), headers={"Accept": accept})
        assert response.status_code == 200, accept
        assert response.headers["content-type"].startswith(accept)
        graphs[accept] = rdflib.Graph().parse(data=response.text, format=fmt)
    assert len(graphs["text/turtle"]) > 10
    assert set(graphs["application/ld+json"]) == set(graphs["text/turtle"]) == set(graphs["application/n-triples"])


def test_html_without_an_api_page_gets_the_json(app, client):
    # A milestone has no resource of its own in the read API: a browser gets the JSON description.
    rows = app.state.store.select(sparql_prefixes() + "SELECT ?m WHERE { ?m a sg:Milestone } LIMIT 1")
    milestone = str(rows[0]["m"])
    response = client.get(path_of(milestone), headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"},
                          follow_redirects=False)
    assert response.status_code == 200
    assert response.json()["iri"] == milestone


def test_html_is_redirected_to_the_web_page(make_seed_app, subproject_1):
    app = make_seed_app()
    client = TestClient(app)
    slug = subproject_1.rsplit("/", 1)[1]
    response = client.get(path_of(subproject_1), headers={"Accept": "text/html"}, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == f"/delprojekt/{slug}"
    page = client.get(response.headers["location"])
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "<h1>Delprojekt 1: " in page.text
    as_json = client.get(path_of(subproject_1), headers={"Accept": "application/json"}, follow_redirects=False)
    assert as_json.status_code == 200


def test_unknown_entity_is_404(client):
    for path in ("/id/subproject/no-such-thing", "/id/nosuchkind/halmstad", "/id/doc/x"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert response.json()["error"] == "not_found"


def test_other_kinds_are_described_too(client, app):
    rows = app.state.store.select(sparql_prefixes() + "SELECT ?doc WHERE { ?doc a sg:Document }")
    response = client.get(path_of(str(rows[0]["doc"])))
    assert response.status_code == 200
    assert response.json()["type"] == "document"


def test_malformed_kind_or_slug_is_422(client):
    for path in ("/id/Sub-Project/x", "/id/subproject/-x", "/id/subproject/a%20b", "/id/subproject/%3Cx%3E"):
        response = client.get(path)
        assert response.status_code == 422, path
        assert set(response.json()) == {"type", "title", "status", "error", "detail"}


def test_unacceptable_format_is_406(client, subproject_1):
    response = client.get(path_of(subproject_1), headers={"Accept": "image/png"})
    assert response.status_code == 406
    assert response.json()["error"] == "not_acceptable"
