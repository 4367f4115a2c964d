"""Questions as staff type them, in Swedish or English, answered from the graph.

The questions understood are data: `INTENTS` is a table of intents, each with
its Swedish and English patterns, a handler, and an example. A question is
matched against the patterns in table order (specific before general), with
or without question mark, in any case, with digits or number words (`tre`,
`three`). A trailing `i plan X` / `in plan X` restricts the question to the
plans whose id, Dnr or title matches X; without it, a subproject or
intention number is looked up in every stored plan and `understood_as` says
so. When the number exists in more than MAX_PLANS plans, the answer lists how
many and asks which one ("i plan …") instead of answering for all of them.

A question no pattern matches is answered with `understood_as: None`, a
clear "not understood" sentence and example questions: never a guess.

The answers' wording is data too: `SENTENCES` holds every sentence and phrase
per answer kind and language, and `say` fills one in; a handler gathers the
facts once and renders them in the language asked for with the same code.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Callable

from styrgraf.ingest.dates import parse_date
from styrgraf.ingest.roles import ROLES
from styrgraf.ontology.terms import role_concept

from styrgraf.graph import meetings as mt
from styrgraf.graph import queries as q
from styrgraf.graph import persons
from styrgraf.graph.store.cache import one_view
from styrgraf.graph.describe import CHUNK, describe, evidence, iri_values
from styrgraf.graph.store.interface import GraphStore
from styrgraf.graph.swedish import fold, words

MAX_QUESTION = 500
LANGS = ("sv", "en")  # the languages every answer is rendered in
# A number asked about in more plans than this is answered with the list of
# those plans and a request to name one ("i plan …"), not with every plan's
# full answer (which would be one sentence of hundreds of parts).
MAX_PLANS = 10

NUMBER_WORDS = {
    "ett": 1, "en": 1, "etta": 1, "ettan": 1, "två": 2, "tva": 2, "tvåan": 2, "tre": 3, "trean": 3, "fyra": 4,
    "fyran": 4, "fem": 5, "femman": 5, "sex": 6, "sexan": 6, "sju": 7, "sjuan": 7, "åtta": 8, "atta": 8,
    "åttan": 8, "nio": 9, "nian": 9, "tio": 10, "tian": 10, "elva": 11, "tolv": 12,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12,
}
ENGLISH_MONTHS = {
    "january": "januari", "february": "februari", "march": "mars", "april": "april", "may": "maj", "june": "juni",
    "july": "juli", "august": "augusti", "september": "september", "october": "oktober", "november": "november",
    "december": "december", "jan": "januari", "feb": "februari", "mar": "mars", "apr": "april", "jun": "juni",
    "jul": "juli", "aug": "augusti", "sep": "september", "sept": "september", "oct": "oktober", "okt": "oktober",
    "nov": "november", "dec": "december",
}

# Pattern fragments; `<SUB>`, `<INT>`, `<NAME>`, `<DATE>` are replaced in the patterns below.
_NUM = r"(?:\d{1,4}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
_FRAGMENTS = {
    "<SUB>": r"(?:del-?projekt(?:et|en)?|subproject|sub-project)\s*(?:nr\.?|nummer|no\.?|number|#)?\s*(?P<sub>" + _NUM + r")(?![\w])",
    "<INT>": (r"intention(?:s?punkt(?:en)?|en)?\s*(?:nr\.?|nummer|no\.?|number|#)?\s*"
              r"(?:(?P<int>" + _NUM + r")(?![\w])|(?P<letter>[a-z])\)?(?![\w]))"),
    "<NAME>": r"(?P<name>[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){0,4}?)",
    "<DATE>": r"(?P<date>.+)",
}
_PLAN = re.compile(
    r"\s+(?:i|in|för|for|inom|within)\s+(?:the\s+)?(?:plan(?:en)?|projektplan(?:en)?|dokument(?:et)?|document|project)"
    r"\s+(?P<plan>\S.*)$", re.IGNORECASE)


# -- the sentences -------------------------------------------------------------
# Every sentence and phrase of an answer, per answer kind and language; `say`
# fills the `{…}` fields. Handlers compute the facts once and render them in
# each language with the same code, so the two languages cannot drift apart.
# `{Sub}` is `{sub}` capitalised as the sentence's first word.

SENTENCES: dict[str, dict[str, str]] = {
    # words and labels
    "and": {"sv": "och", "en": "and"},
    "subproject": {"sv": "delprojekt {number}", "en": "subproject {number}"},
    "what_subproject": {"sv": "Delprojekt {number}", "en": "Subproject {number}"},
    "what_intention": {"sv": "Intention {number}", "en": "Intention {number}"},
    "the_project": {"sv": "projektet", "en": "the project"},
    "quoted": {"sv": "”{text}”", "en": "“{text}”"},
    "before": {"sv": "före", "en": "before"},
    "after": {"sv": "efter", "en": "after"},
    # what the question was read as: the plans it covers
    "scope_stored_plan": {"sv": "(i den lagrade planen)", "en": "(in the stored plan)"},
    "scope_all_plans": {"sv": "(i alla {n} lagrade planer)", "en": "(in all {n} stored plans)"},
    "scope_plan": {"sv": "(i planen {titles})", "en": "(in the plan {titles})"},
    "scope_unknown_plan": {"sv": "(i planen ”{plan}”)", "en": "(in the plan “{plan}”)"},
    # not there, not understood, too many plans
    "not_understood": {"sv": "Inte förstått: frågan kunde inte tolkas. Prova till exempel: {examples}.",
                       "en": "Not understood: I could not interpret the question. Try for example: {examples}."},
    "no_plan": {"sv": "Ingen lagrad plan matchar ”{plan}”.", "en": "No stored plan matches “{plan}”."},
    "no_intention": {"sv": "Det finns ingen intention {label} i grafen.",
                     "en": "There is no intention {label} in the graph."},
    "no_subproject": {"sv": "Det finns inget delprojekt {number} i grafen.",
                      "en": "There is no subproject {number} in the graph."},
    "too_many_plans": {"sv": "{what} finns i {n} planer; ange vilken med ”i plan …” (Dnr, id eller ord ur titeln), "
                             "t.ex. {plans}.",
                       "en": "{what} exists in {n} plans; name one with “in plan …” (case number, id or words of the "
                             "title), e.g. {plans}."},
    "in_plan": {"sv": "i plan {plan}", "en": "in plan {plan}"},
    # which subprojects address intention N
    "covered_by": {"sv": "Intention {number} täcks av {parts}.", "en": "Intention {number} is addressed by {parts}."},
    "covered_with_scope": {"sv": "{sub} (avgränsning: ”{scope}”)", "en": "{sub} (scope: “{scope}”)"},
    "not_covered": {"sv": "Inget delprojekt täcker intention {number}.",
                    "en": "No subproject addresses intention {number}."},
    # who leads / who is in subproject N
    "led_by": {"sv": "{Sub} leds av {names}", "en": "{Sub} is led by {names}"},
    "no_leader": {"sv": "{Sub} har ingen angiven ledare", "en": "{Sub} has no stated leader"},
    "members": {"sv": "I {sub} ingår {names}", "en": "{Sub} includes {names}"},
    "no_members": {"sv": "I {sub} anges inga personer", "en": "{Sub} names no people"},
    # which subprojects a person is in
    "no_person": {"sv": "Ingen person som heter {name} finns i grafen.",
                  "en": "No person called {name} is in the graph."},
    "several_people": {"sv": "Flera personer matchar ”{name}”: {names}. Skriv hela namnet.",
                       "en": "Several people match “{name}”: {names}. Type the full name."},
    "whole_project": {"sv": "hela projektet {title}", "en": "the whole project {title}"},
    "takes_part": {"sv": "{who} är med i {parts}.", "en": "{who} takes part in {parts}."},
    "no_role": {"sv": "{who} har ingen roll i något delprojekt.", "en": "{who} has no role in any subproject."},
    # who a person is across the municipality's documents (resolved identity)
    "who_is": {"sv": "{who} förekommer i {n} dokument: {docs}.", "en": "{who} appears in {n} document(s): {docs}."},
    "also_written": {"sv": "Skrivs också {names} (säkerhet {confidence}).",
                     "en": "Also written {names} (confidence {confidence})."},
    "kept_apart": {"sv": "Hålls isär från {names} (för osäkert för att föras samman).",
                   "en": "Kept apart from {names} (too uncertain to merge)."},
    # what subproject N must take into account
    "considers": {"sv": "{Sub} ska beakta {parts}", "en": "{Sub} must take into account {parts}"},
    "siblings": {"sv": "övriga delprojekt ({numbers})", "en": "the other subprojects ({numbers})"},
    "considers_nothing": {"sv": "För {sub} anges inget att beakta",
                          "en": "Nothing to take into account is stated for {sub}"},
    # which decision it rests on
    "rests_on": {"sv": "{what} bygger på {first}", "en": "{what} rests on {first}"},
    "rests_on_chain": {"sv": "{what} bygger på {first}, som i sin tur bygger på {rest}",
                       "en": "{what} rests on {first}, which in turn builds on {rest}"},
    "stated_in": {"sv": "{what} står i {first}", "en": "{what} is stated in {first}"},
    "stated_in_chain": {"sv": "{what} är inte kopplad till ett enskilt beslut i grafen; den står i {first}, "
                              "som bygger på {rest}",
                        "en": "{what} is not linked to a single decision in the graph; it is stated in {first}, which "
                              "builds on {rest}"},
    "no_decision": {"sv": "{what} är inte kopplat till något beslut i grafen",
                    "en": "{what} is not linked to any decision in the graph"},
    # milestones before/after a date
    "impossible_date": {"sv": "Datumet {date} finns inte i kalendern.", "en": "The date {date} does not exist."},
    "no_year": {"sv": "Ange ett år i datumet ({date}), t.ex. 2012-05-01.",
                "en": "Give a year in the date ({date}), e.g. 2012-05-01."},
    "unreadable_date": {"sv": "Datumet ”{date}” kunde inte läsas; skriv t.ex. 2012-05-01 eller 1 maj 2012.",
                        "en": "The date “{date}” could not be read; write e.g. 2012-05-01 or 1 May 2012."},
    "milestones": {"sv": "{n} milstolpar ligger {relation} {date}", "en": "{n} milestones fall {relation} {date}"},
    "more_milestones": {"sv": " med flera ({n} till)", "en": " and more ({n} others)"},
    "invalid_milestones": {"sv": "; {n} milstolpar har ett omöjligt datum ({dates}) och kan inte jämföras: {items}",
                           "en": "; {n} milestones have an impossible date ({dates}) and cannot be compared: {items}"},
    # overlaps
    "overlaps": {"sv": "{n} par av delprojekt överlappar (poäng ≥ {min_score}); mest: {pairs}.",
                 "en": "{n} pairs of subprojects overlap (score ≥ {min_score}); most: {pairs}."},
    "no_overlaps": {"sv": "Inga delprojekt överlappar enligt grafen.",
                    "en": "No subprojects overlap according to the graph."},
    # meetings: what was decided, who chaired and adjusted, paragraphs of a case, reservations
    "meeting_label": {"sv": "{body_gen} sammanträde {date}", "en": "the {body} meeting of {date}"},
    "a_meeting": {"sv": "sammanträdet", "en": "the meeting"},
    "no_meeting": {"sv": "Inget lagrat sammanträde matchar ”{ref}”.", "en": "No stored meeting matches “{ref}”."},
    "no_meetings": {"sv": "Inga sammanträden finns i grafen.", "en": "There are no meetings in the graph."},
    "too_many_meetings": {"sv": "{n} sammanträden matchar; ange organ och datum, t.ex. {examples}.",
                          "en": "{n} meetings match; name the body and date, e.g. {examples}."},
    "decided": {"sv": "Vid {meeting} beslutades: {parts}", "en": "At {meeting}, it was decided: {parts}"},
    "decided_nothing": {"sv": "Protokollet från {meeting} anger inga beslut",
                        "en": "The minutes of {meeting} record no decisions"},
    "chaired": {"sv": "Ordförande vid {meeting} var {names}", "en": "{Meeting} was chaired by {names}"},
    "no_chair": {"sv": "Protokollet från {meeting} anger ingen ordförande", "en": "The minutes of {meeting} name no chair"},
    "adjusted": {"sv": "Protokollet från {meeting} justerades av {names}",
                 "en": "The minutes of {meeting} were adjusted by {names}"},
    "adjusted_at": {"sv": " ({place})", "en": " ({place})"},
    "no_adjuster": {"sv": "Protokollet från {meeting} anger ingen justerare",
                    "en": "The minutes of {meeting} name no adjuster"},
    "no_case": {"sv": "Ange ett diarienummer, t.ex. KS 2022/140.", "en": "Give a case number, e.g. KS 2022/140."},
    "case_paragraphs": {"sv": "{case} behandlas i {n} paragrafer: {parts}.",
                        "en": "{case} is dealt with in {n} paragraphs: {parts}."},
    "case_paragraph": {"sv": "{case} behandlas i 1 paragraf: {parts}.", "en": "{case} is dealt with in 1 paragraph: {parts}."},
    "no_case_paragraphs": {"sv": "Ingen paragraf i grafen gäller {case}.", "en": "No paragraph in the graph concerns {case}."},
    "reserved": {"sv": "{names} reserverade sig mot beslutet i {paragraph} ({meeting})",
                 "en": "{names} entered a reservation against the decision in {paragraph} ({meeting})"},
    "no_reservations": {"sv": "Ingen reserverade sig {where}.", "en": "Nobody entered a reservation {where}."},
    "at_meetings": {"sv": "vid {meetings}", "en": "at {meetings}"},
    "in_case": {"sv": "i ärende {case}", "en": "in case {case}"},
    "in_paragraph": {"sv": "i § {number} {where}", "en": "in § {number} {where}"},
}
# How a decision of each kind is named in a chain ("KLU beslut 2012-02-07").
DECISION_KINDS = {
    "assignment": {"sv": "uppdrag", "en": "assignment"}, "tabling": {"sv": "bordläggning", "en": "tabling"},
    "decision": {"sv": "beslut", "en": "decision"}, "plan": {"sv": "projektplanen", "en": "the plan"},
}


def say(kind: str, lang: str, **values) -> str:
    """The sentence or phrase `kind` in `lang` ("sv" or "en"), its fields filled from `values`."""
    return SENTENCES[kind][lang].format(**values)


@dataclass
class Context:
    store: GraphStore
    lang: str
    projects: list[str] | None  # None: every stored plan
    scope: dict[str, str]  # language -> the plans the question covers, as a phrase


@dataclass
class Reply:
    text: Callable[[str], str]  # the answer in a language ("sv" or "en")
    results: list[dict] = field(default_factory=list)
    evidence: list[dict] = field(default_factory=list)
    extra: dict = field(default_factory=dict)


def _reply(kind: str, results: list[dict] | None = None, evidence: list[dict] | None = None,
           extra: dict | None = None, **values) -> Reply:
    """A reply of one sentence, `kind` filled from `values` in the language asked for."""
    return Reply(lambda lang: say(kind, lang, **values), results or [], evidence or [], extra or {})


@dataclass(frozen=True)
class Intent:
    name: str
    sv: tuple[str, ...]  # Swedish patterns
    en: tuple[str, ...]  # English patterns
    handler: Callable[[Context, dict], Reply]
    understood_sv: str  # how the question was read, `{…}` filled from the parameters
    understood_en: str
    example_sv: str
    example_en: str
    plan_scoped: bool = True  # read within the plans asked about ("i plan …"); meetings are not


# -- helpers -----------------------------------------------------------------

def _number(value: str | None) -> int | None:
    if value is None:
        return None
    value = value.lower()
    return int(value) if value.isdigit() else NUMBER_WORDS.get(value)


def _join(items: list[str], lang: str) -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {say('and', lang)} " + items[-1]


def _sub_label(sub: dict, lang: str, with_project: bool = False) -> str:
    label = say("subproject", lang, number=sub.get("number"))
    if with_project and sub.get("project"):
        label += f" ({sub['project'].get('title')})"
    return label


def _role(role: dict, lang: str) -> str:
    return role["label_sv" if lang == "sv" else "label_en"].lower()


def _decimal(value, lang: str) -> str:
    return str(value).replace(".", ",") if lang == "sv" else str(value)


def _sentences(parts: list[str]) -> str:
    return "; ".join(parts) + "."


def _unique_evidence(evidence) -> list[dict]:
    seen, out = set(), []
    for e in evidence:
        key = (e["document"]["iri"], e["page"], e["start"], e["end"], e.get("property"))
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out


def _flatten_evidence(items) -> list[dict]:
    return _unique_evidence(e for item in items for e in (item.get("evidence", []) if isinstance(item, dict) else []))


def _many_plans(subs: list[dict]) -> bool:
    return len({(s.get("project") or {}).get("iri") for s in subs}) > 1


def _too_many(ctx: Context, iris: list[str], what: str, number: int) -> Reply | None:
    """The reply when `iris` (one per plan) span more than MAX_PLANS plans, else None.

    `what` is "what_subproject" or "what_intention", the thing asked about."""
    if len(iris) <= MAX_PLANS:
        return None
    d = describe(ctx.store, iris)
    rows = ctx.store.select(q.P + "SELECT ?t ?dnr WHERE { " + " UNION ".join(
        f"{{ <{i}> (org:subOrganizationOf|skos:inScheme)/dcterms:source ?doc . ?doc dcterms:title ?t . "
        f"OPTIONAL {{ ?doc dcterms:identifier ?dnr }} }}" for i in iris[:3]) + " }")
    plans = sorted({f"{r['dnr']} ({r['t']})" if r.get("dnr") else str(r["t"]) for r in rows})
    return Reply(lambda lang: say("too_many_plans", lang, what=say(what, lang, number=number), n=len(iris),
                                  plans="; ".join(say("in_plan", lang, plan=p) for p in plans)),
                 [d[i] for i in iris], [], {"plans": len(iris)})


def _subproject_iris(ctx: Context, number: int) -> list[str] | Reply:
    """The subprojects numbered `number` (one per plan), or the reply when there are none or too many."""
    subs = q.subprojects_by_number(ctx.store, number, ctx.projects)
    if not subs:
        return _reply("no_subproject", number=number)
    return _too_many(ctx, subs, "what_subproject", number) or subs


def _intention_iris(ctx: Context, params: dict) -> tuple[int | None, list[str] | Reply]:
    """The number of the intention asked about (by number or letter) and its IRIs (one per plan),
    or the reply when there are none or too many."""
    number = _intention_number(ctx, params)
    if number is None:
        return None, _reply("no_intention", label=params.get("number") or params.get("letter"))
    iris = q.intention_iris(ctx.store, number, ctx.projects)
    if not iris:
        return number, _reply("no_intention", label=number)
    return number, _too_many(ctx, iris, "what_intention", number) or iris


def _intention_number(ctx: Context, params: dict) -> int | None:
    if params.get("number") is not None:
        return params["number"]
    letter = params.get("letter")
    if not letter:
        return None
    values = f"VALUES ?p {{ {iri_values(ctx.projects)} }} ?p dcterms:source ?doc . ?i skos:inScheme/dcterms:source ?doc ." \
        if ctx.projects is not None else ""
    rows = ctx.store.select(q.P + f'SELECT DISTINCT ?n WHERE {{ {values} ?i sg:letter "{letter}" ; a sg:Intention ; sg:number ?n }}')
    numbers = sorted({int(r["n"]) for r in rows})
    return numbers[0] if len(numbers) == 1 else None


# -- handlers ----------------------------------------------------------------

def _coverage(ctx: Context, params: dict) -> Reply:
    number, iris = _intention_iris(ctx, params)
    if isinstance(iris, Reply):
        return iris
    found = q.intentions(ctx.store, iris=iris)
    if not found:
        return _reply("no_intention", label=number)
    results = [dict(c["subproject"], scope=c["scope"], intention=_strip(intention), evidence=c["evidence"])
               for intention in found for c in intention["covered_by"]]
    ev = _flatten_evidence(found) + _flatten_evidence(results)
    if not results:
        return _reply("not_covered", [], ev, number=number)
    many = len(found) > 1

    def text(lang: str) -> str:
        parts = [say("covered_with_scope", lang, sub=_sub_label(r, lang, many), scope=r["scope"]) if r["scope"]
                 else _sub_label(r, lang, many) for r in results]
        return say("covered_by", lang, number=number, parts=_join(parts, lang))

    return Reply(text, results, ev)


def _strip(obj: dict) -> dict:
    return {k: obj[k] for k in ("type", "id", "iri", "number", "letter", "text", "title", "name") if k in obj}


def _people_in(ctx: Context, params: dict, leaders_only: bool) -> Reply:
    subs = _subproject_iris(ctx, params["number"])
    if isinstance(subs, Reply):
        return subs
    rows = []
    for start in range(0, len(subs), CHUNK):
        # One branch per subproject, its IRI written into the patterns (index lookups).
        rows += ctx.store.select(q.P + "SELECT DISTINCT ?s ?m ?person ?role ?text WHERE { " + " UNION ".join(
            f"{{ ?m org:organization <{s}> ; org:member ?person ; org:role ?role . ?person a foaf:Person . "
            f"OPTIONAL {{ ?m sg:roleText ?text }} BIND(<{s}> AS ?s) }}" for s in subs[start:start + CHUNK]) + " }")
    if leaders_only:
        leading = {k for k, r in ROLES.items() if r.leads}
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
    many = len(subs) > 1
    kinds = ("led_by", "no_leader") if leaders_only else ("members", "no_members")

    def text(lang: str) -> str:
        parts = []
        for s in subs:
            mine = [x for x in results if x["subproject"]["iri"] == s]
            label = _sub_label(d[s], lang, many)
            names = _join([f"{x['name']} ({_role(x['role'], lang)})" for x in mine], lang)
            parts.append(say(kinds[0] if mine else kinds[1], lang, sub=label, Sub=label.capitalize(), names=names))
        return _sentences(parts)

    return Reply(text, results, _flatten_evidence(results))


def _leaders(ctx: Context, params: dict) -> Reply:
    return _people_in(ctx, params, leaders_only=True)


def _members(ctx: Context, params: dict) -> Reply:
    return _people_in(ctx, params, leaders_only=False)


def _person_subprojects(ctx: Context, params: dict) -> Reply:
    name = params["name"]
    iris = q.find_people(ctx.store, name)
    if not iris:
        return _reply("no_person", name=name)
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
        return Reply(lambda lang: say("several_people", lang, name=name, names=_join(names, lang)), people, [])
    person = people[0]
    if ctx.projects is not None:
        person["roles"] = [r for r in person["roles"] if (r["project"] or {}).get("iri") in ctx.projects]
    results = []
    for r in person["roles"]:
        of = dict(r["subproject"], project=r["project"]) if r["subproject"] else r["project"] or {}
        results.append(dict(of, role=r["role"], role_text=r["role_text"], evidence=r["evidence"]))
    many = len({(x["project"] or {}).get("iri") for x in person["roles"]}) > 1
    who = person["name"]
    about = [*person["titles"], *[a.get("abbreviation") or a.get("name") for a in person["affiliations"]]]
    who_full = f"{who} ({', '.join(x for x in about if x)})" if about else who
    if not results:
        return _reply("no_role", [], person["evidence"], {"person": person}, who=who_full)

    def part(r: dict, lang: str) -> str:
        unit = r["project"] or {}
        if r["subproject"]:
            where = _sub_label(dict(r["subproject"], project=r["project"]), lang, many)
        elif unit.get("type") == "organisation":  # a role held in a body (a meeting's chair, adjuster)
            where = unit.get("name") or unit.get("abbreviation") or ""
        else:
            where = say("whole_project", lang, title=unit.get("title"))
        return f"{where} ({_role(r['role'], lang)})"

    return Reply(lambda lang: say("takes_part", lang, who=who_full,
                                  parts=_join(list(dict.fromkeys(part(r, lang) for r in person["roles"])), lang)),
                 results, person["evidence"] + _flatten_evidence(results), {"person": _strip(person)})


def _who_is(ctx: Context, params: dict) -> Reply:
    """Who a person is across the municipality's documents: its resolved identity (`graph.persons`)."""
    name = params["name"]
    try:
        found = persons.identities_named(ctx.store, name)
    except q.NotFound:
        return _reply("no_person", name=name)
    typed = tuple(words(name))
    exact = [d for d in found if any(tuple(words(m["name"] or "")) == typed for m in d["members"])]
    if len(found) > 1 and len(exact) == 1:
        found = exact
    if len(found) > 1:
        several = len({d["municipality"] for d in found}) > 1
        names = [f"{d['name']} ({d['municipality']})" if several and d["municipality"] else d["name"] for d in found]
        return Reply(lambda lang: say("several_people", lang, name=name, names=_join(names, lang)),
                     [{k: d[k] for k in ("type", "id", "iri", "name")} for d in found], [])
    d = found[0]

    def role(r: dict, lang: str) -> str:
        sub = r.get("subproject")
        return _role(r["role"], lang) + (f" ({say('subproject', lang, number=sub['number'])})" if sub else "")

    def document(doc: dict, lang: str) -> str:
        roles = list(dict.fromkeys(role(r, lang) for r in doc["roles"]))
        return f"{doc['title'] or doc['id']} {doc['date'] or ''}".strip() + (f": {', '.join(roles)}" if roles else "")

    def text(lang: str) -> str:
        about = ", ".join([*d["titles"], *(x for x in [d["municipality"]] if x)])
        who = f"{d['name']} ({about})" if about else d["name"]
        out = say("who_is", lang, who=who, n=len(d["documents"]), docs="; ".join(document(x, lang) for x in d["documents"]))
        others = [m["name"] for m in d["members"] if m["iri"] != d["iri"]]
        if others:
            out += " " + say("also_written", lang, names=_join(others, lang), confidence=_decimal(d["confidence"], lang))
        if d["candidates"]:
            out += " " + say("kept_apart", lang, names=_join([c["person"]["name"] for c in d["candidates"]], lang))
        return out

    results = [dict(doc) for doc in d["documents"]]
    evidence = _unique_evidence(e for doc in d["documents"] for r in doc["roles"] for e in r["evidence"])
    return Reply(text, results, evidence, {"person": d})


