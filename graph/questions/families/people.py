"""Answers about people and organisations: who holds a role in a subproject or in the project,
who takes part in several subprojects, who a person is, which organisations are involved."""
from __future__ import annotations

from styrgraf.graph import persons
from styrgraf.graph import queries as q
from styrgraf.graph.questions.answer import (
    Context, Reply, decimal, end_sentences, flatten_evidence, join, reply, role_label, strip, sub_label, unique_evidence)
from styrgraf.graph.questions.families import plan
from styrgraf.graph.questions.families.content import subprojects_asked
from styrgraf.graph.questions.sentences import say
from styrgraf.ingest import roles as role_table


def _role_name(key: str, lang: str) -> str:
    role = role_table.ROLES[key]
    return (role.label_sv if lang == "sv" else role.label_en).lower()


def _in_plans(ctx: Context, role: dict) -> bool:
    return ctx.projects is None or (role["project"] or {}).get("iri") in ctx.projects


def subproject_role(ctx: Context, params: dict) -> Reply:
    """Who holds role `role` in subproject `number`."""
    subs = subprojects_asked(ctx, params)
    if isinstance(subs, Reply):
        return subs
    key = params["role"]
    # People and organisations (`Referensgrupp: Svensk Handel`) alike hold a role.
    results = [dict(strip(p["person"]), role=p["role"], role_text=p["role_text"], subproject=strip(s),
                    evidence=p["evidence"]) for s in subs for p in s["people"] if p["role"]["key"] == key]
    results += [dict(strip(o["organisation"]), role=o["role"], role_text=o["role_text"], subproject=strip(s),
                     evidence=o["evidence"]) for s in subs for o in s["organisations"] if o["role"]["key"] == key]

    def text(lang: str) -> str:
        parts = []
        for s in subs:
            label = sub_label(s, lang, len(subs) > 1)
            names = [r["name"] or r.get("abbreviation") for r in results if r["subproject"]["iri"] == s["iri"]]
            role = _role_name(key, lang)
            parts.append(say("role_in", lang, Role=role.capitalize(), sub=label, names=join(names, lang)) if names
                         else say("no_role_in", lang, Sub=label.capitalize(), role=role))
        return end_sentences(parts)

    return Reply(text, results, flatten_evidence(results))


def project_roles(ctx: Context, params: dict) -> Reply:
    """Who holds a role (or, without one, a leading role) in the project as a whole."""
    key = params.get("role")
    keys = {key} if key else {k for k, r in role_table.ROLES.items() if r.leads}
    results = []
    for person in q.people(ctx.store):
        for r in person["roles"]:
            if r["subproject"] is None and r["role"]["key"] in keys and _in_plans(ctx, r):
                results.append(dict(strip(person), role=r["role"], role_text=r["role_text"], project=r["project"],
                                    evidence=r["evidence"]))
    results.sort(key=lambda x: (q._role_rank(x["role"]["key"]), x["name"] or ""))
    if not results:
        return Reply(lambda lang: say("no_project_roles", lang,
                                      role=_role_name(key, lang) if key else say("project_leaders", lang)))
    return Reply(lambda lang: say("project_roles", lang, parts=join(
        [f"{x['name']} ({role_label(x['role'], lang)})" for x in results], lang)), results, flatten_evidence(results))


def several_subprojects(ctx: Context, params: dict) -> Reply:
    """People with roles in more than one subproject."""
    found = []
    for person in q.people(ctx.store):
        subs = sorted({(r["subproject"]["number"], (r["project"] or {}).get("iri")) for r in person["roles"]
                       if r["subproject"] and _in_plans(ctx, r)}, key=lambda x: (x[0] or 0, x[1] or ""))
        if len(subs) > 1:
            found.append((person, subs))
    if not found:
        return reply("several_none")
    results = [dict(strip(p), subprojects=[n for n, _ in subs], evidence=p["evidence"]) for p, subs in found]

    def text(lang: str) -> str:
        parts = [f"{p['name']} ({', '.join(str(n) for n, _ in subs)})" for p, subs in found]
        return say("several", lang, n=len(found), parts=join(parts, lang))

    return Reply(text, results, unique_evidence(e for p, _ in found for r in p["roles"] for e in r["evidence"]))


def person_profile(ctx: Context, person: dict, where) -> Reply:
    """Who a person is: titles, organisations, and each role with where it is held."""
    about = [*person["titles"], *[a.get("abbreviation") or a.get("name") for a in person["affiliations"]]]
    who = f"{person['name']} ({', '.join(x for x in about if x)})" if about else person["name"]
    roles = [r for r in person["roles"] if _in_plans(ctx, r)]
    if not roles:
        return reply("person_no_role", [], person["evidence"], {"person": strip(person)}, who=who)

    def text(lang: str) -> str:
        parts = [say("role_of", lang, role=role_label(r["role"], lang), where=where(r, lang)) for r in roles]
        return say("is_person", lang, who=who, parts=join(parts, lang))

    results = [dict(r["subproject"] or r["project"] or {}, role=r["role"], evidence=r["evidence"]) for r in roles]
    return Reply(text, results, person["evidence"] + flatten_evidence(results), {"person": strip(person)})


