"""The graph store interface and the factory that picks a backend.

Nothing else in Styrgraf talks to a triple store directly: ingest and API go
through `open_store()` and the `GraphStore` methods below.

Data model: every document (and the ontology) is one named graph.  Queries see
the union of all named graphs as their default graph, so callers never write
GRAPH clauses for ordinary lookups.

Change detection: every write also replaces one triple in the system graph
(`graph.terms.SYSTEM_GRAPH`) with a fresh random token, in the same update
request, so `generation()` (one tiny lookup) changes whenever the stored
documents do, also for readers in other processes.  The system graph is left
out of `graphs()`, `count_triples()` and exports.
"""

from __future__ import annotations

import os
import re
import secrets
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Iterable, Sequence

import rdflib
from rdflib.term import Node

from styrgraf.graph.errors import QueryRefused, StoreError
from styrgraf.graph.store.media import negotiate
from styrgraf.graph.store.serialize import MEDIA_TYPES, Quad, export_quads, normalize_format, parse_for_import
from styrgraf.graph.store.guard import check_read_only_query, check_update, ends_with_open_operation, query_form
from styrgraf.graph.store.terms import GENERATION_PREDICATE, SYSTEM_GRAPH, check_iri, rdflib_to_nt

__all__ = [
    "DEFAULT_LOCATION",
    "ENV_VAR",
    "SHA256_PREDICATE",
    "GraphInfo",
    "GraphStore",
    "QueryRefused",
    "StoreError",
    "open_store",
    "resolve_location",
    "with_new_generation",
]

try:
    from styrgraf.ontology.terms import SG as _SG

    SHA256_PREDICATE = str(_SG.sha256)
except ImportError:  # TODO: drop the fallback once ontology/terms.py (lead) exists.
    SHA256_PREDICATE = "https://styrgraf.example/ontology#sha256"

DEFAULT_LOCATION = "./var/store"
ENV_VAR = "STYRGRAF_STORE"
_HEX = re.compile(r"^[0-9a-fA-F]{1,128}$")

Triples = Iterable[tuple[Node, Node, Node]]


@dataclass(frozen=True)
class GraphInfo:
    iri: str
    triples: int


def generation_update() -> str:
    """SPARQL update operations replacing the generation token with a fresh one."""
    token = secrets.token_hex(16)
    marker = f"<{SYSTEM_GRAPH}> <{GENERATION_PREDICATE}>"
    return (f"DELETE WHERE {{ GRAPH <{SYSTEM_GRAPH}> {{ {marker} ?old }} }} ;\n"
            f'INSERT DATA {{ GRAPH <{SYSTEM_GRAPH}> {{ {marker} "{token}" }} }}')


def with_new_generation(update: str) -> str:
    """`update` (ending with a complete operation) and a new generation, as one request.

    One request is applied all-or-nothing, so readers never see the change
    without the new generation or the other way round.
    """
    return update + "\n;\n" + generation_update()


def _any_update_with_new_generation(update: str) -> str:
    """`with_new_generation` for arbitrary update text (slower: it reads the text).

    Appended rather than prepended, so that an update dropping every graph
    still leaves a fresh marker.  The separator depends on how the update
    ends: after a trailing `;`, or after a mere prologue, another `;` would
    be a syntax error.
    """
    return update + ("\n;\n" if ends_with_open_operation(update) else "\n") + generation_update()


def document_graph(graph_iri: str) -> str:
    """A valid IRI for a graph that documents may be written to (not the system graph)."""
    if check_iri(graph_iri) == SYSTEM_GRAPH:
        raise StoreError.of("graph.reserved", code="invalid_data", graph=SYSTEM_GRAPH)
    return graph_iri


class NTriplesLines(list):
    """Distinct N-Triples lines as `triples_to_lines` encodes them (every term checked): a write
    given these stores them as they are, instead of encoding the same triples once more."""


def triples_to_lines(triples: Triples | rdflib.Graph | NTriplesLines) -> NTriplesLines:
    """Encode triples as unique N-Triples lines (the one write format of both backends)."""
    if isinstance(triples, NTriplesLines):
        return triples
    if isinstance(triples, rdflib.Graph):
        triples = triples.triples((None, None, None))
    # A document's IRIs recur in many triples (its pages, its evidence): each is encoded once.
    encoded: dict = {}
    known, remember = encoded.get, encoded.setdefault
    lines: dict[str, None] = {}
    for subject, predicate, obj in triples:
        s = known(subject) or remember(subject, rdflib_to_nt(subject))
        p = known(predicate) or remember(predicate, rdflib_to_nt(predicate))
        # rdflib's terms are ABCs, whose `isinstance` is slow: the exact types first.
        literal = type(obj) is rdflib.Literal or (type(obj) is not rdflib.URIRef and isinstance(obj, rdflib.Literal))
        o = rdflib_to_nt(obj) if literal else known(obj) or remember(obj, rdflib_to_nt(obj))
        lines[f"{s} {p} {o} ."] = None
    return NTriplesLines(lines)


