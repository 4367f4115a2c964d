"""Answers about a plan's subprojects, intentions, people, considerations, decisions, milestones
and overlaps: the families the first version of `ask` knew."""
from __future__ import annotations

import datetime as dt

from styrgraf.graph import persons
from styrgraf.graph import queries as q
from styrgraf.graph.describe import CHUNK, describe, evidence
from styrgraf.graph.questions.answer import (
    Context, Reply, decimal, end_sentences, flatten_evidence, intention_iris, join, many_plans, reply, role_label,
    strip, sub_label, subproject_iris, unique_evidence)
from styrgraf.graph.questions.entities import bodies, parse_question_date, suggestions
from styrgraf.graph.questions.sentences import DECISION_KINDS, say
from styrgraf.graph.swedish import words
from styrgraf.ingest import roles as role_table


def coverage(ctx: Context, params: dict) -> Reply:
    number, iris = intention_iris(ctx, params)
    if isinstance(iris, Reply):
        return iris
    found = q.intentions(ctx.store, iris=iris)
    if not found:
        return reply("no_intention", label=number)
    results = [dict(c["subproject"], scope=c["scope"], intention=strip(intention), evidence=c["evidence"])
               for intention in found for c in intention["covered_by"]]
    ev = flatten_evidence(found) + flatten_evidence(results)
    if not results:
        return reply("not_covered", [], ev, number=number)
    many = len(found) > 1

    def text(lang: str) -> str:
        parts = [say("covered_with_scope", lang, sub=sub_label(r, lang, many), scope=r["scope"]) if r["scope"]
                 else sub_label(r, lang, many) for r in results]
        return say("covered_by", lang, number=number, parts=join(parts, lang))

    return Reply(text, results, ev)





def _people_in(ctx: Context, params: dict, leaders_only: bool) -> Reply:
    subs = []
    for number in [params["number"], *params.get("also", [])]:  # `delprojekt 1 och 2`
        found = subproject_iris(ctx, number)
        if isinstance(found, Reply):
            return found
        subs += [s for s in found if s not in subs]
    rows = []
    for start in range(0, len(subs), CHUNK):
        # One branch per subproject, its IRI written into the patterns (index lookups).
        rows += ctx.store.select(q.P + "SELECT DISTINCT ?s ?m ?person ?role ?text WHERE { " + " UNION ".join(
            f"{{ ?m org:organization <{s}> ; org:member ?person ; org:role ?role . ?person a foaf:Person . "
            f"OPTIONAL {{ ?m sg:roleText ?text }} BIND(<{s}> AS ?s) }}" for s in subs[start:start + CHUNK]) + " }")
    if leaders_only:
        leading = {k for k, r in role_table.ROLES.items() if r.leads}
        rows = [r for r in rows if q.role_object(r["role"])["key"] in leading]
    d = describe(ctx.store, subs + [str(r["person"]) for r in rows])
    ev = evidence(ctx.store, [str(r["m"]) for r in rows])
    results = []
    for r in rows:
        role = q.role_object(r["role"])
        sub = d[str(r["s"])]
        results.append(dict(d[str(r["person"])], role=role, role_text=q.text(r.get("text")), subproject=sub,
                            evidence=ev.get(str(r["m"]), [])))
    results.sort(key=lambda x: (x["subproject"]["iri"], q._role_rank(x["role"]["key"]), x["name"] or ""))
    many = many_plans([d[s] for s in subs])
    kinds = ("led_by", "no_leader") if leaders_only else ("members", "no_members")

    def text(lang: str) -> str:
        parts = []
        for s in subs:
            mine = [x for x in results if x["subproject"]["iri"] == s]
            label = sub_label(d[s], lang, many)
            names = join([f"{x['name']} ({role_label(x['role'], lang)})" for x in mine], lang)
            parts.append(say(kinds[0] if mine else kinds[1], lang, sub=label, Sub=label.capitalize(), names=names))
        return end_sentences(parts)

    return Reply(text, results, flatten_evidence(results))