def _considerations(ctx: Context, params: dict) -> Reply:
    subs = _subproject_iris(ctx, params["number"])
    if isinstance(subs, Reply):
        return subs
    many = len(subs) > 1
    results, found = [], []
    for s in subs:
        deps = q.dependencies(ctx.store, s, 1)
        sub = deps["entity"]
        items = deps["depends_on"]
        for x in items:
            results.append(dict(x, subproject=_strip(sub)))
        works = [x for x in items if x["type"] != "subproject"]
        siblings = sorted(x.get("number") or 0 for x in items if x["type"] == "subproject")
        found.append((sub, items, works, siblings))

    def considers(sub: dict, items: list[dict], works: list[dict], siblings: list[int], lang: str) -> str:
        label = _sub_label(sub, lang, many)
        if not items:
            return say("considers_nothing", lang, sub=label)
        parts = [say("quoted", lang, text=w.get("title") or w.get("label")) for w in works]
        if siblings:
            parts.append(say("siblings", lang, numbers=", ".join(map(str, siblings))))
        return say("considers", lang, Sub=label.capitalize(), parts=_join(parts, lang))

    return Reply(lambda lang: _sentences([considers(*x, lang) for x in found]), results, _flatten_evidence(results))


def _decision_label(d: dict, lang: str) -> str:
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


