"""A strategy's own parts, from constructed texts of invented municipalities: adoption, validity,
owner, revision history and goal areas with their goals, strategies, measures and indicators.

Every fact's evidence must stand at its offsets in the stored page text, verbatim.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from styrgraf.ingest import basic_facts as bf
from styrgraf.ingest.adoption import find_adoption
from styrgraf.ingest.cover_fields import find_fields
from styrgraf.ingest.doc_types import doc_type_of
from styrgraf.ingest.document_owner import find_owner
from styrgraf.ingest.document_text import DocumentText
from styrgraf.ingest.goal_areas import find_goal_areas
from styrgraf.ingest.kinds import detect_kind, strategy
from styrgraf.ingest.pages import Page
from styrgraf.ingest.pipeline import extract_path
from styrgraf.ingest.revisions import find_revisions
from styrgraf.ingest.validity import find_validity
from tests.ingest.devset.strategies import STRATEGY_SPECS, write_strategy


def doc_of(*texts: str) -> DocumentText:
    return DocumentText([Page(i, t) for i, t in enumerate(texts, 1)])


def quoted(doc: DocumentText, evidence) -> list[str]:
    for e in evidence:
        assert doc.page_text(e.page)[e.start:e.end] == e.quote
    return [e.quote for e in evidence]


# -- adoption ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, body, date, paragraph", [
    ("Tallbergs kommun Plan för friluftslivet Antagen av kommunfullmäktige 2016-05-24, § 45 Dnr KS 2016/77",
     "KF", "2016-05-24", "45"),
    # A text export that lost the `§` sign.
    ("Beslutad av: Kommunfullmäktige 2020-06-15, 77 Gäller t.o.m. 2024-06-30", "KF", "2020-06-15", "77"),
    # A ruled cover table, flattened: the labels, then the values in their order.
    ("Beslutad av Datum Paragraf Kommunstyrelsen 2019-11-04 § 203 Diarienummer Dokumentansvarig Giltig till "
     "KS 2019/0871 Tove Hallin 2023-12-31", "KS", "2019-11-04", "203"),
    # The same table with the date and paragraph in their own cells, the paragraph a bare number.
    ("Beslutad av Beslutsdatum Paragraf Dnr Barn- och utbildningsnämnden 2021-02-01 12 BUN 2020/44",
     "Barn- och utbildningsnämnden", "2021-02-01", "12"),
    # Told in prose, the date written out.
    ("Strategi för kompetensförsörjning. Strategin antogs av kommunfullmäktige den 14 juni 2018, § 62, och gäller "
     "till och med 2022-12-31.", "KF", "2018-06-14", "62"),
    # A wrapped cell whose lines come interleaved with the next cells' lines.
    ("Dokumenttyp Beslutad av Dokumentansvarig Kommunfullmäktige 2014-04-10, § Strategi Tomas Åkesson, IT-chef 150 "
     "Diarienummer Gäller KS-2014/894 Tills vidare", "KF", "2014-04-10", "150"),
])
def test_adoption_in_every_layout(text, body, date, paragraph):
    doc = doc_of(text)
    a = find_adoption(doc, [])
    assert (a.body, a.date.iso, a.paragraph) == (body, date, paragraph)
    assert quoted(doc, a.paragraph_evidence) == [paragraph]
    assert quoted(doc, a.date_evidence)[0] in (date, "14 juni 2018")
    assert quoted(doc, a.evidence)


def test_adoption_is_linked_to_its_dated_decision_and_added_when_none_records_it(tmp_path):
    spec = next(s for s in STRATEGY_SPECS if s.style == "letterhead")  # adoption told in prose
    records = extract_path(write_strategy(spec, tmp_path)).records
    a = records.strategy.adoption
    (decision,) = [d for d in records.decisions if d.key == a.decision]
    assert (decision.body, decision.date.iso, decision.identifier) == ("KF", "2018-06-14", spec.dnr)


def test_no_adoption_without_a_body():
    assert find_adoption(doc_of("Riktlinjen beslutades efter en lång diskussion om kostnaderna."), []) is None
    assert find_adoption(doc_of("Beslutad av: Revideras: 2024"), []) is None


# -- validity ----------------------------------------------------------------------------------

def test_validity_labels_and_prose():
    doc = doc_of("Gäller från: 2021-04-01 Gäller till: 2024-12-31 Gäller för: alla nämnder")
    v = find_validity(doc)
    assert (v.valid_from.value.iso, v.valid_until.value.iso, v.until_further_notice) == ("2021-04-01", "2024-12-31", None)
    assert quoted(doc, v.valid_until.evidence) == ["2024-12-31"]
    assert find_validity(doc_of("Giltig t.o.m. 2025-02-28")).valid_until.value.iso == "2025-02-28"
    assert find_validity(doc_of("Giltighetstid: 2020-01-01 – 2023-12-31")).valid_until.value.iso == "2023-12-31"
    further = find_validity(doc_of("Fullmäktige beslutade att fastställa policyn att gälla tills vidare."))
    assert further.until_further_notice.text == "tills vidare" and further.valid_until is None
    assert find_validity(doc_of("Riktlinjen gäller till och med 2026-06-30.")).valid_until.value.iso == "2026-06-30"
    # `Gäller för` is scope, not time.
    assert find_validity(doc_of("Gäller för: samtliga förvaltningar")) == find_validity(doc_of("Inget här."))


def test_validity_dates_are_typed_as_validity_not_project_dates():
    doc = doc_of("Runnviks kommun Program för idrott Gäller från: 2021-04-01 Gäller till: 2024-12-31 Startdatum: 2021-05-01")
    roles = {d.role: d.value.iso for d in bf.other_dates(doc)}
    assert roles == {"valid_from": "2021-04-01", "valid_until": "2024-12-31", "start": "2021-05-01"}


# -- owner -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, written, person", [
    ("Dokumentansvarig: Kommundirektör Gäller: tills vidare", "Kommundirektör", None),
    ("Dokumentansvarig: Administrativ chef Revideras: 2024", "Administrativ chef", None),
    ("Dokumentägare: Chef, kommunledningssektorn Dnr: KS 2011/19", "Chef, kommunledningssektorn", None),
    ("Dokumentansvarig: Eva Lind, digitaliseringschef Gäller från: 2020-01-01", "Eva Lind, digitaliseringschef", "Eva Lind"),
    ("Ansvarig: Per Nyberg Gäller till: 2024-01-01", "Per Nyberg", "Per Nyberg"),
])
def test_owner_is_a_post_or_a_person(text, written, person):
    doc = doc_of(text)
    owner = find_owner(doc)
    assert (owner.text, owner.person) == (written, person)
    assert quoted(doc, owner.evidence)[0].endswith(written)


# -- revisions ---------------------------------------------------------------------------------

def test_revision_rows_of_a_flattened_table():
    doc = doc_of("Revisionshistorik Version Datum Ändring 1.0 2016-05-24 Antagen av kommunfullmäktige "
                 "1.1 2018-03-12 Indikatorerna justerade 2.0 2020-09-01 Nytt målområde 1. Inledning Programmet")
    revs = find_revisions(doc)
    assert [(r.version, r.date.iso, r.change) for r in revs] == [
        ("1.0", "2016-05-24", "Antagen av kommunfullmäktige"), ("1.1", "2018-03-12", "Indikatorerna justerade"),
        ("2.0", "2020-09-01", "Nytt målområde")]
    assert quoted(doc, revs[1].evidence) == ["1.1 2018-03-12 Indikatorerna justerade"]
    assert find_revisions(doc_of("Version 1.0 av planen antogs 2016-05-24.")) == []


# -- goal areas --------------------------------------------------------------------------------

AREAS = ("Programmet gäller alla nämnder. Målområde 1: Trygg uppväxt Barn och unga ska växa upp tryggt. "
         "Mål: - Fler unga ska känna sig trygga - Fler ska fullfölja gymnasiet Åtgärder: 1. Utöka fritidsgårdarnas "
         "öppettider 2. Anställa fältassistenter Indikatorer: - Andel trygga elever Fokusområde 2 – Goda levnadsvanor "
         "Mål: Barn och unga ska röra sig mer. Nyckeltal: - Andel fysiskt aktiva unga 3. Uppföljning Programmet följs "
         "upp årligen. Insatser: - Ses över vartannat år")


def test_goal_areas_with_their_lists():
    doc = doc_of(AREAS)
    areas, general = find_goal_areas(doc)
    assert [(a.number, a.word, a.title) for a in areas] == [(1, "Målområde", "Trygg uppväxt"),
                                                           (2, "Fokusområde", "Goda levnadsvanor")]
    first, second = areas
    assert [g.text for g in first.items.goals] == ["Fler unga ska känna sig trygga", "Fler ska fullfölja gymnasiet"]
    assert [m.text for m in first.items.measures] == ["Utöka fritidsgårdarnas öppettider", "Anställa fältassistenter"]
    assert [i.text for i in first.items.indicators] == ["Andel trygga elever"]
    assert [g.text for g in second.items.goals] == ["Barn och unga ska röra sig mer"]
    assert [i.text for i in second.items.indicators] == ["Andel fysiskt aktiva unga"]
    assert [m.text for m in general.measures] == ["Ses över vartannat år"]
    assert quoted(doc, first.evidence) == ["Målområde 1: Trygg uppväxt"]
    assert quoted(doc, first.items.measures[1].evidence) == ["2. Anställa fältassistenter"]


def test_area_words_in_prose_are_no_areas():
    areas, general = find_goal_areas(doc_of("Inom målområdet arbetar vi med åtgärder och indikatorer som följs upp."))
    assert areas == [] and not general


# -- the kind ----------------------------------------------------------------------------------

def test_an_adoption_with_paragraph_and_dnr_is_no_minutes():
    head = "Runnviks kommun Program för trygghet Antagen av kommunfullmäktige 2021-03-22, § 31 Dnr KS 2020/0412"
    assert doc_type_of("Program för trygghet", head) == "program"
    assert doc_type_of("Uppdrag om trygghet", "§ 31 Dnr KS 2020/0412 Uppdrag om trygghet") == "protokoll"


@pytest.mark.parametrize("spec", STRATEGY_SPECS, ids=lambda s: s.key)
def test_every_constructed_strategy_is_read_with_verbatim_evidence(spec, tmp_path):
    ex = extract_path(write_strategy(spec, tmp_path))
    assert ex.kind == strategy.KEY and detect_kind(ex.doc) is strategy
    st = ex.records.strategy
    assert (st.adoption.date.iso, st.adoption.paragraph) == (spec.adopted, spec.paragraph)
    assert [a.title for a in st.goal_areas] == [a.title for a in spec.areas]
    assert ex.records.intentions == []  # the area goals belong to their areas
    pages = {p.number: p.text for p in ex.pages}
    facts = [st.adoption.evidence, st.adoption.date_evidence, st.adoption.paragraph_evidence, st.owner.evidence]
    facts += [r.evidence for r in st.revisions] + [a.evidence for a in st.goal_areas]
    facts += [f.evidence for a in st.goal_areas for lst in (a.items.goals, a.items.measures, a.items.indicators) for f in lst]
    for evidence in facts:
        assert evidence
        for e in evidence:
            assert pages[e.page][e.start:e.end] == e.quote


def test_fields_of_prose_without_labels_are_none():
    assert find_fields("Kommunen ska arbeta för en god miljö och följa upp målen varje år.") == []


def test_a_flattened_table_quotes_label_and_value_on_their_own():
    doc = doc_of("Beslutad av Datum Paragraf Kommunstyrelsen 2019-11-04 § 203 Diarienummer Dokumentansvarig "
                 "Giltig till KS 2019/0871 Tove Hallin 2023-12-31")
    assert quoted(doc, find_adoption(doc, []).evidence) == ["Beslutad av", "Kommunstyrelsen 2019-11-04 § 203"]
    assert quoted(doc, find_owner(doc).evidence) == ["Dokumentansvarig", "Tove Hallin"]
    inline = doc_of("Dokumentansvarig: Tove Hallin Gäller till: 2023-12-31")
    assert quoted(inline, find_owner(inline).evidence) == ["Dokumentansvarig: Tove Hallin"]


def test_an_indicator_table_with_a_wrapped_name():
    doc = doc_of("Målområde 1: Attraktiv arbetsgivare Aktiviteter: - Ta fram en introduktion Indikator Utgångsvärde "
                 "Målvärde 2022 Andel medarbetare som rekommenderar kommunen som 52 % 70 % arbetsgivare Sjukfrånvaro "
                 "i procent av arbetstiden 7,2 6,0 Målområde 2: Rätt kompetens Mål: - Rätt utbildning")
    (first, _second), _ = find_goal_areas(doc)
    assert [i.text for i in first.items.indicators] == ["Andel medarbetare som rekommenderar kommunen som arbetsgivare",
                                                        "Sjukfrånvaro i procent av arbetstiden"]
    assert quoted(doc, first.items.indicators[0].evidence) == ["Andel medarbetare som rekommenderar kommunen som",
                                                               "arbetsgivare"]
    assert [m.text for m in first.items.measures] == ["Ta fram en introduktion"]
