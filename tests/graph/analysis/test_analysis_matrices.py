"""Coverage and people matrices, as data and CSV."""
from __future__ import annotations

import csv
import io

import pytest

from styrgraf.graph.analysis import AnalysisError, coverage_csv, coverage_matrix, people_csv, people_matrix
from styrgraf.graph.analysis.projection import load_projection

from tests.graph.analysis.conftest import seed_iri


def test_seed_coverage_matrix_with_scopes(seed_store):
    [m] = coverage_matrix(seed_store)["matrices"]
    assert [c["number"] for c in m["columns"]] == [1, 2, 3, 4, 5, 6]
    rows = {r["intention"]["number"]: r for r in m["rows"]}
    assert sorted(rows) == list(range(1, 13))
    dp1, dp2 = (seed_iri("subproject", n).rsplit("/", 1)[1] for n in ("1", "2"))
    assert rows[8]["count"] == 2
    assert rows[8]["cells"][dp1]["scope"] == "I detta uppdrag avses SPH som strategisk resurs för innovation"
    assert rows[8]["cells"][dp2]["scope"] == "I detta uppdrag avses SPH s roll i den kommunala organisation"
    assert rows[1]["cells"][dp1] == {"scope": None}
    table = list(csv.reader(io.StringIO(coverage_csv({"matrices": [m]}))))
    assert table[0][:4] == ["projekt", "intention", "bokstav", "text"] and len(table[0]) == 4 + 6 + 1
    row8 = next(r for r in table[1:] if r[1] == "8")
    assert row8[4].startswith("ja: I detta uppdrag avses SPH som strategisk") and row8[5].startswith("ja: ")
    assert row8[6:10] == ["", "", "", ""] and row8[-1] == "2"


def test_seed_people_matrix_with_roles(seed_store):
    data = people_matrix(seed_store, seed_iri("project", "p").rsplit("/", 1)[1])
    top = data["rows"][0]
    assert top["person"]["name"] == "Karolina Davidsson" and top["count"] == 4
    dp5 = seed_iri("subproject", "5").rsplit("/", 1)[1]
    assert top["cells"][dp5] == ["uppdragsansvarig"]
    almer = next(r for r in data["rows"] if r["person"]["name"] == "Stefan Almér")
    assert list(almer["cells"].values()) == [["uppdragsansvarig"], ["uppdragsansvarig"]]
    table = list(csv.reader(io.StringIO(people_csv(data))))
    assert table[0][:3] == ["person", "skrivs", "antal"]
    assert table[1][0] == "Karolina Davidsson" and table[1][2] == "4" and "uppdragsansvarig" in table[1]
    english = list(csv.reader(io.StringIO(people_csv(data, "en"))))
    assert english[0][:3] == ["person", "written", "count"] and "accountable owner" in english[1]


def test_hand_written_matrices(hand_store):
    p = load_projection(hand_store)
    doc_a = next(d for d in p.of_kind("document") if p.node(d).get("identifier") == "KS 2014/123")
    [m] = coverage_matrix(hand_store, doc_a.rsplit("/", 1)[1])["matrices"]
    rows = {r["intention"]["number"]: r for r in m["rows"]}
    assert rows[6]["count"] == 0 and rows[4]["count"] == 2
    assert [u["number"] for u in m["unknown"]] == [9]
    assert "finns inte" in coverage_csv({"matrices": [m]})
    people = people_matrix(hand_store)
    holm = [r for r in people["rows"] if r["person"]["name"] == "Maria Holm"]
    assert sorted(r["count"] for r in holm) == [1, 5]  # Solvik's and Ekby's Maria Holm
    anna = next(r for r in people["rows"] if r["person"]["name"] == "Anna K Berglund")
    assert [o["name"] for o in anna["possibly_same"]] == ["Anna Berglund"]
    with pytest.raises(AnalysisError):
        people_matrix(hand_store, "finns-inte")
