"""A projection of the RDF graph: the entities and relations the analyses need.

Built from the answers of a fixed handful of SELECTs (`graph.analysis.rows.QUERIES`,
one per kind of fact, never one per entity). Each document graph keeps its own
answers beside it (`sg:analysisRows`), so building reads one value per document
instead of joining tens of millions of triples; `bulk_rows` runs the same
queries over the whole store, the reference the tests compare with. Nodes are entity IRIs with a `kind` attribute and their facts; edges carry the
relation (`rel`) and the IRI of the node that states it (coverage, membership,
consideration), which is where the evidence hangs.

Node kinds: document, project, subproject, intention, person, organisation,
work, decision, milestone. Edge relations:
- project -has_subproject-> subproject; document -describes-> project
- subproject -addresses-> intention (coverage, scope)
- person|organisation -member-> subproject|project (membership, role)
- person -affiliated-> organisation
- subproject -considers-> work|subproject (consideration, siblings)
- decision -builds_on-> decision; decision -generated-> project; intention -decided_by-> decision
- milestone -milestone_of-> subproject|project

A projection is cached per store generation (`graph.cache`), so repeated API
calls reuse it; `Projection.graph` gives it as a networkx graph for graph algorithms.
"""
from __future__ import annotations

import csv
import io
import re
import sys
from typing import Any, Callable, Iterable

import networkx as nx

from graph import cache as store_cache
from graph.entities import entity_id, evidence_for, resolve
from graph.store import GraphStore
from ontology.terms import sparql_prefixes

from .rows import QUERIES, Row, read_rows
from .similarity import fold

LEADING_ROLES = ("uppdragsansvarig", "projektledare")
ROLE_LABELS = {
    "uppdragsansvarig": ("uppdragsansvarig", "accountable owner"),
    "projektledare": ("projektledare", "project manager"),
    "projektsekreterare": ("projektsekreterare", "project secretary"),
    "projektgrupp": ("projektgruppen", "the project team"),
    "resursperson": ("resursperson", "resource person"),
    "referensgrupp": ("referensgruppen", "the reference group"),
    "styrgrupp": ("styrgruppen", "the steering group"),
    "stod": ("stöd", "support"),
    "signatory": ("undertecknare", "signatory"),
}
WORK_KINDS = {
    "Investigation": "investigation", "ReferencedProject": "project", "Process": "process", "Plan": "plan",
    "ReferencedDecision": "decision", "ReferencedWork": "other",
}

class AnalysisError(ValueError):
    """A request the analyses cannot answer: unknown entity (404) or bad parameter (422). Swedish message."""

    def __init__(self, message: str, status: int = 422):
        super().__init__(message)
        self.message = message
        self.status = status


def _s(value: Any) -> str | None:
    return None if value is None else str(value)


def _local(iri: str | None) -> str | None:
    return iri.rsplit("#", 1)[-1] if iri else None


def municipality_key(label: str | None) -> str:
    """`Solviks` and `Solvik` are one municipality: fold, drop a genitive s."""
    if not label:
        return "okand"
    key = fold(label).strip()
    key = re.sub(r"\s+(kommun|stad)s?$", "", key)
    return key[:-1] if key.endswith("s") and len(key) > 3 else key


_NO_FACTS: dict = {}


