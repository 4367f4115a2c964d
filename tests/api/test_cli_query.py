"""`styrgraf ask/show/trace/search` against the seed store (typer CliRunner on api.cli.app)."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from styrgraf.api.cli.main import app
from styrgraf.api.cli.query import register
from tests.query_seed import DOC, seed_store_path, sub

register(app)
runner = CliRunner()
WIDE = {"COLUMNS": "400"}  # rich wraps long lines at the terminal width


@pytest.fixture(scope="session")
def store_path(tmp_path_factory) -> str:
    return str(seed_store_path(tmp_path_factory))


def run(*args: str, code: int = 0):
    result = runner.invoke(app, list(args), env=WIDE)
    assert result.exit_code == code, (args, result.exit_code, result.output, result.exception)
    return result


def test_register_is_idempotent():
    before = len(app.registered_commands)
    register(app)
    assert len(app.registered_commands) == before
    names = {c.name for c in app.registered_commands}
    assert {"ask", "show", "trace", "search"} <= names


def test_ask_swedish(store_path):
    out = run("ask", "Vem leder delprojekt 3?", "--store", store_path).output
    assert "Delprojekt 3 leds av Anders Bergenek (uppdragsansvarig) och Roger Weman (projektledare)." in out
    assert "Tolkning: Vem leder delprojekt 3?" in out
    assert "Uppdragsansvarig: Anders Bergenek" in out  # evidence quote


def test_ask_english_and_json(store_path):
    out = run("ask", "which subprojects address intention 8", "--store", store_path).output
    assert "Intention 8 is addressed by subproject 1" in out and "Understood as" in out
    data = json.loads(run("ask", "vilka delprojekt täcker intention 8", "--store", store_path, "--json").output)
    assert [r["number"] for r in data["results"]] == [1, 2]
    assert data["understood_as"]["intent"] == "intention_coverage" and data["evidence"]
    forced = run("ask", "vilka delprojekt täcker intention 8", "--store", store_path, "--lang", "en").output
    assert "Intention 8 is addressed by" in forced


@pytest.mark.parametrize("question, env, answer", [
    ("vilka delprojekt täcker intention 8", "en", "Intention 8 täcks av delprojekt 1"),
    ("which subprojects address intention 8", "sv", "Intention 8 is addressed by subproject 1"),
])
def test_ask_answers_in_the_questions_language_whatever_styrgraf_lang_says(store_path, question, env, answer):
    result = runner.invoke(app, ["ask", question, "--store", store_path], env={**WIDE, "STYRGRAF_LANG": env})
    assert result.exit_code == 0, result.output
    assert answer in result.output


def test_ask_milestones_lists_the_impossible_date(store_path):
    out = run("ask", "vilka milstolpar ligger före 2012-05-01", "--store", store_path).output
    assert out.startswith("9 milstolpar ligger före 2012-05-01")
    assert "omöjligt datum" in out and "2012-04-31" in out


def test_ask_not_understood_exits_1(store_path):
    out = run("ask", "vad är meningen med livet", "--store", store_path, code=1).output
    assert "Inte förstått" in out and "Vem leder delprojekt 3?" in out


def test_show_subproject_person_document(store_path):
    out = run("show", sub(2), "--store", store_path).output
    assert "Delprojekt 2: Strategiska respektive operativa" in out
    assert "Utredning Regional samordning (kontinuerliga styrgrupperna) KS-VP 2012" in out
    assert "2012-04-31 (omöjligt datum)" in out
    person = run("show", "halmstad-karolina-davidsson", "--store", store_path, "--lang", "en").output
    assert "Karolina Davidsson" in person and "Titles: VD" in person and "Accountable owner" in person
    doc = run("show", DOC, "--store", store_path).output
    assert "KS 2011/0456" in doc and "application/pdf" in doc
    data = json.loads(run("show", DOC + "-bilaga-1", "--type", "appendix", "--store", store_path, "--json").output)
    assert data["type"] == "appendix" and data["data"]["number"] == 1


def test_trace_reaches_the_assignment(store_path):
    out = run("trace", sub(1), "--store", store_path).output
    assert "Beslutskedja" in out
    assert "2011-09-06 KS uppdrag (KS 2011/0546)" in out
    assert out.index("2012-02-22") < out.index("2012-02-07") < out.index("2011-09-06 KS")
    data = json.loads(run("trace", sub(1), "--store", store_path, "--json").output)
    assert data["first"]["date"] == "2011-09-06"


def test_search(store_path):
    out = run("search", "almer", "--store", store_path, "--limit", "3").output
    assert "Stefan Almér" in out.splitlines()[3]  # the first row after the table header
    data = json.loads(run("search", "Näringslivsstrategin", "--store", store_path, "--json").output)
    assert data["results"] and data["query"] == "Näringslivsstrategin"
    assert "Inga träffar" in run("search", "qzxjwvk", "--store", store_path).output


def test_unknown_id_and_missing_store(store_path, tmp_path):
    result = run("show", "nope", "--store", store_path, code=1)
    assert "Det finns ingen entitet med id 'nope'" in result.output
    assert "No entity" in run("trace", "nope", "--store", store_path, "--lang", "en", code=1).output
    missing = run("ask", "vem leder delprojekt 3", "--store", str(tmp_path / "none"), code=2)
    assert "kunde inte öppnas" in missing.output
