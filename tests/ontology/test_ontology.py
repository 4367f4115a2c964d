"""The ontology declares every `sg:` term the code uses, with Swedish and English labels.

The terms are found by scanning the source (`SG.<name>`, `SG["..."]`, `sg:<name>` in
SPARQL text) and through the concept helpers of `ontology.terms`, so adding a term in
code without declaring it in `ontology/styrgraf.ttl` fails here.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SKOS

from styrgraf.ingest.kinds import project_plan
from styrgraf.ingest.doc_types import DOC_TYPES
from styrgraf.ingest.roles import ROLES
from styrgraf.ontology import terms
from styrgraf.ontology.terms import (
    OA, SG, SG_IRI, decision_kind_concept, doctype_concept, role_concept,
)

# Not `rdflib.namespace.TIME` as a module global: pytest probes module globals and TIME warns.
TIME_INSTANT = URIRef("http://www.w3.org/2006/time#Instant")
ROOT = Path(__file__).resolve().parents[2]
# Files whose `SG.<name>` / `SG["<name>"]` uses must all be declared: the RDF writer and
# the terms module first, then every other module of the packages.
SG_SOURCES = [ROOT / "ingest" / "to_rdf.py", ROOT / "ontology" / "terms.py"]
PACKAGES = ["ingest", "graph", "api"]

_SG_ATTR = re.compile(r"\bSG\.([A-Za-z_][A-Za-z0-9_]*)")
_SG_ITEM = re.compile(r"\bSG\[\s*[\"']([^\"'+]+)[\"']\s*\]")
_SG_CURIE = re.compile(r"(?<![\w:/#])sg:([A-Za-z][A-Za-z0-9_-]*)")

DECLARATION_TYPES = {
    OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, OWL.NamedIndividual,
    SKOS.Concept, SKOS.ConceptScheme,
}


def decision_kinds() -> set[str]:
    """The decision kinds the extractor writes: its verb table plus the plan's own decision."""
    return {kind for kind, _ in project_plan._DECISION_VERBS} | {"plan"}


def sg_terms_in_source(path: Path) -> set[URIRef]:
    text = path.read_text(encoding="utf-8")
    names = set(_SG_ATTR.findall(text)) | set(_SG_ITEM.findall(text))
    return {SG[n] for n in names}


def sg_terms_in_package(package: str) -> set[URIRef]:
    """`SG.<name>` in code and `sg:<name>` in SPARQL text, in every module of a package."""
    found: set[URIRef] = set()
    for path in sorted((ROOT / package).rglob("*.py")):
        found |= sg_terms_in_source(path)
        found |= {SG[n] for n in _SG_CURIE.findall(path.read_text(encoding="utf-8"))}
    return found


def concept_terms() -> set[URIRef]:
    return (
        {role_concept(k) for k in ROLES}
        | {doctype_concept(k) for k in DOC_TYPES}
        | {decision_kind_concept(k) for k in decision_kinds()}
    )


def labels(g: Graph, term: URIRef) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for p in (RDFS.label, SKOS.prefLabel):
        for o in g.objects(term, p):
            if isinstance(o, Literal) and o.language:
                out.setdefault(o.language, set()).add(str(o))
    return out


