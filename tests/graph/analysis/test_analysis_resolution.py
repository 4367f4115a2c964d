"""Entity resolution on hand-made projections, on the seed and on the hand-written plans."""
from __future__ import annotations

import networkx as nx
import pytest

from styrgraf.graph.analysis.projection import Projection, build_projection, load_projection
from styrgraf.graph.analysis.resolution import (
    links_for, load_resolution, resolution_graph_iri, resolve_projection, store_resolution,
)
from styrgraf.graph.documents import remove_document
from styrgraf.ontology.terms import OWL, SG

from tests.graph.analysis.conftest import ingest_all, people_named, seed_iri, subproject_by

BASE = "https://styrgraf.example/id/"


def _projection(people=(), orgs=(), works=()) -> Projection:
    g = nx.MultiDiGraph()
    for iri, name, scope in people:
        g.add_node(BASE + "person/" + iri, kind="person", name=name, names={name}, scope=scope, docs=set(), titles=set())
    for iri, name, abbr, scope in orgs:
        g.add_node(BASE + "org/" + iri, kind="organisation", name=name, abbreviation=abbr, municipality=False,
                   scope=scope, docs=set())
    for iri, title, scope in works:
        g.add_node(BASE + "work/" + iri, kind="work", title=title, identifier=None, work_kind="other", scope=scope,
                   docs=set())
    return Projection.from_networkx(g)


def _pairs(res, kind=None):
    return {(frozenset((m.a.rsplit("/", 1)[1], m.b.rsplit("/", 1)[1])), m.identity)
            for m in res.matches if kind is None or m.kind == kind}


def test_people_diacritics_case_and_hyphens_are_one_person():
    p = _projection(people=[("a", "Stefan Almér", "x"), ("b", "Stefan Almer", "x"), ("c", "STEFAN ALMÉR", "x"),
                            ("d", "Eva-Lena Torudd", "x"), ("e", "Eva Lena Torudd", "x")])
    res = resolve_projection(p)
    assert res.canon(BASE + "person/a") == res.canon(BASE + "person/b") == res.canon(BASE + "person/c")
    assert res.canon(BASE + "person/d") == res.canon(BASE + "person/e")
    # The canonical name keeps its diacritics.
    assert p.node(res.canon(BASE + "person/b"))["name"] in ("Stefan Almér", "STEFAN ALMÉR")


def test_middle_initial_is_only_possibly_the_same_person():
    p = _projection(people=[("a", "Johan F Lundberg", "x"), ("b", "Johan Lundberg", "x"), ("c", "Johan G Lundberg", "x")])
    res = resolve_projection(p)
    assert (frozenset({"a", "b"}), False) in _pairs(res)
    assert res.canon(BASE + "person/a") != res.canon(BASE + "person/b")
    assert BASE + "person/b" in res.possibly(BASE + "person/a")
    # Two different middle initials: two people.
    assert not any({"a", "c"} == set(pair) for pair, _ in _pairs(res))


def test_people_sharing_only_a_surname_or_in_another_municipality_stay_apart():
    p = _projection(people=[("a", "Ingegerd Andersson", "x"), ("b", "Ida Andersson", "x"),
                            ("c", "Bengt Andersson", "x"), ("d", "Maria Holm", "x"), ("e", "Maria Holm", "y")])
    res = resolve_projection(p)
    assert res.matches == []


def test_organisation_abbreviation_full_name_and_initials():
    p = _projection(orgs=[("hnab", "Halmstads Näringslivs AB", "HNAB", "x"), ("hnab2", "HNAB", None, "x"),
                          ("full", "Halmstad Näringslivs AB", None, "x"), ("seab", "Solviks Energi AB", None, "x"),
                          ("seab2", "SEAB", "SEAB", "x"), ("other", "HNAB", None, "y")])
    res = resolve_projection(p)
    one = {res.canon(BASE + "org/" + k) for k in ("hnab", "hnab2", "full")}
    assert len(one) == 1
    assert res.canon(BASE + "org/seab") == res.canon(BASE + "org/seab2")  # initials S-E-A-B
    assert res.canon(BASE + "org/other") == BASE + "org/other"  # another municipality
    methods = {m.method for m in res.matches}
    assert {"same-name", "abbreviation", "initials"} <= methods