def leaders(ctx: Context, params: dict) -> Reply:
    return _people_in(ctx, params, leaders_only=True)


def members(ctx: Context, params: dict) -> Reply:
    return _people_in(ctx, params, leaders_only=False)


def person_asked(ctx: Context, params: dict) -> dict | Reply:
    """The one person a question names (found in the question, or by the name typed), or the reply
    when nobody or several people match; a name that matched nobody gets the nearest names."""
    name = params["name"]
    iris = params.get("iris") or q.find_people(ctx.store, name)
    if not iris:
        near = suggestions(ctx.store, name)
        if near:
            return Reply(lambda lang: say("no_person", lang, name=name) + say(
                "did_you_mean", lang, names=join(near, lang).replace(f" {say('and', lang)} ", f" {say('or', lang)} ")),
                [], [], {"suggestions": near})
        return reply("no_person", name=name)
    exact = [i for i, full, have in q.person_names(ctx.store) if i in iris and tuple(words(name)) == have]
    if len(iris) > 1 and len(exact) == 1:
        iris = exact
    # Names person resolution merged (`Anna Berg`, `Anna K Berg`) are one person, with the roles of both.
    people = [persons.merged(ctx.store, p) for p in q._people(ctx.store, persons.one_per_identity(ctx.store, iris))]
    if ctx.projects is not None and len(people) > 1:
        # Namesakes in other municipalities' plans: keep those with a role in the plan asked about.
        people = [p for p in people if any((r["project"] or {}).get("iri") in ctx.projects for r in p["roles"])] or people
    if len(people) > 1:
        # Namesakes of several municipalities: each with its municipality, which tells them apart.
        places = persons.municipalities(ctx.store, [p["iri"] for p in people])
        several = len(set(places.values())) > 1
        names = [f"{p['name']} ({places[p['iri']]})" if several and places.get(p["iri"]) else p["name"] for p in people]
        return Reply(lambda lang: say("several_people", lang, name=name, names=join(names, lang)), people, [])
    person = people[0]
    if ctx.projects is not None:
        person["roles"] = [r for r in person["roles"] if (r["project"] or {}).get("iri") in ctx.projects]
    return person


def read_as(person: dict, params: dict, lang: str) -> str:
    """A note when the name typed was read as another (a typo): ` ("Almer" was read as Stefan Almér)`."""
    if params.get("errors"):
        return say("read_as", lang, typed=params["name"], name=person["name"])
    return ""


def person_subprojects(ctx: Context, params: dict) -> Reply:
    person = person_asked(ctx, params)
    if isinstance(person, Reply):
        return person
    # Roles held in a project or a subproject; a meeting's chair holds no place in a plan.
    person["roles"] = [r for r in person["roles"] if r["subproject"] or (r["project"] or {}).get("type") == "project"]
    results = []
    for r in person["roles"]:
        of = dict(r["subproject"], project=r["project"]) if r["subproject"] else r["project"] or {}
        results.append(dict(of, role=r["role"], role_text=r["role_text"], evidence=r["evidence"]))
    many = len({(x["project"] or {}).get("iri") for x in person["roles"]}) > 1
    who = person["name"]
    about = [*person["titles"], *[a.get("abbreviation") or a.get("name") for a in person["affiliations"]]]
    who_full = f"{who} ({', '.join(x for x in about if x)})" if about else who
    if not results:
        return reply("no_role", [], person["evidence"], {"person": person}, who=who_full)

    def part(r: dict, lang: str) -> str:
        return f"{where(r, lang, many)} ({role_label(r['role'], lang)})"

    return Reply(lambda lang: say("takes_part", lang, who=who_full,
                                  parts=join([part(r, lang) for r in person["roles"]], lang)).rstrip(".")
                 + read_as(person, params, lang) + ".",
                 results, person["evidence"] + flatten_evidence(results), {"person": strip(person)})


