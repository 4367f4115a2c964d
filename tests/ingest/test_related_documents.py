"""The export's related-documents list is read for documents of every kind."""
from __future__ import annotations

from styrgraf.ingest.pipeline import extract_path

EXPORT = """Uppdrag om en gemensam växel

Relevanta dokument
Strategi för kommunikation i Vallby kommun

Anna Berg (S), Per Lind (M)

Transkript:

SAMMANTRÄDESPROTOKOLL Kommunstyrelsen 2020-11-16 Vallby kommun Uppdrag om en gemensam växel § 131 Dnr KS 2020/411 Kommunstyrelsens beslut Kommunstyrelsen beslutar att upphandla en gemensam växel. Justerandes sign Utdragsbestyrkande
"""


def test_minutes_keep_their_related_documents_with_evidence(tmp_path):
    path = tmp_path / "utdrag.txt"
    path.write_text(EXPORT, encoding="utf-8")
    x = extract_path(path)
    related = x.records.related_documents
    assert [r.title for r in related] == ["Strategi för kommunikation i Vallby kommun"]
    ev = related[0].evidence[0]
    assert ev.page == 0 and x.preamble.text[ev.start:ev.end] == ev.quote == related[0].title