def _decision_basis(ctx: Context, params: dict) -> Reply:
    if params.get("sub") is not None:
        number, what = params["sub"], "what_subproject"
        targets = _subproject_iris(ctx, number)
    else:
        what = "what_intention"
        number, targets = _intention_iris(ctx, params)
    if isinstance(targets, Reply):
        return targets
    results, traced, ev = [], [], []
    for t in targets:
        tr = q.trace(ctx.store, t)
        chain = tr["chain"]
        ev += tr["evidence"] + _flatten_evidence(chain)
        for x in chain:
            results.append(dict(x, basis_of=_strip(tr["entity"])))
        where = f" ({(tr['entity'].get('project') or {}).get('title')})" if len(targets) > 1 and tr["entity"].get("project") else ""
        traced.append((where, chain, tr["note"]))

    def rests_on(where: str, chain: list[dict], note, lang: str) -> str:
        subject = say(what, lang, number=number) + where
        if not chain:
            return say("no_decision", lang, what=subject)
        labels = [_decision_label(x, lang) for x in chain]
        if len(chain) > 1:
            kind = "stated_in_chain" if note else "rests_on_chain"
        else:
            kind = "stated_in" if note else "rests_on"
        return say(kind, lang, what=subject, first=labels[0], rest=_join(labels[1:], lang))

    return Reply(lambda lang: _sentences([rests_on(*x, lang) for x in traced]), results, _unique_evidence(ev))


