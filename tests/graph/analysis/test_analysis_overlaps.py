"""Overlaps between subprojects, on the seed (the done-when facts) and on the hand-written plans."""
from __future__ import annotations

import pytest

from styrgraf.graph.analysis import AnalysisError, compute_overlaps
from styrgraf.graph.analysis.projection import load_projection
from styrgraf.ontology.terms import sparql_prefixes

from tests.graph.analysis.conftest import seed_iri, subproject_by


def _pair(overlaps, a: str, b: str) -> dict:
    found = [o for o in overlaps if {o["a"]["iri"], o["b"]["iri"]} == {a, b}]
    assert len(found) == 1, (a, b)
    return found[0]


def _reasons(pair, kind):
    return [r for r in pair["reasons"] if r["kind"] == kind]


def _assert_evidence_is_verbatim(store, evidence):
    """Each quote is the page text at the stated offsets (the audit trail)."""
    assert evidence
    for e in evidence:
        rows = store.select(sparql_prefixes() + f"""SELECT ?text WHERE {{
            ?page sg:pageNumber {e['page']} ; dcterms:isPartOf <{e['document']['iri']}> ; rdf:value ?text }}""")
        assert rows, e
        assert str(rows[0]["text"])[e["start"]:e["end"]] == e["quote"]


@pytest.fixture(scope="module")
def seed_overlaps(seed_store):
    return compute_overlaps(seed_store)


def test_seed_dp1_and_dp2_overlap_most_with_intention_leaders_and_investigations(seed_store, seed_overlaps):
    top = seed_overlaps[0]
    assert {top["a"]["number"], top["b"]["number"]} == {1, 2}
    assert top["a"]["type"] == "subproject" and top["a"]["project"]["type"] == "project"
    assert [o["score"] for o in seed_overlaps] == sorted((o["score"] for o in seed_overlaps), reverse=True)
    [intention] = _reasons(top, "intention")
    assert intention["intention"]["number"] == 8 and intention["intention"]["letter"] == "h"
    assert "intention 8 (h)" in intention["detail"]
    assert "I detta uppdrag avses SPH som strategisk resurs för innovation" in intention["detail"]
    assert "I detta uppdrag avses SPH s roll i den kommunala organisation" in intention["detail"]
    people = {r["person"]["name"]: r for r in _reasons(top, "person")}
    assert people["Stefan Almér"]["roles"] == {1: ["uppdragsansvarig"], 2: ["uppdragsansvarig"]}
    assert people["Björn Kalla"]["roles"] == {1: ["projektledare"], 2: ["projektledare"]}
    assert "uppdragsansvarig i DP1" in people["Stefan Almér"]["detail"]
    shared = [r for r in _reasons(top, "investigation") if r.get("work")]
    assert len(shared) >= 3
    # One of them is shared only after resolution (written two ways).
    assert any("visionsstyrning" in r["detail"] and "samordning, controlling mm" in r["detail"] for r in shared)
    for r in top["reasons"]:
        _assert_evidence_is_verbatim(seed_store, r["evidence"])


def test_seed_text_overlap_that_no_intention_states(seed_store, seed_overlaps):
    pair = _pair(seed_overlaps, seed_iri("subproject", "3"), seed_iri("subproject", "4"))
    assert not _reasons(pair, "intention")
    [text] = _reasons(pair, "text")
    assert "riktlinjer" in text["detail"] and text["similarity"] >= 0.3
    assert {"riktlinjer", "bemötande", "service"} <= set(text["shared_terms"])
    _assert_evidence_is_verbatim(seed_store, text["evidence"])
    # The evidence is cut to the compared sentences, not the whole purpose.
    assert all(len(e["quote"]) < 200 for e in text["evidence"])


def test_seed_reference_resolved_to_a_subproject_is_a_dependency(seed_overlaps):
    pair = _pair(seed_overlaps, seed_iri("subproject", "2"), seed_iri("subproject", "4"))
    deps = [r for r in _reasons(pair, "investigation") if r.get("dependency")]
    assert deps and "Projekt Kultur och Värderingar" in deps[0]["detail"]


def test_seed_person_leading_one_and_sitting_in_another(seed_overlaps):
    pair = _pair(seed_overlaps, seed_iri("subproject", "4"), seed_iri("subproject", "5"))
    [karolina] = [r for r in _reasons(pair, "person") if r["person"]["name"] == "Karolina Davidsson"]
    assert karolina["roles"] == {4: ["projektgrupp"], 5: ["uppdragsansvarig"]}
    assert "sitter i projektgruppen i DP4" in karolina["detail"] and "är uppdragsansvarig i DP5" in karolina["detail"]


