"""Page furniture in the pipeline: a constructed plan of an invented municipality in every page shape.

The same two pages of content are written as form-feed text, as a site transcript (the page
number glued to the running header's date, the first page unnumbered), as text with `Sida N av
M` header markers and with `N (M)` footer markers but no form feeds, and as the lines a PDF
reader gives. Each carries a letterhead and a running header or footer. Whatever the shape,
the furniture never becomes a title, a person, a goal, a list item or a consideration, the
last list item of page 1 does not run into page 2's header, and every quote stands verbatim
at its offsets on the page it names.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from styrgraf.ingest.document_text import DocumentText
from styrgraf.ingest import pages as normalising
from styrgraf.ingest.pages import Page
from styrgraf.ingest.pipeline import extract_path, extract_source
from styrgraf.ingest.sources import RawPage, SourceFile

MUNICIPALITY = "Lövsjö"
DATE, DNR = "2021-04-12", "KS 2021/345"
TITLE = "Projektplan för en ny badplats vid Västra Lunda"
LETTERHEAD = [f"{MUNICIPALITY} kommun", "Tekniska förvaltningen"]
HEADER = [f"{MUNICIPALITY} kommun {DATE}", f"Tekniska förvaltningen Dnr {DNR}"]

PAGE_1 = [
    TITLE,
    "Bakgrund",
    "Kommunstyrelsen beslutade 2021-03-02 att ge tekniska förvaltningen i uppdrag att ta fram en",
    "plan för en ny badplats.",
    "Mål",
    "Projektets mål är:",
    "1. Badplatsen ska vara tillgänglig för alla besökare.",
    "2. Vattenkvaliteten ska följas upp varje vecka under badsäsongen.",
    "Projektorganisation",
    "Projektägare: Karin Lövgren, förvaltningschef",
    "Projektledare: Anders Holmqvist",
    "Delprojekt 1. Tillgänglig strand",
    "Delprojektet ska adressera målet 1.",
    "Delprojektledare: Maria Sundelin",
    "Andra utredningar/processer som ska beaktas:",
    "1. Plan för friluftsliv",
    "2. Riktlinjer för tillgänglighet",
]
PAGE_2 = [
    "Delprojekt 2. Provtagning av vattnet",
    "Delprojektet ska adressera målet 2.",
    "Delprojektledare: Johan Ekström",
    "Andra utredningar/processer som ska beaktas:",
    "1. Program för vattenvård",
    "Tidplan",
    "Arbetet startar i maj 2021 och redovisas senast 2022-06-30.",
]
REFERENCES = {"Plan för friluftsliv": 1, "Riktlinjer för tillgänglighet": 1, "Program för vattenvård": 2}
PEOPLE = {"Karin Lövgren", "Anders Holmqvist", "Maria Sundelin", "Johan Ekström"}
GOALS = ["Badplatsen ska vara tillgänglig för alla besökare.",
         "Vattenkvaliteten ska följas upp varje vecka under badsäsongen."]


def form_feed() -> str:
    pages = [HEADER + LETTERHEAD + PAGE_1 + ["Sida 1 av 2"], HEADER + PAGE_2 + ["Sida 2 av 2"]]
    return "\f".join("\n".join(p) for p in pages) + "\n"


def transcript() -> str:
    head = f"{DATE} {DNR}"
    first = " ".join([head] + LETTERHEAD + PAGE_1)
    second = "2" + " ".join([head] + PAGE_2)  # the site glues the page number to the header's date
    return (f"{TITLE}\n\n\nRelevanta dokument\nPlan för en annan kommun\n\nTranskript:\n\n"
            f"{first}\n\n{second}\n")


def header_markers() -> str:
    """No form feeds: each page opens with the municipality and `Sida N av 2`, then a case line."""
    pages = [[f"{MUNICIPALITY} kommun   Sida {n} av 2", f"Tekniska förvaltningen   {DATE}   Dnr {DNR}"] + lines
             for n, lines in ((1, PAGE_1), (2, PAGE_2))]
    return "\n".join(line for p in pages for line in p) + "\n"


def footer_markers() -> str:
    """No form feeds: a letterhead on page 1, a contact footer and `N (2)` closing every page."""
    footer = f"{MUNICIPALITY} kommun, Box 12, 123 45 {MUNICIPALITY}, www.lovsjo.se"
    lines = ([f"{MUNICIPALITY} kommun", f"Tekniska förvaltningen {DATE}", f"Dnr {DNR}"] + PAGE_1 + [footer, "1 (2)"]
             + PAGE_2 + [footer, "2 (2)"])
    return "\n".join(lines) + "\n"


TEXT_SHAPES = {"form-feed": form_feed, "transcript": transcript, "header-markers": header_markers,
               "footer-markers": footer_markers}


def pdf_lines() -> list[RawPage]:
    """The lines of each page as the PDF reader gives them: header lines first, footer last."""
    return [RawPage(1, HEADER + PAGE_1 + ["1 (2)"]), RawPage(2, HEADER + PAGE_2 + ["2 (2)"])]


def _extract_text(shape: str, tmp_path: Path):
    path = tmp_path / f"{shape}.txt"
    path.write_text(TEXT_SHAPES[shape](), encoding="utf-8")
    return extract_path(path)


def _extract_pdf_lines(tmp_path: Path):
    raw = pdf_lines()
    data = repr(raw).encode()
    src = SourceFile(path=tmp_path / "plan.pdf", sha256=hashlib.sha256(data).hexdigest(), size=len(data),
                     media_type="application/pdf", preamble=None, page_count=len(raw),
                     _read_pages=lambda: iter(raw))
    return extract_source(src)


@pytest.fixture(params=[*TEXT_SHAPES, "pdf"])
def extracted(request, tmp_path):
    if request.param == "pdf":
        return _extract_pdf_lines(tmp_path)
    return _extract_text(request.param, tmp_path)


def _pages(x) -> dict[int, Page]:
    return {p.number: p for p in x.pages}


def _verbatim(x, evidence) -> None:
    pages = _pages(x)
    for ev in evidence:
        page = pages[ev.page]
        assert page.text[ev.start:ev.end] == ev.quote
        assert not any(f.start < ev.end and ev.start < f.end for f in page.furniture), (ev, page.furniture)


def test_every_shape_is_split_into_its_two_pages_numbered_by_position(extracted):
    assert [p.number for p in extracted.pages] == [1, 2]
    assert all(p.furniture for p in extracted.pages)
    assert not extracted.pages[1].text.startswith("2" + DATE)  # the transcript's page number is split off


def test_list_items_end_at_the_page_break_not_in_the_next_pages_header(extracted):
    refs = {r.key: r for r in extracted.records.references}
    assert sorted(r.title for r in refs.values()) == sorted(REFERENCES)
    for ref in refs.values():
        assert [e.page for e in ref.evidence] == [REFERENCES[ref.title]]
        assert [e.quote.split(". ", 1)[-1] for e in ref.evidence] == [ref.title]  # the item, marker and all
        _verbatim(extracted, ref.evidence)
    considered = {(c.subproject, refs[c.reference].title) for c in extracted.records.considerations}
    assert considered == {(1, "Plan för friluftsliv"), (1, "Riktlinjer för tillgänglighet"),
                          (2, "Program för vattenvård")}
    for c in extracted.records.considerations:
        _verbatim(extracted, c.evidence)


def test_furniture_is_no_title_person_or_goal(extracted):
    records = extracted.records
    assert records.document.title == TITLE
    assert [e.page for e in records.document.title_evidence] == [1]
    _verbatim(extracted, records.document.title_evidence)
    assert {p.name for p in records.people} == PEOPLE
    for person in records.people:
        _verbatim(extracted, person.evidence)
    assert [i.text for i in records.intentions] == GOALS
    for goal in records.intentions:
        _verbatim(extracted, goal.evidence)
    assert "Sida" not in extracted.doc.body and "(2)" not in extracted.doc.body
    assert "Tekniska förvaltningen Dnr" not in extracted.doc.body


def test_the_headers_date_and_case_number_are_still_facts_quoted_in_the_header(extracted):
    info = extracted.records.document
    assert (info.date.iso, info.identifier, info.municipality) == (DATE, DNR, MUNICIPALITY)
    pages = _pages(extracted)
    for ev in info.date_evidence + info.identifier_evidence:
        assert ev.page == 1 and pages[1].text[ev.start:ev.end] == ev.quote


def test_evidence_across_furniture_is_split_around_it():
    pages = normalising.normalise_pages([RawPage(1, ["Norrbacka kommun 2020-01-01", "Text som börjar", "Sida 1 av 2"]),
                             RawPage(2, ["Norrbacka kommun 2020-01-01", "och slutar här.", "Sida 2 av 2"])])
    doc = DocumentText(pages)
    assert doc.body == "Text som börjar och slutar här."
    evidence = doc.evidence(0, len(doc.body))
    assert [(e.page, e.quote) for e in evidence] == [(1, "Text som börjar"), (2, "och slutar här.")]
    for e in evidence:
        assert doc.page_text(e.page)[e.start:e.end] == e.quote
    assert doc.headers[2].date == "2020-01-01"
    assert [(e.page, e.quote) for e in doc.header_evidence(2, "2020-01-01")] == [(2, "2020-01-01")]


def test_furniture_inside_a_page_splits_the_pages_content_into_pieces():
    # A page marker line between two paragraphs of one page (a column break in a PDF).
    pages = normalising.normalise_pages([RawPage(1, ["Första stycket slutar.", "Sida 1 (2)", "Andra stycket."]),
                             RawPage(2, ["Sista sidan.", "Sida 2 (2)"])])
    doc = DocumentText(pages)
    assert doc.body == "Första stycket slutar. Andra stycket. Sista sidan."
    start = doc.body.index("slutar")
    evidence = doc.evidence(start, doc.body.index("stycket.") + len("stycket."))
    assert [e.quote for e in evidence] == ["slutar.", "Andra stycket."]
    assert [s.page for s in doc.segments] == [1, 2]
    assert doc.page_at(doc.body.index("Sista")) == 2
