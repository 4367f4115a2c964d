"""Readings of the genre beyond one municipality's wording, on constructed texts of invented
municipalities: committees by name, roles in prose, goal markers, run-on lists, minutes that
adopt a plan."""
from __future__ import annotations

from styrgraf.ingest.document_text import DocumentText
from styrgraf.ingest.goals import find_goals
from styrgraf.ingest.kinds import detect_kind, generic, project_plan
from styrgraf.ingest.organisations import find_organisations
from styrgraf.ingest.pages import Page
from styrgraf.ingest.people import find_people


def doc_of(*texts: str) -> DocumentText:
    return DocumentText([Page(i, t) for i, t in enumerate(texts, 1)])


def test_committees_and_boards_by_name_in_their_definite_form():
    text = ("Kultur- och fritidsnämnden beslutade 2020-03-02, § 14. Miljönämndens beslut. Tekniska nämnden. "
            "Socialnämndens arbetsutskott. Alla nämnder ska delta. Nämnden beslutade.")
    found = [(o.key, text[o.start:o.end]) for o in find_organisations(text)]
    assert found == [("Kultur- och fritidsnämnden", "Kultur- och fritidsnämnden"),
                     ("Miljönämnden", "Miljönämndens"), ("Tekniska nämnden", "Tekniska nämnden"),
                     ("Socialnämndens arbetsutskott", "Socialnämndens arbetsutskott")]


def test_a_plan_records_a_committees_dated_decision_and_adoption_note():
    text = ("Storvik kommun 2021-05-04 Projektdirektiv för ett nytt kulturhus Beslutad av: Kultur- och "
            "fritidsnämndens arbetsutskott 2021-05-04, § 31 Bakgrund Kultur- och fritidsnämnden gav den "
            "3 februari 2020 förvaltningen i uppdrag att utreda ett kulturhus. Projektorganisation "
            "Projektägare: Eva Lund Projektledare: Nils Berg")
    records = project_plan.extract(doc_of(text))
    got = {(d.date.iso, d.body) for d in records.decisions}
    assert {("2021-05-04", "Kultur- och fritidsnämndens arbetsutskott"),
            ("2020-02-03", "Kultur- och fritidsnämnden")} <= got


def test_roles_written_in_prose():
    text = ("Delprojektet leds av Hanna Strand. I arbetsgruppen ingår Ola Berg, Tove Lind och Kent Ahl. "
            "Styrgruppen består av Rut Falk och Sven Moberg. Som resurspersoner bidrar Lisa Holm och Per Ek.")
    roles = {p.name: [r.key for r in p.roles] for p in find_people(text)}
    assert roles == {"Hanna Strand": ["projektledare"], "Ola Berg": ["projektgrupp"], "Tove Lind": ["projektgrupp"],
                     "Kent Ahl": ["projektgrupp"], "Rut Falk": ["styrgrupp"], "Sven Moberg": ["styrgrupp"],
                     "Lisa Holm": ["resursperson"], "Per Ek": ["resursperson"]}


def test_a_role_after_a_name_labels_no_one_after_it():
    text = "Justeras Björn Dahl, ordförande Sofia Falk, justerare"
    roles = {p.name: [r.key for r in p.roles] for p in find_people(text)}
    assert roles == {"Björn Dahl": ["ordforande"], "Sofia Falk": ["justerare"]}


def test_goal_lists_with_parenthesis_numbers_and_capital_letters():
    doc = doc_of("Syfte Text. Förväntade effekter 1) Fler resor med buss. 2) Färre olyckor. "
                 "Projektmål A. Alla skolor nås med cykel. B. Skolvägarna är belysta. Organisation Text.")
    goals, _ = find_goals(doc, 0, len(doc.body))
    assert [(g.number, g.text) for g in goals] == [(1, "Fler resor med buss."), (2, "Färre olyckor.")]
    rest = doc.body.index("Projektmål")
    goals, _ = find_goals(doc, rest, len(doc.body))
    assert [(g.letter, g.text) for g in goals] == [("A", "Alla skolor nås med cykel."), ("B", "Skolvägarna är belysta.")]


def test_minutes_that_adopt_a_plan_are_not_a_plan_and_take_the_paragraph_title():
    cover = ("STORVIKS KOMMUN SAMMANTRÄDESPROTOKOLL Kommunstyrelsen Sammanträdesdatum 2022-09-12 Beslutande "
             "Anna Berg (S), ordförande Utses att justera Per Lind (M)")
    paragraph = ("§ 88 Dnr KS 2022/140 Projektplan för nya gång- och cykelvägar Ärendebeskrivning Text. "
                 "Beslut Kommunstyrelsen beslutar att godkänna projektplanen, att utse Eva Ek till projektledare.")
    doc = doc_of(cover, paragraph)
    assert project_plan.score(doc) == 0.0
    assert detect_kind(doc).KEY == "protokoll"  # minutes, not a plan
    info = generic.document_info(doc, None)
    assert (info.title, info.doc_type) == ("Projektplan för nya gång- och cykelvägar", "protokoll")


