"""The read side of meetings (graph.meetings) and the questions about minutes (graph.ask), on
constructed minutes of an invented municipality ingested into a real embedded store."""
from __future__ import annotations

import pytest

from styrgraf.graph import meetings as mt
from styrgraf.graph.ask import ask
from styrgraf.graph.queries import NotFound
from styrgraf.graph.store.interface import open_store
from tests.graph.minutes_builder import build_minutes_store, page_text


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = open_store(str(build_minutes_store(tmp_path_factory.mktemp("minutes") / "store")), read_only=True)
    yield s
    s.close()


@pytest.fixture(scope="module")
def board(store):
    (item,) = mt.meetings(store, body="KS")
    return mt.meeting(store, item["id"])


def _quotes(evidence: list[dict]) -> list[str]:
    return [e["quote"] for e in evidence]


def _verbatim(store, evidence: list[dict]) -> None:
    assert evidence
    for e in evidence:
        assert page_text(store, e)[e["start"]:e["end"]] == e["quote"], e


def test_list_filters_and_fields(store):
    every = mt.meetings(store)
    assert [(m["date"], m["body"]["abbreviation"], m["paragraphs"], m["extract"]) for m in every] == [
        ("2022-09-12", "KS", 2, False), ("2022-10-03", "KF", 1, True)]
    assert every[0]["place"] == "Kommunhuset, Tallsalen, måndag den 12 september 2022, kl. 09.00–12.10"
    assert every[0]["document"]["type"] == "document" and every[0]["type"] == "meeting"
    assert all(m["evidence"] for m in every)
    assert [m["date"] for m in mt.meetings(store, body="kommunfullmäktige")] == ["2022-10-03"]
    assert [m["date"] for m in mt.meetings(store, body="Kommunstyrelsens")] == ["2022-09-12"]
    assert [m["body"]["abbreviation"] for m in mt.meetings(store, date="2022-10-03")] == ["KF"]
    assert mt.meetings(store, body="KS", date="2022-10-03") == []
    assert mt.meetings(store, body="byggnadsnämnden") == []
    with pytest.raises(ValueError):
        mt.meetings(store, date="2022-02-30")


def test_page_counts_the_whole_list(store):
    page = mt.meetings_page(store, offset=1, limit=1)
    assert (page.total, len(page.items), page.next_offset) == (2, 1, None)
    assert page.items[0]["body"]["abbreviation"] == "KF"


def test_cover_facts_with_their_own_evidence(store, board):
    assert board["date"] == "2022-09-12" and _quotes(board["date_evidence"]) == ["2022-09-12"]
    assert board["body"]["name"] == "Kommunstyrelsen"
    assert board["place_time"]["text"] == "Kommunhuset, Tallsalen, måndag den 12 september 2022, kl. 09.00–12.10"
    assert _quotes(board["place_time"]["evidence"]) == [board["place_time"]["text"]]
    assert board["adjustment"]["text"] == "Kommunhuset, 2022-09-15 kl. 14.00"
    assert _quotes(board["adjustment"]["evidence"]) == ["Kommunhuset, 2022-09-15 kl. 14.00"]
    assert (board["paragraph_range"]["text"], board["first_paragraph"], board["last_paragraph"]) == ("112-113", 112, 113)
    assert board["notice_posted"]["date"] == "2022-09-16" and _quotes(board["notice_posted"]["evidence"]) == ["2022-09-16"]
    assert board["notice_removed"]["date"] == "2022-10-10"
    assert board["extract"] is False
    for fact in ("place_time", "adjustment", "paragraph_range", "notice_posted", "notice_removed"):
        _verbatim(store, board[fact]["evidence"])


def test_participants(store, board):
    people = {p["person"]["name"]: p for p in board["participants"]}
    assert list(people) == ["Ingrid Vall", "Per Holmgren", "Märta Lunde", "Rolf Sparre", "Sanna Björk", "Agnes Tor"]
    roles = {name: [r["key"] for r in p["roles"]] for name, p in people.items()}
    assert roles["Ingrid Vall"] == ["ordforande", "ledamot"]
    assert roles["Per Holmgren"] == ["viceordforande", "ledamot"]
    assert roles["Märta Lunde"] == ["ledamot", "justerare"]
    assert roles["Rolf Sparre"] == ["ersattare"] and roles["Agnes Tor"] == ["sekreterare"]
    assert people["Ingrid Vall"]["person"]["party"] == "S"
    assert people["Rolf Sparre"]["replaces"]["name"] == "Karl Öst"
    assert (people["Sanna Björk"]["paragraphs"], people["Sanna Björk"]["person"]["title"]) == ("112", "kommundirektör")
    assert "Ingrid Vall (S), ordförande" in _quotes(people["Ingrid Vall"]["evidence"])
    assert [p["person"]["name"] for p in mt.with_role(board, "justerare")] == ["Märta Lunde"]
    for p in board["participants"]:
        _verbatim(store, p["evidence"])


