"""The question families: for each, how to tell it from a parsed question, how to answer it,
how the question was read, and examples in both languages.

A family's `read` looks at the parts of the question (`parse.Parse`): the things it names and
the concepts of its words, and where they stand. It returns the parameters of the answer, or
None when the question is not of this family. The families are tried in table order, the ones
that need most parts first, so that a question naming a subproject and a relation is answered
by that relation and not by a more general family.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from styrgraf.graph.questions.answer import Context, Reply
from styrgraf.graph.questions.families import content, meetings, people, plan
from styrgraf.graph.questions.parse import Parse


@dataclass(frozen=True)
class Family:
    name: str
    read: Callable[[Parse], dict | None]
    handler: Callable[[Context, dict], Reply]
    understood_sv: str  # how the question was read, `{…}` filled from the parameters
    understood_en: str
    sv: tuple[str, ...]  # example questions, the first shown when a question is not understood
    en: tuple[str, ...]
    plan_scoped: bool = True  # read within the plans asked about ("i plan …"); meetings are not

    @property
    def example_sv(self) -> str:
        return self.sv[0]

    @property
    def example_en(self) -> str:
        return self.en[0]


# -- what the readers look at ----------------------------------------------------------

THINGS = (("person", "people"), ("member", "people"), ("intention", "intentions"), ("milestone", "milestones"),
          ("organisation", "organisations"), ("meeting", "meetings"), ("decision", "decisions"),
          ("subproject", "subprojects"))


def _thing(p: Parse) -> str | None:
    """The kind of thing a count or list is about: the first kind word of the question."""
    best = None
    for concept, what in THINGS:
        at = p.at(concept)
        if at is not None and (best is None or at < best[0]):
            best = (at, what)
    return best[1] if best else None


def _sub(p: Parse) -> int | None:
    f = p.one("subproject")
    return f.value["number"] if f else None


def _intention(p: Parse) -> dict | None:
    f = p.one("intention")
    if f is None:
        return None
    return {"number": f.value.get("number"), "letter": f.value.get("letter")}


def _numbered(p: Parse) -> bool:
    return bool(p.things("subproject") or p.things("intention"))


def meeting_params(p: Parse) -> dict:
    """The body, date, paragraph and case a meeting question names; a body the graph does not know
    is the words left over (`byggnadsnämnden`)."""
    body = p.one("body")
    date = p.one("date")
    paragraph = p.one("paragraph")
    case = p.one("case")
    named = body.value["bodies"][0] if body else None
    return {"body": (named.get("abbreviation") or named.get("name")) if named else (p.leftover_text() or None),
            "date": date.value["text"] if date else None,
            "paragraph": paragraph.value["number"] if paragraph else None,
            "case": case.value["case"] if case else None}


def _meeting_named(p: Parse) -> bool:
    return bool(p.things("body") or p.things("date") or p.things("case") or p.things("paragraph")
                or p.has("meeting") or p.leftover)


def _name(p: Parse) -> dict | None:
    """The person a question names: found in the graph, or the words left over as a name."""
    f = p.one("person")
    if f:
        return {"name": f.value["typed"], "iris": f.value["iris"], "errors": f.value["errors"]}
    if p.leftover and all(p.toks[i].text[:1].isupper() and i > 0 for i in p.leftover):
        return {"name": p.leftover_text()}
    return None


# -- the readers --------------------------------------------------------------------------

def read_reservations(p: Parse) -> dict | None:
    if not p.has("reserve") or _numbered(p):
        return None
    params = meeting_params(p)
    if p.leftover and not p.things("body"):
        params["topic"] = p.leftover_text()  # an item's title (`mot försäljningen av Granen 4`), or a body
    return params


def _signs_plan(p: Parse) -> bool:
    """`who signed the project plan`: a plan's signatory, not a meeting's adjusters."""
    return p.roles() == ["signatory"] and p.has("project") and not p.has("meeting")


def read_adjusters(p: Parse) -> dict | None:
    return meeting_params(p) if p.has("adjust") and not _numbered(p) and not _signs_plan(p) else None


def read_motions(p: Parse) -> dict | None:
    """Who moved what at a meeting or in an item (`vem yrkade avslag i ärendet om Granen 4`); the words
    left over are the kind of motion and the item's title."""
    if not p.has("move") or _numbered(p) or p.has("reserve"):
        return None
    params = meeting_params(p)
    if p.leftover and not p.things("body"):
        params["topic"] = p.leftover_text()
    return params


