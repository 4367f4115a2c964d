"""The SPARQL 1.1 Protocol endpoint: forms, formats, refusals, dataset, limits, and a real client."""
from __future__ import annotations

import csv
import io
import json
import threading
from urllib.parse import urlencode

import httpx
import pyoxigraph as ox
import pytest
import rdflib
from fastapi.testclient import TestClient

from styrgraf.api.http.app import close_app, create_app
from styrgraf.ontology.terms import sparql_prefixes
from tests.api.server_support import SEED_TITLE, live_server, wait_until
from tests.graph.conftest import RequestRecorder

P = sparql_prefixes()
INTENTION_8 = P + """SELECT ?n WHERE { ?sp a sg:Subproject ; sg:number ?n ; sg:addresses ?i . ?i sg:number 8 }
                     ORDER BY ?n"""
TITLE = P + "SELECT ?title WHERE { ?doc a sg:Document ; dcterms:title ?title }"
DOC_TRIPLES = P + "CONSTRUCT { ?doc dcterms:title ?title } WHERE { ?doc a sg:Document ; dcterms:title ?title }"
# Two scans of the whole store, joined on nothing, with a filter that never holds:
# a single row never comes (measured: ~10 minutes on the seed store without a limit).
SLOW = "SELECT ?a WHERE { ?a ?b ?c . ?d ?e ?f . FILTER(CONCAT(STR(?a), STR(?d)) = \"-\") }"
JSON = "application/sparql-results+json"


# `app` and `client` (the seed store, one copy for this module) and `make_seed_app` (a fresh copy
# with other limits) come from tests/api/conftest.py.


def numbers(response) -> list[int]:
    assert response.status_code == 200, response.text
    return [int(b["n"]["value"]) for b in response.json()["results"]["bindings"]]


# -- the three ways to send a query ------------------------------------------------


def test_get_post_form_and_post_direct_give_the_same_answer(client):
    by_get = client.get("/sparql", params={"query": INTENTION_8})
    by_form = client.post("/sparql", data={"query": INTENTION_8})
    by_body = client.post("/sparql", content=INTENTION_8.encode(),
                          headers={"Content-Type": "application/sparql-query"})
    assert numbers(by_get) == numbers(by_form) == numbers(by_body) == [1, 2]
    assert by_get.headers["content-type"] == JSON
    assert "accept" in by_get.headers["vary"].lower()


def test_select_formats(client):
    for accept, check in (
        (JSON, lambda text: json.loads(text)["results"]["bindings"][0]["title"]["value"]),
        ("application/sparql-results+xml",
         lambda text: ox.parse_query_results(text, ox.QueryResultsFormat.XML).__next__()["title"].value),
        ("text/csv", lambda text: list(csv.DictReader(io.StringIO(text)))[0]["title"]),
        ("text/tab-separated-values",
         lambda text: ox.parse_query_results(text, ox.QueryResultsFormat.TSV).__next__()["title"].value),
    ):
        response = client.get("/sparql", params={"query": TITLE}, headers={"Accept": accept})
        assert response.status_code == 200, (accept, response.text)
        assert response.headers["content-type"].startswith(accept)
        assert check(response.text) == SEED_TITLE, accept


def test_csv_and_tsv_keep_language_and_unbound_values(client):
    query = 'SELECT ?x ?y WHERE { VALUES (?x ?y) { ("a"@sv UNDEF) } }'
    tsv = client.get("/sparql", params={"query": query}, headers={"Accept": "text/tab-separated-values"}).text
    assert tsv.splitlines() == ["?x\t?y", '"a"@sv\t']
    as_json = client.get("/sparql", params={"query": query}).json()
    assert as_json["results"]["bindings"] == [{"x": {"type": "literal", "value": "a", "xml:lang": "sv"}}]


def test_ask(client):
    yes = client.get("/sparql", params={"query": P + "ASK { ?s a sg:Subproject }"})
    assert yes.json() == {"head": {}, "boolean": True}
    no = client.get("/sparql", params={"query": "ASK { <urn:x:nothing> ?p ?o }"},
                    headers={"Accept": "application/sparql-results+xml"})
    assert "<boolean>false</boolean>" in no.text