def test_paragraphs(store, board):
    first, second = board["paragraphs"]
    assert (first["number"], first["ordinal"], first["identifier"], first["title"]) == (
        "112", 112, "KS 2022/140", "Laddinfrastruktur vid kommunens anläggningar")
    assert _quotes(first["identifier_evidence"]) == ["KS 2022/140"]
    assert _quotes(first["title_evidence"]) == ["Laddinfrastruktur vid kommunens anläggningar"]
    assert first["proposal"]["text"] == "Arbetsutskottet föreslår att kommunstyrelsen antar handlingsplanen."
    assert _quotes(first["proposal"]["evidence"]) == [first["proposal"]["text"]]
    decision = first["decision"]
    assert decision["type"] == "decision" and decision["date"] == "2022-09-12"
    assert [p["text"] for p in decision["points"]] == [
        "att anta handlingsplanen för laddinfrastruktur", "att uppdra åt tekniska förvaltningen att genomföra planen."]
    assert all(p["evidence"] for p in decision["points"]) and decision["evidence"]
    assert [r["text"] for r in first["sent_to"]] == ["Tekniska förvaltningen", "Ekonomiavdelningen"]
    assert [_quotes(r["evidence"]) for r in first["sent_to"]] == [["Tekniska förvaltningen"], ["Ekonomiavdelningen"]]
    assert first["reservations"] == [] and first["motions"] == []
    assert (second["number"], second["identifier"]) == ("113", "KS 2022/155")
    assert second["decision"]["text"] == "Kommunstyrelsen beslutar att sälja fastigheten Granen 4."
    assert [(m["kind"], [p["name"] for p in m["movers"]], m["parties"]) for m in second["motions"]] == [
        ("avslag", ["Per Holmgren"], ["M"]), ("bifall", ["Ingrid Vall"], ["S"])]
    assert second["motions"][0]["proposal"] == "avslag på förslaget"
    assert _quotes(second["motions"][0]["evidence"]) == ["Per Holmgren (M) yrkar avslag på förslaget"]
    (vote,) = second["votes"]
    assert vote["adopted"] == "förslaget" and vote["text"].startswith("Ordföranden ställer proposition")
    assert _quotes(vote["evidence"]) == [vote["text"]] and first["votes"] == []
    (res,) = second["reservations"]
    assert [m["name"] for m in res["members"]] == ["Per Holmgren", "Rolf Sparre"] and res["parties"] == ["M"]
    assert "reserverar sig mot beslutet" in res["text"]
    for p in board["paragraphs"]:
        _verbatim(store, p["evidence"] + p["identifier_evidence"] + [e for r in p["reservations"] for e in r["evidence"]])


def test_meeting_by_its_minutes_and_unknown_ids(store, board):
    assert mt.meeting(store, board["document"]["id"])["iri"] == board["iri"]
    assert mt.meeting(store, board["iri"])["id"] == board["id"]
    for bad in ("nope", "x" * 600, "<bad>", board["paragraphs"][0]["id"]):
        with pytest.raises(NotFound):
            mt.meeting(store, bad)


def test_extract(store):
    (item,) = mt.meetings(store, body="KF")
    council = mt.meeting(store, item["id"])
    assert council["extract"] is True and council["date"] == "2022-10-03"
    (para,) = council["paragraphs"]
    assert (para["number"], para["identifier"]) == ("88", "KS 2022/140")
    assert para["decision"]["text"] == "Kommunfullmäktige beslutar att godkänna handlingsplanen."


def test_paragraphs_for_case(store):
    found = mt.paragraphs_for_case(store, "ks 2022/140")
    assert [(p["meeting"]["date"], p["number"]) for p in found] == [("2022-09-12", "112"), ("2022-10-03", "88")]
    assert mt.paragraphs_for_case(store, "KS 2099/1") == []


# -- questions ------------------------------------------------------------------------------------------------

def _ask(store, question, intent):
    answer = ask(store, question)
    assert answer["understood_as"] is not None and answer["understood_as"]["intent"] == intent, answer
    return answer


