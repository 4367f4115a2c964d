"""Minutes and protocol extracts (ingest.kinds.minutes) in three layouts, and their RDF.

The minutes are constructed here, of invented municipalities: a clean cover page with one
page per paragraph (form feeds, as `pdftotext` writes), a docplayer-like text export (one
paragraph of text per page, page numbers glued, the `§` signs lost), and a cover whose table
was flattened so that labels and values come interleaved. A protocol extract is one paragraph.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, FOAF, PROV, RDF

from styrgraf.ingest.pipeline import extract_path
from styrgraf.ontology.terms import ONTOLOGY_TTL, SG, SHAPES_TTL, role_concept

CLEAN_COVER = """SAMMANTRÄDESPROTOKOLL
Kommunstyrelsen
Sammanträdesdatum 2023-03-14

Plats och tid Kommunhuset, Bergsalen, tisdag den 14 mars 2023, kl. 13.00–15.30
Beslutande Karin Holm (S), ordförande
Jonas Ahl (M), vice ordförande
Lena Ek (C)
Petra Sund (KD)
Tjänstgörande ersättare Nils Berg (M) ersätter Olle Dahl (M)
Övriga deltagare Eva Lind, kommundirektör (§ 4)
Omar Nilsson, ekonomichef (§ 7-9)
Utses att justera Lena Ek (C)
Justeringens plats och tid Kommunhuset, 2023-03-17 kl. 10.00
Underskrifter Sekreterare Stina Hallberg Paragrafer 4-9
Ordförande Karin Holm
Justerande Lena Ek

ANSLAG/BEVIS
Organ Kommunstyrelsen
Sammanträdesdatum 2023-03-14
Datum för anslags uppsättande 2023-03-20
Datum för anslags nedtagande 2023-04-11
Förvaringsplats för protokollet Kommunkansliet, Kommunhuset"""

CLEAN_PARAGRAPHS = [
    """§ 4 Dnr KS 2023/12
Budgetuppföljning februari

Ärendet
Ekonomiavdelningen har sammanställt en uppföljning av budgeten.

Förslag till beslut
Arbetsutskottet föreslår att kommunstyrelsen godkänner uppföljningen.

Kommunstyrelsens beslut
Kommunstyrelsen beslutar
att godkänna budgetuppföljningen,
att lägga rapporten till handlingarna.

Beslutet skickas till
Ekonomiavdelningen
Revisionen""",
    """§ 7 Dnr KS 2022/301
Detaljplan för kvarteret Lärkan

Yrkanden
Jonas Ahl (M) yrkar avslag på förslaget. Karin Holm (S) yrkar bifall till förslaget.

Kommunstyrelsens beslut
Kommunstyrelsen beslutar att anta detaljplanen för kvarteret Lärkan.

Reservation
Jonas Ahl (M) och Nils Berg (M) reserverar sig mot beslutet.

