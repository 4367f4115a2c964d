"""Dependencies (transitive, both ways), cycles, and decision lineage."""
from __future__ import annotations

import networkx as nx
import pytest

from styrgraf.graph.analysis import AnalysisError, depended_by, depends_on, find_cycles, lineage
from styrgraf.graph.analysis.dependencies import dependency_graph
from styrgraf.graph.analysis.projection import Projection, load_projection
from styrgraf.graph.analysis.resolution import Resolution

from tests.graph.analysis.conftest import seed_iri, subproject_by


def test_depends_on_resolves_references_and_walks_deeper_with_depth(seed_store):
    direct = depends_on(seed_store, seed_iri("subproject", "2"), 1)
    entities = {d["entity"]["iri"]: d for d in direct}
    # The reference "Projekt Kultur och Värderingar" is delprojekt 4: an explicit dependency, not a sibling one.
    dp4 = entities[seed_iri("subproject", "4")]
    assert dp4["siblings"] is False and any("Kultur och Värderingar" in w for w in dp4["written"])
    assert dp4["evidence"]
    titles = {d["entity"].get("title") for d in direct if d["entity"]["type"] == "work"}
    assert "Cityutvecklingsprojektet Stadens Hjärta" in titles  # `projektet Stadens hjärta`, resolved
    assert all(d["depth"] == 1 for d in direct)
    deeper = depends_on(seed_store, seed_iri("subproject", "2"), 2)
    assert len(deeper) > len(direct)
    two = [d for d in deeper if d["depth"] == 2]
    assert two and all(len(d["via"]) == 1 for d in two)
    assert any(d["entity"].get("title") == "HNABs affärsplan" for d in two)  # via DP5
    with pytest.raises(AnalysisError):
        depends_on(seed_store, seed_iri("subproject", "2"), 0)
    with pytest.raises(AnalysisError) as err:
        depends_on(seed_store, "finns-inte", 1)
    assert err.value.status == 404


def test_depended_by_finds_everyone_who_must_consider_a_work(seed_store):
    p = load_projection(seed_store)
    [city] = [w for w in p.of_kind("work") if p.node(w)["title"] == "projektet Stadens hjärta"]
    users = {d["entity"]["number"] for d in depended_by(seed_store, city, 1)}
    assert users == {2, 5}
    dp4_users = {d["entity"]["number"] for d in depended_by(seed_store, seed_iri("subproject", "4"), 1)}
    assert {1, 2, 3} <= dp4_users


def test_sibling_cycles_are_info(seed_store):
    cycles = find_cycles(seed_store)
    assert len(cycles) == 1
    [c] = cycles
    assert c["severity"] == "info" and c["kind"] == "siblings"
    assert {m["number"] for m in c["members"]} == {1, 2, 3}
    assert len(c["cycle"]) >= 2 and "Övriga delprojekt" in c["message"]


def test_explicit_cycles_are_warnings():
    g = nx.MultiDiGraph()
    base = "https://styrgraf.example/id/subproject/x-"
    for n in (1, 2, 3):
        g.add_node(base + str(n), kind="subproject", number=n, doc="d", title=f"T{n}")
    g.add_edge(base + "1", base + "2", key="c1", rel="considers", node="c1", siblings=False)
    g.add_edge(base + "2", base + "1", key="c2", rel="considers", node="c2", siblings=False)
    g.add_edge(base + "2", base + "3", key="c3", rel="considers", node="c3", siblings=True)
    dg = dependency_graph(Projection.from_networkx(g), Resolution())
    comps = [c for c in nx.strongly_connected_components(dg) if len(c) > 1]
    assert comps == [{base + "1", base + "2"}]
    assert dg[base + "1"][base + "2"]["siblings"] is False


def test_lineage_both_ways(seed_store):
    down = lineage(seed_store, seed_iri("decision", "2011-09-06-ks"), "down")
    kinds = [(s["relation"], s["entity"]["type"]) for s in down["steps"]]
    assert ("buildsOn", "decision") in kinds and ("generated", "project") in kinds
    assert sum(1 for r, t in kinds if (r, t) == ("hasSubproject", "subproject")) == 6
    dates = [s["entity"]["date"] for s in down["steps"] if s["relation"] == "buildsOn"]
    assert dates == ["2011-12-06", "2012-02-07", "2012-02-22"]
    up = lineage(seed_store, seed_iri("subproject", "2"), "up")
    chain = [(s["relation"], s["entity"]["type"], s["entity"].get("date")) for s in up["steps"]]
    assert chain[0][:2] == ("hasSubproject", "project") and chain[1][:2] == ("generated", "decision")
    assert [c[2] for c in chain[2:]] == ["2012-02-07", "2011-12-06", "2011-09-06"]
    with pytest.raises(AnalysisError):
        lineage(seed_store, seed_iri("subproject", "2"), "sideways")


def test_hand_written_dependencies_cross_documents(hand_store):
    p = load_projection(hand_store)
    a2, b2 = subproject_by(p, "KS 2014/123", 2), subproject_by(p, "KS 2014/201", 2)
    [plan] = [d for d in depends_on(hand_store, a2, 1) if "2014" in (d["entity"].get("title") or "")]
    users = {d["entity"]["iri"] for d in depended_by(hand_store, plan["entity"]["iri"], 1)}
    assert {a2, b2} <= users  # `KS Verksamhetsplan för 2014` and `KS verksamhetsplan 2014`
