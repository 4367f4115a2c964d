"""`styrgraf overlaps|check|matrix|resolve` as a person runs them: a real process on a real store."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from styrgraf.graph.documents import ingest_file
from styrgraf.graph.store.interface import open_store
from tests.graph.analysis.docs import write_documents

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "corpus" / "000_5a26368617003b47.txt"


def run(*args: str, store: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "STYRGRAF_STORE": str(store)}
    return subprocess.run([sys.executable, "-m", "styrgraf.api.cli", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=300)


def _store(path: Path, files) -> Path:
    s = open_store(str(path))
    try:
        for f in files:
            assert ingest_file(s, f).ok
    finally:
        s.close()
    return path


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory):
    return _store(tmp_path_factory.mktemp("cli-seed") / "store", [SEED])


def test_overlaps_human_json_and_english(seed_store):
    r = run("overlaps", "--limit", "2", store=seed_store)
    assert r.returncode == 0, r.stderr
    pairs = [line for line in r.stdout.splitlines() if line[:1].isdigit() and "↔" in line]
    assert pairs[0].startswith("1. DP1 ") and "↔  DP2 " in pairs[0]
    assert "Båda adresserar intention 8 (h)" in r.stdout and "Stefan Almér är uppdragsansvarig i DP1" in r.stdout
    r = run("overlaps", "--json", store=seed_store)
    data = json.loads(r.stdout)["overlaps"]
    assert {data[0]["a"]["number"], data[0]["b"]["number"]} == {1, 2}
    r = run("overlaps", "--lang", "en", "--limit", "1", store=seed_store)
    assert "Both address intention 8 (h)" in r.stdout and "score" in r.stdout
    r = run("overlaps", "--project", "finns-inte", store=seed_store)
    assert r.returncode == 2 and "Okänt projekt" in r.stderr


def test_check_exits_non_zero_on_errors(seed_store, tmp_path):
    r = run("check", store=seed_store)
    assert r.returncode == 1
    assert "FEL" in r.stdout and "2012-04-31" in r.stdout and "Karolina Davidsson" in r.stdout
    assert "fel" in r.stderr
    r = run("check", "--json", "--max-subprojects", "4", store=seed_store)
    assert r.returncode == 1
    assert not [f for f in json.loads(r.stdout)["findings"] if f["code"] == "person-many-subprojects"]
    # Plan C has warnings but no error.
    docs = write_documents(tmp_path / "docs", ("C",))
    clean = _store(tmp_path / "clean", [docs["C"]])
    r = run("check", store=clean)
    assert r.returncode == 0, r.stdout


def test_matrix_commands(seed_store, tmp_path):
    r = run("matrix", "coverage", "--csv", store=seed_store)
    assert r.returncode == 0 and r.stdout.splitlines()[0].startswith("projekt,intention,bokstav,text,DP1")
    r = run("matrix", "people", "--format", "json", store=seed_store)
    assert json.loads(r.stdout)["rows"][0]["person"]["name"] == "Karolina Davidsson"
    out = tmp_path / "people.csv"
    r = run("matrix", "people", "--csv", "--output", str(out), "--lang", "en", store=seed_store)
    assert r.returncode == 0 and out.read_text(encoding="utf-8").startswith("person,written,count")
    assert run("matrix", "people", "--format", "xml", store=seed_store).returncode == 2


def test_resolve_stores_the_matches(tmp_path):
    docs = write_documents(tmp_path / "docs", ("A", "B"))
    store = _store(tmp_path / "store", [SEED, docs["A"], docs["B"]])
    r = run("resolve", store=store)
    assert r.returncode == 0, r.stderr
    assert "graph/resolution" in r.stdout and "Möjligen samma" in r.stdout
    assert "~ Anna Berglund / Anna K Berglund" in r.stdout or "~ Anna K Berglund / Anna Berglund" in r.stdout
    data = json.loads(run("resolve", "--json", store=store).stdout)
    assert data["identity"]["work"] >= 3 and data["possible"]["person"] == 1
