"""The exact sentences `ask` answers with, in Swedish and English.

These pin the wording of graph/ask.py's answers to the letter, in four ways:

- EXACT: answers about the seed plan whose facts docs/api-conventions.md
  states, and the fixed sentences for what is not there, written out whole.
- Sentences built here from the facts an answer carries in its `results`
  (names, roles, scopes, decisions, dates) for every subproject, intention and
  person of the seed: the answer must state exactly those facts, in that
  order, in the fixed wording.
- Branches the seed never reaches (nobody leads, nothing to take into account,
  no overlaps, a chain through the plan), reached by replacing one query.
- Two plans (the seed text stored again under another Dnr and title), where
  each part of an answer names its plan.
"""
from __future__ import annotations

import dataclasses

import pytest

import styrgraf.graph.ask as ask_module
import styrgraf.graph.questions.answer as answer_module
import styrgraf.ingest.roles as role_table
from styrgraf.graph import queries as q
from styrgraf.graph.ask import ask
from styrgraf.graph.documents import ingest_file
from styrgraf.graph.store.interface import open_store
from tests.query_seed import SEED_TEXT, seed_store_path

SCOPE_1 = "I detta uppdrag avses SPH som strategisk resurs för innovation"
SCOPE_2 = "I detta uppdrag avses SPH s roll i den kommunala organisation"
CHAIN_SV = "KLU beslut 2012-02-07, KLU bordläggning 2011-12-06 och KS uppdrag 2011-09-06 (KS 2011/0546)"
CHAIN_EN = "KLU decision 2012-02-07, KLU tabling 2011-12-06 and KS assignment 2011-09-06 (KS 2011/0546)"
LANGS = ("sv", "en")


@pytest.fixture(scope="module")
def seed(tmp_path_factory):
    store = open_store(str(seed_store_path(tmp_path_factory)))
    yield store
    store.close()


# -- whole sentences ----------------------------------------------------------

