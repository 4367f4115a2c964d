"""What a question's answer is made of: the context it is read in, the reply a family gives,
and the helpers every family renders with."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from styrgraf.graph import queries as q
from styrgraf.graph.describe import describe, iri_values
from styrgraf.graph.questions.sentences import say
from styrgraf.graph.store.interface import GraphStore

# A number asked about in more plans than this is answered with the list of
# those plans and a request to name one ("i plan …"), not with every plan's
# full answer (which would be one sentence of hundreds of parts).
MAX_PLANS = 10


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


def reply(kind: str, results: list[dict] | None = None, evidence: list[dict] | None = None,
          extra: dict | None = None, **values) -> Reply:
    """A reply of one sentence, `kind` filled from `values` in the language asked for."""
    return Reply(lambda lang: say(kind, lang, **values), results or [], evidence or [], extra or {})



# -- helpers -----------------------------------------------------------------

def join(items: list[str], lang: str) -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {say('and', lang)} " + items[-1]


def sub_label(sub: dict, lang: str, with_project: bool = False) -> str:
    label = say("subproject", lang, number=sub.get("number"))
    if with_project and sub.get("project"):
        label += f" ({sub['project'].get('title')})"
    return label


def role_label(role: dict, lang: str) -> str:
    return role["label_sv" if lang == "sv" else "label_en"].lower()


def decimal(value, lang: str) -> str:
    return str(value).replace(".", ",") if lang == "sv" else str(value)


def end_sentences(parts: list[str]) -> str:
    return "; ".join(parts) + "."


def unique_evidence(evidence) -> list[dict]:
    seen, out = set(), []
    for e in evidence:
        key = (e["document"]["iri"], e["page"], e["start"], e["end"], e.get("property"))
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out


def flatten_evidence(items) -> list[dict]:
    return unique_evidence(e for item in items for e in (item.get("evidence", []) if isinstance(item, dict) else []))


def many_plans(subs: list[dict]) -> bool:
    """Whether subprojects (or projects) belong to more than one plan."""
    return len({s.get("iri") if s.get("type") == "project" else (s.get("project") or {}).get("iri") for s in subs}) > 1


def too_many(ctx: Context, iris: list[str], what: str, number: int) -> Reply | None:
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


def subproject_iris(ctx: Context, number: int) -> list[str] | Reply:
    """The subprojects numbered `number` (one per plan), or the reply when there are none or too many."""
    subs = q.subprojects_by_number(ctx.store, number, ctx.projects)
    if not subs:
        return reply("no_subproject", number=number)
    return too_many(ctx, subs, "what_subproject", number) or subs


def intention_iris(ctx: Context, params: dict) -> tuple[int | None, list[str] | Reply]:
    """The number of the intention asked about (by number or letter) and its IRIs (one per plan),
    or the reply when there are none or too many."""
    number = intention_number(ctx, params)
    if number is None:
        return None, reply("no_intention", label=params.get("number") or params.get("letter"))
    iris = q.intention_iris(ctx.store, number, ctx.projects)
    if not iris:
        return number, reply("no_intention", label=number)
    return number, too_many(ctx, iris, "what_intention", number) or iris


def intention_number(ctx: Context, params: dict) -> int | None:
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




def strip(obj: dict) -> dict:
    return {k: obj[k] for k in ("type", "id", "iri", "number", "letter", "text", "title", "name") if k in obj}

