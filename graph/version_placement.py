"""Where a newly extracted file goes among the stored versions of its document (`graph.versions`).

A file with the document key of a stored document but other page text than any of its stored
renditions of that media type is a later version, with IRIs of its own (`…-version-2`); a
re-saved copy with the same text replaces its rendition as before.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Iterable

from rdflib import Graph

from styrgraf.ingest.identity import VERSION_SUFFIX, Minter
from styrgraf.ingest.records import DocumentInfo
from styrgraf.ingest.to_rdf import SourceMeta, decode_content
from styrgraf.ontology.terms import RDF, SG, sparql_prefixes

from styrgraf.graph.store.interface import GraphStore
from styrgraf.graph.store.terms import nt_literal

P = sparql_prefixes()


def text_fingerprint(pages: Iterable[tuple[int, str]]) -> str:
    """The sha256 of a rendition's page texts, in page order: equal for re-saved copies of a file."""
    h = hashlib.sha256()
    for number, page_text in sorted(pages):
        h.update(f"{number}\x1f{page_text}\x1e".encode())
    return h.hexdigest()


def content_fingerprint(content: Graph) -> str:
    """`text_fingerprint` of a stored contribution, from the page texts it holds."""
    return text_fingerprint((int(content.value(p, SG.pageNumber)), str(content.value(p, RDF.value)))
                            for p in content.subjects(RDF.type, SG.Page))


@dataclass(frozen=True)
class Placement:
    """Where an extracted file goes: the minter of its document graph, and, for a new version,
    the graph of the version it follows (a damaged copy is refused by comparing with that one)."""

    minter: Minter
    follows: str | None = None
    new_version: bool = False  # a new document of a series with other stored versions


def place(store: GraphStore, info: DocumentInfo, source: SourceMeta, fingerprint: str) -> Placement:
    """The version of its document a file belongs to.

    Its own stored graph if its sha256 is stored there; else the newest version holding a
    rendition of its media type with the same page text (a re-saved copy replaces it); else the
    newest version without a rendition of its media type (a new rendition); else a new version.
    A stored rendition whose contribution is not kept is taken to be the same text, as before
    versions were kept.
    """
    base = Minter(info)
    series = _series_graphs(store, base)
    family = _same_key_graphs(store, base, series)
    if not family:
        return Placement(base, new_version=bool(series))
    numbers = {g: n for n, g in family.items()}
    holder = store.find_graph_by_sha256(source.sha256)
    if holder in numbers:
        return Placement(Minter(info, version=numbers[holder]))
    texts = {n: _fingerprints(store, g, source.media_type) for n, g in family.items()}
    for n in sorted(family, reverse=True):
        if fingerprint in texts[n] or None in texts[n]:
            return Placement(Minter(info, version=n))
    lacking = [n for n in family if not texts[n]]
    if lacking:
        return Placement(Minter(info, version=max(lacking)))
    newest = max(family)
    return Placement(Minter(info, version=newest + 1), follows=family[newest], new_version=True)


def version_number(graph_iri: str) -> int:
    """1 for a document key's first graph, N for its `…-version-N`."""
    _, sep, tail = graph_iri.rpartition(VERSION_SUFFIX)
    return int(tail) if sep and tail.isdigit() else 1


def _series_graphs(store: GraphStore, base: Minter) -> set[str]:
    """The stored graphs of every version of the document (`dcterms:isVersionOf` its series)."""
    series = base.series()
    if not series:
        return set()
    rows = store.select(P + f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?g sg:about ?d . ?d dcterms:isVersionOf <{series}> }} }}")
    return {str(r["g"]) for r in rows}


def _same_key_graphs(store: GraphStore, base: Minter, series: set[str]) -> dict[int, str]:
    """The stored graphs of one document key, by version number (a graph written before versions
    were kept has no series but is found by its IRI)."""
    graphs = {g for g in series if g == base.graph() or g.startswith(base.graph() + VERSION_SUFFIX)}
    if store.has_graph(base.graph()):
        graphs.add(base.graph())
    return {version_number(g): g for g in graphs}


def _fingerprints(store: GraphStore, graph_iri: str, media_type: str) -> set[str | None]:
    """The page-text fingerprints of a graph's renditions of one media type (None: not kept)."""
    rows = store.select(P + f"""SELECT ?f ?c WHERE {{ GRAPH <{graph_iri}> {{
        <{graph_iri}> prov:wasDerivedFrom ?f . ?f dcterms:format {nt_literal(media_type)}
        OPTIONAL {{ ?x prov:used ?f ; sg:contributed ?c }} }} }}""")
    out: set[str | None] = set()
    for r in rows:
        content = decode_content(r["c"]) if r.get("c") is not None else None
        out.add(content_fingerprint(content) if content is not None else None)
    return out


__all__ = ["Placement", "place", "text_fingerprint", "content_fingerprint", "version_number"]