EXACT = [
    ("Vilka delprojekt täcker intention 8?",
     f"Intention 8 täcks av delprojekt 1 (avgränsning: ”{SCOPE_1}”) och delprojekt 2 (avgränsning: ”{SCOPE_2}”).",
     f"Intention 8 is addressed by subproject 1 (scope: “{SCOPE_1}”) and subproject 2 (scope: “{SCOPE_2}”)."),
    ("vilka delprojekt täcker intention 7",
     "Intention 7 täcks av delprojekt 5.", "Intention 7 is addressed by subproject 5."),
    ("vilka delprojekt täcker intention 13",
     "Det finns ingen intention 13 i grafen.", "There is no intention 13 in the graph."),
    ("vilka delprojekt täcker intention z",
     "Det finns ingen intention z i grafen.", "There is no intention z in the graph."),
    ("vem leder delprojekt 3",
     "Delprojekt 3 leds av Anders Bergenek (uppdragsansvarig) och Roger Weman (projektledare).",
     "Subproject 3 is led by Anders Bergenek (accountable owner) and Roger Weman (project manager)."),
    ("vem leder delprojekt 1",
     "Delprojekt 1 leds av Stefan Almér (uppdragsansvarig) och Björn Kalla (projektledare).",
     "Subproject 1 is led by Stefan Almér (accountable owner) and Björn Kalla (project manager)."),
    ("who leads subproject 2",
     "Delprojekt 2 leds av Stefan Almér (uppdragsansvarig) och Björn Kalla (projektledare).",
     "Subproject 2 is led by Stefan Almér (accountable owner) and Björn Kalla (project manager)."),
    ("vem leder delprojekt 9",
     "Det finns inget delprojekt 9 i grafen.", "There is no subproject 9 in the graph."),
    ("vilka ingår i delprojekt 0",
     "Det finns inget delprojekt 0 i grafen.", "There is no subproject 0 in the graph."),
    ("vilka ingår i delprojekt 1",
     "I delprojekt 1 ingår Stefan Almér (uppdragsansvarig), Björn Kalla (projektledare), Henry Bengtsson (projektgrupp), "
     "Max Wehlin (projektgrupp) och Stefan Sorpola (projektgrupp).",
     "Subproject 1 includes Stefan Almér (accountable owner), Björn Kalla (project manager), Henry Bengtsson (project team), "
     "Max Wehlin (project team) and Stefan Sorpola (project team)."),
    ("vad ska delprojekt 9 beakta",
     "Det finns inget delprojekt 9 i grafen.", "There is no subproject 9 in the graph."),
    ("vilket beslut bygger delprojekt 1 på",
     f"Delprojekt 1 bygger på projektplanen KS 2011/0456 (2012-02-22), som i sin tur bygger på {CHAIN_SV}.",
     f"Subproject 1 rests on the plan KS 2011/0456 (2012-02-22), which in turn builds on {CHAIN_EN}."),
    ("vilket beslut kommer intention 8 från",
     "Intention 8 bygger på KLU beslut 2012-02-07, som i sin tur bygger på KLU bordläggning 2011-12-06 och "
     "KS uppdrag 2011-09-06 (KS 2011/0546).",
     "Intention 8 rests on KLU decision 2012-02-07, which in turn builds on KLU tabling 2011-12-06 and "
     "KS assignment 2011-09-06 (KS 2011/0546)."),
    ("which decision is subproject 9 from",
     "Det finns inget delprojekt 9 i grafen.", "There is no subproject 9 in the graph."),
    ("vilket beslut kommer intention 13 från",
     "Det finns ingen intention 13 i grafen.", "There is no intention 13 in the graph."),
    ("which decision is intention z from",
     "Det finns ingen intention z i grafen.", "There is no intention z in the graph."),
    ("i vilka delprojekt är Karolina Davidsson med",
     "Karolina Davidsson (VD, HNAB) är med i delprojekt 2 (projektgrupp), delprojekt 3 (projektgrupp), "
     "delprojekt 4 (projektgrupp) och delprojekt 5 (uppdragsansvarig).",
     "Karolina Davidsson (VD, HNAB) takes part in subproject 2 (project team), subproject 3 (project team), "
     "subproject 4 (project team) and subproject 5 (accountable owner)."),
    ("i vilka delprojekt är Stefan Almér med",
     "Stefan Almér (Utvecklingschef) är med i delprojekt 1 (uppdragsansvarig) och delprojekt 2 (uppdragsansvarig).",
     "Stefan Almér (Utvecklingschef) takes part in subproject 1 (accountable owner) and subproject 2 (accountable owner)."),
    ("i vilka delprojekt är Andersson med",
     "Flera personer matchar ”Andersson”: Bengt Andersson, Ida Andersson och Ingegerd Andersson. Skriv hela namnet.",
     "Several people match “Andersson”: Bengt Andersson, Ida Andersson and Ingegerd Andersson. Type the full name."),
    ("which subprojects is Greta Garbo in",
     "Ingen person som heter Greta Garbo finns i grafen.", "No person called Greta Garbo is in the graph."),
    ("vilka milstolpar ligger före 2012-04-31",
     "Datumet 2012-04-31 finns inte i kalendern.", "The date 2012-04-31 does not exist."),
    ("vilka milstolpar ligger före 1 maj",
     "Ange ett år i datumet (1 maj), t.ex. 2012-05-01.", "Give a year in the date (1 maj), e.g. 2012-05-01."),
    ("milestones after soon",
     "Datumet ”soon” kunde inte läsas; skriv t.ex. 2012-05-01 eller 1 maj 2012.",
     "The date “soon” could not be read; write e.g. 2012-05-01 or 1 May 2012."),
    ("vilka milstolpar ligger efter 2030-01-01",
     "0 milstolpar ligger efter 2030-01-01; 4 milstolpar har ett omöjligt datum (2012-04-31) och kan inte jämföras: "
     "Förslag överlämnat till kommunchefen (delprojekt 1), Förslag överlämnat till kommunchefen (delprojekt 2), "
     "Förslag överlämnat till kommunchefen (delprojekt 5) och Förslag överlämnat till kommunchefen (delprojekt 6).",
     "0 milestones fall after 2030-01-01; 4 milestones have an impossible date (2012-04-31) and cannot be compared: "
     "Förslag överlämnat till kommunchefen (subproject 1), Förslag överlämnat till kommunchefen (subproject 2), "
     "Förslag överlämnat till kommunchefen (subproject 5) and Förslag överlämnat till kommunchefen (subproject 6)."),
    ("vem leder delprojekt 3 i plan Göteborgs hamn",
     "Ingen lagrad plan matchar ”Göteborgs hamn”.", "No stored plan matches “Göteborgs hamn”."),
]


