"""Answers about what a plan says: what a subproject is about, what an intention says, which
intentions a subproject addresses, what must take a subproject into account, budgets and
reporting, counts and lists, overlaps with one subproject, and gaps."""
from __future__ import annotations

from styrgraf.graph import meetings as mt
from styrgraf.graph import queries as q
from styrgraf.graph.questions.answer import (
    Context, Reply, decimal, end_sentences, flatten_evidence, intention_iris, join, many_plans, reply, strip,
    sub_label, subproject_iris, unique_evidence)
from styrgraf.graph.questions.families.plan import decision_label
from styrgraf.graph.questions.sentences import say
from styrgraf.graph.strategies import document_strategy
from styrgraf.ingest.roles import ROLES

MAX_LISTED = 40  # items a list answer names; the results carry all


def subprojects_asked(ctx: Context, params: dict) -> list[dict] | Reply:
    """The subprojects a question is about, as `q.subproject` gives them: the one numbered, or
    every subproject of the plans asked about."""
    if params.get("number") is not None:
        iris = subproject_iris(ctx, params["number"])
        if isinstance(iris, Reply):
            return iris
    else:
        iris = [s["iri"] for p in q.projects(ctx.store, iris=ctx.projects) for s in p["subprojects"]]
    return [q.subproject(ctx.store, i) for i in iris]


def _label(sub: dict, lang: str, subs: list[dict]) -> str:
    return sub_label(sub, lang, many_plans(subs))


def about(ctx: Context, params: dict) -> Reply:
    subs = subprojects_asked(ctx, params)
    if isinstance(subs, Reply):
        return subs

    def text(lang: str) -> str:
        parts = []
        for s in subs:
            label = _label(s, lang, subs)
            part = say("about", lang, Sub=label.capitalize(), title=s["title"] or "?")
            if s.get("purpose") and s["purpose"].get("text"):
                part += say("about_purpose", lang, purpose=s["purpose"]["text"])
            parts.append(part)
        return end_sentences(parts)

    ev = unique_evidence(e for s in subs for e in s["evidence"] + ((s.get("purpose") or {}).get("evidence") or []))
    return Reply(text, [_summary(s) for s in subs], ev)


def _summary(sub: dict) -> dict:
    return dict(strip(sub), purpose=(sub.get("purpose") or {}).get("text"), project=sub.get("project"))


def intention_text(ctx: Context, params: dict) -> Reply:
    number, iris = intention_iris(ctx, params)
    if isinstance(iris, Reply):
        return iris
    found = q.intentions(ctx.store, iris=iris)
    if not found:
        return reply("no_intention", label=number)

    def text(lang: str) -> str:
        return end_sentences([say("intention_says", lang, number=i["number"], letter=i.get("letter") or "-",
                                  text=(i.get("text") or "").rstrip(".")) for i in found])

    return Reply(text, [strip(i) for i in found], flatten_evidence(found))


def subproject_intentions(ctx: Context, params: dict) -> Reply:
    subs = subprojects_asked(ctx, params)
    if isinstance(subs, Reply):
        return subs
    results = [dict(strip(i), scope=i.get("scope"), subproject=strip(s), evidence=i["evidence"])
               for s in subs for i in s["intentions"]]

    def text(lang: str) -> str:
        parts = []
        for s in subs:
            label = _label(s, lang, subs)
            numbers = [str(i["number"]) for i in s["intentions"] if i.get("number") is not None]
            parts.append(say("sub_intentions", lang, Sub=label.capitalize(), numbers=join(numbers, lang)) if numbers
                         else say("sub_no_intentions", lang, Sub=label.capitalize()))
        return end_sentences(parts)

    return Reply(text, results, flatten_evidence(results))


def dependents(ctx: Context, params: dict) -> Reply:
    iris = subproject_iris(ctx, params["number"])
    if isinstance(iris, Reply):
        return iris
    found = [q.dependencies(ctx.store, s, 1) for s in iris]
    results = [dict(x, of=strip(d["entity"])) for d in found for x in d["depended_by"]]

    def text(lang: str) -> str:
        parts = []
        for d in found:
            label = sub_label(d["entity"], lang, len(found) > 1)
            mine = [x for x in d["depended_by"]]
            names = [sub_label(x, lang) if x["type"] == "subproject" else say("quoted", lang, text=x.get("title") or x.get("label"))
                     for x in mine]
            parts.append(say("depended_by", lang, parts=join(names, lang)[:1].upper() + join(names, lang)[1:], sub=label)
                         if mine else say("depended_by_nobody", lang, sub=label))
        return end_sentences(parts)

    return Reply(text, results, flatten_evidence(results))