def test_work_titles_merge_only_when_confident():
    p = _projection(works=[("a", "KS-VP 2014", "x"), ("b", "KS Verksamhetsplan för 2014", "x"),
                           ("c", "KS verksamhetsplan 2014", "x"), ("d", "KS-VP 2015", "x"),
                           ("e", "KS verksamhetsplan", "x"), ("f", "KS-VP 2014", "y")])
    res = resolve_projection(p)
    assert res.canon(BASE + "work/a") == res.canon(BASE + "work/b") == res.canon(BASE + "work/c")
    assert res.canon(BASE + "work/d") == BASE + "work/d"
    assert res.canon(BASE + "work/e") == BASE + "work/e" and res.possibly(BASE + "work/e")
    assert res.canon(BASE + "work/f") == BASE + "work/f"


def test_blocking_never_compares_all_pairs():
    # 400 people with distinct surnames: no block holds two of them, so no comparison is made at all.
    people = [(f"p{i}", f"Anna Efternamn{chr(97 + i % 26)}{chr(97 + i // 26)}x", "x") for i in range(400)]
    res = resolve_projection(_projection(people=people))
    assert res.matches == []


# --- on the seed ---------------------------------------------------------------------------------------------

def test_seed_investigations_shared_across_subprojects_are_single_entities(seed_store):
    p, res = load_resolution(seed_store)
    by_title = {p.node(w)["title"]: w for w in p.of_kind("work")}
    a = by_title["Pågående projekt om att utveckla samordning, controlling mm"]
    b = by_title["Pågående projekt om att utveckla visionsstyrning, samordning, controlling mm"]
    assert res.canon(a) == res.canon(b)
    assert res.canon(by_title["projektet Stadens hjärta"]) == res.canon(by_title["Cityutvecklingsprojektet Stadens Hjärta"])
    # "Projekt Kultur och Värderingar" that DP2 must consider is delprojekt 4 of the same plan.
    assert res.canon(by_title["Projekt Kultur och Värderingar (Kultur och värderingsprojektet)"]) == seed_iri("subproject", "4")
    # Different works stay different.
    assert res.canon(by_title["Cityföreningens affärsplan"]) != res.canon(by_title["HNABs affärsplan"])
    # The surname-only Anderssons stay three people.
    assert len({res.canon(x) for name in ("Ingegerd Andersson", "Ida Andersson", "Bengt Andersson")
                for x in people_named(p, name)}) == 3


# --- on the hand-written plans ---------------------------------------------------------------------------------

def test_hand_written_variants_resolve(hand_store):
    p, res = load_resolution(hand_store)
    works = {}
    for w in p.of_kind("work"):
        works.setdefault(p.node(w)["title"], []).append(w)
    plan = {res.canon(w) for t in ("KS-VP 2014", "KS Verksamhetsplan för 2014", "KS verksamhetsplan 2014")
            for w in works[t]}
    assert len(plan) == 1
    city = {res.canon(w) for t in ("projektet Levande stadskärna", "Stadskärneprojektet Levande Stadskärna")
            for w in works[t]}
    assert len(city) == 1
    kund = {res.canon(w) for t in ("Pågående projekt om att utveckla kundtjänst, ärendehantering mm",
                                   "Pågående projekt om att utveckla e-tjänster, kundtjänst, ärendehantering mm")
            for w in works[t]}
    assert len(kund) == 1
    # People: diacritics one person, middle initial possibly, surnames apart, other municipality apart.
    assert len({res.canon(x) for x in people_named(p, "Erik Sjöström") + people_named(p, "Erik Sjostrom")}) == 1
    [anna_k] = people_named(p, "Anna K Berglund")
    [anna] = people_named(p, "Anna Berglund")
    assert res.canon(anna_k) != res.canon(anna) and res.canon(anna) in res.possibly(anna_k)
    nilssons = [x for n in ("Karin Nilsson", "Olof Nilsson", "Per Nilsson") for x in people_named(p, n)]
    assert len({res.canon(x) for x in nilssons}) == 3
    holms = {res.canon(x) for x in people_named(p, "Maria Holm")}
    assert len(holms) == 2  # Solvik's and Ekby's
    # The organisation defined as `Solviks Näringslivsbolag AB (SNAB)` in A and written `SNAB` in B.
    snab = {res.canon(o) for o in p.of_kind("organisation") if p.node(o).get("abbreviation") == "SNAB"
            or p.node(o).get("name") == "SNAB"}
    assert len(snab) == 1
    # B writes it out in full once more (`Referensgrupp: Solviks Näringslivsbolag AB`): the same
    # organisation, known by name and abbreviation, and never a person.
    full = [o for o in p.of_kind("organisation") if p.node(o).get("name") == "Solviks Näringslivsbolag AB"]
    assert full and {res.canon(o) for o in full} == snab
    assert p.node(next(iter(snab))).get("abbreviation") == "SNAB"
    assert not [x for x in p.of_kind("person") if "Näringslivsbolag" in (p.node(x).get("name") or "")]


