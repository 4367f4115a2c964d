"""A networkx projection of the RDF graph: the entities and relations the analyses need.

Built with a fixed handful of bulk SPARQL SELECTs (one per kind of fact,
never one per entity), so its cost grows with the store, not with round trips.
Nodes are entity IRIs with a `kind` attribute and their facts; edges carry the
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

A projection is cached per store and state of the store (the document graphs,
their ingest times and source checksums), so repeated API calls reuse it.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from typing import Any, Iterable

import networkx as nx

from graph import cache as store_cache
from graph.entities import entity_id, evidence_for, resolve
from graph.store import GraphStore
from ontology.terms import sparql_prefixes

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

_Q_DOCUMENTS = """
SELECT ?g ?doc ?title ?id ?date ?dateText ?muni ?muniLabel ?at ?sha WHERE {
  GRAPH ?g { ?g sg:about ?doc .
    OPTIONAL { ?g prov:generatedAtTime ?at }
    OPTIONAL { ?doc dcterms:title ?title }
    OPTIONAL { ?doc dcterms:identifier ?id }
    OPTIONAL { ?doc dcterms:date ?date }
    OPTIONAL { ?doc sg:dateText ?dateText }
    OPTIONAL { ?doc sg:municipality ?muni OPTIONAL { ?muni skos:prefLabel ?muniLabel } }
    OPTIONAL { ?g prov:wasDerivedFrom/sg:sha256 ?sha } } }"""
_Q_PROJECTS = """
SELECT ?p ?title ?doc ?owner WHERE { ?p a sg:Project ; dcterms:source ?doc .
  OPTIONAL { ?p dcterms:title ?title } OPTIONAL { ?p sg:owner ?owner } }"""
_Q_SUBPROJECTS = """
SELECT ?s ?n ?title ?doc ?p ?purpose WHERE { ?s a sg:Subproject ; dcterms:source ?doc .
  OPTIONAL { ?s sg:number ?n } OPTIONAL { ?s dcterms:title ?title }
  OPTIONAL { ?s org:subOrganizationOf ?p } OPTIONAL { ?s sg:purpose ?purpose } }"""
_Q_SUBPROJECT_TEXTS = """
SELECT ?s ?prop ?x ?order ?text WHERE { VALUES ?prop { sg:methodStep sg:scopeLimit }
  ?s ?prop ?x . ?x rdf:value ?text . OPTIONAL { ?x sg:order ?order } }"""
_Q_INTENTIONS = """
SELECT ?i ?n ?letter ?text ?doc ?decision WHERE { ?i a sg:Intention ; sg:number ?n ; skos:inScheme ?scheme .
  ?scheme dcterms:source ?doc .
  OPTIONAL { ?i sg:letter ?letter } OPTIONAL { ?i skos:definition ?text } OPTIONAL { ?i sg:decidedBy ?decision } }"""
_Q_COVERAGE = """
SELECT ?c ?s ?i ?num ?scope WHERE { ?c a sg:Coverage ; sg:subproject ?s .
  OPTIONAL { ?c sg:intention ?i } OPTIONAL { ?c sg:intentionNumber ?num } OPTIONAL { ?c sg:scope ?scope } }"""
_Q_MEMBERSHIPS = """
SELECT ?m ?member ?unit ?role ?roleText WHERE { ?m a org:Membership ; org:member ?member ;
  org:organization ?unit ; org:role ?role . OPTIONAL { ?m sg:roleText ?roleText } }"""
_Q_PEOPLE = """
SELECT ?p ?name ?g WHERE { GRAPH ?g { ?p a foaf:Person ; foaf:name ?name } }"""
_Q_PERSON_FACTS = """
SELECT ?p ?title ?org WHERE { ?p a foaf:Person .
  { ?p sg:jobTitle ?title } UNION { ?p org:memberOf ?org } }"""
_Q_ORGANISATIONS = """
SELECT ?o ?label ?abbr ?muni ?g WHERE { GRAPH ?g { ?o a org:Organization .
  OPTIONAL { ?o skos:prefLabel ?label } OPTIONAL { ?o sg:abbreviation ?abbr }
  OPTIONAL { ?o a sg:Municipality BIND(true AS ?muni) } } }"""
_Q_WORKS = """
SELECT ?w ?title ?cls ?id ?g WHERE { GRAPH ?g { ?w a sg:ReferencedWork ; a ?cls .
  OPTIONAL { ?w dcterms:title ?title } OPTIONAL { ?w dcterms:identifier ?id } } }"""
_Q_CONSIDERATIONS = """
SELECT ?c ?s ?t ?sib WHERE { ?c a sg:Consideration ; sg:subproject ?s ; sg:considers ?t .
  OPTIONAL { ?c sg:siblings ?sib } }"""
_Q_MILESTONES = """
SELECT ?m ?label ?of ?date ?ym ?text ?valid WHERE { ?m a sg:Milestone ; sg:milestoneOf ?of .
  OPTIONAL { ?m rdfs:label ?label } OPTIONAL { ?m time:inXSDDate ?date } OPTIONAL { ?m time:inXSDgYearMonth ?ym }
  OPTIONAL { ?m sg:dateText ?text } OPTIONAL { ?m sg:dateValid ?valid } }"""
_Q_DECISIONS = """
SELECT ?d ?kind ?doc ?date ?text ?valid ?body ?id WHERE { ?d a sg:Decision ; dcterms:source ?doc .
  OPTIONAL { ?d sg:decisionKind ?kind } OPTIONAL { ?d dcterms:date ?date } OPTIONAL { ?d sg:dateText ?text }
  OPTIONAL { ?d sg:dateValid ?valid } OPTIONAL { ?d prov:wasAssociatedWith ?body } OPTIONAL { ?d dcterms:identifier ?id } }"""
_Q_DECISION_LINKS = """
SELECT ?d ?rel ?o WHERE { VALUES ?rel { sg:buildsOn prov:generated } ?d a sg:Decision ; ?rel ?o }"""
_Q_DATES = """
SELECT ?x ?text ?valid ?g ?type WHERE { GRAPH ?g { ?x sg:dateText ?text . OPTIONAL { ?x sg:dateValid ?valid }
  OPTIONAL { ?x a ?type FILTER(?type IN (sg:Document, sg:Decision, sg:Milestone, sg:Appendix)) } } }"""
_Q_STATE = """
SELECT ?g ?at ?sha WHERE { GRAPH ?g { ?g a sg:DocumentGraph . OPTIONAL { ?g prov:generatedAtTime ?at }
  OPTIONAL { ?g prov:wasDerivedFrom/sg:sha256 ?sha } } }"""


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


@dataclass
class Projection:
    graph: nx.MultiDiGraph
    dates: list[dict] = field(default_factory=list)  # every sg:dateText statement, for the checks
    state: frozenset = frozenset()

    # -- access ---------------------------------------------------------------------------
    # A projection is not changed after `build_projection`, so the lookups the analyses make
    # millions of times (a node's facts, its edges of one relation, the nodes of one kind) are
    # indexed once, on first use, instead of filtering networkx views on every call.

    def __post_init__(self) -> None:
        self._by_kind: dict[str, list[str]] | None = None
        self._out: dict[tuple[str, str], list[tuple[str, dict]]] | None = None
        self._in: dict[tuple[str, str], list[tuple[str, dict]]] | None = None

    def _index_edges(self) -> None:
        out: dict[tuple[str, str], list[tuple[str, dict]]] = {}
        into: dict[tuple[str, str], list[tuple[str, dict]]] = {}
        for u, v, d in self.graph.edges(data=True):
            rel = d.get("rel")
            out.setdefault((u, rel), []).append((v, d))
            into.setdefault((v, rel), []).append((u, d))
        self._out, self._in = out, into

    def edges_of(self, rel: str) -> list[tuple[str, str, dict]]:
        """All edges of one relation, as (source, target, data)."""
        if self._out is None:
            self._index_edges()
        assert self._out is not None
        return [(u, v, d) for (u, r), items in self._out.items() if r == rel for v, d in items]

    def of_kind(self, kind: str) -> list[str]:
        if self._by_kind is None:
            by_kind: dict[str, list[str]] = {}
            for n, k in self.graph.nodes(data="kind"):
                by_kind.setdefault(k, []).append(n)
            self._by_kind = by_kind
        return list(self._by_kind.get(kind, ()))

    def node(self, iri: str) -> dict:
        return self.graph._node.get(iri, _NO_FACTS)

    def kind(self, iri: str) -> str | None:
        return self.graph._node.get(iri, _NO_FACTS).get("kind")

    def out_edges(self, iri: str, rel: str) -> list[tuple[str, dict]]:
        if self._out is None:
            self._index_edges()
        assert self._out is not None
        return list(self._out.get((iri, rel), ()))

    def in_edges(self, iri: str, rel: str) -> list[tuple[str, dict]]:
        if self._in is None:
            self._index_edges()
        assert self._in is not None
        return list(self._in.get((iri, rel), ()))

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
    if iri is None or iri not in p.graph:
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


_rows = rows


def _bool(value: str | None) -> bool | None:
    return None if value is None else value in ("true", "1")


def build_projection(store: GraphStore, state: frozenset | None = None) -> Projection:
    """Read the store with bulk SELECTs and build the networkx projection."""
    g = nx.MultiDiGraph()
    docs: dict[str, dict] = {}
    for r in _rows(store, _Q_DOCUMENTS):
        doc = str(r["doc"])
        d = docs.setdefault(doc, {"kind": "document", "graph": str(r["g"]), "title": _s(r.get("title")),
                                  "identifier": _s(r.get("id")), "date": _s(r.get("date")),
                                  "date_text": _s(r.get("dateText")), "municipality": _s(r.get("muniLabel")),
                                  "scope": municipality_key(_s(r.get("muniLabel")))})
        for k, v in (("title", r.get("title")), ("identifier", r.get("id")), ("municipality", r.get("muniLabel"))):
            if v is not None and d.get(k) is None:
                d[k] = str(v)
                if k == "municipality":
                    d["scope"] = municipality_key(str(v))
    graph_doc = {d["graph"]: doc for doc, d in docs.items()}
    for doc, d in docs.items():
        g.add_node(doc, **d)

    def doc_scope(doc: str | None) -> str:
        return docs.get(doc or "", {}).get("scope", "okand")

    for r in _rows(store, _Q_PROJECTS):
        p, doc = str(r["p"]), str(r["doc"])
        g.add_node(p, kind="project", title=_s(r.get("title")), doc=doc, scope=doc_scope(doc),
                   owner=_s(r.get("owner")), project=p)
        g.add_edge(doc, p, key="describes", rel="describes")
    for r in _rows(store, _Q_SUBPROJECTS):
        s, doc = str(r["s"]), str(r["doc"])
        p = _s(r.get("p"))
        g.add_node(s, kind="subproject", number=int(r["n"]) if r.get("n") is not None else None,
                   title=_s(r.get("title")), doc=doc, project=p, scope=doc_scope(doc),
                   purpose=_s(r.get("purpose")), method_steps=[], scope_limits=[], unknown_intentions=[])
        if p:
            g.add_edge(p, s, key="has_subproject", rel="has_subproject")
    for r in _rows(store, _Q_SUBPROJECT_TEXTS):
        s = str(r["s"])
        if s not in g:
            continue
        which = "method_steps" if str(r["prop"]).endswith("methodStep") else "scope_limits"
        g.nodes[s][which].append((int(r["order"]) if r.get("order") is not None else 0, str(r["x"]), str(r["text"])))
    for s in [n for n, k in g.nodes(data="kind") if k == "subproject"]:
        for which in ("method_steps", "scope_limits"):
            g.nodes[s][which].sort()

    doc_project = {d: p for d, p, k in g.edges(keys=True) if k == "describes"}
    for r in _rows(store, _Q_INTENTIONS):
        i, doc = str(r["i"]), str(r["doc"])
        g.add_node(i, kind="intention", number=int(r["n"]), letter=_s(r.get("letter")), text=_s(r.get("text")),
                   doc=doc, project=doc_project.get(doc), scope=doc_scope(doc))
        if r.get("decision") is not None:
            g.add_edge(i, str(r["decision"]), key="decided_by", rel="decided_by")
    for r in _rows(store, _Q_COVERAGE):
        c, s = str(r["c"]), str(r["s"])
        if s not in g:
            continue
        if r.get("i") is not None:
            g.add_edge(s, str(r["i"]), key=c, rel="addresses", node=c, scope=_s(r.get("scope")))
        elif r.get("num") is not None:
            g.nodes[s]["unknown_intentions"].append((c, int(r["num"])))

    for r in _rows(store, _Q_PEOPLE):
        p = str(r["p"])
        doc = graph_doc.get(str(r["g"]))
        if p not in g:
            g.add_node(p, kind="person", name=str(r["name"]), names=set(), docs=set(), scope=doc_scope(doc),
                       titles=set())
        n = g.nodes[p]
        n["names"].add(str(r["name"]))
        # One IRI may be written `Sjöström` in one document and `Sjostrom` in another: show the diacritics.
        n["name"] = max(n["names"], key=lambda x: (fold(x) != x.lower(), x))
        if doc:
            n["docs"].add(doc)
    for r in _rows(store, _Q_ORGANISATIONS):
        o = str(r["o"])
        doc = graph_doc.get(str(r["g"]))
        if o not in g:
            g.add_node(o, kind="organisation", name=None, abbreviation=None, municipality=False, docs=set(),
                       scope=doc_scope(doc))
        n = g.nodes[o]
        if r.get("abbr") is not None and not n["abbreviation"]:
            n["abbreviation"] = str(r["abbr"])
        label = _s(r.get("label"))
        # One IRI may be labelled with its full name in one document and only its abbreviation
        # in another (`SNAB`): the full name is the name.
        if label is not None and (not n["name"] or (n["name"] == n["abbreviation"] and label != n["abbreviation"])):
            n["name"] = label
        if r.get("muni") is not None:
            n["municipality"] = True
        if doc:
            n["docs"].add(doc)
    for r in _rows(store, _Q_PERSON_FACTS):
        p = str(r["p"])
        if p not in g:
            continue
        if r.get("title") is not None:
            g.nodes[p]["titles"].add(str(r["title"]))
        if r.get("org") is not None and str(r["org"]) in g:
            g.add_edge(p, str(r["org"]), key="affiliated", rel="affiliated")
    for r in _rows(store, _Q_WORKS):
        w = str(r["w"])
        doc = graph_doc.get(str(r["g"]))
        if w not in g:
            g.add_node(w, kind="work", title=_s(r.get("title")), identifier=_s(r.get("id")), work_kind="other",
                       docs=set(), scope=doc_scope(doc))
        n = g.nodes[w]
        cls = _local(str(r["cls"]))
        if cls in WORK_KINDS and cls != "ReferencedWork":
            n["work_kind"] = WORK_KINDS[cls]
        if doc:
            n["docs"].add(doc)

    for r in _rows(store, _Q_MEMBERSHIPS):
        m, member, unit = str(r["m"]), str(r["member"]), str(r["unit"])
        if member not in g or unit not in g:
            continue
        role = str(r["role"]).rsplit("role-", 1)[-1]
        g.add_edge(member, unit, key=m, rel="member", node=m, role=role, role_text=_s(r.get("roleText")))
    for r in _rows(store, _Q_CONSIDERATIONS):
        c, s, t = str(r["c"]), str(r["s"]), str(r["t"])
        if s not in g or t not in g:
            continue
        g.add_edge(s, t, key=c, rel="considers", node=c, siblings=bool(_bool(r.get("sib"))))

    for r in _rows(store, _Q_MILESTONES):
        m, of = str(r["m"]), str(r["of"])
        g.add_node(m, kind="milestone", label=_s(r.get("label")), date=_s(r.get("date")) or _s(r.get("ym")),
                   date_text=_s(r.get("text")), valid=_bool(r.get("valid")),
                   of=of)
        if of in g:
            g.add_edge(m, of, key="milestone_of", rel="milestone_of")
    for r in _rows(store, _Q_DECISIONS):
        d, doc = str(r["d"]), str(r["doc"])
        if g.nodes.get(d, {}).get("kind") != "decision":  # may exist already as an edge's end
            g.add_node(d, kind="decision", doc=doc, project=doc_project.get(doc), scope=doc_scope(doc),
                       decision_kind=str(r["kind"]).rsplit("decision-", 1)[-1] if r.get("kind") is not None else None,
                       date=_s(r.get("date")), date_text=_s(r.get("text")),
                       valid=_bool(r.get("valid")),
                       body=_s(r.get("body")), identifier=_s(r.get("id")))
    for r in _rows(store, _Q_DECISION_LINKS):
        d, o = str(r["d"]), str(r["o"])
        rel = "builds_on" if str(r["rel"]).endswith("buildsOn") else "generated"
        if d in g and o in g:
            g.add_edge(d, o, key=rel, rel=rel)

    dates = []
    for r in _rows(store, _Q_DATES):
        dates.append({"iri": str(r["x"]), "text": str(r["text"]),
                      "valid": _bool(r.get("valid")),
                      "doc": graph_doc.get(str(r["g"])), "type": _local(_s(r.get("type")))})
    return Projection(graph=g, dates=dates, state=state if state is not None else frozenset())


# --- caching -------------------------------------------------------------------------------------


def cached(store: GraphStore, name: str, build) -> Any:
    """`build(state)` for the store's current content, computed once per store generation
    (`graph.cache`); `state` lists the document graphs, which the SHACL cache keys on."""
    return store_cache.cached(store, f"analysis-{name}", lambda s: build(state_key(s)))


def load_projection(store: GraphStore) -> Projection:
    return cached(store, "projection", lambda state: build_projection(store, state))


def clear_cache() -> None:
    store_cache.clear()
