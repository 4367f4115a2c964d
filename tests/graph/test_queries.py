"""The read API's answers (graph.queries) on the seed plan: real answers, with evidence."""
from __future__ import annotations

import datetime as dt

import pytest

from styrgraf.graph import queries as q
from styrgraf.graph.store.interface import open_store
from tests.query_seed import DOC, PROJECT, seed_store_path, sub


@pytest.fixture(scope="session")
def seed(tmp_path_factory):
    store = open_store(str(seed_store_path(tmp_path_factory)))
    yield store
    store.close()


@pytest.fixture(scope="session")
def page_text(seed):
    pages = {p["number"]: p["text"] for p in q.document(seed, DOC)["pages"]}
    return pages


def assert_verbatim(evidence: list[dict], page_text: dict[int, str]) -> None:
    """Every quote is exactly the stored page text at its offsets."""
    assert evidence, "no evidence"
    for e in evidence:
        assert e["document"]["id"] == DOC
        assert page_text[e["page"]][e["start"]:e["end"]] == e["quote"]


def by_number(items):
    return {i["number"]: i for i in items}


# -- documents and projects ----------------------------------------------------

def test_documents_list_the_plan_with_both_renditions(seed, page_text):
    docs = q.documents(seed)
    assert len(docs) == 1
    d = docs[0]
    assert (d["id"], d["identifier"], d["date"], d["type"], d["pages"]) == (DOC, "KS 2011/0456", "2012-02-22", "projektplan", 18)
    assert len(d["sha256"]) == 2 and all(len(h) == 64 for h in d["sha256"])
    assert d["title"] == "PROJEKTPLAN FÖR UTVECKLING AV KOMMUNENS NÄRINGSLIVSARBETE"
    assert_verbatim(d["evidence"], page_text)


def test_document_detail(seed, page_text):
    d = q.document(seed, DOC)
    assert [p["number"] for p in d["pages"]] == list(range(0, 19))
    assert d["pages"][1]["text"].startswith("2012-02-22 KS 2011/0456")
    assert [(a["number"], a["subproject"]["number"]) for a in d["appendices"]] == [(n, n) for n in range(1, 7)]
    assert {a["number"]: a["date"] for a in d["appendices"]}[3] == "2012-02-09"
    assert {r["media_type"] for r in d["renditions"]} == {"text/plain", "application/pdf"}
    assert d["signatory"]["name"] == "Fredrik Geijer" and d["signatory_title"] == "kommunchef"
    # The export's "Relevanta dokument": links to other documents, each with its own evidence on page 0.
    assert len(d["related_documents"]) > 50
    assert all(r["evidence"] and r["evidence"][0]["page"] == 0 for r in d["related_documents"])
    assert any("2012-04-31" in f["message"] for f in d["findings"])
    assert d["projects"][0]["id"] == PROJECT
    assert [x["date"] for x in d["decisions"]] == ["2011-09-06", "2011-12-06", "2012-02-07", "2012-02-22"]
    assert_verbatim(d["appendices"][0]["evidence"], page_text)


@pytest.mark.parametrize("ref", ["no-such-doc", "<x>", 'a"b', "a b", "x}", "", "a\nb", sub(1)])
def test_unknown_or_unsafe_document_ids_are_not_found(seed, ref):
    with pytest.raises(q.NotFound):
        q.document(seed, ref)


def test_projects(seed):
    (p,) = q.projects(seed)
    assert p["id"] == PROJECT
    assert p["owner"]["name"] == "Fredrik Geijer"
    assert p["decision"]["kind"] == "plan" and p["decision"]["identifier"] == "KS 2011/0456"
    assert [s["number"] for s in p["subprojects"]] == [1, 2, 3, 4, 5, 6]
    assert p["subprojects"][0]["title"] == "Näringslivsstrategi för Halmstads kommun"
    assert p["evidence"]


# -- intentions ----------------------------------------------------------------