def where(r: dict, lang: str, many: bool = False) -> str:
    """Where a role is held: a subproject, or the whole project."""
    if r["subproject"]:
        return sub_label(dict(r["subproject"], project=r["project"]), lang, many)
    unit = r["project"] or r.get("document") or {}
    if unit.get("type") in ("organisation", "document"):  # outside a project: held in the body or municipality
        source = next((e["document"].get("title") for e in r.get("evidence") or [] if e.get("document")), None)
        name = unit.get("name") or unit.get("title") or unit.get("id")
        return say("held_in", lang, name=name, title=source) if source else name
    return say("whole_project", lang, title=unit.get("title"))


def considerations(ctx: Context, params: dict) -> Reply:
    subs = subproject_iris(ctx, params["number"])
    if isinstance(subs, Reply):
        return subs
    many = len(subs) > 1
    results, found = [], []
    for s in subs:
        deps = q.dependencies(ctx.store, s, 1)
        sub = deps["entity"]
        items = deps["depends_on"]
        for x in items:
            results.append(dict(x, subproject=strip(sub)))
        works = [x for x in items if x["type"] != "subproject"]
        siblings = sorted(x.get("number") or 0 for x in items if x["type"] == "subproject")
        found.append((sub, items, works, siblings))

    def considers(sub: dict, items: list[dict], works: list[dict], siblings: list[int], lang: str) -> str:
        label = sub_label(sub, lang, many)
        if not items:
            return say("considers_nothing", lang, sub=label)
        parts = [say("quoted", lang, text=w.get("title") or w.get("label")) for w in works]
        if siblings:
            parts.append(say("siblings", lang, numbers=", ".join(map(str, siblings))))
        return say("considers", lang, Sub=label.capitalize(), parts=join(parts, lang))

    return Reply(lambda lang: end_sentences([considers(*x, lang) for x in found]), results, flatten_evidence(results))


def decision_label(d: dict, lang: str) -> str:
    body = d.get("body") or {}
    who = body.get("abbreviation") or body.get("name") or ""
    kind = DECISION_KINDS.get(d.get("kind") or "", DECISION_KINDS["decision"])[lang]
    if d.get("kind") == "plan":
        label = f"{kind} {d.get('identifier') or ''} ({d.get('date')})".replace("  ", " ")
    else:
        label = f"{who} {kind} {d.get('date')}".strip()
        if d.get("identifier"):
            label += f" ({d['identifier']})"
    return label


def _plans_asked(ctx: Context, named: str | None) -> list[str] | Reply:
    """The projects a decision question is about: the plan it names by title (`projektplanen för
    cykelbanor`), or every plan asked about."""
    if not named:
        return [p["iri"] for p in q.projects(ctx.store, iris=ctx.projects)]
    hits = [h["iri"] for h in q.find_plans(ctx.store, named) if ctx.projects is None or h["iri"] in ctx.projects]
    return hits or reply("no_plan", plan=named)


def _recorded_in_plan(ctx: Context, project: str) -> list[dict]:
    """The decisions a plan records (`KS beslutade 2023-03-14 att anta projektdirektivet`) when the
    project itself is linked to none: what the plan says it rests on."""
    docs = {str(r["doc"]) for r in ctx.store.select(q.P + f"SELECT ?doc WHERE {{ <{project}> dcterms:source ?doc }}")}
    return [d for d in q.decisions(ctx.store) if (d.get("document") or {}).get("iri") in docs]


def decision_basis(ctx: Context, params: dict) -> Reply:
    if params.get("sub") is not None:
        number, what = params["sub"], "what_subproject"
        targets = subproject_iris(ctx, number)
    elif params.get("project"):
        number, what = None, "what_project"
        targets = _plans_asked(ctx, params.get("named"))
    else:
        what = "what_intention"
        number, targets = intention_iris(ctx, params)
    if isinstance(targets, Reply):
        return targets
    results, traced, ev = [], [], []
    for t in targets:
        tr = q.trace(ctx.store, t)
        chain = tr["chain"] or (_recorded_in_plan(ctx, t) if params.get("project") else [])
        ev += tr["evidence"] + flatten_evidence(chain)
        for x in chain:
            results.append(dict(x, basis_of=strip(tr["entity"])))
        where = f" ({(tr['entity'].get('project') or {}).get('title')})" if len(targets) > 1 and tr["entity"].get("project") else ""
        traced.append((where, chain, tr["note"]))

    def rests_on(where: str, chain: list[dict], note, lang: str) -> str:
        subject = say(what, lang, number=number) + where
        if not chain:
            return say("no_decision", lang, what=subject)
        labels = [decision_label(x, lang) for x in chain]
        if len(chain) > 1:
            kind = "stated_in_chain" if note else "rests_on_chain"
        else:
            kind = "stated_in" if note else "rests_on"
        return say(kind, lang, what=subject, first=labels[0], rest=join(labels[1:], lang))

    return Reply(lambda lang: end_sentences([rests_on(*x, lang) for x in traced]), results, unique_evidence(ev))




