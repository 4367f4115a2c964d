"""Questions as staff type them, in Swedish or English, answered from the graph.

A question is read into its parts (`questions.parse`): the things it names, found in the
graph (subprojects and intentions by number or letter, people by name with typing errors
tolerated, bodies, dates, case numbers, paragraphs) and the concepts of its words, from a
vocabulary of Swedish and English words with their inflections and synonyms
(`questions.vocabulary`). The first question family that reads those parts
(`questions.families`) answers from the typed graph, in the language of the question or the one
asked for. A trailing `i plan X` / `in plan X` restricts the question to the plans whose id, Dnr
or title matches X; without it, a subproject or intention number is looked up in every stored
plan and `understood_as` says so.

A question no family reads is answered with `understood_as: None`, a clear "not understood"
sentence in the question's language and what a search of the graph finds for its words
(`search`), never a guess.
"""
from __future__ import annotations

from styrgraf.graph import queries as q
from styrgraf.graph.questions.answer import Context, Reply, reply
from styrgraf.graph.questions.entities import NUMBER_WORDS, parse_question_date  # noqa: F401 (public API)
from styrgraf.graph.questions.families import FAMILIES, Family, choose
from styrgraf.graph.questions.families.meetings import meeting_ref_phrase
from styrgraf.graph.questions.parse import MAX_QUESTION, Parse, read
from styrgraf.graph.questions.sentences import LANGS, SENTENCES, say  # noqa: F401 (public API)
from styrgraf.graph.search import search
from styrgraf.graph.store.cache import one_view
from styrgraf.graph.store.interface import GraphStore
from styrgraf.ingest.roles import ROLES

INTENTS = FAMILIES  # the families, by their earlier name
EXAMPLES = [{"sv": f.example_sv, "en": f.example_en} for f in FAMILIES]
MAX_SEARCH_HITS = 5


def _subject(params: dict, lang: str) -> str:
    """What a decision question is about: the project, a subproject or an intention."""
    if params.get("project"):
        return say("the_project", lang)
    if params.get("sub") is not None:
        return say("subproject", lang, number=params["sub"])
    return f"intention {_label(params)}"


def _label(params: dict):
    return params.get("number") if params.get("number") is not None else params.get("letter")


# What a strategy question asks about, as the understood sentence says it.
_FACTS = {"adoption": {"sv": "när och av vem den antogs", "en": "when and by whom it was adopted"},
          "owner": {"sv": "vem som är dokumentansvarig", "en": "who owns it"},
          "validity": {"sv": "hur länge den gäller", "en": "how long it is valid"}}


def _fields(params: dict, lang: str) -> dict:
    """The fields the families' `understood` templates are filled from."""
    number, role, what = params.get("number"), params.get("role"), params.get("what")
    in_sub = {x: say("subproject", x, number=number) if number is not None else say("the_project", x) for x in LANGS}
    role_name = ({x: (ROLES[role].label_sv if x == "sv" else ROLES[role].label_en).lower() for x in LANGS} if role
                 else {"sv": "ledare", "en": "leader"})
    milestone = _milestone_phrase(params)
    relation = params.get("relation")
    fact = _FACTS.get(params.get("fact"), {"sv": "", "en": ""})
    return dict(params, label=_label(params), what=_subject(params, lang), name=params.get("name"),
                fact_sv=fact["sv"], fact_en=fact["en"], document_name=params.get("name") or say("the_strategy", lang),
                relation=say(relation, lang) if relation in ("before", "after", "by") else "",
                meeting=meeting_ref_phrase(params, lang), milestone_sv=milestone["sv"], milestone_en=milestone["en"],
                which_sv="intentioner" if params.get("which") == "intentions" else "delprojekt",
                which_en=params.get("which") or "",
                what_sv=say("things_" + what, "sv") if what else "", what_en=say("things_" + what, "en") if what else "",
                in_sv=" i " + in_sub["sv"] if number is not None else "",
                in_en=" in " + in_sub["en"] if number is not None else "",
                sub_sv=in_sub["sv"], sub_en=in_sub["en"], role_sv=role_name["sv"], role_en=role_name["en"])


def _understood(family: Family, params: dict, lang_matched: str, ctx: Context) -> dict:
    def text(template: str, lang: str) -> str:
        filled = template.format(**_fields(params, lang))
        return filled + " " + ctx.scope[lang] if family.plan_scoped else filled

    shown = {k: v for k, v in params.items() if k not in ("iris", "errors", "organisation", "document")}
    return {
        "intent": family.name, "params": shown, "language": lang_matched,
        "text": text(family.understood_sv, "sv"), "text_en": text(family.understood_en, "en"),
        "plans": ctx.projects,
    }


