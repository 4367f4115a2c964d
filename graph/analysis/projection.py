"""A projection of the RDF graph: the entities and relations the analyses need.

Built from the answers of a fixed handful of SELECTs (`graph.analysis.rows.QUERIES`,
one per kind of fact, never one per entity). Each document graph keeps its own
answers beside it (`sg:analysisRows`), so building reads one value per document
instead of joining tens of millions of triples; `bulk_rows` runs the same
queries over the whole store, the reference the tests compare with. Nodes are entity IRIs with a `kind` attribute and their facts; edges carry the
relation (`rel`) and the IRI of the node that states it (coverage, membership,
consideration), which is where the evidence hangs.

Node kinds: document, project, subproject, intention, person, organisation,
work, decision, milestone. A person carries its names, documents, job titles,
parties and the bodies whose meetings it took part in (what person resolution
weighs). Edge relations:
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

import ctypes
import gc
import re
import sys
import threading
from contextlib import contextmanager
from operator import itemgetter
from typing import Any, Callable, Iterable, Iterator, NamedTuple

import networkx as nx

from styrgraf.graph.errors import texts
from styrgraf.graph.store import cache as store_cache
from styrgraf.graph.entities import entity_id, evidence_for, resolve
from styrgraf.graph.store.interface import GraphStore
from styrgraf.ontology.terms import sparql_prefixes

from styrgraf.graph.analysis.rows import QUERIES, csv_rows, read_rows
from styrgraf.graph.analysis.similarity import fold

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

    def __init__(self, message: str, status: int = 422, message_en: str | None = None):
        super().__init__(message)
        self.message = message
        self.message_en = message_en or message
        self.status = status

    @classmethod
    def of(cls, key: str, status: int = 422, **fields: object) -> "AnalysisError":
        sv, en = texts(key, **fields)
        return cls(sv, status, en)


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


class DateStatement(NamedTuple):
    """One sg:dateText statement: the dated entity, the date as written, whether it is a real date."""
    iri: str
    text: str
    valid: bool | None
    doc: str | None
    type: str | None


class EdgeData:
    """An edge's facts, read like a dict (`d["node"]`, `d.get("role")`): its relation, the node
    that states it (coverage, membership, consideration) and the relation's own facts.

    Slots, not a dict: a store of 10 000 plans has about a million edges.
    """

    __slots__ = ("rel", "node", "role", "role_text", "scope", "siblings")

    def __init__(self, rel: str, node: str | None = None, role: str | None = None, role_text: str | None = None,
                 scope: str | None = None, siblings: bool | None = None):
        self.rel, self.node, self.role, self.role_text, self.scope, self.siblings = (
            rel, node, role, role_text, scope, siblings)

    def get(self, key: str, default: Any = None) -> Any:
        value = getattr(self, key, None) if key in EdgeData.__slots__ else None
        return default if value is None else value

    def __getitem__(self, key: str) -> Any:
        if key not in EdgeData.__slots__:
            raise KeyError(key)
        return getattr(self, key)

    def __contains__(self, key: object) -> bool:
        return key in EdgeData.__slots__ and getattr(self, key) is not None  # type: ignore[arg-type]

    def items(self) -> list[tuple[str, Any]]:
        return [(k, getattr(self, k)) for k in EdgeData.__slots__ if getattr(self, k) is not None]

    def update(self, other: "EdgeData") -> None:
        for k in EdgeData.__slots__:
            setattr(self, k, getattr(other, k))

    def __repr__(self) -> str:
        return f"EdgeData({dict(self.items())!r})"


class Projection:
    """Nodes (IRI -> facts) and typed edges, indexed both ways by (node, relation).

    Not a networkx graph in memory: at 10 000 documents a MultiDiGraph of the same
    nodes and edges took gigabytes. `graph` builds one on demand, for the graph
    algorithms (dependencies) that want it. A projection is not changed after it
    is built, and edge data dicts are shared: read them, never write them.
    """

    def __init__(self, nodes: dict[str, dict], edges: Iterable[tuple[str, str, EdgeData]], dates: list[DateStatement] | None = None,
                 coverage_quotes: list[tuple[str, str]] | None = None,
                 ingest_findings: list[dict] | None = None):
        self.nodes = nodes
        self.dates = dates or []  # every sg:dateText statement, for the checks
        self.coverage_quotes = coverage_quotes or []  # (coverage IRI, the sentence it was read from)
        self.ingest_findings = ingest_findings or []  # findings the extractor stored with the documents
        by_rel: dict[str, list[tuple[str, str, EdgeData]]] = {}
        for u, v, d in edges:
            by_rel.setdefault(d["rel"], []).append((u, v, d))
        self._by_rel = by_rel
        # (outgoing?, relation) -> node -> [(other end, data)], built on first use: the analyses look
        # up a few relations one way only, and an index of every relation both ways cost hundreds of MB.
        self._index: dict[tuple[bool, str], dict[str, list[tuple[str, EdgeData]]]] = {}
        by_kind: dict[str | None, list[str]] = {}
        for n, facts in nodes.items():
            by_kind.setdefault(facts.get("kind"), []).append(n)
        self._by_kind = by_kind
        self._graph: nx.MultiDiGraph | None = None

    @classmethod
    def from_networkx(cls, g: nx.MultiDiGraph, **parts: Any) -> "Projection":
        """A projection of a hand-made networkx graph (nodes with facts, edges with `rel`)."""
        # Edge facts become EdgeData, as in a projection built from the store: code reading `d.rel` works on both.
        return cls({n: dict(facts) for n, facts in g.nodes(data=True)},
                   ((u, v, EdgeData(**d)) for u, v, d in g.edges(data=True)), **parts)

    # -- access ---------------------------------------------------------------------------

    def __contains__(self, iri: object) -> bool:
        return iri in self.nodes

    def number_of_nodes(self) -> int:
        return len(self.nodes)

    def number_of_edges(self) -> int:
        return sum(len(items) for items in self._by_rel.values())

    def edges(self) -> Iterable[tuple[str, str, EdgeData]]:
        """Every edge, as (source, target, data)."""
        for items in self._by_rel.values():
            yield from items

    def edges_of(self, rel: str) -> list[tuple[str, str, EdgeData]]:
        """All edges of one relation, as (source, target, data)."""
        return list(self._by_rel.get(rel, ()))

    def of_kind(self, kind: str) -> list[str]:
        return list(self._by_kind.get(kind, ()))

    def node(self, iri: str) -> dict:
        return self.nodes.get(iri, _NO_FACTS)

    def kind(self, iri: str) -> str | None:
        return self.nodes.get(iri, _NO_FACTS).get("kind")

    def _lookup(self, outgoing: bool, rel: str) -> dict[str, list[tuple[str, EdgeData]]]:
        index = self._index.get((outgoing, rel))
        if index is None:
            # Two threads may build the same index at once: both build the same, one is kept.
            index = {}
            for u, v, d in self._by_rel.get(rel, ()):
                index.setdefault(u if outgoing else v, []).append((v if outgoing else u, d))
            self._index[(outgoing, rel)] = index
        return index

    def out_edges(self, iri: str, rel: str) -> list[tuple[str, EdgeData]]:
        return list(self._lookup(True, rel).get(iri, ()))

    def in_edges(self, iri: str, rel: str) -> list[tuple[str, EdgeData]]:
        return list(self._lookup(False, rel).get(iri, ()))

    @property
    def graph(self) -> nx.MultiDiGraph:
        """The projection as a networkx MultiDiGraph (built on first use)."""
        if self._graph is None:
            g = nx.MultiDiGraph()
            g.add_nodes_from(self.nodes.items())
            g.add_edges_from((u, v, d.get("node") or d["rel"], dict(d.items())) for u, v, d in self.edges())
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
        raise AnalysisError.of("project.unknown", 404, ref=project)
    kind = p.kind(iri)
    if kind == "document":
        return {s for pr, _d in p.out_edges(iri, "describes") for s in p.subprojects_of(pr)}
    if kind == "subproject":
        return {iri}
    if kind == "project":
        return set(p.subprojects_of(iri))
    raise AnalysisError.of("project.unknown", 404, ref=project)


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
    header, data = csv_rows(body)
    return [dict(zip(header, row)) for row in data]


def _bool(value: str | None) -> bool | None:
    return None if value is None else value in ("true", "1")


# A query's answers as chunks of (header, rows); each row a list of strings (None when unbound).
Chunk = tuple[list[str], list[list["str | None"]]]
RowSource = Callable[[str], Iterable[Chunk]]


def columns(source: RowSource, name: str, *wanted: str) -> Iterator[tuple]:
    """The rows of one query as tuples of the `wanted` columns (at least two), chunk by chunk."""
    for header, chunk in source(name):
        yield from map(itemgetter(*(header.index(c) for c in wanted)), chunk)


def bulk_rows(store: GraphStore) -> RowSource:
    """The analysis queries run over the whole store at once: the reference the stored rows must equal
    (and what they cost before: minutes at 10 000 documents)."""
    def source(name: str) -> Iterable[Chunk]:
        body, _media = store.query_raw(sparql_prefixes() + QUERIES[name], "text/csv")
        return [csv_rows(body)]
    return source


def build_projection(store: GraphStore, source: RowSource | None = None) -> Projection:
    """The projection of the store, from each document graph's analysis rows (`graph.analysis.rows`)."""
    return build_from_rows(source or read_rows(store).chunks)


