"""Matrices for coordination: intentions × subprojects (with scopes) and people × subprojects (with roles).

Both are data (JSON-serialisable dicts) with a CSV rendering. The coverage
matrix is one table per project, since intentions belong to a plan; the
people matrix spans the chosen projects, with people resolved (one person
written two ways is one row, listing how they are written).
"""
from __future__ import annotations

import csv
import io
from collections import defaultdict

from styrgraf.graph.store.interface import GraphStore

from styrgraf.graph.analysis.projection import ROLE_LABELS, Projection, subprojects_for
from styrgraf.graph.analysis.resolution import load_resolution

FORMATS = ("json", "csv")


def _projects(store: GraphStore, p: Projection, project: str | None) -> list[str]:
    if project is None:
        return sorted(p.of_kind("project"), key=lambda x: (p.node(p.node(x).get("doc") or "").get("date") or "", x))
    subs = subprojects_for(store, p, project)
    return sorted({p.project_of(s) for s in subs if p.project_of(s)})


def coverage_matrix(store: GraphStore, project: str | None = None) -> dict:
    """`{matrices: [{project, document, columns: [subproject], rows: [{intention, cells: {id: {scope}}, count}],
    unknown: [{subproject, number}]}]}`: a cell exists where the subproject addresses the intention."""
    p, _res = load_resolution(store)
    out = []
    for pr in _projects(store, p, project):
        subs = p.subprojects_of(pr)
        doc = p.node(pr).get("doc")
        intentions = sorted((i for i in p.of_kind("intention") if p.node(i).get("project") == pr),
                            key=lambda i: p.node(i).get("number") or 0)
        rows = []
        for i in intentions:
            cells = {}
            for s, d in p.in_edges(i, "addresses"):
                if s in subs:
                    cell = cells.setdefault(p.subproject_obj(s)["id"], {"scope": None})
                    cell["scope"] = cell["scope"] or d.get("scope")
            rows.append({"intention": p.intention_obj(i), "cells": cells, "count": len(cells)})
        unknown = [{"subproject": p.subproject_obj(s), "number": n}
                   for s in subs for _c, n in sorted(p.node(s).get("unknown_intentions", []), key=lambda x: x[1])]
        out.append({"project": p.project_obj(pr), "document": p.document_obj(doc),
                    "columns": [p.subproject_obj(s) for s in subs], "rows": rows, "unknown": unknown})
    return {"matrices": out}


def people_matrix(store: GraphStore, project: str | None = None) -> dict:
    """`{columns: [subproject], rows: [{person, written: [names], cells: {id: [roles]}, count}]}`, busiest first."""
    p, res = load_resolution(store)
    subs = [s for pr in _projects(store, p, project) for s in p.subprojects_of(pr)]
    wanted = set(subs)
    cells: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    written: dict[str, set[str]] = defaultdict(set)
    for u, v, d in p.edges_of("member"):
        if p.kind(u) == "person" and v in wanted:
            person = res.canon(u)
            cells[person][p.subproject_obj(v)["id"]].add(d["role"])
            written[person].add(p.node(u).get("name"))
    rows = []
    for person, by_sub in cells.items():
        rows.append({"person": p.person_obj(person), "written": sorted(written[person]),
                     "cells": {k: sorted(v) for k, v in by_sub.items()}, "count": len(by_sub),
                     "possibly_same": [p.person_obj(o) for o in sorted(res.possibly(person))]})
    rows.sort(key=lambda r: (-r["count"], r["person"]["name"] or "", r["person"]["iri"]))
    return {"columns": [p.subproject_obj(s) for s in subs], "rows": rows}


# --- CSV ------------------------------------------------------------------------------------------------------

def _column_label(col: dict, several: bool) -> str:
    label = f"DP{col['number']} {col['title'] or ''}".strip()
    if several and col.get("project"):
        label += f" [{col['project'].get('title') or col['project']['id']}]"
    return label


def coverage_csv(data: dict, lang: str = "sv") -> str:
    """One table per project (separated by a blank line): intention, letter, text, then one column per subproject."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    yes = "ja" if lang == "sv" else "yes"
    for k, m in enumerate(data["matrices"]):
        if k:
            w.writerow([])
        head = ["projekt", "intention", "bokstav", "text"] if lang == "sv" else ["project", "intention", "letter", "text"]
        w.writerow(head + [_column_label(c, False) for c in m["columns"]] + ["antal" if lang == "sv" else "count"])
        title = (m["project"] or {}).get("title") or ""
        for row in m["rows"]:
            i = row["intention"]
            cells = []
            for c in m["columns"]:
                cell = row["cells"].get(c["id"])
                cells.append("" if cell is None else (f"{yes}: {cell['scope']}" if cell["scope"] else yes))
            w.writerow([title, i["number"], i["letter"] or "", i["text"] or ""] + cells + [row["count"]])
        for u in m["unknown"]:
            label = "finns inte" if lang == "sv" else "does not exist"
            cells = [label if c["id"] == u["subproject"]["id"] else "" for c in m["columns"]]
            w.writerow([title, u["number"], "", label] + cells + [""])
    return buf.getvalue()


def people_csv(data: dict, lang: str = "sv") -> str:
    """person, how written, number of subprojects, then one column per subproject with the roles."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    cols = data["columns"]
    several = len({(c.get("project") or {}).get("iri") for c in cols}) > 1
    head = ["person", "skrivs", "antal"] if lang == "sv" else ["person", "written", "count"]
    w.writerow(head + [_column_label(c, several) for c in cols])
    idx = 0 if lang == "sv" else 1
    for row in data["rows"]:
        cells = ["; ".join(ROLE_LABELS.get(r, (r, r))[idx] for r in row["cells"].get(c["id"], [])) for c in cols]
        w.writerow([row["person"]["name"], " / ".join(row["written"]), row["count"]] + cells)
    return buf.getvalue()
