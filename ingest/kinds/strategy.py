"""Strategies, policies, programmes, guidelines and plans that are not project plans.

Besides every document's basic facts, people and roles (ingest.kinds.generic) such a document
says of itself who adopted it, when and under which paragraph (ingest.adoption), how long it
applies (ingest.validity), who answers for it (ingest.document_owner) and how it was revised
(ingest.revisions), and it lists goal areas with their goals, strategies, measures and
indicators (ingest.goal_areas). The goals it sets outside any goal area (`Mål 1: …`, a
numbered list under `Mål`) are held as the document's intentions, the same way as a plan's, so
that plans and strategies can be compared goal by goal.
"""
from __future__ import annotations

from dataclasses import replace

from styrgraf.ingest import basic_facts as bf
from styrgraf.ingest.adoption import find_adoption
from styrgraf.ingest.document_owner import find_owner
from styrgraf.ingest.document_text import DocumentText
from styrgraf.ingest.goal_areas import areas_start, find_goal_areas
from styrgraf.ingest.goals import find_goals
from styrgraf.ingest.kinds import generic
from styrgraf.ingest.records import Decision, DocumentOwner, Person, PlanRecords, RoleAssignment, StrategyParts
from styrgraf.ingest.revisions import find_revisions
from styrgraf.ingest.validity import find_validity

KEY = "strategi"
# Document types (keys of ingest.doc_types.DOC_TYPES) this kind reads.
TYPES = frozenset({"strategi", "policy", "program", "riktlinje", "plan"})
OWNER_ROLE = "dokumentansvarig"


def score(doc: DocumentText) -> float:
    """High when the title or the `Dokumenttyp` field names a strategy, policy, programme or
    guideline; lower for a bare `plan`, which a project plan's own words outweigh; 0 otherwise."""
    title = bf.find_title(doc)
    doc_type = bf.document_type(doc, title.text if title else "")
    return 0.0 if doc_type not in TYPES else 0.3 if doc_type == "plan" else 0.6


def strategy_parts(doc: DocumentText, records: PlanRecords) -> StrategyParts:
    areas, general = find_goal_areas(doc)
    return StrategyParts(
        adoption=find_adoption(doc, records.decisions), validity=find_validity(doc), owner=find_owner(doc),
        revisions=tuple(find_revisions(doc)), goal_areas=tuple(areas), general=general)


def extract(doc: DocumentText, title_hint: str | None = None) -> PlanRecords:
    records = generic.extract(doc, title_hint)
    parts = strategy_parts(doc, records)
    # Goals under a goal area belong to it; the document's own goals stand before the first area.
    goals, _ = find_goals(doc, 0, areas_start(doc.body))
    findings = [f for f in records.findings if f.code != generic.UNKNOWN_KIND]
    decisions, parts = _with_adoption_decision(records, parts)
    people, roles = _with_owner(records, parts.owner)
    return replace(records, intentions=goals, findings=findings, strategy=parts, decisions=decisions,
                   people=people, roles=roles)


def _with_adoption_decision(records: PlanRecords, parts: StrategyParts) -> tuple[list[Decision], StrategyParts]:
    """The adoption is the document's own dated decision: added when no dated decision records it
    (an adoption told in prose, or by a flattened cover table)."""
    a = parts.adoption
    if a is None or a.decision or not (a.date and a.date.iso and a.body):
        return records.decisions, parts
    key = f"{a.date.iso}-{a.body.lower()}"
    if any(d.key == key for d in records.decisions):
        return records.decisions, replace(parts, adoption=replace(a, decision=key))
    decision = Decision(key, "decision", a.date, a.body, records.document.identifier,
                        " ".join(e.quote for e in a.evidence), evidence=a.evidence)
    return records.decisions + [decision], replace(parts, adoption=replace(a, decision=key))


def _with_owner(records: PlanRecords, owner: DocumentOwner | None) -> tuple[list[Person], list[RoleAssignment]]:
    """The person a `Dokumentansvarig` field names holds that role, also where a flattened table
    parts the label from the name."""
    if owner is None or owner.person is None or any(
            r.person == owner.person and r.role == OWNER_ROLE for r in records.roles):
        return records.people, records.roles
    people = records.people if any(p.name == owner.person for p in records.people) else (
        records.people + [Person(owner.person, evidence=owner.evidence)])
    return people, records.roles + [RoleAssignment(owner.person, OWNER_ROLE, owner.label, None, owner.evidence)]