def _milestone_phrase(params: dict) -> dict[str, str]:
    """How a milestone question was read: `ligger före 2012-05-01`, `för delprojekt 3`, `är beslut`."""
    out = {}
    for lang in LANGS:
        parts = []
        if params.get("decisions"):
            parts.append("är beslut" if lang == "sv" else "are decisions")
        if params.get("number") is not None:
            parts.append(("hör till " if lang == "sv" else "belong to ") + say("subproject", lang, number=params["number"]))
        relation = params.get("relation")
        if relation in ("before", "after", "by"):
            verb = "ligger" if lang == "sv" else "fall"
            parts.append(f"{verb} {say(relation, lang)} {params.get('date')}")
        elif relation == "between":
            parts.append(("ligger mellan {} och {}" if lang == "sv" else "fall between {} and {}").format(
                params.get("date"), params.get("until")))
        elif relation == "during":
            parts.append(("ligger i " if lang == "sv" else "fall in ") + str(params.get("date")))
        out[lang] = (" " + ("och" if lang == "sv" else "and") + " ").join(parts) or (
            "finns" if lang == "sv" else "are there")
    return out


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


def _hit_label(hit: dict) -> str:
    if hit["kind"] == "entity":
        e = hit["entity"]
        name = e.get("name") or e.get("title") or e.get("label") or e.get("text") or e.get("id")
        if e.get("type") in ("subproject", "intention") and e.get("number") is not None:
            return f"{e['type']} {e['number']}: {name}"
        return str(name)
    text = " ".join(hit["text"].split())
    return "”" + (text[:100] + "…" if len(text) > 100 else text) + "”"


def not_understood(question: str, lang: str = "sv", store: GraphStore | None = None) -> dict:
    """The answer to a question no family reads: said so, with what a search for its words finds."""
    lang = "en" if lang == "en" else "sv"
    examples = [e[lang] for e in EXAMPLES]
    hits = search(store, question, MAX_SEARCH_HITS)["results"] if store is not None and question.strip() else []
    if hits:
        answer = say("not_understood_search", lang, hits="; ".join(_hit_label(h) for h in hits))
    else:
        answer = say("not_understood", lang, examples="; ".join(examples))
    return {"question": question, "understood_as": None, "answer": answer, "lang": lang, "results": [],
            "evidence": [], "examples": EXAMPLES, "search": hits}


def match(question: str, store: GraphStore | None = None) -> tuple[Family, str, dict, str | None] | None:
    """The family, language, parameters and plan reference of a question, or None.

    Without a store the question's names are not looked up: a person's name is read from the words
    left over."""
    found = _read(store, question)
    if found is None:
        return None
    family, params, parsed = found
    return family, parsed.lang, params, parsed.plan


def _read(store: GraphStore | None, question: str) -> tuple[Family, dict, Parse] | None:
    parsed = read(store, question)
    chosen = choose(parsed)
    if chosen is None and parsed.plan is not None:
        # "i plan" may have been part of the question itself.
        parsed = read(store, question, plan_split=False)
        chosen = choose(parsed)
    if chosen is None:
        return None
    return chosen[0], chosen[1], parsed


def ask(store: GraphStore, question: str, lang: str | None = None) -> dict:
    """Answer a question: `{question, understood_as, answer, results, evidence}`."""
    with one_view():
        return _ask(store, question, lang)


def _ask(store: GraphStore, question: str, lang: str | None) -> dict:
    question = question or ""
    if len(question) > MAX_QUESTION:
        return not_understood(question[:MAX_QUESTION], lang or "sv")
    found = _read(store, question)
    if found is None:
        return not_understood(question, lang or read(store, question).lang, store)
    family, params, parsed = found
    lang = lang or parsed.lang
    projects, scope, problem = _scope(store, parsed.plan)
    ctx = Context(store, lang, projects, scope)
    understood = _understood(family, params, parsed.lang, ctx)
    answer: Reply = reply("no_plan", plan=parsed.plan) if problem == "no-plan" else family.handler(ctx, params)
    return {
        "question": question, "understood_as": understood, "lang": lang,
        "answer": answer.text("sv" if lang == "sv" else "en"),
        "results": answer.results, "evidence": answer.evidence, **answer.extra,
    }
