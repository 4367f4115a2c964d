"""A person's resolved identity through `GET /api/people/{id}` against a real server, and through
`styrgraf person` and `styrgraf show`, on the constructed set of tests.graph.persons_set."""
from __future__ import annotations

import json

import httpx
import pytest
from typer.testing import CliRunner

from styrgraf.api.cli.main import app as cli
from tests.api.server_support import copy_store, serving_copy
from tests.graph.persons_set import build_persons_store

runner = CliRunner()
WIDE = {"COLUMNS": "400"}


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    return build_persons_store(tmp_path_factory.mktemp("persons") / "store")


@pytest.fixture(scope="module")
def base_url(template, tmp_path_factory):
    with serving_copy(template, tmp_path_factory.mktemp("served")) as url:
        yield url


def get(base_url: str, path: str) -> httpx.Response:
    return httpx.get(base_url + path, timeout=30, trust_env=False)


def test_person_route_carries_the_resolved_identity(base_url):
    r = get(base_url, "/api/people/norrvik-anna-k-berg")
    assert r.status_code == 200
    body = r.json()
    assert body["name"] == "Anna K Berg" and [x["role"]["key"] for x in body["roles"]] == ["uppdragsansvarig"]
    identity = body["identity"]
    assert identity["id"] == "norrvik-anna-berg" and identity["confidence"] == 0.9 and identity["threshold"] == 0.8
    assert [m["name"] for m in identity["members"]] == ["Anna Berg", "Anna K Berg"]
    assert [d["date"] for d in identity["documents"]] == ["2023-03-14", "2023-05-02", "2024-02-13"]
    assert identity["links"][0]["reasons"][2] == {
        "code": "same-title", "weight": 0.2, "detail": "kommundirektör / kommundirektör",
        "label_sv": "förenliga titlar", "label_en": "compatible titles"}
    karin = get(base_url, "/api/people/norrvik-karin-holm").json()["identity"]
    assert [(c["person"]["id"], c["confidence"]) for c in karin["candidates"]] == [("norrvik-karin-m-holm", 0.7)]
    missing = get(base_url, "/api/people/norrvik-ingen-alls")
    assert missing.status_code == 404 and missing.json()["error"]


def test_person_command_in_swedish_english_and_json(template):
    sv = runner.invoke(cli, ["person", "Anna K Berg", "--store", str(template)], env=WIDE)
    assert sv.exit_code == 0, sv.output
    assert "Identitet: Anna Berg" in sv.output and "Kommun: Norrvik" in sv.output
    assert "Sammanförda (0,90, över gränsen 0,80)" in sv.output
    assert "förenliga titlar +0,20 (kommundirektör / kommundirektör)" in sv.output
    assert "Uppdragsansvarig" in sv.output and "Sjöby" not in sv.output
    en = runner.invoke(cli, ["person", "Karin Holm", "--store", str(template), "--lang", "en"], env=WIDE)
    assert en.exit_code == 0, en.output
    assert "3 people match “Karin Holm”" in en.output  # Karin M Holm too, kept apart
    assert "Municipality: Norrvik" in en.output and "Municipality: Sjöby" in en.output
    assert "Kept apart (below the threshold 0.80)" in en.output
    assert "Karin M Holm (norrvik-karin-m-holm): 0.70 — same name, with and without a middle name +0.60" in en.output
    as_json = runner.invoke(cli, ["person", "omar sandell", "--store", str(template), "--json"])
    data = json.loads(as_json.stdout)
    assert [(d["id"], [c["confidence"] for c in d["candidates"]]) for d in data] == [
        ("norrvik-omar-b-sandell", [0.4]), ("norrvik-omar-sandell", [0.4])]


def test_person_command_names_a_missing_person(template):
    result = runner.invoke(cli, ["person", "Ingen Alls", "--store", str(template)])
    assert result.exit_code == 1
    assert "Ingen person som heter 'Ingen Alls' finns." in result.output
    english = runner.invoke(cli, ["person", "Ingen Alls", "--store", str(template), "--lang", "en"])
    assert "No person called 'Ingen Alls' is stored." in english.output


def test_show_renders_the_identity_under_the_person(template):
    result = runner.invoke(cli, ["show", "norrvik-omar-sandell", "--store", str(template), "--lang", "en"], env=WIDE)
    assert result.exit_code == 0, result.output
    assert "Identity: Omar Sandell" in result.output
    assert "different titles −0.30 (utvecklingschef / miljöchef)" in result.output


def test_resolve_command_prints_each_person_match_with_its_reasons(template, tmp_path):
    store = copy_store(template, tmp_path / "store")
    result = runner.invoke(cli, ["resolve", "--store", str(store), "--lang", "en"], env=WIDE)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    at = lines.index("  = M. Nord / Maria Nord  (first name as an initial, 0.80)")
    assert lines[at + 1] == ("      reasons: first name as an initial +0.50 (M. Nord / Maria Nord); same municipality; "
                             "compatible titles +0.20 (ekonomichef / ekonomichef); documents from close years +0.10 "
                             "(2023 / 2024)")
    assert "  ~ Omar B Sandell / Omar Sandell  (same name, with and without a middle name, 0.40)" in lines