def test_run_on_consideration_lists_are_split():
    text = ("Delprojekt 1 – Kartläggning Delprojektledare: Anna Berg Att beakta: Riktlinjer för parkering; "
            "Trafikstrategi 2030 Delprojekt 2 – Genomförande Delprojektledare: Per Lind "
            "Beroenden: Översiktsplan 2040 - Cykelplan för Storvik Tidplan Start 2022-01-01.")
    doc = doc_of("Storvik kommun 2021-05-04 Projektplan för trafiken Bakgrund Text. " + text)
    records = project_plan.extract(doc)
    titles = {r.key: r.title for r in records.references}
    got = {(c.subproject, titles[c.reference]) for c in records.considerations if c.reference}
    assert got == {(1, "Riktlinjer för parkering"), (1, "Trafikstrategi 2030"),
                   (2, "Översiktsplan 2040"), (2, "Cykelplan för Storvik")}


def test_dp_sections_with_a_responsible_and_the_goals_they_address():
    text = ("Storvik kommun 2021-05-04 Projektplan för en ny lärplattform Bakgrund Text. Projektmål "
            "a) Alla elever använder plattformen. b) Lärarna sparar tid. c) Plattformen är säker. "
            "Delprojekt DP1 Kravställning Ansvarig: Maria Holm Arbetsgrupp: Ola Berg, Tove Lind "
            "Mål som adresseras: c Samordnas med: Riktlinjer för informationssäkerhet "
            "DP2 Införande Ansvarig: Per Ek Koppling till projektmål: a, c Tidplan Start 2022-01-01.")
    records = project_plan.extract(doc_of(text))
    assert [(s.number, s.title) for s in records.subprojects] == [(1, "Kravställning"), (2, "Införande")]
    leaders = {(r.subproject, r.person) for r in records.roles if r.role == "projektledare"}
    assert leaders == {(1, "Maria Holm"), (2, "Per Ek")}
    assert {(c.subproject, c.intention) for c in records.coverage} == {(1, 3), (2, 1), (2, 3)}


def test_a_title_ends_before_the_letterhead_that_follows_it():
    from styrgraf.ingest import basic_facts as bf

    doc = doc_of("Dokumenttyp Datum Projektplan 2020-06-23 Projektplan för en ny översiktsplan för hela "
                 "kommunen Storviks kommun STORVIKS KOMMUN PROJEKTPLAN 1 Bakgrund Text.")
    assert bf.find_title(doc).text == "Projektplan för en ny översiktsplan för hela kommunen"
    kept = doc_of("Strategi för parkerna i Lilla Storvik kommun 1. Inledning Strategin anger inriktningen.")
    assert bf.find_title(kept).text == "Strategi för parkerna i Lilla Storvik kommun"


def test_a_decisions_case_number_in_the_sentence_after_it():
    text = ("Storvik kommun 2021-05-04 Projektplan för en ny simhall Bakgrund Kommunstyrelsen beslutade "
            "2020-04-20 att utreda en ny simhall. Ärendet har diarienummer KS 2020/312. Projektorganisation "
            "Projektägare: Eva Lund Projektledare: Nils Berg")
    records = project_plan.extract(doc_of(text))
    assert [(d.date.iso, d.body, d.identifier) for d in records.decisions if d.kind != "plan"] == [
        ("2020-04-20", "KS", "KS 2020/312")]


def test_a_compound_title_and_an_adoption_dated_with_den():
    from styrgraf.ingest import basic_facts as bf
    from styrgraf.ingest.dated_decisions import find_decisions

    doc = doc_of("Storviks kommun KS 2023/410 Kulturprogram 2024–2027 Storviks kommun Beslutad av: "
                 "Kommunfullmäktige, den 5 mars 2024 Dokumentansvarig: Eva Lund, kulturchef Inledning Text.")
    assert bf.find_title(doc).text == "Kulturprogram 2024–2027"
    assert [(t.role, t.value.iso) for t in bf.find_dates_typed(doc)] == [("adoption", "2024-03-05")]
    assert [(d.date.iso, d.body) for d in find_decisions(doc, None)] == [("2024-03-05", "KF")]
    banner = doc_of("PROJEKTPLAN Projektplan Storviks kommun Bakgrund Text.")
    assert bf.find_title(banner) is None


