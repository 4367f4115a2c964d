"""Output a person can read: `overlaps`, `check` and `show`, `matrix` and `trace` on the seed store."""
from __future__ import annotations

import csv
import io
import json
import re

import pytest
from typer.testing import CliRunner

from styrgraf.api.cli.main import app
from styrgraf.ingest.records import SEVERITY
from tests.query_seed import DOC, PROJECT, seed_store_path, sub

runner = CliRunner()
WIDE = {"COLUMNS": "400"}  # rich wraps long lines at the terminal width
PLAN = "PROJEKTPLAN FÖR UTVECKLING AV KOMMUNENS NÄRINGSLIVSARBETE"


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> str:
    return str(seed_store_path(tmp_path_factory))


def run(store: str, *args: str, code: int = 0) -> str:
    result = runner.invoke(app, [*args, "--store", store], env=WIDE)
    assert result.exit_code == code, (args, result.exit_code, result.output, result.exception)
    return result.stdout


def _pairs(text: str) -> list[str]:
    return [line for line in text.splitlines() if re.match(r"\d+\. DP\d", line)]


# -- overlaps ----------------------------------------------------------------

def test_overlaps_hide_weak_pairs_and_say_how_to_see_them(store):
    text = run(store, "overlaps")
    pairs = _pairs(text)
    assert len(pairs) == 6
    assert all(float(re.search(r"poäng (\d,\d\d)\)", p).group(1).replace(",", ".")) >= 0.2 for p in pairs)
    assert text.rstrip().endswith("9 par med poäng under 0,20 visas inte; --min-score 0 visar alla.")
    every = run(store, "overlaps", "--min-score", "0")
    assert len(_pairs(every)) == 15 and "visas inte" not in every
    english = run(store, "overlaps", "--lang", "en")
    assert "9 pairs scoring below 0.20 are not shown; --min-score 0 shows them all." in english
    assert "(score 0.87)" in english and "0,87" not in english


def test_overlaps_name_the_plan_once_and_each_reason_once(store):
    text = run(store, "overlaps")
    assert text.startswith(f"Projekt: {PLAN}\n")
    assert text.count(PLAN) == 1  # not twice per pair
    assert _pairs(text)[0] == ("1. DP1 Näringslivsstrategi för Halmstads kommun  ↔  DP2 Strategiska respektive "
                               "operativa näringslivs- och arbetsmarknadsfrågor och lämna förslag till hur "
                               "kommunikation bör ske  (poäng 0,87)")
    block = text.split("\n3. ")[1].split("\n\n")[0]  # DP2 ↔ DP4: Karolina Davidsson is in both
    assert "Person: Karolina Davidsson" in block and "Organisation" not in block
    for word in ("term-containment", "equal-terms", "equal-words"):
        assert word not in text
    assert "(sammanslaget: den ena titeln ingår i den andra, säkerhet 0,85)" in text


def test_overlaps_json_keeps_the_threshold(store):
    data = json.loads(run(store, "overlaps", "--json"))
    assert (data["min_score"], data["total"], data["hidden"]) == (0.2, 6, 9)
    assert len(data["overlaps"]) == 6 and min(o["score"] for o in data["overlaps"]) >= 0.2
    every = json.loads(run(store, "overlaps", "--json", "--min-score", "0"))
    assert (len(every["overlaps"]), every["total"], every["hidden"]) == (15, 15, 0)


# -- check and show: one severity per finding ----------------------------------

def test_check_and_show_give_a_finding_the_same_severity(store):
    check = runner.invoke(app, ["check", "--store", store, "--json"], env=WIDE)
    assert check.exit_code == 1
    findings = json.loads(check.stdout)["findings"]
    assert all(f["severity"] == SEVERITY[f["code"].removeprefix("ingest-")] for f in findings)
    dates = [f for f in findings if f["code"] == "impossible-date"]
    assert len(dates) == 4 and {f["severity"] for f in dates} == {"error"}
    shown = run(store, "show", DOC)
    stored = [line.strip() for line in shown.splitlines() if "2012-04-31" in line]
    assert len(stored) == 4 and all(line.startswith("FEL: Omöjligt datum '2012-04-31'") for line in stored)
    human = runner.invoke(app, ["check", "--store", store], env=WIDE).stdout
    assert [line.split()[0] for line in human.splitlines() if "2012-04-31" in line] == ["FEL"] * 4
    english = [line.strip() for line in run(store, "show", DOC, "--lang", "en").splitlines() if "2012-04-31" in line]
    assert len(english) == 4 and all(line.startswith("ERROR: Impossible date '2012-04-31'") for line in english)
    human_en = runner.invoke(app, ["check", "--store", store, "--lang", "en"], env=WIDE).stdout
    dated_en = [line for line in human_en.splitlines() if "2012-04-31" in line]
    assert dated_en and not [line for line in dated_en if "Omöjligt" in line]