def test_twelve_intentions_lettered_a_to_l(seed):
    items = q.intentions(seed)
    assert [i["number"] for i in items] == list(range(1, 13))
    assert "".join(i["letter"] for i in items) == "abcdefghijkl"
    assert all(i["evidence"] for i in items)


def test_intention_8_is_addressed_by_subprojects_1_and_2_with_different_scopes(seed, page_text):
    (i8,) = q.intentions(seed, number=8)
    assert i8["text"].startswith("Science Park Halmstads plats i den kommunala organisationen")
    cov = {c["subproject"]["number"]: c for c in i8["covered_by"]}
    assert set(cov) == {1, 2}
    assert cov[1]["scope"] == "I detta uppdrag avses SPH som strategisk resurs för innovation"
    assert cov[2]["scope"] == "I detta uppdrag avses SPH s roll i den kommunala organisation"
    for c in cov.values():
        assert_verbatim(c["evidence"], page_text)
    assert any(cov[2]["scope"] in e["quote"] for e in cov[2]["evidence"])


def test_intentions_filtered_by_project_and_document(seed):
    assert len(q.intentions(seed, project=PROJECT)) == 12
    assert [i["number"] for i in q.intentions(seed, project=DOC, number=4)] == [4]
    assert [c["subproject"]["number"] for c in q.intentions(seed, number=4)[0]["covered_by"]] == [3]
    with pytest.raises(q.NotFound):
        q.intentions(seed, project="no-such-project")
    assert q.intentions(seed, number=13) == []


# -- subprojects ---------------------------------------------------------------

def test_subproject_3(seed, page_text):
    s = q.subproject(seed, sub(3))
    assert s["number"] == 3 and s["project"]["id"] == PROJECT
    assert s["title"].startswith("En väg in / ut")
    assert [i["number"] for i in s["intentions"]] == [4, 5]
    roles = {(p["person"]["name"], p["role"]["key"]) for p in s["people"]}
    assert {("Anders Bergenek", "uppdragsansvarig"), ("Roger Weman", "projektledare"),
            ("Stefan Agmarken", "projektsekreterare"), ("Karolina Davidsson", "projektgrupp")} <= roles
    assert s["people"][0]["role"] == {"key": "uppdragsansvarig", "label_sv": "Uppdragsansvarig", "label_en": "Accountable owner"}
    for p in s["people"]:
        assert_verbatim(p["evidence"], page_text)
    siblings = sorted(c["number"] for c in s["considers"] if c["siblings"])
    assert siblings == [1, 2, 4, 5, 6]
    works = [c for c in s["considers"] if c["type"] == "work"]
    assert any("2012-01-10 (KS 2011/0594)" in w["title"] for w in works)
    assert [m["date"] for m in s["milestones"]] == ["2012-03-31", "2012-04-30", "2012-05-15", "2012-05-29", "2012-09-01"]
    assert s["budget"]["text"] == "Inom befintliga ramar."
    assert_verbatim(s["budget"]["evidence"], page_text)
    assert s["reporting"]["text"].startswith("Fortlöpande till uppdragsansvarig")
    assert len(s["scope_limits"]) == 3 and s["scope_limits"][0]["number"] == 1
    assert s["appendix"]["number"] == 3


def test_subproject_2_must_consider_the_regional_investigation_and_has_an_impossible_date(seed, page_text):
    s = q.subproject(seed, sub(2))
    titles = [c.get("title") for c in s["considers"]]
    assert "Utredning Regional samordning (kontinuerliga styrgrupperna) KS-VP 2012" in titles
    item = s["considers"][titles.index("Utredning Regional samordning (kontinuerliga styrgrupperna) KS-VP 2012")]
    assert item["kind"] == "investigation" and not item["siblings"]
    assert_verbatim(item["evidence"], page_text)
    bad = [m for m in s["milestones"] if m["valid"] is False]
    assert [(m["date"], m["date_text"]) for m in bad] == [(None, "2012-04-31")]
    assert {i["number"]: i["scope"] for i in s["intentions"]}[8] == "I detta uppdrag avses SPH s roll i den kommunala organisation"


