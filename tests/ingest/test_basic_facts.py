"""Basic facts of any document, from constructed texts of invented municipalities.

Each test builds page texts, reads one fact and checks it and its evidence: the quote must
stand at its offsets in the stored page text, and be those words only.
"""
from __future__ import annotations

import pytest
from rdflib import URIRef

from styrgraf.ingest import basic_facts as bf
from styrgraf.ingest.dated_decisions import find_decisions
from styrgraf.ingest.doc_types import doc_type_of
from styrgraf.ingest.document_text import DocumentText
from styrgraf.ingest.kinds import generic
from styrgraf.ingest.pages import Page
from styrgraf.ingest.pipeline import extract_path
from styrgraf.ingest.sources import SourceError
from styrgraf.ontology.terms import DCTERMS, doctype_concept


def doc_of(*texts: str) -> DocumentText:
    return DocumentText([Page(i, t) for i, t in enumerate(texts, 1)])


def quoted(doc: DocumentText, evidence) -> list[str]:
    for e in evidence:
        assert doc.page_text(e.page)[e.start:e.end] == e.quote
    return [e.quote for e in evidence]


def test_letterhead_is_not_the_title():
    doc = doc_of("Granviks kommun Kulturförvaltningen Projektplan för en ny bibliotekstjänst "
                 "Bakgrund Kommunstyrelsen beslutade 2020-01-10 att ge uppdraget.")
    info = generic.document_info(doc, None)
    assert info.title == "Projektplan för en ny bibliotekstjänst"
    assert quoted(doc, info.title_evidence) == ["Projektplan för en ny bibliotekstjänst"]
    assert info.title_evidence[0].start == len("Granviks kommun Kulturförvaltningen ")


def test_running_header_with_a_date_is_not_the_title():
    text = ("Strategi för parkerna i Lövnäs kommun 2020-03-01 Lövnäs kommun Dokumenttyp: Strategi "
            "Strategi för parkerna i Lövnäs kommun 1. Inledning Strategin anger inriktningen.")
    doc = doc_of(text)
    title = bf.find_title(doc)
    assert title.text == "Strategi för parkerna i Lövnäs kommun"
    assert title.start == text.index("Strategi för", 10)


def test_caps_title_ends_where_the_paragraph_number_begins():
    doc = doc_of("SAMMANTRÄDESPROTOKOLL Kommunstyrelsen 2019-03-04 4 (12) UPPDRAG OM EN NY SIMHALL "
                 "§ 56 Dnr KS-2019/77 Ärendet Förvaltningen har tagit fram ett underlag.")
    assert bf.find_title(doc).text == "UPPDRAG OM EN NY SIMHALL"


def test_transcript_page_number_glued_to_the_first_word_is_not_in_the_title():
    doc = doc_of("1Projektplan för en ny bibliotekstjänst Bakgrund Texten börjar här.")
    info = generic.document_info(doc, None)
    assert info.title == "Projektplan för en ny bibliotekstjänst"
    assert info.title_evidence[0].start == 1


def test_project_name_label_when_no_title_line():
    doc = doc_of("Tornby kommun Projektnamn: Trygga skolvägar Datum: 2021-02-03 Bakgrund Text.")
    assert generic.document_info(doc, None).title == "Trygga skolvägar"


def test_document_date_is_not_the_background_decision_date():
    text = ("Tornby kommun Datum: 2021-05-03 Projektplan för trygga skolvägar Bakgrund "
            "Kommunstyrelsen beslutade 2020-01-10, § 3 att ge förvaltningen i uppdrag att utreda skolvägarna.")
    doc = doc_of(text)
    info = generic.document_info(doc, None)
    assert info.date.iso == "2021-05-03"
    assert quoted(doc, info.date_evidence) == ["2021-05-03"]
    assert info.date_evidence[0].start == text.index("2021-05-03")
    decisions = find_decisions(doc, None)
    assert [(d.date.iso, d.body) for d in decisions] == [("2020-01-10", "KS")]


def test_start_and_end_dates_are_typed_and_not_the_document_date():
    doc = doc_of("Tornby kommun Projektnamn: Trygga skolvägar Startdatum: 2021-01-01 Slutdatum: 2022-12-31 "
                 "Bakgrund Text.")
    typed = bf.find_dates_typed(doc)
    assert [(t.role, t.value.iso) for t in typed] == [("start", "2021-01-01"), ("end", "2022-12-31")]
    assert bf.document_date(doc, typed) is None


def test_meeting_date_of_minutes_is_their_date():
    doc = doc_of("SAMMANTRÄDESPROTOKOLL Kommunfullmäktige 2019-03-04 4 (12) UPPDRAG OM EN NY SIMHALL "
                 "§ 56 Dnr KS-2019/77 Kommunfullmäktiges beslut Kommunfullmäktige beslutar att bygga en simhall.")
    typed = bf.find_dates_typed(doc)
    assert [(t.role, t.value.iso) for t in typed] == [("meeting", "2019-03-04")]
    assert bf.document_date(doc, typed).value.iso == "2019-03-04"
    assert [(d.date.iso, d.body) for d in find_decisions(doc, typed[0].value)] == [("2019-03-04", "KF")]


def test_adoption_note_is_a_dated_decision():
    doc = doc_of("Riktlinjer för inköp i Tornby kommun Antagen av kommunfullmäktige 2016-05-24, § 45 1. Syfte Text.")
    typed = bf.find_dates_typed(doc)
    assert [(t.role, t.value.iso) for t in typed] == [("adoption", "2016-05-24")]
    decisions = find_decisions(doc, None)
    assert [(d.date.iso, d.body) for d in decisions] == [("2016-05-24", "KF")]
    assert quoted(doc, decisions[0].evidence) == ["Antagen av kommunfullmäktige 2016-05-24"]


