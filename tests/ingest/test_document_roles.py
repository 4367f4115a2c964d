"""People, roles, goals, typed dates and case numbers of documents that are not project plans,
from constructed texts of invented municipalities, checked in the records and in the RDF."""
from __future__ import annotations

from rdflib import Literal, URIRef

from styrgraf.ingest.kinds import generic, project_plan, strategy
from styrgraf.ingest.pipeline import extract_path
from styrgraf.ontology.terms import DATE_ROLE_PROPERTIES, DCTERMS, FOAF, OA, ORG, RDF, SG, SKOS, XSD, role_concept

MINUTES_EXTRACT = """SAMMANTRÄDESPROTOKOLL Kommunstyrelsen 2020-11-16 7 (22)

VALLBY KOMMUN
Tekniska förvaltningen

Uppdrag om en gemensam växel

§ 131 Dnr KS 2020/411

Ärendet
Tekniska förvaltningen har tagit fram ett underlag om en gemensam växel (KS 2019/88).

Kommunstyrelsens beslut
Kommunstyrelsen beslutar att ge förvaltningen i uppdrag att upphandla en gemensam växel.

Ordförande: Sofia Lindgren (C) Justerande: Mats Olofsson (S) Sekreterare: Karin Holm
Justerandes sign Utdragsbestyrkande
"""

STRATEGY = """Vallby kommun
Miljöförvaltningen
Dokumenttyp: Strategi
Beslutad av: Kommunfullmäktige 2021-06-14, § 77
Dokumentansvarig: Jonas Sundberg, miljöstrateg
Diarienummer: KS 2021/205
Gäller från: 2021-07-01

Strategi för dagvattnet i Vallby kommun

1. Inledning
Strategin anger hur dagvattnet ska tas om hand.

2. Mål
Kommunens mål är följande.
Mål 1: Dagvatten ska renas innan det når sjöarna.
Mål 2: Nya kvarter ska fördröja regnvatten på egen mark.
Mål 3: Översvämningsrisker ska kartläggas för alla tätorter.

3. Uppföljning
Strategin följs upp vartannat år.
"""