def _fact(kind: str, missing: str):
    def handler(ctx: Context, params: dict) -> Reply:
        subs = subprojects_asked(ctx, params)
        if isinstance(subs, Reply):
            return subs
        results = [dict(strip(s), text=s[kind]["text"], evidence=s[kind]["evidence"]) for s in subs if s.get(kind)]

        def text(lang: str) -> str:
            parts = []
            for s in subs:
                label = _label(s, lang, subs)
                parts.append(say(kind, lang, sub=label, text=s[kind]["text"].rstrip(".")) if s.get(kind)
                             else say(missing, lang, sub=label))
            return end_sentences(parts)

        return Reply(text, results, flatten_evidence(results))
    return handler


budget = _fact("budget", "no_budget")
reporting = _fact("reporting", "no_reporting")


def document_goals(ctx: Context, params: dict) -> Reply:
    """The goals (intentions) a document sets: a strategy's or a plan's."""
    doc = params["document"]
    rows = ctx.store.select(q.P + f"SELECT DISTINCT ?i WHERE {{ ?i a sg:Intention ; skos:inScheme/dcterms:source <{doc['iri']}> }}")
    found = q.intentions(ctx.store, iris=sorted(str(r["i"]) for r in rows)) if rows else []
    title = doc.get("title") or doc.get("id")
    if not found:
        return _area_goals(ctx, doc, title)
    return Reply(lambda lang: say("document_goals", lang, title=title, n=len(found), items="; ".join(
        f"{i['number']}. {(i.get('text') or '').rstrip('.')}" for i in found)), [strip(i) for i in found],
        flatten_evidence(found))


def _area_goals(ctx: Context, doc: dict, title: str) -> Reply:
    """The goals a strategy states under its goal areas (a strategy has no numbered intentions)."""
    found = document_strategy(ctx.store, doc["iri"])
    goals = [dict(g, area=a.get("title")) for a in (found or {}).get("goal_areas", []) for g in a["goals"]
             if g.get("text")]
    if not goals:
        return reply("document_no_goals", title=title)
    items = "; ".join(f"{n}. {g['text'].rstrip('.')}" + (f" ({g['area']})" if g.get("area") else "")
                      for n, g in enumerate(goals, 1))
    return Reply(lambda lang: say("document_goals", lang, title=title, n=len(goals), items=items),
                 [{"type": "goal", "iri": g["iri"], "text": g["text"], "area": g.get("area")} for g in goals],
                 unique_evidence(e for g in goals for e in g["evidence"]))


def _strategy_asked(ctx: Context, params: dict) -> tuple[str, dict] | Reply:
    """(title, strategy parts) of the document named, or of the only stored document with strategy
    parts when the question names none (`vem är dokumentansvarig för strategin`)."""
    if params.get("document"):
        docs = [params["document"]]
    else:
        docs = [d for d in q.documents(ctx.store) if document_strategy(ctx.store, d["iri"])]
        if len(docs) != 1:
            examples = "; ".join(f"”{d.get('title')}”" for d in docs[:3])
            return Reply(lambda lang: say("name_strategy", lang, examples=examples) + ".", [strip(d) for d in docs])
    doc = docs[0]
    return doc.get("title") or doc.get("id"), document_strategy(ctx.store, doc["iri"]) or {}


def _body_name(body: dict | None) -> str:
    return (body or {}).get("name") or (body or {}).get("title") or ""


def strategy_facts(ctx: Context, params: dict) -> Reply:
    """When a strategy was adopted and by whom, who owns it, or how long it is valid."""
    found = _strategy_asked(ctx, params)
    if isinstance(found, Reply):
        return found
    title, parts = found
    doc = parts.get("document") or {}
    fact = params["fact"]
    if fact == "adoption":
        a = parts.get("adoption")
        if not a or not a.get("date"):
            return reply("no_adoption", title=title)
        body = _body_name(a.get("body"))
        return Reply(lambda lang: say("strategy_adopted", lang, title=title, date=a["date"],
                                      by=say("adopted_by", lang, body=body) if body else "",
                                      paragraph=f" (§ {a['paragraph'].lstrip('§ ')})" if a.get("paragraph") else "") + ".",
                     [dict(strip(doc), adoption={k: a[k] for k in ("date", "paragraph")}, body=a.get("body"))],
                     unique_evidence(a["date_evidence"] + a["evidence"] + a["paragraph_evidence"]))
    if fact == "owner":
        o = parts.get("owner")
        if not o:
            return reply("no_owner", title=title)
        return Reply(lambda lang: say("strategy_owner", lang, title=title, owner=o["text"]) + ".",
                     [dict(strip(doc), owner=o["text"], person=o.get("person"))], unique_evidence(o["evidence"]))
    v = parts.get("validity") or {}
    if not (v.get("valid_from") or v.get("valid_until") or v.get("until_further_notice")):
        return reply("no_validity", title=title)

    def span(lang: str) -> str:
        out = say("valid_from", lang, date=v["valid_from"]) if v.get("valid_from") else ""
        out += say("valid_until", lang, date=v["valid_until"]) if v.get("valid_until") else ""
        return out + (say("valid_further", lang) if v.get("until_further_notice") else "")

    ev = v.get("valid_from_evidence", []) + v.get("valid_until_evidence", []) + v.get("until_further_notice_evidence", [])
    return Reply(lambda lang: say("valid_span", lang, title=title, span=span(lang)) + ".",
                 [dict(strip(doc), validity={k: v.get(k) for k in ("valid_from", "valid_until", "until_further_notice")})],
                 unique_evidence(ev))


