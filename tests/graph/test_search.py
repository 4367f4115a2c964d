"""Swedish-aware search: folding, inflections, compounds, ranking, evidence, cache invalidation."""
from __future__ import annotations

from pathlib import Path

import pytest

from styrgraf.graph import queries as q
from styrgraf.graph import search as s
from styrgraf.graph.documents import ingest_file, remove_document
from styrgraf.graph.store.interface import open_store
from styrgraf.graph.swedish import fold, name_matches, terms
from tests.query_seed import DOC, SEED_TEXT, seed_store_path


@pytest.fixture(scope="session")
def seed(tmp_path_factory):
    store = open_store(str(seed_store_path(tmp_path_factory)))
    yield store
    store.close()


def labels(result: dict) -> list[str]:
    out = []
    for r in result["results"]:
        e = r.get("entity") or {}
        out.append(e.get("name") or e.get("title") or e.get("text") or r.get("text") or "")
    return out


def test_folding_and_stems():
    assert fold("Näringslivsstrategin ÅÄÖ é") == "naringslivsstrategin aao e"
    assert terms("Almér") == terms("almer")
    assert terms("utredningen") == terms("Utredningar")
    assert terms("och i att Intentionerna") == terms("intention")
    assert name_matches("almer", "Stefan Almér") and name_matches("kar dav", "Karolina Davidsson")
    assert not name_matches("almer", "Stefan Almqvist")


def test_inflected_form_finds_the_base_form(seed):
    # The plan writes "Näringslivsstrategi för Halmstads kommun" (subproject 1) and "Näringslivsstrategin" (intention b).
    for query in ("Näringslivsstrategin", "näringslivsstrategi", "NARINGSLIVSSTRATEGI"):
        result = s.search(seed, query, 10)
        found = [r["entity"] for r in result["results"] if r["kind"] == "entity"]
        assert any(e["type"] == "subproject" and e["number"] == 1 for e in found[:5]), query
        assert any(e["type"] == "intention" and e["number"] == 2 for e in found[:5]), query


def test_name_without_diacritics_finds_the_person_first(seed):
    top = s.search(seed, "almer", 5)["results"][0]
    assert top["kind"] == "entity" and top["entity"]["name"] == "Stefan Almér"
    assert top["evidence"]


def test_compound_finds_its_head(seed):
    # Nobody is called "delprojektledare" in the plan: the project managers are.
    result = s.search(seed, "delprojektledare", 5)
    people = [r["entity"]["name"] for r in result["results"] if r["kind"] == "entity" and r["entity"]["type"] == "person"]
    managers = {"Björn Kalla", "Roger Weman", "Jan Hellkvist", "Bengt Andersson", "Marina Zivojinovic"}
    assert people and set(people) <= managers
    assert result["results"][0]["entity"]["name"] in managers


def test_definite_form_of_an_investigation(seed):
    result = s.search(seed, "utredningen om regional samordning", 5)
    assert "Utredning Regional samordning (kontinuerliga styrgrupperna) KS-VP 2012" in labels(result)


def test_passages_are_their_own_evidence(seed):
    pages = {p["number"]: p["text"] for p in q.document(seed, DOC)["pages"]}
    result = s.search(seed, "servicedeklarationer", 10)
    passages = [r for r in result["results"] if r["kind"] == "passage"]
    assert passages
    for p in passages:
        assert pages[p["page"]][p["start"]:p["end"]] == p["text"]
        assert p["evidence"][0]["quote"] == p["text"] and p["document"]["id"] == DOC
    assert any("servicedeklarationer" in p["text"] for p in passages)


def test_ranking_limit_and_no_hits(seed):
    result = s.search(seed, "Karolina Davidsson", 3)
    assert len(result["results"]) == 3
    assert result["results"][0]["entity"]["name"] == "Karolina Davidsson"
    scores = [r["score"] for r in result["results"]]
    assert scores == sorted(scores, reverse=True)
    assert s.search(seed, "xyzzyqwerty", 10)["results"] == []
    assert s.search(seed, "   ", 10)["results"] == []
    assert s.search(seed, "och i att", 10)["results"] == []  # stop words alone carry no meaning


def test_index_follows_ingest_and_removal(tmp_path: Path):
    store = open_store(str(tmp_path / "store"))
    try:
        assert ingest_file(store, SEED_TEXT).status == "ingested"
        assert s.search(store, "Qzxjwvk", 5)["results"] == []
        # Another document: a new case number (so a new document) and a new word.
        text = SEED_TEXT.read_text(encoding="utf-8").replace("KS 2011/0456", "KS 2011/0999").replace(
            "Cityutvecklingsprojektet Stadens Hjärta", "Cityutvecklingsprojektet Stadens Hjärta och Qzxjwvk")
        other = tmp_path / "other.txt"
        other.write_text(text, encoding="utf-8")
        result = ingest_file(store, other)
        assert result.status == "ingested", result.reason
        hits = s.search(store, "qzxjwvk", 5)["results"]
        assert hits and all("0999" in (h.get("document") or h["evidence"][0]["document"])["id"] for h in hits)
        assert remove_document(store, "KS 2011/0999")
        assert s.search(store, "Qzxjwvk", 5)["results"] == []
    finally:
        store.close()
