"""An answer of `graph/` (an entity object with its facts) as rows for the entity pages.

Each row is `{label, text, entity, evidence, entries, subrows}`: a field's name in
the page's language, its value as text, the entity it names (a link), the
evidence beside it (small source links), and the nested values of a list or
of a fact with parts.  Nothing is computed here: only the shape changes.
"""
from __future__ import annotations

import re
from typing import Any

from styrgraf.api.web.render import entity_label, entity_path, long_date
from styrgraf.api.web.texts import FIELDS

# Identification, not facts; evidence is shown beside the fact it proves.
_HIDDEN = {"type", "id", "iri", "graph", "evidence", "label_sv", "label_en", "key", "message_sv", "message_en",
           "valid", "precision", "year_inferred", "siblings", "ingested_at", "sha256"}
# The fields an entity's own label already says.
_LABELLED = {"number", "letter", "text", "title", "name", "date", "body", "identifier", "kind", "abbreviation"}
_PROOF = "_evidence"
_NAMES = ("name", "title", "text", "label")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MAX_DEPTH = 4


def fact_rows(data: dict, lang: str, depth: int = 0, skip: frozenset[str] = frozenset()) -> list[dict]:
    """The facts of `data`, one row per field that has a value."""
    rows = []
    # `date_evidence` and the like prove the field `date` beside them.
    proofs = {key[:-len(_PROOF)]: value for key, value in data.items() if key.endswith(_PROOF) and value}
    for key, value in data.items():
        if key in _HIDDEN or key in skip or key.endswith(_PROOF):
            continue
        node = fact_node(value, lang, depth)
        if node is not None:
            rows.append(dict(node, label=FIELDS[lang].get(key, key.replace("_", " ")),
                             evidence=node["evidence"] + list(proofs.get(key, []))))
    return rows


def fact_node(value: Any, lang: str, depth: int = 0) -> dict | None:
    """One value as a row without its label; None when there is nothing to show."""
    if value is None or value == "" or value == [] or value == {}:
        return None
    if isinstance(value, bool):
        return _row(text=("ja" if value else "nej") if lang == "sv" else ("yes" if value else "no"))
    if isinstance(value, (str, int, float)):
        text = str(value)
        return _row(text=long_date(text, lang) if _ISO_DATE.match(text) else text)
    if isinstance(value, list):
        items = [n for n in (fact_node(v, lang, depth + 1) for v in value) if n is not None]
        return _row(items=items) if items else None
    if isinstance(value, dict):
        return _dict_node(value, lang, depth)
    return _row(text=str(value))


def _dict_node(value: dict, lang: str, depth: int) -> dict | None:
    evidence = value.get("evidence") or []
    if "label_sv" in value and "label_en" in value:  # a role or another named concept
        return _row(text=value[f"label_{lang}"], evidence=evidence)
    if value.get("type") and value.get("id"):
        # An entity without a page or a name of its own (a participation, say) is shown by its parts.
        # One with a page says the rest there; one without keeps every field but its name here.
        linked = entity_path(value) is not None
        named = linked or any(value.get(k) for k in _LABELLED)
        said = _LABELLED | {"project"} if linked else {next((k for k in _NAMES if value.get(k)), "")}
        rest = fact_rows(value, lang, depth + 1, skip=frozenset(said)) if named else fact_rows(value, lang, depth + 1)
        return _row(text=entity_label(value, lang) if named else None, entity=value if named else None,
                    evidence=evidence, rows=rest if depth < MAX_DEPTH else [])
    if set(value) <= {"text", "evidence", "property"}:
        return _row(text=value.get("text"), evidence=evidence)
    rows = fact_rows(value, lang, depth + 1) if depth < MAX_DEPTH else []
    return _row(rows=rows, evidence=evidence) if rows or evidence else None


def _row(text: str | None = None, entity: dict | None = None, evidence: list | None = None,
         items: list | None = None, rows: list | None = None) -> dict:
    return {"text": text, "entity": entity, "evidence": evidence or [], "entries": items or [], "subrows": rows or []}


def plan_rows(graph: dict) -> list[dict]:
    """The plan graph (`graph.plan_graph.plan_graph`) per subproject, for the table beside its diagram:
    `{subproject, addresses, members, considers}`, each item `{entity, role, evidence}`."""
    entities = {x["iri"]: x for key in ("subprojects", "intentions", "people", "organisations", "works")
                for x in graph[key]}
    rows = {s["iri"]: {"subproject": s, "addresses": [], "members": [], "considers": []} for s in graph["subprojects"]}
    lists = {"addresses": "addresses", "member": "members", "considers": "considers"}
    for edge in graph["edges"]:
        row, target = rows.get(edge["source"]), entities.get(edge["target"])
        if row is not None and target is not None:
            row[lists[edge["kind"]]].append({"entity": target, "role": edge["role"], "evidence": edge["evidence"]})
    return list(rows.values())


