"""Two renditions of one document in the store: replacing one keeps the other's contribution.

The seed plan is stored from its text export and its PDF. A re-saved copy of the PDF (same
content, new bytes) replaces the PDF rendition only; the result must equal a fresh store of the
same two files. Timestamps differ between two ingests by nature, so `prov:generatedAtTime` and
`prov:startedAtTime` are compared as "present" rather than by value; everything else (the
contributions kept per rendition, the analysis rows, the file metadata) must be equal, and the
replaced PDF's sha256 must be gone. Run against both backends (`store_factory`).
"""
from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest
from rdflib import Graph, Literal, URIRef

from styrgraf.graph.documents import ingest_file, list_documents, with_analysis_rows
from styrgraf.ingest.pipeline import extract_path
from styrgraf.ontology.terms import DCTERMS, PROV, RDF, SG, sparql_prefixes

ROOT = Path(__file__).resolve().parents[2]
SEED_TEXT = ROOT / "corpus" / "000_5a26368617003b47.txt"
SEED_PDF = ROOT / "corpus" / "halmstad-projektplan-2012.pdf"
TIMES = {PROV.generatedAtTime, PROV.startedAtTime}
SOME_TIME = Literal("(a time)")


@pytest.fixture(scope="module")
def pdf_copies(tmp_path_factory) -> dict[str, Path]:
    """A re-saved copy of the seed PDF (same pages, new bytes) and a damaged one missing its last page."""
    out = tmp_path_factory.mktemp("pdf-copies")
    resaved, damaged = out / "projektplan-omsparad.pdf", out / "projektplan-skadad.pdf"
    with pikepdf.open(SEED_PDF) as pdf:
        pdf.docinfo["/Producer"] = "a re-saving program"
        pdf.save(resaved)
    with pikepdf.open(SEED_PDF) as pdf:
        del pdf.pages[-1]
        pdf.save(damaged)
    longer = out / "projektplan-med-extra-sida.pdf"
    with pikepdf.open(SEED_PDF) as pdf:
        pdf.pages.append(pdf.pages[-1])
        pdf.save(longer)
    assert resaved.read_bytes() != SEED_PDF.read_bytes()
    return {"resaved": resaved, "damaged": damaged, "longer": longer}


def graphs(store) -> dict[str, set]:
    """Every named graph's triples, with ingest timestamps reduced to their presence."""
    out = {}
    for info in store.graphs():
        g = Graph().parse(data=store.graph_ntriples(info.iri), format="nt")
        out[info.iri] = {(s, p, SOME_TIME if p in TIMES else o) for s, p, o in g}
    return out


def relations(store) -> int:
    rows = store.select(sparql_prefixes() + "SELECT (COUNT(*) AS ?n) WHERE { ?d a sg:Document ; dcterms:relation ?r }")
    return int(rows[0]["n"])


def ingest_all(store, *paths) -> list[str]:
    results = [ingest_file(store, p) for p in paths]
    assert all(r.ok for r in results), [r.reason for r in results]
    return [r.status for r in results]


def test_replacing_the_pdf_keeps_what_the_text_contributed(store_factory, pdf_copies):
    resaved = pdf_copies["resaved"]
    replaced = store_factory()
    assert ingest_all(replaced, SEED_TEXT, SEED_PDF, resaved) == ["ingested", "rendition", "replaced"]
    expected_relations = len(extract_path(SEED_TEXT).records.related_documents)
    assert expected_relations > 0 and relations(replaced) == expected_relations
    assert list_documents(replaced)[0]["sha256"] == sorted(
        [extract_path(SEED_TEXT).source.sha256, extract_path(resaved).source.sha256])
    old_pdf = extract_path(SEED_PDF).source.sha256
    assert old_pdf.encode() not in replaced.export("nquads")
    after_replacement = graphs(replaced)

    fresh = store_factory()  # on the remote backend this empties the server: `replaced` is read above
    assert ingest_all(fresh, SEED_TEXT, resaved) == ["ingested", "rendition"]
    assert after_replacement == graphs(fresh)


def test_facts_of_both_renditions_are_one_entity_each(store, pdf_copies):
    ingest_all(store, SEED_TEXT, SEED_PDF)
    records = extract_path(SEED_TEXT).records
    for cls, expected in ((SG.Intention, len(records.intentions)), (SG.Subproject, len(records.subprojects))):
        rows = store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ ?x a <{cls}> }}")
        assert int(rows[0]["n"]) == expected, cls
    assert len(list_documents(store)) == 1