Beslutet skickas till
Samhällsbyggnadsförvaltningen""",
]

TRANSCRIPT_PAGES = [
    "Sammanträdesprotokoll Kommunstyrelsens ledningsutskott 2021-10-05 1 Plats och tid Rådhuset, Sal 2, "
    "kl. 08.30–11.00 Beslutande Maria Sten (S), ordförande Anders Kvist (L), vice ordförande Hanna Blom (V) "
    "Tjänstgörande ersättare Elias Norr (S) ersätter Sofia Lund (S) Övriga deltagare Karl Vik, "
    "kanslichef ( 3) Utses att justera Hanna Blom (V) Justeringens plats och tid Rådhuset 2021-10-08 "
    "Sekreterare Ida Falk Paragrafer 3-4 Datum för anslags uppsättande 2021-10-11 "
    "Datum för anslags nedtagande 2021-11-02",
    "Sammanträdesprotokoll Kommunstyrelsens ledningsutskott 2021-10-05 2KLU 3 Dnr KS 2021/88 Revidering av "
    "arbetsordningen Förslag till beslut Kansliet föreslår att arbetsordningen revideras. Beslut "
    "Ledningsutskottet beslutar att revidera arbetsordningen, att uppdra åt kansliet att informera nämnderna. "
    "Expedieras till Kansliet",
    "Sammanträdesprotokoll Kommunstyrelsens ledningsutskott 2021-10-05 3KLU 4 Dnr KS 2021/90 Lokalförsörjningsplan "
    "Beslut Ledningsutskottet beslutar att bordlägga ärendet. Anders Kvist (L) reserverar sig mot beslutet. "
    "Expedieras till Lokalenheten",
]

# A two-column cover table flattened row by row: a label, its value, the next column's label, its value;
# the notice box's labels first and its values after them.
INTERLEAVED_COVER = """PROTOKOLL Byggnadsnämnden
Plats och tid Stadshuset, kl. 18.00–20.15 Sammanträdesdatum 2024-05-06
Beslutande Tove Lilja (MP), ordförande Tjänstgörande ersättare Axel Rask (SD) ersätter Gun Rask (SD)
Bengt Alm (C), vice ordförande
Dora Kron (S)
Övriga deltagare Fia Grahn, stadsarkitekt (§ 118/2024) Utses att justera Dora Kron (S)
Sekreterare Gösta Bohm Paragrafer §§ 118–119
Datum för anslags uppsättande Datum för anslags nedtagande
2024-05-10 2024-06-03"""

INTERLEAVED_PARAGRAPHS = [
    """§ 118/2024 Dnr BN 2024/7
Bygglov för förskola

Byggnadsnämnden beslutar att bevilja bygglov.

Beslutsexpediering
Sökanden""",
    """§ 119/2024 Dnr BN 2024/9
Tillsyn av strandskydd

Byggnadsnämnden beslutar att avsluta tillsynsärendet.""",
]

EXTRACT = """PROTOKOLLSUTDRAG
Kommunfullmäktige 2022-06-20

§ 57 Dnr KS 2022/140
Motion om fler laddplatser

Kommunfullmäktiges beslut
Kommunfullmäktige beslutar att bifalla motionen.

Beslutet skickas till
Tekniska förvaltningen

