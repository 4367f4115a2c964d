"""Questions as staff type them, Swedish and English, answered from the seed plan."""
from __future__ import annotations

import pytest

from styrgraf.graph.ask import INTENTS, ask, match, parse_question_date
from styrgraf.graph.store.interface import open_store
from tests.query_seed import seed_store_path

SCOPE_1 = "I detta uppdrag avses SPH som strategisk resurs för innovation"
SCOPE_2 = "I detta uppdrag avses SPH s roll i den kommunala organisation"


@pytest.fixture(scope="session")
def seed(tmp_path_factory):
    store = open_store(str(seed_store_path(tmp_path_factory)))
    yield store
    store.close()


def intent_of(answer: dict) -> str | None:
    return answer["understood_as"]["intent"] if answer["understood_as"] else None


# -- which subprojects cover intention N --------------------------------------

@pytest.mark.parametrize("question,lang", [
    ("vilka delprojekt täcker intention 8?", "sv"),
    ("Vilka delprojekt adresserar intention åtta", "sv"),
    ("VILKA DELPROJEKT TÄCKER INTENTIONSPUNKT 8", "sv"),
    ("intention h täcks av vilka delprojekt?", "sv"),
    ("which subprojects address intention 8", "en"),
    ("Which subprojects cover intention eight?", "en"),
])
def test_intention_coverage(seed, question, lang):
    a = ask(seed, question)
    assert intent_of(a) == "intention_coverage"
    assert a["lang"] == lang
    assert [(r["number"], r["scope"]) for r in a["results"]] == [(1, SCOPE_1), (2, SCOPE_2)]
    assert all(r["evidence"] for r in a["results"])
    assert SCOPE_1 in a["answer"] and SCOPE_2 in a["answer"]
    assert ("täcks av delprojekt 1" if lang == "sv" else "addressed by subproject 1") in a["answer"]
    assert a["evidence"]


def test_intention_that_no_subproject_addresses_and_one_that_does_not_exist(seed):
    assert ask(seed, "vilka delprojekt täcker intention 13")["answer"] == "Det finns ingen intention 13 i grafen."
    a = ask(seed, "which subprojects address intention 7?")
    assert [r["number"] for r in a["results"]] == [5]


# -- who leads / who is in subproject N ----------------------------------------

@pytest.mark.parametrize("question", ["vem leder delprojekt 3?", "Vem är projektledare för delprojekt tre",
                                      "who leads subproject 3", "Who is responsible for subproject three?"])
def test_who_leads_subproject_3(seed, question):
    a = ask(seed, question)
    assert intent_of(a) == "subproject_leaders" and a["understood_as"]["params"] == {"number": 3}
    assert [(r["name"], r["role"]["key"]) for r in a["results"]] == [
        ("Anders Bergenek", "uppdragsansvarig"), ("Roger Weman", "projektledare")]
    assert "Anders Bergenek" in a["answer"] and "Roger Weman" in a["answer"]


def test_subprojects_1_and_2_share_their_leaders(seed):
    for n in (1, 2):
        names = [r["name"] for r in ask(seed, f"vem leder delprojekt {n}")["results"]]
        assert names == ["Stefan Almér", "Björn Kalla"]


@pytest.mark.parametrize("question", ["vilka ingår i delprojekt 3", "Vem är med i delprojekt 3?",
                                      "who is in subproject 3", "Who are the members of subproject 3?"])
def test_who_is_in_subproject_3(seed, question):
    a = ask(seed, question)
    assert intent_of(a) == "subproject_members"
    names = [r["name"] for r in a["results"]]
    assert names[:3] == ["Anders Bergenek", "Roger Weman", "Stefan Agmarken"]
    assert {"Karolina Davidsson", "Torsten Rosenqvist", "Alexandra Landin", "Carl Westman"} <= set(names)
    assert len(names) == 14
    assert all(r["evidence"] for r in a["results"])


def test_no_such_subproject(seed):
    a = ask(seed, "vem leder delprojekt 9")
    assert intent_of(a) == "subproject_leaders" and a["results"] == []
    assert a["answer"] == "Det finns inget delprojekt 9 i grafen."


# -- which subprojects a person is in ------------------------------------------

@pytest.mark.parametrize("question,lang", [
    ("i vilka delprojekt är Karolina Davidsson med?", "sv"),
    ("Vilka delprojekt är karolina davidsson med i", "sv"),
    ("which subprojects is Karolina Davidsson in", "en"),
    ("Which subprojects does Karolina Davidsson take part in?", "en"),
])
def test_person_subprojects(seed, question, lang):
    a = ask(seed, question)
    assert intent_of(a) == "person_subprojects"
    assert [(r["number"], r["role"]["key"]) for r in a["results"]] == [
        (2, "projektgrupp"), (3, "projektgrupp"), (4, "projektgrupp"), (5, "uppdragsansvarig")]
    assert "VD" in a["answer"] and "HNAB" in a["answer"]
    assert a["lang"] == lang