def test_check_flags_no_implementation_date_as_after_the_decision_deadline(store):
    human = runner.invoke(app, ["check", "--store", store], env=WIDE).stdout
    assert "Implementering" not in human and "2013-12-31" not in human
    assert "ligger efter" not in human


# -- matrix --------------------------------------------------------------------

def test_matrix_is_a_readable_table_by_default(store):
    text = run(store, "matrix", "coverage")
    assert f"Projekt: {PLAN}" in text
    header = next(line for line in text.splitlines() if "Intention" in line and "DP1" in line)
    assert re.findall(r"DP\d", header) == ["DP1", "DP2", "DP3", "DP4", "DP5", "DP6"] and "Antal" in header
    row8 = next(line for line in text.splitlines() if "8 (h) Science Park" in line)
    assert [c.strip() for c in row8.split("│")[2:9]] == ["✓*", "✓*", "", "", "", "", "2"]
    assert "  DP1, intention 8 (h): I detta uppdrag avses SPH som strategisk resurs för innovation" in text
    assert "  DP4 Kultur och värderingar" in text
    people = run(store, "matrix", "people", "--lang", "en")
    karolina = next(line for line in people.splitlines() if "Karolina Davidsson" in line)
    cells = [c.strip() for c in karolina.split("│")[1:-1]]
    assert cells == ["Karolina Davidsson", "4", "", "the project team", "the project team", "the project team",
                     "accountable owner", ""]


def test_matrix_csv_and_json_on_request(store):
    rows = list(csv.reader(io.StringIO(run(store, "matrix", "coverage", "--csv"))))
    assert rows[0][:5] == ["projekt", "intention", "bokstav", "text", "DP1 Näringslivsstrategi för Halmstads kommun"]
    assert rows[8][1] == "8" and rows[8][4].startswith("ja: I detta uppdrag")
    data = json.loads(run(store, "matrix", "people", "--json"))
    assert data["rows"][0]["person"]["name"] == "Karolina Davidsson" and data["rows"][0]["count"] == 4
    assert json.loads(run(store, "matrix", "people", "--format", "json")) == data
    assert run(store, "matrix", "people", "--format", "table") == run(store, "matrix", "people")
    bad = runner.invoke(app, ["matrix", "people", "--format", "xml", "--store", store], env=WIDE)
    assert bad.exit_code == 2 and "'xml'" in bad.stderr and "table, csv, json" in bad.stderr


# -- trace ---------------------------------------------------------------------

def test_trace_says_which_fact_each_quote_supports(store):
    text = run(store, "trace", sub(4))
    assert text.splitlines()[0] == "Delprojekt 4: Kultur och värderingar"
    assert "s. 3, delprojekt: ”4. Kultur och värderingar”" in text
    assert "s. 14, kostnader/budget: ”Inom befintliga ramar.”" in text
    assert "s. 14, rapportering: ”Fortlöpande till kommunchefen”" in text
    assert re.search(r"s\. 13, syfte: ”Uppdraget handlar om", text)
    english = run(store, "trace", sub(4), "--lang", "en")
    assert "p. 14, costs/budget: ”Inom befintliga ramar.”" in english


def test_trace_shows_both_directions_and_not_the_entity_as_its_ancestor(store):
    text = run(store, "trace", DOC + "-beslut-2012-02-07-klu")
    head, rest = text.split("Beslutskedja (närmast först)")
    chain, rests = rest.split("Vilar på detta")
    assert head.startswith("Beslut: 2012-02-07 KLU beslut")
    assert "← 2012-02-07" not in chain  # the decision is not its own ancestor
    assert re.findall(r"← (\S+)", chain) == ["2011-12-06", "2011-09-06"]
    assert "→ Beslut: 2012-02-22" in rests and "(bygger på det)" in rests
    assert rests.count("(beslutad genom det)") == 12
    project = run(store, "trace", PROJECT, "--lang", "en")
    assert "What rests on it" in project and project.count("(is part of it)") == 6
    person = run(store, "trace", "halmstad-roger-weman")
    assert "Inget i grafen vilar på detta." in person


def test_show_says_which_fact_each_quote_supports(store):
    text = run(store, "show", DOC)
    assert "s. 1, diarienummer: ”KS 2011/0456”" in text and "s. 1, hänvisat diarienummer: ”KS 2011/0546”" in text
    assert "s. 4, undertecknare: ”I tjänsten Fredrik Geijer kommunchef”" in text
    assert "p. 1, title: ”PROJEKTPLAN" in run(store, "show", DOC, "--lang", "en")


def test_documents_count_pages_in_the_output_language(store):
    assert "  18 s.  PROJEKTPLAN" in run(store, "documents")
    english = run(store, "documents", "--lang", "en")
    assert "  18 p.  PROJEKTPLAN" in english and " s. " not in english
