"""RDF term conversions shared by the store backends.

Three representations meet here: rdflib terms (what the rest of Styrgraf
uses), pyoxigraph terms (embedded backend) and SPARQL JSON result bindings
(remote backend).  Writes go through one N-Triples encoder so that both
backends send byte-identical data and so that the encoding is the canonical
one used by the deterministic export.

The encoder refuses IRIs with characters that N-Triples/SPARQL forbid: the
encoded terms are spliced into SPARQL updates, so an unchecked IRI such as
``http://x> } ; DROP ALL ; INSERT DATA { <y`` would be an injection.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

import pyoxigraph as ox
from rdflib.term import BNode, Literal, Node, URIRef

from styrgraf.graph.errors import StoreError

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
RDF_DIR_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#dirLangString"

# The store's own bookkeeping lives in one named graph outside the documents:
# a single `<SYSTEM_GRAPH> <GENERATION_PREDICATE> "token"` triple whose token
# changes with every write (see GraphStore.generation).  Hidden from document
# listings, counts and exports.
SYSTEM_GRAPH = "urn:styrgraf:system"
GENERATION_PREDICATE = "urn:styrgraf:generation"

_BAD_IRI_CHARS = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_LANG_TAG = re.compile(r"^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$")
_BNODE_LABEL = re.compile(r"^[A-Za-z0-9_]([A-Za-z0-9_\-]*)$")
_NEEDS_ESCAPE = re.compile(r'[\x00-\x1f"\\\x7f]')

# Canonical N-Triples (RDF 1.2): ECHAR for the named escapes, \uXXXX for the
# other control characters, everything else verbatim (UTF-8).
_ESCAPE_TABLE = {i: f"\\u{i:04X}" for i in list(range(0x20)) + [0x7F]}
_ESCAPE_TABLE.update(
    {
        0x08: "\\b",
        0x09: "\\t",
        0x0A: "\\n",
        0x0C: "\\f",
        0x0D: "\\r",
        0x22: '\\"',
        0x5C: "\\\\",
    }
)


def check_iri(value: str) -> str:
    """Return `value` if it can be written as an IRIREF, else raise StoreError."""
    if not value or _BAD_IRI_CHARS.search(value) or ":" not in value:
        raise StoreError.of("term.bad_iri", code="invalid_data", value=value)
    return value


def escape_string(value: str) -> str:
    """Escape a literal's lexical form for N-Triples, Turtle and SPARQL strings."""
    if _NEEDS_ESCAPE.search(value):
        return value.translate(_ESCAPE_TABLE)
    return value


def nt_iri(value: str) -> str:
    return "<" + check_iri(value) + ">"


def nt_bnode(label: str) -> str:
    """Blank node label; labels outside the portable syntax are hashed, deterministically."""
    if not _BNODE_LABEL.match(label):
        label = "h" + hashlib.sha256(label.encode("utf-8")).hexdigest()[:24]
    return "_:" + label


def nt_literal(lexical: str, language: str | None = None, datatype: str | None = None) -> str:
    quoted = '"' + escape_string(lexical) + '"'
    if language:
        if not _LANG_TAG.match(language):
            raise StoreError.of("term.bad_language", code="invalid_data", value=language)
        # Language tags are case-insensitive; Oxigraph stores them lower-cased,
        # so encoding them lower-cased keeps diffs and exports stable.
        return quoted + "@" + language.lower()
    if datatype and datatype != XSD_STRING:
        return quoted + "^^" + nt_iri(datatype)
    return quoted


def rdflib_to_nt(node: Node) -> str:
    """Encode an rdflib term (URIRef, BNode, Literal) as an N-Triples term."""
    kind = type(node)  # rdflib's terms are ABCs, whose `isinstance` is slow: the exact types first
    if kind is URIRef or (kind is not Literal and isinstance(node, URIRef)):
        return nt_iri(str(node))
    if kind is Literal or isinstance(node, Literal):
        dt = node.datatype
        return nt_literal(str(node), node.language, str(dt) if dt is not None else None)
    if isinstance(node, BNode):
        return nt_bnode(str(node))
    raise StoreError.of("term.unstorable", code="invalid_data", kind=type(node).__name__)


def ox_to_nt(term: Any) -> str:
    """Encode a stored pyoxigraph term; stored IRIs are already valid."""
    if isinstance(term, ox.NamedNode):
        return "<" + term.value + ">"
    if isinstance(term, ox.Literal):
        return nt_literal(term.value, term.language, term.datatype.value)
    if isinstance(term, ox.BlankNode):
        return nt_bnode(term.value)
    raise StoreError.of("term.rdf_star", code="unsupported_format", kind=type(term).__name__)


def ox_to_rdflib(term: Any) -> Node | None:
    """pyoxigraph term -> rdflib term; xsd:string literals become plain literals."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        language = term.language
        if language:
            return Literal(term.value, lang=language)
        datatype = term.datatype.value
        if datatype == XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    raise StoreError.of("term.rdf_star", code="unsupported_format", kind=type(term).__name__)


def json_to_rdflib(binding: dict[str, Any] | None) -> Node | None:
    """SPARQL 1.1 JSON results binding -> rdflib term."""
    if binding is None:
        return None
    kind = binding.get("type")
    value = binding.get("value", "")
    if kind == "uri":
        return URIRef(value)
    if kind in ("literal", "typed-literal"):
        language = binding.get("xml:lang")
        if language:
            return Literal(value, lang=language)
        datatype = binding.get("datatype")
        if datatype and datatype not in (XSD_STRING, RDF_LANG_STRING):
            return Literal(value, datatype=URIRef(datatype))
        return Literal(value)
    if kind == "bnode":
        return BNode(value)
    raise StoreError.of("term.unknown_kind", code="unsupported_format", kind=kind)


def rdflib_to_ox(node: Node) -> Any:
    """rdflib term -> pyoxigraph term (used for query dataset parameters)."""
    if isinstance(node, URIRef):
        return ox.NamedNode(check_iri(str(node)))
    if isinstance(node, Literal):
        if node.language:
            return ox.Literal(str(node), language=node.language)
        if node.datatype is not None:
            return ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype)))
        return ox.Literal(str(node))
    if isinstance(node, BNode):
        return ox.BlankNode(str(node))
    raise StoreError.of("term.unsupported", code="invalid_data", kind=type(node).__name__)
