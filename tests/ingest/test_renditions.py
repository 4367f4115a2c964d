"""The text export and the PDF are two renditions of one document."""
from __future__ import annotations

import dataclasses
from pathlib import Path

from rdflib import Literal


def strip_offsets(obj):
    """Records with evidence reduced to (page, quote): offsets may differ, facts may not."""
    if dataclasses.is_dataclass(obj):
        return tuple((f.name, strip_offsets(getattr(obj, f.name))) for f in dataclasses.fields(obj))
    if isinstance(obj, (list, tuple)):
        return tuple(strip_offsets(x) for x in obj)
    return obj


def test_same_document_identity(seed_text, seed_pdf):
    t, p = seed_text.records.document, seed_pdf.records.document
    assert (t.identifier, t.title, t.date) == (p.identifier, p.title, p.date)
    assert seed_text.to_graph()[0] == seed_pdf.to_graph()[0]


def test_same_page_texts(seed_text, seed_pdf):
    assert [p.text for p in seed_text.pages] == [p.text for p in seed_pdf.pages]


def test_same_entities_and_relations(seed_text, seed_pdf):
    rt, rp = seed_text.records, seed_pdf.records
    for name in ("project", "appendices", "decisions", "intentions", "subprojects", "coverage", "organisations",
                 "people", "roles", "involvements", "references", "considerations", "milestones", "findings"):
        assert strip_offsets(getattr(rt, name)) == strip_offsets(getattr(rp, name)), name


def test_same_triples_apart_from_source_metadata(seed_text, seed_pdf):
    """Compare the RDF, leaving out the export preamble (page 0, related documents) and file metadata."""
    from styrgraf.ontology.terms import SG, DCTERMS

    def core(x):
        _, g = x.to_graph()
        skip = {s for s, o in g.subject_objects(SG.pageNumber) if o == Literal(0)}
        skip |= set(g.subjects(None, SG.RelatedDocument))
        out = set()
        for s, p, o in g:
            if s in skip or o in skip or "/file/" in str(s) or "/file/" in str(o) or "/related/" in str(s) \
                    or "/related/" in str(o) or p in (SG.fileName, DCTERMS.format):
                continue
            if "/evidence/" in str(s) and "preamble" in str(s):
                continue
            out.add((s, p, o))
        # Evidence nodes of preamble-only facts do not exist in the PDF: keep only those whose page is not 0.
        return out

    text, pdf = core(seed_text), core(seed_pdf)
    from styrgraf.ontology.terms import PROV
    text = {t for t in text if t[1] not in (PROV.generatedAtTime, PROV.startedAtTime)}
    pdf = {t for t in pdf if t[1] not in (PROV.generatedAtTime, PROV.startedAtTime)}
    only_text = {t for t in text - pdf if "/related/" not in str(t[2])}
    assert not (pdf - text)
    # What only the text has is the related list's evidence (on page 0).
    assert all("/evidence/" in str(t[0]) for t in only_text), list(only_text)[:5]


def test_a_renditions_contribution_is_kept_exactly_and_deterministically(seed_pdf):
    """What `graph.documents` keeps per rendition reads back as the same triples, byte-identical per file."""
    from styrgraf.ingest.pipeline import extract_path
    from styrgraf.ingest.to_rdf import decode_content, encode_content, records_to_content

    def content(x):
        return records_to_content(x.records, x.pages, x.preamble)

    packed = encode_content(content(seed_pdf))
    assert set(decode_content(packed)) == set(content(seed_pdf))
    pdf = Path(__file__).resolve().parents[2] / "corpus" / "halmstad-projektplan-2012.pdf"
    assert encode_content(content(extract_path(pdf))) == packed  # a second extraction of the same file
    assert decode_content("not base64 at all!") is None