def test_construct_formats(client):
    expected = {(rdflib.URIRef(str(rdflib.DCTERMS.title)), rdflib.Literal(SEED_TITLE, lang="sv"))}
    for accept, fmt in (("text/turtle", "turtle"), ("application/n-triples", "nt"), ("application/ld+json", "json-ld")):
        response = client.get("/sparql", params={"query": DOC_TRIPLES}, headers={"Accept": accept})
        assert response.status_code == 200, (accept, response.text)
        assert response.headers["content-type"].startswith(accept)
        graph = rdflib.Graph().parse(data=response.text, format=fmt)
        assert {(p, o) for _, p, o in graph} == expected, accept
    assert "@prefix dcterms:" in client.get("/sparql", params={"query": DOC_TRIPLES},
                                            headers={"Accept": "text/turtle"}).text


def test_describe(client):
    query = P + "DESCRIBE ?doc WHERE { ?doc a sg:Document }"
    graph = rdflib.Graph().parse(data=client.get("/sparql", params={"query": query},
                                                 headers={"Accept": "text/turtle"}).text, format="turtle")
    assert (None, rdflib.DCTERMS.title, rdflib.Literal(SEED_TITLE, lang="sv")) in graph


def test_no_acceptable_format_is_406_json(client):
    for query, accept in ((TITLE, "text/turtle"), (DOC_TRIPLES, JSON), (TITLE, "image/png")):
        response = client.get("/sparql", params={"query": query}, headers={"Accept": accept})
        assert response.status_code == 406, (query, accept)
        assert response.json()["error"] == "not_acceptable"


# -- refusals --------------------------------------------------------------------


def test_updates_are_refused_with_a_clear_message(client):
    insert = "INSERT DATA { GRAPH <urn:x:g> { <urn:x:s> <urn:x:p> <urn:x:o> } }"
    attempts = (
        client.get("/sparql", params={"update": insert}),
        client.post("/sparql", data={"update": insert}),
        client.post("/sparql", content=insert.encode(), headers={"Content-Type": "application/sparql-update"}),
    )
    for response in attempts:
        assert response.status_code == 400
        assert response.json()["error"] == "update_not_allowed"
        assert "läsfrågor" in response.json()["detail"]
    as_query = client.get("/sparql", params={"query": insert})
    assert as_query.status_code == 400 and as_query.json()["error"] == "refused"
    assert client.get("/sparql", params={"query": "ASK { <urn:x:s> ?p ?o }"}).json()["boolean"] is False


def test_malformed_sparql_is_400(client):
    response = client.get("/sparql", params={"query": "SELECT ?x WHERE { ?x"})
    assert response.status_code == 400
    assert response.json()["error"] == "bad_query"
    assert response.json()["detail"].startswith("Ogiltig SPARQL")


def test_missing_or_repeated_query_is_422(client):
    assert client.get("/sparql").status_code == 422
    assert client.post("/sparql", data={"default-graph-uri": "urn:x:g"}).status_code == 422
    repeated = client.get("/sparql?" + urlencode([("query", "ASK {}"), ("query", "ASK {}")]))
    assert repeated.status_code == 422


def test_unsupported_body_type_is_415(client):
    response = client.post("/sparql", content=b'{"query": "ASK {}"}', headers={"Content-Type": "application/json"})
    assert response.status_code == 415
    assert response.json()["error"] == "unsupported_media_type"


def test_oversized_query_is_413(client):
    response = client.post("/sparql", content=b"#" * 1_000_001, headers={"Content-Type": "application/sparql-query"})
    assert response.status_code == 413


def test_service_is_refused_and_nothing_is_contacted(client):
    with RequestRecorder() as recorder:
        response = client.get("/sparql", params={"query": f"SELECT * WHERE {{ SERVICE <{recorder.url}/sparql> {{ ?s ?p ?o }} }}"})
        assert response.status_code == 400
        assert response.json()["error"] == "refused"
        assert recorder.paths == []


def test_from_selects_stored_graphs_and_fetches_nothing(client, app):
    graph = app.state.store.graphs()[0].iri
    with RequestRecorder() as recorder:
        for source in ("http://127.0.0.1:1/x", recorder.url + "/data.ttl", "urn:x:not-stored"):
            for clause in ("FROM", "FROM NAMED"):
                response = client.get("/sparql", params={"query": f"SELECT * {clause} <{source}> WHERE {{ ?s ?p ?o }}"})
                assert response.status_code == 400, response.text
                assert response.json()["error"] == "refused"
                assert "FROM" in response.json()["detail"]
        assert recorder.paths == []
    stored = client.get("/sparql", params={"query": f"ASK FROM <{graph}> WHERE {{ ?s ?p ?o }}"})
    assert stored.json()["boolean"] is True


# -- dataset -----------------------------------------------------------------------


