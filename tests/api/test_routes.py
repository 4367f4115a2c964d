"""The read API over HTTP: a tiny app with `api.routes.router`, the error handlers and the seed store."""
from __future__ import annotations

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from styrgraf.api.http import errors
from styrgraf.api.http.routes import router
from styrgraf.graph.store.interface import open_store
from tests.query_seed import DOC, PROJECT, seed_store_path, sub


@pytest.fixture(scope="session")
def client(tmp_path_factory):
    store = open_store(str(seed_store_path(tmp_path_factory)))
    app = FastAPI()
    errors.install(app)
    app.include_router(router)
    app.state.store = store
    with TestClient(app, raise_server_exceptions=True) as c:
        yield c
    store.close()


def get(client, url, status=200, **params):
    response = client.get(url, params=params)
    assert response.status_code == status, (url, response.status_code, response.text[:500])
    return response.json()


def test_documents(client):
    (d,) = get(client, "/api/documents")
    assert (d["id"], d["identifier"], d["date"], d["type"], d["pages"]) == (DOC, "KS 2011/0456", "2012-02-22", "projektplan", 18)
    assert len(d["sha256"]) == 2 and d["ingested_at"] and d["evidence"]
    detail = get(client, f"/api/documents/{DOC}")
    assert len(detail["pages"]) == 19 and len(detail["appendices"]) == 6
    assert detail["related_documents"]
    get(client, "/api/documents/nope", 404)


def test_projects_and_intentions(client):
    (p,) = get(client, "/api/projects")
    assert p["owner"]["name"] == "Fredrik Geijer" and len(p["subprojects"]) == 6
    (i8,) = get(client, "/api/intentions", number=8, project=PROJECT)
    assert [(c["subproject"]["number"], c["scope"]) for c in i8["covered_by"]] == [
        (1, "I detta uppdrag avses SPH som strategisk resurs för innovation"),
        (2, "I detta uppdrag avses SPH s roll i den kommunala organisation")]
    assert all(c["evidence"] for c in i8["covered_by"])
    assert len(get(client, "/api/intentions")) == 12
    get(client, "/api/intentions", 404, project="no-such-plan")
    get(client, "/api/intentions", 422, number="eight")
    get(client, "/api/intentions", 422, number=0)


def test_subproject(client):
    s = get(client, f"/api/subprojects/{sub(3)}")
    leaders = [(p["person"]["name"], p["role"]["key"]) for p in s["people"][:2]]
    assert leaders == [("Anders Bergenek", "uppdragsansvarig"), ("Roger Weman", "projektledare")]
    assert s["project"]["id"] == PROJECT and s["budget"]["text"] == "Inom befintliga ramar."
    assert [m["date"] for m in s["milestones"]][0] == "2012-03-31"
    s2 = get(client, f"/api/subprojects/{sub(2)}")
    assert "Utredning Regional samordning (kontinuerliga styrgrupperna) KS-VP 2012" in [c.get("title") for c in s2["considers"]]
    get(client, "/api/subprojects/halmstad-no-such-9", 404)


def test_people(client):
    (k,) = get(client, "/api/people", name="karolina davidsson")
    assert k["titles"] == ["VD"] and k["affiliations"][0]["abbreviation"] == "HNAB"
    assert {r["subproject"]["number"]: r["role"]["key"] for r in k["roles"]} == {
        2: "projektgrupp", 3: "projektgrupp", 4: "projektgrupp", 5: "uppdragsansvarig"}
    assert all(r["role"]["label_sv"] and r["role"]["label_en"] and r["evidence"] for r in k["roles"])
    assert get(client, f"/api/people/{k['id']}")["name"] == "Karolina Davidsson"
    geijer = get(client, "/api/people/halmstad-fredrik-geijer")
    assert any(r["subproject"] is None and r["role"]["key"] == "signatory" for r in geijer["roles"])
    assert get(client, "/api/people", name="Almer")[0]["name"] == "Stefan Almér"
    get(client, "/api/people/nobody", 404)
    get(client, "/api/people", 422, name="")


