"""The link index of a store (`graph.analysis.links.LinkIndex`), kept up to date document by document.

Reading the link facts of every document costs about a second per thousand documents, far too
much to do again after each ingest. The index is therefore cached per store and, when the stored
documents change, brought up to date from what changed: one cheap query lists when each
document graph was written (`prov:generatedAtTime`, to the second), and only the graphs written
since the index was read are read again, each by its IRI; removed graphs leave the index. The
graphs written in the same second as the newest one already read are read again too, since
they may have been written twice in that second. A change that moves no graph's time (a raw
SPARQL update, an import of graphs as they were) makes the whole index be read again.
"""
from __future__ import annotations

from dataclasses import dataclass
from string import Template

from styrgraf.graph.analysis import links as lk
from styrgraf.graph.analysis.projection import rows
from styrgraf.graph.store.cache import updated
from styrgraf.graph.store.interface import GraphStore
from styrgraf.graph.store.terms import check_iri

# Above this many changed graphs, one read of the whole store is quicker than a read per graph.
MAX_GRAPHS_READ_ONE_BY_ONE = 200

# Read as CSV rows (`projection.rows`): at 10 000 graphs, building rdflib terms would cost more than the query.
_WRITTEN = "SELECT ?g ?at WHERE { GRAPH ?g { ?g prov:generatedAtTime ?at } }"

# What `graph.documents.list_documents` lists of a document: the graphs it lists are the ones linked.
# `$g`: ?g for every document graph, or one graph's IRI (a lookup, not a scan of all graphs).
_DOCUMENTS = Template("""SELECT ?doc (SAMPLE(STR($g)) AS ?graph) (MIN(?title0) AS ?title) (MIN(?type0) AS ?type)
       (MIN(?date0) AS ?date) (MIN(?dateText0) AS ?dateText) WHERE {
  GRAPH $g { $g a sg:DocumentGraph ; sg:about ?doc ; prov:generatedAtTime ?at0 .
    ?doc dcterms:title ?title0 ; sg:pageCount ?pages0 ; dcterms:type ?type0 .
    OPTIONAL { ?doc dcterms:date ?date0 } OPTIONAL { ?doc sg:dateText ?dateText0 } } }
GROUP BY ?doc""")

_FACTS = Template("""SELECT ?doc ?kind ?node ?value ?date ?text ?dec WHERE {
  GRAPH $g { $g sg:about ?doc .
    { ?doc dcterms:identifier ?value . BIND(?doc AS ?node) BIND("identifier" AS ?kind) }
    UNION { ?doc sg:caseNumber ?value . BIND(?doc AS ?node) BIND("caseNumber" AS ?kind) }
    UNION { ?doc sg:citesCaseNumber ?value . BIND(?doc AS ?node) BIND("citesCaseNumber" AS ?kind) }
    UNION { ?doc dcterms:relation ?node . ?node a sg:RelatedDocument ; dcterms:title ?value . BIND("related" AS ?kind) }
    UNION { ?node a sg:Decision ; dcterms:source ?doc . BIND("decision" AS ?kind)
            OPTIONAL { ?node dcterms:identifier ?value } OPTIONAL { ?node dcterms:date ?date }
            OPTIONAL { ?node dcterms:description ?text } }
    UNION { ?node a sg:MeetingParagraph ; dcterms:source ?doc . BIND("paragraph" AS ?kind)
            OPTIONAL { ?node dcterms:identifier ?value } OPTIONAL { ?node dcterms:title ?text }
            OPTIONAL { ?node sg:decision ?dec } } } }""")


@dataclass(frozen=True)
class _State:
    index: lk.LinkIndex
    fingerprints: dict[str, str]  # graph -> when it was written
    documents: dict[str, str]  # graph -> the document it holds, for the graphs in the index


def link_index(store: GraphStore) -> lk.LinkIndex:
    """Every document's facts that links are made from, indexed by the keys the link rules compare."""
    return updated(store, "link-index", _build, _update).index


def _fingerprints(store: GraphStore) -> dict[str, str]:
    """When each document graph was written (to the second)."""
    return {r["g"]: r["at"] or "" for r in rows(store, _WRITTEN)}


def _build(store: GraphStore) -> _State:
    fingerprints = _fingerprints(store)
    facts, documents = _facts(store, None)
    return _State(lk.LinkIndex(facts), fingerprints, documents)


def _update(store: GraphStore, old: _State) -> _State:
    fingerprints = _fingerprints(store)
    changed = {g for g, f in fingerprints.items() if old.fingerprints.get(g) != f}
    gone = set(old.fingerprints) - set(fingerprints)
    if not changed and not gone or len(changed) > MAX_GRAPHS_READ_ONE_BY_ONE:
        return _build(store)
    # A graph written in the same second as the newest one the index had read may have been written again since.
    newest = max(old.fingerprints.values(), default=None)
    changed |= {g for g, f in fingerprints.items() if f == newest}
    facts: dict[str, lk.DocFacts] = {}
    documents: dict[str, str] = {}
    for graph in sorted(changed):
        f, d = _facts(store, graph)
        facts |= f
        documents |= d
    kept = {g: d for g, d in old.documents.items() if g not in gone and g not in changed}
    removed = {old.documents[g] for g in gone | changed if g in old.documents}
    return _State(old.index.changed(list(facts.values()), removed), fingerprints, kept | documents)


def _facts(store: GraphStore, graph: str | None) -> tuple[dict[str, lk.DocFacts], dict[str, str]]:
    """The link facts of the documents of one graph (of all when None), and the document of each graph."""
    g = "?g" if graph is None else f"<{check_iri(graph)}>"
    facts: dict[str, lk.DocFacts] = {}
    documents: dict[str, str] = {}
    for r in rows(store, _DOCUMENTS.substitute(g=g)):
        doc = r["doc"]
        facts[doc] = lk.DocFacts(doc, r["title"], r["type"].rsplit("doctype-", 1)[-1], r["date"] or r["dateText"])
        documents[r["graph"]] = doc
    if facts:
        _add_facts(facts, rows(store, _FACTS.substitute(g=g)))
    return facts, documents


def _add_facts(facts: dict[str, lk.DocFacts], found: list[dict]) -> None:
    decisions = {r["node"]: lk.Decision(r["node"], r["date"], r["value"], r["text"])
                 for r in found if r["kind"] == "decision"}
    for r in sorted(found, key=lambda r: tuple(r.get(k) or "" for k in ("doc", "kind", "node", "value"))):
        f = facts.get(r["doc"])
        if f is None:
            continue
        kind, node = r["kind"], r["node"]
        if kind in ("identifier", "caseNumber"):
            f.own.append((r["value"], lk.Fact(node, kind)))
        elif kind == "citesCaseNumber":
            f.cited.append((r["value"], lk.Fact(node, kind)))
        elif kind == "related":
            f.related.append((r["value"], lk.Fact(node)))
        elif kind == "decision":
            f.decisions.append(decisions[node])
        elif kind == "paragraph":
            f.paragraphs.append(lk.Paragraph(node, r["text"], r["value"], decisions.get(r["dec"] or "")))