def _extracted(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return extract_path(path)


def _verbatim(extracted, evidence):
    pages = {p.number: p.text for p in extracted.pages}
    for e in evidence:
        assert pages[e.page][e.start:e.end] == e.quote
    return [e.quote for e in evidence]


def test_minutes_roles_are_held_in_the_meeting_body(tmp_path):
    x = _extracted(tmp_path, "utdrag.txt", MINUTES_EXTRACT)
    assert x.kind == "protokoll"  # minutes are a kind of their own (ingest.kinds.minutes)
    roles = {(r.person, r.role) for r in x.records.roles}
    assert roles == {("Sofia Lindgren", "ordforande"), ("Mats Olofsson", "justerare"), ("Karin Holm", "sekreterare")}
    chair = next(r for r in x.records.roles if r.role == "ordforande")
    assert _verbatim(x, chair.evidence) == ["Ordförande: Sofia Lindgren"]
    assert chair.organisation == "KS"
    parties = {p.name: p.parties for p in x.records.people}
    assert parties == {"Sofia Lindgren": ("C",), "Mats Olofsson": ("S",), "Karin Holm": ()}

    _, g = x.to_graph()
    body = next(o for o in g.objects(None, ORG.organization))
    assert (body, SG.abbreviation, Literal("KS")) in g
    chair_iri = next(g.subjects(FOAF.name, Literal("Sofia Lindgren")))
    membership = next(g.subjects(ORG.member, chair_iri))
    assert (membership, ORG.role, role_concept("ordforande")) in g
    assert (membership, ORG.organization, body) in g
    assert (chair_iri, SG.party, Literal("C")) in g
    assert any(g.triples((None, OA.hasBody, membership)))


def test_strategy_goals_owner_and_adoption(tmp_path):
    x = _extracted(tmp_path, "strategi.txt", STRATEGY)
    assert x.kind == strategy.KEY
    assert generic.UNKNOWN_KIND not in {f.code for f in x.records.findings}
    goals = [(i.number, i.text) for i in x.records.intentions]
    assert goals == [(1, "Dagvatten ska renas innan det når sjöarna."),
                     (2, "Nya kvarter ska fördröja regnvatten på egen mark."),
                     (3, "Översvämningsrisker ska kartläggas för alla tätorter.")]
    for i in x.records.intentions:
        assert _verbatim(x, i.evidence)[-1].endswith(i.text)
    owner = [(r.person, r.role, r.organisation) for r in x.records.roles]
    assert owner == [("Jonas Sundberg", "dokumentansvarig", None)]  # held in the municipality
    assert _verbatim(x, x.records.roles[0].evidence) == ["Dokumentansvarig: Jonas Sundberg"]
    info = x.records.document
    # `Gäller från` is the strategy's validity, not a project's start.
    assert {(d.role, d.value.iso) for d in info.other_dates} == {("adoption", "2021-06-14"), ("valid_from", "2021-07-01")}
    _, g = x.to_graph()
    doc = URIRef(next(iter(g.subjects(SG.pageCount, None))))
    assert (doc, DATE_ROLE_PROPERTIES["adoption"], Literal("2021-06-14", datatype=XSD.date)) in g
    assert (doc, DATE_ROLE_PROPERTIES["valid_from"], Literal("2021-07-01", datatype=XSD.date)) in g
    assert not any(g.triples((doc, DATE_ROLE_PROPERTIES["start"], None)))
    muni = next(g.objects(doc, SG.municipality))
    membership = next(g.subjects(ORG.role, role_concept("dokumentansvarig")))
    assert (membership, ORG.organization, muni) in g
    scheme = next(g.subjects(RDF.type, SG.IntentionScheme))
    assert (scheme, DCTERMS.source, doc) in g and len(list(g.subjects(SKOS.inScheme, scheme))) == 3  # the goals


def test_typed_dates_and_cited_case_numbers_in_the_graph_with_evidence(tmp_path):
    x = _extracted(tmp_path, "utdrag.txt", MINUTES_EXTRACT)
    info = x.records.document
    assert [(d.role, d.value.iso) for d in info.other_dates] == [("meeting", "2020-11-16")]
    assert [(c.dnr, c.own) for c in info.case_numbers] == [("KS 2019/88", False)]
    assert _verbatim(x, info.case_numbers[0].evidence) == ["KS 2019/88"]
    _, g = x.to_graph()
    doc = next(iter(g.subjects(SG.citesCaseNumber, Literal("KS 2019/88"))))
    assert (doc, SG.meetingDate, Literal("2020-11-16", datatype=XSD.date)) in g
    ann = [a for a in g.subjects(OA.hasBody, doc) if (a, SG.property, SG.citesCaseNumber) in g]
    assert len(ann) == 1


def test_a_second_own_case_number_is_kept():
    from styrgraf.ingest import basic_facts as bf
    from styrgraf.ingest.document_text import DocumentText
    from styrgraf.ingest.pages import Page

    doc = DocumentText([Page(1, "Vallby kommun Dnr: KS 2021/12, KS-2021/340 Projektplan för nya cykelvägar "
                                "Bakgrund Kommunstyrelsen beslutade 2020-05-05 att utreda cykelvägarna (KS 2020/7).")])
    mentions = {(c.dnr, c.own) for c in bf.case_number_mentions(doc, "KS 2021/12")}
    assert mentions == {("KS-2021/340", True), ("KS 2020/7", False)}


def test_secretary_in_a_plan_is_its_project_secretary_and_a_chair_keeps_a_title():
    from styrgraf.ingest.document_text import DocumentText
    from styrgraf.ingest.pages import Page

    text = ("Vallby kommun 2021-03-01 Projektplan för nya cykelvägar Projektorganisation "
            "Projektägare: Eva Sandström Projektledare: Olle Berglund Sekreterare: Lisa Nyberg "
            "Styrgrupp: Anders Lund (M), ordförande, Maria Ek (S) och Peter Falk (C) "
            "Tidplan Arbetet startar 2021-04-01.")
    records = project_plan.extract(DocumentText([Page(1, text)]))
    roles = {(r.person, r.role) for r in records.roles if r.subproject is None}
    assert ("Lisa Nyberg", "projektsekreterare") in roles
    assert not any(role == "ordforande" for _, role in roles)
    assert ("Anders Lund", "styrgrupp") in roles
