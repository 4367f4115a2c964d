"""Checks run on SPARQL text before it reaches any store.

Why: pyoxigraph evaluates ``SERVICE <http://…>`` and ``LOAD <http://…>`` by
making HTTP requests from the process that runs the query (verified with a
local HTTP listener, see tests/graph/test_store.py), and a remote SPARQL
server does the same.  A query must never make a store talk to other hosts.

By design, not by pattern: every check reads the query through one lexer
(`sparql_text.canonical`) and what is evaluated is the canonical text that
lexer wrote, never the text as received, so the check and the engine cannot
read the query differently.

- `check_read_only_query` (all queries; cheap, token-based): no ``SERVICE``
  keyword, no update; returns the canonical text to run.
- `check_public_query` (queries from the SPARQL endpoint; run in a killable
  worker process, as rdflib's parser can take seconds on a large query): the
  same, then a full parse of the canonical text with rdflib's SPARQL parser,
  translated to algebra; ``SERVICE`` anywhere in the algebra is refused and
  the ``FROM``/``FROM NAMED`` graphs are reported, so the caller can hold them
  to graphs in the store.  Text the parser cannot read is refused.
- `check_update` (the store's own updates): no ``LOAD``, no ``SERVICE``.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterator

from styrgraf.graph.errors import QueryRefused
from styrgraf.graph.store.sparql_text import MAX_DEPTH, Canonical, canonical

__all__ = [
    "CheckedQuery",
    "QueryRefused",
    "QuerySyntaxError",
    "check_public_query",
    "check_read_only_query",
    "check_update",
    "has_dataset_clause",
    "query_form",
]

_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
_UPDATE_WORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY"}
_ALGEBRA_FORMS = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT",
                  "DescribeQuery": "DESCRIBE"}


class QuerySyntaxError(QueryRefused):
    """The query is not valid SPARQL (as read by the checking parser)."""

    def __init__(self, message: str, message_en: str | None = None) -> None:
        super().__init__(message, message_en)
        self.code = "bad_query"


@dataclass(frozen=True)
class CheckedQuery:
    """A query that passed `check_public_query`: run `text`, nothing else."""

    text: str
    form: str
    default_graphs: tuple[str, ...]  # FROM
    named_graphs: tuple[str, ...]  # FROM NAMED

    @property
    def has_dataset_clause(self) -> bool:
        return bool(self.default_graphs or self.named_graphs)


_CACHED_SIZE = 8_000
_cached = lru_cache(maxsize=1024)(canonical)


def _read(sparql: str) -> Canonical:
    """`canonical`, remembered for short texts: the store's own queries repeat, and each
    store call reads its text more than once (check, form, dataset)."""
    return _cached(sparql) if len(sparql) <= _CACHED_SIZE else canonical(sparql)


def _form(query: Canonical) -> str | None:
    """The query form after the prologue (BASE/PREFIX declarations), or None."""
    tokens = query.tokens
    index = 0
    while index < len(tokens):
        kind, text = tokens[index]
        word = text.upper() if kind == "word" else ""
        if word == "BASE":
            index += 2
        elif word == "PREFIX":
            index += 3
        else:
            return word if word in _FORMS else None
    return None


def _check_tokens(query: Canonical) -> None:
    words = query.words()
    if "SERVICE" in words:
        raise QueryRefused.of("query.service")
    if _form(query) is None and words & _UPDATE_WORDS:
        raise QueryRefused.of("query.only_reads")


def check_read_only_query(sparql: str) -> str:
    """The canonical text of `sparql`, to be run instead of it; QueryRefused if it could
    make the store contact another host (SERVICE) or is an update."""
    query = _read(sparql)
    _check_tokens(query)
    return query.text


def _component_names(node: Any) -> Iterator[str]:
    """Names of all rdflib CompValue nodes in a parse tree or algebra (iteratively)."""
    from rdflib.plugins.sparql.parserutils import CompValue

    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, CompValue):
            yield item.name
            stack.extend(item.values())
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, (list, tuple, set)) or hasattr(item, "asList"):
            stack.extend(item)


# rdflib's parser recurses ~60 frames per nesting level (measured: 64 nested
# parentheses need under 4 000); the lexer allows at most MAX_DEPTH levels.
_RECURSION_LIMIT = 100 * MAX_DEPTH + 1_000


def _algebra(text: str) -> Any:
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery

    if sys.getrecursionlimit() < _RECURSION_LIMIT:
        sys.setrecursionlimit(_RECURSION_LIMIT)
    try:
        tree = parseQuery(text)
    except RecursionError:
        raise QuerySyntaxError.of("query.too_deep", depth=MAX_DEPTH) from None
    except Exception as error:  # pyparsing's ParseException and friends
        raise QuerySyntaxError.of("query.syntax", error=error) from None
    if "ServiceGraphPattern" in set(_component_names(tree)):
        raise QueryRefused.of("query.service")
    try:
        return translateQuery(tree).algebra
    except RecursionError:
        raise QuerySyntaxError.of("query.too_deep", depth=MAX_DEPTH) from None
    except Exception as error:  # noqa: BLE001 - rdflib raises plain Exceptions for bad queries
        raise QuerySyntaxError.of("query.syntax", error=error) from None


def check_public_query(sparql: str) -> CheckedQuery:
    """Check a query from the SPARQL endpoint down to its algebra (see the module docstring).

    QuerySyntaxError for text that is not SPARQL, QueryRefused for SERVICE and updates.
    Can take seconds for a large query: call it where a time limit can stop it.
    """
    query = canonical(sparql)
    _check_tokens(query)
    if query.escape_in_a_string:
        raise QueryRefused.of("query.unicode_escape")
    if _form(query) is None:
        raise QueryRefused.of("query.only_reads") if query.words() & _UPDATE_WORDS else QuerySyntaxError.of("query.no_form")
    algebra = _algebra(query.text)
    names = set(_component_names(algebra))
    if "ServiceGraphPattern" in names:
        raise QueryRefused.of("query.service")
    form = _ALGEBRA_FORMS.get(algebra.name)
    if form is None or form != _form(query):
        raise QuerySyntaxError.of("query.unclear_form")
    default, named = [], []
    for clause in algebra.get("datasetClause") or ():
        if "default" in clause:
            default.append(str(clause["default"]))
        if "named" in clause:
            named.append(str(clause["named"]))
    return CheckedQuery(query.text, form, tuple(default), tuple(named))


def check_update(sparql: str) -> None:
    """Raise QueryRefused for updates that would fetch remote data (LOAD, SERVICE).

    The store writes documents as large INSERT DATA updates: a text without either
    word and without an escape (which could spell one) needs no reading.
    """
    lowered = sparql.lower()
    if "load" not in lowered and "service" not in lowered and "\\u" not in lowered:
        return
    words = canonical(sparql).words()
    if "LOAD" in words:
        raise QueryRefused.of("query.load")
    if "SERVICE" in words:
        raise QueryRefused.of("query.service")


# For composing the store's own updates only (decides nothing about safety):
# IRIs, strings and comments, blanked out before looking at the code.
_NOT_CODE = re.compile(
    r"""<[^<>"{}|^`\\\x00-\x20]*>"""
    r'''|"""(?:[^"\\]|\\.|"(?!""))*"""'''
    r"""|'''(?:[^'\\]|\\.|'(?!''))*'''"""
    r'''|"(?:[^"\\\n\r]|\\.)*"'''
    r"""|'(?:[^'\\\n\r]|\\.)*'"""
    r"""|\#[^\r\n]*""",
    re.DOTALL,
)
_UPDATE_KEYWORDS = re.compile(r"\b(insert|delete|load|clear|drop|create|add|move|copy)\b", re.IGNORECASE)


def ends_with_open_operation(update: str) -> bool:
    """True when the update's last operation is not closed by `;`: another operation
    appended to it needs a `;` first (after a trailing `;` or a bare prologue it may not have one).

    Patterns, not the lexer, on purpose: this composes updates the store itself
    wrote (a document is megabytes, seconds for the lexer), and it checks nothing.
    """
    code = _NOT_CODE.sub(" ", update).rstrip()
    return bool(code) and not code.endswith(";") and bool(_UPDATE_KEYWORDS.search(code))


def has_dataset_clause(sparql: str) -> bool:
    """True if the query names its own dataset (FROM / FROM NAMED).

    The embedded store then runs it without the union-default-graph option,
    which pyoxigraph would otherwise let override FROM (SPARQL says the
    query's own dataset wins).  Oxigraph server started with
    --union-default-graph does override FROM; see docs/remote-store.md.
    """
    return "FROM" in _read(sparql).words()


def query_form(sparql: str) -> str | None:
    """'SELECT', 'ASK', 'CONSTRUCT' or 'DESCRIBE' for a query, None if not recognised."""
    try:
        return _form(_read(sparql))
    except QueryRefused:
        return None
