"""Deterministic export and import of the store's named graphs.

Same store content -> same bytes, whatever the backend and whatever order the
store returns quads in.  That is achieved by (1) encoding every term with the
one canonical N-Triples encoder of graph.terms, (2) relabelling blank nodes
with RDFC-1.0 (pyoxigraph's implementation), and (3) writing graphs, subjects,
predicates and objects sorted by their N-Triples form with a fixed prefix
table.  The TriG, Turtle and JSON-LD writers are hand-made for that reason:
library serializers do not promise an order.

Only named graphs are exported: documents and the ontology each live in a
named graph and the remote backend cannot address a server's real default
graph when it runs with a union default graph.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from functools import lru_cache
from typing import Any, Iterable, NamedTuple

import pyoxigraph as ox

from styrgraf.graph.errors import StoreError
from styrgraf.graph.store.terms import (
    RDF_LANG_STRING,
    XSD_STRING,
    escape_string,
    nt_bnode,
    nt_literal,
    ox_to_nt,
)

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

# Fixed, alphabetical: the prefix block is identical in every export.
# The vocabularies of ontology/styrgraf.ttl; deliberately not derived from it,
# so that a change there cannot silently change every export.
PREFIXES: tuple[tuple[str, str], ...] = (
    ("dcterms", "http://purl.org/dc/terms/"),
    ("foaf", "http://xmlns.com/foaf/0.1/"),
    ("oa", "http://www.w3.org/ns/oa#"),
    ("org", "http://www.w3.org/ns/org#"),
    ("owl", "http://www.w3.org/2002/07/owl#"),
    ("prov", "http://www.w3.org/ns/prov#"),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("sg", "https://styrgraf.example/ontology#"),
    ("skos", "http://www.w3.org/2004/02/skos/core#"),
    ("time", "http://www.w3.org/2006/time#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
)
_BY_LENGTH = sorted(PREFIXES, key=lambda p: -len(p[1]))
# A conservative subset of Turtle's PN_LOCAL: always safe to write unescaped.
_LOCAL_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_\-]*$")

FORMATS = {
    "trig": "trig",
    "nquads": "nquads",
    "n-quads": "nquads",
    "nq": "nquads",
    "turtle": "turtle",
    "ttl": "turtle",
    "ntriples": "ntriples",
    "n-triples": "ntriples",
    "nt": "ntriples",
    "jsonld": "jsonld",
    "json-ld": "jsonld",
}
MEDIA_TYPES = {
    "trig": "application/trig",
    "nquads": "application/n-quads",
    "turtle": "text/turtle",
    "ntriples": "application/n-triples",
    "jsonld": "application/ld+json",
}
_OX_FORMATS = {
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
}


class Term(NamedTuple):
    """An exported term: its canonical N-Triples form plus its parts."""

    nt: str
    kind: str  # "I" IRI, "B" blank node, "L" literal
    value: str
    language: str | None = None
    datatype: str | None = None


Quad = tuple[Term, Term, Term, Term]


def normalize_format(fmt: str) -> str:
    name = FORMATS.get(fmt.strip().lower())
    if name is None:
        raise StoreError.of("format.unknown", code="unsupported_format", value=fmt)
    return name


def iri_term(value: str) -> Term:
    return Term("<" + value + ">", "I", value)


def term_from_ox(term: Any) -> Term:
    if isinstance(term, ox.NamedNode):
        return iri_term(term.value)
    if isinstance(term, ox.BlankNode):
        return Term(nt_bnode(term.value), "B", term.value)
    if isinstance(term, ox.Literal):
        language = term.language or None
        datatype = None if language else term.datatype.value
        return Term(ox_to_nt(term), "L", term.value, language and language.lower(), datatype)
    raise StoreError.of("export.rdf_star", code="unsupported_format")


def term_from_json(binding: dict[str, Any]) -> Term:
    kind = binding.get("type")
    value = binding.get("value", "")
    if kind == "uri":
        return iri_term(value)
    if kind == "bnode":
        return Term(nt_bnode(value), "B", value)
    if kind in ("literal", "typed-literal"):
        language = binding.get("xml:lang") or None
        datatype = None if language else binding.get("datatype") or XSD_STRING
        if datatype == RDF_LANG_STRING:
            datatype = XSD_STRING
        return Term(
            nt_literal(value, language, datatype), "L", value, language and language.lower(), datatype
        )
    raise StoreError.of("term.unknown_kind", code="unsupported_format", kind=kind)


def _to_ox(term: Term) -> Any:
    if term.kind == "I":
        return ox.NamedNode(term.value)
    if term.kind == "B":
        return ox.BlankNode(term.nt[2:])
    if term.language:
        return ox.Literal(term.value, language=term.language)
    return ox.Literal(term.value, datatype=ox.NamedNode(term.datatype or XSD_STRING))


def canonicalize(quads: Iterable[Quad]) -> list[Quad]:
    """Deduplicate, and give blank nodes RDFC-1.0 labels so exports are repeatable.

    Only quads that mention a blank node take part: RDFC-1.0 labels depend
    on those quads alone, and our data normally has none.
    """
    plain: set[Quad] = set()
    with_bnodes: list[Quad] = []
    for quad in quads:
        if quad[0].kind == "B" or quad[2].kind == "B" or quad[3].kind == "B":
            with_bnodes.append(quad)
        else:
            plain.add(quad)
    if not with_bnodes:
        return list(plain)
    dataset = ox.Dataset([ox.Quad(*(_to_ox(t) for t in q)) for q in with_bnodes])
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    for q in dataset:
        plain.add(
            (
                term_from_ox(q.subject),
                term_from_ox(q.predicate),
                term_from_ox(q.object),
                term_from_ox(q.graph_name),
            )
        )
    return list(plain)


@lru_cache(maxsize=65536)
def _compact(iri: str) -> str:
    for prefix, namespace in _BY_LENGTH:
        if iri.startswith(namespace) and _LOCAL_NAME.match(iri[len(namespace) :]):
            return prefix + ":" + iri[len(namespace) :]
    return "<" + iri + ">"


def _turtle_term(term: Term) -> str:
    if term.kind == "I":
        return _compact(term.value)
    if term.kind == "B":
        return term.nt
    quoted = '"' + escape_string(term.value) + '"'
    if term.language:
        return quoted + "@" + term.language
    if term.datatype and term.datatype != XSD_STRING:
        return quoted + "^^" + _compact(term.datatype)
    return quoted


def _nested(quads: Iterable[Quad]) -> dict[Term, dict[Term, dict[Term, list[Term]]]]:
    """graph -> subject -> predicate -> objects, everything sorted by N-Triples form."""
    tree: dict[Term, dict[Term, dict[Term, list[Term]]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(list))
    )
    for s, p, o, g in quads:
        tree[g][s][p].append(o)
    ordered: dict[Term, dict[Term, dict[Term, list[Term]]]] = {}
    for g in sorted(tree, key=lambda t: t.nt):
        subjects = tree[g]
        ordered[g] = {
            s: {
                p: sorted(subjects[s][p], key=lambda t: t.nt)
                for p in sorted(subjects[s], key=lambda t: t.nt)
            }
            for s in sorted(subjects, key=lambda t: t.nt)
        }
    return ordered


def _prefix_block() -> list[str]:
    return [f"@prefix {prefix}: <{namespace}> ." for prefix, namespace in PREFIXES]


def _turtle_subjects(subjects: dict[Term, dict[Term, list[Term]]], indent: str) -> list[str]:
    lines: list[str] = []
    for number, (subject, predicates) in enumerate(subjects.items()):
        if number:
            lines.append("")
        lines.append(indent + _turtle_term(subject))
        items = list(predicates.items())
        for index, (predicate, objects) in enumerate(items):
            verb = "a" if predicate.value == RDF_TYPE else _turtle_term(predicate)
            end = " ." if index == len(items) - 1 else " ;"
            lines.append(
                indent + "    " + verb + " " + " , ".join(_turtle_term(o) for o in objects) + end
            )
    return lines


def write_trig(quads: list[Quad]) -> bytes:
    lines = _prefix_block()
    for graph, subjects in _nested(quads).items():
        lines.append("")
        lines.append(_turtle_term(graph) + " {")
        lines.extend(_turtle_subjects(subjects, "    "))
        lines.append("}")
    return ("\n".join(lines) + "\n").encode("utf-8")


_UNION = Term("", "I", "")  # placeholder graph for the merged Turtle view


def write_turtle(quads: list[Quad]) -> bytes:
    """Triples of all given quads merged into one graph (duplicates removed)."""
    union = {(s, p, o, _UNION) for s, p, o, _ in quads}
    lines = _prefix_block()
    for subjects in _nested(union).values():
        lines.append("")
        lines.extend(_turtle_subjects(subjects, ""))
    return ("\n".join(lines) + "\n").encode("utf-8")


def write_nquads(quads: list[Quad]) -> bytes:
    lines = sorted(f"{s.nt} {p.nt} {o.nt} {g.nt} .\n" for s, p, o, g in quads)
    return "".join(lines).encode("utf-8")


def write_ntriples(quads: list[Quad]) -> bytes:
    lines = sorted({f"{s.nt} {p.nt} {o.nt} .\n" for s, p, o, _ in quads})
    return "".join(lines).encode("utf-8")


def _jsonld_value(term: Term) -> dict[str, str]:
    if term.kind == "I":
        return {"@id": term.value}
    if term.kind == "B":
        return {"@id": term.nt}
    value: dict[str, str] = {"@value": term.value}
    if term.language:
        value["@language"] = term.language
    elif term.datatype and term.datatype != XSD_STRING:
        value["@type"] = term.datatype
    return value


def write_jsonld(quads: list[Quad]) -> bytes:
    """Expanded JSON-LD (no context, so no IRI compaction ambiguity), one object per graph."""
    document = []
    for graph, subjects in _nested(quads).items():
        nodes = []
        for subject, predicates in subjects.items():
            node: dict[str, Any] = {"@id": _jsonld_value(subject)["@id"]}
            for predicate, objects in predicates.items():
                node[predicate.value] = [_jsonld_value(o) for o in objects]
            nodes.append(node)
        document.append({"@id": _jsonld_value(graph)["@id"], "@graph": nodes})
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


_WRITERS = {
    "trig": write_trig,
    "nquads": write_nquads,
    "turtle": write_turtle,
    "ntriples": write_ntriples,
    "jsonld": write_jsonld,
}


def export_quads(quads: Iterable[Quad], fmt: str) -> bytes:
    """Serialize quads deterministically in `fmt` (trig, nquads, turtle, ntriples, jsonld)."""
    name = normalize_format(fmt)
    return _WRITERS[name](canonicalize(quads))


def parse_for_import(
    data: bytes, fmt: str, graph_iri: str | None = None
) -> dict[str, list[str]]:
    """Parse `data` into graph IRI -> N-Triples lines, ready for replace.

    Triples outside a named graph go to `graph_iri`; without one they are
    refused, because every document must live in its own named graph.
    """
    name = normalize_format(fmt)
    graphs: dict[str, set[str]] = defaultdict(set)
    try:
        for quad in ox.parse(data, _OX_FORMATS[name]):
            graph = quad.graph_name
            if isinstance(graph, ox.DefaultGraph):
                if graph_iri is None:
                    raise StoreError.of("import.default_graph", code="invalid_data")
                key = graph_iri
            elif isinstance(graph, ox.NamedNode):
                key = graph.value
            else:
                raise StoreError.of("import.blank_graph", code="invalid_data")
            graphs[key].add(
                f"{ox_to_nt(quad.subject)} {ox_to_nt(quad.predicate)} {ox_to_nt(quad.object)} ."
            )
    except SyntaxError as error:
        raise StoreError.of("import.unreadable", code="invalid_data", format=name, error=error) from None
    return {graph: sorted(lines) for graph, lines in graphs.items()}
