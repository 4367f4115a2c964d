"""The analysis rows of each document graph, kept beside the document.

The analyses read a fixed set of SELECTs (`QUERIES`: one per kind of fact).
Run over the whole store they cost minutes at 10 000 documents, because
Oxigraph joins them over tens of millions of triples. Every one of them only
joins facts within one document graph, so their answers for one document can
be computed when it is written, from that graph alone, and kept in it: the
triple `<graph> sg:analysisRows "…"^^rdf:JSON`. Reading the analysis
input is then one lookup per document.

The value is derived data, versioned by `ROWS_VERSION` (a hash of the query
texts and of the encoding): rows written by other queries, or graphs written
without rows (imports, older stores, raw SPARQL updates), are computed again
from the stored graph when read, so what the analyses see never depends on
who wrote a graph. `write_missing_rows` stores them for good
(`styrgraf reindex`).

Encoding: a JSON object `{"v": version, "q": {query name: segment}}`, each
segment the zlib-compressed JSON `[header, rows]` in base64. Segments are
decompressed one query at a time, so at most one query's rows of all
documents are in memory at once.
"""
from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import zlib
from dataclasses import dataclass, field
from typing import Callable, Iterator

import pyoxigraph as ox

from styrgraf.graph.store.interface import GraphStore
from styrgraf.ontology.terms import SG, sparql_prefixes

ROWS_PREDICATE = str(SG.analysisRows)

# Every SELECT the analyses read. Each joins facts of one document graph only (see the module docstring):
# a new query must keep to that, or the per-document rows would miss its cross-document answers.
QUERIES: dict[str, str] = {
    "documents": """
SELECT ?g ?doc ?title ?id ?date ?dateText ?muni ?muniLabel WHERE {
  GRAPH ?g { ?g sg:about ?doc .
    OPTIONAL { ?doc dcterms:title ?title }
    OPTIONAL { ?doc dcterms:identifier ?id }
    OPTIONAL { ?doc dcterms:date ?date }
    OPTIONAL { ?doc sg:dateText ?dateText }
    OPTIONAL { ?doc sg:municipality ?muni OPTIONAL { ?muni skos:prefLabel ?muniLabel } } } }""",
    "projects": """
SELECT ?p ?title ?doc ?owner WHERE { ?p a sg:Project ; dcterms:source ?doc .
  OPTIONAL { ?p dcterms:title ?title } OPTIONAL { ?p sg:owner ?owner } }""",
    "subprojects": """
SELECT ?s ?n ?title ?doc ?p ?purpose WHERE { ?s a sg:Subproject ; dcterms:source ?doc .
  OPTIONAL { ?s sg:number ?n } OPTIONAL { ?s dcterms:title ?title }
  OPTIONAL { ?s org:subOrganizationOf ?p } OPTIONAL { ?s sg:purpose ?purpose } }""",
    "subproject_texts": """
SELECT ?s ?prop ?x ?order ?text WHERE { VALUES ?prop { sg:methodStep sg:scopeLimit }
  ?s ?prop ?x . ?x rdf:value ?text . OPTIONAL { ?x sg:order ?order } }""",
    "intentions": """
SELECT ?i ?n ?letter ?text ?doc ?decision WHERE { ?i a sg:Intention ; sg:number ?n ; skos:inScheme ?scheme .
  ?scheme dcterms:source ?doc .
  OPTIONAL { ?i sg:letter ?letter } OPTIONAL { ?i skos:definition ?text } OPTIONAL { ?i sg:decidedBy ?decision } }""",
    "coverage": """
SELECT ?c ?s ?i ?num ?scope WHERE { ?c a sg:Coverage ; sg:subproject ?s .
  OPTIONAL { ?c sg:intention ?i } OPTIONAL { ?c sg:intentionNumber ?num } OPTIONAL { ?c sg:scope ?scope } }""",
    "people": """
SELECT ?p ?name ?g WHERE { GRAPH ?g { ?p a foaf:Person ; foaf:name ?name } }""",
    "organisations": """
SELECT ?o ?label ?abbr ?muni ?g WHERE { GRAPH ?g { ?o a org:Organization .
  OPTIONAL { ?o skos:prefLabel ?label } OPTIONAL { ?o sg:abbreviation ?abbr }
  OPTIONAL { ?o a sg:Municipality BIND(true AS ?muni) } } }""",
    "person_facts": """
SELECT ?p ?title ?org ?party WHERE { ?p a foaf:Person .
  { ?p sg:jobTitle ?title } UNION { ?p org:memberOf ?org } UNION { ?p sg:party ?party } }""",
    "participations": """
SELECT ?p ?body WHERE { ?meeting a sg:Meeting ; prov:qualifiedAssociation ?n ; prov:wasAssociatedWith ?body .
  ?n prov:agent ?p . ?body a org:Organization }""",
    "works": """
SELECT ?w ?title ?cls ?id ?g WHERE { GRAPH ?g { ?w a sg:ReferencedWork ; a ?cls .
  OPTIONAL { ?w dcterms:title ?title } OPTIONAL { ?w dcterms:identifier ?id } } }""",
    "memberships": """
SELECT ?m ?member ?unit ?role ?roleText WHERE { ?m a org:Membership ; org:member ?member ;
  org:organization ?unit ; org:role ?role . OPTIONAL { ?m sg:roleText ?roleText } }""",
    "considerations": """
SELECT ?c ?s ?t ?sib WHERE { ?c a sg:Consideration ; sg:subproject ?s ; sg:considers ?t .
  OPTIONAL { ?c sg:siblings ?sib } }""",
    "milestones": """
SELECT ?m ?label ?of ?date ?ym ?text ?valid WHERE { ?m a sg:Milestone ; sg:milestoneOf ?of .
  OPTIONAL { ?m rdfs:label ?label } OPTIONAL { ?m time:inXSDDate ?date } OPTIONAL { ?m time:inXSDgYearMonth ?ym }
  OPTIONAL { ?m sg:dateText ?text } OPTIONAL { ?m sg:dateValid ?valid } }""",
    "decisions": """
SELECT ?d ?kind ?doc ?date ?text ?valid ?body ?id WHERE { ?d a sg:Decision ; dcterms:source ?doc .
  OPTIONAL { ?d sg:decisionKind ?kind } OPTIONAL { ?d dcterms:date ?date } OPTIONAL { ?d sg:dateText ?text }
  OPTIONAL { ?d sg:dateValid ?valid } OPTIONAL { ?d prov:wasAssociatedWith ?body } OPTIONAL { ?d dcterms:identifier ?id } }""",
    "decision_links": """
SELECT ?d ?rel ?o WHERE { VALUES ?rel { sg:buildsOn prov:generated } ?d a sg:Decision ; ?rel ?o }""",
    "dates": """
SELECT ?x ?text ?valid ?g ?type WHERE { GRAPH ?g { ?x sg:dateText ?text . OPTIONAL { ?x sg:dateValid ?valid }
  OPTIONAL { ?x a ?type FILTER(?type IN (sg:Document, sg:Decision, sg:Milestone, sg:Appendix)) } } }""",
    "coverage_quotes": """
SELECT ?c ?quote WHERE { ?c a sg:Coverage . ?ev oa:hasBody ?c ; oa:hasTarget/oa:hasSelector ?sel .
  ?sel oa:exact ?quote . FILTER NOT EXISTS { ?ev sg:property ?prop } }""",
    "ingest_findings": """
SELECT ?f ?doc ?sev ?code ?msg ?msg_en WHERE { ?doc sg:finding ?f . ?f sg:severity ?sev ; sg:code ?code .
  OPTIONAL { ?f rdfs:comment ?msg FILTER(lang(?msg) != "en") }
  OPTIONAL { ?f rdfs:comment ?msg_en FILTER(lang(?msg_en) = "en") } }""",
}