def uncovered_intentions(graph: dict) -> list[dict]:
    """The plan's intentions that no subproject addresses."""
    addressed = {e["target"] for e in graph["edges"] if e["kind"] == "addresses"}
    return [i for i in graph["intentions"] if i["iri"] not in addressed]


# The meeting roles of each group of participants on the meeting page, in the order of the cover.
PARTICIPANT_GROUPS = (("decision_makers", ("ordforande", "viceordforande", "ledamot")), ("substitutes", ("ersattare",)),
                      ("others", ("deltagare",)))


def participant_groups(meeting: dict) -> list[tuple[str, list[dict]]]:
    """The participants as the cover lists them: decision-makers, serving substitutes, others."""
    out = []
    for key, roles in PARTICIPANT_GROUPS:
        people = [p for p in meeting["participants"] if any(r["key"] in roles for r in p["roles"])]
        if people:
            out.append((key, people))
    return out


def with_role(meeting: dict, role: str) -> list[dict]:
    return [p for p in meeting["participants"] if any(r["key"] == role for r in p["roles"])]


def links_by_paragraph(paragraphs: list[dict], links: list[dict]) -> tuple[dict[str, list[dict]], list[dict]]:
    """The minutes' "decides" links placed at the paragraph their quote on this side stands in (the
    same page, and the paragraph's case number or title in the quote when a page holds several);
    the links that fit no paragraph are returned apart."""
    placed: dict[str, list[dict]] = {}
    rest = []
    for link in links:
        quotes = [e for e in link["evidence"] if e.get("side") == "this"]
        pages = {e["page"] for e in quotes}
        here = [p for p in paragraphs if {e["page"] for e in p["evidence"]} & pages]
        if len(here) > 1:
            said = " ".join(e["quote"] for e in quotes)
            here = [p for p in here if (p["identifier"] and p["identifier"] in said)
                    or (p["title"] and p["title"] in said)] or here[:1]
        if here:
            placed.setdefault(here[0]["iri"], []).append(link)
        else:
            rest.append(link)
    return placed, rest


def person_sections(person: dict, reservations: list[dict]) -> dict:
    """A person's roles (`graph.queries.person`, across its identity) as the person page lists them:
    `project_roles`, `group_roles` (bodies and groups) and `meetings` (`{meeting, body, document,
    roles, reservations}`, oldest first), each role with the document it is written in."""
    roles = [dict(r, document=d) for d in person["identity"]["documents"] for r in d["roles"]]
    meetings: dict[str, dict] = {}
    for r in (r for r in roles if r.get("meeting")):
        meetings.setdefault(r["meeting"]["iri"], _meeting_entry(r["meeting"], r["body"], r["document"]))["roles"].append(r)
    # A role the cover of the minutes states (the adjuster who signs, say) is also written as a
    # membership of the body: it is listed with the meeting of those minutes, not as a group.
    by_minutes = {m["document"]["iri"]: m for m in meetings.values()}
    groups = []
    for r in (r for r in roles if not r.get("meeting") and r.get("body")):
        held = by_minutes.get(r["document"]["iri"])
        if held is None:
            groups.append(r)
        elif all(x["role"]["key"] != r["role"]["key"] for x in held["roles"]):
            held["roles"].append(r)
    for res in reservations:
        entry = meetings.setdefault(res["meeting"]["iri"], _meeting_entry(res["meeting"], res["meeting"]["body"], None))
        entry["reservations"].append(res)
    # A title has no evidence of its own: the quotes naming the person that hold it prove it.
    quotes = person["evidence"] + [e for r in roles for e in r["evidence"]]
    return {"titles": [{"text": title, "evidence": [e for e in quotes if title.lower() in e["quote"].lower()][:2]}
                       for title in person["identity"]["titles"]],
            "project_roles": [r for r in roles if not r.get("meeting") and (r.get("subproject") or r.get("project"))],
            "group_roles": groups,
            "meetings": sorted(meetings.values(), key=lambda m: ((m["document"] or {}).get("date")
                                                                 or m["meeting"].get("date") or "", m["meeting"]["iri"]))}


def _meeting_entry(meeting: dict, body: dict | None, document: dict | None) -> dict:
    return {"meeting": meeting, "body": body, "document": document, "roles": [], "reservations": []}