Justerandes sign Utdragsbestyrkande"""


def _municipality(name: str, text: str) -> str:
    return f"{name.upper()} KOMMUN\n" + text


def write_form_feed(path: Path, pages: list[str]) -> Path:
    path.write_text("\f".join(pages) + "\n", encoding="utf-8")
    return path


def write_export(path: Path, title: str, pages: list[str]) -> Path:
    path.write_text(f"{title}\n\n\nRelevanta dokument\n\nTranskript:\n\n" + "\n\n".join(pages) + "\n",
                    encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("minutes")


@pytest.fixture(scope="module")
def clean(folder):
    return extract_path(write_form_feed(folder / "clean.txt",
                                        [_municipality("Norrvik", CLEAN_COVER)] + CLEAN_PARAGRAPHS))


@pytest.fixture(scope="module")
def transcript(folder):
    return extract_path(write_export(folder / "transcript.txt", "Sammanträdesprotokoll Kommunstyrelsens "
                                     "ledningsutskott 2021-10-05", [_municipality("Åsby", TRANSCRIPT_PAGES[0])]
                                     + TRANSCRIPT_PAGES[1:]))


@pytest.fixture(scope="module")
def interleaved(folder):
    return extract_path(write_form_feed(folder / "interleaved.txt",
                                        [_municipality("Lindhamn", INTERLEAVED_COVER)] + INTERLEAVED_PARAGRAPHS))


@pytest.fixture(scope="module")
def extract(folder):
    return extract_path(write_form_feed(folder / "extract.txt", [_municipality("Sjöby", EXTRACT)]))


def _people(meeting) -> dict:
    return {p.name: p for p in meeting.participants}


def _all_evidence(meeting):
    for p in meeting.participants:
        yield from p.evidence
    for f in (meeting.place_time, meeting.place, meeting.time, meeting.adjustment, meeting.paragraph_range):
        if f:
            yield from f.evidence
    for d in (meeting.notice_posted, meeting.notice_removed):
        if d:
            yield from d.evidence
    yield from meeting.date_evidence
    for para in meeting.paragraphs:
        yield from para.evidence
        yield from para.identifier_evidence
        for f in (para.title, para.proposal, *para.motions, *para.votes, *para.recipients):
            if f:
                yield from f.evidence
        for r in para.reservations:
            yield from r.evidence


@pytest.mark.parametrize("name", ["clean", "transcript", "interleaved", "extract", "voted"])
def test_every_quote_is_verbatim_at_its_offsets(name, request):
    result = request.getfixturevalue(name)
    assert result.kind == "protokoll"
    evidence = list(_all_evidence(result.records.meeting))
    evidence += [e for d in result.records.decisions for pt in d.points for e in pt.evidence]
    assert len(evidence) >= 4
    for ev in evidence:
        assert result.doc.page_text(ev.page)[ev.start:ev.end] == ev.quote, ev


# --- the clean layout -------------------------------------------------------------------------------------------

def test_clean_cover(clean):
    m = clean.records.meeting
    assert not m.extract
    assert m.body == "KS"  # the organisation's key: Kommunstyrelsen, abbreviated
    assert m.date.iso == "2023-03-14"
    assert m.place_time.text == "Kommunhuset, Bergsalen, tisdag den 14 mars 2023, kl. 13.00–15.30"
    assert (m.place.text, m.time.text) == ("Kommunhuset, Bergsalen", "kl. 13.00–15.30")
    assert m.adjustment.text == "Kommunhuset, 2023-03-17 kl. 10.00"
    assert (m.first_paragraph, m.last_paragraph, m.paragraph_range.text) == (4, 9, "4-9")
    assert m.notice_posted.value.iso == "2023-03-20"
    assert m.notice_removed.value.iso == "2023-04-11"


def test_clean_participants(clean):
    people = _people(clean.records.meeting)
    assert set(people["Karin Holm"].roles) == {"ledamot", "ordforande"}
    assert people["Karin Holm"].party == "S"
    assert set(people["Jonas Ahl"].roles) == {"ledamot", "viceordforande"}
    assert set(people["Lena Ek"].roles) == {"ledamot", "justerare"}
    assert people["Petra Sund"].roles == ("ledamot",) and people["Petra Sund"].party == "KD"
    sub = people["Nils Berg"]
    assert sub.roles == ("ersattare",) and sub.party == "M" and sub.replaces == "Olle Dahl"
    assert "Olle Dahl" not in people
    assert (people["Eva Lind"].roles, people["Eva Lind"].title, people["Eva Lind"].paragraphs) == (
        ("deltagare",), "kommundirektör", "4")
    assert (people["Omar Nilsson"].title, people["Omar Nilsson"].paragraphs) == ("ekonomichef", "7-9")
    assert people["Stina Hallberg"].roles == ("sekreterare",)


def test_clean_paragraphs(clean):
    decisions = {d.key: d for d in clean.records.decisions}
    first, second = clean.records.meeting.paragraphs
    assert (first.number, first.ordinal, first.identifier, first.title.text) == ("4", 4, "KS 2023/12",
                                                                                 "Budgetuppföljning februari")
    assert first.proposal.text == "Arbetsutskottet föreslår att kommunstyrelsen godkänner uppföljningen."
    d = decisions[first.decision]
    assert d.date.iso == "2023-03-14" and d.identifier == "KS 2023/12"
    assert [p.text for p in d.points] == ["att godkänna budgetuppföljningen", "att lägga rapporten till handlingarna."]
    assert [r.text for r in first.recipients] == ["Ekonomiavdelningen", "Revisionen"]
    assert (second.number, second.identifier, second.title.text) == ("7", "KS 2022/301", "Detaljplan för kvarteret Lärkan")
    assert second.decision != first.decision
    assert decisions[second.decision].text == "Kommunstyrelsen beslutar att anta detaljplanen för kvarteret Lärkan."
    assert [(m.movers, m.parties, m.kind, m.proposal) for m in second.motions] == [
        (("Jonas Ahl",), ("M",), "avslag", "avslag på förslaget"),
        (("Karin Holm",), ("S",), "bifall", "bifall till förslaget")]
    assert second.motions[0].text == "Jonas Ahl (M) yrkar avslag på förslaget"
    (res,) = second.reservations
    assert res.members == ("Jonas Ahl", "Nils Berg") and res.parties == ("M",)
    assert [r.text for r in second.recipients] == ["Samhällsbyggnadsförvaltningen"]


def test_cover_people_are_people_of_the_document(clean):
    names = {p.name for p in clean.records.people}
    assert {"Karin Holm", "Nils Berg", "Eva Lind", "Omar Nilsson", "Stina Hallberg"} <= names
    assert "kommundirektör" in next(p for p in clean.records.people if p.name == "Eva Lind").titles


# --- the transcript: one line per page, `§` lost -----------------------------------------------------------------

def test_transcript_cover(transcript):
    m = transcript.records.meeting
    assert m.date.iso == "2021-10-05"
    assert m.place_time.text == "Rådhuset, Sal 2, kl. 08.30–11.00"
    assert (m.place.text, m.time.text) == ("Rådhuset, Sal 2", "kl. 08.30–11.00")
    assert m.adjustment.text == "Rådhuset 2021-10-08"
    assert (m.first_paragraph, m.last_paragraph) == (3, 4)
    assert (m.notice_posted.value.iso, m.notice_removed.value.iso) == ("2021-10-11", "2021-11-02")
    people = _people(m)
    assert set(people["Maria Sten"].roles) == {"ledamot", "ordforande"}
    assert set(people["Anders Kvist"].roles) == {"ledamot", "viceordforande"}
    assert set(people["Hanna Blom"].roles) == {"ledamot", "justerare"}
    assert people["Elias Norr"].replaces == "Sofia Lund"
    assert (people["Karl Vik"].title, people["Karl Vik"].paragraphs) == ("kanslichef", "3")
    assert people["Ida Falk"].roles == ("sekreterare",)


def test_transcript_paragraphs_without_sign(transcript):
    decisions = {d.key: d for d in transcript.records.decisions}
    first, second = transcript.records.meeting.paragraphs
    assert (first.number, first.ordinal, first.identifier) == ("KLU 3", 3, "KS 2021/88")
    assert first.title.text == "Revidering av arbetsordningen"
    assert first.proposal.text == "Kansliet föreslår att arbetsordningen revideras."
    points = [p.text for p in decisions[first.decision].points]
    assert points == ["att revidera arbetsordningen",
                      "att uppdra åt kansliet att informera nämnderna."]
    assert [r.text for r in first.recipients] == ["Kansliet"]
    assert (second.number, second.identifier, second.title.text) == ("KLU 4", "KS 2021/90", "Lokalförsörjningsplan")
    assert decisions[second.decision].kind == "tabling"
    assert second.reservations[0].members == ("Anders Kvist",) and second.reservations[0].parties == ("L",)


# --- the interleaved cover ---------------------------------------------------------------------------------------

def test_interleaved_cover(interleaved):
    m = interleaved.records.meeting
    assert m.place_time.text == "Stadshuset, kl. 18.00–20.15"
    assert (m.place.text, m.time.text) == ("Stadshuset", "kl. 18.00–20.15")
    assert m.date.iso == "2024-05-06"
    assert (m.first_paragraph, m.last_paragraph) == (118, 119)
    assert (m.notice_posted.value.iso, m.notice_removed.value.iso) == ("2024-05-10", "2024-06-03")
    people = _people(m)
    assert set(people["Tove Lilja"].roles) == {"ledamot", "ordforande"}
    assert set(people["Bengt Alm"].roles) == {"ledamot", "viceordforande"}
    assert people["Axel Rask"].roles == ("ersattare",) and people["Axel Rask"].replaces == "Gun Rask"
    assert set(people["Dora Kron"].roles) == {"ledamot", "justerare"}
    assert (people["Fia Grahn"].title, people["Fia Grahn"].paragraphs) == ("stadsarkitekt", "118/2024")
    assert people["Gösta Bohm"].roles == ("sekreterare",)


def test_interleaved_paragraphs_with_year(interleaved):
    first, second = interleaved.records.meeting.paragraphs
    assert (first.number, first.ordinal, first.identifier, first.title.text) == ("118/2024", 118, "BN 2024/7",
                                                                                 "Bygglov för förskola")
    assert [r.text for r in first.recipients] == ["Sökanden"]
    assert (second.number, second.title.text) == ("119/2024", "Tillsyn av strandskydd")


# --- a protocol extract ------------------------------------------------------------------------------------------

def test_extract_is_minutes_of_one_paragraph(extract):
    m = extract.records.meeting
    assert extract.records.document.doc_type == "protokollsutdrag" and m.extract
    (para,) = m.paragraphs
    assert (para.number, para.identifier, para.title.text) == ("57", "KS 2022/140", "Motion om fler laddplatser")
    decision = next(d for d in extract.records.decisions if d.key == para.decision)
    assert decision.date.iso == "2022-06-20" and decision.text.startswith("Kommunfullmäktige beslutar att bifalla")
    assert [r.text for r in para.recipients] == ["Tekniska förvaltningen"]
    assert not any(f.code == "unknown-kind" for f in extract.records.findings)


# --- RDF ---------------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def clean_graph(clean) -> Graph:
    return clean.to_graph()[1]


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_TTL, format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES_TTL, format="turtle")


@pytest.mark.parametrize("name", ["clean", "transcript", "interleaved", "extract"])
def test_graph_conforms_to_shapes(name, request, ontology, shapes):
    g = request.getfixturevalue(name).to_graph()[1]
    conforms, _, text = validate(g, shacl_graph=shapes, ont_graph=ontology, inference="none")
    assert conforms, text


def test_meeting_in_rdf(clean_graph):
    g = clean_graph
    (meeting,) = g.subjects(RDF.type, SG.Meeting)
    assert (meeting, RDF.type, PROV.Activity) in g
    assert str(g.value(meeting, DCTERMS.date)) == "2023-03-14"
    assert str(g.value(meeting, SG.placeAndTime)).startswith("Kommunhuset, Bergsalen")
    assert str(g.value(meeting, SG.noticePosted)) == "2023-03-20"
    paragraphs = {str(g.value(p, SG.paragraphNumber)): p for p in g.objects(meeting, SG.hasParagraph)}
    assert set(paragraphs) == {"4", "7"}
    p7 = paragraphs["7"]
    assert str(g.value(p7, DCTERMS.identifier)) == "KS 2022/301"
    decision = g.value(p7, SG.decision)
    assert (decision, RDF.type, SG.Decision) in g
    (reservation,) = g.objects(p7, SG.reservation)
    names = {str(g.value(p, FOAF.name)) for p in g.objects(reservation, SG.reservingMember)}
    assert names == {"Jonas Ahl", "Nils Berg"}
    points = list(g.objects(g.value(paragraphs["4"], SG.decision), SG.hasPoint))
    assert len(points) == 2


def test_participations_in_rdf(clean_graph):
    g = clean_graph
    (meeting,) = g.subjects(RDF.type, SG.Meeting)
    roles = {}
    for a in g.objects(meeting, PROV.qualifiedAssociation):
        name = str(g.value(g.value(a, PROV.agent), FOAF.name))
        roles.setdefault(name, set()).update(g.objects(a, PROV.hadRole))
        if name == "Nils Berg":
            assert str(g.value(g.value(a, SG.replaces), FOAF.name)) == "Olle Dahl"
        if name == "Omar Nilsson":
            assert g.value(a, SG.attendedParagraphs) == Literal("7-9")
    assert roles["Karin Holm"] == {role_concept("ledamot"), role_concept("ordforande")}
    assert roles["Nils Berg"] == {role_concept("ersattare")}
    assert roles["Lena Ek"] == {role_concept("ledamot"), role_concept("justerare")}


def test_every_meeting_node_has_evidence(clean_graph):
    g = clean_graph
    from styrgraf.ontology.terms import OA
    for cls in (SG.Meeting, SG.MeetingParagraph, SG.MeetingParticipation, SG.Reservation):
        nodes = list(g.subjects(RDF.type, cls))
        assert nodes, cls
        for n in nodes:
            assert any(True for _ in g.subjects(OA.hasBody, n)), n
    evidenced_props = {g.value(ev, SG.property) for ev in g.subjects(OA.hasBody, next(g.subjects(RDF.type, SG.Meeting)))}
    assert {SG.placeAndTime, SG.adjustment, SG.noticePosted, SG.noticeRemoved, SG.paragraphRange} <= evidenced_props


def test_a_plan_has_no_meeting():
    root = Path(__file__).resolve().parents[2]
    result = extract_path(root / "corpus" / "000_5a26368617003b47.txt")
    assert result.kind != "protokoll" and result.records.meeting is None
    assert not list(result.to_graph()[1].subjects(RDF.type, SG.Meeting))


def test_a_label_run_into_a_name_is_no_surname():
    from styrgraf.ingest.kinds.minutes import _person_name

    assert _person_name("Stina Hallberg Paragrafer") == "Stina Hallberg"
    assert _person_name("Anna Karin Berg") == "Anna Karin Berg"
    assert _person_name("Per Ek Lindahl") == "Per Ek Lindahl"


# --- motions, votes, place and time, cover entries of other shapes ----------------------------------------------

VOTED = """PROTOKOLL
Barn- och utbildningsnämnden
Sammanträdesdatum 2019-11-20

