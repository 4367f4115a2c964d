"""`graph.plan_graph` on the seed plan ingested into a real store: the subprojects, the intentions
they address, their people and what they must take into account, each edge with its evidence."""
from __future__ import annotations

import pytest

from styrgraf.graph.plan_graph import plan_graph
from styrgraf.graph.queries import NotFound
from styrgraf.graph.store.interface import open_store
from tests.api.server_support import build_seed_store

PLAN = "halmstad-projektplan-ks-2011-0456-2012-02-22"
SUB = PLAN + "-delprojekt-{}"


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    store = open_store(str(build_seed_store(tmp_path_factory.mktemp("plan-graph") / "store")))
    yield plan_graph(store, PLAN + "-projekt"), store
    store.close()


def _edges(graph: dict, kind: str, source: int) -> list[dict]:
    return [e for e in graph["edges"] if e["kind"] == kind and e["source"].endswith("/" + SUB.format(source))]


def test_the_plan_has_its_six_subprojects_and_twelve_intentions(graph):
    g, _store = graph
    assert [s["number"] for s in g["subprojects"]] == [1, 2, 3, 4, 5, 6]
    assert [i["number"] for i in g["intentions"]] == list(range(1, 13))


def test_subproject_1_addresses_intention_8_with_its_scope_quoted(graph):
    g, _store = graph
    edge = next(e for e in _edges(g, "addresses", 1) if e["target"].endswith("-intention-8"))
    assert any("SPH som strategisk resurs" in e["quote"] for e in edge["evidence"])


def test_bjorn_kalla_leads_subprojects_1_and_2(graph):
    g, _store = graph
    led = sorted(int(e["source"].rsplit("-", 1)[1]) for e in g["edges"] if e["kind"] == "member"
                 and e["target"].endswith("/halmstad-bjorn-kalla") and e["role"]["key"] == "projektledare")
    assert led == [1, 2]
    edge = next(e for e in _edges(g, "member", 1) if e["target"].endswith("/halmstad-bjorn-kalla"))
    assert {e["page"] for e in edge["evidence"]} == {4, 6}


def test_considerations_reach_investigations_and_the_sibling_subprojects(graph):
    g, _store = graph
    considered = {e["target"].rsplit("/", 1)[1]: e for e in _edges(g, "considers", 1)}
    assert SUB.format(2) in considered and considered[SUB.format(2)]["siblings"]
    regional = "halmstad-utredning-regional-samordning-kontinuerliga-styrgrupperna-ks-vp-2012"
    assert regional in considered and not considered[regional]["siblings"]
    assert considered[regional]["evidence"]
    assert regional in {w["id"] for w in g["works"]}
    assert not _edges(g, "considers", 4) or all(not e["siblings"] for e in _edges(g, "considers", 4))


def test_the_plan_document_names_the_same_graph_and_an_unknown_id_is_not_found(graph):
    g, store = graph
    assert plan_graph(store, PLAN)["edges"] == g["edges"]
    with pytest.raises(NotFound):
        plan_graph(store, "inget-sadant-projekt")
