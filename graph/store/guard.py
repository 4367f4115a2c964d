"""Checks run on SPARQL text before it reaches any store.

Why: pyoxigraph evaluates ``SERVICE <http://…>`` and ``LOAD <http://…>`` by
making HTTP requests from the server process (verified with a local HTTP
listener, see tests/graph/test_store.py).  A query arriving through the public
SPARQL endpoint must never make the server talk to other hosts, so such
queries are refused here, for both backends, before they are sent anywhere.

Detection is two-staged to keep ordinary queries cheap: a regular-expression
pre-filter on the query's code (after SPARQL ``\\u`` escape expansion, with
IRIs, strings and comments blanked out) and, only when the keyword appears
there as a token, a full parse with rdflib's SPARQL parser (milliseconds).
A query the parser cannot read but that contains the keyword is refused: we
cannot prove it harmless.

``FROM``/``FROM NAMED`` are left alone: neither pyoxigraph nor Oxigraph server
dereferences them (they select graphs already in the store); a test keeps it so.
"""

from __future__ import annotations

import re
from typing import Any, Iterator

from styrgraf.graph.errors import QueryRefused

__all__ = [
    "QueryRefused",
    "check_read_only_query",
    "check_update",
    "has_dataset_clause",
    "query_form",
]

_UNICODE_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
# Keywords as tokens: not part of a variable (?service), a prefixed name
# (ex:service, service:x) or a longer word; searched after _code_only().
_SERVICE = re.compile(r"(?<![?$:\w-])SERVICE(?![:\w-])", re.IGNORECASE)
_SERVICE_OR_LOAD = re.compile(r"(?<![?$:\w-])(?:SERVICE|LOAD)(?![:\w-])", re.IGNORECASE)
_UPDATE_KEYWORDS = re.compile(
    r"\b(insert|delete|load|clear|drop|create|add|move|copy)\b", re.IGNORECASE
)
# Prologue (BASE/PREFIX declarations, comments, whitespace) before the query form.
_FORM = re.compile(
    r"""\A(?:\s+|\#[^\n]*(?:\n|\Z)|BASE\s*<[^>]*>|PREFIX\s+[^\s:]*:\s*<[^>]*>)*
        (SELECT|ASK|CONSTRUCT|DESCRIBE)\b""",
    re.IGNORECASE | re.VERBOSE,
)


# IRIs, strings and comments, blanked out before looking for keywords.
_NOT_KEYWORDS = re.compile(
    r"""<[^<>"{}|^`\\\x00-\x20]*>"""
    r'''|"""(?:[^"\\]|\\.|"(?!""))*"""'''
    r"""|'''(?:[^'\\]|\\.|'(?!''))*'''"""
    r'''|"(?:[^"\\\n\r]|\\.)*"'''
    r"""|'(?:[^'\\\n\r]|\\.)*'"""
    r"""|\#[^\n]*""",
    re.DOTALL,
)
_FROM = re.compile(r"(?<![?$:\w-])FROM(?![:\w-])", re.IGNORECASE)


def _code_only(sparql: str) -> str:
    """The query text with escapes expanded and IRIs, strings and comments blanked.

    Keywords can only occur in what remains, so a keyword search there has
    no false negatives; false positives (odd tokenisation) only cost a parse.
    """
    return _NOT_KEYWORDS.sub(" ", _expand_escapes(sparql))


def ends_with_open_operation(update: str) -> bool:
    """True when the update's last operation is not closed by `;`: another operation
    appended to it needs a `;` first (after a trailing `;` or a bare prologue it may not have one)."""
    code = _code_only(update).rstrip()
    return bool(code) and not code.endswith(";") and bool(_UPDATE_KEYWORDS.search(code))


def _expand_escapes(sparql: str) -> str:
    """Apply the SPARQL 1.1 codepoint-escape preprocessing (section 19.2)."""

    def replace(match: re.Match[str]) -> str:
        try:
            return chr(int(match.group(1) or match.group(2), 16))
        except ValueError:
            return match.group(0)

    return _UNICODE_ESCAPE.sub(replace, sparql)


def _component_names(node: Any) -> Iterator[str]:
    """Names of all rdflib CompValue nodes in a parse tree (iteratively, no recursion limit)."""
    from rdflib.plugins.sparql.parserutils import CompValue

    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, CompValue):
            yield item.name
            stack.extend(item.values())
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)) or hasattr(item, "asList"):
            stack.extend(item)


def check_read_only_query(sparql: str) -> None:
    """Raise QueryRefused if `sparql` could make the store contact another host.

    Also refuses SPARQL updates: this entry point is for read-only queries.
    """
    text = _code_only(sparql)
    if query_form(sparql) is None and _UPDATE_KEYWORDS.search(text):
        from rdflib.plugins.sparql.parser import parseQuery

        try:
            parseQuery(sparql)
        except Exception:
            raise QueryRefused(
                "Endast läsfrågor (SELECT, ASK, CONSTRUCT, DESCRIBE) är tillåtna här."
            ) from None
    if not _SERVICE.search(text):
        return
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        tree = parseQuery(sparql)
    except Exception:
        raise QueryRefused(
            "Frågan innehåller ordet SERVICE och kunde inte kontrolleras; "
            "federerade frågor (SERVICE) är inte tillåtna."
        ) from None
    if "ServiceGraphPattern" in set(_component_names(tree)):
        raise QueryRefused(
            "Federerade frågor (SERVICE) är inte tillåtna: lagret hämtar aldrig data från andra servrar."
        )


def check_update(sparql: str) -> None:
    """Raise QueryRefused for updates that would fetch remote data (LOAD, SERVICE)."""
    text = _code_only(sparql)
    if not _SERVICE_OR_LOAD.search(text):
        return
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        tree = parseUpdate(sparql)
    except Exception:
        raise QueryRefused(
            "Uppdateringen innehåller LOAD eller SERVICE och kunde inte kontrolleras; "
            "den är inte tillåten."
        ) from None
    names = set(_component_names(tree))
    if "Load" in names:
        raise QueryRefused("LOAD är inte tillåtet: lagret hämtar aldrig data från andra servrar.")
    if "ServiceGraphPattern" in names:
        raise QueryRefused(
            "Federerade frågor (SERVICE) är inte tillåtna: lagret hämtar aldrig data från andra servrar."
        )


def has_dataset_clause(sparql: str) -> bool:
    """True if the query names its own dataset (FROM / FROM NAMED).

    The embedded store then runs it without the union-default-graph option,
    which pyoxigraph would otherwise let override FROM (SPARQL says the
    query's own dataset wins).  Oxigraph server started with
    --union-default-graph does override FROM; see docs/remote-store.md.
    """
    return bool(_FROM.search(_code_only(sparql)))


def query_form(sparql: str) -> str | None:
    """'SELECT', 'ASK', 'CONSTRUCT' or 'DESCRIBE' for a query, None if not recognised."""
    match = _FORM.match(_expand_escapes(sparql))
    return match.group(1).upper() if match else None