def test_reingesting_a_rendition_restores_its_missing_contribution(store_factory, pdf_copies):
    resaved = pdf_copies["resaved"]
    fresh = store_factory()
    ingest_all(fresh, resaved, SEED_TEXT)  # the text last, as below: the graph's ingest used it
    expected = graphs(fresh)

    hollowed = store_factory()
    ingest_all(hollowed, SEED_TEXT, resaved)
    hollowed.update(sparql_prefixes() + "DELETE WHERE { GRAPH ?g { ?d dcterms:relation ?r } }")
    assert relations(hollowed) == 0
    again = ingest_file(hollowed, SEED_TEXT)
    assert again.status == "replaced"  # not "unchanged": its sha256 is listed, its contribution was not all there
    assert graphs(hollowed) == expected
    assert ingest_file(hollowed, SEED_TEXT).status == "unchanged"


def test_a_graph_written_before_contributions_were_kept_is_repaired(store_factory, pdf_copies):
    """The state the old ingest left: the graph rebuilt from the PDF alone, the text still listed."""
    resaved = pdf_copies["resaved"]
    fresh = store_factory()
    ingest_all(fresh, resaved, SEED_TEXT)
    expected = graphs(fresh)

    legacy = store_factory()
    text, pdf = extract_path(SEED_TEXT), extract_path(resaved)
    graph_iri, graph = pdf.to_graph(renditions=(text.source,))
    for extraction in list(graph.subjects(SG.contributed, None)):
        graph.remove((extraction, None, None))
        graph.remove((None, None, extraction))
    legacy.replace_graph(graph_iri, with_analysis_rows(graph_iri, graph))
    assert relations(legacy) == 0

    assert ingest_file(legacy, SEED_TEXT).status == "replaced"
    assert graphs(legacy) == expected
    assert ingest_file(legacy, SEED_TEXT).status == "unchanged"
    assert ingest_file(legacy, resaved).status == "unchanged"


def test_a_copy_with_a_missing_page_is_refused(store, pdf_copies):
    damaged = pdf_copies["damaged"]
    pages = extract_path(SEED_PDF).records.document.page_count
    assert extract_path(damaged).records.document.page_count == pages - 1
    ingest_all(store, SEED_TEXT, SEED_PDF)
    before = store.export("nquads")
    result = ingest_file(store, damaged)
    assert result.status == "failed"
    for reason in (result.reason, result.reason_en):
        assert damaged.name in reason and f"{pages - 1} " in reason and f"{pages} " in reason, reason
    assert store.export("nquads") == before


def test_a_copy_with_a_missing_page_does_not_replace_the_only_rendition(store, pdf_copies):
    ingest_all(store, SEED_PDF)
    result = ingest_file(store, pdf_copies["damaged"])
    assert result.status == "failed" and SEED_PDF.name in result.reason
    doc = list_documents(store)[0]
    assert doc["sha256"] == [extract_path(SEED_PDF).source.sha256]


def test_renditions_that_disagree_list_the_document_once(store, pdf_copies):
    """A PDF with one page more than the text export is let in: the document is listed once."""
    ingest_all(store, SEED_TEXT, pdf_copies["longer"])
    pages = extract_path(SEED_TEXT).records.document.page_count
    [doc] = list_documents(store)
    assert doc["pages"] == pages + 1 and len(doc["sha256"]) == 2


def test_each_rendition_keeps_its_extraction(store):
    ingest_all(store, SEED_TEXT, SEED_PDF)
    rows = store.select(sparql_prefixes() + """SELECT ?fmt ?v WHERE {
        ?doc sg:rendition ?f . ?f dcterms:format ?fmt . ?x prov:used ?f ; sg:contributed ?c ; sg:extractorVersion ?v }""")
    assert sorted(str(r["fmt"]) for r in rows) == ["application/pdf", "text/plain"]
    graph = Graph().parse(data=store.graph_ntriples(list_documents(store)[0]["graph"]), format="nt")
    doc = URIRef(list_documents(store)[0]["iri"])
    assert (doc, RDF.type, SG.Document) in graph and len(set(graph.objects(doc, DCTERMS.title))) == 1


def test_the_stored_graph_of_two_renditions_conforms_to_the_shapes(embedded_store):
    from pyshacl import validate

    from styrgraf.ontology.terms import ONTOLOGY_TTL, SHAPES_TTL

    ingest_all(embedded_store, SEED_TEXT, SEED_PDF)
    data = Graph().parse(data=embedded_store.graph_ntriples(list_documents(embedded_store)[0]["graph"]), format="nt")
    conforms, _results, text = validate(data, shacl_graph=Graph().parse(SHAPES_TTL, format="turtle"),
                                        ont_graph=Graph().parse(ONTOLOGY_TTL, format="turtle"), inference="none")
    assert conforms, text