def test_min_score_project_and_language(seed_store, seed_overlaps):
    strong = compute_overlaps(seed_store, min_score=0.5)
    assert strong and all(o["score"] >= 0.5 for o in strong) and len(strong) < len(seed_overlaps)
    dp = compute_overlaps(seed_store, project=seed_iri("subproject", "6"))
    assert dp and all(6 in (o["a"]["number"], o["b"]["number"]) for o in dp)
    project = compute_overlaps(seed_store, project=seed_iri("project", "p").rsplit("/", 1)[1])
    assert len(project) == len(seed_overlaps)
    english = compute_overlaps(seed_store, lang="en", limit=1)
    assert english[0]["reasons"][0]["detail"].startswith("Both address intention 8")
    with pytest.raises(AnalysisError) as err:
        compute_overlaps(seed_store, project="finns-inte")
    assert err.value.status == 404
    with pytest.raises(AnalysisError):
        compute_overlaps(seed_store, min_score=2)


# --- hand-written plans ----------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def hand(hand_store):
    return load_projection(hand_store), compute_overlaps(hand_store)


def test_hand_written_guidelines_in_two_documents_found_by_text_alone(hand_store, hand):
    p, overlaps = hand
    a3, b1 = subproject_by(p, "KS 2014/123", 3), subproject_by(p, "KS 2014/201", 1)
    pair = _pair(overlaps, a3, b1)
    assert [r["kind"] for r in pair["reasons"]] == ["text"]
    [text] = pair["reasons"]
    assert "riktlinjer" in text["shared_terms"]
    assert "(KS 2014/123)" in text["detail"] and "(KS 2014/201)" in text["detail"]
    _assert_evidence_is_verbatim(hand_store, text["evidence"])


def test_hand_written_shared_intention_people_and_resolved_works(hand):
    p, overlaps = hand
    a2, a3 = subproject_by(p, "KS 2014/123", 2), subproject_by(p, "KS 2014/123", 3)
    pair = _pair(overlaps, a2, a3)
    assert [r["intention"]["number"] for r in _reasons(pair, "intention")] == [4]
    assert any(r["person"]["name"] == "Maria Holm" for r in _reasons(pair, "person"))
    a1 = subproject_by(p, "KS 2014/123", 1)
    b2 = subproject_by(p, "KS 2014/201", 2)
    # Across documents: the same plan written three ways, the same project written twice.
    details = " ".join(r["detail"] for r in _reasons(_pair(overlaps, a2, b2), "investigation"))
    assert "Levande" in details and "2014" in details
    assert any("Gemensam kundtjänst" in r["detail"] for r in _reasons(_pair(overlaps, a1, b2), "investigation"))
    # The organisation written `SNAB` in B and defined in A.
    a4 = subproject_by(p, "KS 2014/123", 4)
    assert any(r["organisation"]["abbreviation"] == "SNAB" for r in _reasons(_pair(overlaps, a4, b2), "organisation"))


def test_possibly_same_person_is_shown_as_uncertain(hand):
    p, overlaps = hand
    a2, b2 = subproject_by(p, "KS 2014/123", 2), subproject_by(p, "KS 2014/201", 2)
    uncertain = [r for r in _reasons(_pair(overlaps, a2, b2), "person") if not r["certain"]]
    assert uncertain and "Möjligen samma person" in uncertain[0]["detail"]
    assert {uncertain[0]["person"]["name"], uncertain[0]["possibly_same"]["name"]} == {"Anna K Berglund", "Anna Berglund"}


def test_no_overlaps_across_municipalities(hand):
    p, overlaps = hand
    ekby = {s for s in p.of_kind("subproject") if p.node(p.node(s)["doc"]).get("identifier") == "KS 2015/007"}
    for o in overlaps:
        crossing = ({o["a"]["iri"], o["b"]["iri"]} & ekby) and not ({o["a"]["iri"], o["b"]["iri"]} <= ekby)
        assert not crossing, o


def test_remote_store_gives_the_same_overlaps(seed_store, start_oxigraph, tmp_path):
    """The projection reads CSV results through `query_raw`: a SPARQL server answers the same as the embedded store."""
    from styrgraf.graph.documents import ingest_file
    from styrgraf.graph.store.interface import open_store

    from tests.graph.analysis.conftest import SEED

    with start_oxigraph(tmp_path / "data") as server:
        remote = open_store(server.url)
        try:
            assert ingest_file(remote, SEED).ok
            got = compute_overlaps(remote, with_evidence=False)
        finally:
            remote.close()
    want = compute_overlaps(seed_store, with_evidence=False)
    summary = lambda ov: [(o["a"]["iri"], o["b"]["iri"], o["score"], sorted(r["detail"] for r in o["reasons"])) for o in ov]
    assert summary(got) == summary(want)