def parse_question_date(text: str) -> tuple[dt.date | None, str | None, str | None]:
    """(first day, last day as ISO, problem) of a date as typed: ISO, Swedish or English."""
    cleaned = text.strip().rstrip("?.! ")
    lowered = cleaned.lower()
    # English order "May 1, 2012" and English month names become Swedish for parse_date.
    m = re.fullmatch(r"([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})", lowered)
    if m and m.group(1) in ENGLISH_MONTHS:
        lowered = f"{m.group(2)} {ENGLISH_MONTHS[m.group(1)]} {m.group(3)}"
    else:
        lowered = re.sub(r"(\d{1,2})(?:st|nd|rd|th)\b", r"\1", lowered)
        lowered = re.sub(r"[a-z]+", lambda w: ENGLISH_MONTHS.get(w.group(0), w.group(0)), lowered)
    lowered = re.sub(r"(\d{1,2})\s+([a-zåäö]+)\.?,?\s+(\d{4})", r"\1 \2 \3", lowered)
    value = parse_date(lowered)
    if value is None:
        return None, None, "unreadable"
    if not value.valid:
        return None, value.text, "invalid"
    if not value.iso:
        return None, value.text, "no-year"
    if value.precision == "month":
        first, last = q._month_bounds(value.iso)
        return first, last.isoformat(), None
    day = dt.date.fromisoformat(value.iso)
    return day, day.isoformat(), None


def _milestones(ctx: Context, params: dict) -> Reply:
    relation = params["relation"]
    first, last, problem = parse_question_date(params["date"])
    if problem == "invalid":
        return _reply("impossible_date", date=last)
    if problem == "no-year":
        return _reply("no_year", date=params["date"])
    if problem or first is None:
        return _reply("unreadable_date", date=params["date"])
    if relation == "before":
        found = q.milestones(ctx.store, before=first, project_list=ctx.projects)
        when = first.isoformat()
    else:
        found = q.milestones(ctx.store, after=dt.date.fromisoformat(last), project_list=ctx.projects)
        when = last
    items, invalid = found["milestones"], found["invalid_dates"]
    many = _many_plans([m["of"] for m in items + invalid if m.get("of")])

    def owner(m: dict, lang: str) -> str:
        of = m.get("of") or {}
        if of.get("type") == "subproject":
            return _sub_label(of, lang, many)
        return say("the_project", lang)

    def text(lang: str) -> str:
        out = say("milestones", lang, n=len(items), relation=say(relation, lang), date=when)
        if items:
            out += ": " + _join([f"{m['label']} ({owner(m, lang)}, {m['date']})" for m in items[:12]], lang)
            if len(items) > 12:
                out += say("more_milestones", lang, n=len(items) - 12)
        if invalid:
            out += say("invalid_milestones", lang, n=len(invalid),
                       dates=", ".join(sorted({m["date_text"] for m in invalid if m.get("date_text")})),
                       items=_join([f"{m['label']} ({owner(m, lang)})" for m in invalid[:12]], lang))
        return out + "."

    return Reply(text, items, _flatten_evidence(items + invalid),
                 {"invalid_dates": invalid, "undated": found["undated"], "date": when})


def _overlaps(ctx: Context, params: dict) -> Reply:
    pairs = q.overlaps(ctx.store, ctx.projects, min_score=params["min_score"], lang=ctx.lang)
    if not pairs:
        return _reply("no_overlaps")
    many = _many_plans([p["a"] for p in pairs])

    def pair_label(p: dict, lang: str) -> str:
        head = f"{_sub_label(p['a'], lang, many)} {say('and', lang)} {p['b'].get('number')}"
        why = "; ".join(r["detail"] for r in p.get("reasons", [])[:1] if r.get("detail"))
        return f"{head} ({_decimal(p['score'], lang)}" + (f": {why})" if why else ")")

    ev = [e for p in pairs for r in p.get("reasons", []) for e in r.get("evidence", [])] + _flatten_evidence(pairs)
    return Reply(lambda lang: say("overlaps", lang, n=len(pairs), min_score=_decimal(params["min_score"], lang),
                                  pairs=_join([pair_label(p, lang) for p in pairs[:3]], lang)),
                 pairs, _unique_evidence(ev))


# -- meetings ------------------------------------------------------------------
# A question about minutes names its meeting by the body and the date (`kommunstyrelsens
# sammanträde 2022-09-12`, `KS on 12 September 2022`), a paragraph (`§ 7`) or a case number
# (`KS 2022/140`), in any order: `meeting_ref` reads them from the rest of the question.

MEETING_INTENTS = ("meeting_decisions", "meeting_chair", "meeting_adjusters", "case_paragraphs", "reservations")