_ENCODING = "zlib-json-1"
ROWS_VERSION = hashlib.sha256(
    (_ENCODING + "\n" + "\n".join(f"{k}\n{v}" for k, v in sorted(QUERIES.items()))).encode("utf-8")
).hexdigest()[:16]

Segments = dict[str, str]  # query name -> encoded segment


def _csv_reader(body: bytes) -> Iterator[list[str]]:
    """SPARQL CSV results row by row, the header first, decoded as they are read."""
    return csv.reader(io.TextIOWrapper(io.BytesIO(body), encoding="utf-8", newline=""))


def csv_rows(body: bytes) -> tuple[list[str], list[list[str | None]]]:
    """SPARQL CSV results as a header and rows of strings (None when unbound)."""
    reader = _csv_reader(body)
    header = next(reader, None) or []
    return header, [[v if v != "" else None for v in row] for row in reader]


def _segment(header: list[str], rows: list[list[str | None]]) -> str:
    raw = json.dumps([header, rows], ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return base64.b64encode(zlib.compress(raw, 6)).decode("ascii")


def _unsegment(segment: str) -> tuple[list[str], list[list[str | None]]]:
    header, rows = json.loads(zlib.decompress(base64.b64decode(segment)).decode("utf-8"))
    return header, rows


def rows_of_ntriples(graph_iri: str, data: bytes) -> Segments:
    """Run every analysis query over one document graph given as N-Triples."""
    memory = ox.Store()
    if data.strip():
        memory.load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(graph_iri))
    prefixes = sparql_prefixes()
    out: Segments = {}
    for name, query in QUERIES.items():
        result = memory.query(prefixes + query, use_default_graph_as_union=True)
        header, rows = csv_rows(result.serialize(format=ox.QueryResultsFormat.CSV))
        # In sorted order: the engine's order follows the order the triples were loaded in, and
        # one graph must give one stored value (a graph rebuilt from its renditions is compared).
        out[name] = _segment(header, sorted(rows, key=_row_order))
    return out