Plats Skolhuset, Aulan
Tid onsdag den 20 november 2019, kl 18.00-20.30
Beslutande Ulla Tamm (s), ordförande
Rolf Ahlin (m), vice ordförande
Siv Eng (c)
Mona Kask (v), tgj ers för Per Kask (v)
Övriga deltagare Kim Rosén, skolchef, § 61
Ada Wik, controller, §§ 61-62
Sekreterare Bo Lund
ANSLAG/BEVIS
Organ Barn- och utbildningsnämnden

§ 61 Dnr BUN 2019/44
Skolskjutsregler

Yrkanden
Rolf Ahlin (m) och Siv Eng (c) yrkar att ärendet återremitteras. Ulla Tamm (s) yrkar bifall till förvaltningens förslag. Mona Kask (v) yrkar tillägg om en uppföljning.

Omröstning
Omröstning begärs och verkställs. Ja-röster: 7, nej-röster: 4, avstår: 1. Ordföranden finner att nämnden beslutat enligt förvaltningens förslag.

Barn- och utbildningsnämndens beslut
Barn- och utbildningsnämnden beslutar att anta reglerna.

Reservation
Rolf Ahlin (m) och Siv Eng (c) reserverar sig mot beslutet.

§ 62 Dnr BUN 2019/51
Läsårstider