# Edges that carry nothing but their relation share one data object each (there are millions of them).
_PLAIN = {rel: EdgeData(rel) for rel in ("describes", "has_subproject", "decided_by", "affiliated", "milestone_of",
                                         "builds_on", "generated")}


def build_from_rows(source: RowSource) -> Projection:
    """Build the projection from the analysis queries' rows (`source(name)` gives one query's rows)."""
    nodes: dict[str, dict] = {}
    edges: dict[tuple[str, str, str], EdgeData] = {}
    iri = sys.intern  # IRIs repeat in many rows: one string object each

    def text(value: str | None) -> str | None:
        # Names, titles, labels and dates repeat across documents: one string object each, too.
        return None if value is None else sys.intern(value)

    def add_node(n: str, facts: dict) -> None:
        known = nodes.get(n)
        if known is None:
            nodes[n] = facts
        else:
            known.update(facts)

    def add_edge(u: str, v: str, key: str, data: EdgeData) -> None:
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
    for g, doc, title, ident, date, date_text, muni in columns(source, "documents", "g", "doc", "title", "id", "date",
                                                                "dateText", "muniLabel"):
        doc = iri(doc)
        d = docs.get(doc)
        if d is None:
            d = docs[doc] = {"kind": "document", "graph": iri(g), "title": title, "identifier": ident, "date": date,
                             "date_text": date_text, "municipality": muni, "scope": municipality_key(muni)}
            graph_doc[d["graph"]] = doc
        for k, v in (("title", title), ("identifier", ident), ("municipality", muni)):
            if v is not None and d.get(k) is None:
                d[k] = v
                if k == "municipality":
                    d["scope"] = municipality_key(v)
    for doc, d in docs.items():
        add_node(doc, d)

    def doc_scope(doc: str | None) -> str:
        return docs.get(doc or "", _NO_FACTS).get("scope", "okand")

    doc_project: dict[str, str] = {}
    for p, title, doc, owner in columns(source, "projects", "p", "title", "doc", "owner"):
        p, doc = iri(p), iri(doc)
        add_node(p, {"kind": "project", "title": title, "doc": doc, "scope": doc_scope(doc), "owner": owner,
                     "project": p})
        add_edge(doc, p, "describes", _PLAIN["describes"])
        doc_project[doc] = p
    for s, n, title, doc, p, purpose in columns(source, "subprojects", "s", "n", "title", "doc", "p", "purpose"):
        s, doc = iri(s), iri(doc)
        p = iri(p) if p else None
        add_node(s, {"kind": "subproject", "number": int(n) if n is not None else None, "title": title, "doc": doc,
                     "project": p, "scope": doc_scope(doc), "purpose": purpose, "method_steps": [],
                     "scope_limits": [], "unknown_intentions": []})
        if p:
            add_edge(p, s, "has_subproject", _PLAIN["has_subproject"])
    for s, prop, x, order, text_ in columns(source, "subproject_texts", "s", "prop", "x", "order", "text"):
        n = nodes.get(s)
        if n is None or n.get("kind") != "subproject":
            continue
        which = "method_steps" if prop.endswith("methodStep") else "scope_limits"
        n[which].append((int(order) if order is not None else 0, x, text_))
    for n in nodes.values():
        if n.get("kind") == "subproject":
            n["method_steps"].sort()
            n["scope_limits"].sort()

    for i, n, letter, text_, doc, decision in columns(source, "intentions", "i", "n", "letter", "text", "doc",
                                                       "decision"):
        i, doc = iri(i), iri(doc)
        add_node(i, {"kind": "intention", "number": int(n), "letter": letter, "text": text_, "doc": doc,
                     "project": doc_project.get(doc), "scope": doc_scope(doc)})
        if decision is not None:
            add_edge(i, iri(decision), "decided_by", _PLAIN["decided_by"])
    for c, s, i, num, scope in columns(source, "coverage", "c", "s", "i", "num", "scope"):
        if s not in nodes:
            continue
        if i is not None:
            c = iri(c)
            add_edge(iri(s), iri(i), c, EdgeData("addresses", node=c, scope=scope))
        elif num is not None:
            nodes[s]["unknown_intentions"].append((iri(c), int(num)))

    for p, name, g in columns(source, "people", "p", "name", "g"):
        doc = graph_doc.get(g)
        n = nodes.get(p)
        if n is None:
            name = text(name)
            n = nodes[iri(p)] = {"kind": "person", "name": name, "names": [name], "docs": [],
                                 "scope": doc_scope(doc)}
        elif name not in n["names"]:
            n["names"].append(text(name))
            # One IRI may be written `Sjöström` in one document and `Sjostrom` in another: show the diacritics.
            n["name"] = max(n["names"], key=lambda x: (fold(x) != x.lower(), x))
        if doc and doc not in n["docs"]:
            n["docs"].append(doc)
    for o, label, abbr, muni, g in columns(source, "organisations", "o", "label", "abbr", "muni", "g"):
        doc = graph_doc.get(g)
        n = nodes.get(o)
        if n is None:
            n = nodes[iri(o)] = {"kind": "organisation", "name": None, "abbreviation": None, "municipality": False,
                                 "docs": [], "scope": doc_scope(doc)}
        if abbr is not None and not n["abbreviation"]:
            n["abbreviation"] = abbr
        # One IRI may be labelled with its full name in one document and only its abbreviation
        # in another (`SNAB`): the full name is the name.
        if label is not None and (not n["name"] or (n["name"] == n["abbreviation"] and label != n["abbreviation"])):
            n["name"] = text(label)
        if muni is not None:
            n["municipality"] = True
        if doc and doc not in n["docs"]:
            n["docs"].append(doc)
    for p, title, org, party in columns(source, "person_facts", "p", "title", "org", "party"):
        n = nodes.get(p)
        if n is None:
            continue
        # Titles and parties are what person resolution weighs besides the name.
        for key, value in (("titles", title), ("parties", party)):
            if value is not None and value not in n.setdefault(key, []):
                n[key].append(text(value))
        if org is not None and org in nodes:
            add_edge(iri(p), iri(org), "affiliated", _PLAIN["affiliated"])
    for p, body in columns(source, "participations", "p", "body"):
        # The bodies whose meetings a person took part in (for person resolution).
        n = nodes.get(p)
        if n is not None and body not in n.setdefault("bodies", []):
            n["bodies"].append(iri(body))
    for w, title, cls, ident, g in columns(source, "works", "w", "title", "cls", "id", "g"):
        doc = graph_doc.get(g)
        n = nodes.get(w)
        if n is None:
            n = nodes[iri(w)] = {"kind": "work", "title": text(title), "identifier": text(ident), "work_kind": "other",
                                 "docs": [], "scope": doc_scope(doc)}
        cls = _local(cls)
        if cls in WORK_KINDS and cls != "ReferencedWork":
            n["work_kind"] = WORK_KINDS[cls]
        if doc and doc not in n["docs"]:
            n["docs"].append(doc)

    roles: dict[str, str] = {}
    for m, member, unit, role, role_text in columns(source, "memberships", "m", "member", "unit", "role", "roleText"):
        if member not in nodes or unit not in nodes:
            continue
        m = iri(m)
        local = roles.get(role)
        if local is None:
            local = roles[role] = sys.intern(role.rsplit("role-", 1)[-1])
        add_edge(iri(member), iri(unit), m, EdgeData("member", node=m, role=local, role_text=text(role_text)))
    for c, s, t, sib in columns(source, "considerations", "c", "s", "t", "sib"):
        if s not in nodes or t not in nodes:
            continue
        c = iri(c)
        add_edge(iri(s), iri(t), c, EdgeData("considers", node=c, siblings=bool(_bool(sib))))

    for m, label, of, date, ym, text_, valid in columns(source, "milestones", "m", "label", "of", "date", "ym", "text",
                                                         "valid"):
        m, of = iri(m), iri(of)
        add_node(m, {"kind": "milestone", "label": text(label), "date": text(date or ym), "date_text": text(text_),
                     "valid": _bool(valid), "of": of})
        if of in nodes:
            add_edge(m, of, "milestone_of", _PLAIN["milestone_of"])
    for d, kind, doc, date, text_, valid, body, ident in columns(source, "decisions", "d", "kind", "doc", "date", "text",
                                                                  "valid", "body", "id"):
        if nodes.get(d, _NO_FACTS).get("kind") != "decision":  # may exist already as an edge's end
            d, doc = iri(d), iri(doc)
            add_node(d, {"kind": "decision", "doc": doc, "project": doc_project.get(doc), "scope": doc_scope(doc),
                         "decision_kind": kind.rsplit("decision-", 1)[-1] if kind is not None else None,
                         "date": text(date), "date_text": text(text_), "valid": _bool(valid),
                         "body": iri(body) if body else None, "identifier": ident})
    for d, rel, o in columns(source, "decision_links", "d", "rel", "o"):
        rel = "builds_on" if rel.endswith("buildsOn") else "generated"
        if d in nodes and o in nodes:
            add_edge(iri(d), iri(o), rel, _PLAIN[rel])

    dates = [DateStatement(iri(x), text(t), _bool(valid), graph_doc.get(g), _local(type_))
             for x, t, valid, g, type_ in columns(source, "dates", "x", "text", "valid", "g", "type")]
    quotes = [(iri(c), quote) for c, quote in columns(source, "coverage_quotes", "c", "quote")]
    findings = [{"f": iri(f), "doc": iri(doc), "sev": text(sev), "code": text(code), "msg": text(msg),
                 "msg_en": text(msg_en)}
                for f, doc, sev, code, msg, msg_en in columns(source, "ingest_findings", "f", "doc", "sev", "code",
                                                              "msg", "msg_en")]
    return Projection(nodes, [(u, v, d) for (u, v, _k), d in edges.items()], dates=dates,
                      coverage_quotes=quotes,
                      ingest_findings=findings)


