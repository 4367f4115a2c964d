"""Person resolution weighed by name, titles, bodies, parties and years, on hand-made projections."""
from __future__ import annotations

import networkx as nx
import pytest

from styrgraf.graph.analysis.person_resolution import MERGE_THRESHOLD, compare_names
from styrgraf.graph.analysis.projection import Projection
from styrgraf.graph.analysis.resolution import resolution_graph, resolve_projection
from styrgraf.ontology.terms import OWL, SG

BASE = "https://styrgraf.example/id/"


def _build(people: list[dict], docs: dict[str, str] = {}, orgs: dict[str, str] = {}) -> Projection:
    """People as dicts: key, name, scope, and optionally docs, titles, parties, bodies (org keys)."""
    g = nx.MultiDiGraph()
    for key, date in docs.items():
        g.add_node(BASE + "doc/" + key, kind="document", date=date, graph=BASE + "graph/" + key, scope="x")
    for key, name in orgs.items():
        g.add_node(BASE + "org/" + key, kind="organisation", name=name, abbreviation=None, municipality=False,
                   scope="x", docs=[])
    for p in people:
        g.add_node(BASE + "person/" + p["key"], kind="person", name=p["name"], names=[p["name"]], scope=p.get("scope", "x"),
                   docs=[BASE + "doc/" + d for d in p.get("docs", ())], titles=list(p.get("titles", ())),
                   parties=list(p.get("parties", ())), bodies=[BASE + "org/" + o for o in p.get("bodies", ())])
    return Projection.from_networkx(g)


def _person_matches(p: Projection) -> dict[frozenset, object]:
    res = resolve_projection(p)
    return res, {frozenset((m.a.rsplit("/", 1)[1], m.b.rsplit("/", 1)[1])): m for m in res.matches if m.kind == "person"}


def _codes(match) -> list[str]:
    return [r.code for r in match.reasons]


@pytest.mark.parametrize("a,b,method", [
    ("Anna Berg", "Anna Berg", "same-name"),
    ("Stefan Almér", "STEFAN ALMER", "folded-name"),
    ("Johan F Lundberg", "Johan Lundberg", "middle-initial"),
    ("Johan F Lundberg", "Johan Fredrik Lundberg", "middle-name-initial"),
    ("A. Berg", "Anna Berg", "initial"),
    ("A Berg", "Anna K Berg", "initial"),
    ("Anna Berg", "Anders Berg", None),       # different first names: two people
    ("A. Berg", "B. Berg", None),
    ("Anna Berg", "Anna Bergström", None),    # different surnames
    ("Johan F Lundberg", "Johan G Lundberg", None),
    ("Berg", "Anna Berg", None),              # a surname alone is nobody in particular
])
def test_name_evidence(a, b, method):
    assert compare_names(a, b) == method


def test_an_initial_alone_is_a_candidate_and_resolves_only_with_support():
    docs = {"plan": "2023-05-02", "ks": "2023-03-14"}
    p = _build([
        {"key": "a-berg", "name": "A. Berg", "docs": ["plan"]},
        {"key": "anna-berg", "name": "Anna Berg", "docs": ["ks"]},
        {"key": "a-lind", "name": "A. Lind", "docs": ["plan"], "titles": ["kommundirektör"]},
        {"key": "anna-lind", "name": "Anna Lind", "docs": ["ks"], "titles": ["tf kommundirektör"]},
    ], docs)
    res, found = _person_matches(p)
    weak = found[frozenset({"a-berg", "anna-berg"})]
    assert (weak.method, weak.confidence, weak.identity) == ("initial", 0.6, False)
    assert _codes(weak) == ["initial", "same-municipality", "years-close"]
    assert res.canon(BASE + "person/a-berg") != res.canon(BASE + "person/anna-berg")
    assert BASE + "person/anna-berg" in res.possibly(BASE + "person/a-berg")
    strong = found[frozenset({"a-lind", "anna-lind"})]
    assert (strong.confidence, strong.identity) == (0.8, True)
    assert _codes(strong) == ["initial", "same-municipality", "same-title", "years-close"]
    assert res.canon(BASE + "person/a-lind") == res.canon(BASE + "person/anna-lind")


