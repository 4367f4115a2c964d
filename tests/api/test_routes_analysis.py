"""The analysis endpoints over HTTP: shapes of the answers, CSV, and `{error, detail}` errors."""
from __future__ import annotations

import csv
import io

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from styrgraf.api.http import errors
from styrgraf.graph.analysis.overlaps import DEFAULT_MIN_SCORE
from styrgraf.api.http.routes_analysis import router
from styrgraf.graph.documents import ingest_file
from styrgraf.graph.store.interface import open_store
from tests.graph.analysis.docs import write_documents

ROOT = __import__("pathlib").Path(__file__).resolve().parents[2]
SEED = ROOT / "corpus" / "000_5a26368617003b47.txt"
PROJECT = "halmstad-projektplan-ks-2011-0456-2012-02-22-projekt"


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    folder = tmp_path_factory.mktemp("routes-analysis")
    store = open_store(str(folder / "store"))
    for path in [SEED, *write_documents(folder / "docs").values()]:
        assert ingest_file(store, path).ok
    app = FastAPI()
    app.state.store = store
    errors.install(app)
    app.include_router(router)
    with TestClient(app) as c:
        yield c
    store.close()


def test_overlaps_ranked_with_reasons_and_evidence(client):
    r = client.get("/api/overlaps", params={"project": PROJECT})
    assert r.status_code == 200
    body = r.json()["overlaps"]
    assert isinstance(body, list) and body
    top = body[0]
    assert set(top) >= {"a", "b", "score", "reasons"}
    assert {top["a"]["number"], top["b"]["number"]} == {1, 2}
    for side in ("a", "b"):
        assert set(top[side]) >= {"type", "id", "iri", "number", "title", "project"}
        assert top[side]["type"] == "subproject" and top[side]["project"]["type"] == "project"
    kinds = {x["kind"] for x in top["reasons"]}
    assert {"intention", "person", "investigation"} <= kinds <= {"intention", "person", "investigation",
                                                                  "organisation", "text"}
    for reason in top["reasons"]:
        assert reason["detail"] and reason["evidence"]
        assert set(reason["evidence"][0]) >= {"document", "page", "start", "end", "quote"}
    scores = [o["score"] for o in body]
    assert scores == sorted(scores, reverse=True)


def test_overlaps_min_score_and_language(client):
    all_pairs = client.get("/api/overlaps", params={"min_score": "0"}).json()["overlaps"]
    strong = client.get("/api/overlaps", params={"min_score": "0.5"}).json()["overlaps"]
    assert strong and len(strong) < len(all_pairs) and all(o["score"] >= 0.5 for o in strong)
    english = client.get("/api/overlaps", params={"project": PROJECT, "lang": "en", "limit": "1"}).json()["overlaps"]
    assert len(english) == 1 and english[0]["reasons"][0]["detail"].startswith("Both")


def test_overlaps_default_threshold_is_the_clis_and_counts_what_it_hides(client):
    every = client.get("/api/overlaps", params={"min_score": "0", "limit": "1000"}).json()
    default = client.get("/api/overlaps", params={"limit": "1000"})
    body = default.json()
    assert body["min_score"] == DEFAULT_MIN_SCORE == 0.2
    assert body["overlaps"] and all(o["score"] >= DEFAULT_MIN_SCORE for o in body["overlaps"])
    below = [o for o in every["overlaps"] if o["score"] < DEFAULT_MIN_SCORE]
    assert below and body["hidden"] == len(below)
    assert body["total"] == len(body["overlaps"]) == int(default.headers["x-total-count"])
    assert body["total"] + body["hidden"] == every["total"] and every["hidden"] == 0


@pytest.mark.parametrize("params, status", [
    ({"min_score": "hög"}, 422), ({"min_score": "3"}, 422), ({"project": "finns-inte"}, 404),
    ({"lang": "de"}, 422), ({"limit": "x"}, 422),
])
def test_overlaps_bad_parameters(client, params, status):
    r = client.get("/api/overlaps", params=params)
    assert r.status_code == status
    body = r.json()
    assert set(body) == {"type", "title", "status", "error", "detail"} and body["detail"]


def test_checks(client):
    r = client.get("/api/checks")
    assert r.status_code == 200
    body = r.json()
    assert body["counts"]["error"] >= 1
    dates = [f for f in body["findings"] if f["code"] == "impossible-date"]
    assert any(f["date_text"] == "2012-04-31" for f in dates)
    for f in body["findings"]:
        assert set(f) >= {"severity", "code", "message", "entity", "evidence"}
    busy = {f["entity"]["name"] for f in body["findings"] if f["code"] == "person-many-subprojects"}
    assert busy == {"Karolina Davidsson", "Maria Holm"}
    fewer = client.get("/api/checks", params={"max_subprojects": "4"}).json()
    assert {f["entity"]["name"] for f in fewer["findings"] if f["code"] == "person-many-subprojects"} == {"Maria Holm"}
    assert client.get("/api/checks", params={"max_subprojects": "noll"}).status_code == 422
    assert client.get("/api/checks", params={"max_subprojects": "0"}).status_code == 422


def test_matrices_json_and_csv(client):
    data = client.get("/api/matrices/coverage", params={"project": PROJECT}).json()
    [m] = data["matrices"]
    assert len(m["columns"]) == 6 and len(m["rows"]) == 12
    r = client.get("/api/matrices/coverage", params={"project": PROJECT, "format": "csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    table = list(csv.reader(io.StringIO(r.text)))
    assert len(table) == 13 and table[0][1] == "intention"
    people = client.get("/api/matrices/people", params={"project": PROJECT}).json()
    assert people["rows"][0]["person"]["name"] == "Karolina Davidsson"
    r = client.get("/api/matrices/people", params={"format": "csv", "lang": "en"})
    assert r.status_code == 200 and r.text.startswith("person,written,count")
    assert client.get("/api/matrices/people", params={"format": "xml"}).status_code == 422
    assert client.get("/api/matrices/coverage", params={"project": "finns-inte"}).status_code == 404


def test_dependency_cycles(client):
    r = client.get("/api/dependencies/cycles")
    assert r.status_code == 200
    cycles = r.json()
    seed = [c for c in cycles if c["members"][0]["project"]["id"] == PROJECT]
    assert len(seed) == 1 and seed[0]["severity"] == "info"
    assert all(c["severity"] in ("info", "warning") for c in cycles)
