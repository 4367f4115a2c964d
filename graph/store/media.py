"""Content negotiation for raw SPARQL results (used by the SPARQL endpoint).

Both backends must answer the same Accept header with the same media type, so
the choice is made here and not left to whichever server sits behind.
"""

from __future__ import annotations

from styrgraf.graph.errors import StoreError

# Preferred first: the default when the client accepts anything.
SOLUTION_TYPES = (
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "text/csv",
    "text/tab-separated-values",
)
GRAPH_TYPES = (
    "text/turtle",
    "application/n-triples",
    "application/ld+json",
    "application/rdf+xml",
)
ALIASES = {
    "application/json": "application/sparql-results+json",
    "application/xml": "application/sparql-results+xml",
    "text/plain": "application/n-triples",
}
CONTENT_TYPES = {
    "text/csv": "text/csv; charset=utf-8",
    "text/tab-separated-values": "text/tab-separated-values; charset=utf-8",
    "text/turtle": "text/turtle; charset=utf-8",
    "application/n-triples": "application/n-triples; charset=utf-8",
}


def _parse_accept(accept: str) -> list[tuple[str, float, int]]:
    entries = []
    for index, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        quality = 1.0
        for param in fields[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        entries.append((media, quality, index))
    return entries


def negotiate(accept: str | None, form: str) -> str:
    """Pick the media type for a query of `form` ('SELECT'/'ASK' or 'CONSTRUCT'/'DESCRIBE').

    Raises StoreError(code='not_acceptable') when nothing acceptable is offered.
    """
    offered = GRAPH_TYPES if form in ("CONSTRUCT", "DESCRIBE") else SOLUTION_TYPES
    if not accept or not accept.strip():
        return offered[0]
    best: tuple[float, int, int, str] | None = None
    for media, quality, index in _parse_accept(accept):
        if quality <= 0:
            continue
        media = ALIASES.get(media, media)
        if media == "*/*":
            candidates = list(offered)
        elif media.endswith("/*"):
            candidates = [m for m in offered if m.startswith(media[:-1])]
        else:
            candidates = [media] if media in offered else []
        for candidate in candidates:
            # Highest q wins; then the client's order; then our preference.
            key = (-quality, index, offered.index(candidate), candidate)
            if best is None or key < best:
                best = key
    if best is None:
        raise StoreError(
            "Inget av de begärda formaten (Accept: "
            + accept
            + ") kan levereras för den här frågan. Möjliga format: "
            + ", ".join(offered),
            code="not_acceptable",
        )
    return best[3]


def content_type(media: str) -> str:
    return CONTENT_TYPES.get(media, media)