def read_vice_chair(p: Parse) -> dict | None:
    return meeting_params(p) if p.has("vice") and not _numbered(p) else None


def read_chair(p: Parse) -> dict | None:
    return meeting_params(p) if p.has("chair") and not p.has("vice") and not _numbered(p) else None


def read_substitutes(p: Parse) -> dict | None:
    """Who replaced whom at a meeting (`vem ersatte Karl Öst`, `substitutes at KS 2022-09-12`)."""
    if not p.has("replace") or _numbered(p):
        return None
    person = p.one("person")
    named = {"name": person.value["typed"], "iris": person.value["iris"]} if person else {}
    return meeting_params(p) | named


def read_secretary(p: Parse) -> dict | None:
    if _numbered(p) or p.roles() != ["projektsekreterare"]:
        return None
    return meeting_params(p) if p.things("date") or p.things("body") or p.has("meeting") else None


def read_case_paragraphs(p: Parse) -> dict | None:
    if _numbered(p):
        return None
    if p.has("paragraph") and not p.things("paragraph"):
        return meeting_params(p)
    if p.things("case") and p.has("meeting", "cover", "where", "concern") and not p.has("decide"):
        return meeting_params(p)
    return None


def read_meeting_participants(p: Parse) -> dict | None:
    """Who took part in a meeting (`vilka deltog i KS 2022-09-12`): a body or date named, no subproject."""
    if _numbered(p) or not p.has("member") or not (p.things("body") or p.things("date")) or p.one("person"):
        return None
    return None if p.has("decide", "reserve", "chair", "adjust", "replace", "case") or p.roles() else meeting_params(p)


def read_meeting_cases(p: Parse) -> dict | None:
    """The cases a meeting dealt with (`which cases were dealt with at KS 2022-09-12`)."""
    if _numbered(p) or p.things("case") or not p.has("case") or not (p.things("body") or p.things("date")):
        return None
    return None if p.has("decide", "reserve", "chair", "adjust") else meeting_params(p)


def read_decision_basis(p: Parse) -> dict | None:
    if not (p.has("rest") or (p.has("decision") and not p.has("decide", "when"))):
        return None  # `när är KS-beslutet för delprojekt 1` asks for a milestone's date
    if (n := _sub(p)) is not None:
        return {"sub": n}
    if not p.things("intention") and p.has("project") and p.has("rest") and not p.has("milestone", "when"):
        # Words left over after the plan word name it by its title (`projektplanen för cykelbanor`).
        titled = p.leftover and min(p.leftover) > p.at("project")
        return {"project": True} | ({"named": p.leftover_text()} if titled else {})
    return _intention(p)


def _between(p: Parse) -> tuple[str, str] | None:
    """The two dates of `mellan 1 april och 15 maj 2012` / `between … and …`, as typed; the first takes
    the year of the second when it has none."""
    at, dates = p.at("between"), p.things("date")
    if at is None or len(dates) != 2 or not at < dates[0].first:
        return None
    first, last = dates[0].value["text"], dates[1].value["text"]
    year = re.search(r"\b(\d{4})\b", last)
    if not re.search(r"\d{4}", first) and year:
        first = f"{first} {year.group(1)}"
    return first, last


