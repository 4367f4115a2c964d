"""Positions for the diagrams of the entity pages (SVGs drawn by `templates/dependencies.html`):
the dependencies of a subproject and the decision chain of an audit trail.

The entity sits in the middle; what it must take into account (`depends_on` of
`graph.queries.dependencies`) is a column on the left, what must take it into account
(`depended_by`) a column on the right, each joined to the middle by a line.  Only geometry
is computed here: the nodes and their labels come from `graph/`.
"""
from __future__ import annotations

from styrgraf.api.web.render import entity_label
from styrgraf.api.web.texts import TEXTS

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


# -- the dependency graph of a whole plan ------------------------------------------------------------------------
# Three columns: on the left the plan's intentions and, below them, the people who lead its
# subprojects; in the middle the subprojects; on the right what they must take into account.
# A dependency between two subprojects is an arc in the gutter right of the middle column.

PLAN_WIDTH = 1200
PLAN_ROW = 26
PLAN_BOX = 20
PLAN_TOP = 34  # room for the column headings
SUB_BOX = 42
COLUMNS = {"left": (10, 300), "middle": (410, 300), "right": (860, 330)}
GUTTER = 140  # between the middle column and the right one, for the arcs between subprojects
LEADING_ROLES = ("uppdragsansvarig", "projektledare")  # the people drawn; the table lists all
PLAN_CHARS = {"left": 42, "middle": 40, "right": 44}


def _column_nodes(items: list[dict], column: str, top: int, lang: str, kind: str) -> list[dict]:
    x, width = COLUMNS[column]
    nodes = []
    for i, item in enumerate(items):
        full = entity_label(item, lang)
        nodes.append({"x": x, "y": top + i * PLAN_ROW, "width": width, "height": PLAN_BOX, "kind": kind,
                      "label": _short(full, PLAN_CHARS[column]), "full": full, "entity": item})
    return nodes


def _leaders(graph: dict) -> list[dict]:
    wanted = {e["target"] for e in graph["edges"] if e["kind"] == "member" and e["role"]
              and e["role"]["key"] in LEADING_ROLES}
    return [p for p in graph["people"] if p["iri"] in wanted]


def _curve(x1: float, y1: float, x2: float, y2: float) -> str:
    middle = (x1 + x2) / 2
    return f"M{x1:.0f},{y1:.0f} C{middle:.0f},{y1:.0f} {middle:.0f},{y2:.0f} {x2:.0f},{y2:.0f}"


def _arc(x: float, y1: float, y2: float, bulge: float) -> str:
    return f"M{x:.0f},{y1:.0f} C{x + bulge:.0f},{y1:.0f} {x + bulge:.0f},{y2:.0f} {x + 6:.0f},{y2:.0f}"


def _edge_title(edge: dict, source: dict, target: dict, lang: str) -> str:
    t = TEXTS[lang]
    if edge["kind"] == "member":
        role = edge["role"][f"label_{lang}"] if edge["role"] else ""
        return t["graph_edge_member"].format(person=target["full"], role=role.lower(), subproject=source["full"])
    key = "graph_edge_addresses" if edge["kind"] == "addresses" else "graph_edge_considers"
    return t[key].format(subproject=source["full"], target=target["full"])


def plan_layout(graph: dict, lang: str) -> dict | None:
    """`{width, height, headings, nodes, edges}` for `graph.plan_graph.plan_graph`; None without subprojects.

    Each node `{x, y, width, height, kind, label, full, entity}` (label shortened, full in <title>);
    each edge `{kind, path, title, source, target, arrow}` with the ids of its two ends."""
    if not graph["subprojects"]:
        return None
    t = TEXTS[lang]
    intentions = _column_nodes(graph["intentions"], "left", PLAN_TOP, lang, "intention")
    leaders_top = PLAN_TOP + (len(intentions) + 1) * PLAN_ROW if intentions else PLAN_TOP
    leaders = _column_nodes(_leaders(graph), "left", leaders_top, lang, "person")
    works = _column_nodes(graph["works"], "right", PLAN_TOP, lang, "work")
    rows = max(len(intentions) + (len(leaders) + 1 if leaders else 0), len(works), len(graph["subprojects"]) * 2)
    height = PLAN_TOP + rows * PLAN_ROW + 2 * MARGIN
    x, width = COLUMNS["middle"]
    step = (height - PLAN_TOP - MARGIN) / len(graph["subprojects"])
    subprojects = []
    for i, sub in enumerate(graph["subprojects"]):
        full = entity_label(sub, lang)
        subprojects.append({"x": x, "y": round(PLAN_TOP + i * step + (step - SUB_BOX) / 2), "width": width,
                            "height": SUB_BOX, "kind": "subproject", "entity": sub, "full": full,
                            "label": f"{t['subproject']} {sub.get('number') or ''}".strip(),
                            "label2": _short(sub.get("title") or "", PLAN_CHARS["middle"])})
    by_iri = {n["entity"]["iri"]: n for n in intentions + leaders + works + subprojects}
    edges = []
    for edge in graph["edges"]:
        source, target = by_iri.get(edge["source"]), by_iri.get(edge["target"])
        if source is None or target is None:
            continue  # a member who leads nothing, an organisation: in the table, not drawn
        sy, ty = source["y"] + source["height"] / 2, target["y"] + target["height"] / 2
        if target["kind"] == "subproject":
            distance = abs(subprojects.index(target) - subprojects.index(source))
            path = _arc(x + width, sy - 6, ty + 6, min(24 + 22 * distance, GUTTER - 10))
            kind = "sibling"
        elif target["kind"] == "work":
            path, kind = _curve(x + width, sy, target["x"], ty), "considers"
        else:
            path, kind = _curve(target["x"] + target["width"], ty, x, sy), edge["kind"]
        edges.append({"kind": kind, "path": path, "title": _edge_title(edge, source, target, lang),
                      "source": source["entity"]["id"], "target": target["entity"]["id"],
                      "arrow": kind in ("considers", "sibling")})
    headings = [{"x": COLUMNS["left"][0], "y": 18, "text": t["graph_intentions"]},
                {"x": COLUMNS["middle"][0], "y": 18, "text": t["graph_subprojects"]},
                {"x": COLUMNS["right"][0], "y": 18, "text": t["graph_works"]}]
    if leaders:
        headings.append({"x": COLUMNS["left"][0], "y": leaders_top - 8, "text": t["graph_leaders"]})
    return {"width": PLAN_WIDTH, "height": int(height), "headings": headings,
            "nodes": intentions + leaders + works + subprojects, "edges": edges}