class Projection:
    """Nodes (IRI -> facts) and typed edges, indexed both ways by (node, relation).

    Not a networkx graph in memory: at 10 000 documents a MultiDiGraph of the same
    nodes and edges took gigabytes. `graph` builds one on demand, for the graph
    algorithms (dependencies) that want it. A projection is not changed after it
    is built, and edge data dicts are shared: read them, never write them.
    """

    def __init__(self, nodes: dict[str, dict], edges: Iterable[tuple[str, str, dict]], dates: list[dict] | None = None,
                 state: frozenset = frozenset(), coverage_quotes: list[tuple[str, str]] | None = None,
                 ingest_findings: list[dict] | None = None):
        self.nodes = nodes
        self.dates = dates or []  # every sg:dateText statement, for the checks
        self.state = state
        self.coverage_quotes = coverage_quotes or []  # (coverage IRI, the sentence it was read from)
        self.ingest_findings = ingest_findings or []  # findings the extractor stored with the documents
        out: dict[tuple[str, str], list[tuple[str, dict]]] = {}
        into: dict[tuple[str, str], list[tuple[str, dict]]] = {}
        by_rel: dict[str, list[tuple[str, str, dict]]] = {}
        for u, v, d in edges:
            rel = d["rel"]
            out.setdefault((u, rel), []).append((v, d))
            into.setdefault((v, rel), []).append((u, d))
            by_rel.setdefault(rel, []).append((u, v, d))
        self._out, self._in, self._by_rel = out, into, by_rel
        by_kind: dict[str | None, list[str]] = {}
        for n, facts in nodes.items():
            by_kind.setdefault(facts.get("kind"), []).append(n)
        self._by_kind = by_kind
        self._graph: nx.MultiDiGraph | None = None

    @classmethod
    def from_networkx(cls, g: nx.MultiDiGraph, **parts: Any) -> "Projection":
        """A projection of a hand-made networkx graph (nodes with facts, edges with `rel`)."""
        return cls({n: dict(facts) for n, facts in g.nodes(data=True)}, g.edges(data=True), **parts)

    # -- access ---------------------------------------------------------------------------

    def __contains__(self, iri: object) -> bool:
        return iri in self.nodes

    def number_of_nodes(self) -> int:
        return len(self.nodes)

    def number_of_edges(self) -> int:
        return sum(len(items) for items in self._by_rel.values())

    def edges(self) -> Iterable[tuple[str, str, dict]]:
        """Every edge, as (source, target, data)."""
        for items in self._by_rel.values():
            yield from items

    def edges_of(self, rel: str) -> list[tuple[str, str, dict]]:
        """All edges of one relation, as (source, target, data)."""
        return list(self._by_rel.get(rel, ()))

    def of_kind(self, kind: str) -> list[str]:
        return list(self._by_kind.get(kind, ()))

    def node(self, iri: str) -> dict:
        return self.nodes.get(iri, _NO_FACTS)

    def kind(self, iri: str) -> str | None:
        return self.nodes.get(iri, _NO_FACTS).get("kind")

    def out_edges(self, iri: str, rel: str) -> list[tuple[str, dict]]:
        return list(self._out.get((iri, rel), ()))

    def in_edges(self, iri: str, rel: str) -> list[tuple[str, dict]]:
        return list(self._in.get((iri, rel), ()))

    def degree_out(self, iri: str) -> int:
        """How many edges leave a node (of any relation)."""
        return sum(len(self._out.get((iri, rel), ())) for rel in self._by_rel)

    @property
    def graph(self) -> nx.MultiDiGraph:
        """The projection as a networkx MultiDiGraph (built on first use)."""
        if self._graph is None:
            g = nx.MultiDiGraph()
            g.add_nodes_from(self.nodes.items())
            g.add_edges_from((u, v, d.get("node") or d["rel"], d) for u, v, d in self.edges())
            self._graph = g
        return self._graph

    def subprojects_of(self, project: str) -> list[str]:
        subs = [v for v, _d in self.out_edges(project, "has_subproject")]
        return sorted(subs, key=lambda s: (self.node(s).get("number") or 0, s))

    def project_of(self, iri: str) -> str | None:
        return self.node(iri).get("project")

    def scope(self, iri: str) -> str:
        return self.node(iri).get("scope", "okand")

    # -- entity objects (API conventions) -----------------------------------------------------

    def document_obj(self, iri: str | None) -> dict | None:
        if not iri:
            return None
        n = self.node(iri)
        return {"type": "document", "id": entity_id(iri), "iri": iri, "title": n.get("title")}

    def project_obj(self, iri: str | None) -> dict | None:
        if not iri:
            return None
        n = self.node(iri)
        return {"type": "project", "id": entity_id(iri), "iri": iri, "title": n.get("title")}

    def subproject_obj(self, iri: str) -> dict:
        n = self.node(iri)
        return {"type": "subproject", "id": entity_id(iri), "iri": iri, "number": n.get("number"),
                "title": n.get("title"), "project": self.project_obj(n.get("project"))}

    def person_obj(self, iri: str) -> dict:
        return {"type": "person", "id": entity_id(iri), "iri": iri, "name": self.node(iri).get("name")}

    def organisation_obj(self, iri: str) -> dict:
        n = self.node(iri)
        return {"type": "organisation", "id": entity_id(iri), "iri": iri, "name": n.get("name"),
                "abbreviation": n.get("abbreviation")}

    def intention_obj(self, iri: str) -> dict:
        n = self.node(iri)
        return {"type": "intention", "id": entity_id(iri), "iri": iri, "number": n.get("number"),
                "letter": n.get("letter"), "text": n.get("text")}

    def work_obj(self, iri: str) -> dict:
        n = self.node(iri)
        return {"type": "work", "id": entity_id(iri), "iri": iri, "title": n.get("title"), "kind": n.get("work_kind")}

    def decision_obj(self, iri: str) -> dict:
        n = self.node(iri)
        body = n.get("body")
        return {"type": "decision", "id": entity_id(iri), "iri": iri, "date": n.get("date") or n.get("date_text"),
                "body": self.node(body).get("abbreviation") or self.node(body).get("name") if body else None,
                "identifier": n.get("identifier"), "kind": n.get("decision_kind")}

    def milestone_obj(self, iri: str) -> dict:
        n = self.node(iri)
        return {"type": "milestone", "id": entity_id(iri), "iri": iri, "label": n.get("label"),
                "date": n.get("date"), "date_text": n.get("date_text")}

    def entity_obj(self, iri: str) -> dict:
        builder = {
            "document": self.document_obj, "project": self.project_obj, "subproject": self.subproject_obj,
            "person": self.person_obj, "organisation": self.organisation_obj, "intention": self.intention_obj,
            "work": self.work_obj, "decision": self.decision_obj, "milestone": self.milestone_obj,
        }.get(self.kind(iri) or "")
        if builder is None:
            return {"type": self.kind(iri) or "unknown", "id": entity_id(iri), "iri": iri}
        return builder(iri)

    def label(self, iri: str) -> str:
        """A short human label: `Delprojekt 2`, a name, a title."""
        n = self.node(iri)
        kind = n.get("kind")
        if kind == "subproject":
            return f"DP{n.get('number')}"
        if kind == "intention":
            return f"intention {n.get('number')}" + (f" ({n['letter']})" if n.get("letter") else "")
        if kind == "organisation":
            name, abbr = n.get("name"), n.get("abbreviation")
            return f"{name} ({abbr})" if name and abbr and name != abbr else (name or abbr or iri)
        return n.get("name") or n.get("title") or n.get("label") or iri