def test_decisions_and_trace(client):
    ds = get(client, "/api/decisions")
    assert [d["date"] for d in ds] == ["2011-09-06", "2011-12-06", "2012-02-07", "2012-02-22"]
    plan = get(client, f"/api/decisions/{DOC}-beslut-plan")
    assert [c["date"] for c in plan["chain"]] == ["2012-02-07", "2011-12-06", "2011-09-06"]
    t = get(client, f"/api/trace/{sub(1)}")
    assert t["first"]["date"] == "2011-09-06" and t["first"]["identifier"] == "KS 2011/0546"
    assert get(client, f"/api/trace/{sub(1)}", 404, type="appendix")  # ids name their kind
    assert get(client, f"/api/trace/{DOC}-bilaga-1", type="appendix")["entity"]["type"] == "appendix"
    get(client, f"/api/trace/{sub(1)}", 422, type="spaceship")
    get(client, "/api/decisions/nope", 404)


def test_dependencies(client):
    d = get(client, f"/api/dependencies/{sub(2)}")
    assert sorted(x["number"] for x in d["depends_on"] if x["type"] == "subproject") == [1, 3, 4, 5, 6]
    assert all(x["evidence"] for x in d["depends_on"])
    assert get(client, f"/api/dependencies/{sub(2)}", depth=10)["depth"] == 10
    for depth in (0, 11, "x"):
        get(client, f"/api/dependencies/{sub(2)}", 422, depth=depth)
    get(client, "/api/dependencies/nope", 404)


def test_milestones(client):
    m = get(client, "/api/milestones", before="2012-05-01")
    assert len(m["milestones"]) == 9 and len(m["invalid_dates"]) == 4
    assert get(client, "/api/milestones", before="2012-05-01", project=DOC)["milestones"] == m["milestones"]
    get(client, "/api/milestones", 422, before="2012-04-31")
    get(client, "/api/milestones", 422, after="soon")
    get(client, "/api/milestones", 404, project="nope")


def test_search(client):
    r = get(client, "/api/search", q="Näringslivsstrategin", limit=5)
    assert len(r["results"]) == 5
    assert any(x["kind"] == "entity" and x["entity"]["type"] == "subproject" for x in r["results"])
    get(client, "/api/search", 422)
    get(client, "/api/search", 422, q="")
    get(client, "/api/search", 422, q="x", limit=0)
    get(client, "/api/search", 422, q="x" * 501)


def test_ask(client):
    a = get(client, "/api/ask", q="vilka delprojekt täcker intention 8?")
    assert a["understood_as"]["intent"] == "intention_coverage"
    assert [r["number"] for r in a["results"]] == [1, 2] and a["evidence"]
    en = get(client, "/api/ask", q="who leads subproject 3")
    assert en["answer"].startswith("Subproject 3 is led by Anders Bergenek")
    sv = get(client, "/api/ask", q="who leads subproject 3", lang="sv")
    assert sv["answer"].startswith("Delprojekt 3 leds av")
    nonsense = get(client, "/api/ask", q="vad är meningen med livet")
    assert nonsense["understood_as"] is None and nonsense["examples"]
    get(client, "/api/ask", 422)
    get(client, "/api/ask", 422, q="x", lang="de")


def test_entities(client):
    assert get(client, f"/api/entities/{sub(4)}")["type"] == "subproject"
    assert get(client, "/api/entities/halmstad-hnab")["data"]["abbreviation"] == "HNAB"
    get(client, "/api/entities/nope", 404)


@pytest.mark.parametrize("bad", ["%3Cx%3E", "a%22b", "a%20b", "x%7D%20%7B", "%0A", "..", "a%5Cb", "%E2%80%8B"])
def test_odd_ids_are_not_found_never_errors(client, bad):
    for path in ("/api/documents/", "/api/subprojects/", "/api/people/", "/api/decisions/", "/api/trace/",
                 "/api/dependencies/", "/api/entities/"):
        response = client.get(path + bad)
        assert response.status_code in (404, 422), (path, bad, response.status_code, response.text[:300])


def test_look_ups_take_typed_references(client):
    assert get(client, "/api/subprojects/delprojekt 1")["number"] == 1
    assert get(client, "/api/entities/DP3")["data"]["number"] == 3
    assert get(client, "/api/people/Karolina Davidsson")["name"] == "Karolina Davidsson"
    assert get(client, "/api/trace/beslutet 2012-02-07")["entity"]["date"] == "2012-02-07"
    several = get(client, "/api/entities/Andersson", 409)
    assert "Bengt Andersson" in several["detail"] and "Ida Andersson" in several["detail"]
    get(client, "/api/subprojects/delprojekt 9", 404)
