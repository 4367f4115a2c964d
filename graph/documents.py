"""Documents in the store: ingest files (one at a time, the next ones read ahead), list, remove.

One named graph per document. A document may have several renditions (the text export and
the PDF of one plan, recognised as one document by `ingest.identity`): its graph is the union
of what each rendition's extraction contributed. Entities have the same IRIs whichever file
they were read from, so a fact found in both renditions is one triple, not two. Each
rendition's contribution is kept with its provenance (`sg:contributed`, `ingest.to_rdf`), so
that replacing one rendition rebuilds the graph from the new extraction and the others' kept
contributions: nothing the other renditions contributed is lost.

- A file whose rendition is stored, extracted by the same extractor version, and whose
  contribution the graph still holds, is `unchanged` and writes nothing. When the graph lacks
  part of its contribution (a graph written before contributions were kept, a hand edit), or
  another extractor version stored it, the file is extracted again and written (`replaced`).
- A file of a media type the document has no rendition of is added (`rendition`).
- Another file of a stored rendition's media type with the same page text (a re-saved copy) is
  a new copy of that rendition and replaces it, atomically (`replaced`).
- Another file of a stored rendition's media type with other page text is a new version of the
  document (`version`): it gets a graph and IRIs of its own and the earlier version stays
  (`graph.version_placement`, `graph.versions`).
- A file with fewer pages than a stored rendition of the same document is refused (`failed`,
  the reason names the file and both page counts): it is most likely a damaged copy, and
  letting it replace the intact one would silently lose pages. Removing the document first
  lets a shorter file in.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator

import pyoxigraph as ox
from rdflib import Graph, URIRef

from styrgraf.ingest.abandon import ABANDONED_EN, ABANDONED_SV, abandoned
from styrgraf.ingest.identity import Minter
from styrgraf.ingest import pipeline
from styrgraf.ingest.pipeline import ExtractedDocument, extract_ahead, extract_path, prepare_reading
from styrgraf.ingest.records import Finding
from styrgraf.ingest.sources import SourceError
from styrgraf.ingest.to_rdf import (
    Rendition, SourceMeta, content_ntriples, content_triples, decode_content, document_provenance,
)
from styrgraf.ontology.terms import DCTERMS, PROV, SG, sparql_prefixes

from styrgraf.graph.analysis.rows import rows_of_ntriples, rows_triple
from styrgraf.graph.store.cache import cached
from styrgraf.graph.version_placement import place, text_fingerprint
from styrgraf.graph.store.interface import GraphStore, NTriplesLines, StoreError, triples_to_lines


@dataclass
class IngestResult:
    path: Path
    status: str  # "ingested" | "replaced" | "rendition" | "version" | "unchanged" | "failed"
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


@dataclass
class StoredDocument:
    """A stored document graph and the renditions it was built from."""

    graph_iri: str
    triples: Graph
    renditions: list[Rendition]

    def rendition(self, sha256: str) -> Rendition | None:
        return next((r for r in self.renditions if r.source.sha256 == sha256), None)

    def page_count(self, rendition: Rendition) -> int | None:
        """The pages a rendition has: from its contribution, else what the graph says of the document."""
        source = rendition.content if rendition.content is not None else self.triples
        counts = [int(n) for n in source.objects(None, SG.pageCount)]
        return max(counts) if counts else None


def stored_document(store: GraphStore, graph_iri: str) -> StoredDocument | None:
    data = store.graph_ntriples(graph_iri)
    if not data.strip():
        return None
    triples = Graph().parse(data=data, format="nt")
    return StoredDocument(graph_iri, triples, _renditions(triples, URIRef(graph_iri)))


def _renditions(g: Graph, gi: URIRef) -> list[Rendition]:
    out = []
    for f in sorted(set(g.objects(gi, PROV.wasDerivedFrom))):
        values = [g.value(f, p) for p in (SG.fileName, SG.sha256, SG.byteSize, DCTERMS.format)]
        if None in values:
            continue
        meta = SourceMeta(str(values[0]), str(values[1]), int(values[2]), str(values[3]))
        extraction = next((a for a in g.subjects(PROV.used, f) if (a, SG.contributed, None) in g), None)
        if extraction is None:
            out.append(Rendition(meta))
            continue
        at = g.value(extraction, PROV.startedAtTime)
        out.append(Rendition(meta, str(g.value(extraction, SG.extractorVersion)), str(at) if at else None,
                             decode_content(g.value(extraction, SG.contributed))))
    return _with_legacy_content(g, gi, out)


def _with_legacy_content(g: Graph, gi: URIRef, renditions: list[Rendition]) -> list[Rendition]:
    """A graph written before contributions were kept holds one extraction: that of the file its
    ingest used. That file is given the graph's content as its contribution, so that it survives
    the next replacement like any other; the other listed files have none, and are extracted
    again when ingested."""
    if any(r.content is not None for r in renditions):
        return renditions
    ingests = set(g.objects(gi, PROV.wasGeneratedBy))
    used = {str(g.value(f, SG.sha256)) for a in ingests for f in g.objects(a, PROV.used)}
    version = g.value(gi, SG.extractorVersion)
    if not used or version is None:
        return renditions
    content = _without_provenance(g, gi)
    at = g.value(gi, PROV.generatedAtTime)
    return [replace(r, extractor_version=str(version), extracted_at=str(at) if at else None, content=content)
            if r.source.sha256 in used else r for r in renditions]


def _without_provenance(g: Graph, gi: URIRef) -> Graph:
    files = set(g.objects(gi, PROV.wasDerivedFrom))
    own = {gi} | files | set(g.objects(gi, PROV.wasGeneratedBy)) | {a for f in files for a in g.subjects(PROV.used, f)}
    out = Graph()
    for s, p, o in g:
        if s not in own and p != SG.rendition:
            out.add((s, p, o))
    return out


def prepare_ingest(paths: list[Path] | None = None) -> None:
    """Start ahead, in the background, what ingesting `paths` (None: files yet to come) will need
    (`ingest.pipeline.prepare_reading`)."""
    prepare_reading(paths)


def ingest_file(store: GraphStore, path: Path | str) -> IngestResult:
    """Ingest one file; never raises for bad input: the result says why it failed."""
    path = Path(path)
    try:
        extracted = extract_path(path)
    except SourceError as err:
        extracted = err
    return _ingest_extracted(store, path, extracted)


def ingest_files(store: GraphStore, paths: Iterable[Path]) -> Iterator[IngestResult]:
    """`ingest_file` for each file in order, the next files extracted and read while the current
    one is written (`ingest.pipeline.extract_ahead`)."""
    for path, extracted in extract_ahead(paths):
        try:
            result = _ingest_extracted(store, path, extracted)
        except StoreError as err:  # the store refused this file's write: it failed, the next may not
            result = IngestResult(path, "failed", reason=err.message, reason_en=err.message_en)
        yield result


def _ingest_extracted(store: GraphStore, path: Path, extracted: ExtractedDocument | SourceError) -> IngestResult:
    if isinstance(extracted, SourceError):
        return IngestResult(path, "failed", reason=extracted.reason, reason_en=extracted.reason_en)
    minter = Minter(extracted.records.document)
    graph_iri = minter.graph()
    title = extracted.records.document.title
    if _is_current(store, graph_iri, extracted.source.sha256):
        return IngestResult(path, "unchanged", graph=graph_iri, title=title)
    # Another text with this document's key is a later version of it (`graph.version_placement`).
    pages = [(p.number, p.text) for p in ([extracted.preamble] if extracted.preamble else []) + extracted.pages]
    placement = place(store, extracted.records.document, extracted.source, text_fingerprint(pages))
    if placement.minter.doc_key != minter.doc_key:
        minter, graph_iri = placement.minter, placement.minter.graph()
        if _is_current(store, graph_iri, extracted.source.sha256):
            return IngestResult(path, "unchanged", graph=graph_iri, title=title)
    stored = stored_document(store, graph_iri)
    compared = stored if placement.follows is None else stored_document(store, placement.follows)
    if compared is not None and (refusal := _fewer_pages(compared, extracted, path)) is not None:
        return refusal
    # Stored under another IRI (an extractor that names the document differently): moved once written.
    elsewhere = store.find_graph_by_sha256(extracted.source.sha256)
    now = datetime.now(timezone.utc).replace(microsecond=0)
    new = Rendition(extracted.source, pipeline.EXTRACTOR_VERSION, now.isoformat(),
                    content_triples(extracted.records, extracted.pages, extracted.preamble, minter=minter))
    # A rendition of the same media type is an older version of this file; the others stay as they are.
    kept = [r for r in (stored.renditions if stored else [])
            if r.source.media_type != new.source.media_type and r.source.sha256 != new.source.sha256]
    lines = _document_graph(minter, kept + [new], used=new.source, at=now)
    if abandoned():  # the client left while the text was extracted: nobody is waiting for this write
        return IngestResult(path, "failed", title=title, reason=ABANDONED_SV, reason_en=ABANDONED_EN)
    store.replace_graph(graph_iri, lines)
    status = "version" if placement.new_version else _status(stored, new.source)
    if elsewhere and elsewhere != graph_iri:
        _remove_rendition(store, elsewhere, new.source.sha256)
        status = "replaced"
    return IngestResult(path, status, graph=graph_iri, title=title,
                        findings=list(extracted.records.findings), triples=len(lines))


def _is_current(store: GraphStore, graph_iri: str, sha256: str) -> bool:
    """The file is stored, by this extractor version, and the graph holds all it contributed.

    Asked for every file of every ingest, so the kept contribution is read with one SELECT and
    compared as parsed N-Triples; only a graph written before contributions were kept is read whole.
    """
    rows = store.select(sparql_prefixes() + f"""SELECT ?v ?c WHERE {{ GRAPH <{graph_iri}> {{
        ?f sg:sha256 "{sha256}" . ?x prov:used ?f ; sg:contributed ?c ; sg:extractorVersion ?v }} }} LIMIT 1""")
    if rows:
        version, content = str(rows[0]["v"]), content_ntriples(rows[0]["c"])
    else:
        stored = stored_document(store, graph_iri)
        r = stored.rendition(sha256) if stored is not None else None
        if r is None or r.content is None:
            return False
        version, content = r.extractor_version, r.content.serialize(format="nt", encoding="utf-8")
    if version != pipeline.EXTRACTOR_VERSION or content is None:
        return False
    return _triples(content) <= _triples(store.graph_ntriples(graph_iri))


def _triples(ntriples: bytes) -> set:
    """N-Triples as a set of parsed triples (pyoxigraph: ten times faster than rdflib here)."""
    return {q.triple for q in ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES)}


def _status(stored: StoredDocument | None, source: SourceMeta) -> str:
    if stored is None:
        return "ingested"
    if any(r.source.sha256 == source.sha256 or r.source.media_type == source.media_type for r in stored.renditions):
        return "replaced"
    return "rendition"


def _fewer_pages(stored: StoredDocument, extracted: ExtractedDocument, path: Path) -> IngestResult | None:
    """Refuse a file with fewer pages than a stored rendition of its document (see the module docstring)."""
    pages = extracted.records.document.page_count
    counts = [(n, r) for r in stored.renditions if r.source.sha256 != extracted.source.sha256
              for n in [stored.page_count(r)] if n is not None]
    if not counts:
        return None
    most, r = max(counts, key=lambda c: c[0])
    if pages >= most:
        return None
    name, other = path.name, r.source.file_name
    return IngestResult(
        path, "failed", title=extracted.records.document.title,
        reason=(f"{name} har {pages} sidor men dokumentet är lagrat med {most} sidor (från {other}): "
                f"filen verkar skadad och får inte ersätta det lagrade. "
                f"Ta bort dokumentet först om den kortare filen är den rätta."),
        reason_en=(f"{name} has {pages} pages but the document is stored with {most} pages (from {other}): "
                   f"the file looks damaged and may not replace what is stored. "
                   f"Remove the document first if the shorter file is the right one."))


def _document_graph(m: Minter, renditions: list[Rendition], *, used: SourceMeta, at: datetime) -> NTriplesLines:
    """The document graph as the lines a store writes: every rendition's contribution, their
    provenance, the analysis rows."""
    triples = [t for r in renditions if r.content is not None for t in r.content]
    triples += document_provenance(m, renditions, used=used, written_at=at, extractor_version=pipeline.EXTRACTOR_VERSION)
    return with_analysis_rows(m.graph(), triples)


def _remove_rendition(store: GraphStore, graph_iri: str, sha256: str) -> None:
    """Take one rendition out of a stored graph; the graph goes when no contribution is left."""
    stored = stored_document(store, graph_iri)
    if stored is None:
        return
    rest = [r for r in stored.renditions if r.source.sha256 != sha256]
    if not any(r.content is not None for r in rest):
        store.drop_graph(graph_iri)
        return
    now = datetime.now(timezone.utc).replace(microsecond=0)
    store.replace_graph(graph_iri, _document_graph(Minter.of_graph(graph_iri), rest, used=rest[0].source, at=now))


def with_analysis_rows(graph_iri: str, triples: Graph | list) -> NTriplesLines:
    """The graph's lines with its analysis rows (`graph.analysis.rows`): written with the document,
    so the analyses read one value per document instead of querying every document's triples.
    The triples are encoded once, for the rows' queries and for the store."""
    lines = triples_to_lines(triples)
    rows = rows_of_ntriples(graph_iri, "\n".join(lines).encode("utf-8"))
    return NTriplesLines(dict.fromkeys([*lines, *triples_to_lines([rows_triple(graph_iri, rows)])]))