# --- caching -------------------------------------------------------------------------------------


_GC_LOCK = threading.Lock()
_gc_pause = {"builds": 0, "resume": False}


def _malloc_trim() -> Callable[[int], int] | None:
    try:
        return ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):  # not glibc: nothing to hand back this way
        return None


_TRIM = _malloc_trim()


@contextmanager
def bulk_build() -> Iterator[None]:
    """Around an analysis build that makes millions of objects.

    The cyclic garbage collector is paused: each collection rescans every object still alive,
    and a build keeps nearly all it makes (at 10 000 plans the rescanning was a quarter of the
    projection's time); reference counting still frees what is dropped. When the last
    concurrent build ends the collector resumes (if it ran before) and the memory freed
    meanwhile is handed back to the operating system (glibc would keep it in the process).
    """
    with _GC_LOCK:
        if _gc_pause["builds"] == 0:
            _gc_pause["resume"] = gc.isenabled()
            gc.disable()
        _gc_pause["builds"] += 1
    try:
        yield
    finally:
        with _GC_LOCK:
            _gc_pause["builds"] -= 1
            if _gc_pause["builds"] == 0:
                if _gc_pause["resume"]:
                    gc.enable()
                if _TRIM is not None:
                    _TRIM(0)


def cached(store: GraphStore, name: str, build: Callable[[], Any]) -> Any:
    """`build()` for the store's current content, computed once per store generation (`graph.cache`)."""
    def run(_s: GraphStore) -> Any:
        with bulk_build():
            return build()
    return store_cache.cached(store, f"analysis-{name}", run)


def load_projection(store: GraphStore) -> Projection:
    return cached(store, "projection", lambda: build_projection(store))


def clear_cache() -> None:
    store_cache.clear()
