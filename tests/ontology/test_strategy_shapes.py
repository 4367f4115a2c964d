"""A strategy's RDF (adoption, validity, owner, revisions, goal areas and their items) conforms
to the SHACL shapes, every predicate and class it writes is shaped, and the shapes catch a
broken strategy graph. Graphs come from the real pipeline on constructed strategies
(tests/ingest/devset/strategies.py)."""
from __future__ import annotations

import pytest
from pyshacl import validate
from rdflib import Graph, Namespace
from rdflib.namespace import RDF

from styrgraf.ingest.pipeline import extract_path
from styrgraf.ontology.terms import OA, ONTOLOGY_TTL, SG, SHAPES_TTL
from tests.ingest.devset.strategies import STRATEGY_SPECS, write_strategy
from tests.ontology.test_shapes import _path_terms

SH = Namespace("http://www.w3.org/ns/shacl#")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_TTL, format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES_TTL, format="turtle")


@pytest.fixture(scope="module")
def strategy_graphs(tmp_path_factory) -> list[Graph]:
    folder = tmp_path_factory.mktemp("strategies")
    # A text with a revision table and validity dates, a PDF cover table, a docplayer transcript.
    picked = [s for s in STRATEGY_SPECS if s.style in ("lines", "cover-table", "flat-table", "run-labels")]
    return [extract_path(write_strategy(s, folder)).to_graph()[1] for s in picked]


def _violations(data: Graph, ontology: Graph, shapes: Graph) -> list[tuple]:
    conforms, results, _ = validate(data, shacl_graph=shapes, ont_graph=ontology, inference="none")
    return [(results.value(r, SH.sourceConstraintComponent), results.value(r, SH.resultPath),
             data.value(results.value(r, SH.focusNode), RDF.type))
            for r in results.subjects(RDF.type, SH.ValidationResult)]


def test_strategy_graphs_conform(strategy_graphs, ontology, shapes):
    for g in strategy_graphs:
        assert _violations(g, ontology, shapes) == []


def test_strategy_graphs_hold_the_new_terms(strategy_graphs):
    written = {p for g in strategy_graphs for p in g.predicates()}
    assert {SG.adoptedBy, SG.adoptedInParagraph, SG.adoptionDecision, SG.validFrom, SG.validUntil,
            SG.validUntilFurtherNotice, SG.documentOwnerText, SG.documentOwner, SG.revision, SG.version,
            SG.goalArea, SG.hasGoal, SG.hasMeasure, SG.hasIndicator, SG.hasApproach} <= written
    classes = {o for g in strategy_graphs for o in g.objects(None, RDF.type)}
    assert {SG.Revision, SG.GoalArea, SG.Goal, SG.Measure, SG.Indicator, SG.Approach} <= classes


def test_every_predicate_and_class_a_strategy_writes_is_shaped(strategy_graphs, shapes):
    constrained = set(shapes.objects(None, SH.targetSubjectsOf))
    for path in shapes.objects(None, SH.path):
        constrained |= _path_terms(shapes, path)
    written = {p for g in strategy_graphs for p in g.predicates()} - {RDF.type}
    assert not written - constrained, sorted(written - constrained)
    targets = set(shapes.objects(None, SH.targetClass)) | set(shapes.objects(None, SH.hasValue))
    new = {SG.Revision, SG.GoalArea, SG.Goal, SG.Measure, SG.Indicator, SG.Approach}
    assert new <= targets


def test_a_measure_without_evidence_or_text_is_caught(strategy_graphs, ontology, shapes):
    g = Graph()
    for t in strategy_graphs[0]:
        g.add(t)
    measure = next(g.subjects(RDF.type, SG.Measure))
    for ann in list(g.subjects(OA.hasBody, measure)):
        g.remove((ann, None, None))
    g.remove((measure, SG.order, None))
    found = _violations(g, ontology, shapes)
    components = {c for c, _, cls in found if cls == SG.Measure}
    assert SH.QualifiedMinCountConstraintComponent in components and SH.MinCountConstraintComponent in components