def test_unknown_subproject(seed):
    with pytest.raises(q.NotFound) as caught:
        q.subproject(seed, "halmstad-nothing-9")
    assert "inget delprojekt" in caught.value.message


# -- people --------------------------------------------------------------------

def test_karolina_davidsson_vd_hnab_in_subprojects_2_3_4_5(seed, page_text):
    (p,) = q.people(seed, "Karolina Davidsson")
    assert p["titles"] == ["VD"]
    assert [a["abbreviation"] for a in p["affiliations"]] == ["HNAB"]
    roles = {r["subproject"]["number"]: r["role"]["key"] for r in p["roles"]}
    assert roles == {2: "projektgrupp", 3: "projektgrupp", 4: "projektgrupp", 5: "uppdragsansvarig"}
    for r in p["roles"]:
        assert r["project"]["id"] == PROJECT and r["document"]["id"] == DOC
        assert_verbatim(r["evidence"], page_text)
    one = q.person(seed, p["id"])
    assert {k: v for k, v in one.items() if k != "identity"} == p
    # A single plan: the identity is the person alone, in the seed's one document, with nothing merged.
    assert [m["id"] for m in one["identity"]["members"]] == [p["id"]]
    assert one["identity"]["links"] == [] and one["identity"]["confidence"] is None
    assert [d["id"] for d in one["identity"]["documents"]] == [DOC]


def test_people_name_search_folds_case_and_diacritics(seed):
    assert [p["name"] for p in q.people(seed, "almer")] == ["Stefan Almér"]
    assert [p["name"] for p in q.people(seed, "KAROLINA")] == ["Karolina Davidsson"]
    assert {p["name"] for p in q.people(seed, "andersson")} == {"Bengt Andersson", "Ida Andersson", "Ingegerd Andersson"}
    assert q.people(seed, "Nobody Atall") == []
    assert len(q.people(seed)) >= 30


def test_project_level_roles_have_no_subproject(seed):
    p = q.person(seed, "halmstad-fredrik-geijer")
    project_roles = {r["role"]["key"] for r in p["roles"] if r["subproject"] is None}
    assert {"uppdragsansvarig", "signatory"} <= project_roles
    assert all(r["project"]["id"] == PROJECT for r in p["roles"])


# -- decisions and trace -------------------------------------------------------

def test_decisions_chain(seed):
    ds = q.decisions(seed)
    assert [(d["date"], d["kind"]) for d in ds] == [
        ("2011-09-06", "assignment"), ("2011-12-06", "tabling"), ("2012-02-07", "decision"), ("2012-02-22", "plan")]
    assert ds[0]["body"]["abbreviation"] == "KS" and ds[0]["identifier"] == "KS 2011/0546"
    assert [b["date"] for b in ds[3]["builds_on"]] == ["2012-02-07"]
    assert [b["date"] for b in ds[0]["built_upon_by"]] == ["2011-12-06"]
    plan = q.decision(seed, ds[3]["id"])
    assert [c["date"] for c in plan["chain"]] == ["2012-02-07", "2011-12-06", "2011-09-06"]
    assert plan["generated"][0]["id"] == PROJECT


def test_trace_of_subproject_1_reaches_the_2011_09_06_ks_assignment(seed, page_text):
    t = q.trace(seed, sub(1), ("subproject",))
    assert t["entity"]["number"] == 1
    assert [c["date"] for c in t["chain"]] == ["2012-02-22", "2012-02-07", "2011-12-06", "2011-09-06"]
    first = t["first"]
    assert first["kind"] == "assignment" and first["body"]["abbreviation"] == "KS"
    assert "Kommunstyrelsen gav 2011-09-06" in first["text"]
    assert_verbatim(first["evidence"], page_text)
    assert_verbatim(t["evidence"], page_text)


def test_ids_name_their_kind_so_subproject_and_appendix_differ(seed):
    assert q.trace(seed, sub(1))["entity"]["type"] == "subproject"
    appendix = q.trace(seed, DOC + "-bilaga-1")
    assert appendix["entity"]["type"] == "appendix" and appendix["chain"] == []