def test_best_sentence_pairs_through_the_term_index_equal_a_search_of_every_pair(hand_store):
    """`best_units` finds its candidates through a term index and a plain sum; scored exactly, they
    must be what comparing every sentence of one subproject with every sentence of the other gives."""
    from styrgraf.graph.analysis.assignments import build_assignments
    from styrgraf.graph.analysis.similarity import cosine

    p = load_projection(hand_store)
    model = build_assignments(p)
    subprojects = sorted(model.units)
    compared = found = 0
    for i, a in enumerate(subprojects):
        for b in subprojects[i + 1:]:
            every = sorted(((cosine(model.unit_vectors[ua], model.unit_vectors[ub]), ua, ub)
                            for ua in model.units[a] for ub in model.units[b]),
                           key=lambda x: (-x[0], x[1].text, x[2].text))
            expected, used = [], set()
            for s, ua, ub in every:
                if s >= 0.15 and ua not in used and ub not in used and len(expected) < 2:
                    expected.append((s, ua, ub))
                    used.update((ua, ub))
            assert model.best_units(a, b) == expected
            assert model.best_units(a, b, index_b=model.term_index(b)) == expected
            compared += 1
            found += bool(expected)
    assert compared > 10 and found > 0  # the hand-written plans have similar sentences to find


def test_an_organisation_through_a_person_in_both_is_no_second_reason(seed_overlaps):
    """DP2 ↔ DP4 share Karolina Davidsson; her employer HNAB is no reason of its own for that pair.
    DP1 ↔ DP2 keep HNAB: DP1 involves it directly (stöd), DP2 through a person DP1 does not have."""
    dp2_dp4 = _pair(seed_overlaps, seed_iri("subproject", "2"), seed_iri("subproject", "4"))
    assert [r["person"]["name"] for r in _reasons(dp2_dp4, "person")] == ["Karolina Davidsson"]
    assert _reasons(dp2_dp4, "organisation") == []
    # DP2 ↔ DP6: UAF only through Annika Vannerberg (in both); HNAB through two different people stays.
    dp2_dp6 = _pair(seed_overlaps, seed_iri("subproject", "2"), seed_iri("subproject", "6"))
    assert [r["organisation"]["abbreviation"] for r in _reasons(dp2_dp6, "organisation")] == ["HNAB"]
    dp1_dp2 = _pair(seed_overlaps, seed_iri("subproject", "1"), seed_iri("subproject", "2"))
    assert sorted(r["organisation"]["abbreviation"] for r in _reasons(dp1_dp2, "organisation")) == ["HNAB", "UAF"]
    for o in seed_overlaps:  # each reason once within a pair
        details = [r["detail"] for r in o["reasons"]]
        assert len(details) == len(set(details)), details


def test_reasons_name_no_internal_words_and_write_numbers_as_the_language_does(seed_store):
    internal = ("term-containment", "equal-terms", "equal-words", "term-overlap", "same-name", "folded-name",
                "middle-initial", "case-number")
    for lang, point, comma in (("sv", "0,85", "0.85"), ("en", "0.85", "0,85")):
        text = " ".join(r["detail"] for o in compute_overlaps(seed_store, lang=lang) for r in o["reasons"])
        assert not [w for w in internal if w in text], lang
        assert point in text and comma not in text, lang
    sv = " ".join(r["detail"] for o in compute_overlaps(seed_store) for r in o["reasons"])
    assert "(sammanslaget: den ena titeln ingår i den andra, säkerhet 0,85)" in sv
    assert "textlikhet 0,48" in sv


def test_default_threshold_is_a_named_constant_that_hides_weak_pairs(seed_store, seed_overlaps):
    from styrgraf.graph.analysis.overlaps import DEFAULT_MIN_SCORE, count_overlaps

    assert DEFAULT_MIN_SCORE == 0.2
    shown = compute_overlaps(seed_store, min_score=DEFAULT_MIN_SCORE)
    assert [o["score"] for o in shown] == [o["score"] for o in seed_overlaps if o["score"] >= DEFAULT_MIN_SCORE]
    assert count_overlaps(seed_store, min_score=DEFAULT_MIN_SCORE) == len(shown) == 6
    assert count_overlaps(seed_store) == len(seed_overlaps) == 15
