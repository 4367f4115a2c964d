"""The export's related-documents list, whatever kind the document is.

A text export from a document site lists, before its `Transkript:` line, the titles of other
documents under `Relevanta dokument`. They are links to other documents, not content of this
one: each becomes a `RelatedDocument` with its evidence in the preamble, which the graph layer
matches to a stored document of that title (`graph.analysis.links`). A line that lists party
members (`Anna Berg (S), Per Lind (M)`) is a snippet of the site, not a title.
"""
from __future__ import annotations

import re

from styrgraf.ingest.document_text import DocumentText
from styrgraf.ingest.records import RelatedDocument

_RELATED_HEADING = re.compile(r"^Relevanta dokument\s*$", re.MULTILINE)
_PARTY_LIST = re.compile(r"\((?:M|S|C|V|L|KD|MP|FP|SD)\)")


def find_related_documents(doc: DocumentText) -> list[RelatedDocument]:
    """Titles of the export's "Relevanta dokument" list, each with its evidence."""
    if doc.preamble is None:
        return []
    text = doc.preamble.text
    m = _RELATED_HEADING.search(text)
    if not m:
        return []
    out = []
    for line in re.finditer(r"[^\n]+", text[m.end():]):
        s, e = m.end() + line.start(), m.end() + line.end()
        title = text[s:e].strip()
        if not title or title.startswith("Transkript") or _PARTY_LIST.search(title):
            continue
        out.append(RelatedDocument(title, doc.preamble_evidence(s, s + len(title))))
    return out