def milestones_between(ctx: Context, params: dict) -> Reply:
    relation = params["relation"]
    first, last, problem = parse_question_date(params["date"])
    if problem == "invalid":
        return reply("impossible_date", date=last)
    if problem == "no-year":
        return reply("no_year", date=params["date"])
    if problem or first is None:
        return reply("unreadable_date", date=params["date"])
    if relation == "before":
        found = q.milestones(ctx.store, before=first, project_list=ctx.projects)
        when = first.isoformat()
    else:
        found = q.milestones(ctx.store, after=dt.date.fromisoformat(last), project_list=ctx.projects)
        when = last
    items, invalid = found["milestones"], found["invalid_dates"]
    many = many_plans([m["of"] for m in items + invalid if m.get("of")])

    def owner(m: dict, lang: str) -> str:
        of = m.get("of") or {}
        if of.get("type") == "subproject":
            return sub_label(of, lang, many)
        return say("the_project", lang)

    def text(lang: str) -> str:
        out = say("milestones", lang, n=len(items), relation=say(relation, lang), date=when)
        if items:
            out += ": " + join([f"{m['label']} ({owner(m, lang)}, {m['date']})" for m in items[:12]], lang)
            if len(items) > 12:
                out += say("more_milestones", lang, n=len(items) - 12)
        if invalid:
            out += say("invalid_milestones", lang, n=len(invalid),
                       dates=", ".join(sorted({m["date_text"] for m in invalid if m.get("date_text")})),
                       items=join([f"{m['label']} ({owner(m, lang)})" for m in invalid[:12]], lang))
        return out + "."

    return Reply(text, items, flatten_evidence(items + invalid),
                 {"invalid_dates": invalid, "undated": found["undated"], "date": when})


def overlaps(ctx: Context, params: dict) -> Reply:
    pairs = q.overlaps(ctx.store, ctx.projects, min_score=params["min_score"], lang=ctx.lang)
    if not pairs:
        return reply("no_overlaps")
    many = many_plans([p["a"] for p in pairs])

    def pair_label(p: dict, lang: str) -> str:
        head = f"{sub_label(p['a'], lang, many)} {say('and', lang)} {p['b'].get('number')}"
        why = "; ".join(r["detail"] for r in p.get("reasons", [])[:1] if r.get("detail"))
        return f"{head} ({decimal(p['score'], lang)}" + (f": {why})" if why else ")")

    ev = [e for p in pairs for r in p.get("reasons", []) for e in r.get("evidence", [])] + flatten_evidence(pairs)
    return Reply(lambda lang: say("overlaps", lang, n=len(pairs), min_score=decimal(params["min_score"], lang),
                                  pairs=join([pair_label(p, lang) for p in pairs[:3]], lang)),
                 pairs, unique_evidence(ev))




def _bounds(date: str | None) -> tuple[str, str] | None:
    """The first and last day (ISO) of a milestone's date, a day or a month."""
    if not date:
        return None
    if len(date) == 7:
        first, last = q._month_bounds(date)
        return first.isoformat(), last.isoformat()
    return date[:10], date[:10]


def _is_decision(m: dict, body_words: set[str]) -> bool:
    """Whether a milestone is a decision: its label says so, or names a body that decides."""
    label = words(m.get("label") or "")
    return any(w.startswith(("beslut", "decision")) for w in label) or " ".join(label) in body_words