@pytest.mark.parametrize("question,sv,en", EXACT, ids=[row[0] for row in EXACT])
def test_exact_sentences(seed, question, sv, en):
    assert ask(seed, question, "sv")["answer"] == sv
    assert ask(seed, question, "en")["answer"] == en


def test_not_understood_lists_every_example(seed):
    examples = ask_module.EXAMPLES
    assert ask(seed, "hej")["answer"] == (
        "Inte förstått: frågan kunde inte tolkas. Prova till exempel: " + "; ".join(e["sv"] for e in examples) + ".")
    assert ask(seed, "what is the weather like")["answer"] == (
        "Not understood: I could not interpret the question. Try for example: "
        + "; ".join(e["en"] for e in examples) + ".")


def test_how_the_question_was_understood(seed):
    a = ask(seed, "which decision is intention 8 from in plan KS 2011/0456")
    title = "PROJEKTPLAN FÖR UTVECKLING AV KOMMUNENS NÄRINGSLIVSARBETE (KS 2011/0456)"
    assert a["understood_as"]["text"] == f"Vilket beslut bygger intention 8 på? (i planen {title})"
    assert a["understood_as"]["text_en"] == f"Which decision does intention 8 rest on? (in the plan {title})"
    b = ask(seed, "vilka milstolpar ligger efter maj 2012")
    assert b["understood_as"]["text"] == "Vilka milstolpar ligger efter maj 2012? (i den lagrade planen)"
    assert b["understood_as"]["text_en"] == "Which milestones fall after maj 2012? (in the stored plan)"


# -- sentences built from the facts in the results ----------------------------

def join(items: list[str], lang: str) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + (" och " if lang == "sv" else " and ") + items[-1]


def sub_label(n, lang: str, plan: str | None = None) -> str:
    return ("delprojekt " if lang == "sv" else "subproject ") + str(n) + (f" ({plan})" if plan else "")


def role(r: dict, lang: str) -> str:
    return r["role"]["label_sv" if lang == "sv" else "label_en"].lower()


def numbers(store, kind: str) -> list[int]:
    rows = store.select(q.P + f"SELECT DISTINCT ?n WHERE {{ ?x a sg:{kind} ; sg:number ?n }}")
    return sorted(int(r["n"]) for r in rows)


def decision_label(d: dict, lang: str) -> str:
    kind = {"sv": {"assignment": "uppdrag", "tabling": "bordläggning", "decision": "beslut", "plan": "projektplanen"},
            "en": {"assignment": "assignment", "tabling": "tabling", "decision": "decision", "plan": "the plan"}}[lang]
    if d["kind"] == "plan":
        return f"{kind['plan']} {d['identifier']} ({d['date']})"
    body = d["body"].get("abbreviation") or d["body"]["name"]
    return f"{body} {kind[d['kind']]} {d['date']}" + (f" ({d['identifier']})" if d.get("identifier") else "")


@pytest.mark.parametrize("lang", LANGS)
def test_leaders_and_members_of_every_subproject(seed, lang):
    subs = numbers(seed, "Subproject")
    assert subs == [1, 2, 3, 4, 5, 6]
    for n in subs:
        leaders = ask(seed, f"vem leder delprojekt {n}", lang)
        names = join([f"{r['name']} ({role(r, lang)})" for r in leaders["results"]], lang)
        assert leaders["answer"] == (f"Delprojekt {n} leds av {names}." if lang == "sv" else
                                     f"Subproject {n} is led by {names}.")
        members = ask(seed, f"vilka ingår i delprojekt {n}", lang)
        names = join([f"{r['name']} ({role(r, lang)})" for r in members["results"]], lang)
        assert members["answer"] == (f"I delprojekt {n} ingår {names}." if lang == "sv" else
                                     f"Subproject {n} includes {names}.")


