"""Links between documents (graph.analysis.links through graph.queries.document_links), on a
linked set of one invented municipality ingested into a real embedded store in both orders."""
from __future__ import annotations

import pytest

from styrgraf.graph import queries as q
from styrgraf.graph.analysis.links import dnr_key, title_key
from styrgraf.graph.documents import ingest_file
from styrgraf.graph.store.interface import open_store
from tests.graph.linked_set import NAMES, write_linked_set


def _ingest(tmp, order):
    files = write_linked_set(tmp / "files")
    store = open_store(str(tmp / "store"))
    for name in order:
        r = ingest_file(store, files[name])
        assert r.ok, r.reason
    return store, _by_name(store)


def _by_name(store):
    titles = {"directive": ("Projektdirektiv för trygga skolvägar", "projektdirektiv"),
              "strategy": ("Strategi för hållbart resande", "strategi"),
              "plan": ("Projektplan för cykelbanor i Älvstad", "projektplan")}
    out = {}
    for d in q.documents(store):
        for name, (title, kind) in titles.items():
            if d["title"] == title and d["type"] == kind:
                out[name] = d["iri"]
        if d["type"] == "protokoll":
            out[{"2023-03-14": "adopting", "2023-04-24": "council", "2023-10-10": "follow_up"}[d["date"]]] = d["iri"]
    assert set(out) == set(NAMES), out
    return out


@pytest.fixture(scope="module", params=["forward", "backward"])
def linked(request, tmp_path_factory):
    order = NAMES if request.param == "forward" else tuple(reversed(NAMES))
    store, docs = _ingest(tmp_path_factory.mktemp(request.param), order)
    yield store, docs
    store.close()


def _links(store, doc, type_, direction, other):
    return [l for l in q.document_links(store, doc) if l["type"] == type_ and l["direction"] == direction
            and l["document"]["iri"] == other]


def _one(store, doc, type_, direction, other):
    found = _links(store, doc, type_, direction, other)
    assert len(found) == 1, [(l["type"], l["direction"], l["document"]["title"]) for l in q.document_links(store, doc)]
    link = found[0]
    assert 0 < link["confidence"] <= 1 and link["rules"]
    return link


def _quotes(link, side):
    return [e["quote"] for e in link["evidence"] if e["side"] == side]


def test_keys_normalise_case_numbers_and_titles():
    assert dnr_key("KS-2023/45") == dnr_key("ks 2023/45") == "KS 2023/45"
    assert title_key("STRATEGI FÖR HÅLLBART RESANDE") == title_key("Strategi for hallbart resande")


def test_same_case_both_ways(linked):
    store, d = linked
    there = _one(store, d["directive"], "same-case", "mutual", d["adopting"])
    back = _one(store, d["adopting"], "same-case", "mutual", d["directive"])
    assert _quotes(there, "this") == _quotes(there, "other") == ["KS 2023/45"]
    assert back["confidence"] == there["confidence"]
    assert not _links(store, d["directive"], "same-case", "mutual", d["strategy"])


def test_decides_both_ways_with_verbatim_evidence(linked):
    store, d = linked
    out = _one(store, d["adopting"], "decides", "outgoing", d["directive"])
    inc = _one(store, d["directive"], "decides", "incoming", d["adopting"])
    assert out["rules"] == inc["rules"] == ["paragraph-dnr-title"]
    assert any("att anta projektdirektivet för trygga skolvägar" in x for x in _quotes(out, "this"))
    assert {"KS 2023/45", "Projektdirektiv för trygga skolvägar"} <= set(_quotes(out, "this"))
    assert {"KS 2023/45", "Projektdirektiv för trygga skolvägar"} <= set(_quotes(inc, "this"))
    assert inc["document"]["kind"] == "protokoll" and inc["document"]["date"] == "2023-03-14"
    # A paragraph that only notes a report of the case does not decide on it.
    assert not _links(store, d["follow_up"], "decides", "outgoing", d["directive"])


def test_evidence_quotes_stand_in_the_stored_pages(linked):
    store, d = linked
    link = _one(store, d["adopting"], "decides", "outgoing", d["directive"])
    for e in link["evidence"]:
        pages = {p["number"]: p["text"] for p in q.document(store, e["document"]["iri"])["pages"]}
        assert pages[e["page"]][e["start"]:e["end"]] == e["quote"]


def test_council_minutes_cite_the_strategy_by_dnr_and_title(linked):
    store, d = linked
    out = _one(store, d["council"], "cites", "outgoing", d["strategy"])
    inc = _one(store, d["strategy"], "cites", "incoming", d["council"])
    assert set(out["rules"]) == set(inc["rules"]) == {"cited-dnr", "title-in-decision"}
    assert "KS 2022/10" in _quotes(out, "this") and "KS 2022/10" in _quotes(out, "other")
    assert "Strategi för hållbart resande" in _quotes(inc, "this")


def test_related_document_title_cites(linked):
    store, d = linked
    out = _one(store, d["plan"], "cites", "outgoing", d["strategy"])
    assert "related-title" in out["rules"]
    assert _quotes(out, "this") == ["Strategi för hållbart resande"]
    assert "related-title" in _one(store, d["strategy"], "cites", "incoming", d["plan"])["rules"]


def test_follow_up_both_ways(linked):
    store, d = linked
    out = _one(store, d["follow_up"], "follows-up", "outgoing", d["directive"])
    assert "Återrapportering av projektet trygga skolvägar" in _quotes(out, "this")
    assert _one(store, d["directive"], "follows-up", "incoming", d["follow_up"])["rules"] == ["later-paragraph"]
    assert _one(store, d["adopting"], "follows-up", "incoming", d["follow_up"])
    assert _one(store, d["follow_up"], "follows-up", "outgoing", d["adopting"])


def test_a_decision_recorded_in_minutes(linked):
    store, d = linked
    plan = q.document(store, d["plan"])
    decision = next(x for x in plan["decisions"] if x["date"] == "2023-03-14")
    recorded = q.decision(store, decision["iri"])["recorded_in"]
    assert [r["document"]["iri"] for r in recorded] == [d["adopting"]]
    assert recorded[0]["identifier"] == "KS 2023/45" and recorded[0]["evidence"]
    assert "recorded-decision" in _one(store, d["plan"], "cites", "outgoing", d["adopting"])["rules"]
    assert "builds-on-decision" in _one(store, d["plan"], "follows-up", "outgoing", d["directive"])["rules"]


def test_trace_reaches_the_minutes_paragraph_that_records_a_decision(linked):
    store, d = linked
    plan = q.document(store, d["plan"])
    decision = next(x for x in plan["decisions"] if x["date"] == "2023-03-14")
    traced = q.trace(store, decision["iri"])
    assert decision["iri"] not in [c["iri"] for c in traced["chain"]]  # not its own ancestor
    recorded = traced["recorded_in"]
    assert [r["document"]["iri"] for r in recorded] == [d["adopting"]]
    page_text = {p["number"]: p["text"] for p in q.document(store, d["adopting"])["pages"]}
    for e in recorded[0]["evidence"]:
        assert page_text[e["page"]][e["start"]:e["end"]] == e["quote"]


def test_shares_people(linked):
    store, d = linked
    link = _one(store, d["adopting"], "shares", "mutual", d["follow_up"])
    names = {e["name"] for e in link["entities"]}
    assert {"Karin Holm", "Stina Hallberg"} <= names
    assert "Stina Hallberg" in _quotes(link, "this") and "Stina Hallberg" in _quotes(link, "other")


def test_unknown_document(linked):
    store, _ = linked
    with pytest.raises(q.NotFound):
        q.document_links(store, "no-such-document")
