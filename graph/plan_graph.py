"""The dependency graph of a whole plan: its subprojects, the intentions they address, the people
and organisations in them, and what they must take into account (`sg:Consideration`: named
investigations, plans and projects, or the plan's other subprojects), as nodes and edges.

One query per chunk of subprojects (each subproject's IRI written into its branch, as in
`graph.queries.intentions`, so that Oxigraph walks from it by index lookups), then the entity
objects and the evidence of every edge in batches. Each edge carries the evidence of the node
that states it (the coverage, the membership, the consideration).
"""
from __future__ import annotations

from styrgraf.ontology.terms import sparql_prefixes

from styrgraf.graph.describe import CHUNK, boolean, describe, evidence, integer
from styrgraf.graph.entities import entity_type
from styrgraf.graph.errors import Words
from styrgraf.graph.queries import NOT_FOUND, NotFound, project_iris, role_object, _role_rank, _rows

P = sparql_prefixes()

# Edge kinds, in the order a reader meets them: what a subproject addresses, who is in it, what it
# must take into account.
EDGE_KINDS = ("addresses", "member", "considers")


def _branches(sp: str) -> str:
    S = f"<{sp}>"
    return f"""{{ BIND({S} AS ?sp) ?node a sg:Coverage ; sg:subproject {S} ; sg:intention ?target .
                   BIND("addresses" AS ?kind) }}
        UNION {{ BIND({S} AS ?sp) ?node org:organization {S} ; org:member ?target ; org:role ?role .
                 BIND("member" AS ?kind) OPTIONAL {{ ?node sg:roleText ?roleText }} }}
        UNION {{ BIND({S} AS ?sp) ?node a sg:Consideration ; sg:subproject {S} ; sg:considers ?target .
                 BIND("considers" AS ?kind) OPTIONAL {{ ?node sg:siblings ?sib }} }}"""


def _plan_rows(store, subprojects: list[str]) -> list[dict]:
    rows = []
    for start in range(0, len(subprojects), CHUNK):
        rows += _rows(store, "SELECT ?sp ?kind ?node ?target ?role ?roleText ?sib WHERE { "
                      + " UNION ".join(_branches(sp) for sp in subprojects[start:start + CHUNK]) + " }")
    return rows


def _plan_intentions(store, project: str) -> list[str]:
    """Every intention of the plan's scheme, also those no subproject addresses."""
    rows = _rows(store, f"""SELECT DISTINCT ?i WHERE {{ <{project}> dcterms:source ?doc .
        ?scheme dcterms:source ?doc ; a sg:IntentionScheme . ?i skos:inScheme ?scheme }}""")
    return sorted(str(r["i"]) for r in rows)


def plan_graph(store, ref: str) -> dict:
    """The graph of the plan a project or plan-document id names: `{project, subprojects,
    intentions, people, organisations, works, edges}`; each edge `{kind, source, target, role,
    role_text, siblings, evidence}` goes from a subproject (`source`, an IRI) to an entity of
    one of the lists (`target`; a subproject for a dependency between subprojects)."""
    projects = project_iris(store, ref)
    if not projects:
        raise NotFound.of("entity.missing", kind=Words(*NOT_FOUND["project"]), ref=ref)
    project = projects[0]
    subs = sorted(str(r["s"]) for r in _rows(store, f"SELECT DISTINCT ?s WHERE {{ <{project}> sg:hasSubproject ?s }}"))
    rows = _plan_rows(store, subs)
    intentions = _plan_intentions(store, project)
    targets = [str(r["target"]) for r in rows]
    d = describe(store, [project] + subs + intentions + targets)
    ev = evidence(store, [str(r["node"]) for r in rows])
    edges: dict[tuple, dict] = {}
    for r in sorted(rows, key=lambda r: (str(r["sp"]), str(r["kind"]), str(r["target"]), str(r["node"]))):
        kind, target = str(r["kind"]), str(r["target"])
        role = role_object(r["role"]) if r.get("role") is not None else None
        key = (str(r["sp"]), kind, target, role["key"] if role else None)
        edge = edges.setdefault(key, {
            "kind": kind, "source": str(r["sp"]), "target": target, "role": role,
            "role_text": str(r["roleText"]) if r.get("roleText") is not None else None,
            "siblings": bool(boolean(r.get("sib"))), "evidence": []})
        edge["evidence"] += [e for e in ev.get(str(r["node"]), []) if e not in edge["evidence"]]
    ordered = sorted(edges.values(), key=lambda e: (EDGE_KINDS.index(e["kind"]), _number(d, e["source"]),
                                                    _role_rank(e["role"]["key"]) if e["role"] else 0,
                                                    _number(d, e["target"]), e["target"]))

    def of_kind(kind: str, kinds: tuple[str, ...]) -> list[dict]:
        iris = dict.fromkeys(e["target"] for e in ordered if e["kind"] == kind and entity_type(e["target"]) in kinds)
        return [d[i] for i in iris if d.get(i) is not None]

    project_obj = dict(d[project])
    return {
        "project": project_obj,
        "subprojects": sorted((d[s] for s in subs), key=lambda s: (s.get("number") or 0, s["iri"])),
        "intentions": sorted((d[i] for i in dict.fromkeys(intentions + [e["target"] for e in ordered
                                                                            if e["kind"] == "addresses"]) if d.get(i) is not None),
                             key=lambda i: (integer(i.get("number")) or 0, i["iri"])),
        "people": of_kind("member", ("person",)),
        "organisations": of_kind("member", ("organisation",)),
        "works": of_kind("considers", ("work",)),
        "edges": ordered,
    }


def _number(d, iri: str) -> int:
    return integer((d.get(iri) or {}).get("number")) or 0