_CASE_IN = re.compile(r"(?<![\w/-])(?P<dnr>(?:[a-zåäö]{1,6}(?:[- ][a-zåäö]{1,4})?[ -]?)?(?!(?:19|20)\d{2}-\d{1,2}-\d{1,2})"
                      r"(?:19|20)\d{2}(?:/\d{1,5}|[-.]\d{2,5})(?:[.:-]\d{1,4})?)(?![\w/])", re.IGNORECASE)
_PARAGRAPH_IN = re.compile(r"(?:§§?|\bparagraf(?:en)?\b|\bparagraph\b)\s*(?P<n>\d{1,4})", re.IGNORECASE)
_MONTHS = "|".join(sorted({*ENGLISH_MONTHS, *ENGLISH_MONTHS.values()}, key=len, reverse=True))
_DATE_IN = re.compile(rf"\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\.?,?\s+\d{{4}}"
                      rf"|(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}", re.IGNORECASE)
# Words around a meeting's name that do not name the body.
_MEETING_WORDS = frozenset(words(
    "vid på i för från den det om mot av med sammanträde sammanträdet sammanträdets sammanträden möte mötet "
    "protokoll protokollet protokollets protokollen beslut beslutet besluten ärende ärendet diarienummer dnr sig "
    "the of on at from in for against by meeting meetings minutes decision decisions case s 's was were is "
    "held which what"))
_GENITIVE = re.compile(r"['’]s\b", re.IGNORECASE)


def meeting_ref(text: str) -> dict:
    """The body (as typed), date (as typed), paragraph number and case number a question names."""
    rest, out = text, {"body": None, "date": None, "paragraph": None, "case": None}
    m = _CASE_IN.search(rest)
    if m:
        dnr = m.group("dnr")
        prefix = re.match(r"[^\W\d_]+", dnr)
        if prefix and fold(prefix.group()) in _MEETING_WORDS:  # `gäller 2022/140`: no body's letters
            dnr = dnr[prefix.end():].strip()
        out["case"] = dnr.upper()
        rest = rest[:m.start()] + " " + rest[m.end():]
    m = _DATE_IN.search(rest)
    if m:
        out["date"] = m.group()
        rest = rest[:m.start()] + " " + rest[m.end():]
    m = _PARAGRAPH_IN.search(rest)
    if m:
        out["paragraph"] = int(m.group("n"))
        rest = rest[:m.start()] + " " + rest[m.end():]
    body = [w for w in _GENITIVE.sub("", rest).split() if fold(w.strip(".,;:!?")) not in _MEETING_WORDS]
    out["body"] = " ".join(w.strip(".,;:!?") for w in body).strip() or None
    return out


def _meeting_ref_phrase(params: dict, lang: str) -> str:
    """The meeting a question names, as the `understood_as` sentence repeats it."""
    parts = [params.get("body"), params.get("date"),
             f"§ {params['paragraph']}" if params.get("paragraph") else None, params.get("case")]
    return " ".join(p for p in parts if p) or say("a_meeting", lang)


def _body_name(body: dict | None) -> str:
    return (body or {}).get("name") or (body or {}).get("abbreviation") or "?"


def _meeting_label(m: dict, lang: str) -> str:
    body = _body_name(m.get("body"))
    genitive = body if body[-1:].lower() in ("s", "x", "z") else body + "s"
    return say("meeting_label", lang, body=body, body_gen=genitive, date=m.get("date") or "?")


def _meeting_sentences(parts: list[str]) -> str:
    """One sentence per meeting."""
    return " ".join(p if p.endswith(".") else p + "." for p in parts)


def _paragraph_label(p: dict) -> str:
    number = p.get("number") or "?"
    sign = f"§ {number}" if re.fullmatch(r"\d+(?:/\d+)?", number) else number
    return f"{sign} {p['title']}" if p.get("title") else sign


def _person_label(person: dict | None) -> str:
    if not person:
        return "?"
    return f"{person['name']} ({person['party']})" if person.get("party") else person["name"]


def _meeting_summary(m: dict) -> dict:
    return {k: m[k] for k in ("type", "id", "iri", "date", "body", "document", "extract")}


def _meetings_asked(ctx: Context, params: dict) -> list[dict] | Reply:
    """The whole meetings a question names (by body and date), or the reply when none or too many match."""
    date = None
    if params.get("date"):
        first, last, problem = parse_question_date(params["date"])
        if problem == "invalid":
            return _reply("impossible_date", date=last)
        if problem or first is None or last != first.isoformat():
            return _reply("unreadable_date", date=params["date"])
        date = first.isoformat()
    found = mt.find_meetings(ctx.store, params.get("body"), date)
    if not found:
        ref = " ".join(x for x in (params.get("body"), params.get("date")) if x)
        return _reply("no_meeting", ref=ref) if ref else _reply("no_meetings")
    if len(found) > MAX_PLANS:
        examples = "; ".join(f"{(m['body'] or {}).get('abbreviation') or _body_name(m['body'])} {m['date']}"
                             for m in found[-3:])
        return _reply("too_many_meetings", n=len(found), examples=examples)
    return mt.meetings_by_iri(ctx.store, [m["iri"] for m in found])


def _meeting_decisions(ctx: Context, params: dict) -> Reply:
    found = _meetings_asked(ctx, params)
    if isinstance(found, Reply):
        return found
    results = [dict(p, meeting=_meeting_summary(m)) for m in found for p in m["paragraphs"] if p["decision"]]
    ev = [e for p in results for e in p["decision"]["evidence"] + [x for pt in p["decision"]["points"] for x in pt["evidence"]]]

    def decided(p: dict) -> str:
        d = p["decision"]
        what = "; ".join(pt["text"].rstrip(".") for pt in d["points"] if pt["text"]) or (d.get("text") or "").rstrip(".")
        return f"{_paragraph_label(p)}: {what}".rstrip(": ")

    def text(lang: str) -> str:
        parts = []
        for m in found:
            mine = [p for p in results if p["meeting"]["iri"] == m["iri"]]
            label = _meeting_label(m, lang)
            parts.append(say("decided", lang, meeting=label, parts="; ".join(decided(p) for p in mine)) if mine
                         else say("decided_nothing", lang, meeting=label))
        return _meeting_sentences(parts)

    return Reply(text, results, _unique_evidence(ev))


def _meeting_role(ctx: Context, params: dict, role: str, kinds: tuple[str, str]) -> Reply:
    """Who held `role` (ordforande, justerare) at the meetings asked about."""
    found = _meetings_asked(ctx, params)
    if isinstance(found, Reply):
        return found
    results = [dict(p["person"] or {}, role=q.role_object(role_concept(role)), role_text=p["role_text"],
                    meeting=_meeting_summary(m), evidence=p["evidence"])
               for m in found for p in mt.with_role(m, role)]
    ev = [e for r in results for e in r["evidence"]]
    if role == "justerare":
        ev += [e for m in found if m.get("adjustment") for e in m["adjustment"]["evidence"]]

    def text(lang: str) -> str:
        parts = []
        for m in found:
            names = [_person_label(r) for r in results if r["meeting"]["iri"] == m["iri"]]
            label = _meeting_label(m, lang)
            if not names:
                parts.append(say(kinds[1], lang, meeting=label))
                continue
            sentence = say(kinds[0], lang, meeting=label, Meeting=label[:1].upper() + label[1:], names=_join(names, lang))
            if role == "justerare" and m.get("adjustment"):
                sentence += say("adjusted_at", lang, place=m["adjustment"]["text"])
            parts.append(sentence)
        return _meeting_sentences(parts)

    return Reply(text, results, _unique_evidence(ev))


def _meeting_chair(ctx: Context, params: dict) -> Reply:
    return _meeting_role(ctx, params, "ordforande", ("chaired", "no_chair"))


def _meeting_adjusters(ctx: Context, params: dict) -> Reply:
    return _meeting_role(ctx, params, "justerare", ("adjusted", "no_adjuster"))


def _case_paragraphs(ctx: Context, params: dict) -> Reply:
    case = params.get("case")
    if not case:
        return _reply("no_case")
    results = mt.paragraphs_for_case(ctx.store, case)
    if not results:
        return _reply("no_case_paragraphs", case=case)
    ev = [e for p in results for e in p["identifier_evidence"] + p["title_evidence"]]

    def text(lang: str) -> str:
        parts = [f"{_meeting_label(p['meeting'], lang)}, {_paragraph_label(p)}" for p in results]
        kind = "case_paragraph" if len(results) == 1 else "case_paragraphs"
        return say(kind, lang, case=case, n=len(results), parts="; ".join(parts))

    return Reply(text, results, _unique_evidence(ev))