def undeclared(g: Graph, wanted: set[URIRef]) -> list[str]:
    """Terms without a declaration or without both an @sv and an @en label."""
    problems = []
    for term in sorted(wanted):
        if not DECLARATION_TYPES & set(g.objects(term, RDF.type)):
            problems.append(f"{term}: not declared")
            continue
        langs = labels(g, term)
        for lang in ("sv", "en"):
            if not langs.get(lang):
                problems.append(f"{term}: no @{lang} label")
    return problems


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(terms.ONTOLOGY_TTL, format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(terms.SHAPES_TTL, format="turtle")


def test_both_files_parse(ontology, shapes):
    assert len(ontology) > 100
    assert len(shapes) > 100


def test_ontology_header(ontology):
    ont = URIRef(terms.ONTOLOGY_GRAPH)
    assert (ont, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(ont, OWL.versionInfo) is not None
    assert ontology.value(ont, OWL.versionIRI) is not None
    for p in (DCTERMS.title, DCTERMS.description):
        assert {o.language for o in ontology.objects(ont, p)} >= {"sv", "en"}, p


def test_source_scan_finds_terms():
    """Guard the scanner itself: it must see the terms to_rdf obviously uses."""
    used = sg_terms_in_source(SG_SOURCES[0])
    assert {SG.Document, SG.Evidence, SG.sha256, SG.hasPage} <= used
    assert SG.ReferenceKindScheme in sg_terms_in_source(SG_SOURCES[1])


@pytest.mark.parametrize("source", SG_SOURCES, ids=lambda p: p.name)
def test_every_sg_term_in_code_is_declared(ontology, source):
    problems = undeclared(ontology, sg_terms_in_source(source))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("package", PACKAGES)
def test_every_sg_term_in_package_is_declared(ontology, package):
    problems = undeclared(ontology, sg_terms_in_package(package))
    assert not problems, "\n".join(problems)


def test_every_concept_the_helpers_mint_is_declared(ontology):
    problems = undeclared(ontology, concept_terms())
    assert not problems, "\n".join(problems)


def test_every_sg_term_in_shapes_is_declared(ontology, shapes):
    used = {t for triple in shapes for t in triple if isinstance(t, URIRef) and str(t).startswith(SG_IRI)}
    problems = undeclared(ontology, used)
    assert not problems, "\n".join(problems)


def test_check_reports_an_undeclared_term(ontology):
    """The check can fail: an invented term and an unlabelled one are reported."""
    g = Graph() + ontology
    g.remove((SG.pageCount, RDFS.label, None))
    problems = undeclared(g, {SG.surelyNotDeclared, SG.pageCount, SG.Document})
    assert any("surelyNotDeclared: not declared" in p for p in problems)
    assert any("pageCount: no @sv label" in p for p in problems)
    assert not any("#Document:" in p for p in problems)


def test_classes_and_properties_are_commented(ontology):
    missing = []
    for t in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty):
        for term in ontology.subjects(RDF.type, t):
            if str(term).startswith(SG_IRI) and not any(
                o.language == "en" for o in ontology.objects(term, RDFS.comment)
            ):
                missing.append(str(term))
    assert not missing, missing


ALIGNMENT = [
    (SG.Document, RDFS.subClassOf, FOAF.Document),
    (SG.Document, RDFS.subClassOf, PROV.Entity),
    (SG.Decision, RDFS.subClassOf, PROV.Activity),
    (SG.buildsOn, RDFS.subPropertyOf, PROV.wasInformedBy),
    (SG.Project, RDFS.subClassOf, ORG.Organization),
    (SG.Subproject, RDFS.subClassOf, ORG.OrganizationalUnit),
    (ORG.OrganizationalUnit, RDFS.subClassOf, ORG.Organization),
    (SG.Intention, RDFS.subClassOf, SKOS.Concept),
    (SG.IntentionScheme, RDFS.subClassOf, SKOS.ConceptScheme),
    (SG.Milestone, RDFS.subClassOf, TIME_INSTANT),
    (SG.Evidence, RDFS.subClassOf, OA.Annotation),
    (SG.ReferencedWork, RDFS.subClassOf, PROV.Entity),
    (SG.Investigation, RDFS.subClassOf, SG.ReferencedWork),
    (SG.ReferencedProject, RDFS.subClassOf, SG.ReferencedWork),
    (SG.Process, RDFS.subClassOf, SG.ReferencedWork),
    (SG.Plan, RDFS.subClassOf, SG.ReferencedWork),
    (SG.ReferencedDecision, RDFS.subClassOf, SG.ReferencedWork),
    (SG.SourceFile, RDFS.subClassOf, PROV.Entity),
    (SG.DocumentGraph, RDFS.subClassOf, PROV.Entity),
    (SG.Extractor, RDF.type, PROV.SoftwareAgent),
    (SG.hasPage, RDFS.subPropertyOf, DCTERMS.hasPart),
]


@pytest.mark.parametrize("triple", ALIGNMENT, ids=lambda t: f"{t[0].n3()}-{t[2].n3()}".replace("https://styrgraf.example/ontology#", "sg:"))
def test_alignment_to_standard_vocabularies(ontology, triple):
    assert triple in ontology


@pytest.mark.parametrize("key", sorted(ROLES))
def test_role_concepts_match_roles(ontology, key):
    role, concept = ROLES[key], role_concept(key)
    assert {SKOS.Concept, ORG.Role} <= set(ontology.objects(concept, RDF.type))
    assert (concept, SKOS.inScheme, SG.RoleScheme) in ontology
    langs = labels(ontology, concept)
    assert langs.get("sv") == {role.label_sv}
    assert role.label_en in langs.get("en", set())
    written = {str(o).lower() for p in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel)
               for o in ontology.objects(concept, p)}
    assert set(role.words) <= written, set(role.words) - written


def test_role_synonyms_are_alt_labels(ontology):
    alt = {str(o) for o in ontology.objects(role_concept("uppdragsansvarig"), SKOS.altLabel)}
    assert {"projektansvarig", "projektägare"} <= alt
    assert "delprojektledare" in {str(o) for o in ontology.objects(role_concept("projektledare"), SKOS.altLabel)}
    assert "projektarbetsgrupp" in {str(o) for o in ontology.objects(role_concept("projektgrupp"), SKOS.altLabel)}


@pytest.mark.parametrize("key", sorted(DOC_TYPES))
def test_doctype_concepts_match_doc_types(ontology, key):
    sv, en = DOC_TYPES[key]
    concept = doctype_concept(key)
    assert (concept, SKOS.inScheme, SG.DocumentTypeScheme) in ontology
    assert labels(ontology, concept) == {"sv": {sv}, "en": {en}}


@pytest.mark.parametrize("key", sorted(decision_kinds() | {"handling"}))
def test_decision_kind_concepts(ontology, key):
    concept = decision_kind_concept(key)
    assert (concept, SKOS.inScheme, SG.DecisionKindScheme) in ontology
    assert set(labels(ontology, concept)) >= {"sv", "en"}


@pytest.mark.parametrize("scheme", [terms.ROLE_SCHEME, terms.DOCTYPE_SCHEME, terms.DECISION_KIND_SCHEME,
                                    terms.REFERENCE_KIND_SCHEME])
def test_schemes_are_concept_schemes(ontology, scheme):
    assert (scheme, RDF.type, SKOS.ConceptScheme) in ontology


def test_concepts_are_named_individuals(ontology):
    """pyshacl copies only OWL individuals from ont_graph into the data graph; the shapes
    need the concepts' schemes (`org:role/skos:inScheme`) and types there."""
    for concept in concept_terms():
        assert (concept, RDF.type, OWL.NamedIndividual) in ontology, concept


def test_readme_examples_parse_and_use_declared_terms(ontology):
    readme = (ROOT / "ontology" / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```turtle\n(.*?)```", readme, flags=re.S)
    assert blocks
    for block in blocks:
        g = Graph().parse(data=block, format="turtle")
        used = {t for triple in g for t in triple if isinstance(t, URIRef) and str(t).startswith(SG_IRI)}
        problems = undeclared(ontology, used)
        assert not problems, "\n".join(problems)