def list_documents(store: GraphStore) -> list[dict]:
    """What is stored: one row per document graph.

    Renditions that disagree on a document fact (a title read differently, more pages in one
    file) would otherwise list the document once per value: one value is shown, the largest
    page count and the smallest of the others.
    """
    rows = store.select(
        sparql_prefixes()
        + """SELECT ?g ?doc (MIN(?title0) AS ?title) (MIN(?id0) AS ?id) (MIN(?date0) AS ?date)
               (MIN(?dateText0) AS ?dateText) (MAX(?pages0) AS ?pages) (MIN(?type0) AS ?type) (MAX(?at0) AS ?at)
               (GROUP_CONCAT(DISTINCT ?sha; separator=" ") AS ?shas) WHERE {
          GRAPH ?g { ?g a sg:DocumentGraph ; sg:about ?doc ; prov:generatedAtTime ?at0 .
            ?doc dcterms:title ?title0 ; sg:pageCount ?pages0 ; dcterms:type ?type0 .
            OPTIONAL { ?doc dcterms:identifier ?id0 }
            OPTIONAL { ?doc dcterms:date ?date0 }
            OPTIONAL { ?doc sg:dateText ?dateText0 }
            OPTIONAL { ?doc sg:rendition/sg:sha256 ?sha } } }
        GROUP BY ?g ?doc"""
    )
    out = []
    for r in rows:
        order = (str(r["date"]) if r.get("date") else "", str(r["title"]))  # undated first, as SPARQL orders
        out.append((order, {
            "graph": str(r["g"]), "iri": str(r["doc"]), "title": str(r["title"]),
            "identifier": str(r["id"]) if r.get("id") else None,
            "date": str(r["date"]) if r.get("date") else (str(r["dateText"]) if r.get("dateText") else None),
            "type": str(r["type"]).rsplit("doctype-", 1)[-1], "pages": int(r["pages"]),
            "sha256": sorted(str(r["shas"]).split()) if r.get("shas") else [],
            "ingested_at": str(r["at"]),
        }))
    return [doc for _order, doc in sorted(out, key=lambda pair: pair[0])]


def newest_documents(store: GraphStore) -> list[dict]:
    """`list_documents`, newest first (by date, then title), read once per store generation.

    Shared by every answer until the next write: callers must not change it.
    """
    def build(s: GraphStore) -> list[dict]:
        return sorted(list_documents(s), key=lambda d: (d.get("date") or "", d.get("title") or ""), reverse=True)
    return cached(store, "documents-newest-first", build)


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


__all__ = ["IngestResult", "ingest_file", "ingest_files", "prepare_ingest", "list_documents", "find_document_graph", "remove_document", "StoreError"]