def _reservations(ctx: Context, params: dict) -> Reply:
    if params.get("case"):
        paragraphs = mt.paragraphs_for_case(ctx.store, params["case"])
        if params.get("body") or params.get("date"):
            found = _meetings_asked(ctx, params)
            if isinstance(found, Reply):
                return found
            wanted = {m["iri"] for m in found}
            paragraphs = [p for p in paragraphs if p["meeting"]["iri"] in wanted]
        where = {lang: say("in_case", lang, case=params["case"]) for lang in LANGS}
    else:
        found = _meetings_asked(ctx, params)
        if isinstance(found, Reply):
            return found
        paragraphs = [dict(p, meeting=_meeting_summary(m)) for m in found for p in m["paragraphs"]]
        where = {lang: say("at_meetings", lang, meetings=_join([_meeting_label(m, lang) for m in found], lang))
                 for lang in LANGS}
    if params.get("paragraph"):
        paragraphs = [p for p in paragraphs if p["ordinal"] == params["paragraph"]]
        where = {lang: say("in_paragraph", lang, number=params["paragraph"], where=where[lang]) for lang in LANGS}
    results = [dict(r, paragraph={k: p[k] for k in ("type", "id", "iri", "number", "title", "identifier")},
                    meeting=p["meeting"]) for p in paragraphs for r in p["reservations"]]
    if not results:
        return Reply(lambda lang: say("no_reservations", lang, where=where[lang]))

    def text(lang: str) -> str:
        return _meeting_sentences([say("reserved", lang, names=_join([_person_label(x) for x in r["members"]], lang)
                               or ", ".join(r["parties"]), paragraph=_paragraph_label(r["paragraph"]),
                               meeting=_meeting_label(r["meeting"], lang)) for r in results])

    return Reply(text, results, _unique_evidence(e for r in results for e in r["evidence"]))


# -- the table of questions --------------------------------------------------

_ADDRESS_SV = r"(?:täcker|täcks|adresserar|hanterar|tar upp|omfattar|behandlar|berör|arbetar med|jobbar med|har)"
_ADDRESS_EN = r"(?:covers?|address(?:es)?|handles?|deals? with|works? on|takes? up|treats?|(?:is|are) covering)"
_LEAD_SV = r"(?:leder|ansvarar för|är ansvarig för|är ansvariga för|driver|styr|är projektledare för|är uppdragsansvarig för)"
_IN_SV = r"(?:ingår|deltar|är med|sitter|jobbar|arbetar|medverkar|finns)"
_IN_PERSON_SV = r"(?:är|ingår|deltar|sitter|jobbar|arbetar|medverkar|finns)"

