"""Dependencies between subprojects and what they must take into account, and decision lineage.

The dependency graph has an edge from a subproject to each work (investigation,
project, process, plan, decision) or subproject it must take into account,
after entity resolution: a reference that resolves to a subproject or a stored
document points at that entity. `Övriga delprojekt` edges (sg:siblings) make
every subproject of a plan depend on every other, so such plans always have
cycles; they are reported as info, other cycles as warnings.

Lineage follows the case: an assignment, its tabling, the decision that laid
down the intentions, the plan (sg:buildsOn), the project the plan's decision
generated (prov:generated) and its subprojects (sg:hasSubproject). It can be
walked downstream (from the assignment to the subprojects) or upstream.
"""
from __future__ import annotations

from collections import deque

import networkx as nx

from styrgraf.graph.entities import resolve
from styrgraf.graph.store.interface import GraphStore

from styrgraf.graph.analysis.projection import AnalysisError, Projection, cached, evidence
from styrgraf.graph.analysis.resolution import Resolution, load_resolution


def dependency_graph(p: Projection, res: Resolution) -> nx.DiGraph:
    """subproject -> canonical target, with the consideration statements as `nodes`."""
    g = nx.DiGraph()
    for u, v, d in p.edges_of("considers"):
        if p.kind(u) != "subproject":
            continue
        a, b = res.canon(u), res.canon(v)
        if a == b:
            continue
        if g.has_edge(a, b):
            g[a][b]["nodes"].append(d["node"])
            g[a][b]["siblings"] = g[a][b]["siblings"] and bool(d.get("siblings"))
            g[a][b]["written"].add(v)
        else:
            g.add_edge(a, b, nodes=[d["node"]], siblings=bool(d.get("siblings")), written={v})
    return g


def _load(store: GraphStore) -> tuple[Projection, Resolution, nx.DiGraph]:
    def build():
        p, res = load_resolution(store)
        return p, res, dependency_graph(p, res)
    return cached(store, "dependencies", build)


def _start(store: GraphStore, p: Projection, res: Resolution, entity: str, types: tuple[str, ...]) -> str:
    iri = resolve(store, entity, types)
    if iri is None or iri not in p:
        raise AnalysisError.of("entity.unknown", 404, ref=entity)
    return res.canon(iri)


def _walk(p: Projection, g: nx.DiGraph, start: str, depth: int, reverse: bool) -> list[dict]:
    if depth < 1:
        raise AnalysisError.of("param.at_least_one", name="depth")
    seen = {start: 0}
    out = []
    queue = deque([(start, [start])])
    while queue:
        node, path = queue.popleft()
        d = len(path) - 1
        if d >= depth or node not in g:
            continue
        neighbours = g.predecessors(node) if reverse else g.successors(node)
        for nxt in sorted(neighbours, key=lambda x: (p.node(x).get("number") or 0, x)):
            if nxt in seen:
                continue
            seen[nxt] = d + 1
            edge = g[nxt][node] if reverse else g[node][nxt]
            out.append({"entity": p.entity_obj(nxt), "depth": d + 1, "via": [p.entity_obj(x) for x in path[1:]],
                        "siblings": edge["siblings"], "written": sorted(p.label(w) for w in edge["written"]),
                        "_nodes": list(edge["nodes"])})
            queue.append((nxt, path + [nxt]))
    return out


def _with_evidence(store: GraphStore, items: list[dict], with_evidence: bool) -> list[dict]:
    ev = evidence(store, [n for it in items for n in it["_nodes"]]) if with_evidence else {}
    for it in items:
        nodes = it.pop("_nodes")
        if with_evidence:
            it["evidence"] = [e for n in nodes for e in ev.get(n, [])]
    return items


def depends_on(store: GraphStore, iri: str, depth: int = 1, *, with_evidence: bool = True) -> list[dict]:
    """What a subproject must take into account, transitively up to `depth` steps."""
    p, res, g = _load(store)
    start = _start(store, p, res, iri, ("subproject", "work", "document", "decision"))
    return _with_evidence(store, _walk(p, g, start, depth, reverse=False), with_evidence)


def depended_by(store: GraphStore, iri: str, depth: int = 1, *, with_evidence: bool = True) -> list[dict]:
    """Which subprojects must take this entity into account, transitively up to `depth` steps."""
    p, res, g = _load(store)
    start = _start(store, p, res, iri, ("work", "subproject", "document", "decision"))
    return _with_evidence(store, _walk(p, g, start, depth, reverse=True), with_evidence)