def test_store_resolution_records_method_and_confidence_and_is_idempotent(fresh_store, hand_docs):
    ingest_all(fresh_store, [hand_docs["A"], hand_docs["B"]])
    first = store_resolution(fresh_store)
    graph = resolution_graph_iri()
    assert first["graph"] == graph and fresh_store.has_graph(graph)
    rows = fresh_store.select(f"""SELECT ?m ?method ?conf ?identity WHERE {{ GRAPH <{graph}> {{
        ?m a <{SG.EntityMatch}> ; <{SG.matchMethod}> ?method ; <{SG.confidence}> ?conf ; <{SG.identity}> ?identity }} }}""")
    assert rows and all(0 < float(r["conf"]) <= 1 for r in rows)
    assert {str(r["method"]) for r in rows} >= {"equal-terms", "middle-initial"}
    same = fresh_store.select(f"SELECT ?a ?b WHERE {{ GRAPH <{graph}> {{ ?a <{OWL.sameAs}> ?b }} }}")
    possible = fresh_store.select(f"SELECT ?a ?b WHERE {{ GRAPH <{graph}> {{ ?a <{SG.possiblySame}> ?b }} }}")
    assert same and possible
    before = fresh_store.export("nquads", graph)
    store_resolution(fresh_store)
    assert fresh_store.export("nquads", graph) == before
    # The stored links, as the API shows them.
    p = load_projection(fresh_store)
    [anna] = people_named(p, "Anna Berglund")
    links = links_for(fresh_store, anna)
    assert links["possibly_same"] and links["possibly_same"][0]["method"] == "middle-initial"
    assert not links["same_as"]


def test_removing_a_document_and_rerunning_cleans_up(fresh_store, hand_docs):
    ingest_all(fresh_store, [hand_docs["A"], hand_docs["B"]])
    store_resolution(fresh_store)
    graph = resolution_graph_iri()
    assert fresh_store.ask(f"ASK {{ GRAPH <{graph}> {{ ?a <{SG.possiblySame}> ?b }} }}")
    p = load_projection(fresh_store)
    doc_b = next(d for d in p.of_kind("document") if p.node(d).get("identifier") == "KS 2014/201")
    assert remove_document(fresh_store, doc_b)
    store_resolution(fresh_store)
    # Anna Berglund was only in B: no possibly-same link is left, and no match derives from B's graph.
    assert not fresh_store.ask(f"ASK {{ GRAPH <{graph}> {{ ?a <{SG.possiblySame}> ?b }} }}")
    b_graph = p.node(doc_b)["graph"]
    assert not fresh_store.ask(f"ASK {{ GRAPH <{graph}> {{ ?m ?p <{b_graph}> }} }}")
    # A's own variants are still one entity.
    p2, res2 = load_resolution(fresh_store)
    variants = [w for w in p2.of_kind("work") if p2.node(w)["title"] in ("KS-VP 2014", "KS Verksamhetsplan för 2014")]
    assert len(variants) == 2 and len({res2.canon(w) for w in variants}) == 1


def test_projection_is_built_with_a_fixed_number_of_queries(fresh_store, hand_docs):
    class Counting:
        def __init__(self, store):
            self.store, self.calls = store, 0
            self.location = store.location

        def select(self, q, **kw):
            self.calls += 1
            return self.store.select(q, **kw)

        def query_raw(self, q, accept, **kw):
            self.calls += 1
            return self.store.query_raw(q, accept, **kw)

    ingest_all(fresh_store, [hand_docs["A"]])
    one = Counting(fresh_store)
    build_projection(one)
    ingest_all(fresh_store, [hand_docs["B"], hand_docs["C"]])
    three = Counting(fresh_store)
    p = build_projection(three)
    assert one.calls == three.calls
    assert len(p.of_kind("document")) == 3


@pytest.mark.parametrize("name", ["Stefan Almér", "Björn Kalla"])
def test_seed_people_keep_one_iri_each(seed_store, name):
    p = load_projection(seed_store)
    assert len(people_named(p, name)) == 1