@pytest.mark.parametrize("lang", LANGS)
def test_coverage_of_every_intention(seed, lang):
    intentions = numbers(seed, "Intention")
    assert intentions == list(range(1, 13))
    for n in intentions:
        a = ask(seed, f"vilka delprojekt täcker intention {n}", lang)
        assert a["results"], n
        word = "avgränsning: ”{}”" if lang == "sv" else "scope: “{}”"
        parts = [sub_label(r["number"], lang) + (f" ({word.format(r['scope'])})" if r["scope"] else "")
                 for r in a["results"]]
        assert a["answer"] == (f"Intention {n} täcks av {join(parts, lang)}." if lang == "sv" else
                               f"Intention {n} is addressed by {join(parts, lang)}.")


@pytest.mark.parametrize("lang", LANGS)
def test_what_every_subproject_must_take_into_account(seed, lang):
    for n in numbers(seed, "Subproject"):
        a = ask(seed, f"vad ska delprojekt {n} beakta", lang)
        works = [r for r in a["results"] if r["type"] != "subproject"]
        siblings = sorted(r["number"] for r in a["results"] if r["type"] == "subproject")
        quote = "”{}”" if lang == "sv" else "“{}”"
        parts = [quote.format(w.get("title") or w.get("label")) for w in works]
        if siblings:
            others = "övriga delprojekt" if lang == "sv" else "the other subprojects"
            parts.append(f"{others} ({', '.join(map(str, siblings))})")
        assert parts, n
        assert a["answer"] == (f"Delprojekt {n} ska beakta {join(parts, lang)}." if lang == "sv" else
                               f"Subproject {n} must take into account {join(parts, lang)}.")


@pytest.mark.parametrize("lang", LANGS)
def test_the_decisions_every_subproject_and_intention_rests_on(seed, lang):
    asked = [(f"vilket beslut bygger delprojekt {n} på", f"Delprojekt {n}", f"Subproject {n}")
             for n in numbers(seed, "Subproject")]
    asked += [(f"vilket beslut kommer intention {n} från", f"Intention {n}", f"Intention {n}")
              for n in numbers(seed, "Intention")]
    for question, what_sv, what_en in asked:
        a = ask(seed, question, lang)
        labels = [decision_label(d, lang) for d in a["results"]]
        assert len(labels) > 1, question
        rest = join(labels[1:], lang)
        assert a["answer"] == (f"{what_sv} bygger på {labels[0]}, som i sin tur bygger på {rest}." if lang == "sv" else
                               f"{what_en} rests on {labels[0]}, which in turn builds on {rest}.")


@pytest.mark.parametrize("lang", LANGS)
def test_the_subprojects_of_every_person(seed, lang):
    checked = 0
    for iri, name, _words in q.person_names(seed):
        a = ask(seed, f"i vilka delprojekt är {name} med", lang)
        if "person" not in a:  # a namesake, or a name that is part of another's
            continue
        person = q.show(seed, iri)["data"]
        about = [*person["titles"], *[o.get("abbreviation") or o.get("name") for o in person["affiliations"]]]
        who = f"{name} ({', '.join(x for x in about if x)})" if about else name
        whole = "hela projektet" if lang == "sv" else "the whole project"
        parts = [(sub_label(r["number"], lang) if r["type"] == "subproject" else f"{whole} {r['title']}")
                 + f" ({role(r, lang)})" for r in a["results"]]
        assert a["answer"] == (f"{who} är med i {join(parts, lang)}." if lang == "sv" else
                               f"{who} takes part in {join(parts, lang)}.")
        checked += 1
    assert checked >= 30


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("relation,date", [("före", "2012-05-01"), ("efter", "2012-05-31"), ("före", "2030-01-01"),
                                           ("före", "2012-02-14"), ("efter", "2013-12-31")])
