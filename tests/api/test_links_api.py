"""`GET /api/documents/{id}/links` on a real server and `styrgraf links DOC`, on the linked set."""
from __future__ import annotations

import json

import httpx
import pytest
from typer.testing import CliRunner

from styrgraf.api.cli.main import app as cli
from styrgraf.api.http.app import close_app, create_app
from styrgraf.graph import queries as q
from styrgraf.graph.documents import ingest_file
from styrgraf.graph.store.interface import open_store
from tests.api.server_support import live_server
from tests.graph.linked_set import NAMES, write_linked_set


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("links")
    files = write_linked_set(tmp / "files")
    store = open_store(str(tmp / "store"))
    try:
        for name in NAMES:
            assert ingest_file(store, files[name]).ok
        ids = {d["type"] + (d["date"] or ""): d["id"] for d in q.documents(store)}
    finally:
        store.close()
    return tmp / "store", ids


@pytest.fixture(scope="module")
def server(store_dir):
    app = create_app(str(store_dir[0]))
    with live_server(app) as url:
        yield url, store_dir[1]
    close_app(app)


def test_route_lists_links_with_evidence_and_pages(server):
    url, ids = server
    directive = ids["projektdirektiv2023-02-01"]
    r = httpx.get(f"{url}/api/documents/{directive}/links", timeout=30)
    assert r.status_code == 200
    links = r.json()
    assert int(r.headers["X-Total-Count"]) == len(links) >= 3
    decides = next(l for l in links if l["type"] == "decides")
    assert decides["direction"] == "incoming" and decides["document"]["id"] == ids["protokoll2023-03-14"]
    assert {"KS 2023/45", "Projektdirektiv för trygga skolvägar"} <= {e["quote"] for e in decides["evidence"]}
    first = httpx.get(f"{url}/api/documents/{directive}/links", params={"limit": 1}, timeout=30)
    assert len(first.json()) == 1 and first.headers.get("X-Next-Cursor")
    second = httpx.get(f"{url}/api/documents/{directive}/links",
                       params={"limit": 1, "cursor": first.headers["X-Next-Cursor"]}, timeout=30)
    assert second.json()[0] == links[1]


def test_route_unknown_document_is_a_problem(server):
    url, _ = server
    r = httpx.get(f"{url}/api/documents/no-such-doc/links", timeout=30)
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("application/problem+json")
    assert "inget dokument" in r.json()["detail"]


def test_cli_links_swedish_english_and_json(store_dir):
    path, ids = store_dir
    directive = ids["projektdirektiv2023-02-01"]
    runner = CliRunner()
    sv = runner.invoke(cli, ["links", directive, "--store", str(path)])
    assert sv.exit_code == 0, sv.output
    assert "beslutas i: Projektdirektiv för trygga skolvägar" in sv.output and "KS 2023/45" in sv.output
    en = runner.invoke(cli, ["links", directive, "--store", str(path), "--lang", "en"])
    assert "decided in: " in en.output and "followed up by: " in en.output
    data = json.loads(runner.invoke(cli, ["links", directive, "--store", str(path), "--json"]).output)
    assert {l["type"] for l in data} >= {"decides", "follows-up", "same-case"}
    missing = runner.invoke(cli, ["links", "no-such-doc", "--store", str(path)])
    assert missing.exit_code == 1