def _row_order(row: list[str | None]) -> list[tuple[bool, str]]:
    return [(value is None, value or "") for value in row]


def encode(segments: Segments) -> str:
    return json.dumps({"v": ROWS_VERSION, "q": segments}, separators=(",", ":"))


def decode(value: str | None) -> Segments | None:
    """The segments of a stored value, or None when absent, unreadable or of another version."""
    if not value:
        return None
    try:
        data = json.loads(value)
    except (ValueError, TypeError):
        return None
    if not isinstance(data, dict) or data.get("v") != ROWS_VERSION or not isinstance(data.get("q"), dict):
        return None
    if set(data["q"]) != set(QUERIES):
        return None
    return data["q"]


def rows_triple(graph_iri: str, segments: Segments):
    """The rdflib triple that keeps `segments` in the document graph."""
    from rdflib import Literal, URIRef
    from rdflib.namespace import RDF

    return (URIRef(graph_iri), SG.analysisRows, Literal(encode(segments), datatype=RDF.JSON))


def compute_stored(store: GraphStore, graph_iri: str) -> Segments:
    """The rows of one stored document graph, computed from its triples."""
    # A stale sg:analysisRows in the graph is harmless: no analysis query reads it.
    return rows_of_ntriples(graph_iri, store.graph_ntriples(graph_iri))


_Q_STORED = f"""
SELECT ?g ?rows WHERE {{ GRAPH ?g {{ ?g a sg:DocumentGraph . OPTIONAL {{ ?g <{ROWS_PREDICATE}> ?rows }} }} }}"""


@dataclass
class StoredRows:
    """The analysis rows of every document graph in a store, read query by query."""

    segments: dict[str, Segments] = field(default_factory=dict)  # graph IRI -> segments
    computed: list[str] = field(default_factory=list)  # graphs whose stored rows were missing or stale

    def chunks(self, name: str) -> Iterator[tuple[list[str], list[list[str | None]]]]:
        """Every document's rows of one query, as (header, rows) per document.

        Each query's rows can be read once: they are let go as they are read, so that the
        compressed rows of all documents do not stay in memory beside what is built of them.
        """
        for graph_iri in sorted(self.segments):
            yield _unsegment(self.segments[graph_iri].pop(name))


def _current_rows(store: GraphStore) -> tuple[dict[str, Segments], list[str]]:
    """Each document graph's current stored rows, and the graphs without them (sorted).

    The values are read as they come: at 10 000 documents they are a hundred megabytes,
    and a parsed copy of them all would be several times that.
    """
    body, _media = store.query_raw(sparql_prefixes() + _Q_STORED, "text/csv")
    reader = _csv_reader(body)
    next(reader, None)
    current: dict[str, Segments] = {}
    graphs: set[str] = set()
    for row in reader:
        if not row or not row[0]:
            continue
        graphs.add(row[0])
        segments = decode(row[1]) if len(row) > 1 else None
        if segments is not None:
            current[row[0]] = segments
    return current, sorted(graphs - set(current))


def read_rows(store: GraphStore) -> StoredRows:
    """Every document graph's rows: stored ones as they are, missing or stale ones computed now."""
    current, missing = _current_rows(store)
    out = StoredRows(segments=current, computed=missing)
    for g in missing:
        out.segments[g] = compute_stored(store, g)
    return out


def write_missing_rows(store: GraphStore, progress: Callable[[int, int], None] | None = None) -> list[str]:
    """Store the rows of every document graph that lacks current ones; returns those graphs."""
    from styrgraf.graph.store.interface import rdflib_to_nt

    _current, todo = _current_rows(store)
    del _current  # only which graphs lack rows matters here
    for i, g in enumerate(todo):
        s, p, o = rows_triple(g, compute_stored(store, g))
        # One update per graph: its old rows go and its new ones come together (and the generation with them).
        store.update(f"DELETE WHERE {{ GRAPH <{g}> {{ <{g}> <{ROWS_PREDICATE}> ?old }} }};\n"
                     f"INSERT DATA {{ GRAPH <{g}> {{ {rdflib_to_nt(s)} {rdflib_to_nt(p)} {rdflib_to_nt(o)} . }} }}")
        if progress:
            progress(i + 1, len(todo))
    return todo
