"""Positions for the diagrams of the entity pages (SVGs drawn by `templates/dependencies.html`):
the dependencies of a subproject and the decision chain of an audit trail.

The entity sits in the middle; what it must take into account (`depends_on` of
`graph.queries.dependencies`) is a column on the left, what must take it into account
(`depended_by`) a column on the right, each joined to the middle by a line.  Only geometry
is computed here: the nodes and their labels come from `graph/`.
"""
from __future__ import annotations

from styrgraf.api.web.render import entity_label

WIDTH = 1000
ROW = 30
BOX_WIDTH = 320
MARGIN = 10
LABEL_CHARS = 40
CHAIN_CHARS = 72


def _short(text: str, chars: int = LABEL_CHARS) -> str:
    return text if len(text) <= chars else text[:chars - 1] + "…"


def dependency_layout(dependencies: dict, lang: str) -> dict | None:
    """`{width, height, centre, nodes: [{x, y, label, full, entity, side}]}`; None without dependencies."""
    left, right = dependencies.get("depends_on") or [], dependencies.get("depended_by") or []
    if not left and not right:
        return None
    height = max(len(left), len(right), 1) * ROW + 2 * MARGIN
    centre = {"x": (WIDTH - BOX_WIDTH) // 2, "y": height // 2 - ROW // 2, "entity": dependencies["entity"],
              "label": _short(entity_label(dependencies["entity"], lang)),
              "full": entity_label(dependencies["entity"], lang)}
    nodes = []
    for side, items, x in (("left", left, MARGIN), ("right", right, WIDTH - BOX_WIDTH - MARGIN)):
        top = (height - len(items) * ROW) // 2
        for i, item in enumerate(items):
            full = entity_label(item, lang)
            nodes.append({"x": x, "y": top + i * ROW, "label": _short(full), "full": full, "entity": item, "side": side})
    return {"width": WIDTH, "height": height, "box_width": BOX_WIDTH, "box_height": ROW - 6, "centre": centre,
            "nodes": nodes}


CHAIN_BOX = 560
CHAIN_ROW = 56


def chain_layout(steps: list[dict], lang: str) -> dict | None:
    """A top-down chain: each step (oldest first) a box joined to the next by an arrow."""
    if not steps:
        return None
    x = (WIDTH - CHAIN_BOX) // 2
    nodes = [{"x": x, "y": MARGIN + i * CHAIN_ROW, "label": _short(entity_label(step, lang), CHAIN_CHARS),
              "full": entity_label(step, lang), "entity": step} for i, step in enumerate(steps)]
    return {"width": WIDTH, "height": 2 * MARGIN + len(steps) * CHAIN_ROW - (CHAIN_ROW - 30), "box_width": CHAIN_BOX,
            "box_height": 30, "nodes": nodes, "centre_x": x + CHAIN_BOX // 2}
