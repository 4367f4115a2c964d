"""`GET /api/documents/{id}/strategy` against a real server, and `styrgraf strategy DOC`, on
constructed strategies of invented municipalities (tests.graph.strategy_builder)."""
from __future__ import annotations

import json

import httpx
import pytest
from typer.testing import CliRunner

from styrgraf.api.cli.main import app as cli
from tests.api.server_support import serving_copy
from tests.graph.strategy_builder import build_strategy_store, specs

runner = CliRunner()
WIDE = {"COLUMNS": "400"}
LINES = next(s for s in specs() if s.style == "lines")
TABLE = next(s for s in specs() if s.style == "cover-table")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build_strategy_store(tmp_path_factory.mktemp("strategies"))


@pytest.fixture(scope="module")
def base_url(built, tmp_path_factory):
    with serving_copy(built[0], tmp_path_factory.mktemp("served")) as url:
        yield url


def get(base_url: str, path: str) -> httpx.Response:
    return httpx.get(base_url + path, timeout=30, trust_env=False)


def test_strategy_of_a_document(base_url, built):
    r = get(base_url, f"/api/documents/{built[1][TABLE.key]}/strategy")
    assert r.status_code == 200
    st = r.json()
    assert st["type"] == "strategy" and st["document"]["title"] == TABLE.title
    assert (st["adoption"]["body"]["abbreviation"], st["adoption"]["date"], st["adoption"]["paragraph"]) == (
        "KS", TABLE.adopted, TABLE.paragraph)
    assert st["validity"]["valid_until"] == TABLE.valid_until
    assert [a["title"] for a in st["goal_areas"]] == [a.title for a in TABLE.areas]
    assert [e["quote"] for e in st["adoption"]["paragraph_evidence"]] == [TABLE.paragraph]


@pytest.mark.parametrize("which, status", [("plan", 404), ("nope", 404), ("x" * 501, 422)])
def test_no_strategy_is_a_problem_document(base_url, built, which, status):
    ref = built[1].get(which, which)
    r = get(base_url, f"/api/documents/{ref}/strategy")
    assert r.status_code == status and r.headers["content-type"].startswith("application/problem+json")
    if which == "plan":
        assert "anger inget antagande" in r.json()["detail"]


def run(*args: str, code: int = 0):
    result = runner.invoke(cli, list(args), env=WIDE)
    assert result.exit_code == code, (args, result.exit_code, result.output, result.exception)
    return result


def test_cli_strategy_in_swedish_english_and_json(built):
    store, ids = str(built[0]), built[1]
    out = run("strategy", ids[LINES.key], "--store", store).output
    assert f"Antagen av: Kommunfullmäktige, {LINES.adopted}, § {LINES.paragraph}" in out
    assert f"Gäller till: {LINES.valid_until}" in out and "Dokumentansvarig: Kommundirektör" in out
    assert "Målområde 1: Trygg uppväxt" in out and "Indikatorer" in out and "Belägg" in out
    english = run("strategy", ids[LINES.key], "--store", store, "--lang", "en").output
    assert f"Adopted by: Kommunfullmäktige, {LINES.adopted}" in english and "Revisions" in english
    assert "Indicators" in english and "Evidence" in english
    data = json.loads(run("strategy", ids[LINES.key], "--store", store, "--json").output)
    assert [r["version"] for r in data["revisions"]] == [v for v, _, _ in LINES.revisions]


def test_cli_strategy_errors_name_the_input(built):
    store, ids = str(built[0]), built[1]
    assert "Det finns inget dokument med id 'nope'." in run("strategy", "nope", "--store", store, code=1).output
    out = run("strategy", ids["plan"], "--store", store, "--lang", "en", code=1).output
    assert f"The document '{ids['plan']}' states no adoption" in out
