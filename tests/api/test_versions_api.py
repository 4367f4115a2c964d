"""`GET /api/documents/{id}/versions` and `/diff?from=` on a real server, and `styrgraf versions` and
`styrgraf diff DOC --from OTHER`, on the linked set's two versions of a plan."""
from __future__ import annotations

import json

import httpx
import pytest
from typer.testing import CliRunner

from styrgraf.api.cli.main import app as cli
from styrgraf.api.http.app import close_app, create_app
from styrgraf.graph.documents import ingest_file
from styrgraf.graph.store.interface import open_store
from tests.api.server_support import live_server
from tests.graph.linked_set import PLAN_VERSIONS, write_linked_set

V1, V2 = "alvstad-projektplan-ks-2023-88-2023-06-01", "alvstad-projektplan-ks-2023-88-2023-09-05"
DIRECTIVE = "alvstad-projektdirektiv-ks-2023-45-2023-02-01"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("versions")
    files = write_linked_set(tmp / "files")
    store = open_store(str(tmp / "store"))
    try:
        assert [ingest_file(store, files[n]).status for n in ("directive",) + PLAN_VERSIONS] == [
            "ingested", "ingested", "version"]
    finally:
        store.close()
    return tmp / "store"


@pytest.fixture(scope="module")
def server(store_dir):
    app = create_app(str(store_dir))
    with live_server(app) as url:
        yield url
    close_app(app)


def _problem(r: httpx.Response, status: int, error: str) -> str:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    body = r.json()
    assert (body["status"], body["error"]) == (status, error)
    return body["detail"]


def test_versions_route_lists_both_versions_in_order(server):
    r = httpx.get(f"{server}/api/documents/{V1}/versions", timeout=30)
    assert r.status_code == 200
    assert [(v["version"], v["id"], v["revision_of"], v["current"]) for v in r.json()["versions"]] == [
        (1, V1, None, True), (2, V2, V1, False)]


def test_diff_route_gives_added_removed_and_changed(server):
    r = httpx.get(f"{server}/api/documents/{V2}/diff", params={"from": V1}, timeout=30)
    assert r.status_code == 200
    d = r.json()
    assert [i["label_sv"] for i in d["added"]] == [
        "delprojekt 3", "Henrik Dahl, projektledare (delprojekt 1)", "Sara Lund, projektledare (delprojekt 3)"]
    assert [i["label_sv"] for i in d["removed"]] == ["intention 4", "Lisa Berg, projektledare (delprojekt 1)"]
    assert [(c["label_sv"], [f["field"] for f in c["fields"]]) for c in d["changed"]] == [
        ("dokumentet", ["date"]), ("delprojekt 1", ["leaders", "purpose"]), ("delprojekt 2", ["intentions", "purpose"])]
    assert d["removed"][0]["evidence"][0]["quote"] == "4. Personalen ska ha utbildning i konflikthantering."


def test_diff_route_errors_name_the_input_and_the_reason(server):
    unknown = _problem(httpx.get(f"{server}/api/documents/no-such-doc/diff", params={"from": V1}, timeout=30),
                       404, "not_found")
    assert "'no-such-doc'" in unknown
    unknown_from = _problem(httpx.get(f"{server}/api/documents/{V2}/diff", params={"from": "nothing-here"}, timeout=30),
                            404, "not_found")
    assert "'nothing-here'" in unknown_from and "from" in unknown_from
    missing = _problem(httpx.get(f"{server}/api/documents/{V2}/diff", timeout=30), 422, "invalid_parameters")
    assert "from: saknas" in missing
    unrelated = _problem(httpx.get(f"{server}/api/documents/{V2}/diff", params={"from": DIRECTIVE}, timeout=30),
                         422, "not_versions")
    assert DIRECTIVE in unrelated and "inte en version av" in unrelated
    _problem(httpx.get(f"{server}/api/documents/no-such-doc/versions", timeout=30), 404, "not_found")