def _relation(p: Parse) -> tuple[str | None, str | None]:
    """(before/after/during, the date as typed) a milestone question compares with."""
    date = p.one("date")
    for relation in ("before", "by", "after", "during"):
        for at in p.all_at(relation):
            if relation == "during" and not (date and date.first == at + 1):
                continue
            if date and date.first > at:
                return relation, date.value["text"]
            if relation != "during" and at + 1 < len(p.toks) and not p.has("when"):
                # Whatever follows is the date, read or not ("milestones after soon").
                return relation, p.text[p.toks[at + 1].start:].strip()
    return None, None


def read_milestones(p: Parse) -> dict | None:
    if p.has("count"):
        return None
    asks_when = p.has("when") and (p.has("done") or p.has("decision") or p.has("decide") or _sub(p) is not None)
    if not (p.has("milestone") or asks_when or (p.has("done", "happen") and p.one("date"))):
        return None
    if p.has("between"):
        span = _between(p)
        if span is None:
            return None  # a range not read: not understood rather than every milestone
        params = {"relation": "between", "date": span[0], "until": span[1]}
    else:
        relation, date = _relation(p)
        params = {"relation": relation, "date": date}
    if _sub(p) is not None:
        params["number"] = _sub(p)
    if p.has("decision", "decide"):
        params["decisions"] = True
    return params


def read_meeting_decisions(p: Parse) -> dict | None:
    if (p.has("decide") or p.has("decision")) and not _numbered(p) and _meeting_named(p) and not p.has("rest"):
        return meeting_params(p)
    return None


def read_overlaps_with(p: Parse) -> dict | None:
    return {"number": _sub(p), "min_score": 0.1} if p.has("overlap") and _sub(p) is not None else None


def read_overlaps(p: Parse) -> dict | None:
    return {"min_score": 0.1} if p.has("overlap") and not _numbered(p) else None


def read_gaps(p: Parse) -> dict | None:
    if not p.has("gap") or _numbered(p) or p.one("person"):
        return None
    at_int, at_sub = p.at("intention"), p.at("subproject")
    if at_int is None and at_sub is None:
        return None
    if at_int is None or at_sub is None:
        if not p.has("cover"):
            return None
    first = "intentions" if at_sub is None or (at_int is not None and at_int < at_sub) else "subprojects"
    return {"which": first}


def read_count(p: Parse) -> dict | None:
    # A role counted is people (`how many resource people`, `antal resurspersoner`).
    what = (_thing(p) or ("people" if p.roles() else None)) if p.has("count") else None
    if what is None or p.things("intention") or p.one("person"):
        return None
    if _sub(p) is not None and what in ("subprojects", "decisions", "meetings"):
        return None
    roles = p.roles()
    if roles and (what != "people" or len(roles) > 1):
        return None  # a role counted as something else, or several roles: not read rather than miscounted
    return {"what": what, "number": _sub(p)} | ({"role": roles[0]} if roles else {})


def read_several(p: Parse) -> dict | None:
    return {} if p.has("several") and p.has("subproject") and not _numbered(p) else None


def read_budget(p: Parse) -> dict | None:
    return {"number": _sub(p)} if p.has("budget") and not p.things("intention") else None


def read_reporting(p: Parse) -> dict | None:
    return {"number": _sub(p)} if p.has("report") and not p.things("intention") else None


def read_organisations(p: Parse) -> dict | None:
    if p.has("organisation") and not p.one("person") and not p.things("intention") and not p.has("count"):
        return {"number": _sub(p)}
    return None


def read_coverage(p: Parse) -> dict | None:
    if _sub(p) is not None or not (p.has("cover") or p.has("subproject")):
        return None
    return _intention(p)


def read_subproject_intentions(p: Parse) -> dict | None:
    if _sub(p) is None or not (p.has("intention") or p.has("cover")) or p.things("intention"):
        return None
    return {"number": _sub(p)}


_PASSIVE = frozenset(("beaktas", "samordnas", "considered"))