Ordföranden ställer proposition på förslaget och finner att nämnden bifallit förslaget.
Barn- och utbildningsnämnden beslutar att fastställa läsårstiderna."""


@pytest.fixture(scope="module")
def voted(folder):
    return extract_path(write_form_feed(folder / "voted.txt", [_municipality("Tallby", VOTED)]))


def test_parties_are_no_organisations(voted):
    keys = {o.key for o in voted.records.organisations}
    assert not keys & {"M", "C", "V", "S"} and voted.records.meeting.body in keys


def test_motions_are_typed_with_movers_parties_and_kinds(voted):
    first = voted.records.meeting.paragraphs[0]
    assert [(m.movers, m.parties, m.kind) for m in first.motions] == [
        (("Rolf Ahlin", "Siv Eng"), ("m", "c"), "aterremiss"), (("Ulla Tamm",), ("s",), "bifall"),
        (("Mona Kask",), ("v",), "tillagg")]
    assert first.motions[0].proposal == "att ärendet återremitteras"


def test_votes_with_counts_and_a_proposition_without_heading(voted):
    first, second = voted.records.meeting.paragraphs
    (vote,) = first.votes
    assert (vote.adopted, vote.yes, vote.no, vote.abstained) == ("förvaltningens förslag", 7, 4, 1)
    (put,) = second.votes
    assert put.adopted == "förslaget" and put.yes is None
    assert put.text == "Ordföranden ställer proposition på förslaget och finner att nämnden bifallit förslaget."
    res = first.reservations[0]
    assert res.members == ("Rolf Ahlin", "Siv Eng") and res.parties == ("m", "c")


def test_place_and_time_labelled_apart_and_cover_entries_of_other_shapes(voted):
    m = voted.records.meeting
    assert (m.place.text, m.time.text) == ("Skolhuset, Aulan", "kl 18.00-20.30")
    assert m.body == next(o.key for o in voted.records.organisations if o.name == "Barn- och utbildningsnämnden")
    people = _people(m)
    assert people["Mona Kask"].roles == ("ersattare",) and people["Mona Kask"].replaces == "Per Kask"
    assert (people["Kim Rosén"].title, people["Kim Rosén"].paragraphs) == ("skolchef", "61")
    assert (people["Ada Wik"].title, people["Ada Wik"].paragraphs) == ("controller", "61-62")


def test_motions_and_votes_in_rdf(voted, ontology, shapes):
    g = voted.to_graph()[1]
    conforms, _, text = validate(g, shacl_graph=shapes, ont_graph=ontology, inference="none")
    assert conforms, text
    motions = list(g.subjects(RDF.type, SG.Motion))
    kinds = sorted(str(g.value(x, SG.motionKind)) for x in motions)
    assert kinds == ["aterremiss", "bifall", "tillagg"]
    back = next(x for x in motions if str(g.value(x, SG.motionKind)) == "aterremiss")
    assert {str(g.value(p, FOAF.name)) for p in g.objects(back, SG.mover)} == {"Rolf Ahlin", "Siv Eng"}
    votes = {int(g.value(v, SG.yesVotes)) for v in g.subjects(RDF.type, SG.Vote) if g.value(v, SG.yesVotes)}
    assert votes == {7}
    (meeting,) = g.subjects(RDF.type, SG.Meeting)
    assert str(g.value(meeting, SG.place)) == "Skolhuset, Aulan" and str(g.value(meeting, SG.meetingTime)) == "kl 18.00-20.30"


# An HTML export of a cover: labels glued to their values, the notice's two dates in one value.
GLUED = """SAMMANTRÄDESPROTOKOLL
Nämnd Socialnämnden
Sammanträdesdatum 2020-02-10
Plats och tid Vårdhuset, Eken, 09:00 – 14:55
Utses att justeraAlva Brink (C)
Paragrafer12 – 14
BeslutandeLinus Ort (S), ordförande
Alva Brink (C)
ANSLAG/BEVIS
Tid för anslag2020-02-14 – 2020-03-06