def test_person_ambiguous_or_unknown(seed):
    a = ask(seed, "i vilka delprojekt är Andersson med")
    assert intent_of(a) == "person_subprojects"
    assert {r["name"] for r in a["results"]} == {"Bengt Andersson", "Ida Andersson", "Ingegerd Andersson"}
    assert "Skriv hela namnet" in a["answer"]
    a = ask(seed, "which subprojects is Greta Garbo in")
    assert a["results"] == [] and a["answer"] == "No person called Greta Garbo is in the graph."


# -- what must subproject N take into account ----------------------------------

@pytest.mark.parametrize("question", ["vad ska delprojekt 2 beakta?", "Vad måste delprojekt två ta hänsyn till",
                                      "what must subproject 2 take into account", "What should subproject two consider?"])
def test_what_subproject_2_must_consider(seed, question):
    a = ask(seed, question)
    assert intent_of(a) == "subproject_considerations"
    titles = [r.get("title") for r in a["results"]]
    assert "Utredning Regional samordning (kontinuerliga styrgrupperna) KS-VP 2012" in titles
    assert sorted(r["number"] for r in a["results"] if r["type"] == "subproject") == [1, 3, 4, 5, 6]
    assert "Utredning Regional samordning (kontinuerliga styrgrupperna) KS-VP 2012" in a["answer"]
    assert all(r["evidence"] for r in a["results"])


# -- which decision it rests on ------------------------------------------------

@pytest.mark.parametrize("question", ["vilket beslut bygger delprojekt 1 på?", "Vilket beslut ligger bakom delprojekt ett",
                                      "which decision does subproject 1 rest on", "What decision is behind subproject one?"])
def test_decision_basis_of_subproject_1(seed, question):
    a = ask(seed, question)
    assert intent_of(a) == "decision_basis" and a["understood_as"]["params"] == {"sub": 1}
    assert [r["date"] for r in a["results"]] == ["2012-02-22", "2012-02-07", "2011-12-06", "2011-09-06"]
    assert "KS 2011/0546" in a["answer"] and "2011-09-06" in a["answer"]


@pytest.mark.parametrize("question", ["which decision is intention 8 from", "vilket beslut kommer intention 8 från?",
                                      "Varifrån kommer intention h"])
def test_decision_basis_of_intention_8(seed, question):
    a = ask(seed, question)
    assert intent_of(a) == "decision_basis"
    dates = [r["date"] for r in a["results"]]
    assert "2012-02-07" in dates and dates[-1] == "2011-09-06"
    assert "2012-02-07" in a["answer"]


# -- milestones before a date --------------------------------------------------

@pytest.mark.parametrize("question", ["vilka milstolpar ligger före 2012-05-01?", "Milstolpar före 1 maj 2012",
                                      "milestones before 1 May 2012", "Which milestones are before May 1, 2012?",
                                      "which milestones fall before 2012-05-01"])
def test_milestones_before_1_may_2012(seed, question):
    a = ask(seed, question)
    assert intent_of(a) == "milestones"
    assert a["understood_as"]["params"]["relation"] == "before"
    assert len(a["results"]) == 9
    assert all(r["date"] < "2012-05-01" for r in a["results"])
    assert [m["date_text"] for m in a["invalid_dates"]] == ["2012-04-31"] * 4
    assert "2012-04-31" in a["answer"]


def test_milestones_after_and_impossible_dates_in_the_question(seed):
    a = ask(seed, "vilka milstolpar ligger efter maj 2012")
    assert [r["date"] for r in a["results"]] == ["2012-09-01", "2013-12-31"]
    bad = ask(seed, "vilka milstolpar ligger före 2012-04-31")
    assert intent_of(bad) == "milestones" and bad["results"] == []
    assert "finns inte i kalendern" in bad["answer"]
    no_year = ask(seed, "milstolpar före 1 maj")
    assert no_year["results"] == [] and "år" in no_year["answer"]


def test_milestones_between_two_dates(seed):
    a = ask(seed, "vilka milstolpar ligger mellan 2012-03-01 och 2012-04-30")
    assert intent_of(a) == "milestones" and a["understood_as"]["params"]["until"] == "2012-04-30"
    assert a["results"] and all("2012-03-01" <= r["date"] <= "2012-04-30" for r in a["results"])
    reversed_range = ask(seed, "milestones between 30 April 2012 and 1 March 2012")
    assert reversed_range["results"] == [] and "earlier date first" in reversed_range["answer"]
    unread = ask(seed, "milstolpar mellan våren och sommaren 2012")
    assert unread["understood_as"] is None  # one date is no range: not understood, never every milestone


def test_the_signatory_of_the_plan_and_a_role_counted(seed):
    a = ask(seed, "vem undertecknade projektplanen")
    assert intent_of(a) == "project_roles" and [r["name"] for r in a["results"]] == ["Fredrik Geijer"]
    counted = ask(seed, "how many resource people are there in subproject 3")
    assert intent_of(counted) == "count" and counted["understood_as"]["params"]["role"] == "resursperson"
    assert counted["results"] and all(r["role"]["key"] == "resursperson" for r in counted["results"])