def _depends_on_it(p: Parse) -> bool:
    """Whether the question asks what depends on the subproject rather than what it depends on:
    `vad beror på delprojekt 2`, `what must take subproject 2 into account`."""
    sub = p.one("subproject")
    if p.has("depend"):
        return p.word_at(sub.first - 1) in ("pa", "on", "av", "of")
    at = p.at("consider")
    if p.word_at(sub.first - 1) in ("take", "ta", "beakta"):
        return True
    passive = any(c.name == "consider" and (p.word_at(c.first) in _PASSIVE or p.word_at(c.first) == "taken")
                  for c in p.concepts)
    return at is not None and sub.first > at and not passive


def read_considerations(p: Parse) -> dict | None:
    if _sub(p) is None or not p.has("consider", "depend") or _depends_on_it(p):
        return None
    return {"number": _sub(p)}


def read_dependents(p: Parse) -> dict | None:
    if _sub(p) is None or not p.has("consider", "depend") or not _depends_on_it(p):
        return None
    return {"number": _sub(p)}


def read_subproject_role(p: Parse) -> dict | None:
    if _sub(p) is None or p.has("lead") or len(p.roles()) != 1:
        return None
    return {"number": _sub(p), "role": p.roles()[0]}


def _subs(p: Parse) -> dict:
    """The subproject asked about, and the others named with it (`delprojekt 1 och 2`)."""
    numbers = list(dict.fromkeys(f.value["number"] for f in p.things("subproject")))
    return {"number": numbers[0], "also": numbers[1:]} if len(numbers) > 1 else {"number": numbers[0]}


def read_leaders(p: Parse) -> dict | None:
    return _subs(p) if _sub(p) is not None and p.has("lead") else None


def read_members(p: Parse) -> dict | None:
    if _sub(p) is not None and p.has("member", "who", "person") and not p.one("person") and not p.has("about"):
        return _subs(p)
    return None


def read_project_roles(p: Parse) -> dict | None:
    if _numbered(p) or p.one("person") or p.leftover:
        return None
    roles = p.roles()
    if len(roles) == 1 and not p.has("lead"):
        return {"role": roles[0]}
    if p.has("lead") and p.has("project") and p.has("who", "what"):
        return {"role": None}
    return None


def read_person_subprojects(p: Parse) -> dict | None:
    if _numbered(p) or not p.has("subproject", "member"):
        return None
    return _name(p)


def read_person(p: Parse) -> dict | None:
    if p.one("person") and not p.concepts and not p.leftover and len(p.found) == 1:
        return _name(p)  # a name alone: who that is
    if _numbered(p) or not p.has("who", "profile", "is"):
        return None
    return _name(p) if p.one("person") or (p.has("who") and p.has("is")) else None


def read_organisation(p: Parse) -> dict | None:
    found = p.one("organisation")
    if found is None or _numbered(p) or p.one("person") or not p.has("subproject", "member", "who", "is", "what"):
        return None
    return {"name": found.value["typed"], "organisation": found.value["organisation"]}


_STEERING_WORDS = ("strategi", "strategy", "strategies", "program", "policy", "policies")


def _steering_document(p: Parse) -> dict | None:
    """The document a strategy question names ({} when it says only `strategin`), or None."""
    found = p.one("document")
    if found:
        return {"name": found.value["document"].get("title"), "document": found.value["document"]}
    steering = [i for i, t in enumerate(p.toks)
                if t.word.startswith(_STEERING_WORDS) or t.word.endswith(("strategin", "strategi", "programmet"))]
    if steering and set(p.leftover) <= set(steering):
        return {}
    return None


def read_strategy_facts(p: Parse) -> dict | None:
    """When a strategy was adopted, who owns it, how long it is valid."""
    if _numbered(p) or p.one("person"):
        return None
    if p.has("adopt") and p.has("when", "who", "what"):
        fact = "adoption"
    elif p.has("own") or (p.roles() == ["uppdragsansvarig"] and p.has("who")):
        fact = "owner"
    elif p.has("valid"):
        fact = "validity"
    else:
        return None
    named = _steering_document(p)
    return None if named is None else named | {"fact": fact}


