"""Links between documents (graph.analysis.links through graph.queries.document_links), on a
linked set of one invented municipality ingested into a real embedded store in both orders."""
from __future__ import annotations

import pytest

from styrgraf.graph import queries as q
from styrgraf.graph.analysis import links as lk
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


def test_indexed_links_are_the_pairwise_links(linked):
    store, d = linked
    index = q.link_index(store)
    facts = q.link_facts(store)
    found = {name: lk.document_links(index, d[name]) for name in NAMES}
    for name in NAMES:
        assert found[name] == lk.pairwise_links(facts, d[name]), name
    # Every kind of link the facts can give is among them (shares come from the store's joins).
    assert {l.type for links in found.values() for l in links} == {"same-case", "cites", "decides", "follows-up"}
    assert sum(len(links) for links in found.values()) >= 16


def _filler(i: int, cites: str | None = None) -> lk.DocFacts:
    """An invented steering document of its own case; with `cites`, one that cites that case number."""
    iri = f"urn:filler:{i}"
    f = lk.DocFacts(iri, f"Riktlinje för verksamhetsområde nummer {i}", "riktlinje", f"2021-{1 + i % 12:02d}-15")
    f.own.append((f"KS 2021/{1000 + i}", lk.Fact(iri, "identifier")))
    f.decisions.append(lk.Decision(f"{iri}#d", f"2021-{1 + i % 12:02d}-01", None,
                                   f"Kommunstyrelsen beslutade att ta fram riktlinjen för område {i}."))
    if cites:
        f.cited.append((cites, lk.Fact(iri, "citesCaseNumber")))
    return f


@pytest.mark.parametrize("fillers", [50, 2000])
def test_candidates_are_the_index_hits_whatever_the_store_size(linked, fillers):
    store, d = linked
    facts = dict(q.link_facts(store))
    citing = [_filler(i, cites="KS-2023/45") for i in range(3)]
    for f in citing + [_filler(i) for i in range(3, fillers)]:
        facts[f.iri] = f
    index = lk.LinkIndex(facts)
    # The directive's case number is shared by the two minutes of its case and cited by three fillers;
    # the council minutes cite it nowhere, nor does any other filler.
    candidates = {c.iri for c in index.candidates(index.facts[d["directive"]])}
    assert candidates == {d["adopting"], d["follow_up"], d["plan"]} | {f.iri for f in citing}
    links = lk.document_links(index, d["directive"])
    assert links == lk.pairwise_links(facts, d["directive"])
    assert {l.other for l in links if l.type == "cites" and l.direction == "incoming"} >= {f.iri for f in citing}
    for name in NAMES:
        assert len(index.candidates(index.facts[d[name]])) <= len(NAMES) + len(citing)
