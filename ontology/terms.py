"""The ontology's terms, referenced from here and nowhere else.

Styrgraf reuses standard vocabularies wherever they fit (PROV-O, W3C ORG, FOAF,
DCTERMS, SKOS, OWL-Time, Web Annotation) and adds its own terms under `SG` only
where none fits. The Turtle files beside this module declare every `SG` term with
Swedish and English labels; `tests/ontology` checks that each term used here is
declared there.
"""
from __future__ import annotations

from pathlib import Path

from rdflib import Namespace
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SKOS, TIME, XSD

ONTOLOGY_DIR = Path(__file__).resolve().parent
ONTOLOGY_TTL = ONTOLOGY_DIR / "styrgraf.ttl"
SHAPES_TTL = ONTOLOGY_DIR / "shapes.ttl"


class _KeptTerms(Namespace):
    """A namespace whose terms are made once: `SG.number` is asked for thousands of times while a
    document's triples are written, and rdflib's `Namespace` makes a new term each time."""

    def __getattr__(self, name: str):
        term = super().__getattr__(name)
        self.__dict__[name] = term
        return term


SG_IRI = "https://styrgraf.example/ontology#"
SG = _KeptTerms(SG_IRI)
OA = _KeptTerms("http://www.w3.org/ns/oa#")

# Graph holding the ontology itself in the store.
ONTOLOGY_GRAPH = "https://styrgraf.example/ontology"
# Default base for minted entity IRIs; configurable with STYRGRAF_BASE_IRI.
DEFAULT_BASE_IRI = "https://styrgraf.example/id/"

# SKOS concept schemes and their members are minted under the ontology namespace.
ROLE_SCHEME = SG.RoleScheme
DOCTYPE_SCHEME = SG.DocumentTypeScheme
DECISION_KIND_SCHEME = SG.DecisionKindScheme
REFERENCE_KIND_SCHEME = SG.ReferenceKindScheme


def role_concept(key: str):
    return SG["role-" + key]


def doctype_concept(key: str):
    return SG["doctype-" + key]


def decision_kind_concept(key: str):
    return SG["decision-" + key]


# A document's dates other than its own (ingest.records.DatedFact roles), each its own property.
DATE_ROLE_PROPERTIES = {
    "meeting": SG.meetingDate,
    "start": SG.startDate,
    "end": SG.endDate,
    "adoption": SG.adoptionDate,
    "valid_from": SG.validFrom,
    "valid_until": SG.validUntil,
}


PREFIXES = {
    "sg": SG,
    "oa": OA,
    "dcterms": DCTERMS,
    "foaf": FOAF,
    "org": ORG,
    "owl": OWL,
    "prov": PROV,
    "rdf": RDF,
    "rdfs": RDFS,
    "skos": SKOS,
    "time": TIME,
    "xsd": XSD,
}


def sparql_prefixes() -> str:
    """PREFIX lines for SPARQL queries written by the graph layer."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


__all__ = [
    "SG", "OA", "DCTERMS", "FOAF", "ORG", "OWL", "PROV", "RDF", "RDFS", "SKOS", "TIME", "XSD",
    "ONTOLOGY_GRAPH", "DEFAULT_BASE_IRI", "ONTOLOGY_TTL", "SHAPES_TTL", "PREFIXES", "sparql_prefixes",
    "role_concept", "doctype_concept", "decision_kind_concept", "DATE_ROLE_PROPERTIES",
    "ROLE_SCHEME", "DOCTYPE_SCHEME", "DECISION_KIND_SCHEME", "REFERENCE_KIND_SCHEME",
]