def test_milestones_before_and_after(seed, lang, relation, date):
    a = ask(seed, f"vilka milstolpar ligger {relation} {date}", lang)
    items, invalid = a["results"], a["invalid_dates"]
    # Labels name the plan when the owners span more than one plan; a milestone of the whole
    # project counts as its own plan, so one plan's list never names the plan.
    many = len({m["of"]["iri"] if m["of"]["type"] == "project" else (m["of"].get("project") or {}).get("iri")
                for m in items + invalid}) > 1

    def owner(m):
        of = m["of"]
        if of["type"] == "subproject":
            return sub_label(of["number"], lang, of["project"]["title"] if many else None)
        return "projektet" if lang == "sv" else "the project"

    word = relation if lang == "sv" else {"före": "before", "efter": "after"}[relation]
    head = (f"{len(items)} milstolpar ligger {word} {date}" if lang == "sv" else
            f"{len(items)} milestones fall {word} {date}")
    if items:
        head += ": " + join([f"{m['label']} ({owner(m)}, {m['date']})" for m in items[:12]], lang)
        if len(items) > 12:
            head += (f" med flera ({len(items) - 12} till)" if lang == "sv" else f" and more ({len(items) - 12} others)")
    if invalid:
        texts = ", ".join(sorted({m["date_text"] for m in invalid}))
        listed = join([f"{m['label']} ({owner(m)})" for m in invalid], lang)
        head += (f"; {len(invalid)} milstolpar har ett omöjligt datum ({texts}) och kan inte jämföras: {listed}"
                 if lang == "sv" else
                 f"; {len(invalid)} milestones have an impossible date ({texts}) and cannot be compared: {listed}")
    assert a["answer"] == head + "."


def test_more_than_twelve_milestones_are_cut_short(seed):
    a = ask(seed, "vilka milstolpar ligger före 2030-01-01", "sv")
    assert len(a["results"]) > 12 and f" med flera ({len(a['results']) - 12} till); " in a["answer"]
    b = ask(seed, "vilka milstolpar ligger före 2030-01-01", "en")
    assert f" and more ({len(b['results']) - 12} others); " in b["answer"]


@pytest.mark.parametrize("lang", LANGS)
def test_overlaps(seed, lang):
    a = ask(seed, "vilka delprojekt överlappar", lang)
    pairs = a["results"]
    assert len(pairs) > 3

    def pair(p):
        score = str(p["score"]).replace(".", ",") if lang == "sv" else str(p["score"])
        why = p["reasons"][0]["detail"]
        return f"{sub_label(p['a']['number'], lang)} {'och' if lang == 'sv' else 'and'} {p['b']['number']} ({score}: {why})"

    listed = join([pair(p) for p in pairs[:3]], lang)
    assert a["answer"] == (f"{len(pairs)} par av delprojekt överlappar (poäng ≥ 0,1); mest: {listed}." if lang == "sv" else
                           f"{len(pairs)} pairs of subprojects overlap (score ≥ 0.1); most: {listed}.")


# -- branches the seed does not reach -----------------------------------------

def replaced(monkeypatch, name, change):
    """Replace query `name` of graph.queries (as ask sees it) by `change(original result)`."""
    original = getattr(getattr(q, name), "original", getattr(q, name))

    def changed(*args, **kwargs):
        return change(original(*args, **kwargs))

    changed.original = original
    monkeypatch.setattr(ask_module.q, name, changed)


def answers(store, question) -> tuple[str, str]:
    return ask(store, question, "sv")["answer"], ask(store, question, "en")["answer"]


def test_a_chain_through_the_plan(seed, monkeypatch):
    replaced(monkeypatch, "trace", lambda tr: dict(tr, chain=tr["chain"][:1], note={"sv": "-", "en": "-"}))
    assert answers(seed, "vilket beslut kommer intention 8 från") == (
        "Intention 8 står i KLU beslut 2012-02-07.", "Intention 8 is stated in KLU decision 2012-02-07.")
    replaced(monkeypatch, "trace", lambda tr: dict(tr, chain=tr["chain"][:3], note={"sv": "-", "en": "-"}))
    assert answers(seed, "vilket beslut bygger delprojekt 1 på") == (
        "Delprojekt 1 är inte kopplad till ett enskilt beslut i grafen; den står i projektplanen KS 2011/0456 "
        "(2012-02-22), som bygger på KLU beslut 2012-02-07 och KLU bordläggning 2011-12-06.",
        "Subproject 1 is not linked to a single decision in the graph; it is stated in the plan KS 2011/0456 "
        "(2012-02-22), which builds on KLU decision 2012-02-07 and KLU tabling 2011-12-06.")


