"""The graph store interface and the factory that picks a backend.

Nothing else in Styrgraf talks to a triple store directly: ingest and API go
through `open_store()` and the `GraphStore` methods below.

Data model: every document (and the ontology) is one named graph.  Queries see
the union of all named graphs as their default graph, so callers never write
GRAPH clauses for ordinary lookups.
"""

from __future__ import annotations

import os
import re
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Iterable, Sequence

import rdflib
from rdflib.term import Node

from graph.errors import QueryRefused, StoreError
from graph.serialize import MEDIA_TYPES, Quad, export_quads, normalize_format, parse_for_import
from graph.sparql_guard import check_update
from graph.terms import check_iri, rdflib_to_nt

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
]

try:
    from ontology.terms import SG as _SG

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


def triples_to_lines(triples: Triples | rdflib.Graph) -> list[str]:
    """Encode triples as unique N-Triples lines (the one write format of both backends)."""
    if isinstance(triples, rdflib.Graph):
        triples = triples.triples((None, None, None))
    lines = set()
    for subject, predicate, obj in triples:
        lines.add(f"{rdflib_to_nt(subject)} {rdflib_to_nt(predicate)} {rdflib_to_nt(obj)} .")
    return list(lines)


class GraphStore(ABC):
    """A quad store holding one named graph per document."""

    location: str
    read_only: bool = False

    # -- writing -----------------------------------------------------------

    def replace_graph(self, graph_iri: str, triples: Triples | rdflib.Graph) -> None:
        """Make `graph_iri` hold exactly `triples`, atomically.

        Concurrent readers see the old content or the new, never a mix and
        never an empty graph.  Replacing with no triples removes the graph.
        """
        self._check_writable()
        self._replace_lines(check_iri(graph_iri), triples_to_lines(triples))

    def add_triples(self, graph_iri: str, triples: Triples | rdflib.Graph) -> None:
        """Add triples to a graph (created if absent) in one transaction."""
        self._check_writable()
        lines = triples_to_lines(triples)
        if lines:
            target = f"GRAPH <{check_iri(graph_iri)}>"
            self._execute_update(f"INSERT DATA {{ {target} {{\n" + "\n".join(lines) + "\n} }")

    def drop_graph(self, graph_iri: str) -> bool:
        """Remove a named graph; True if it held any triples."""
        self._check_writable()
        existed = self.has_graph(graph_iri)
        if existed:
            self._execute_update(f"DROP SILENT GRAPH <{check_iri(graph_iri)}>")
        return existed

    def update(self, sparql: str) -> None:
        """Run a SPARQL update (LOAD and SERVICE refused). Prefer replace_graph."""
        self._check_writable()
        check_update(sparql)
        self._execute_update(sparql)

    def import_data(self, data: bytes, fmt: str, graph_iri: str | None = None) -> int:
        """Load an export (trig, nquads, jsonld; turtle/ntriples need `graph_iri`).

        Each graph in the data replaces the graph of the same name; returns the
        number of triples imported.
        """
        self._check_writable()
        graphs = parse_for_import(data, fmt, check_iri(graph_iri) if graph_iri else None)
        for iri, lines in graphs.items():
            self._replace_lines(check_iri(iri), lines)
        return sum(len(lines) for lines in graphs.values())

    # -- reading -----------------------------------------------------------

    def graphs(self) -> list[GraphInfo]:
        rows = self.select(
            "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
        )
        infos = [GraphInfo(str(row["g"]), int(row["n"])) for row in rows if row["g"] is not None]
        return sorted(infos, key=lambda info: info.iri)

    def has_graph(self, graph_iri: str) -> bool:
        return self.ask(f"ASK {{ GRAPH <{check_iri(graph_iri)}> {{ ?s ?p ?o }} }}")

    def count_triples(self, graph_iri: str | None = None) -> int:
        """Triples in one named graph, or quads in all named graphs."""
        target = f"<{check_iri(graph_iri)}>" if graph_iri else "?g"
        rows = self.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {target} {{ ?s ?p ?o }} }}")
        return int(rows[0]["n"]) if rows else 0

    def find_graph_by_sha256(self, sha256: str) -> str | None:
        """The graph holding a `sg:sha256 "<hex>"` statement (metadata of that document)."""
        if not _HEX.match(sha256):
            raise StoreError(f"Ogiltig SHA-256-summa: {sha256!r}", code="invalid_data")
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

    @abstractmethod
    def query_raw(
        self,
        sparql: str,
        accept: str,
        *,
        default_graph_uri: Sequence[str] = (),
        named_graph_uri: Sequence[str] = (),
        timeout: float | None = None,
    ) -> tuple[bytes, str]:
        """Serialized results and their content type, negotiated from `accept`."""

    # -- export ------------------------------------------------------------

    def export(self, fmt: str, graph_iri: str | None = None) -> bytes:
        """Deterministic serialization of all named graphs, or of one."""
        normalize_format(fmt)
        if graph_iri is not None and not self.has_graph(graph_iri):
            raise StoreError(f"Grafen {graph_iri} finns inte i lagret.", code="not_found")
        return export_quads(self._quads(graph_iri), fmt)

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
        """Atomically make `graph_iri` hold exactly these N-Triples lines."""

    @abstractmethod
    def _execute_update(self, sparql: str) -> None:
        """Run an already-checked SPARQL update."""

    @abstractmethod
    def _quads(self, graph_iri: str | None) -> Iterable[Quad]:
        """All quads of the named graphs (or of one), as serialize.Term tuples."""

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError(
                f"Lagret {self.location} är öppnat skrivskyddat.", code="read_only"
            )


def resolve_location(location: str | None = None) -> str:
    """`--store` value, else $STYRGRAF_STORE, else ./var/store."""
    return location or os.environ.get(ENV_VAR) or DEFAULT_LOCATION


def open_store(location: str | None = None, *, read_only: bool = False) -> GraphStore:
    """Open the store at a directory (embedded Oxigraph) or an http(s):// SPARQL server."""
    resolved = resolve_location(location)
    lowered = resolved.lower()
    if lowered.startswith(("http://", "https://")):
        from graph.remote import RemoteStore

        return RemoteStore(resolved, read_only=read_only)
    if "://" in resolved:
        raise StoreError(
            f"Okänd lagringsplats {resolved!r}: ange en katalog eller en http(s)://-adress "
            "till en SPARQL 1.1-server.",
            code="bad_location",
        )
    from graph.embedded import EmbeddedStore

    return EmbeddedStore(resolved, read_only=read_only)