def _until(params: dict, window: tuple[str, str]) -> tuple[str, str] | Reply:
    """The window from the first date's first day to the last day of `until`, or the reply when the
    second date cannot be read or lies before the first."""
    first, last, problem = parse_question_date(params.get("until") or "")
    if problem == "invalid":
        return reply("impossible_date", date=last)
    if problem or first is None:
        return reply("unreadable_date", date=params.get("until") or "")
    if last < window[0]:
        return reply("reversed_range", first=params["date"], last=params["until"])
    return window[0], last


def _in_window(m: dict, relation: str, window: tuple[str, str]) -> bool:
    """Whether a milestone's date (a day or a whole month) lies before, by, after or in the window."""
    b = _bounds(m.get("date"))
    if b is None:
        return False
    if relation == "before":
        return b[1] < window[0]
    if relation == "by":
        return b[1] <= window[1]
    if relation == "after":
        return b[0] > window[1]
    return window[0] <= b[0] and b[1] <= window[1]


def milestones(ctx: Context, params: dict) -> Reply:
    """Milestones before, after or in a date, of one subproject, or only the decisions; `when` questions
    without a date list them with the last one."""
    relation, number = params.get("relation"), params.get("number")
    if relation in ("before", "after") and number is None and not params.get("decisions"):
        return milestones_between(ctx, params)
    window = None
    if relation:
        first, last, problem = parse_question_date(params.get("date") or "")
        if problem == "invalid":
            return reply("impossible_date", date=last)
        if problem == "no-year":
            return reply("no_year", date=params["date"])
        if problem or first is None:
            return reply("unreadable_date", date=params.get("date") or "")
        window = (first.isoformat(), last)
    if relation == "between":
        window = _until(params, window)
        if isinstance(window, Reply):
            return window
    if number is not None:
        subs = subproject_iris(ctx, number)
        if isinstance(subs, Reply):
            return subs
    found = q.milestones(ctx.store, project_list=ctx.projects)
    items = found["milestones"]
    if number is not None:
        items = [m for m in items if (m.get("of") or {}).get("iri") in subs]
    if params.get("decisions"):
        body_words = {" ".join(words(b.get(k) or "")) for b in bodies(ctx.store) for k in ("name", "abbreviation")} - {""}
        items = [m for m in items if _is_decision(m, body_words)]
    if window:
        items = [m for m in items if _in_window(m, relation, window)]
    many = many_plans([m["of"] for m in items if m.get("of")])

    def owner(m: dict, lang: str) -> str:
        of = m.get("of") or {}
        return sub_label(of, lang, many) if of.get("type") == "subproject" else say("the_project", lang)

    def item(m: dict, lang: str) -> str:
        return f"{m['label']} ({owner(m, lang)}, {m['date']})"

    def text(lang: str) -> str:
        if params.get("decisions") and not window and number is None:
            if not items:
                return say("no_decision_dates", lang) + "."
            return say("decision_dates", lang, items=join([item(m, lang) for m in items[:12]], lang)) + "."
        if relation == "during":
            out = say("milestones_in", lang, n=len(items), date=params["date"])
        elif relation == "between":
            out = say("milestones_between", lang, n=len(items), first=window[0], last=window[1])
        elif relation:
            out = say("milestones", lang, n=len(items), relation=say(relation, lang),
                      date=window[0] if relation == "before" else window[1])
        elif number is not None:
            out = say("milestones_of", lang, n=len(items), sub=sub_label({"number": number}, lang))
        else:
            out = say("milestones_all", lang, n=len(items))
        if items:
            out += ": " + join([item(m, lang) for m in items[:12]], lang)
            if len(items) > 12:
                out += say("more_milestones", lang, n=len(items) - 12)
            if not relation:
                out += say("last_milestone", lang, item=item(items[-1], lang))
        return out + "."

    return Reply(text, items, flatten_evidence(items), {"invalid_dates": found["invalid_dates"]})