def test_dataset_parameters(client, app):
    graph = app.state.store.graphs()[0].iri
    own = client.get("/sparql", params={"query": INTENTION_8, "default-graph-uri": graph})
    assert numbers(own) == [1, 2]
    other = client.get("/sparql", params={"query": INTENTION_8, "default-graph-uri": "urn:x:no-such-graph"})
    assert numbers(other) == []
    named = P + "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s a sg:Subproject } }"
    form = client.post("/sparql", data={"query": named, "named-graph-uri": graph})
    assert [b["g"]["value"] for b in form.json()["results"]["bindings"]] == [graph]
    direct = client.post("/sparql?" + urlencode({"named-graph-uri": "urn:x:none"}), content=named.encode(),
                         headers={"Content-Type": "application/sparql-query"})
    assert direct.json()["results"]["bindings"] == []
    from_clause = client.get("/sparql", params={"query": INTENTION_8.replace("SELECT ?n", f"SELECT ?n FROM <{graph}>")})
    assert numbers(from_clause) == [1, 2]


def test_bad_graph_iri_is_422(client):
    response = client.get("/sparql", params={"query": "ASK {}", "default-graph-uri": "not an iri"})
    assert response.status_code == 422


# -- limits --------------------------------------------------------------------------


def test_row_cap_is_an_error_not_a_silent_truncation(make_seed_app):
    client = TestClient(make_seed_app(row_cap=5), raise_server_exceptions=False)
    five = client.get("/sparql", params={"query": "SELECT ?s WHERE { ?s ?p ?o } LIMIT 5"})
    assert len(five.json()["results"]["bindings"]) == 5
    six = client.get("/sparql", params={"query": "SELECT ?s WHERE { ?s ?p ?o } LIMIT 6"})
    assert six.status_code == 413
    assert six.json()["error"] == "result_too_large"
    assert "5" in six.json()["detail"]
    triples = client.get("/sparql", params={"query": "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 6"},
                         headers={"Accept": "text/turtle"})
    assert triples.status_code == 413


def test_default_row_cap_stops_a_cartesian_product(client):
    response = client.get("/sparql", params={"query": "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }"})
    assert response.status_code == 413


def test_slow_query_times_out_while_the_server_keeps_answering(make_seed_app):
    # A limit well above a worker's start (~1 s: it builds the checking parser), so the
    # quick query below is answered while the slow one still runs.
    app = make_seed_app(query_timeout=5)
    runner = app.state.query_runner
    with live_server(app) as url:
        outcome: dict = {}
        assert httpx.get(url + "/sparql", params={"query": "ASK {}"}, timeout=30, trust_env=False).status_code == 200

        def slow() -> None:
            outcome["response"] = httpx.get(url + "/sparql", params={"query": SLOW}, timeout=60, trust_env=False)

        thread = threading.Thread(target=slow)
        thread.start()
        assert wait_until(lambda: runner.active == 1)
        health = httpx.get(url + "/health", timeout=30, trust_env=False)
        quick = httpx.get(url + "/sparql", params={"query": "ASK {}"}, timeout=30, trust_env=False)
        still_running = thread.is_alive()
        thread.join(timeout=60)
    assert still_running, "the slow query ended before the other requests were answered"
    assert health.status_code == 200 and quick.json()["boolean"] is True
    response = outcome["response"]
    assert response.status_code == 503
    assert response.json()["error"] == "query_timeout"
    # The query's process was killed: nothing keeps running after the answer.
    assert wait_until(lambda: runner.active == 0)


def test_query_memory_limit(make_seed_app):
    client = TestClient(make_seed_app(query_timeout=60, query_memory=700 * 1024 * 1024), raise_server_exceptions=False)
    response = client.get("/sparql", params={"query": "SELECT ?a ?f WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?a ?f LIMIT 1"})
    assert response.status_code == 503
    assert response.json()["error"] == "query_resources"
    assert client.get("/sparql", params={"query": "ASK {}"}).json()["boolean"] is True


def test_all_workers_busy_is_503(make_seed_app):
    app = make_seed_app(query_timeout=3, query_workers=1)
    with live_server(app) as url:
        thread = threading.Thread(target=lambda: httpx.get(url + "/sparql", params={"query": SLOW}, timeout=60,
                                                           trust_env=False))
        thread.start()
        assert wait_until(lambda: app.state.query_runner.active == 1)
        busy = httpx.get(url + "/sparql", params={"query": "ASK {}"}, timeout=30, trust_env=False)
        thread.join(timeout=60)
        assert wait_until(lambda: app.state.query_runner.active == 0)
        after = httpx.get(url + "/sparql", params={"query": "ASK {}"}, timeout=30, trust_env=False)
    assert busy.status_code == 503 and busy.json()["error"] == "busy"
    assert after.status_code == 200


