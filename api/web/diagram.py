"""Positions for the dependency diagram of an entity page (an SVG drawn by `templates/dependencies.html`).

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


def _short(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[:LABEL_CHARS - 1] + "…"


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