def subprojects_for(store: GraphStore, p: Projection, project: str) -> set[str]:
    """The subprojects of a project given by id or IRI (a document stands for its project, a subproject for itself)."""
    iri = resolve(store, project, ("project", "document", "subproject"))
    if iri is None or iri not in p:
        raise AnalysisError(f"Okänt projekt: {project}", 404)
    kind = p.kind(iri)
    if kind == "document":
        return {s for pr, _d in p.out_edges(iri, "describes") for s in p.subprojects_of(pr)}
    if kind == "subproject":
        return {iri}
    if kind == "project":
        return set(p.subprojects_of(iri))
    raise AnalysisError(f"Okänt projekt: {project}", 404)


# pyoxigraph 0.5 picks a far slower plan for evidence_for's query when VALUES holds more than ~100 IRIs
# (on a 200-document store: 100 IRIs 0.02 s, 120 IRIs 94 s), so evidence is fetched in small chunks.
EVIDENCE_CHUNK = 50


def evidence(store: GraphStore, iris: Iterable[str]) -> dict[str, list[dict]]:
    """`graph.entities.evidence_for`, asked in chunks small enough to keep its query plan fast."""
    unique = list(dict.fromkeys(iris))
    out: dict[str, list[dict]] = {}
    for i in range(0, len(unique), EVIDENCE_CHUNK):
        out.update(evidence_for(store, unique[i:i + EVIDENCE_CHUNK]))
    return out