def organisation(ctx: Context, params: dict) -> Reply:
    """Where an organisation takes part: as a member of subprojects, and through its people."""
    subs = subprojects_asked(ctx, {})
    org = params["organisation"]
    affiliated = {p["iri"] for p in q._people(ctx.store, sorted({x["person"]["iri"] for s in subs for x in s["people"]}))
                  if any(a["iri"] == org["iri"] for a in p["affiliations"])}
    results = []
    for s in subs:
        roles = [o["role"] for o in s["organisations"] if o["organisation"]["iri"] == org["iri"]]
        people = [x["person"]["name"] for x in s["people"] if x["person"]["iri"] in affiliated]
        evidence = [e for o in s["organisations"] if o["organisation"]["iri"] == org["iri"] for e in o["evidence"]]
        evidence += [e for x in s["people"] if x["person"]["iri"] in affiliated for e in x["evidence"]]
        if roles or people:
            results.append(dict(strip(s), roles=roles, through=list(dict.fromkeys(people)), evidence=evidence))
    name = org.get("name") or org.get("abbreviation") or "?"
    if not results:
        return reply("organisation_nowhere", name=name)

    def part(r: dict, lang: str) -> str:
        how = [say("as_member", lang, role=role_label(x, lang)) for x in r["roles"][:1]]
        if r["through"]:
            how.append(say("through", lang, names=join(r["through"], lang)))
        return f"{sub_label(r, lang)} ({', '.join(how)})"

    return Reply(lambda lang: say("organisation_in", lang, name=name, parts=join([part(r, lang) for r in results], lang)),
                 results, flatten_evidence(results))


def organisations(ctx: Context, params: dict) -> Reply:
    """The organisations involved: members of subprojects, and the organisations of the people in them."""
    subs = subprojects_asked(ctx, params)
    if isinstance(subs, Reply):
        return subs
    people = {p["person"]["iri"] for s in subs for p in s["people"]}
    found: dict[str, dict] = {}
    for s in subs:
        for o in s["organisations"]:
            item = found.setdefault(o["organisation"]["iri"], dict(strip(o["organisation"]), roles=[], through=[],
                                                                   evidence=[]))
            item["roles"].append(o["role"])
            item["evidence"] += o["evidence"]
    for p in q._people(ctx.store, sorted(people)):
        for a in p["affiliations"]:
            item = found.setdefault(a["iri"], dict(strip(a), roles=[], through=[], evidence=[]))
            if p["name"] not in item["through"]:
                item["through"].append(p["name"])
    results = sorted(found.values(), key=lambda o: (o.get("name") or o.get("abbreviation") or "").casefold())
    if not results:
        return reply("no_organisations")

    def part(o: dict, lang: str) -> str:
        name = o.get("name") or o.get("abbreviation") or "?"
        if o.get("abbreviation") and o.get("name") and o["abbreviation"] != o["name"]:
            name += f" ({o['abbreviation']})"
        how = [say("as_member", lang, role=role_label(r, lang)) for r in o["roles"][:1]]
        if o["through"]:
            how.append(say("through", lang, names=join(o["through"], lang)))
        return f"{name} ({', '.join(how)})" if how else name

    def text(lang: str) -> str:
        parts = join([part(o, lang) for o in results], lang)
        if params.get("number") is not None:
            label = sub_label({"number": params["number"]}, lang)
            return say("organisations_in", lang, sub=label, Sub=label.capitalize(), parts=parts)
        return say("organisations", lang, n=len(results), parts=parts)

    return Reply(text, results, unique_evidence(e for o in results for e in o["evidence"]))


def person(ctx: Context, params: dict) -> Reply:
    found = plan.person_asked(ctx, params)
    if isinstance(found, Reply):
        return found
    profile = person_profile(ctx, found, plan.where)
    text = profile.text
    identity = persons.identity(ctx.store, found["iri"])
    notes = identity_notes(identity, found)
    # One plan: the roles held in it; several documents (minutes, plans): each with its roles.
    across = len(identity["documents"]) > 1 or (identity["documents"] and not profile.results)

    def answer(lang: str) -> str:
        first = appears_in(identity, lang) if across else text(lang)
        return " ".join([first.rstrip(".") + plan.read_as(found, params, lang) + ".", *(note(lang) for note in notes)])

    profile.text = answer
    if across:
        profile.results = [dict(doc) for doc in identity["documents"]]
        profile.evidence = unique_evidence(e for doc in identity["documents"] for r in doc["roles"] for e in r["evidence"])
    return profile


def appears_in(identity: dict, lang: str) -> str:
    """The documents a resolved identity appears in, each with the roles held there."""
    def role(r: dict) -> str:
        sub = r.get("subproject")
        return role_label(r["role"], lang) + (f" ({sub_label(sub, lang)})" if sub else "")

    def document(doc: dict) -> str:
        roles = list(dict.fromkeys(role(r) for r in doc["roles"]))
        return f"{doc['title'] or doc['id']} {doc['date'] or ''}".strip() + (f": {', '.join(roles)}" if roles else "")

    about = ", ".join([*identity["titles"], *(x for x in [identity["municipality"]] if x)])
    who = f"{identity['name']} ({about})" if about else identity["name"]
    return say("who_is", lang, who=who, n=len(identity["documents"]),
               docs="; ".join(document(d) for d in identity["documents"]))


def identity_notes(identity: dict, person: dict) -> list:
    """What person resolution says of the person: the other names merged into it, with the
    confidence, and the namesakes kept apart as too uncertain (`graph.persons`)."""
    others = [m["name"] for m in identity["members"] if m["iri"] != identity["iri"] and m["name"] != person["name"]]
    apart = [c["person"]["name"] for c in identity["candidates"]]
    notes = []
    if others:
        notes.append(lambda lang: say("also_written", lang, names=join(others, lang),
                                      confidence=decimal(identity["confidence"], lang)))
    if apart:
        notes.append(lambda lang: say("kept_apart", lang, names=join(apart, lang)))
    return notes
