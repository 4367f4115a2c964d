"""`styrgraf serve` as a person runs it: a real subprocess on a temp store and a free port."""
from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from styrgraf.api.http.server_registry import (
    store_fingerprint,
    SERVER_FILE, read_server_info, remove_via_server, running_server, upload_via_server, write_server_info,
)
from tests.api.server_support import (
    ROOT, SEED, SEED_PDF, ServeProcess, build_seed_store, copy_store, free_port, wait_until,
)
from tests.ingest.badfiles import png_bytes


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    return build_seed_store(tmp_path_factory.mktemp("seed") / "store")


@pytest.fixture()
def serving():
    started: list[ServeProcess] = []

    def start(store: Path, *extra: str, **options) -> ServeProcess:
        started.append(ServeProcess(store, *extra, **options))
        return started[-1]

    yield start
    for process in started:
        process.terminate()


def leftovers(directory: Path) -> list[str]:
    return [name for name in os.listdir(directory) if name.startswith(".styrgraf-sparql-")]


def test_serve_serves_registers_and_stops_cleanly(template, tmp_path, serving):
    store = copy_store(template, tmp_path / "store")
    server = serving(store)
    health = server.wait_ready()
    assert health["store"] == {"id": store_fingerprint(store), "kind": "embedded", "graphs": 1,
                               "triples": health["store"]["triples"]}
    ask = httpx.get(server.url + "/sparql", params={"query": "ASK { ?s ?p ?o }"}, trust_env=False, timeout=30)
    assert ask.json()["boolean"] is True

    registry = store / SERVER_FILE
    assert stat.S_IMODE(registry.stat().st_mode) == 0o600
    info = json.loads(registry.read_text())
    assert info["pid"] == server.process.pid
    assert info["port"] == server.port and info["url"] == server.url
    assert len(info["token"]) >= 32
    assert running_server(store)["url"] == server.url

    assert server.terminate() == 0
    assert not registry.exists()
    assert running_server(store) is None
    assert leftovers(tmp_path) == []
    assert "Servern har stoppats." in server.log()


def test_ingest_option_then_files_handed_to_the_running_server(tmp_path, serving):
    store = tmp_path / "store"
    server = serving(store, "--ingest", str(SEED))
    assert server.wait_ready()["store"]["graphs"] == 1
    assert f"{SEED}: inläst" in server.log()
    info = running_server(store)
    assert info is not None

    rendition = upload_via_server(info, SEED_PDF)
    assert rendition["status"] == "rendition", rendition
    assert rendition["path"] == str(SEED_PDF)
    assert rendition["document"].startswith("https://")
    unchanged = upload_via_server(info, SEED)
    assert unchanged["status"] == "unchanged"
    image = tmp_path / "bild.txt"
    image.write_bytes(png_bytes())
    refused = upload_via_server(info, image)
    assert refused["status"] == "failed" and "PNG" in refused["reason"]
    missing = upload_via_server(info, tmp_path / "saknas.pdf")
    assert missing["status"] == "failed"

    # Without a STYRGRAF_TOKEN, outsiders still cannot write; only the local token works.
    anonymous = httpx.post(server.url + "/api/documents", files={"file": ("a.txt", b"x")}, trust_env=False)
    assert anonymous.status_code == 403

    assert remove_via_server(info, "no-such-document")["status"] == "not_found"
    removed = remove_via_server(info, "KS 2011/0456")
    assert removed["status"] == "removed" and removed["document"] == rendition["document"]
    assert httpx.get(server.url + "/health", trust_env=False).json()["store"]["graphs"] == 0


def test_the_store_cannot_be_served_twice(template, tmp_path, serving):
    store = copy_store(template, tmp_path / "store")
    first = serving(store)
    first.wait_ready()
    second = serving(store)
    assert second.process.wait(timeout=120) == 2
    assert "används redan" in second.log()
    assert running_server(store)["pid"] == first.process.pid


def test_a_busy_port_is_a_clear_error(template, tmp_path, serving):
    first = serving(copy_store(template, tmp_path / "one"))
    first.wait_ready()
    second = serving(copy_store(template, tmp_path / "two"), port=first.port)
    assert second.process.wait(timeout=120) == 2
    assert "Kan inte lyssna" in second.log()
    assert not (tmp_path / "two" / SERVER_FILE).exists()


def test_stale_or_foreign_registry_files_are_ignored(template, tmp_path):
    store = copy_store(template, tmp_path / "store")
    assert running_server(store) is None
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    info = write_server_info(store, host="127.0.0.1", port=free_port(), token="t")
    assert read_server_info(store)["token"] == "t"
    assert running_server(store) is None  # our pid lives, but nothing answers on that port
    (store / SERVER_FILE).write_text(json.dumps({**info, "pid": int(dead.stdout)}))
    assert running_server(store) is None
    (store / SERVER_FILE).write_text("not json")
    assert running_server(store) is None


def _cli_wired() -> bool:
    return "server_registry" in (ROOT / "api" / "cli" / "main.py").read_text(encoding="utf-8")


@pytest.mark.skipif(not _cli_wired(), reason="`styrgraf ingest` does not hand files to a running server yet (lead)")
def test_cli_ingest_works_while_serve_runs(tmp_path, serving):
    store = tmp_path / "store"
    server = serving(store)
    server.wait_ready()
    env = {k: v for k, v in os.environ.items() if k not in ("STYRGRAF_TOKEN", "STYRGRAF_STORE")}
    result = subprocess.run([sys.executable, "-m", "styrgraf.api.cli", "ingest", str(ROOT / "corpus"), "--store", str(store)],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert wait_until(lambda: httpx.get(server.url + "/health", trust_env=False).json()["store"]["graphs"] == 1)


def test_serve_writes_missing_analysis_rows_before_serving(template, tmp_path, serving):
    """A store written without current analysis rows (an import, an older version) gets them at start."""
    from styrgraf.graph.analysis.rows import ROWS_PREDICATE, read_rows
    from styrgraf.graph.store.interface import open_store

    location = copy_store(template, tmp_path / "store")
    store = open_store(str(location))
    graph = store.select(f"SELECT ?g WHERE {{ GRAPH ?g {{ ?g <{ROWS_PREDICATE}> ?v }} }}")[0]["g"]
    store.update(f"DELETE WHERE {{ GRAPH <{graph}> {{ <{graph}> <{ROWS_PREDICATE}> ?v }} }}")
    assert read_rows(store).computed == [str(graph)]
    store.close()

    server = serving(location)
    server.wait_ready()
    assert server.terminate() == 0
    assert "Analysrader skrivna för 1 dokument som saknade aktuella." in server.log()
    store = open_store(str(location), read_only=True)
    try:
        assert read_rows(store).computed == []
    finally:
        store.close()