_Q_STATE = """
SELECT ?g ?at ?sha WHERE { GRAPH ?g { ?g a sg:DocumentGraph . OPTIONAL { ?g prov:generatedAtTime ?at }
  OPTIONAL { ?g prov:wasDerivedFrom/sg:sha256 ?sha } } }"""


def state_key(store: GraphStore) -> frozenset:
    """What identifies the store's content for caching: each document graph, its ingest time and sources."""
    return frozenset((r["g"], r.get("at"), r.get("sha")) for r in rows(store, _Q_STATE))


def rows(store: GraphStore, query: str) -> list[dict[str, str | None]]:
    """SELECT results as plain strings (None when unbound), for bulk reads.

    Read as SPARQL CSV results: the store serialises them natively, and no
    rdflib term is built per cell (at 2 000 documents that conversion took
    longer than the queries themselves). IRIs and literals come as their text.
    """
    body, _media = store.query_raw(sparql_prefixes() + query, "text/csv")
    reader = csv.reader(io.StringIO(body.decode("utf-8")))
    header = next(reader, None)
    if not header:
        return []
    return [{k: (v if v != "" else None) for k, v in zip(header, row)} for row in reader]


def _bool(value: str | None) -> bool | None:
    return None if value is None else value in ("true", "1")


RowSource = Callable[[str], Iterable[Row]]


def bulk_rows(store: GraphStore) -> RowSource:
    """The analysis queries run over the whole store at once: the reference the stored rows must equal
    (and what they cost before: minutes at 10 000 documents)."""
    return lambda name: rows(store, QUERIES[name])


def build_projection(store: GraphStore, state: frozenset | None = None, source: RowSource | None = None) -> Projection:
    """The projection of the store, from each document graph's analysis rows (`graph.analysis.rows`)."""
    return build_from_rows(source or read_rows(store).rows, state)


# Edges that carry nothing but their relation share one data dict each (there are millions of them).
_PLAIN = {rel: {"rel": rel} for rel in ("describes", "has_subproject", "decided_by", "affiliated", "milestone_of",
                                         "builds_on", "generated")}