def find_cycles(store: GraphStore, lang: str = "sv") -> list[dict]:
    """Strongly connected groups of subprojects (each a set of cycles), with one example cycle each."""
    p, res, g = _load(store)
    out = []
    for comp in nx.strongly_connected_components(g):
        if len(comp) < 2:
            continue
        sub = g.subgraph(comp)
        siblings_only = all(d["siblings"] for _u, _v, d in sub.edges(data=True))
        members = sorted(comp, key=lambda x: (p.node(x).get("doc") or "", p.node(x).get("number") or 0, x))
        example = [u for u, _v in nx.find_cycle(sub, source=members[0])]
        labels = ", ".join(p.label(m) for m in members)
        chain = " → ".join(p.label(m) for m in example + example[:1])
        if siblings_only:
            sv = (f"{labels} ska alla beakta varandra (”Övriga delprojekt”), t.ex. {chain}: samordna dem, "
                  "men det är inget fel")
            en = f"{labels} must all take each other into account (\"Övriga delprojekt\"), e.g. {chain}"
        else:
            sv = f"Cirkulärt beroende mellan {labels}: {chain}"
            en = f"Circular dependency between {labels}: {chain}"
        out.append({
            "severity": "info" if siblings_only else "warning",
            "kind": "siblings" if siblings_only else "explicit",
            "message": sv if lang == "sv" else en,
            "members": [p.entity_obj(m) for m in members],
            "cycle": [p.entity_obj(m) for m in example],
            "edges": sub.number_of_edges(),
        })
    out.sort(key=lambda c: (c["severity"] != "warning", c["members"][0]["iri"]))
    return out


# --- lineage ------------------------------------------------------------------------------------------------

def lineage_graph(p: Projection) -> nx.DiGraph:
    """Downstream edges: earlier decision -> later, plan decision -> project -> subproject, decision -> intention."""
    g = nx.DiGraph()
    for u, v, d in p.edges():
        rel = d.get("rel")
        if rel == "builds_on":
            g.add_edge(v, u, relation="buildsOn")
        elif rel == "generated":
            g.add_edge(u, v, relation="generated")
        elif rel == "has_subproject":
            g.add_edge(u, v, relation="hasSubproject")
        elif rel == "decided_by":
            g.add_edge(v, u, relation="decidedBy")
    return g


def lineage(store: GraphStore, iri: str, direction: str = "down", *, with_evidence: bool = False) -> dict:
    """The decision chain through an entity, downstream ("down": towards the subprojects) or upstream ("up")."""
    aliases = {"down": "down", "forward": "down", "downstream": "down", "up": "up", "backward": "up",
               "upstream": "up"}
    if direction not in aliases:
        raise AnalysisError.of("param.direction")
    direction = aliases[direction]

    def build():
        from styrgraf.graph.analysis.projection import load_projection
        p = load_projection(store)
        return p, lineage_graph(p)
    p, g = cached(store, "lineage", build)
    start = resolve(store, iri, ("decision", "project", "subproject", "document", "intention"))
    if start is None or start not in p:
        raise AnalysisError.of("entity.unknown", 404, ref=iri)
    if p.kind(start) == "document":
        projects = [v for v, _d in p.out_edges(start, "describes")]
        if not projects:
            raise AnalysisError.of("document.no_project", 404, ref=iri)
        start = projects[0]
    steps = []
    seen = {start}
    queue = deque([(start, 0)])
    while queue:
        node, d = queue.popleft()
        if node not in g:
            continue
        edges = g.out_edges(node, data=True) if direction == "down" else g.in_edges(node, data=True)
        for u, v, data in sorted(edges, key=lambda e: (p.node(e[1] if direction == "down" else e[0]).get("date") or "",
                                                         e[0], e[1])):
            nxt = v if direction == "down" else u
            if nxt in seen:
                continue
            seen.add(nxt)
            steps.append({"entity": p.entity_obj(nxt), "relation": data["relation"], "depth": d + 1,
                          "from": p.entity_obj(node)})
            queue.append((nxt, d + 1))
    if with_evidence:
        ev = evidence(store, [s["entity"]["iri"] for s in steps])
        for s in steps:
            s["evidence"] = ev.get(s["entity"]["iri"], [])
    return {"start": p.entity_obj(start), "direction": direction, "steps": steps}
