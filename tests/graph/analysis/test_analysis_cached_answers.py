"""Answers kept per store generation (checks, ranked overlaps, the documents newest first, searches)
follow a write: each is asked, a document is ingested through the real store, and the answer asked
again must show it."""
from __future__ import annotations

from styrgraf.graph.analysis import checks as checks_module
from styrgraf.graph.analysis import compute_overlaps, run_checks
from styrgraf.graph.analysis.checks import checks_page
from styrgraf.graph.analysis.overlaps import count_overlaps
from styrgraf.graph.documents import newest_documents
from styrgraf.graph.entities import entity_id
from styrgraf.graph.search import search

from tests.graph.analysis.conftest import ingest_all


def test_checks_follow_an_ingested_document(fresh_store, hand_docs):
    ingest_all(fresh_store, [hand_docs["A"]])
    before = checks_page(fresh_store)
    assert checks_page(fresh_store) == before  # asked again: the kept answer
    ingest_all(fresh_store, [hand_docs["B"]])  # plan B has findings of its own
    after = checks_page(fresh_store)
    assert after["total"] > before["total"]
    # The same as computing them anew, from nothing kept.
    anew = checks_module._all_findings(fresh_store, checks_module.DEFAULT_MAX_SUBPROJECTS, False, "sv",
                                       checks_module.SHAPES_TTL)
    assert after["total"] == len(anew)
    assert [x["message"] for x in after["findings"]] == [x["message"] for x in anew]
    assert run_checks(fresh_store)["counts"] == after["counts"]


def test_checks_page_is_a_page_of_all_findings_with_their_evidence(hand_store):
    every = run_checks(hand_store)
    warnings = [x for x in every["findings"] if x["severity"] == "warning"]
    page = checks_page(hand_store, severity="warning", offset=1, limit=2)
    assert page["total"] == len(warnings) and page["counts"] == every["counts"]
    assert page["findings"] == warnings[1:3]
    assert all(x["evidence"] for x in page["findings"])


def test_overlaps_follow_an_ingested_document(fresh_store, hand_docs):
    ingest_all(fresh_store, [hand_docs["A"]])
    before = count_overlaps(fresh_store)
    first = compute_overlaps(fresh_store)
    page_before = compute_overlaps(fresh_store, limit=50)
    ingest_all(fresh_store, [hand_docs["B"]])  # the same municipality: its subprojects pair with A's
    after = compute_overlaps(fresh_store)
    assert count_overlaps(fresh_store) == len(after) > before == len(first) == len(page_before)
    assert compute_overlaps(fresh_store, limit=50) == after[:50]
    plan_b = {s["a"]["project"]["iri"] for s in after} | {s["b"]["project"]["iri"] for s in after}
    assert len(plan_b) == 2
    # A page of them is the first part of all of them, filtered the same way.
    strongest = compute_overlaps(fresh_store, min_score=0.2, limit=2)
    assert strongest == [x for x in after if x["score"] + 1e-9 >= 0.2][:2]
    assert count_overlaps(fresh_store, min_score=0.2) == sum(1 for x in after if x["score"] + 1e-9 >= 0.2)


def test_newest_documents_follow_an_ingested_document(fresh_store, hand_docs):
    ingest_all(fresh_store, [hand_docs["A"]])
    assert len(newest_documents(fresh_store)) == 1
    ingest_all(fresh_store, [hand_docs["C"]])
    listed = newest_documents(fresh_store)
    assert len(listed) == 2
    assert [d["date"] or "" for d in listed] == sorted((d["date"] or "" for d in listed), reverse=True)
    assert {entity_id(d["iri"]) for d in listed} == {entity_id(d["iri"]) for d in listed if d["title"]}


def test_searches_follow_an_ingested_document(fresh_store, hand_docs):
    """Ekby is named only in plan C: searched before it is stored, the kept answer must not outlive it."""
    ingest_all(fresh_store, [hand_docs["A"]])
    assert search(fresh_store, "Ekby")["results"] == []
    ingest_all(fresh_store, [hand_docs["C"]])
    assert search(fresh_store, "Ekby")["results"]