def build_from_rows(source: RowSource, state: frozenset | None = None) -> Projection:
    """Build the projection from the analysis queries' rows (`source(name)` gives one query's rows)."""
    nodes: dict[str, dict] = {}
    edges: dict[tuple[str, str, str], dict] = {}
    iri = sys.intern  # IRIs repeat in many rows: one string object each

    def add_node(n: str, facts: dict) -> None:
        known = nodes.get(n)
        if known is None:
            nodes[n] = facts
        else:
            known.update(facts)

    def add_edge(u: str, v: str, key: str, data: dict) -> None:
        # Like networkx's MultiDiGraph.add_edge: unknown ends become bare nodes, the same key updates.
        if u not in nodes:
            nodes[u] = {}
        if v not in nodes:
            nodes[v] = {}
        known = edges.get((u, v, key))
        if known is None:
            edges[(u, v, key)] = data
        elif known is not data:
            known.update(data)

    docs: dict[str, dict] = {}
    graph_doc: dict[str, str] = {}
    for r in source("documents"):
        doc = iri(r["doc"])
        d = docs.get(doc)
        if d is None:
            d = docs[doc] = {"kind": "document", "graph": iri(r["g"]), "title": r.get("title"),
                             "identifier": r.get("id"), "date": r.get("date"), "date_text": r.get("dateText"),
                             "municipality": r.get("muniLabel"), "scope": municipality_key(r.get("muniLabel"))}
            graph_doc[d["graph"]] = doc
        for k, v in (("title", r.get("title")), ("identifier", r.get("id")), ("municipality", r.get("muniLabel"))):
            if v is not None and d.get(k) is None:
                d[k] = v
                if k == "municipality":
                    d["scope"] = municipality_key(v)
    for doc, d in docs.items():
        add_node(doc, d)

    def doc_scope(doc: str | None) -> str:
        return docs.get(doc or "", _NO_FACTS).get("scope", "okand")

    doc_project: dict[str, str] = {}
    for r in source("projects"):
        p, doc = iri(r["p"]), iri(r["doc"])
        add_node(p, {"kind": "project", "title": r.get("title"), "doc": doc, "scope": doc_scope(doc),
                     "owner": r.get("owner"), "project": p})
        add_edge(doc, p, "describes", _PLAIN["describes"])
        doc_project[doc] = p
    for r in source("subprojects"):
        s, doc = iri(r["s"]), iri(r["doc"])
        p = iri(r["p"]) if r.get("p") else None
        add_node(s, {"kind": "subproject", "number": int(r["n"]) if r.get("n") is not None else None,
                     "title": r.get("title"), "doc": doc, "project": p, "scope": doc_scope(doc),
                     "purpose": r.get("purpose"), "method_steps": [], "scope_limits": [], "unknown_intentions": []})
        if p:
            add_edge(p, s, "has_subproject", _PLAIN["has_subproject"])
    for r in source("subproject_texts"):
        n = nodes.get(r["s"])
        if n is None or n.get("kind") != "subproject":
            continue
        which = "method_steps" if r["prop"].endswith("methodStep") else "scope_limits"
        n[which].append((int(r["order"]) if r.get("order") is not None else 0, r["x"], r["text"]))
    for n in nodes.values():
        if n.get("kind") == "subproject":
            n["method_steps"].sort()
            n["scope_limits"].sort()

    for r in source("intentions"):
        i, doc = iri(r["i"]), iri(r["doc"])
        add_node(i, {"kind": "intention", "number": int(r["n"]), "letter": r.get("letter"), "text": r.get("text"),
                     "doc": doc, "project": doc_project.get(doc), "scope": doc_scope(doc)})
        if r.get("decision") is not None:
            add_edge(i, iri(r["decision"]), "decided_by", _PLAIN["decided_by"])
    for r in source("coverage"):
        c, s = iri(r["c"]), iri(r["s"])
        if s not in nodes:
            continue
        if r.get("i") is not None:
            add_edge(s, iri(r["i"]), c, {"rel": "addresses", "node": c, "scope": r.get("scope")})
        elif r.get("num") is not None:
            nodes[s]["unknown_intentions"].append((c, int(r["num"])))

    for r in source("people"):
        p, name = iri(r["p"]), r["name"]
        doc = graph_doc.get(r["g"])
        n = nodes.get(p)
        if n is None:
            n = nodes[p] = {"kind": "person", "name": name, "names": [], "docs": [], "scope": doc_scope(doc)}
        if name not in n["names"]:
            n["names"].append(name)
            # One IRI may be written `Sjöström` in one document and `Sjostrom` in another: show the diacritics.
            n["name"] = max(n["names"], key=lambda x: (fold(x) != x.lower(), x))
        if doc and doc not in n["docs"]:
            n["docs"].append(doc)
    for r in source("organisations"):
        o = iri(r["o"])
        doc = graph_doc.get(r["g"])
        n = nodes.get(o)
        if n is None:
            n = nodes[o] = {"kind": "organisation", "name": None, "abbreviation": None, "municipality": False,
                            "docs": [], "scope": doc_scope(doc)}
        if r.get("abbr") is not None and not n["abbreviation"]:
            n["abbreviation"] = r["abbr"]
        label = r.get("label")
        # One IRI may be labelled with its full name in one document and only its abbreviation
        # in another (`SNAB`): the full name is the name.
        if label is not None and (not n["name"] or (n["name"] == n["abbreviation"] and label != n["abbreviation"])):
            n["name"] = label
        if r.get("muni") is not None:
            n["municipality"] = True
        if doc and doc not in n["docs"]:
            n["docs"].append(doc)
    for r in source("person_facts"):
        # Job titles are not used by the analyses; a person's organisations are.
        p = r["p"]
        if p in nodes and r.get("org") is not None and r["org"] in nodes:
            add_edge(iri(p), iri(r["org"]), "affiliated", _PLAIN["affiliated"])
    for r in source("works"):
        w = iri(r["w"])
        doc = graph_doc.get(r["g"])
        n = nodes.get(w)
        if n is None:
            n = nodes[w] = {"kind": "work", "title": r.get("title"), "identifier": r.get("id"), "work_kind": "other",
                            "docs": [], "scope": doc_scope(doc)}
        cls = _local(r["cls"])
        if cls in WORK_KINDS and cls != "ReferencedWork":
            n["work_kind"] = WORK_KINDS[cls]
        if doc and doc not in n["docs"]:
            n["docs"].append(doc)

    for r in source("memberships"):
        member, unit = r["member"], r["unit"]
        if member not in nodes or unit not in nodes:
            continue
        m = iri(r["m"])
        add_edge(iri(member), iri(unit), m, {"rel": "member", "node": m, "role": sys.intern(r["role"].rsplit("role-", 1)[-1]),
                                             "role_text": r.get("roleText")})
    for r in source("considerations"):
        s, t = r["s"], r["t"]
        if s not in nodes or t not in nodes:
            continue
        c = iri(r["c"])
        add_edge(iri(s), iri(t), c, {"rel": "considers", "node": c, "siblings": bool(_bool(r.get("sib")))})

    for r in source("milestones"):
        m, of = iri(r["m"]), iri(r["of"])
        add_node(m, {"kind": "milestone", "label": r.get("label"), "date": r.get("date") or r.get("ym"),
                     "date_text": r.get("text"), "valid": _bool(r.get("valid")), "of": of})
        if of in nodes:
            add_edge(m, of, "milestone_of", _PLAIN["milestone_of"])
    for r in source("decisions"):
        d, doc = iri(r["d"]), iri(r["doc"])
        if nodes.get(d, _NO_FACTS).get("kind") != "decision":  # may exist already as an edge's end
            add_node(d, {"kind": "decision", "doc": doc, "project": doc_project.get(doc), "scope": doc_scope(doc),
                         "decision_kind": r["kind"].rsplit("decision-", 1)[-1] if r.get("kind") is not None else None,
                         "date": r.get("date"), "date_text": r.get("text"), "valid": _bool(r.get("valid")),
                         "body": iri(r["body"]) if r.get("body") else None, "identifier": r.get("id")})
    for r in source("decision_links"):
        d, o = r["d"], r["o"]
        rel = "builds_on" if r["rel"].endswith("buildsOn") else "generated"
        if d in nodes and o in nodes:
            add_edge(iri(d), iri(o), rel, _PLAIN[rel])

    dates = [{"iri": iri(r["x"]), "text": r["text"], "valid": _bool(r.get("valid")), "doc": graph_doc.get(r["g"]),
              "type": _local(r.get("type"))} for r in source("dates")]
    quotes = [(iri(r["c"]), r["quote"]) for r in source("coverage_quotes")]
    findings = [{"f": iri(r["f"]), "doc": iri(r["doc"]), "sev": r["sev"], "code": r["code"], "msg": r.get("msg")}
                for r in source("ingest_findings")]
    return Projection(nodes, ((u, v, d) for (u, v, _k), d in edges.items()), dates=dates,
                      state=state if state is not None else frozenset(), coverage_quotes=quotes,
                      ingest_findings=findings)


# --- caching -------------------------------------------------------------------------------------


def cached(store: GraphStore, name: str, build) -> Any:
    """`build(state)` for the store's current content, computed once per store generation
    (`graph.cache`); `state` lists the document graphs, which the SHACL cache keys on."""
    return store_cache.cached(store, f"analysis-{name}", lambda s: build(state_key(s)))


def load_projection(store: GraphStore) -> Projection:
    return cached(store, "projection", lambda state: build_projection(store, state))


def clear_cache() -> None:
    store_cache.clear()
