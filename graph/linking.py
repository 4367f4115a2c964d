"""The link index of a store (`graph.analysis.links.LinkIndex`), kept up to date document by document.

Reading the link facts of every document costs seconds per thousand documents, far too much to
do again after each ingest. The index is therefore cached per store and, when the stored
documents change, brought up to date from what changed: one cheap query lists each document
graph's fingerprint (when it was written, and the files it was read from), and only the graphs
whose fingerprint is new or changed are read again; removed graphs leave the index. A change
that leaves every fingerprint as it was (a raw SPARQL update, an import of graphs as they were)
makes the whole index be read again, so the index never lags the store.
"""
from __future__ import annotations

from dataclasses import dataclass

from styrgraf.graph.analysis import links as lk
from styrgraf.graph.describe import iri_values, text
from styrgraf.graph.store.cache import updated
from styrgraf.graph.store.interface import GraphStore
from styrgraf.ontology.terms import sparql_prefixes

# One row for the whole store, so that the listing costs one term to read, not three per document.
_FINGERPRINTS = """SELECT (GROUP_CONCAT(?line; separator="\\n") AS ?all) WHERE {
  GRAPH ?g { ?g a sg:DocumentGraph ; prov:generatedAtTime ?at .
             OPTIONAL { ?g prov:wasDerivedFrom/sg:sha256 ?sha } }
  BIND(CONCAT(STR(?g), " ", STR(?at), " ", COALESCE(STR(?sha), "")) AS ?line) }"""

# What `graph.documents.list_documents` lists of a document: the graphs it reads are the ones linked.
_DOCUMENTS = """SELECT ?g ?doc (MIN(?title0) AS ?title) (MIN(?type0) AS ?type) (MIN(?date0) AS ?date)
       (MIN(?dateText0) AS ?dateText) WHERE { %s
  GRAPH ?g { ?g a sg:DocumentGraph ; sg:about ?doc ; prov:generatedAtTime ?at0 .
    ?doc dcterms:title ?title0 ; sg:pageCount ?pages0 ; dcterms:type ?type0 .
    OPTIONAL { ?doc dcterms:date ?date0 } OPTIONAL { ?doc sg:dateText ?dateText0 } } }
GROUP BY ?g ?doc"""

_FACTS = """SELECT ?doc ?kind ?node ?value ?date ?text ?dec WHERE { %s
  GRAPH ?g { ?g sg:about ?doc .
    { ?doc dcterms:identifier ?value . BIND(?doc AS ?node) BIND("identifier" AS ?kind) }
    UNION { ?doc sg:caseNumber ?value . BIND(?doc AS ?node) BIND("caseNumber" AS ?kind) }
    UNION { ?doc sg:citesCaseNumber ?value . BIND(?doc AS ?node) BIND("citesCaseNumber" AS ?kind) }
    UNION { ?doc dcterms:relation ?node . ?node a sg:RelatedDocument ; dcterms:title ?value . BIND("related" AS ?kind) }
    UNION { ?node a sg:Decision ; dcterms:source ?doc . BIND("decision" AS ?kind)
            OPTIONAL { ?node dcterms:identifier ?value } OPTIONAL { ?node dcterms:date ?date }
            OPTIONAL { ?node dcterms:description ?text } }
    UNION { ?node a sg:MeetingParagraph ; dcterms:source ?doc . BIND("paragraph" AS ?kind)
            OPTIONAL { ?node dcterms:identifier ?value } OPTIONAL { ?node dcterms:title ?text }
            OPTIONAL { ?node sg:decision ?dec } } } }"""


@dataclass(frozen=True)
class _State:
    index: lk.LinkIndex
    fingerprints: dict[str, str]  # graph -> fingerprint
    documents: dict[str, str]  # graph -> the document it holds, for the graphs in the index


def link_index(store: GraphStore) -> lk.LinkIndex:
    """Every document's facts that links are made from, indexed by the keys the link rules compare."""
    return updated(store, "link-index", _build, _update).index


def _fingerprints(store: GraphStore) -> dict[str, str]:
    rows = store.select(sparql_prefixes() + _FINGERPRINTS)
    lines: dict[str, set[str]] = {}
    for line in (text(rows[0].get("all")) or "").splitlines() if rows else ():
        graph, _, rest = line.partition(" ")
        lines.setdefault(graph, set()).add(rest)
    return {g: "|".join(sorted(v)) for g, v in lines.items()}


def _build(store: GraphStore) -> _State:
    fingerprints = _fingerprints(store)
    facts, documents = _facts(store, None)
    return _State(lk.LinkIndex(facts), fingerprints, documents)


def _update(store: GraphStore, old: _State) -> _State:
    fingerprints = _fingerprints(store)
    changed = sorted(g for g, f in fingerprints.items() if old.fingerprints.get(g) != f)
    gone = set(old.fingerprints) - set(fingerprints)
    if not changed and not gone:
        return _build(store)
    facts, documents = _facts(store, changed)
    kept = {g: d for g, d in old.documents.items() if g not in gone and g not in changed}
    removed = {old.documents[g] for g in gone | set(changed) if g in old.documents}
    return _State(old.index.changed(list(facts.values()), removed), fingerprints, kept | documents)


def _facts(store: GraphStore, graphs: list[str] | None) -> tuple[dict[str, lk.DocFacts], dict[str, str]]:
    """The link facts of the documents in `graphs` (all when None), and the document of each graph."""
    scope = f"VALUES ?g {{ {iri_values(graphs)} }}" if graphs is not None else ""
    facts: dict[str, lk.DocFacts] = {}
    documents: dict[str, str] = {}
    for r in store.select(sparql_prefixes() + _DOCUMENTS % scope):
        doc = str(r["doc"])
        facts[doc] = lk.DocFacts(doc, text(r.get("title")), str(r["type"]).rsplit("doctype-", 1)[-1],
                                 text(r.get("date")) or text(r.get("dateText")))
        documents[str(r["g"])] = doc
    if facts:
        _add_facts(facts, store.select(sparql_prefixes() + _FACTS % scope))
    return facts, documents


def _add_facts(facts: dict[str, lk.DocFacts], rows: list[dict]) -> None:
    decisions = {str(r["node"]): lk.Decision(str(r["node"]), text(r.get("date")), text(r.get("value")), text(r.get("text")))
                 for r in rows if str(r["kind"]) == "decision"}
    for r in sorted(rows, key=lambda r: tuple(str(r.get(k) or "") for k in ("doc", "kind", "node", "value"))):
        f = facts.get(str(r["doc"]))
        if f is None:
            continue
        kind, node = str(r["kind"]), str(r["node"])
        if kind in ("identifier", "caseNumber"):
            f.own.append((str(r["value"]), lk.Fact(node, kind)))
        elif kind == "citesCaseNumber":
            f.cited.append((str(r["value"]), lk.Fact(node, kind)))
        elif kind == "related":
            f.related.append((str(r["value"]), lk.Fact(node)))
        elif kind == "decision":
            f.decisions.append(decisions[node])
        elif kind == "paragraph":
            f.paragraphs.append(lk.Paragraph(node, text(r.get("text")), text(r.get("value")),
                                             decisions.get(text(r.get("dec")) or "")))