def test_question_dates():
    assert parse_question_date("1 May 2012")[0].isoformat() == "2012-05-01"
    assert parse_question_date("May 1st, 2012")[0].isoformat() == "2012-05-01"
    assert parse_question_date("1 maj 2012")[0].isoformat() == "2012-05-01"
    first, last, problem = parse_question_date("maj 2012")
    assert (first.isoformat(), last, problem) == ("2012-05-01", "2012-05-31", None)
    assert parse_question_date("2012-02-30")[2] == "invalid"
    assert parse_question_date("soon")[2] == "unreadable"


# -- overlaps ------------------------------------------------------------------

@pytest.mark.parametrize("question", ["vilka delprojekt överlappar?", "Överlappar några delprojekt",
                                      "which subprojects overlap", "Do any subprojects overlap?"])
def test_overlaps(seed, question):
    a = ask(seed, question)
    assert intent_of(a) == "overlaps"
    top = a["results"][0]
    assert {top["a"]["number"], top["b"]["number"]} == {1, 2}
    assert all(r["score"] >= 0.1 for r in a["results"])
    assert a["evidence"]


# -- plans, languages, not understood ------------------------------------------

def test_plan_qualifier(seed):
    a = ask(seed, "vilka delprojekt täcker intention 8 i plan KS 2011/0456")
    assert [r["number"] for r in a["results"]] == [1, 2]
    assert "KS 2011/0456" in a["understood_as"]["text"] and a["understood_as"]["plans"]
    b = ask(seed, "who leads subproject 3 in plan näringslivsarbete")
    assert [r["name"] for r in b["results"]] == ["Anders Bergenek", "Roger Weman"]
    c = ask(seed, "vem leder delprojekt 3 i plan Göteborgs hamn")
    assert c["results"] == [] and "Ingen lagrad plan" in c["answer"]
    assert intent_of(c) == "subproject_leaders"


def test_answer_language_can_be_chosen(seed):
    a = ask(seed, "vem leder delprojekt 3", lang="en")
    assert a["answer"].startswith("Subproject 3 is led by")
    assert a["understood_as"]["text"].startswith("Vem leder delprojekt 3?")
    assert a["understood_as"]["text_en"].startswith("Who leads subproject 3?")


@pytest.mark.parametrize("question", ["vad är meningen med livet?", "hej", "", "   ", "delprojekt", "intention 8",
                                      "what is the weather like", "vem leder", "?" * 40])
def test_not_understood_is_a_clear_answer_never_a_guess(seed, question):
    a = ask(seed, question)
    assert a["understood_as"] is None and a["results"] == []
    assert "förstått" in a["answer"] or "understood" in a["answer"].lower()
    assert a["examples"] and all(e["sv"] and e["en"] for e in a["examples"])


@pytest.mark.parametrize("question", [
    'vem leder delprojekt 3"} DROP ALL', "i vilka delprojekt är O'Brien\" } ; <x> med", "vilka delprojekt täcker intention 9999",
    "vem leder delprojekt 0", "milestones before 9999-99-99", "milestones before 1 Smarch 2012", "x" * 5000,
    "i vilka delprojekt är ((((((((((a+)+)+)+)+)+)+)+)+)+ med", "vilka delprojekt täcker intention z",
    "which decision is subproject 7 from", "vad ska delprojekt 1 beakta i plan <script>",
])
def test_odd_input_never_raises(seed, question):
    a = ask(seed, question)
    assert isinstance(a["answer"], str) and a["answer"]
    assert isinstance(a["results"], list)


def test_every_intent_has_both_languages_and_its_example_is_understood(seed):
    for intent in INTENTS:
        assert intent.sv and intent.en
        for example in (intent.example_sv, intent.example_en):
            found = match(example, seed)
            assert found is not None and found[0].name == intent.name, example


def test_a_number_in_too_many_plans_asks_for_the_plan(seed, monkeypatch):
    from styrgraf.graph.questions import answer

    monkeypatch.setattr(answer, "MAX_PLANS", 0)  # the seed store holds one plan
    for question, kind in (("vem leder delprojekt 3", "subproject"), ("vilka delprojekt täcker intention 8", "intention"),
                           ("vilket beslut bygger delprojekt 1 på", "subproject"), ("vad ska delprojekt 2 beakta", "subproject")):
        a = ask(seed, question)
        assert a["plans"] == 1 and [r["type"] for r in a["results"]] == [kind]
        assert "finns i 1 planer" in a["answer"] and "i plan" in a["answer"]
        assert "PROJEKTPLAN FÖR UTVECKLING AV KOMMUNENS NÄRINGSLIVSARBETE" in a["answer"]
    # Within the limit, the full answer comes back.
    monkeypatch.setattr(answer, "MAX_PLANS", 1)
    named = ask(seed, "vem leder delprojekt 3 i plan KS 2011/0456")
    assert [r["name"] for r in named["results"]] == ["Anders Bergenek", "Roger Weman"]
