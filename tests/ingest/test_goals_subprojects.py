"""Goals and subprojects as plans of other layouts write them (docs/genre.md §2, §6).

Each test writes a small plan of an invented municipality (Tallmo) as text with form feeds,
varying only the part under test: the goal word and its enumeration, the subproject heading,
or the phrase that says which goals a subproject addresses.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from styrgraf.ingest.pipeline import extract_path

GOALS = ("Invånarna ska kunna boka tid hos kommunen via webben.",
         "Väntetiden i kundtjänsten ska halveras.",
         "Alla förvaltningar ska använda samma ärendesystem.",
         "Kostnaden per ärende ska minska.")
SUBS = ("Gemensam bokning", "Kundtjänst i samverkan", "Ett ärendesystem")
LEADERS = ("Maja Storm", "Axel Wik", "Greta Holm")


def _enumerate(style: str) -> list[str]:
    if style == "numbered":
        return [f"{i}. {g}" for i, g in enumerate(GOALS, 1)]
    if style == "lettered":
        return [f"{chr(ord('a') + i)}) {g}" for i, g in enumerate(GOALS)]
    return [f"- {g}" for g in GOALS]


def _subproject_blocks(heading: str, addressed: list[str]) -> list[str]:
    out = []
    for n, (title, phrase, leader) in enumerate(zip(SUBS, addressed, LEADERS), 1):
        out += ["", heading.format(n=n, title=title, upper=title.upper()), phrase,
                f"Delprojektledare: {leader}", "Arbetsgrupp: Ivar Lind och Tora Björk"]
    return out


def write_plan(folder: Path, goal_block: list[str], sub_block: list[str]) -> Path:
    page1 = ["Tallmo kommun 2024-03-05 Dnr KS 2024/0117", "", "Tallmo kommun", "Kommunledningskontoret", "",
             "Projektplan för en samlad kundtjänst", "", "Bakgrund",
             "Kommunstyrelsen beslutade 2023-11-14, § 201 att ge kommundirektören i uppdrag att ta fram en plan.",
             "", *goal_block, "", "Projektorganisation", "Projektägare: Rut Ek, kommundirektör",
             "Projektledare: Sven Al", "", "Sida 1 av 2"]
    page2 = ["Tallmo kommun 2024-03-05 Dnr KS 2024/0117", *sub_block, "", "Tidplan",
             "Arbetet redovisas senast 2025-06-30.", "", "Sida 2 av 2"]
    path = folder / "plan.txt"
    path.write_text("\n".join(page1) + "\f" + "\n".join(page2) + "\n", encoding="utf-8")
    return path


def extract(tmp_path: Path, goal_block: list[str], sub_block: list[str] | None = None):
    sub_block = sub_block if sub_block is not None else _subproject_blocks(
        "Delprojekt {n}. {title}", ["Delprojektet ska adressera mål 1.", "Delprojektet ska adressera mål 2.",
                                    "Delprojektet ska adressera mål 3."])
    return extract_path(write_plan(tmp_path, goal_block, sub_block))


def _verbatim(doc, evidence) -> bool:
    pages = {p.number: p.text for p in doc.pages}
    return all(pages[e.page][e.start:e.end] == e.quote for e in evidence)


# --- goals -----------------------------------------------------------------------------

LEAD_INS = (
    ["Intentioner", "Arbetet ska följa nedanstående intentioner:"],
    ["Intentionspunkter", "Projektet ska uppfylla följande intentionspunkter:"],
    ["Målpunkter", "Projektets målpunkter är:"],
    ["Mål", "Projektets mål är:"],
    ["Effektmål"],
    ["Projektmål"],
    ["Mål och delmål", "Delmålen är följande."],
    ["Syfte", "Syftet är att samla kundtjänsten. Effektmålen är:"],
)


@pytest.mark.parametrize("style", ["numbered", "lettered", "bulleted"])
@pytest.mark.parametrize("lead_in", LEAD_INS, ids=lambda x: x[-1][:24])
def test_goals_under_every_name_and_enumeration(tmp_path, lead_in, style):
    d = extract(tmp_path, list(lead_in) + _enumerate(style))
    goals = d.records.intentions
    assert [g.text for g in goals] == list(GOALS)
    assert [g.number for g in goals] == [1, 2, 3, 4]
    assert [g.letter for g in goals] == (["a", "b", "c", "d"] if style == "lettered" else [None] * 4)
    assert all(_verbatim(d, g.evidence) for g in goals)


@pytest.mark.parametrize("label", ["Mål", "Effektmål", "Delmål"])
def test_goals_that_carry_their_label(tmp_path, label):
    d = extract(tmp_path, ["Mål", "Kommunens mål är följande."] + [f"{label} {i}: {g}" for i, g in enumerate(GOALS, 1)])
    assert [(g.number, g.text) for g in d.records.intentions] == list(enumerate(GOALS, 1))
    assert all(_verbatim(d, g.evidence) for g in d.records.intentions)


def test_a_numbered_goal_list_is_not_a_list_of_subprojects(tmp_path):
    d = extract(tmp_path, ["Mål", "Projektets mål är:"] + _enumerate("numbered"))
    assert [(s.number, s.title) for s in d.records.subprojects] == list(enumerate(SUBS, 1))


def test_a_span_of_years_is_no_goal_reference(tmp_path):
    sub = _subproject_blocks("Delprojekt {n}: {title}", ["Förslag på delmål 1-3 år tas fram."] * 3)
    d = extract(tmp_path, ["Mål", "Projektets mål är:"] + _enumerate("numbered"), sub)
    assert d.records.coverage == []


# --- subprojects -----------------------------------------------------------------------

@pytest.mark.parametrize("heading", [
    "Delprojekt {n} – {title}", "Delprojekt {n}: {title}", "Delprojekt {n}. {title}",
    "Delprojekt {n} {title}", "DELPROJEKT {n} {upper}",
])
def test_subproject_headings(tmp_path, heading):
    sub = _subproject_blocks(heading, ["Delprojektet ska adressera målen 1 och 2."] * 3)
    d = extract(tmp_path, ["Mål", "Projektets mål är:"] + _enumerate("numbered"), sub)
    upper = heading.endswith("{upper}")
    assert [(s.number, s.title) for s in d.records.subprojects] == [
        (n, t.upper() if upper else t) for n, t in enumerate(SUBS, 1)]
    assert all(_verbatim(d, s.evidence) for s in d.records.subprojects)
    leaders = {(r.subproject, r.person) for r in d.records.roles if r.subproject}
    assert leaders >= set(enumerate(LEADERS, 1))


def test_a_title_in_capitals_ends_with_the_capitals(tmp_path):
    sub = []
    for n, title in enumerate(SUBS, 1):
        sub += ["", f"DELPROJEKT {n} {title.upper()}", "Här samlas arbetet med mål 1.", f"Delprojektledare: {LEADERS[n - 1]}"]
    d = extract(tmp_path, ["Mål", "Projektets mål är:"] + _enumerate("numbered"), sub)
    assert [s.title for s in d.records.subprojects] == [t.upper() for t in SUBS]


def test_bulleted_goals_end_at_the_first_subproject(tmp_path):
    sub = _subproject_blocks("Delprojekt {n} – {title}", ["Delprojektet ska adressera mål 1."] * 3)
    d = extract_path(write_plan(tmp_path, ["Målet med projektet är att:"] + _enumerate("bulleted") + sub, []))
    assert [g.text for g in d.records.intentions] == list(GOALS)


def test_a_heading_without_separator_out_of_series_is_prose(tmp_path):
    sub = _subproject_blocks("Delprojekt {n}: {title}", ["Delprojektet ska adressera mål 1."] * 3)
    sub += ["Resultatet av Delprojekt 7 Kundtjänst redovisas i bokslutet."]
    d = extract(tmp_path, ["Mål", "Projektets mål är:"] + _enumerate("numbered"), sub)
    assert [s.number for s in d.records.subprojects] == [1, 2, 3]


# --- the goals each subproject addresses ---------------------------------------------------

@pytest.mark.parametrize("style,phrases,expected", [
    ("numbered", ["Delprojektet ska omfatta mål 2 och 4.", "Delprojektet adresserar effektmålen 1–3.",
                  "Delprojektet berör målpunkterna 1, 3 samt 4."],
     {(1, 2), (1, 4), (2, 1), (2, 2), (2, 3), (3, 1), (3, 3), (3, 4)}),
    ("numbered", ["Delprojektet ska adressera projektmålet 3.", "Delprojektet ska adressera intentionspunkt 2.",
                  "Delprojektet ska uppfylla delmålen 1 och 4."],
     {(1, 3), (2, 2), (3, 1), (3, 4)}),
    ("lettered", ["Delprojektet ska adressera målen a och c.", "Delprojektet ska adressera målet d.",
                  "Delprojektet ska adressera målen b–d."],
     {(1, 1), (1, 3), (2, 4), (3, 2), (3, 3), (3, 4)}),
    ("numbered", ["Delprojektet ska adressera målen 1, 2, och 4.", "Delprojektet ska adressera effektmål 1 till 3.",
                  "Delprojektet ska adressera mål nr 4."],
     {(1, 1), (1, 2), (1, 4), (2, 1), (2, 2), (2, 3), (3, 4)}),
    ("lettered", ["Delprojektet ska adressera mål a) och b).", "Delprojektet ska stödja målen i kommunens budget.",
                  "Delprojektet ska adressera effektmål 4."],
     {(1, 1), (1, 2), (3, 4)}),
])
def test_goals_each_subproject_addresses(tmp_path, style, phrases, expected):
    sub = _subproject_blocks("Delprojekt {n} – {title}", phrases)
    d = extract(tmp_path, ["Mål", "Projektets mål är:"] + _enumerate(style), sub)
    assert {(c.subproject, c.intention) for c in d.records.coverage} == expected
    assert all(_verbatim(d, c.evidence) for c in d.records.coverage)


# --- the sectioned shape (docs/genre.md §14) ---------------------------------------------

@pytest.mark.parametrize("heading", ["Övergripande projektmål", "2.1 ÖVERGRIPANDE PROJEKTMÅL", "Leveransmål",
                                     "Förväntat resultat", "Leveranser"])
@pytest.mark.parametrize("marker", ["{n}.", "{n}:"])
def test_goals_under_a_compound_goal_heading_after_an_intro_line(tmp_path, heading, marker):
    block = [heading, "Projektet ska uppnå följande:"] + [f"{marker.format(n=i)} {g}" for i, g in enumerate(GOALS, 1)]
    doc = extract(tmp_path, block)
    assert [(g.number, g.text) for g in doc.records.intentions] == list(enumerate(GOALS, 1))
    assert all(_verbatim(doc, g.evidence) for g in doc.records.intentions)


def test_a_heading_that_names_no_goals_starts_no_goal_list(tmp_path):
    block = ["Bakgrundsmaterial", "Underlaget består av följande:"] + [f"{i}. {g}" for i, g in enumerate(GOALS, 1)]
    assert extract(tmp_path, block).records.intentions == []


def _sectioned_blocks() -> list[str]:
    return ["", "Delprojekt 1 Gemensam bokning (mål 1 och 2)", "Delprojektansvarig: Greta Falk Hedlund, IT-chef",
            "Deltagare: Ivar Lind, Tora Björk Sjögren", "Ska beaktas:",
            "* Energi- och klimatstrategi och Investeringsplan 2024-2028", "* Projekt Kultur och Värderingar",
            "", "Delprojekt 2 Kundtjänst i samverkan (mål 3)", "Delprojektansvarig: Axel Wik",
            "Deltagare: Maja Storm Lind, Olle Berg", "Ska beaktas:", "1. Riktlinjer för informationssäkerhet",
            "2. Arkivreglemente"]


def test_subprojects_as_sections_with_goals_in_brackets_labels_and_bullets(tmp_path):
    r = extract(tmp_path, ["Mål"] + [f"{i}. {g}" for i, g in enumerate(GOALS, 1)], _sectioned_blocks()).records
    assert [(s.number, s.title) for s in r.subprojects] == [(1, "Gemensam bokning"), (2, "Kundtjänst i samverkan")]
    assert {(c.subproject, c.intention) for c in r.coverage} == {(1, 1), (1, 2), (2, 3)}
    roles = {(x.subproject, x.person, x.role) for x in r.roles if x.subproject}
    assert roles == {(1, "Greta Falk Hedlund", "projektledare"), (1, "Ivar Lind", "projektgrupp"),
                     (1, "Tora Björk Sjögren", "projektgrupp"), (2, "Axel Wik", "projektledare"),
                     (2, "Maja Storm Lind", "projektgrupp"), (2, "Olle Berg", "projektgrupp")}
    titles = {r.references[i].title for i in range(len(r.references))}
    # Two works joined in one bullet are two; `Energi- och` and a title's own `och` are not a join;
    # the last item stops before the next section's number (`Tidplan` follows).
    assert titles == {"Energi- och klimatstrategi", "Investeringsplan 2024-2028", "Projekt Kultur och Värderingar",
                      "Riktlinjer för informationssäkerhet", "Arkivreglemente"}