@pytest.mark.parametrize("question, lang", [
    ("Vad beslutade kommunstyrelsen 2022-09-12?", "sv"),
    ("Vilka beslut fattade KS den 12 september 2022", "sv"),
    ("What did KS decide on 12 September 2022?", "en"),
])
def test_what_a_body_decided(store, question, lang):
    answer = _ask(store, question, "meeting_decisions")
    assert answer["lang"] == lang
    assert [p["number"] for p in answer["results"]] == ["112", "113"]
    assert "att anta handlingsplanen för laddinfrastruktur" in answer["answer"]
    assert "sälja fastigheten Granen 4" in answer["answer"]
    assert answer["answer"].startswith("Vid Kommunstyrelsens sammanträde 2022-09-12 beslutades" if lang == "sv"
                                       else "At the Kommunstyrelsen meeting of 2022-09-12, it was decided")
    assert answer["evidence"] and "(i den lagrade planen)" not in answer["understood_as"]["text"]


@pytest.mark.parametrize("question, expected", [
    ("Vem var ordförande vid kommunstyrelsens sammanträde 2022-09-12?",
     "Ordförande vid Kommunstyrelsens sammanträde 2022-09-12 var Ingrid Vall (S)."),
    ("Who chaired the KS meeting on 2022-09-12?", "The Kommunstyrelsen meeting of 2022-09-12 was chaired by Ingrid Vall (S)."),
])
def test_who_chaired(store, question, expected):
    answer = _ask(store, question, "meeting_chair")
    assert answer["answer"] == expected
    assert [r["name"] for r in answer["results"]] == ["Ingrid Vall"]
    assert answer["results"][0]["role"]["key"] == "ordforande"
    assert _quotes(answer["evidence"]) == ["Ingrid Vall (S), ordförande"]


@pytest.mark.parametrize("question, expected", [
    ("Vem justerade protokollet från kommunstyrelsens sammanträde 2022-09-12?",
     "Protokollet från Kommunstyrelsens sammanträde 2022-09-12 justerades av Märta Lunde (C) "
     "(Kommunhuset, 2022-09-15 kl. 14.00)."),
    ("Who adjusted the minutes of KS on 2022-09-12?",
     "The minutes of the Kommunstyrelsen meeting of 2022-09-12 were adjusted by Märta Lunde (C) "
     "(Kommunhuset, 2022-09-15 kl. 14.00)."),
])
def test_who_adjusted(store, question, expected):
    answer = _ask(store, question, "meeting_adjusters")
    assert answer["answer"] == expected
    assert "Kommunhuset, 2022-09-15 kl. 14.00" in _quotes(answer["evidence"])


@pytest.mark.parametrize("question", ["Vilka paragrafer gäller KS 2022/140?", "Which paragraphs concern ks 2022/140?"])
def test_paragraphs_of_a_case(store, question):
    answer = _ask(store, question, "case_paragraphs")
    assert [(p["meeting"]["body"]["abbreviation"], p["number"]) for p in answer["results"]] == [("KS", "112"), ("KF", "88")]
    assert "KS 2022/140" in answer["answer"] and "§ 88" in answer["answer"]
    assert _quotes(answer["evidence"]).count("KS 2022/140") == 2


def test_no_paragraph_of_an_unknown_case(store):
    answer = _ask(store, "Vilka paragrafer gäller KS 2099/1?", "case_paragraphs")
    assert answer["answer"] == "Ingen paragraf i grafen gäller KS 2099/1." and answer["results"] == []


@pytest.mark.parametrize("question", [
    "Vem reserverade sig mot beslutet i § 113 vid kommunstyrelsens sammanträde 2022-09-12?",
    "Vem reserverade sig i ärende KS 2022/155?",
    "Who entered a reservation at the KS meeting on 2022-09-12?",
])
def test_who_reserved(store, question):
    answer = _ask(store, question, "reservations")
    (res,) = answer["results"]
    assert [m["name"] for m in res["members"]] == ["Per Holmgren", "Rolf Sparre"]
    assert res["paragraph"]["number"] == "113"
    assert "Per Holmgren (M)" in answer["answer"] and "Rolf Sparre (M)" in answer["answer"]
    assert answer["evidence"] == res["evidence"]


@pytest.mark.parametrize("question", ["Vem var vice ordförande vid kommunstyrelsens sammanträde 2022-09-12?",
                                      "Who was the vice chair of KS on 12 September 2022?"])
def test_who_was_vice_chair(store, question):
    answer = _ask(store, question, "meeting_vice_chair")
    assert [r["name"] for r in answer["results"]] == ["Per Holmgren"]
    assert "Ingrid Vall" not in answer["answer"] and "Per Holmgren (M)" in answer["answer"]