def test_no_chain(seed, monkeypatch):
    replaced(monkeypatch, "trace", lambda tr: dict(tr, chain=[], note=None))
    assert answers(seed, "vilket beslut bygger delprojekt 1 på") == (
        "Delprojekt 1 är inte kopplat till något beslut i grafen.", "Subproject 1 is not linked to any decision in the graph.")


def test_nothing_or_only_siblings_to_take_into_account(seed, monkeypatch):
    replaced(monkeypatch, "dependencies", lambda d: dict(d, depends_on=[]))
    assert answers(seed, "vad ska delprojekt 2 beakta") == (
        "För delprojekt 2 anges inget att beakta.", "Nothing to take into account is stated for subproject 2.")
    replaced(monkeypatch, "dependencies",
             lambda d: dict(d, depends_on=[x for x in d["depends_on"] if x["type"] == "subproject"]))
    assert answers(seed, "vad ska delprojekt 2 beakta") == (
        "Delprojekt 2 ska beakta övriga delprojekt (1, 3, 4, 5, 6).",
        "Subproject 2 must take into account the other subprojects (1, 3, 4, 5, 6).")


def test_no_overlaps_or_no_reasons(seed, monkeypatch):
    replaced(monkeypatch, "overlaps", lambda pairs: [])
    assert answers(seed, "vilka delprojekt överlappar") == (
        "Inga delprojekt överlappar enligt grafen.", "No subprojects overlap according to the graph.")
    replaced(monkeypatch, "overlaps", lambda pairs: [dict(p, reasons=[], score=0.5) for p in pairs[:1]])
    assert answers(seed, "vilka delprojekt överlappar") == (
        "1 par av delprojekt överlappar (poäng ≥ 0,1); mest: delprojekt 1 och 2 (0,5).",
        "1 pairs of subprojects overlap (score ≥ 0.1); most: subproject 1 and 2 (0.5).")


def test_a_person_without_roles(seed, monkeypatch):
    replaced(monkeypatch, "_people", lambda people: [dict(p, roles=[]) for p in people])
    assert answers(seed, "i vilka delprojekt är Karolina Davidsson med") == (
        "Karolina Davidsson (VD, HNAB) har ingen roll i något delprojekt.",
        "Karolina Davidsson (VD, HNAB) has no role in any subproject.")


def test_an_intention_no_subproject_addresses(seed, monkeypatch):
    replaced(monkeypatch, "intentions", lambda found: [dict(i, covered_by=[]) for i in found])
    assert answers(seed, "vilka delprojekt täcker intention 8") == (
        "Inget delprojekt täcker intention 8.", "No subproject addresses intention 8.")
    replaced(monkeypatch, "intentions",
             lambda found: [dict(i, covered_by=[dict(c, scope=None) for c in i["covered_by"]]) for i in found])
    assert answers(seed, "vilka delprojekt täcker intention 8") == (
        "Intention 8 täcks av delprojekt 1 och delprojekt 2.", "Intention 8 is addressed by subproject 1 and subproject 2.")


def test_nobody_leads_and_nobody_named(seed, monkeypatch):
    monkeypatch.setattr(role_table, "ROLES", {k: dataclasses.replace(r, leads=False) for k, r in role_table.ROLES.items()})
    assert answers(seed, "vem leder delprojekt 3") == (
        "Delprojekt 3 har ingen angiven ledare.", "Subproject 3 has no stated leader.")

    class NoMembers:  # the seed store, answering no memberships
        def __getattr__(self, name):
            return getattr(seed, name)

        def select(self, sparql, *args, **kwargs):
            return [] if "org:member ?person" in sparql else seed.select(sparql, *args, **kwargs)

    assert answers(NoMembers(), "vilka ingår i delprojekt 3") == (
        "I delprojekt 3 anges inga personer.", "Subproject 3 names no people.")