def test_trace_of_intention_8_reaches_the_klu_decision_and_the_assignment(seed):
    t = q.trace(seed, DOC + "-intention-8", ("intention",))
    dates = [c["date"] for c in t["chain"]]
    assert "2012-02-07" in dates and dates[-1] == "2011-09-06"
    # Either the graph links the intention to its decision, or the answer says it does not.
    assert "decided_by" in t["via"] or t["note"] is not None


def test_trace_of_a_person_is_evidence_only(seed):
    t = q.trace(seed, "halmstad-roger-weman")
    assert t["chain"] == [] and t["first"] is None
    assert any("Roger Weman" in e["quote"] for e in t["evidence"])


# -- dependencies --------------------------------------------------------------

def test_dependencies_of_subproject_2(seed):
    d = q.dependencies(seed, sub(2))
    on = d["depends_on"]
    assert sorted(x["number"] for x in on if x["type"] == "subproject") == [1, 3, 4, 5, 6]
    assert all(x["siblings"] for x in on if x["type"] == "subproject")
    assert "Utredning Regional samordning (kontinuerliga styrgrupperna) KS-VP 2012" in [x.get("title") for x in on]
    assert all(x["evidence"] and x["depth"] == 1 for x in on)
    # Subprojects 1 and 3 list "the other subprojects": they must take 2 into account.
    assert sorted(x["number"] for x in d["depended_by"]) == [1, 3]


def test_dependencies_of_a_shared_work_and_depth(seed):
    work = "halmstad-ks-verksamhetsmal-inom-malomradet-naringsliv-och-arbetsmarknad"
    d1 = q.dependencies(seed, work)
    assert d1["depends_on"] == []
    assert sorted(x["number"] for x in d1["depended_by"]) == [1, 2, 3, 4, 6]
    d2 = q.dependencies(seed, sub(5), 2)
    # Subproject 5 names only investigations, which depend on nothing: depth 2 adds nothing.
    assert {x["depth"] for x in d2["depends_on"]} == {1}
    assert len({x["iri"] for x in d2["depended_by"]}) == len(d2["depended_by"])
    for depth in (0, 11):
        with pytest.raises(ValueError):
            q.dependencies(seed, sub(5), depth)


def test_dependencies_two_steps_from_subproject_4(seed):
    d = q.dependencies(seed, sub(4), 2)
    back = {x["number"]: x for x in d["depended_by"]}
    assert set(back) == {1, 2, 3}
    assert all(x["depth"] == 1 for x in back.values())


# -- milestones ----------------------------------------------------------------

def test_milestones_before_1_may_2012_list_the_impossible_date_separately(seed):
    m = q.milestones(seed, before=dt.date(2012, 5, 1))
    assert [x["date"] for x in m["milestones"]] == [
        "2012-02-13", "2012-02-13", "2012-02-21", "2012-02-21", "2012-03-09", "2012-03-09", "2012-03-10",
        "2012-03-31", "2012-04-30"]
    assert {x["of"]["number"] for x in m["milestones"]} == {3, 4, 5, 6}
    assert [x["date_text"] for x in m["invalid_dates"]] == ["2012-04-31"] * 4
    assert sorted(x["of"]["number"] for x in m["invalid_dates"]) == [1, 2, 5, 6]
    assert all(x["evidence"] for x in m["milestones"] + m["invalid_dates"])


def test_month_milestones_count_only_when_the_whole_month_qualifies(seed):
    labels_before_june = [x["label"] for x in q.milestones(seed, before=dt.date(2012, 6, 1))["milestones"]]
    assert "Planerat beslut" in labels_before_june  # maj 2012
    assert "Planerat beslut" not in [x["label"] for x in q.milestones(seed, before=dt.date(2012, 5, 31))["milestones"]]
    after = q.milestones(seed, after=dt.date(2012, 5, 31))["milestones"]
    assert [x["date"] for x in after] == ["2012-09-01", "2013-12-31"]


