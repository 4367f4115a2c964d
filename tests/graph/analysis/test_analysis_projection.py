"""The projection's own behaviour: edges read like dicts, indexes built on use, builds that pause the
garbage collector and give it back, and the ranked overlap list cut with a limit."""
from __future__ import annotations

import gc
import threading

import networkx as nx

from styrgraf.graph.analysis.overlaps import compute_overlaps, overlap_model
from styrgraf.graph.analysis.projection import EdgeData, Projection, bulk_build, load_projection


def _small() -> Projection:
    g = nx.MultiDiGraph()
    g.add_node("sp1", kind="subproject", number=1)
    g.add_node("sp2", kind="subproject", number=2)
    g.add_node("i1", kind="intention", number=1)
    g.add_edge("sp1", "i1", key="c1", rel="addresses", node="c1", scope="Avgränsning")
    g.add_edge("sp2", "i1", key="c2", rel="addresses", node="c2")
    g.add_edge("sp1", "sp2", key="k1", rel="considers", node="k1", siblings=False)
    return Projection.from_networkx(g)


def test_edges_read_like_dicts_and_are_indexed_both_ways():
    p = _small()
    assert p.number_of_nodes() == 3 and p.number_of_edges() == 3
    assert sorted(s for s, _d in p.in_edges("i1", "addresses")) == ["sp1", "sp2"]
    (target, d), = p.out_edges("sp1", "addresses")
    assert target == "i1" and d["node"] == "c1" and d.get("scope") == "Avgränsning" and d["rel"] == "addresses"
    assert d.get("role") is None and d.get("role", "ingen") == "ingen" and "scope" in d and "role" not in d
    assert p.out_edges("sp2", "considers") == [] and p.in_edges("sp2", "considers")[0][0] == "sp1"
    assert p.in_edges("nowhere", "addresses") == [] and "sp1" in p and "nowhere" not in p
    assert EdgeData("considers", node="k1", siblings=False).get("siblings") is False
    assert p.graph.number_of_edges() == 3 and p.graph.nodes["sp1"]["number"] == 1


def test_bulk_build_pauses_the_collector_and_gives_it_back():
    assert gc.isenabled()
    with bulk_build():
        assert not gc.isenabled()
        with bulk_build():  # nested (another thread building at the same time)
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    # A collector turned off by someone else stays off.
    gc.disable()
    try:
        with bulk_build():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_concurrent_builds_resume_the_collector_once_both_end():
    inside, leave = threading.Event(), threading.Event()

    def other():
        with bulk_build():
            inside.set()
            leave.wait(5)

    t = threading.Thread(target=other)
    t.start()
    inside.wait(5)
    with bulk_build():
        pass
    assert not gc.isenabled()  # the other build is still running
    leave.set()
    t.join(5)
    assert gc.isenabled()


def test_limit_keeps_the_first_of_the_ranked_list(hand_store, seed_store):
    for store in (hand_store, seed_store):
        full = compute_overlaps(store, with_evidence=False)
        assert len(full) >= 3
        assert compute_overlaps(store, with_evidence=False, limit=3) == full[:3]
        assert len(overlap_model(store)) == len(full)


def test_projection_is_built_once_per_store_state(seed_store):
    assert load_projection(seed_store) is load_projection(seed_store)
