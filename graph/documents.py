"""Documents in the store: ingest one file, list, remove.

One named graph per source document. A file whose sha256 is already stored, extracted by
the same extractor version, is `unchanged` and writes nothing; extracted by another
version, it is extracted again and `replaced`. Another rendition of a stored document (the PDF
of a plan whose text export is stored, or the other way round) replaces the
document's graph with the new extraction and keeps the other renditions'
metadata, so the document stays one document. A changed file of the same
media type is a new version and replaces the graph atomically.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from rdflib import URIRef

from styrgraf.ingest.identity import Minter
from styrgraf.ingest import pipeline
from styrgraf.ingest.pipeline import extract_path
from styrgraf.ingest.records import Finding
from styrgraf.ingest.sources import SourceError
from styrgraf.ingest.to_rdf import SourceMeta
from styrgraf.ontology.terms import sparql_prefixes

from styrgraf.graph.analysis.rows import rows_of_graph, rows_triple
from styrgraf.graph.store.interface import GraphStore, StoreError


@dataclass
class IngestResult:
    path: Path
    status: str  # "ingested" | "replaced" | "rendition" | "unchanged" | "failed"
    graph: str | None = None
    document: str | None = None
    title: str | None = None
    reason: str | None = None
    reason_en: str | None = None
    findings: list[Finding] = field(default_factory=list)
    triples: int = 0

    @property
    def ok(self) -> bool:
        return self.status != "failed"


def _stored_renditions(store: GraphStore, graph_iri: str) -> list[SourceMeta]:
    rows = store.select(
        sparql_prefixes()
        + f"""SELECT ?sha ?size ?fmt ?name WHERE {{ GRAPH <{graph_iri}> {{
            ?f a sg:SourceFile ; sg:sha256 ?sha ; sg:byteSize ?size ; dcterms:format ?fmt ; sg:fileName ?name }} }}"""
    )
    return [SourceMeta(str(r["name"]), str(r["sha"]), int(r["size"]), str(r["fmt"])) for r in rows]


def ingest_file(store: GraphStore, path: Path | str) -> IngestResult:
    """Ingest one file; never raises for bad input: the result says why it failed."""
    path = Path(path)
    try:
        extracted = extract_path(path)
    except SourceError as err:
        return IngestResult(path, "failed", reason=err.reason, reason_en=err.reason_en)
    existing = store.find_graph_by_sha256(extracted.source.sha256)
    if existing and _extracted_by(store, existing) == pipeline.EXTRACTOR_VERSION:
        return IngestResult(path, "unchanged", graph=existing, title=extracted.records.document.title)
    # Not stored yet, or stored by another version of the extractor: a newer extractor may find
    # more (or less), so the same file is extracted again and replaces what the old one wrote.
    graph_iri, graph = extracted.to_graph()
    if existing and existing != graph_iri:
        # The new extraction names the document differently: the old graph goes once the new one is in.
        result = _write(store, path, extracted, graph_iri, graph)
        store.drop_graph(existing)
        return replace(result, status="replaced")
    return _write(store, path, extracted, graph_iri, graph)


def _extracted_by(store: GraphStore, graph_iri: str) -> str | None:
    rows = store.select(sparql_prefixes() + f"SELECT ?v WHERE {{ GRAPH <{graph_iri}> {{ <{graph_iri}> sg:extractorVersion ?v }} }}")
    return str(rows[0]["v"]) if rows else None


def _write(store: GraphStore, path: Path, extracted, graph_iri: str, graph) -> IngestResult:
    title = extracted.records.document.title
    if store.has_graph(graph_iri):
        stored = _stored_renditions(store, graph_iri)
        if all(r.media_type != extracted.source.media_type for r in stored):
            # Another rendition (PDF beside text) of a stored document: one document,
            # so its content stays and only the new file's metadata is added.
            _add_rendition(store, graph_iri, extracted)
            return IngestResult(path, "rendition", graph=graph_iri, title=title,
                                findings=list(extracted.records.findings))
        keep = tuple(r for r in stored if r.media_type != extracted.source.media_type)
        graph_iri, graph = extracted.to_graph(renditions=keep)
        store.replace_graph(graph_iri, with_analysis_rows(graph_iri, graph))
        return IngestResult(path, "replaced", graph=graph_iri, title=title,
                            findings=list(extracted.records.findings), triples=len(graph))
    store.replace_graph(graph_iri, with_analysis_rows(graph_iri, graph))
    return IngestResult(path, "ingested", graph=graph_iri, title=title,
                        findings=list(extracted.records.findings), triples=len(graph))


def with_analysis_rows(graph_iri: str, graph):
    """The graph with its analysis rows (`graph.analysis.rows`): written with the document, so the
    analyses read one value per document instead of querying every document's triples."""
    graph.add(rows_triple(graph_iri, rows_of_graph(graph_iri, graph)))
    return graph


def _add_rendition(store: GraphStore, graph_iri: str, extracted) -> None:
    _, graph = extracted.to_graph()
    rendition = URIRef(Minter(extracted.records.document).rendition(extracted.source.sha256))
    store.add_triples(graph_iri, [(s, p, o) for s, p, o in graph if s == rendition or o == rendition])


def list_documents(store: GraphStore) -> list[dict]:
    """What is stored: one row per document graph."""
    rows = store.select(
        sparql_prefixes()
        + """SELECT ?g ?doc ?title ?id ?date ?dateText ?pages ?type ?at
               (GROUP_CONCAT(DISTINCT ?sha; separator=" ") AS ?shas) WHERE {
          GRAPH ?g { ?g a sg:DocumentGraph ; sg:about ?doc ; prov:generatedAtTime ?at .
            ?doc dcterms:title ?title ; sg:pageCount ?pages ; dcterms:type ?type .
            OPTIONAL { ?doc dcterms:identifier ?id }
            OPTIONAL { ?doc dcterms:date ?date }
            OPTIONAL { ?doc sg:dateText ?dateText }
            OPTIONAL { ?doc sg:rendition/sg:sha256 ?sha } } }
        GROUP BY ?g ?doc ?title ?id ?date ?dateText ?pages ?type ?at ORDER BY ?date ?title"""
    )
    out = []
    for r in rows:
        out.append({
            "graph": str(r["g"]), "iri": str(r["doc"]), "title": str(r["title"]),
            "identifier": str(r["id"]) if r.get("id") else None,
            "date": str(r["date"]) if r.get("date") else (str(r["dateText"]) if r.get("dateText") else None),
            "type": str(r["type"]).rsplit("doctype-", 1)[-1], "pages": int(r["pages"]),
            "sha256": sorted(str(r["shas"]).split()) if r.get("shas") else [],
            "ingested_at": str(r["at"]),
        })
    return out


def find_document_graph(store: GraphStore, ref: str) -> str | None:
    """The graph of a document given its graph IRI, document IRI, slug, Dnr or a sha256."""
    for doc in list_documents(store):
        slug = doc["iri"].rstrip("/").rsplit("/", 1)[-1]
        if ref in (doc["graph"], doc["iri"], slug, doc["identifier"]) or ref in doc["sha256"]:
            return doc["graph"]
    return None


def remove_document(store: GraphStore, ref: str) -> str | None:
    graph = find_document_graph(store, ref)
    if graph is None:
        return None
    store.drop_graph(graph)
    return graph


__all__ = ["IngestResult", "ingest_file", "list_documents", "find_document_graph", "remove_document", "StoreError"]
