"""Consistency checks on the seed and the hand-written plans; SHACL with a small shapes file."""
from __future__ import annotations

from pathlib import Path

import pytest

from styrgraf.graph.analysis import AnalysisError, run_checks
from styrgraf.graph.analysis import checks as checks_module
from styrgraf.graph.analysis.projection import load_projection

from tests.graph.analysis.conftest import ingest_all, seed_iri, subproject_by


def _by_code(result, code):
    return [f for f in result["findings"] if f["code"] == code]


@pytest.fixture(scope="module")
def seed_checks(seed_store):
    return run_checks(seed_store)


def test_seed_impossible_date_is_an_error_with_evidence(seed_checks):
    bad = _by_code(seed_checks, "impossible-date")
    assert bad and all(f["severity"] == "error" for f in bad)
    assert {f["date_text"] for f in bad} == {"2012-04-31"}
    assert all("2012-04-31" in f["message"] for f in bad)
    assert all(any("2012-04-31" in e["quote"] for e in f["evidence"]) for f in bad)
    assert seed_checks["counts"]["error"] >= len(bad)
    assert seed_checks["findings"][0]["severity"] == "error"  # most severe first


def test_seed_people_in_several_subprojects_with_roles(seed_store, seed_checks):
    [karolina] = _by_code(seed_checks, "person-many-subprojects")
    assert karolina["entity"]["name"] == "Karolina Davidsson" and karolina["count"] == 4
    roles = {s["number"]: s["roles"] for s in karolina["subprojects"]}
    assert roles == {2: ["projektgrupp"], 3: ["projektgrupp"], 4: ["projektgrupp"], 5: ["uppdragsansvarig"]}
    assert "uppdragsansvarig" in karolina["message"]
    assert not _by_code(run_checks(seed_store, max_subprojects=4), "person-many-subprojects")
    with pytest.raises(AnalysisError):
        run_checks(seed_store, max_subprojects=0)


def test_seed_intentions_subprojects_and_deadlines(seed_checks):
    [shared] = _by_code(seed_checks, "intention-shared")
    assert shared["entity"]["number"] == 8 and shared["severity"] == "info"  # both give a scope
    assert {s["number"] for s in shared["subprojects"]} == {1, 2}
    [dp4] = _by_code(seed_checks, "subproject-no-intention")
    assert dp4["entity"]["iri"] == seed_iri("subproject", "4")
    assert not _by_code(seed_checks, "intention-unaddressed")
    assert not _by_code(seed_checks, "subproject-no-leader")
    # The seed's only milestones after its deadline are implementation dates (`Implementering från
    # 2012-09-01`, `Genomförande … senast 2013-12-31`): bound to come after the decisions, no finding.
    assert not _by_code(seed_checks, "milestone-after-deadline")


def test_hand_written_findings(hand_store):
    result = run_checks(hand_store)
    p = load_projection(hand_store)
    [unaddressed] = _by_code(result, "intention-unaddressed")
    assert unaddressed["entity"]["number"] == 6 and unaddressed["entity"]["letter"] == "f"
    [unknown] = _by_code(result, "unknown-intention")
    assert unknown["severity"] == "error" and unknown["number"] == 9
    assert unknown["entity"]["iri"] == subproject_by(p, "KS 2014/123", 3)
    assert "intention 1–6" in unknown["message"]
    [shared] = _by_code(result, "intention-shared-unscoped")
    assert shared["entity"]["number"] == 4 and shared["severity"] == "warning"  # neither gives a scope
    [leaderless] = _by_code(result, "subproject-no-leader")
    assert leaderless["entity"]["iri"] == subproject_by(p, "KS 2014/201", 3)
    [mismatch] = _by_code(result, "intention-number-mismatch")
    assert mismatch["severity"] == "error" and (mismatch["number"], mismatch["matches"]) == (2, 3)
    [busy] = _by_code(result, "person-many-subprojects")
    assert busy["entity"]["name"] == "Maria Holm" and busy["count"] == 5  # Ekby's Maria Holm is someone else
    assert {f["date_text"] for f in _by_code(result, "impossible-date")} == {"2014-09-31"}
    [late] = _by_code(result, "milestone-after-deadline")  # the decision, not the implementation after it
    assert "2014-11-24" in late["message"] and "Beslut i kommunfullmäktige" in late["message"]
    assert late["deadline"] == "2014-10-31" and "2015-01-15" not in late["message"]


