"""Strategies, policies, programmes, guidelines and plans that are not project plans.

Besides every document's basic facts, people and roles (ingest.kinds.generic) such a document
lists the goals it sets (`Mål 1: …`, a numbered list under `Mål`), which the graph holds as
the document's intentions, the same way as a plan's, so that plans and strategies can be
compared goal by goal.
"""
from __future__ import annotations

from dataclasses import replace

from styrgraf.ingest import basic_facts as bf
from styrgraf.ingest.document_text import DocumentText
from styrgraf.ingest.goals import find_goals
from styrgraf.ingest.kinds import generic
from styrgraf.ingest.records import PlanRecords

KEY = "strategi"
# Document types (keys of ingest.doc_types.DOC_TYPES) this kind reads.
TYPES = frozenset({"strategi", "policy", "program", "riktlinje", "plan"})


def score(doc: DocumentText) -> float:
    """High when the title or the `Dokumenttyp` field names a strategy, policy, programme or
    guideline; lower for a bare `plan`, which a project plan's own words outweigh; 0 otherwise."""
    title = bf.find_title(doc)
    doc_type = bf.document_type(doc, title.text if title else "")
    return 0.0 if doc_type not in TYPES else 0.3 if doc_type == "plan" else 0.6


def extract(doc: DocumentText, title_hint: str | None = None) -> PlanRecords:
    records = generic.extract(doc, title_hint)
    goals, _ = find_goals(doc, 0, len(doc.body))
    findings = [f for f in records.findings if f.code != generic.UNKNOWN_KIND]
    return replace(records, intentions=goals, findings=findings)