§ 12 Dnr SN 2020/3
Ekonomisk uppföljning
Socialnämnden beslutar att godkänna uppföljningen."""


def test_a_cover_with_labels_glued_to_values(folder):
    result = extract_path(write_form_feed(folder / "glued.txt", [_municipality("Ekmo", GLUED)]))
    m = result.records.meeting
    assert (m.first_paragraph, m.last_paragraph) == (12, 14)
    assert (m.notice_posted.value.iso, m.notice_removed.value.iso) == ("2020-02-14", "2020-03-06")
    assert (m.place.text, m.time.text) == ("Vårdhuset, Eken", "09:00 – 14:55")
    people = _people(m)
    assert set(people["Alva Brink"].roles) == {"ledamot", "justerare"} and people["Alva Brink"].party == "C"
    assert set(people["Linus Ort"].roles) == {"ledamot", "ordforande"}


# Members on one line with `ordf.`, officers title first, numbered decision points, a `Beslutsgång`.
ONE_LINE = """STENHÖGA KOMMUN
SAMMANTRÄDESPROTOKOLL
Kommunstyrelsen
Sammanträdesdatum 2014-05-12
Plats och tid Stadshuset, Lilla salen kl. 09:00-15:17
Beslutande Ledamöter Kjell Ros (S), ordf., Kajsa Ek (S), Berit Jons (M), vice ordf., Sven Mo (C) och Pär Sand (FP).
Tjänstgörande ersättare Anna Ljung (KD) ersätter Tor Lind (KD)
Övriga närvarande Kommundirektör Jan Frans, kommunsekreterare Lina Mat
Justerare Pär Sand (FP)
Justeringens plats och tid Stadshuset 2014-05-15
Underskrifter Sekreterare Lina Mat Paragrafer 170-171
\f§ 170 Dnr KS 2014/55
Motion om solceller
Yrkanden
Berit Jons (M) yrkar avslag på motionen. Kjell Ros (S) yrkar bifall till kommunstyrelsens arbetsutskotts förslag.
Beslutsgång
Ordföranden ställer proposition på yrkandena och finner att kommunstyrelsen bifaller arbetsutskottets förslag.
Beslut
Kommunstyrelsen beslutar
1. att motionen anses besvarad,
2. att uppdra åt förvaltningen att utreda saken.
Reservation
Berit Jons (M) och Sven Mo (C) reserverar sig mot beslutet till förmån för Berit Jons yrkande.
Expedieras till
Kommunfullmäktige
\f§ 171 Dnr KS 2014/60
Budget
Beslut
Kommunstyrelsen beslutar att godkänna budgeten.
"""


def test_members_on_one_line_officers_title_first_and_numbered_points(folder):
    path = folder / "one-line.txt"
    path.write_text(ONE_LINE, encoding="utf-8")
    result = extract_path(path)
    m = result.records.meeting
    people = _people(m)
    assert set(people["Berit Jons"].roles) == {"ledamot", "viceordforande"}
    assert set(people["Kjell Ros"].roles) == {"ledamot", "ordforande"} and people["Pär Sand"].party == "FP"
    assert (people["Jan Frans"].title, people["Lina Mat"].title) == ("kommundirektör", "kommunsekreterare")
    assert "Kommundirektör Jan Frans" not in people
    first = m.paragraphs[0]
    points = next(d for d in result.records.decisions if d.key == first.decision).points
    assert [p.text for p in points] == ["att motionen anses besvarad", "att uppdra åt förvaltningen att utreda saken."]
    assert first.votes[0].adopted == "arbetsutskottets förslag"
    assert first.reservations[0].parties == ("M", "C")


UNMARKED = """PROTOKOLL
Kommunstyrelsen
Sammanträdesdatum 2006-05-23
Plats och tid Kommunhuset kl 13.00-16.00
Beslutande Sten Ulf, ordförande
Märit Bo
Gun Ås
Sekreterare Ola Ek