INTENTS: tuple[Intent, ...] = (
    Intent(
        "intention_coverage",
        sv=(rf"(?:vilka|vilket|vad för|hur många)\s+delprojekt\w*\s+(?:som\s+)?{_ADDRESS_SV}\s+(?:upp\s+)?<INT>",
            rf"vem\s+(?:som\s+)?{_ADDRESS_SV}\s+<INT>",
            r"<INT>\s+(?:täcks|adresseras|hanteras|tas upp|behandlas|omfattas)\s+av",
            r"(?:i\s+)?vilka\s+delprojekt\w*\s+(?:finns|ingår|hanteras|behandlas)\s+<INT>"),
        en=(rf"(?:which|what)\s+sub-?projects?\s+(?:do\s+|does\s+)?{_ADDRESS_EN}\s+<INT>",
            rf"who\s+{_ADDRESS_EN}\s+<INT>",
            r"<INT>\s+(?:is|gets)\s+(?:covered|addressed|handled|dealt with|taken up)\s+by"),
        handler=_coverage,
        understood_sv="Vilka delprojekt täcker intention {label}?",
        understood_en="Which subprojects address intention {label}?",
        example_sv="Vilka delprojekt täcker intention 8?",
        example_en="Which subprojects address intention 8?",
    ),
    Intent(
        "subproject_leaders",
        sv=(rf"vem\s+(?:som\s+)?{_LEAD_SV}\s+<SUB>",
            rf"vilka\s+(?:som\s+)?{_LEAD_SV}\s+<SUB>",
            r"vem\s+är\s+(?:del)?(?:projektledare|ledare|uppdragsansvarig|ansvarig|projektansvarig)\s+(?:för|i)\s+<SUB>",
            r"vem\s+har\s+ansvaret?\s+för\s+<SUB>",
            r"(?:vilka\s+är\s+)?(?:del)?(?:projektledare|ledare|ledningen|ansvariga)\s+(?:för|i)\s+<SUB>"),
        en=(r"who\s+(?:leads|is leading|runs|manages|heads|is responsible for|is in charge of|are leading)\s+<SUB>",
            r"who\s+(?:is|are)\s+the\s+(?:project\s+)?(?:leaders?|managers?|leads?|owners?|heads?)\s+(?:of|for)\s+<SUB>",
            r"(?:leaders?|managers?|heads?)\s+of\s+<SUB>"),
        handler=_leaders,
        understood_sv="Vem leder delprojekt {number}?",
        understood_en="Who leads subproject {number}?",
        example_sv="Vem leder delprojekt 3?",
        example_en="Who leads subproject 3?",
    ),
    Intent(
        "subproject_members",
        sv=(rf"(?:vilka|vem|vilken)\s+(?:personer\s+)?(?:som\s+)?{_IN_SV}\s+(?:med\s+)?i\s+<SUB>",
            r"vilka\s+(?:personer\s+)?(?:är|finns)\s+(?:med\s+)?i\s+<SUB>",
            r"(?:deltagare|medlemmar|personer|projektgrupp(?:en)?|folk)\s+(?:i|för)\s+<SUB>",
            r"vem\s+är\s+med\s+i\s+<SUB>"),
        en=(r"who\s+(?:is|are)\s+(?:in|on|part of|involved in|working on|members? of|a member of|taking part in)\s+<SUB>",
            r"who\s+(?:works|participates|takes part|is involved|sits)\s+(?:on|in)\s+<SUB>",
            r"(?:members|people|participants|team)\s+(?:of|in|on)\s+<SUB>",
            r"who\s+(?:are\s+)?the\s+(?:members|people|participants)\s+(?:of|in)\s+<SUB>"),
        handler=_members,
        understood_sv="Vilka ingår i delprojekt {number}?",
        understood_en="Who is in subproject {number}?",
        example_sv="Vilka ingår i delprojekt 3?",
        example_en="Who is in subproject 3?",
    ),
    Intent(
        "subproject_considerations",
        sv=(r"vad\s+(?:ska|skall|måste|bör|behöver)\s+<SUB>\s+(?:beakta|ta hänsyn till|ta i beaktande|samordnas med|förhålla sig till|ta med i beräkningen)",
            r"vilka\s+\w+(?:\s*/\s*\w+)?\s+(?:ska|skall|måste|bör|behöver)\s+<SUB>\s+(?:beakta|ta hänsyn till|ta i beaktande)",
            r"vad\s+(?:beror|hänger)\s+<SUB>\s+(?:på|ihop med)",
            r"(?:beroenden|beaktanden)\s+(?:för|i|till)\s+<SUB>",
            r"vad\s+(?:ska|skall|måste)\s+beaktas\s+(?:i|av|för)\s+<SUB>"),
        en=(r"what\s+(?:must|should|does|do|has to|have to|needs? to)\s+<SUB>\s+(?:take into account|consider|take account of|need to consider|have to consider|depend on|coordinate with)",
            r"what\s+(?:must|should|has to)\s+be\s+(?:taken into account|considered)\s+(?:by|in|for)\s+<SUB>",
            r"(?:dependencies|considerations)\s+(?:of|for)\s+<SUB>"),
        handler=_considerations,
        understood_sv="Vad ska delprojekt {number} beakta?",
        understood_en="What must subproject {number} take into account?",
        example_sv="Vad ska delprojekt 2 beakta?",
        example_en="What must subproject 2 take into account?",
    ),
    Intent(
        "decision_basis",
        sv=(r"vilket\s+beslut\s+(?:bygger|vilar|grundar sig|baseras|baserar sig|utgår)\s+(?:<SUB>|<INT>)\s+(?:på|från|ifrån)",
            r"vilka\s+beslut\s+(?:bygger|vilar|grundar sig|baseras|baserar sig)\s+(?:<SUB>|<INT>)\s+på",
            r"(?:vilket|vilka)\s+beslut\s+kommer\s+(?:<SUB>|<INT>)\s+(?:från|ifrån)",
            r"(?:vilket|vilka)\s+beslut\s+ligger\s+(?:bakom|till grund för)\s+(?:<SUB>|<INT>)",
            r"(?:varifrån|var)\s+kommer\s+(?:<SUB>|<INT>)(?:\s+(?:från|ifrån))?",
            r"vad\s+(?:bygger|grundar sig|vilar)\s+(?:<SUB>|<INT>)\s+på",
            r"(?:vem|vilket organ)\s+har\s+beslutat\s+om\s+(?:<SUB>|<INT>)"),
        en=(r"(?:which|what)\s+decisions?\s+(?:is|are|does|did|do)\s+(?:<SUB>|<INT>)\s+(?:come\s+)?(?:from|based on|rest on|build on|stem from|originate from|go back to)",
            r"(?:which|what)\s+decisions?\s+(?:is|are|lies?)\s+behind\s+(?:<SUB>|<INT>)",
            r"where\s+does\s+(?:<SUB>|<INT>)\s+come\s+from",
            r"what\s+(?:is|does)\s+(?:<SUB>|<INT>)\s+(?:based on|rest on|build on)",
            r"(?:which|what)\s+decisions?\s+(?:created|established|laid down|decided)\s+(?:<SUB>|<INT>)"),
        handler=_decision_basis,
        understood_sv="Vilket beslut bygger {what} på?",
        understood_en="Which decision does {what} rest on?",
        example_sv="Vilket beslut bygger delprojekt 1 på?",
        example_en="Which decision is intention 8 from?",
    ),
    Intent(
        "milestones",
        sv=(r"(?:vilka\s+|vad\s+(?:för|finns det för)\s+)?milstolp\w*\s+(?:som\s+)?(?:ligger\s+|infaller\s+|finns\s+|kommer\s+|är\s+|har\s+)?(?:datum\s+)?(?P<rel>före|innan|tidigare än|efter|senare än)\s+<DATE>",
            r"vad\s+ska\s+vara\s+klart\s+(?P<rel>före|innan|senast|efter)\s+<DATE>"),
        en=(r"(?:which\s+|what\s+)?milestones?\s+(?:are\s+|fall\s+|falls\s+|come\s+|lie\s+|is\s+|are\s+due\s+|are\s+dated\s+)?(?P<rel>before|prior to|earlier than|after|later than)\s+<DATE>",
            r"what\s+is\s+due\s+(?P<rel>before|by|after)\s+<DATE>"),
        handler=_milestones,
        understood_sv="Vilka milstolpar ligger {relation} {date}?",
        understood_en="Which milestones fall {relation} {date}?",
        example_sv="Vilka milstolpar ligger före 2012-05-01?",
        example_en="Milestones before 1 May 2012",
    ),
    Intent(
        "overlaps",
        sv=(r"(?:vilka\s+)?delprojekt\w*\s+(?:som\s+)?överlappar",
            r"överlappar\s+(?:några|vilka|något|nagra)\s+(?:av\s+)?delprojekt",
            r"(?:finns\s+det\s+)?överlapp\w*\s+(?:mellan|bland)\s+(?:del)?projekt\w*",
            r"vilka\s+delprojekt\s+(?:har\s+gemensamma|delar)\s+\w+"),
        en=(r"(?:which\s+)?sub-?projects?\s+(?:that\s+)?overlap",
            r"(?:do|does)\s+(?:any\s+)?sub-?projects?\s+overlap",
            r"overlaps?\s+(?:between|among)\s+(?:the\s+)?sub-?projects?"),
        handler=_overlaps,
        understood_sv="Vilka delprojekt överlappar?",
        understood_en="Which subprojects overlap?",
        example_sv="Vilka delprojekt överlappar?",
        example_en="Which subprojects overlap?",
    ),
    Intent(
        "person_subprojects",
        sv=(rf"i\s+vilka\s+delprojekt\w*\s+{_IN_PERSON_SV}\s+<NAME>(?:\s+med|\s+i)?$",
            rf"vilka\s+delprojekt\w*\s+{_IN_PERSON_SV}\s+<NAME>\s+(?:med\s+i|med|i)$",
            rf"var\s+{_IN_PERSON_SV}\s+<NAME>(?:\s+med)?$",
            r"vilka\s+roller\s+har\s+<NAME>$",
            r"vad\s+(?:gör|är)\s+<NAME>\s+med\s+i$"),
        en=(r"(?:which|what)\s+sub-?projects?\s+(?:is|does)\s+<NAME>\s+(?:in|on|part of|a member of|take part in|work on|involved in|participate in|belong to)$",
            r"(?:in\s+)?(?:which|what)\s+sub-?projects?\s+(?:is|does)\s+<NAME>\s+(?:take part|participate|work|sit)(?:\s+in)?$",
            r"what\s+is\s+<NAME>\s+(?:involved in|part of|a member of)$",
            r"where\s+is\s+<NAME>\s+involved$",
            r"what\s+roles?\s+does\s+<NAME>\s+have$"),
        handler=_person_subprojects,
        understood_sv="I vilka delprojekt är {name} med?",
        understood_en="Which subprojects is {name} in?",
        example_sv="I vilka delprojekt är Karolina Davidsson med?",
        example_en="Which subprojects is Karolina Davidsson in?",
    ),
    Intent(
        "who_is",
        sv=(r"vem\s+är\s+<NAME>$", r"vem\s+är\s+personen\s+<NAME>$"),
        en=(r"who\s+is\s+<NAME>$",),
        handler=_who_is,
        understood_sv="Vem är {name}?",
        understood_en="Who is {name}?",
        example_sv="Vem är Karolina Davidsson?",
        example_en="Who is Karolina Davidsson?",
        plan_scoped=False,
    ),
    Intent(
        "meeting_decisions",
        sv=(r"vad\s+beslutade(?:s)?\s+(?P<meet>.+)",
            r"vilka\s+beslut\s+(?:fattade|fattades|tog|togs)\s+(?P<meet>.+)",
            r"vad\s+(?:blev|var)\s+(?:besluten|beslutet)\s+(?P<meet>.+)"),
        en=(r"what\s+did\s+(?P<meet>.+?)\s+decide\b(?P<meet2>.*)",
            r"(?:which|what)\s+decisions\s+did\s+(?P<meet>.+?)\s+(?:make|take)\b(?P<meet2>.*)",
            r"what\s+was\s+decided\s+(?P<meet>.+)"),
        handler=_meeting_decisions,
        understood_sv="Vad beslutade {meeting}?",
        understood_en="What did {meeting} decide?",
        example_sv="Vad beslutade kommunstyrelsen 2022-09-12?",
        example_en="What did KS decide on 2022-09-12?",
        plan_scoped=False,
    ),
    Intent(
        "meeting_chair",
        sv=(r"vem\s+(?:var|är)\s+(?:mötes)?ordförande\b\s*(?P<meet>.*)",
            r"vem\s+ledde\s+(?P<meet>.+)",
            r"vem\s+var\s+ordförande\s*(?P<meet>.*)"),
        en=(r"who\s+chaired\b\s*(?P<meet>.*)",
            r"who\s+(?:was|is)\s+(?:the\s+)?chair(?:man|woman|person)?\b\s*(?P<meet>.*)",
            r"who\s+presided\s+over\s+(?P<meet>.+)"),
        handler=_meeting_chair,
        understood_sv="Vem var ordförande vid {meeting}?",
        understood_en="Who chaired {meeting}?",
        example_sv="Vem var ordförande vid kommunstyrelsens sammanträde 2022-09-12?",
        example_en="Who chaired the KS meeting on 2022-09-12?",
        plan_scoped=False,
    ),
    Intent(
        "meeting_adjusters",
        sv=(r"(?:vem|vilka)\s+(?:har\s+)?justerade?\b\s*(?P<meet>.*)",
            r"(?:vem|vilka)\s+(?:var|är|utsågs\s+till)\s+justerare?\b\s*(?P<meet>.*)",
            r"(?:vem|vilka)\s+utsågs\s+att\s+justera\b\s*(?P<meet>.*)"),
        en=(r"who\s+(?:adjusted|checked|attested|verified|approved)\b\s*(?P<meet>.*)",
            r"who\s+(?:was|were)\s+(?:the\s+)?adjusters?\b\s*(?P<meet>.*)"),
        handler=_meeting_adjusters,
        understood_sv="Vem justerade protokollet för {meeting}?",
        understood_en="Who adjusted the minutes of {meeting}?",
        example_sv="Vem justerade protokollet från kommunstyrelsens sammanträde 2022-09-12?",
        example_en="Who adjusted the minutes of KS on 2022-09-12?",
        plan_scoped=False,
    ),
    Intent(
        "case_paragraphs",
        sv=(r"vilka\s+paragrafer\s+(?:gäller|rör|berör|handlar\s+om|avser|behandlar|tar\s+upp)\s+(?P<meet>.+)",
            r"vilken\s+paragraf\s+(?:gäller|rör|berör|handlar\s+om|avser|behandlar|tar\s+upp)\s+(?P<meet>.+)",
            r"(?:i\s+)?vilka\s+(?:paragrafer|protokoll|sammanträden)\s+(?:behandlas|behandlades|finns)\s+(?P<meet>.+)"),
        en=(r"which\s+(?:minutes\s+)?paragraphs?\s+(?:concerns?|are\s+about|is\s+about|deals?\s+with|relates?\s+to|covers?|mentions?)\s+(?P<meet>.+)",
            r"where\s+was\s+(?P<meet>.+?)\s+(?:handled|decided|discussed|dealt\s+with)"),
        handler=_case_paragraphs,
        understood_sv="Vilka paragrafer gäller {meeting}?",
        understood_en="Which paragraphs concern {meeting}?",
        example_sv="Vilka paragrafer gäller KS 2022/140?",
        example_en="Which paragraphs concern KS 2022/140?",
        plan_scoped=False,
    ),
    Intent(
        "reservations",
        sv=(r"(?:vem|vilka)\s+(?:har\s+)?reserver(?:ade|at)\s+sig\b\s*(?P<meet>.*)",
            r"vilka\s+reservationer\s+(?:finns|fanns|lämnades|gjordes)\b\s*(?P<meet>.*)"),
        en=(r"who\s+(?:entered|registered|lodged|made)\s+(?:a\s+)?reservations?\b\s*(?P<meet>.*)",
            r"who\s+(?:reserved|dissented)\b\s*(?P<meet>.*)",
            r"(?:which|what)\s+reservations\s+(?:were\s+)?(?:entered|made|registered)?\b\s*(?P<meet>.*)"),
        handler=_reservations,
        understood_sv="Vem reserverade sig vid {meeting}?",
        understood_en="Who entered a reservation at {meeting}?",
        example_sv="Vem reserverade sig mot beslutet i § 7 vid kommunstyrelsens sammanträde 2022-09-12?",
        example_en="Who entered a reservation at the KS meeting on 2022-09-12?",
        plan_scoped=False,
    ),
)


