"""References as a person types them, for `show`, `trace` and the API's look-ups: `delprojekt 1`,
`intention h`, `KS 2011/0456`, a person's or organisation's name, a document's title, `beslutet 2012-02-07`, `KS 2022-09-12`.

The reference is read with the question parser (`parse.read`); the things it names are the
candidates. A case number names the documents with that Dnr first, then the plans, then the
decisions; a date names the decisions of that day (and the meetings, when the reference speaks
of a meeting or a body). `candidates` returns them all; `queries.require` takes the one, and
lists the candidates when there are several.
"""
from __future__ import annotations

from styrgraf.graph import meetings as mt
from styrgraf.graph import queries as q
from styrgraf.graph.describe import describe
from styrgraf.graph.entities import entity_id, entity_type
from styrgraf.graph.questions.entities import parse_question_date
from styrgraf.graph.questions.parse import Parse, read
from styrgraf.graph.store.interface import GraphStore

MAX_CANDIDATES = 20


def _same_case(a: str | None, b: str) -> bool:
    return bool(a) and mt.case_key(a) == mt.case_key(b)


def _by_case(store: GraphStore, case: str) -> list[list[str]]:
    documents = [d["iri"] for d in q.documents(store) if _same_case(d.get("identifier"), case)]
    plans = [p["iri"] for p in q.plan_index(store) if _same_case(p.get("identifier"), case)]
    decisions = [d["iri"] for d in q.decisions(store) if _same_case(d.get("identifier"), case)]
    return [documents, plans, decisions]


def _by_date(store: GraphStore, parsed: Parse, text: str) -> list[list[str]]:
    first, last, problem = parse_question_date(text)
    if problem or first is None:
        return []
    body = parsed.one("body")
    bodies = body.value["bodies"] if body else None

    def of_body(b: dict | None) -> bool:
        return bodies is None or any((b or {}).get("iri") == x["iri"] for x in bodies)

    decisions = [d["iri"] for d in q.decisions(store) if d.get("date") and first.isoformat() <= d["date"][:10] <= last
                 and of_body(d.get("body"))]
    meetings = [m["iri"] for m in mt.find_meetings(store) if m.get("date") and first.isoformat() <= m["date"] <= last
                and of_body(m.get("body"))]
    if parsed.has("meeting") or (body and not parsed.has("decision", "decide")):
        return [meetings, decisions]
    return [decisions, meetings]


def _intentions(store: GraphStore, value: dict) -> list[str]:
    if value.get("number") is not None:
        return q.intention_iris(store, value["number"])
    rows = store.select(q.P + f'SELECT DISTINCT ?i WHERE {{ ?i a sg:Intention ; sg:letter "{value["letter"]}" }}')
    return sorted(str(r["i"]) for r in rows)


def candidates(store: GraphStore, ref: str, types: tuple[str, ...] | None = None) -> list[str]:
    """The stored entities a typed reference names, best tier first; [] when it names none."""
    parsed = read(store, ref, plan_split=False)
    tiers: list[list[str]] = []
    for found in parsed.found:
        if found.kind == "subproject":
            tiers.append(q.subprojects_by_number(store, found.value["number"]))
        elif found.kind == "intention":
            tiers.append(_intentions(store, found.value))
        elif found.kind == "person":
            tiers.append(found.value["iris"])
        elif found.kind == "organisation":
            tiers.append([found.value["organisation"]["iri"]])
        elif found.kind == "document":
            tiers.append([found.value["document"]["iri"]])
        elif found.kind == "case":
            tiers += _by_case(store, found.value["case"])
        elif found.kind == "date":
            tiers += _by_date(store, parsed, found.value["text"])
    if not parsed.found and parsed.leftover:
        typed = parsed.leftover_text()
        tiers += [q.find_people(store, typed), [p["iri"] for p in q.find_plans(store, typed)]]
    for tier in tiers:
        kept = [i for i in dict.fromkeys(tier) if types is None or entity_type(i) in types]
        if kept:
            return kept
    return []


def labels(store: GraphStore, iris: list[str]) -> list[str]:
    """How candidates are listed: type, id to type next time, and what they are."""
    d = describe(store, iris[:MAX_CANDIDATES])
    out = []
    for iri in iris[:MAX_CANDIDATES]:
        e = d[iri]
        what = e.get("name") or e.get("title") or e.get("label") or e.get("text") or ""
        if e.get("type") == "decision":
            body = (e.get("body") or {}).get("abbreviation") or (e.get("body") or {}).get("name") or ""
            what = " ".join(x for x in (body, e.get("date"), e.get("identifier")) if x)
        if e.get("type") in ("subproject", "intention"):
            plan = ((e.get("project") or {}).get("title")) or ""
            what = f"{e.get('number')} {what}".strip() + (f" ({plan})" if plan else "")
        out.append(f"{entity_type(iri)} {entity_id(iri)}" + (f" ({what[:80]})" if what else ""))
    return out