def read_document_goals(p: Parse) -> dict | None:
    found = p.one("document")
    if found is None or _numbered(p) or not p.has("goal", "intention"):
        return None
    return {"name": found.value["document"].get("title"), "document": found.value["document"]}


def read_about(p: Parse) -> dict | None:
    if _sub(p) is None or p.things("intention"):
        return None
    return {"number": _sub(p)} if p.has("about") or (p.has("what") and p.has("is")) else None


def read_intention_text(p: Parse) -> dict | None:
    if _sub(p) is not None or not p.has("say", "what", "about"):
        return None
    return _intention(p)


def read_listing(p: Parse) -> dict | None:
    if _numbered(p) or p.one("person") or p.leftover:
        return None
    what = _thing(p)
    relations = ("lead", "cover", "consider", "depend", "rest", "decide", "overlap", "gap", "budget", "report")
    if what and (p.has("list") or p.has("what", "who")) and not p.has(*relations) and not p.roles():
        return {"what": what}
    return None


# -- the table ----------------------------------------------------------------------------

FAMILIES: tuple[Family, ...] = (
    Family("reservations", read_reservations, meetings.reservations,
           "Vem reserverade sig vid {meeting}?", "Who entered a reservation at {meeting}?",
           ("Vem reserverade sig mot beslutet i § 7 vid kommunstyrelsens sammanträde 2022-09-12?",),
           ("Who entered a reservation at the KS meeting on 2022-09-12?",), plan_scoped=False),
    Family("meeting_adjusters", read_adjusters, meetings.meeting_adjusters,
           "Vem justerade protokollet för {meeting}?", "Who adjusted the minutes of {meeting}?",
           ("Vem justerade protokollet från kommunstyrelsens sammanträde 2022-09-12?",),
           ("Who adjusted the minutes of KS on 2022-09-12?",), plan_scoped=False),
    Family("meeting_motions", read_motions, meetings.motions,
           "Vilka yrkanden gäller {meeting}?", "Which motions concern {meeting}?",
           ("Vilka yrkanden framställdes i ärende KS 2022/155?",), ("Who moved what in case KS 2022/155?",),
           plan_scoped=False),
    Family("meeting_vice_chair", read_vice_chair, meetings.meeting_vice_chair,
           "Vem var vice ordförande vid {meeting}?", "Who was vice chair of {meeting}?",
           ("Vem var vice ordförande vid kommunstyrelsens sammanträde 2022-09-12?",),
           ("Who was vice chair of the KS meeting on 2022-09-12?",), plan_scoped=False),
    Family("meeting_substitutes", read_substitutes, meetings.substitutes,
           "Vilka ersättare tjänstgjorde vid {meeting}?", "Which substitutes served at {meeting}?",
           ("Vem ersatte vem vid kommunstyrelsens sammanträde 2022-09-12?",),
           ("Who replaced whom at the KS meeting on 2022-09-12?",), plan_scoped=False),
    Family("meeting_chair", read_chair, meetings.meeting_chair,
           "Vem var ordförande vid {meeting}?", "Who chaired {meeting}?",
           ("Vem var ordförande vid kommunstyrelsens sammanträde 2022-09-12?",),
           ("Who chaired the KS meeting on 2022-09-12?",), plan_scoped=False),
    Family("meeting_secretary", read_secretary, meetings.meeting_secretary,
           "Vem var sekreterare vid {meeting}?", "Who was the secretary of {meeting}?",
           ("Vem var sekreterare vid kommunstyrelsens sammanträde 2022-09-12?",),
           ("Who was the secretary of the KS meeting on 2022-09-12?",), plan_scoped=False),
    Family("case_paragraphs", read_case_paragraphs, meetings.case_paragraphs,
           "Vilka paragrafer gäller {meeting}?", "Which paragraphs concern {meeting}?",
           ("Vilka paragrafer gäller KS 2022/140?",), ("Which paragraphs concern KS 2022/140?",), plan_scoped=False),
    Family("meeting_participants", read_meeting_participants, meetings.meeting_participants,
           "Vilka deltog vid {meeting}?", "Who took part in {meeting}?",
           ("Vilka deltog vid kommunstyrelsens sammanträde 2022-09-12?",),
           ("Who attended the KS meeting on 2022-09-12?",), plan_scoped=False),
    Family("meeting_cases", read_meeting_cases, meetings.meeting_cases,
           "Vilka ärenden behandlades vid {meeting}?", "Which cases were dealt with at {meeting}?",
           ("Vilka ärenden behandlades vid kommunstyrelsens sammanträde 2022-09-12?",),
           ("Which cases were dealt with at KS on 2022-09-12?",), plan_scoped=False),
    Family("decision_basis", read_decision_basis, plan.decision_basis,
           "Vilket beslut bygger {what} på?", "Which decision does {what} rest on?",
           ("Vilket beslut bygger delprojekt 1 på?",), ("Which decision is intention 8 from?",)),
    Family("milestones", read_milestones, plan.milestones,
           "Vilka milstolpar {milestone_sv}?", "Which milestones {milestone_en}?",
           ("Vilka milstolpar ligger före 2012-05-01?", "När ska delprojekt 3 vara klart?"),
           ("Milestones before 1 May 2012", "When must subproject 3 be finished?")),
    Family("meeting_decisions", read_meeting_decisions, meetings.meeting_decisions,
           "Vad beslutade {meeting}?", "What did {meeting} decide?",
           ("Vad beslutade kommunstyrelsen 2022-09-12?",), ("What did KS decide on 2022-09-12?",), plan_scoped=False),
    Family("subproject_overlaps", read_overlaps_with, content.overlaps_with,
           "Vad överlappar med delprojekt {number}?", "What overlaps with subproject {number}?",
           ("Vilka delprojekt överlappar med delprojekt 1?",), ("What overlaps with subproject 1?",)),
    Family("overlaps", read_overlaps, plan.overlaps,
           "Vilka delprojekt överlappar?", "Which subprojects overlap?",
           ("Vilka delprojekt överlappar?",), ("Which subprojects overlap?",)),
    Family("gaps", read_gaps, content.gaps,
           "Vilka {which_sv} saknar motsvarighet?", "Which {which_en} have no counterpart?",
           ("Vilka intentioner täcks inte av något delprojekt?",), ("Which subprojects address no intention?",)),
    Family("count", read_count, content.count,
           "Hur många {what_sv} finns{in_sv}?", "How many {what_en} are there{in_en}?",
           ("Hur många delprojekt finns det?",), ("How many people are in subproject 3?",)),
    Family("several_subprojects", read_several, people.several_subprojects,
           "Vilka är med i flera delprojekt?", "Who takes part in several subprojects?",
           ("Vilka personer är med i flera delprojekt?",), ("Who is in more than one subproject?",)),
    Family("budget", read_budget, content.budget,
           "Vilken budget har {sub_sv}?", "What is the budget of {sub_en}?",
           ("Vilken budget har delprojekt 6?",), ("What is the budget of subproject 6?",)),
    Family("reporting", read_reporting, content.reporting,
           "Hur rapporterar {sub_sv}?", "How does {sub_en} report?",
           ("Till vem rapporterar delprojekt 3?",), ("Who does subproject 3 report to?",)),
    Family("organisations", read_organisations, people.organisations,
           "Vilka organisationer är med i {sub_sv}?", "Which organisations are involved in {sub_en}?",
           ("Vilka organisationer är med i projektet?",), ("Which organisations are involved in subproject 1?",)),
    Family("intention_coverage", read_coverage, plan.coverage,
           "Vilka delprojekt täcker intention {label}?", "Which subprojects address intention {label}?",
           ("Vilka delprojekt täcker intention 8?",), ("Which subprojects address intention 8?",)),
    Family("subproject_intentions", read_subproject_intentions, content.subproject_intentions,
           "Vilka intentioner adresserar delprojekt {number}?", "Which intentions does subproject {number} address?",
           ("Vilka intentioner adresserar delprojekt 1?",), ("Which intentions does subproject 1 address?",)),
    Family("subproject_considerations", read_considerations, plan.considerations,
           "Vad ska delprojekt {number} beakta?", "What must subproject {number} take into account?",
           ("Vad ska delprojekt 2 beakta?",), ("What must subproject 2 take into account?",)),
    Family("subproject_dependents", read_dependents, content.dependents,
           "Vad ska beakta delprojekt {number}?", "What must take subproject {number} into account?",
           ("Vad beror på delprojekt 2?",), ("What depends on subproject 2?",)),
    Family("subproject_role", read_subproject_role, people.subproject_role,
           "Vem är {role_sv} i delprojekt {number}?", "Who is {role_en} of subproject {number}?",
           ("Vem är projektsekreterare i delprojekt 3?",), ("Who are the resource people of subproject 3?",)),
    Family("subproject_leaders", read_leaders, plan.leaders,
           "Vem leder delprojekt {number}?", "Who leads subproject {number}?",
           ("Vem leder delprojekt 3?",), ("Who leads subproject 3?",)),
    Family("subproject_members", read_members, plan.members,
           "Vilka ingår i delprojekt {number}?", "Who is in subproject {number}?",
           ("Vilka ingår i delprojekt 3?",), ("Who is in subproject 3?",)),
    Family("project_roles", read_project_roles, people.project_roles,
           "Vem är {role_sv} för projektet?", "Who is {role_en} of the project?",
           ("Vem är uppdragsansvarig för projektet?",), ("Who leads the project?",)),
    Family("strategy_facts", read_strategy_facts, content.strategy_facts,
           "Vad anger {document_name} om {fact_sv}?", "What does {document_name} state on {fact_en}?",
           ("När antogs strategin?", "Hur länge gäller programmet för trygg uppväxt?"),
           ("Who owns the strategy?", "When was the digital development strategy adopted?"),
           plan_scoped=False),
    Family("document_goals", read_document_goals, content.document_goals,
           "Vilka mål anger {name}?", "Which goals does {name} set?",
           ("Vilka mål anger planen för utveckling av kommunens näringslivsarbete?",),
           ("Which goals does Projektplan för utveckling av kommunens näringslivsarbete set?",),
           plan_scoped=False),
    Family("organisation", read_organisation, people.organisation,
           "Var är {name} med?", "Where does {name} take part?",
           ("I vilka delprojekt är HNAB med?",), ("Which subprojects involve Svensk Handel?",)),
    Family("person_subprojects", read_person_subprojects, plan.person_subprojects,
           "I vilka delprojekt är {name} med?", "Which subprojects is {name} in?",
           ("I vilka delprojekt är Karolina Davidsson med?",), ("Which subprojects is Karolina Davidsson in?",)),
    Family("person", read_person, people.person,
           "Vem är {name}?", "Who is {name}?", ("Vem är Stefan Almér?",), ("Who is Björn Kalla?",)),
    Family("subproject_about", read_about, content.about,
           "Vad handlar delprojekt {number} om?", "What is subproject {number} about?",
           ("Vad handlar delprojekt 4 om?",), ("What is subproject 4 about?",)),
    Family("intention_text", read_intention_text, content.intention_text,
           "Vad säger intention {label}?", "What does intention {label} say?",
           ("Vad säger intention 3?",), ("What does intention c say?",)),
    Family("list", read_listing, content.listing,
           "Vilka {what_sv} finns?", "Which {what_en} are there?",
           ("Vilka delprojekt finns?",), ("List the intentions",)),
)

BY_NAME = {f.name: f for f in FAMILIES}


def choose(p: Parse) -> tuple[Family, dict] | None:
    """The first family that reads the question, with its parameters."""
    for family in FAMILIES:
        params = family.read(p)
        if params is not None:
            return family, params
    return None