def test_body_party_and_years_raise_or_lower_a_middle_initial():
    docs = {"ks12": "2012-02-07", "ks23": "2023-03-14", "plan23": "2023-05-02", "ks24": "2024-02-13"}
    orgs = {"ks": "Kommunstyrelsen", "bun": "Barn- och utbildningsnämnden"}
    p = _build([
        {"key": "lars-ek", "name": "Lars Ek", "docs": ["ks23"], "parties": ["M"], "bodies": ["ks"]},
        {"key": "lars-g-ek", "name": "Lars G Ek", "docs": ["ks24"], "parties": ["M"], "bodies": ["ks"]},
        {"key": "eva-strand", "name": "Eva Strand", "docs": ["ks23"], "parties": ["C"], "bodies": ["ks"]},
        {"key": "eva-m-strand", "name": "Eva M Strand", "docs": ["ks24"], "parties": ["S"], "bodies": ["ks"]},
        {"key": "per-lund", "name": "Per Lund", "docs": ["ks12"], "titles": ["ekonomichef"]},
        {"key": "per-a-lund", "name": "Per A Lund", "docs": ["plan23"], "titles": ["ekonomichef"]},
        {"key": "ola-vik", "name": "Ola Vik", "docs": ["ks12"], "bodies": ["bun"]},
        {"key": "ola-b-vik", "name": "Ola B Vik", "docs": ["plan23"]},
    ], docs, orgs)
    res, found = _person_matches(p)
    lars = found[frozenset({"lars-ek", "lars-g-ek"})]
    assert (lars.confidence, lars.identity) == (0.95, True)
    assert _codes(lars) == ["middle-initial", "same-municipality", "same-body", "same-party", "years-close"]
    assert [r.detail for r in lars.reasons if r.code == "same-body"] == ["Kommunstyrelsen"]
    # Different parties outweigh the same body and close years: not even a candidate.
    assert frozenset({"eva-strand", "eva-m-strand"}) not in found
    # The same title eleven years apart: a candidate, kept apart.
    per = found[frozenset({"per-lund", "per-a-lund"})]
    assert (per.confidence, per.identity) == (0.65, False)
    assert _codes(per)[2:] == ["same-title", "years-apart"]
    assert [r.detail for r in per.reasons if r.code == "years-apart"] == ["2023 / 2012"]  # Per A Lund / Per Lund
    # Nothing but the name, far apart in time.
    ola = found[frozenset({"ola-vik", "ola-b-vik"})]
    assert (ola.confidence, ola.identity) == (0.45, False)
    assert res.canon(BASE + "person/lars-g-ek") == res.canon(BASE + "person/lars-ek")
    assert len({res.canon(BASE + "person/" + k) for k in ("per-lund", "per-a-lund", "ola-vik", "ola-b-vik")}) == 4


def test_conflicting_titles_keep_a_middle_initial_apart():
    docs = {"plan": "2023-05-02", "ks": "2024-02-13"}
    p = _build([{"key": "omar-b", "name": "Omar B Sandell", "docs": ["plan"], "titles": ["utvecklingschef"]},
                {"key": "omar", "name": "Omar Sandell", "docs": ["ks"], "titles": ["miljöchef"]}], docs)
    _res, found = _person_matches(p)
    m = found[frozenset({"omar-b", "omar"})]
    assert (m.confidence, m.identity) == (0.4, False)
    assert [(r.code, r.weight) for r in m.reasons][2:] == [("conflicting-titles", -0.3), ("years-close", 0.1)]


def test_namesakes_of_other_municipalities_and_of_no_municipality_stay_apart():
    docs = {"n": "2023-03-14", "s": "2023-04-11"}
    p = _build([
        {"key": "norrvik-anna-berg", "name": "Anna Berg", "scope": "norrvik", "docs": ["n"], "titles": ["kommundirektör"]},
        {"key": "sjoby-anna-berg", "name": "Anna Berg", "scope": "sjoby", "docs": ["s"], "titles": ["kommundirektör"]},
        {"key": "sjoby-a-berg", "name": "A. Berg", "scope": "sjoby", "docs": ["s"]},
        {"key": "okand-anna-berg", "name": "Anna Berg", "scope": "okand", "docs": ["s"]},
        {"key": "okand-anna-k-berg", "name": "Anna K Berg", "scope": "okand", "docs": ["s"]},
    ], docs)
    res, found = _person_matches(p)
    assert set(found) == {frozenset({"sjoby-anna-berg", "sjoby-a-berg"})}
    assert not found[frozenset({"sjoby-anna-berg", "sjoby-a-berg"})].identity
    assert res.canonical == {}


def test_reasons_are_recorded_in_the_resolution_graph():
    docs = {"plan": "2023-05-02", "ks": "2023-03-14"}
    p = _build([{"key": "a-lind", "name": "A. Lind", "docs": ["plan"], "titles": ["kommundirektör"]},
                {"key": "anna-lind", "name": "Anna Lind", "docs": ["ks"], "titles": ["kommundirektör"]},
                {"key": "a-berg", "name": "A. Berg", "docs": ["plan"]},
                {"key": "anna-berg", "name": "Anna Berg", "docs": ["ks"]}], docs)
    res = resolve_projection(p)
    g = resolution_graph(p, res)
    reasons = {str(o) for o in g.objects(None, SG.matchReason)}
    assert {"initial +0.50: A. Lind / Anna Lind", "same-title +0.20: kommundirektör / kommundirektör",
            "years-close +0.10: 2023 / 2023", "initial +0.50: A. Berg / Anna Berg"} <= reasons
    same = {(s.rsplit("/", 1)[1], o.rsplit("/", 1)[1]) for s, o in g.subject_objects(OWL.sameAs)}
    assert len(same) == 1 and set(next(iter(same))) == {"a-lind", "anna-lind"}
    possible = {frozenset((s.rsplit("/", 1)[1], o.rsplit("/", 1)[1])) for s, o in g.subject_objects(SG.possiblySame)}
    assert possible == {frozenset({"a-berg", "anna-berg"})}
    assert MERGE_THRESHOLD == 0.8
