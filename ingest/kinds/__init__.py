"""Document kinds are plug-ins of the ingest.

Each kind module exposes `KEY`, `score(doc) -> float` (0 = not this kind) and
`extract(doc, title_hint) -> PlanRecords`. A new kind is a module here, listed in
`KINDS`; the pipeline needs no change. A document no kind fits is read by `generic`.
"""
from __future__ import annotations

from types import ModuleType

from styrgraf.ingest.kinds import minutes, project_plan, strategy

KINDS: tuple[ModuleType, ...] = (project_plan, strategy, minutes)


def detect_kind(doc) -> ModuleType | None:
    """The kind that fits the document best, or None when none fits."""
    scored = [(kind.score(doc), kind) for kind in KINDS]
    best = max(scored, key=lambda s: s[0], default=(0.0, None))
    return best[1] if best[0] >= 0.25 else None