class GraphStore(ABC):
    """A quad store holding one named graph per document."""

    location: str
    read_only: bool = False
    # True when generation() is cheap enough to call on an event loop (no I/O wait).
    cheap_generation: bool = False

    # -- writing -----------------------------------------------------------

    def replace_graph(self, graph_iri: str, triples: Triples | rdflib.Graph | NTriplesLines) -> None:
        """Make `graph_iri` hold exactly `triples`, atomically.

        Concurrent readers see the old content or the new, never a mix and
        never an empty graph.  Replacing with no triples removes the graph.
        """
        self._check_writable()
        self._replace_lines(document_graph(graph_iri), triples_to_lines(triples))

    def add_triples(self, graph_iri: str, triples: Triples | rdflib.Graph | NTriplesLines) -> None:
        """Add triples to a graph (created if absent) in one transaction."""
        self._check_writable()
        lines = triples_to_lines(triples)
        if lines:
            target = f"GRAPH <{document_graph(graph_iri)}>"
            self._execute_update(
                with_new_generation(f"INSERT DATA {{ {target} {{\n" + "\n".join(lines) + "\n} }")
            )

    def drop_graph(self, graph_iri: str) -> bool:
        """Remove a named graph; True if it held any triples."""
        self._check_writable()
        existed = self.has_graph(document_graph(graph_iri))
        if existed:
            self._execute_update(with_new_generation(f"DROP SILENT GRAPH <{graph_iri}>"))
        return existed

    def load_new_graphs(self, graphs: Iterable[tuple[str, list[str]]]) -> int:
        """Fill an empty store fast: each (graph IRI, N-Triples lines) becomes a new named graph.

        For building a large store in one go (a restore, a benchmark corpus), not for
        a store that is being read: a backend may use a bulk loader that is not atomic.
        A graph that is already stored is refused before anything is written of it.
        Returns the number of triples loaded.
        """
        self._check_writable()
        total = 0
        for iri, lines in graphs:
            if self.has_graph(document_graph(iri)):
                raise StoreError.of("graph.exists", code="invalid_data", graph=iri)
            self._replace_lines(iri, lines)
            total += len(lines)
        return total

    def update(self, sparql: str) -> None:
        """Run a SPARQL update (LOAD and SERVICE refused). Prefer replace_graph."""
        self._check_writable()
        check_update(sparql)
        self._execute_update(_any_update_with_new_generation(sparql))

    def import_data(self, data: bytes, fmt: str, graph_iri: str | None = None) -> int:
        """Load an export (trig, nquads, jsonld; turtle/ntriples need `graph_iri`).

        Each graph in the data replaces the graph of the same name; returns the
        number of triples imported.
        """
        self._check_writable()
        graphs = parse_for_import(data, fmt, check_iri(graph_iri) if graph_iri else None)
        for iri in graphs:
            document_graph(iri)  # all refused before any is written
        for iri, lines in graphs.items():
            self._replace_lines(iri, lines)
        return sum(len(lines) for lines in graphs.values())

    # -- reading -----------------------------------------------------------

    def generation(self) -> str:
        """A token that changes with every write of the stored documents ("" if never written).

        Stores written before generations existed also answer "" until their
        next write.  Cheap (one lookup): meant to be read once per request.
        """
        rows = self.select(
            f"SELECT ?t WHERE {{ GRAPH <{SYSTEM_GRAPH}> {{ <{SYSTEM_GRAPH}> <{GENERATION_PREDICATE}> ?t }} }} LIMIT 1"
        )
        return str(rows[0]["t"]) if rows and rows[0]["t"] is not None else ""

    def graphs(self) -> list[GraphInfo]:
        """The document graphs (not the system graph) and their triple counts."""
        rows = self.select(
            "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
        )
        infos = [GraphInfo(str(row["g"]), int(row["n"])) for row in rows
                 if row["g"] is not None and str(row["g"]) != SYSTEM_GRAPH]
        return sorted(infos, key=lambda info: info.iri)

    def has_graph(self, graph_iri: str) -> bool:
        return self.ask(f"ASK {{ GRAPH <{check_iri(graph_iri)}> {{ ?s ?p ?o }} }}")

    def count_triples(self, graph_iri: str | None = None) -> int:
        """Triples in one named graph, or quads in all document graphs."""
        if graph_iri:
            where = f"GRAPH <{check_iri(graph_iri)}> {{ ?s ?p ?o }}"
        else:
            where = f"GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != <{SYSTEM_GRAPH}>)"
        rows = self.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")
        return int(rows[0]["n"]) if rows else 0

    def find_graph_by_sha256(self, sha256: str) -> str | None:
        """The graph holding a `sg:sha256 "<hex>"` statement (metadata of that document)."""
        if not _HEX.match(sha256):
            raise StoreError.of("graph.bad_sha256", code="invalid_data", value=sha256)
        rows = self.select(
            "SELECT ?g WHERE { GRAPH ?g { ?doc <" + SHA256_PREDICATE + "> ?h } "
            f'FILTER(LCASE(STR(?h)) = "{sha256.lower()}") }} ORDER BY ?g LIMIT 1'
        )
        return str(rows[0]["g"]) if rows else None

    @abstractmethod
    def select(self, sparql: str, *, timeout: float | None = None) -> list[dict[str, Node | None]]:
        """Run a SELECT; rows map variable names to rdflib terms (None when unbound)."""

    @abstractmethod
    def ask(self, sparql: str, *, timeout: float | None = None) -> bool: ...

    @abstractmethod
    def construct(self, sparql: str, *, timeout: float | None = None) -> rdflib.Graph: ...

    def query_raw(
        self,
        sparql: str,
        accept: str,
        *,
        default_graph_uri: Sequence[str] = (),
        named_graph_uri: Sequence[str] = (),
        timeout: float | None = None,
    ) -> tuple[bytes, str]:
        """Serialized results and their content type, negotiated from `accept`.

        The media type is chosen here (`graph.media.negotiate`), so that both
        backends answer one Accept header alike whatever a server prefers, and
        an unacceptable one fails before anything is evaluated.
        """
        sparql = check_read_only_query(sparql)
        form = query_form(sparql)
        media = negotiate(accept, form) if form is not None else None
        return self._query_raw(sparql, accept, media, tuple(default_graph_uri), tuple(named_graph_uri), timeout)

    # -- export ------------------------------------------------------------

    def export(self, fmt: str, graph_iri: str | None = None) -> bytes:
        """Deterministic serialization of all named graphs, or of one."""
        normalize_format(fmt)
        if graph_iri is not None and not self.has_graph(graph_iri):
            raise StoreError.of("graph.missing", code="not_found", graph=graph_iri)
        return export_quads(self._quads(graph_iri), fmt)

    def graph_ntriples(self, graph_iri: str) -> bytes:
        """One named graph as N-Triples (b"" when it does not exist): the fast path for reading a whole graph."""
        body, _media = self.query_raw(
            f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{check_iri(graph_iri)}> {{ ?s ?p ?o }} }}", "application/n-triples")
        return body

    @staticmethod
    def export_media_type(fmt: str) -> str:
        return MEDIA_TYPES[normalize_format(fmt)]

    # -- lifecycle ---------------------------------------------------------

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> "GraphStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        mode = "read-only" if self.read_only else "read-write"
        return f"<{type(self).__name__} {self.location} {mode}>"

    # -- backend primitives ------------------------------------------------

    @abstractmethod
    def _replace_lines(self, graph_iri: str, lines: list[str]) -> None:
        """Atomically make `graph_iri` hold exactly these N-Triples lines.

        A change also sets a new generation in the same transaction; no lines
        for an absent graph is no write.  (The embedded backend writes only the
        difference, so rewriting what is stored keeps the generation too.)
        """

    @abstractmethod
    def _execute_update(self, sparql: str) -> None:
        """Run an already-checked SPARQL update (callers add `with_new_generation`)."""

    @abstractmethod
    def _query_raw(self, sparql: str, accept: str, media: str | None, default_graphs: tuple[str, ...],
                   named_graphs: tuple[str, ...], timeout: float | None) -> tuple[bytes, str]:
        """Evaluate for `query_raw`; `media` is None when the query form was not recognised."""

    @abstractmethod
    def _quads(self, graph_iri: str | None) -> Iterable[Quad]:
        """All quads of the document graphs (or of one), as serialize.Term tuples."""

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError.of("store.read_only", code="read_only", location=self.location)


def resolve_location(location: str | None = None) -> str:
    """`--store` value, else $STYRGRAF_STORE, else ./var/store."""
    return location or os.environ.get(ENV_VAR) or DEFAULT_LOCATION


def open_store(location: str | None = None, *, read_only: bool = False) -> GraphStore:
    """Open the store at a directory (embedded Oxigraph) or an http(s):// SPARQL server."""
    resolved = resolve_location(location)
    lowered = resolved.lower()
    if lowered.startswith(("http://", "https://")):
        from styrgraf.graph.store.remote import RemoteStore

        return RemoteStore(resolved, read_only=read_only)
    if "://" in resolved:
        raise StoreError.of("store.bad_location", code="bad_location", location=resolved)
    from styrgraf.graph.store.embedded import EmbeddedStore

    return EmbeddedStore(resolved, read_only=read_only)