def test_milestones_of_a_project(seed):
    plan = q.project_iris(seed, PROJECT)
    everything = q.milestones(seed, project_list=plan)
    assert len(everything["milestones"]) + len(everything["invalid_dates"]) == 28
    # Compared in Python for one plan, in the store for all: the same answers.
    for before, after in ((dt.date(2012, 5, 1), None), (dt.date(2012, 6, 1), None), (None, dt.date(2012, 4, 30)),
                          (dt.date(2012, 5, 30), dt.date(2012, 3, 1))):
        assert q.milestones(seed, before, after, project_list=plan) == q.milestones(seed, before, after)


# -- overlaps and show ---------------------------------------------------------

def test_overlaps_rank_subprojects_1_and_2_first(seed):
    pairs = q.overlaps(seed)
    top = pairs[0]
    assert {top["a"]["number"], top["b"]["number"]} == {1, 2}
    assert any(r["kind"].startswith("intention") for r in top["reasons"])


@pytest.mark.parametrize("ref,kind", [
    (sub(3), "subproject"), (DOC, "document"), (PROJECT, "project"), ("halmstad-karolina-davidsson", "person"),
    ("halmstad-hnab", "organisation"), (DOC + "-beslut-plan", "decision"),
])
def test_show_any_entity(seed, ref, kind):
    shown = q.show(seed, ref)
    assert shown["type"] == kind and shown["data"]["id"] == ref
    assert shown["data"]["evidence"]


def test_show_intention_and_typed_ids(seed):
    shown = q.show(seed, DOC + "-intention-8", ("intention",))
    assert shown["type"] == "intention" and shown["data"]["number"] == 8
    assert q.show(seed, DOC + "-bilaga-2", ("appendix",))["data"]["title"] == "NÄRINGSLIVSUTREDNING DELPROJEKT 2"
    with pytest.raises(q.NotFound):
        q.show(seed, "nope")


def test_pages_of_people_and_projects_are_windows_of_the_whole_list(seed):
    everyone = q.people(seed)
    first = q.people_page(seed, offset=0, limit=3)
    rest = q.people_page(seed, offset=3, limit=None)
    assert first.total == rest.total == len(everyone) and first.next_offset == 3 and rest.next_offset is None
    assert first.items + rest.items == everyone
    assert q.people_page(seed, "almer", 0, 1).total == len(q.people(seed, "almer"))
    projects = q.projects(seed)
    assert q.projects_page(seed, 0, 1).items == projects[:1]
    assert q.projects_page(seed, 1, 10).items == projects[1:] and q.projects_page(seed, 5, 10).total == len(projects)
    documents = q.documents(seed)
    assert q.documents_page(seed, 0, 1).items == documents[:1]
    assert q.page(documents, 1, 1).items == [] and q.page(documents, 0, 1).next_offset is None


def test_trace_shows_both_directions_and_never_the_entity_as_its_own_ancestor(seed):
    klu = DOC + "-beslut-2012-02-07-klu"
    t = q.trace(seed, klu, ("decision",))
    assert [c["date"] for c in t["chain"]] == ["2011-12-06", "2011-09-06"]
    assert t["entity"]["iri"] not in [c["iri"] for c in t["chain"]]
    rests = [(x["how"], x["type"], x.get("date") or x.get("number")) for x in t["rests_on_it"]]
    assert rests[0] == ("builds_on", "decision", "2012-02-22")
    assert [n for how, kind, n in rests if how == "decided_by"] == list(range(1, 13))  # the 12 intentions
    # A project: its subprojects rest on it; a subproject: the subprojects that must take it into account.
    assert [x["number"] for x in q.trace(seed, PROJECT)["rests_on_it"] if x["how"] == "part_of"] == [1, 2, 3, 4, 5, 6]
    dp4 = q.trace(seed, sub(4), ("subproject",))["rests_on_it"]
    assert {(x["how"], x["number"]) for x in dp4} == {("considers", 1), ("considers", 2), ("considers", 3)}
    assert q.trace(seed, "halmstad-roger-weman")["rests_on_it"] == []
