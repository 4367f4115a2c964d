"""Who answers for a steering document: `Dokumentansvarig`, `Dokumentägare`, `Ansvarig`,
`Processägare`. Often a post (`Kommundirektör`, `Administrativ chef`) rather than a person;
a person only when the value names one (`Eva Lind, digitaliseringschef`)."""
from __future__ import annotations

from styrgraf.ingest.cover_fields import find_fields
from styrgraf.ingest.document_text import DocumentText
from styrgraf.ingest.records import DocumentOwner


def find_owner(doc: DocumentText) -> DocumentOwner | None:
    text = doc.body
    field = next((f for f in find_fields(text) if f.key == "owner"), None)
    if field is None:
        return None
    s, e = field.parts["value"]
    person = field.parts.get("person")
    evidence = tuple(ev for span in field.spans((s, e)) for ev in doc.evidence(*span))
    return DocumentOwner(text[s:e], text[person[0]:person[1]] if person else None, evidence, field.label)