def test_the_endpoint_sees_the_store_after_a_write(make_seed_app):
    app = make_seed_app()
    client = TestClient(app)
    count = P + "SELECT (COUNT(?d) AS ?n) WHERE { ?d a sg:Document }"
    assert numbers(client.get("/sparql", params={"query": count})) == [1]
    with app.state.write_lock:
        app.state.store.drop_graph(app.state.store.graphs()[0].iri)
    app.state.query_runner.store_changed()
    assert numbers(client.get("/sparql", params={"query": count})) == [0]


def test_embedded_queries_run_in_worker_processes(app):
    # The time limit only holds if evaluation is out of the server process.
    assert app.state.query_runner.snapshots is not None


# -- a real SPARQL client against a real server -----------------------------------


@pytest.fixture(scope="module")
def endpoint(app):
    with live_server(app) as url:
        yield url + "/sparql"


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_sparqlwrapper(endpoint, method):
    from SPARQLWrapper import CSV, JSON as SW_JSON, TURTLE, XML, SPARQLWrapper

    def client(query: str, fmt) -> SPARQLWrapper:
        wrapper = SPARQLWrapper(endpoint)
        wrapper.setMethod(method)
        wrapper.setQuery(query)
        wrapper.setReturnFormat(fmt)
        return wrapper

    as_json = client(INTENTION_8, SW_JSON).queryAndConvert()
    assert [int(b["n"]["value"]) for b in as_json["results"]["bindings"]] == [1, 2]

    as_xml = client(INTENTION_8, XML).queryAndConvert()  # an xml.dom document
    assert [int(node.firstChild.data) for node in as_xml.getElementsByTagName("literal")] == [1, 2]

    as_csv = client(INTENTION_8, CSV).queryAndConvert().decode("utf-8")
    assert as_csv.split() == ["n", "1", "2"]

    assert client(P + "ASK { ?s a sg:Subproject }", SW_JSON).queryAndConvert()["boolean"] is True

    turtle = client(DOC_TRIPLES, TURTLE).queryAndConvert()
    graph = rdflib.Graph().parse(data=turtle, format="turtle")
    assert (None, rdflib.DCTERMS.title, rdflib.Literal(SEED_TITLE, lang="sv")) in graph


# -- a remote store behind the endpoint ---------------------------------------------


def _graph_names(client) -> list[str]:
    rows = client.get("/sparql", params={"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"}).json()
    return [row["g"]["value"] for row in rows["results"]["bindings"]]


def test_remote_store_behind_the_endpoint(tmp_path):
    from tests.api.server_support import seeded_remote_store

    with seeded_remote_store(tmp_path / "oxigraph") as url:
        app = create_app(url, row_cap=5)
        try:
            assert app.state.query_runner.snapshots is None
            client = TestClient(app, raise_server_exceptions=False)
            assert numbers(client.get("/sparql", params={"query": INTENTION_8})) == [1, 2]
            csv_text = client.get("/sparql", params={"query": TITLE}, headers={"Accept": "text/csv"}).text
            assert csv_text.splitlines() == ["title", SEED_TITLE]
            turtle = client.get("/sparql", params={"query": DOC_TRIPLES}, headers={"Accept": "text/turtle"})
            assert (None, rdflib.DCTERMS.title, rdflib.Literal(SEED_TITLE, lang="sv")) in rdflib.Graph().parse(
                data=turtle.text, format="turtle")
            too_many = client.get("/sparql", params={"query": "SELECT ?s WHERE { ?s ?p ?o } LIMIT 6"})
            assert too_many.status_code == 413
            bad = client.get("/sparql", params={"query": "SELECT ?x WHERE { ?x"})
            assert bad.status_code == 400
            graph = next(iri for iri in _graph_names(client) if iri)
            from_clause = INTENTION_8.replace("SELECT ?n", f"SELECT ?n FROM <{graph}>")
            assert numbers(client.get("/sparql", params={"query": from_clause})) == [1, 2]
            elsewhere = client.get("/sparql", params={"query": "ASK FROM <urn:x:not-stored> { ?s ?p ?o }"})
            assert elsewhere.status_code == 400 and elsewhere.json()["error"] == "refused"
            assert client.get("/sparql", params={"query": TITLE}, headers={"Accept": "text/turtle"}).status_code == 406
        finally:
            close_app(app)