§ 40 Dnr 2006/12
Vägplan
Märit Bo yrkar avslag på förslaget. Ordföranden yrkar bifall till förslaget. Ordföranden ställer proposition på yrkandena och finner att kommunstyrelsen bifallit förslaget.
Kommunstyrelsen beslutar att anta vägplanen."""


def test_motions_without_parties_by_cover_names_and_the_chair(folder):
    result = extract_path(write_form_feed(folder / "unmarked.txt", [_municipality("Ödsby", UNMARKED)]))
    assert {p.name: p.roles for p in result.records.meeting.participants} == {
        "Sten Ulf": ("ledamot", "ordforande"), "Märit Bo": ("ledamot",), "Gun Ås": ("ledamot",),
        "Ola Ek": ("sekreterare",)}
    (para,) = result.records.meeting.paragraphs
    assert para.number == "40"  # the secretary's surname before the heading is no prefix
    assert [(m.movers, m.parties, m.kind) for m in para.motions] == [(("Märit Bo",), (), "avslag"),
                                                                     (("Sten Ulf",), (), "bifall")]
    assert para.motions[1].text == "Ordföranden yrkar bifall till förslaget"
    for ev in (e for mo in para.motions for e in mo.evidence):
        assert result.doc.page_text(ev.page)[ev.start:ev.end] == ev.quote