# -- counts and lists ----------------------------------------------------------------

def _things(ctx: Context, what: str, number: int | None) -> list[dict] | Reply:
    """The items of a kind (subprojects, intentions, people, milestones, decisions, meetings,
    organisations) in the plans asked about, or in subproject `number`."""
    if number is not None:
        subs = subprojects_asked(ctx, {"number": number})
        if isinstance(subs, Reply):
            return subs
        if what == "intentions":
            return [strip(i) for s in subs for i in s["intentions"]]
        if what == "milestones":
            return [strip(m) | {"date": m.get("date"), "label": m.get("label")} for s in subs for m in s["milestones"]]
        if what == "organisations":
            return [strip(o["organisation"]) for s in subs for o in s["organisations"]]
        return [dict(strip(p["person"]), role=p["role"]) for s in subs for p in s["people"]]
    if what == "subprojects":
        return [s for p in q.projects(ctx.store, iris=ctx.projects) for s in p["subprojects"]]
    if what == "intentions":
        projects = ctx.projects if ctx.projects is not None else [p["iri"] for p in q.projects(ctx.store)]
        return [strip(i) for p in projects for i in q.intentions(ctx.store, project=p)]
    if what == "people":
        people = q.people(ctx.store)
        if ctx.projects is not None:
            people = [p for p in people if any((r["project"] or {}).get("iri") in ctx.projects for r in p["roles"])]
        return [strip(p) for p in people]
    if what == "milestones":
        found = q.milestones(ctx.store, project_list=ctx.projects)
        return found["milestones"] + found["invalid_dates"] + found["undated"]
    if what == "decisions":
        return q.decisions(ctx.store)
    if what == "meetings":
        return mt.find_meetings(ctx.store)
    people = _things(ctx, "people", None)
    seen: dict[str, dict] = {}
    for p in q._people(ctx.store, [x["iri"] for x in people]):
        for a in p["affiliations"]:
            seen.setdefault(a["iri"], strip(a))
    return sorted(seen.values(), key=lambda o: o.get("name") or "")


def _item_label(item: dict, lang: str) -> str:
    kind = item.get("type")
    if kind == "subproject":
        return f"{sub_label(item, lang)} ({item.get('title')})" if item.get("title") else sub_label(item, lang)
    if kind == "intention":
        return f"{item.get('number')}. {item.get('text') or ''}".strip()
    if kind == "milestone":
        return f"{item.get('label')} ({item.get('date') or item.get('date_text') or '?'})"
    if kind == "decision" and item.get("kind") == "plan":
        return decision_label(item, lang)
    if kind == "decision":
        body = (item.get("body") or {}).get("abbreviation") or (item.get("body") or {}).get("name") or ""
        return f"{body} {item.get('date') or ''}".strip()
    if kind == "meeting":
        body = (item.get("body") or {}).get("name") or ""
        return f"{body} {item.get('date') or ''}".strip()
    if kind == "organisation":
        return item.get("name") or item.get("abbreviation") or "?"
    return item.get("name") or item.get("label") or item.get("title") or "?"


def _holding(ctx: Context, items: list[dict], role: str, number: int | None) -> list[dict]:
    """The people among `items` who hold `role` (in subproject `number`, or in the plans asked about)."""
    if number is not None:
        return [i for i in items if (i.get("role") or {}).get("key") == role]
    return [dict(strip(p), role=r["role"]) for p in q.people(ctx.store) for r in p["roles"]
            if r["role"]["key"] == role and (ctx.projects is None or (r["project"] or {}).get("iri") in ctx.projects)]