def test_english_messages(seed_store):
    result = run_checks(seed_store, lang="en")
    assert _by_code(result, "impossible-date")[0]["message"].startswith("Impossible date")


SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix sg: <https://styrgraf.example/ontology#> .
<urn:test:SubprojectBudget> a sh:NodeShape ; sh:targetClass sg:Subproject ;
  sh:property [ sh:path sg:budget ; sh:minCount 1 ;
                sh:message "Delprojektet saknar budget"@sv , "The subproject has no budget"@en ] .
"""


def test_shacl_findings_are_reported_and_cached(fresh_store, hand_docs, tmp_path, monkeypatch):
    import pyshacl

    shapes = tmp_path / "shapes.ttl"
    shapes.write_text(SHAPES, encoding="utf-8")
    ingest_all(fresh_store, [hand_docs["C"]])
    calls = []
    real = pyshacl.validate
    monkeypatch.setattr(pyshacl, "validate", lambda *a, **k: calls.append(1) or real(*a, **k))
    assert not _by_code(run_checks(fresh_store, shapes=shapes), "shacl")  # opt-in
    result = run_checks(fresh_store, shacl=True, shapes=shapes)
    assert calls == [1]
    assert not _by_code(result, "shacl")  # plan C states every budget
    # A graph without budgets violates the shape; the result names the focus node and the message.
    fresh_store.update("DELETE WHERE { GRAPH ?g { ?s <https://styrgraf.example/ontology#budget> ?b } }")
    checks_module._SHACL_CACHE.clear()
    violations = _by_code(run_checks(fresh_store, shacl=True, shapes=shapes), "shacl")
    assert len(violations) == 2 and all(v["severity"] == "error" for v in violations)
    assert all("Delprojektet saknar budget" in v["message"] for v in violations)
    n = len(calls)
    run_checks(fresh_store, shacl=True, shapes=shapes)
    assert len(calls) == n  # cached for an unchanged graph


def test_the_project_shapes_pass_on_graphs_read_back_from_the_store(seed_store):
    """The store gives back what it keeps (Oxigraph turns integer subtypes into xsd:integer):
    the ingest's own output, validated after the round trip, has no SHACL finding."""
    result = run_checks(seed_store, shacl=True)
    assert _by_code(result, "shacl") == []
    assert _by_code(result, "impossible-date")  # the other checks still ran


def test_an_empty_store_has_no_findings_overlaps_or_matrices(fresh_store):
    from styrgraf.graph.analysis import compute_overlaps, coverage_matrix, find_cycles, people_matrix

    assert run_checks(fresh_store) == {"findings": [], "counts": {"error": 0, "warning": 0, "info": 0}}
    assert compute_overlaps(fresh_store) == []
    assert coverage_matrix(fresh_store) == {"matrices": []}
    assert people_matrix(fresh_store) == {"columns": [], "rows": []}
    assert find_cycles(fresh_store) == []


def test_one_severity_per_code_in_check_and_in_the_stored_findings(seed_store, seed_checks):
    """`check` and `show` (the document's stored ingest findings) give a code the same severity."""
    from styrgraf.graph import queries as q
    from styrgraf.ingest.records import SEVERITY
    from tests.graph.analysis.conftest import SEED_GRAPH_KEY

    for f in seed_checks["findings"]:
        assert f["severity"] == SEVERITY[f["code"].removeprefix("ingest-")], f["code"]
    stored = q.show(seed_store, SEED_GRAPH_KEY)["data"]["findings"]
    assert {f["code"] for f in stored} == {"invalid-date"}
    # The ingest's impossible date is an error, as the check's finding of the same date is.
    assert {f["severity"] for f in stored} == {"error"} == {f["severity"] for f in _by_code(seed_checks,
                                                                                              "impossible-date")}


@pytest.mark.parametrize("label, decision", [
    ("KS", True), ("KLU", True), ("Beslut i kommunfullmäktige", True), ("Planen fastställs", True),
    ("Förslag överlämnat till kommunchefen", True), ("Kommunstyrelsen", True),
    ("Implementering från", False), ("Genomförande av åtgärder", False), ("Analysfasen klar", False),
    (None, False),
])
def test_decision_milestones(seed_store, label, decision):
    from styrgraf.graph.analysis.checks import _decision_bodies, is_decision_milestone

    bodies = _decision_bodies(load_projection(seed_store))
    assert is_decision_milestone(label, bodies) is decision