@pytest.mark.parametrize("question", ["Vem ersatte Karl Öst?", "Who replaced Karl Öst at KS 2022-09-12?",
                                      "Vem tjänstgjorde som ersättare för Karl Öst"])
def test_who_replaced_whom(store, question):
    answer = _ask(store, question, "meeting_substitutes")
    assert [(r["person"]["name"], r["replaces"]["name"]) for r in answer["results"]] == [("Rolf Sparre", "Karl Öst")]
    assert "Rolf Sparre (M)" in answer["answer"] and answer["evidence"]


def test_reservations_on_an_item_named_by_its_title(store):
    answer = _ask(store, "Vem reserverade sig mot försäljning av fastigheten Granen 4?", "reservations")
    assert [m["name"] for r in answer["results"] for m in r["members"]] == ["Per Holmgren", "Rolf Sparre"]
    assert "§ 113" in answer["answer"]


@pytest.mark.parametrize("question", ["Vilka ärenden behandlades på KS 2022-09-12?",
                                      "Which cases did KS deal with on 12 September 2022?"])
def test_cases_a_meeting_dealt_with(store, question):
    answer = _ask(store, question, "meeting_cases")
    assert [(p["number"], p["identifier"]) for p in answer["results"]] == [("112", "KS 2022/140"), ("113", "KS 2022/155")]
    assert "KS 2022/155" in answer["answer"]


@pytest.mark.parametrize("question", ["Vilka var närvarande vid KS 2022-09-12?", "Who attended KS on 12 September 2022?"])
def test_who_took_part(store, question, board):
    answer = _ask(store, question, "meeting_participants")
    assert [r["person"]["name"] for r in answer["results"]] == [p["person"]["name"] for p in board["participants"]]
    assert "Ingrid Vall (S)" in answer["answer"] and "Rolf Sparre (M)" in answer["answer"]


def test_motions_by_kind_in_an_item_named_by_its_title(store):
    answer = _ask(store, "Vem yrkade bifall i ärendet om fastigheten Granen 4?", "meeting_motions")
    assert [(r["kind"], [m["name"] for m in r["movers"]]) for r in answer["results"]] == [("bifall", ["Ingrid Vall"])]
    every = _ask(store, "Which motions were made in case KS 2022/155?", "meeting_motions")
    assert sorted(r["kind"] for r in every["results"]) == ["avslag", "bifall"] and every["evidence"]


def test_no_reservation(store):
    answer = _ask(store, "Vem reserverade sig mot beslutet i § 112 vid kommunstyrelsens sammanträde 2022-09-12?",
                  "reservations")
    assert answer["results"] == []
    assert answer["answer"] == "Ingen reserverade sig i § 112 vid Kommunstyrelsens sammanträde 2022-09-12."


@pytest.mark.parametrize("question, expected", [
    ("Vad beslutade byggnadsnämnden 2022-09-12?", "Inget lagrat sammanträde matchar ”byggnadsnämnden 2022-09-12”."),
    ("Vad beslutade kommunstyrelsen 2022-02-30?", "Datumet 2022-02-30 finns inte i kalendern."),
    ("What did KS decide on 2022-10-03?", "No stored meeting matches “KS 2022-10-03”."),
])
def test_no_such_meeting(store, question, expected):
    answer = ask(store, question)
    assert answer["understood_as"] is not None and answer["answer"] == expected and answer["results"] == []


def test_plan_questions_are_still_plan_questions(store):
    assert ask(store, "Vem leder delprojekt 3?")["understood_as"]["intent"] == "subproject_leaders"
    assert ask(store, "I vilka delprojekt är Ingrid Vall med?")["understood_as"]["intent"] == "person_subprojects"


def test_reservations_by_a_person_name_the_meeting_and_paragraph_with_the_quote(store, board):
    holmgren = next(p["person"]["iri"] for p in board["participants"] if p["person"]["name"] == "Per Holmgren")
    (found,) = mt.reservations_by(store, [holmgren])
    assert found["meeting"]["iri"] == board["iri"] and found["meeting"]["body"]["abbreviation"] == "KS"
    assert (found["paragraph"]["number"], found["paragraph"]["identifier"]) == ("113", "KS 2022/155")
    assert any("Per Holmgren (M)" in q and "reserverar sig" in q for q in _quotes(found["evidence"]))
    vall = next(p["person"]["iri"] for p in board["participants"] if p["person"]["name"] == "Ingrid Vall")
    assert mt.reservations_by(store, [vall]) == [] and mt.reservations_by(store, []) == []