def test_a_letterheads_date_is_no_case_number_and_compound_titles_name_their_type():
    from styrgraf.ingest import basic_facts as bf
    from styrgraf.ingest.doc_types import type_of_word

    assert not bf.CASE_NUMBER.search("STORVIKS KOMMUN 2014-03-18")
    assert bf.CASE_NUMBER.search("Dnr KSN-2021-0256").group("dnr") == "KSN-2021-0256"
    assert [type_of_word(w) for w in ("Digitaliseringsstrategi", "Kommunikationspolicy", "Kulturprogram",
                                      "Projektplan", "Verksamhetsberättelse")] == [
        "strategi", "policy", "program", "projektplan", None]


def test_an_extracts_certification_in_its_footer_makes_it_a_protocol_extract(tmp_path):
    from styrgraf.ingest.pipeline import extract_path

    pages = []
    for n in (1, 2):
        pages.append(f"Storviks kommun SAMMANTRÄDESPROTOKOLL\nKommunstyrelsen 2022-09-12\n"
                     + ("§ 88 Dnr KS 2022/140\nProjektplan för nya gång- och cykelvägar\nÄrendebeskrivning\n"
                        "Förvaltningen har tagit fram en plan.\n" if n == 1 else
                        "Beslut\nKommunstyrelsen beslutar att godkänna projektplanen.\n")
                     + f"Justerandes sign    Utdragsbestyrkande    {n}({2})\n")
    path = tmp_path / "utdrag.txt"
    path.write_text("\f".join(pages), encoding="utf-8")
    x = extract_path(path)
    assert x.records.document.doc_type == "protokollsutdrag"
    assert x.records.document.municipality == "Storvik"


def test_a_transcripts_running_header_is_found_by_its_repetition(tmp_path):
    from styrgraf.ingest.pipeline import extract_path

    header = "STORVIKS KOMMUN PROJEKTPLAN Tekniska förvaltningen 2022-03-12 Dnr KS 2022/307"
    pages = [f"1 Projektplan för nya cykelvägar Storviks kommun 2022-03-12 Dnr KS 2022/307 1 Bakgrund Text.",
             f"2 {header} 2 Delprojekt Delprojekt 1 – Kartläggning Delprojektledare: Anna Berg Att beakta: "
             "Riktlinjer för parkering, Trafikstrategi 2030",
             f"3 {header} Delprojekt 2 – Genomförande Delprojektledare: Per Lind Hänsyn ska tas till Cykelplan 2040.",
             f"4 {header} 3 Tidplan Start 2022-04-01."]
    path = tmp_path / "plan.txt"
    path.write_text("Projektplan för nya cykelvägar\n\nTranskript:\n\n" + "\n\n".join(pages), encoding="utf-8")
    x = extract_path(path)
    titles = {r.key: r.title for r in x.records.references}
    got = {(c.subproject, titles[c.reference]) for c in x.records.considerations if c.reference}
    assert got == {(1, "Riktlinjer för parkering"), (1, "Trafikstrategi 2030"), (2, "Cykelplan 2040")}
    assert all("STORVIKS" not in p.name for p in x.records.people)


def test_a_third_name_word_that_starts_what_follows_is_no_surname():
    from styrgraf.ingest.names import parse_people

    text = "Elin Eriksson Delprojekt 2 avser"
    people, _ = parse_people(text, 0, len(text))
    assert [p.name for p in people] == ["Elin Eriksson"]


def test_a_title_run_into_the_first_sentence_ends_before_it():
    from styrgraf.ingest import basic_facts as bf

    doc = doc_of("Datum: 2022-03-01 Tjänsteskrivelse om öppettider för biblioteken Förvaltningen föreslår att "
                 "biblioteken har öppet även på lördagar.")
    assert bf.find_title(doc).text == "Tjänsteskrivelse om öppettider för biblioteken"


def test_titles_in_parentheses_and_roles_after_som_or_i_rollen_som():
    text = ("Styrgrupp: Erik Dahl (förvaltningschef), Maria Lind (kommunikatör) och Anna Gran (digitaliseringsledare) "
            "Kontoret företräds av samhällsplanerare Sara Mott, som är projektägare. Arbetet leds av Eva Falk "
            "(verksamhetschef) i rollen som projektledare.")
    got = {p.name: (p.title, [r.key for r in p.roles]) for p in find_people(text)}
    assert got == {"Erik Dahl": ("förvaltningschef", ["styrgrupp"]), "Maria Lind": ("kommunikatör", ["styrgrupp"]),
                   "Anna Gran": ("digitaliseringsledare", ["styrgrupp"]),
                   "Sara Mott": ("samhällsplanerare", ["uppdragsansvarig"]),
                   "Eva Falk": ("verksamhetschef", ["projektledare"])}