def test_own_case_number_as_written_and_cited_ones_apart():
    text = ("Tornby kommun Dnr: KS-2021/467, KSN-2021-0256 Projektplan för trygga skolvägar Bakgrund "
            "Kommunstyrelsen beslutade 2020-02-02 att utreda skolvägarna (KS 2019/12).")
    doc = doc_of(text)
    # The running header holds the first number; the body starts with the second.
    found = {c.dnr: c.own for c in bf.find_case_numbers(doc)}
    assert found == {"KSN-2021-0256": True, "KS 2019/12": False}
    info = generic.document_info(doc, None)
    assert info.identifier == "KS-2021/467"
    assert quoted(doc, info.identifier_evidence) == ["KS-2021/467"]
    assert info.identifier_evidence[0].start == text.index("KS-2021/467")


def test_municipality_ending_in_s_keeps_its_s():
    doc = doc_of("Bergås kommun Kulturförvaltningen Projektplan för en ny bibliotekstjänst Bakgrund Text om Bergås kommun.")
    info = generic.document_info(doc, None)
    assert info.municipality == "Bergås"
    assert quoted(doc, info.municipality_evidence) == ["Bergås kommun"]


def test_municipality_in_capitals_in_a_letterhead():
    doc = doc_of("TORNBYS KOMMUN 2014-03-18 Uppdrag om en simhall § 15 Dnr KS 2014/95 Ärendet Text.")
    info = generic.document_info(doc, None)
    assert info.municipality == "Tornby"
    assert info.date.iso == "2014-03-18"


def test_document_types_from_the_skos_scheme():
    assert doc_type_of("Riktlinjer för inköp", "Strategi Program Plan Policy Riktlinje Riktlinjer för inköp") == "riktlinje"
    assert doc_type_of("", "Dokumenttyp: Policy Beslutad av: Kommunfullmäktige") == "policy"
    assert doc_type_of("Uppdrag om en simhall", "SAMMANTRÄDESPROTOKOLL KS § 5", "Utdragsbestyrkande") == "protokollsutdrag"
    assert doc_type_of("Projektdirektiv för trygga skolvägar", "") == "projektdirektiv"
    assert doc_type_of("Om oss", "Text utan typ") == "dokument"


MINUTES_EXTRACT = """SAMMANTRÄDESPROTOKOLL Kommunstyrelsen 2019-03-04 4 (12)

TORNBY KOMMUN
Kulturförvaltningen

Uppdrag om en ny simhall

§ 56 Dnr KS-2019/77

Ärendet
Kulturförvaltningen har tagit fram ett underlag om en simhall.

Kommunstyrelsens beslut
Kommunstyrelsen beslutar att ge kommundirektören i uppdrag att ta fram ett förslag om en simhall.

Justerandes sign Utdragsbestyrkande
"""

STRATEGY = """Lövnäs kommun
Dokumenttyp: Strategi
Beslutad av: Kommunfullmäktige 2022-04-09, § 40
Diarienummer: KSN-2022-0953

Strategi för parkerna i Lövnäs kommun

1. Inledning
Strategin anger inriktningen för parkerna i Lövnäs kommun.
"""


def test_minutes_extract_of_no_known_kind_is_ingested_with_its_basic_facts(tmp_path):
    path = tmp_path / "utdrag.txt"
    path.write_text(MINUTES_EXTRACT, encoding="utf-8")
    extracted = extract_path(path)
    assert extracted.kind == "protokoll"  # minutes are a kind of their own (ingest.kinds.minutes)
    info = extracted.records.document
    assert (info.title, info.date.iso, info.identifier, info.municipality, info.doc_type) == (
        "Uppdrag om en ny simhall", "2019-03-04", "KS-2019/77", "Tornby", "protokollsutdrag")
    assert generic.UNKNOWN_KIND not in [f.code for f in extracted.records.findings]
    assert [(d.date.iso, d.body) for d in extracted.records.decisions] == [("2019-03-04", "KS")]
    for ev in (info.title_evidence, info.date_evidence, info.identifier_evidence, info.municipality_evidence):
        page = next(p for p in extracted.pages if p.number == ev[0].page)
        assert page.text[ev[0].start:ev[0].end] == ev[0].quote


def test_strategy_of_no_known_kind_is_ingested_with_its_type(tmp_path):
    path = tmp_path / "strategi.txt"
    path.write_text(STRATEGY, encoding="utf-8")
    extracted = extract_path(path)
    info = extracted.records.document
    assert (info.title, info.date.iso, info.identifier, info.doc_type) == (
        "Strategi för parkerna i Lövnäs kommun", "2022-04-09", "KSN-2022-0953", "strategi")
    graph_iri, g = extracted.to_graph()
    assert (None, DCTERMS.type, doctype_concept("strategi")) in g
    assert [(d.date.iso, d.body) for d in extracted.records.decisions] == [("2022-04-09", "KF")]


def test_a_note_that_says_nothing_of_what_it_is_is_refused(tmp_path):
    path = tmp_path / "anteckning.txt"
    path.write_text("Det blev soppa till lunch i dag, och kaffe efteråt.\n", encoding="utf-8")
    with pytest.raises(SourceError) as refused:
        extract_path(path)
    assert refused.value.code == "no-basic-facts"