def count(ctx: Context, params: dict) -> Reply:
    items = _things(ctx, params["what"], params.get("number"))
    if isinstance(items, Reply):
        return items
    role = params.get("role")
    if role:
        items = _holding(ctx, items, role, params.get("number"))
    items = _unique(items)

    def text(lang: str) -> str:
        what = say("things_" + params["what"], lang)
        if role:
            what += f" ({ROLES[role].label_sv if lang == 'sv' else ROLES[role].label_en})".lower()
        if params.get("number") is not None:
            label = sub_label({"number": params["number"]}, lang)
            out = say("count_in", lang, sub=label, Sub=label.capitalize(), n=len(items), what=what)
        else:
            out = say("count", lang, n=len(items), what=what)
        if items and len(items) <= MAX_LISTED:
            out += ": " + join([_item_label(i, lang) for i in items], lang)
        return out + "."

    return Reply(text, items, flatten_evidence(items))


def listing(ctx: Context, params: dict) -> Reply:
    items = _things(ctx, params["what"], params.get("number"))
    if isinstance(items, Reply):
        return items
    items = _unique(items)

    def text(lang: str) -> str:
        what = say("things_" + params["what"], lang)
        if not items:
            return say("list_none", lang, what=what) + "."
        shown = "; ".join(_item_label(i, lang) for i in items[:MAX_LISTED])
        more = say("more_milestones", lang, n=len(items) - MAX_LISTED) if len(items) > MAX_LISTED else ""
        return say("list", lang, What=f"{len(items)} {what}".capitalize(), items=shown) + more + "."

    return Reply(text, items, flatten_evidence(items))


def _unique(items: list[dict]) -> list[dict]:
    seen, out = set(), []
    for i in items:
        key = i.get("iri") or id(i)
        if key not in seen:
            seen.add(key)
            out.append(i)
    return out


# -- overlaps with one subproject, gaps ------------------------------------------------

def overlaps_with(ctx: Context, params: dict) -> Reply:
    iris = subproject_iris(ctx, params["number"])
    if isinstance(iris, Reply):
        return iris
    wanted = set(iris)
    pairs = [p for p in q.overlaps(ctx.store, ctx.projects, min_score=params.get("min_score", 0.1), lang=ctx.lang)
             if p["a"]["iri"] in wanted or p["b"]["iri"] in wanted]
    label_of = {"sv": sub_label({"number": params["number"]}, "sv"), "en": sub_label({"number": params["number"]}, "en")}
    if not pairs:
        return Reply(lambda lang: say("no_overlaps_with", lang, Sub=label_of[lang].capitalize()))

    def other(p: dict) -> dict:
        return p["b"] if p["a"]["iri"] in wanted else p["a"]

    def text(lang: str) -> str:
        parts = []
        for p in pairs:
            why = "; ".join(r["detail"] for r in p.get("reasons", [])[:1] if r.get("detail"))
            parts.append(f"{sub_label(other(p), lang)} ({decimal(p['score'], lang)}" + (f": {why})" if why else ")"))
        return say("overlaps_with", lang, Sub=label_of[lang].capitalize(), parts=join(parts, lang))

    results = [dict(p, other=other(p)) for p in pairs]
    ev = [e for p in pairs for r in p.get("reasons", []) for e in r.get("evidence", [])]
    return Reply(text, results, unique_evidence(ev))


def gaps(ctx: Context, params: dict) -> Reply:
    projects = ctx.projects if ctx.projects is not None else [p["iri"] for p in q.projects(ctx.store)]
    if params["which"] == "intentions":
        found = [i for p in projects for i in q.intentions(ctx.store, project=p) if not i["covered_by"]]
        if not found:
            return reply("no_gap_intentions")
        return Reply(lambda lang: say("gap_intentions" if len(found) > 1 else "gap_intention", lang, n=len(found), items="; ".join(
            f"{i['number']}. {(i.get('text') or '').rstrip('.')}" for i in found)), [strip(i) for i in found],
            flatten_evidence(found))
    subs = [q.subproject(ctx.store, s["iri"]) for p in q.projects(ctx.store, iris=projects) for s in p["subprojects"]]
    found = [s for s in subs if not s["intentions"]]
    if not found:
        return reply("no_gap_subprojects")
    return Reply(lambda lang: say("gap_subprojects" if len(found) > 1 else "gap_subproject", lang, n=len(found), items=join(
        [f"{sub_label(s, lang)} ({s.get('title')})" for s in found], lang)), [strip(s) for s in found],
        unique_evidence(e for s in found for e in s["evidence"]))
