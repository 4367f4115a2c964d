"""The ingest pipeline: source file -> pages -> records -> RDF triples.

Pure up to `records_to_triples`; storing is the graph layer's work.
"""
from __future__ import annotations

from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator

from rdflib import Graph

from styrgraf.ingest import name_lexicon
from styrgraf.ingest.document_text import DocumentText
from styrgraf.ingest.formats import pdf as pdf_format
from styrgraf.ingest.kinds import detect_kind, generic
from styrgraf.ingest.pages import Page, normalise_pages
from styrgraf.ingest.records import DocumentInfo, PlanRecords
from styrgraf.ingest.sources import SourceError, SourceFile, open_source
from styrgraf.ingest.rdf_bulk import graph_of
from styrgraf.ingest.to_rdf import SourceMeta, Triple, records_to_triples

EXTRACTOR_VERSION = "styrgraf-extract/0.1.2"


@dataclass
class ExtractedDocument:
    records: PlanRecords
    pages: list[Page]
    preamble: Page | None
    source: SourceMeta
    kind: str
    doc: DocumentText

    def to_triples(self, *, ingested_at: datetime | None = None,
                   renditions: tuple[SourceMeta, ...] = ()) -> tuple[str, list[Triple]]:
        """The document graph's IRI and its triples (what a store is given)."""
        return records_to_triples(
            self.records, self.pages, self.preamble, self.source,
            ingested_at=ingested_at or datetime.now(timezone.utc).replace(microsecond=0),
            extractor_version=EXTRACTOR_VERSION, renditions=renditions,
        )

    def to_graph(self, *, ingested_at: datetime | None = None,
                 renditions: tuple[SourceMeta, ...] = ()) -> tuple[str, Graph]:
        """`to_triples` as an rdflib graph, to read in Python."""
        graph_iri, triples = self.to_triples(ingested_at=ingested_at, renditions=renditions)
        return graph_iri, graph_of(triples)


def _title_hint(preamble: str | None) -> str | None:
    if not preamble:
        return None
    for line in preamble.splitlines():
        if line.strip():
            return line.strip()
    return None


def extract_source(src: SourceFile) -> ExtractedDocument:
    """Extract one opened source; raises SourceError when it is no document of a known kind."""
    # Furniture is told by its repetition from page to page, so all pages are normalised together.
    pages = normalise_pages(src.pages())
    pages = [p for p in pages if p.text] or pages
    if not any(p.text for p in pages):
        raise SourceError(src.path, "no-text", "filen innehåller ingen text", "the file contains no text")
    preamble = Page(0, src.preamble) if src.preamble else None
    doc = DocumentText(pages, preamble)
    # A document of no known kind is still read: its basic facts, and a finding that says so.
    kind = detect_kind(doc) or generic
    records = kind.extract(doc, _title_hint(src.preamble))
    if kind is generic and not _has_basic_facts(records.document):
        raise SourceError(src.path, "no-basic-facts",
                          "texten liknar inget styrdokument: ingen titel med datum, diarienummer eller kommun",
                          "the text looks like no steering document: no title with a date, case number or municipality")
    meta = SourceMeta(src.path.name, src.sha256, src.size, src.media_type)
    return ExtractedDocument(records, pages, preamble, meta, kind.KEY, doc)


def _has_basic_facts(info: DocumentInfo) -> bool:
    """A document of no known kind is kept only when it says what it is: a note without a title,
    date, case number or municipality would be a document of nothing, and all such notes one."""
    return bool(info.title_evidence) and any((info.date, info.identifier, info.municipality))


def prepare_reading(paths: Iterable[Path] | None = None) -> None:
    """Start, ahead, what reading the files will need and takes time to start (the PDF reader's
    starter process), when any of them is named as a PDF or no paths are given (a server, which
    will be sent files). It starts in the background: the caller goes on at once."""
    if paths is None or any(map(_named_pdf, paths)):
        pdf_format.prepare()


def _named_pdf(path: Path | str) -> bool:
    return Path(path).suffix.lower() == ".pdf"


def extract_path(path: Path | str) -> ExtractedDocument:
    return extract_source(open_source(Path(path)))


def extract_ahead(paths: Iterable[Path]) -> Iterator[tuple[Path, ExtractedDocument | SourceError]]:
    """Each file's extraction (or the SourceError that refuses it), in order, while the caller
    works on the one before (builds its triples, stores it): the next file is extracted in one
    thread and the one after it read in another. A PDF is read in a process of its own, which
    waits for no lock of Python's, so on a machine of two cores the reading runs beside the
    extraction and the caller's work, which take turns on the other core.

    What is held ahead is bounded: one file extracted, one file's text read. A caller that stops
    early (Ctrl-C, an error) does not wait for the files ahead: their work is cancelled."""
    reader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="styrgraf-read")
    extractor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="styrgraf-extract")
    try:
        ahead: deque[tuple[Path, Future]] = deque()
        for number, path in enumerate(map(Path, paths)):
            opened = reader.submit(open_source, path)
            ahead.append((path, extractor.submit(_extracted_or_refused, opened)))
            if number == 0 and _named_pdf(path):  # while it is read, what extraction loads on first use
                name_lexicon.load()
            if len(ahead) > _FILES_AHEAD:
                yield _next_of(ahead)
        while ahead:
            yield _next_of(ahead)
    finally:
        reader.shutdown(wait=False, cancel_futures=True)
        extractor.shutdown(wait=False, cancel_futures=True)


# Files under way while the caller works on one: one being extracted, one being read.
_FILES_AHEAD = 2


def _next_of(ahead: deque[tuple[Path, Future]]) -> tuple[Path, ExtractedDocument | SourceError]:
    path, extraction = ahead.popleft()
    return path, extraction.result()


def _extracted_or_refused(opened: Future) -> ExtractedDocument | SourceError:
    try:
        return extract_source(opened.result())
    except SourceError as refused:
        return refused