def test_a_number_in_too_many_plans(seed, monkeypatch):
    monkeypatch.setattr(answer_module, "MAX_PLANS", 0)
    plan = "KS 2011/0456 (PROJEKTPLAN FÖR UTVECKLING AV KOMMUNENS NÄRINGSLIVSARBETE)"
    assert answers(seed, "vem leder delprojekt 3") == (
        f"Delprojekt 3 finns i 1 planer; ange vilken med ”i plan …” (Dnr, id eller ord ur titeln), t.ex. i plan {plan}.",
        f"Subproject 3 exists in 1 plans; name one with “in plan …” (case number, id or words of the title), "
        f"e.g. in plan {plan}.")
    assert answers(seed, "vilka delprojekt täcker intention 8")[1].startswith("Intention 8 exists in 1 plans; ")


# -- two plans ------------------------------------------------------------------

TWIN_TITLE = "PROJEKTPLAN FÖR EN TVILLINGPLAN"


@pytest.fixture(scope="module")
def two_plans(tmp_path_factory):
    """The seed, and the seed's text once more under another Dnr and title: a second plan."""
    folder = tmp_path_factory.mktemp("two-plans")
    text = SEED_TEXT.read_text(encoding="utf-8")
    twin = folder / "twin.txt"
    twin.write_text(text.replace("KS 2011/0456", "KS 2019/0123").replace(
        "PROJEKTPLAN FÖR UTVECKLING AV KOMMUNENS NÄRINGSLIVSARBETE", TWIN_TITLE), encoding="utf-8")
    store = open_store(str(folder / "store"))
    assert [ingest_file(store, f).status for f in (SEED_TEXT, twin)] == ["ingested", "ingested"]
    yield store
    store.close()


@pytest.mark.parametrize("lang", LANGS)
def test_each_part_names_its_plan(two_plans, lang):
    a = ask(two_plans, "vilka delprojekt täcker intention 8", lang)
    word = "avgränsning: ”{}”" if lang == "sv" else "scope: “{}”"
    parts = [f"{sub_label(r['number'], lang, r['project']['title'])} ({word.format(r['scope'])})" for r in a["results"]]
    assert len(parts) == 4 and {r["project"]["title"] for r in a["results"]} >= {TWIN_TITLE}
    assert a["answer"] == (f"Intention 8 täcks av {join(parts, lang)}." if lang == "sv" else
                           f"Intention 8 is addressed by {join(parts, lang)}.")
    b = ask(two_plans, "vilket beslut bygger delprojekt 1 på", lang)
    plans = sorted(r["basis_of"]["iri"] for r in b["results"])
    assert len(set(plans)) == 2
    assert b["answer"].count(" (PROJEKTPLAN FÖR ") == 2 and "KS 2019/0123 (2012-02-22)" in b["answer"]
    leaders = ask(two_plans, "vem leder delprojekt 3", lang)
    assert leaders["understood_as"]["text"].endswith("(i alla 2 lagrade planer)")
    # The people are shared by both plans (one municipality): each is named once per subproject.
    per_sub = [(r["subproject"]["iri"], r["iri"], r["role"]["key"]) for r in leaders["results"]]
    assert len(per_sub) == len(set(per_sub)) == 4
    for r in leaders["results"]:
        assert leaders["answer"].count(f"{r['name']} (") == 2  # once in each plan's part


def test_two_plans_over_the_limit(two_plans, monkeypatch):
    monkeypatch.setattr(answer_module, "MAX_PLANS", 1)
    sv, en = answers(two_plans, "vad ska delprojekt 2 beakta")
    plans = ("i plan KS 2011/0456 (PROJEKTPLAN FÖR UTVECKLING AV KOMMUNENS NÄRINGSLIVSARBETE); "
             f"i plan KS 2019/0123 ({TWIN_TITLE})")
    assert sv == f"Delprojekt 2 finns i 2 planer; ange vilken med ”i plan …” (Dnr, id eller ord ur titeln), t.ex. {plans}."
    assert en.startswith("Subproject 2 exists in 2 plans; name one with “in plan …”")