def _compile(pattern: str) -> re.Pattern:
    for key, fragment in _FRAGMENTS.items():
        pattern = pattern.replace(key, fragment)
    return re.compile(pattern, re.IGNORECASE)


_COMPILED = [(intent, lang, _compile(p)) for intent in INTENTS for lang, ps in (("sv", intent.sv), ("en", intent.en))
             for p in ps]

EXAMPLES = [{"sv": i.example_sv, "en": i.example_en} for i in INTENTS]


def _normalise(question: str) -> str:
    text = " ".join(question.split())
    return text.strip().rstrip("?!. ").strip()


def _params(intent: Intent, m: re.Match) -> dict:
    g = m.groupdict()
    params: dict = {}
    if intent.name in ("intention_coverage", "decision_basis"):
        if g.get("sub"):
            params["sub"] = _number(g["sub"])
        elif g.get("int") or g.get("letter"):
            params["number"] = _number(g.get("int")) if g.get("int") else None
            params["letter"] = g["letter"].lower() if g.get("letter") else None
    if intent.name in ("subproject_leaders", "subproject_members", "subproject_considerations"):
        params["number"] = _number(g.get("sub"))
    if intent.name in ("person_subprojects", "who_is"):
        params["name"] = g["name"].strip()
    if intent.name == "milestones":
        rel = fold(g["rel"])
        params["relation"] = "after" if rel in ("efter", "after", "senare an", "later than") else "before"
        params["date"] = g["date"].strip()
    if intent.name == "overlaps":
        params["min_score"] = 0.1
    if intent.name in MEETING_INTENTS:
        params.update(meeting_ref(" ".join(g[k] for k in ("meet", "meet2") if g.get(k))))
    return params


def _understood(intent: Intent, params: dict, lang_matched: str, ctx: Context) -> dict:
    label = params.get("number") if params.get("number") is not None else params.get("letter")

    def text(template: str, lang: str) -> str:
        what = say("subproject", lang, number=params["sub"]) if params.get("sub") is not None else f"intention {label}"
        relation = say(params["relation"], lang) if params.get("relation") else ""
        filled = template.format(**dict(params, label=label, what=what, relation=relation,
                                        meeting=_meeting_ref_phrase(params, lang)))
        return filled + " " + ctx.scope[lang] if intent.plan_scoped else filled

    return {
        "intent": intent.name, "params": params, "language": lang_matched,
        "text": text(intent.understood_sv, "sv"), "text_en": text(intent.understood_en, "en"),
        "plans": ctx.projects,
    }


def _scope(store: GraphStore, plan: str | None) -> tuple[list[str] | None, dict[str, str], str | None]:
    """(projects, the plans covered as a phrase per language, problem) for an optional plan reference."""
    plans = q.plan_index(store)
    projects, problem = None, None
    if plan is None:
        kind, values = ("scope_stored_plan", {}) if len(plans) <= 1 else ("scope_all_plans", {"n": len(plans)})
    elif hits := q.find_plans(store, plan):
        titles = "; ".join(sorted({(h["title"] or h["id"]) + (f" ({h['identifier']})" if h["identifier"] else "")
                                   for h in hits}))
        projects, kind, values = [h["iri"] for h in hits], "scope_plan", {"titles": titles}
    else:
        projects, kind, values, problem = [], "scope_unknown_plan", {"plan": plan}, "no-plan"
    return projects, {lang: say(kind, lang, **values) for lang in LANGS}, problem


def not_understood(question: str, lang: str = "sv") -> dict:
    examples = [e[lang] for e in EXAMPLES]
    answer = say("not_understood", "en" if lang == "en" else "sv", examples="; ".join(examples))
    return {"question": question, "understood_as": None, "answer": answer, "lang": lang, "results": [],
            "evidence": [], "examples": EXAMPLES}


def match(question: str) -> tuple[Intent, str, re.Match, str | None] | None:
    """The intent, language, match and plan reference of a question, or None."""
    text = _normalise(question)
    plan = None
    m = _PLAN.search(text)
    if m:
        plan = m.group("plan").strip().strip("”“\"'")
        text = text[:m.start()].strip()
    for intent, lang, rx in _COMPILED:
        found = rx.search(text)
        if found:
            return intent, lang, found, plan
    if plan is not None:  # "i plan" may have been part of the question itself
        text = _normalise(question)
        for intent, lang, rx in _COMPILED:
            found = rx.search(text)
            if found:
                return intent, lang, found, None
    return None


def ask(store: GraphStore, question: str, lang: str | None = None) -> dict:
    """Answer a question: `{question, understood_as, answer, results, evidence}`."""
    with one_view():
        return _ask(store, question, lang)


def _ask(store: GraphStore, question: str, lang: str | None) -> dict:
    question = question or ""
    if len(question) > MAX_QUESTION:
        return not_understood(question[:MAX_QUESTION], lang or "sv")
    found = match(question)
    if found is None:
        guess = "en" if set(words(question)) & {"which", "who", "what", "where", "the", "does", "is"} else "sv"
        return not_understood(question, lang or guess)
    intent, lang_matched, m, plan = found
    lang = lang or lang_matched
    params = _params(intent, m)
    if any(v is None for k, v in params.items() if k in ("number", "sub") and k in params) and not params.get("letter"):
        return not_understood(question, lang)
    projects, scope, problem = _scope(store, plan)
    ctx = Context(store, lang, projects, scope)
    understood = _understood(intent, params, lang_matched, ctx)
    reply = _reply("no_plan", plan=plan) if problem == "no-plan" else intent.handler(ctx, params)
    return {
        "question": question, "understood_as": understood, "lang": lang,
        "answer": reply.text("sv" if lang == "sv" else "en"),
        "results": reply.results, "evidence": reply.evidence, **reply.extra,
    }
