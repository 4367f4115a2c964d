"""Content negotiation: `choose` for every negotiated answer, `negotiate` for SPARQL results.

Both backends must answer the same Accept header with the same media type, so
the choice is made here and not left to whichever server sits behind; linked
data (`/id/…`) negotiates through the same `choose`.
"""

from __future__ import annotations

from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

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


def choose(accept: str | None, offered: tuple[str, ...], aliases: dict[str, str] | None = None) -> str | None:
    """The offered media type the Accept header prefers, or None when none is acceptable.

    The one place where the server negotiates media types (SPARQL results, linked
    data).  RFC 9110 §12.5.1 through werkzeug's `MIMEAccept`: the most specific
    range that matches a type gives its weight, so `application/json;q=0, */*;q=0.1`
    refuses JSON; a weight of 0 means "not acceptable"; equal weights go to the more
    specific range, then to the first offered type.  `aliases` are other names for an
    offered type (`application/json` for SPARQL JSON results).  No header (or an
    empty one) accepts anything: the first offered type.
    """
    if not accept or not accept.strip():
        return offered[0]
    aliases = aliases or {}
    ranges = parse_accept_header(accept, MIMEAccept)
    # A type refused under any of its names (`application/json;q=0`) is refused.
    refused = {item.split(";")[0].strip().lower() for item, quality in ranges if quality <= 0}
    names_of = {media: (media, *[a for a, m in aliases.items() if m == media]) for media in offered}
    names = [name for media in offered if refused.isdisjoint(names_of[media]) for name in names_of[media]]
    best = ranges.best_match(names)
    return aliases.get(best, best) if best is not None else None


def negotiate(accept: str | None, form: str) -> str:
    """Pick the media type for a query of `form` ('SELECT'/'ASK' or 'CONSTRUCT'/'DESCRIBE').

    Raises StoreError(code='not_acceptable') when nothing acceptable is offered.
    """
    offered = GRAPH_TYPES if form in ("CONSTRUCT", "DESCRIBE") else SOLUTION_TYPES
    media = choose(accept, offered, {a: m for a, m in ALIASES.items() if m in offered})
    if media is None:
        raise StoreError.of("query.not_acceptable", code="not_acceptable", accept=accept, offered=", ".join(offered))
    return media


def content_type(media: str) -> str:
    return CONTENT_TYPES.get(media, media)