def test_cli_diff_swedish_english_and_json(store_dir):
    runner = CliRunner()
    sv = runner.invoke(cli, ["diff", V2, "--from", V1, "--store", str(store_dir)], env={"COLUMNS": "200"})
    assert sv.exit_code == 0, sv.output
    lines = sv.output.splitlines()
    assert "Tillagt (3)" in lines and "Borttaget (2)" in lines and "Ändrat (3)" in lines
    assert "  + delprojekt 3: Tjejkvällar" in lines
    assert "  - intention 4: Personalen ska ha utbildning i konflikthantering." in lines
    assert "      ledare: Lisa Berg → Henrik Dahl" in lines
    assert "      datum: 2023-06-01 → 2023-09-05" in lines
    en = runner.invoke(cli, ["diff", V2, "--from", V1, "--store", str(store_dir), "--lang", "en"], env={"COLUMNS": "200"})
    assert "Added (3)" in en.output and "      leaders: Lisa Berg → Henrik Dahl" in en.output.splitlines()
    data = json.loads(runner.invoke(cli, ["diff", V2, "--from", V1, "--store", str(store_dir), "--json"]).output)
    assert [i["key"] for i in data["removed"]] == [{"number": 4}, {"person": "Lisa Berg", "role": "projektledare",
                                                                   "subproject": 1}]
    unrelated = runner.invoke(cli, ["diff", V2, "--from", DIRECTIVE, "--store", str(store_dir)])
    assert unrelated.exit_code == 1 and "inte en version av" in unrelated.output
    missing = runner.invoke(cli, ["diff", V2, "--store", str(store_dir)])
    assert missing.exit_code == 2 and "--from" in missing.output


def test_cli_versions_lists_them(store_dir):
    runner = CliRunner()
    out = runner.invoke(cli, ["versions", V2, "--store", str(store_dir)], env={"COLUMNS": "200"})
    assert out.exit_code == 0, out.output
    assert out.output.splitlines() == [
        f"  Projektplan för öppna fritidsgårdar (version 1, 2023-06-01) [{V1}]",
        f"* Projektplan för öppna fritidsgårdar (version 2, 2023-09-05, senaste, reviderar {V1}) [{V2}]"]
    gone = runner.invoke(cli, ["versions", "no-such-doc", "--store", str(store_dir), "--lang", "en"])
    assert gone.exit_code == 1 and "No document with id 'no-such-doc'" in gone.output


def test_an_upload_of_a_new_version_is_created_beside_the_first(tmp_path, monkeypatch):
    from fastapi.testclient import TestClient

    monkeypatch.delenv("STYRGRAF_TOKEN", raising=False)
    files = write_linked_set(tmp_path / "files")
    token = "versions-token-" + "x" * 20
    app = create_app(str(tmp_path / "store"), token=token)
    try:
        client = TestClient(app, raise_server_exceptions=False)

        def upload(name: str) -> httpx.Response:
            return client.post("/api/documents", headers={"Authorization": f"Bearer {token}"},
                               files={"file": (f"{name}.txt", files[name].read_bytes(), "text/plain")})

        first, second = upload("plan_v1"), upload("plan_v2")
        assert (first.status_code, first.json()["status"]) == (201, "ingested")
        assert (second.status_code, second.json()["status"]) == (201, "version")
        assert second.headers["Location"] == f"/id/doc/{V2}"
        assert [v["id"] for v in client.get(f"/api/documents/{V2}/versions").json()["versions"]] == [V1, V2]
    finally:
        close_app(app)


def test_cli_ingest_names_the_new_version(tmp_path):
    files = write_linked_set(tmp_path / "files")
    runner = CliRunner()
    store = str(tmp_path / "store")
    first = runner.invoke(cli, ["ingest", str(files["plan_v1"]), "--store", store], env={"COLUMNS": "200"})
    assert first.exit_code == 0, first.output
    second = runner.invoke(cli, ["ingest", str(files["plan_v2"]), "--store", store], env={"COLUMNS": "200"})
    assert second.exit_code == 0 and "ny version av lagrat dokument" in second.output, second.output
    en = runner.invoke(cli, ["ingest", str(files["plan_v2"]), "--store", store, "--lang", "en"], env={"COLUMNS": "200"})
    assert "unchanged" in en.output, en.output
