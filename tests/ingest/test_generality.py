"""The project-plan rules work for the genre, not for one file.

Two plans written here with `plan_builder`, deliberately unlike the seed:

- Lund: 7 numbered intentions, 4 subprojects described inline (`Delprojekt 1:
  …`, no appendices), a project-level organisation with projektägare,
  projektledare and styrgrupp, delprojektledare in each subproject, the header
  `Lunds kommun | Dnr KS 2014/0123 | 2014-03-10`, plain text with form feeds
  (and, as a second rendition, the site's text export).
- Växjö: 9 lettered intentions, 3 subprojects as appendices, one scope
  qualifier, people written `Name, ORG` and `A/B`, Swedish dates without a
  year, the impossible date 2013-09-31, a reference group of organisations,
  the header `Dnr KS 2013/0245 2013-05-14`, rendered as a PDF (and as an export).

Then ~20 plans from `bench/synth.py` (seeded) whose subprojects, coverage and
roles must be recovered exactly.
"""
from __future__ import annotations

import importlib.util
import random
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from tests.ingest import plan_builder as pb
from tests.ingest.plan_builder import Decision, Milestone, Person, Plan, Reference, RoleLine, Subproject

from styrgraf.ingest.pipeline import extract_path

ROOT = Path(__file__).resolve().parents[2]


# --- the plans -------------------------------------------------------------------------

P = Person


def checked_plan(deadline: tuple[str, str], **fields) -> Plan:
    """A Plan of `fields` whose main part states one deadline after the intentions.

    `deadline` is (the sentence up to its date, the date): the sentence and the
    project milestone it makes are written from the same date. The plan is
    checked for consistency (`pb.check`) before any test uses it.
    """
    sentence, date = deadline
    plan = Plan(after_intentions=(f"{sentence} {date}.",), project_milestones=(Milestone("beslut", date),), **fields)
    pb.check(plan)
    return plan


def plan_lund() -> Plan:
    subprojects = [
        Subproject(
            1, "Gemensam kontaktväg", (1, 4),
            "Delprojektet ska ta fram ett förslag till hur en gemensam kontaktväg för invånare och företagare "
            "kan organiseras, bemannas och följas upp.",
            scope_limits=(
                "Delprojektet omfattar inte myndighetsutövningen i sig, enbart hur ärenden tas emot och lotsas vidare.",
                "Lokalfrågor för ett kontaktcenter hanteras i den ordinarie lokalförsörjningsprocessen.",
            ),
            method_steps=(
                "Kartläggning av dagens kontaktvägar och ärendeflöden.",
                "Studiebesök hos kommuner som har infört kontaktcenter.",
                "Förslag till organisation, bemanning och öppettider.",
            ),
            considerations=("Förstudie om kontaktcenter (KS 2013/0217)", "Kommunens informationssäkerhetspolicy"),
            roles=(
                RoleLine("Delprojektledare", (P("Sara Lindqvist", org="SEF"),)),
                RoleLine("Projektgrupp", (P("Tobias Frick"), P("Anneli Rask"), P("Oskar Widén"))),
            ),
            schedule=(Milestone("Nulägesanalys klar", "2014-04-30"), Milestone("Förslag till styrgruppen", "2014-06-10"),
                      Milestone("Beslut i kommunstyrelsen", "2014-09-03")),
            reporting="Delprojektledaren rapporterar månadsvis till projektledaren och styrgruppen.",
        ),
        Subproject(
            2, "E-tjänster och digital handläggning", (2, 3, 7),
            "Delprojektet ska föreslå vilka tillstånd och ansökningar som först ska kunna sökas digitalt och hur "
            "handläggningen av dem kan samordnas mellan förvaltningarna.",
            clauses=("Regional handlingsplan för e-förvaltning i Skåne",),
            scope_limits=("Upphandlingen av ett nytt ärendehanteringssystem ingår inte i delprojektet.",),
            considerations=("Upphandling av nytt ärendehanteringssystem", "Förstudie om kontaktcenter (KS 2013/0217)"),
            roles=(
                RoleLine("Delprojektledare", (P("Elin Bergkvist", org="BF"),)),
                RoleLine("Projektgrupp", (P("Johan K Lind"), P("Malin Ek-Sandberg"), P("Per-Olof Nyman"))),
                RoleLine("Resurspersoner", (P("Lena Hagström"),)),
            ),
            schedule=(Milestone("Kravspecifikation klar", "2014-05-15"),
                      Milestone("Pilotdrift av tre e-tjänster", "2014-09-01",
                                "Pilotdrift av tre e-tjänster från 2014-09-01")),
            schedule_style="plain",
            reporting="Delprojektledaren rapporterar månadsvis till projektledaren.",
        ),
        Subproject(
            3, "Service och bemötande", (4, 5),
            "Delprojektet ska ta fram gemensamma riktlinjer för service och bemötande och planera de "
            "utbildningsinsatser som behövs för att medarbetarna ska kunna arbeta efter dem.",
            considerations=("Kommunens arbetsgivarpolicy", "Förstudie om kontaktcenter (KS 2013/0217)"),
            siblings="Övriga delprojekt i denna projektplan",
            roles=(
                RoleLine("Delprojektledare", (P("Maria Sjöholm", title="HR-strateg"),)),
                RoleLine("Projektgrupp", (P("Karl Öhman"), P("Linnea Dahl"))),
                RoleLine("Referensgrupp", organisations=("Handelskammaren", "Lunds universitet")),
            ),
            schedule=(Milestone("Riktlinjer för service och bemötande", "2014-06-30",
                                "Riktlinjer för service och bemötande ska vara klara senast 2014-06-30"),
                      Milestone("Utbildning av samtliga chefer", "2014-11-30",
                                "Utbildning av samtliga chefer genomförs under hösten och avslutas senast 2014-11-30")),
            schedule_style="sentences",
            reporting="Fortlöpande till projektledaren.",
        ),
        Subproject(
            4, "Uppföljning och nyckeltal", (6,),
            "Delprojektet ska föreslå hur servicen ska följas upp och vilka nyckeltal som ska redovisas för "
            "kommunstyrelsen.",
            considerations=("Kommunens styrmodell och budgetprocess",),
            siblings="Övriga delprojekt",
            roles=(
                RoleLine("Delprojektledare", (P("Patrik Öberg"),)),
                RoleLine("Projektgrupp", (P("Mikael Grönvall"), P("Sara Lindqvist"))),
                RoleLine("Projektsekreterare", (P("Linnea Dahl"),)),
            ),
            schedule=(Milestone("Förslag till nyckeltal", "2014-08-31", "Förslag till nyckeltal lämnas senast 2014-08-31"),
                      Milestone("Första uppföljningsrapport", "november 2014",
                                "Första uppföljningsrapport i november 2014")),
            schedule_style="sentences",
            budget="Kostnader för analysverktyg ryms inom kommunkontorets budget.",
            reporting="Delprojektledaren rapporterar till styrgruppen vid varje möte.",
        ),
    ]
    return checked_plan(
        municipality="Lund", municipality_written="Lunds kommun", dnr="KS 2014/0123", date="2014-03-10",
        title="PROJEKTPLAN SAMORDNAD OCH DIGITAL SERVICE I LUNDS KOMMUN",
        background=(
            "Lunds kommun har under flera år arbetat med att förbättra servicen till invånare och företag, "
            "men den som söker kontakt med kommunen möter fortfarande många olika ingångar.",
            Decision("2013-10-02", "KS", "assignment",
                     "Kommunstyrelsen gav 2013-10-02 kommundirektören i uppdrag att utreda hur kommunens service "
                     "till invånare och företag kan samordnas och utvecklas digitalt (KS 2013/0388).",
                     identifier="KS 2013/0388"),
            "Utredningen har genomförts av kommunkontoret tillsammans med Serviceförvaltningen (SEF) och "
            "Byggnadsförvaltningen (BF) och redovisades i december 2013.",
            Decision("2014-01-15", "KSAU", "tabling",
                     "Kommunstyrelsens arbetsutskott behandlade utredningen 2014-01-15 och beslutade att bordlägga "
                     "ärendet till sammanträdet 2014-02-05."),
            Decision("2014-02-05", "KSAU", "decision",
                     "Kommunstyrelsens arbetsutskott beslutade 2014-02-05 att uppdra åt kommundirektören att ta fram "
                     "en projektplan för det fortsatta arbetet utifrån följande intentioner:",
                     lays_down_intentions=True),
        ),
        lettered=False, subprojects=subprojects,
        intentions=(
            "Invånare och företagare når kommunen genom en gemensam kontaktväg och får svar inom utlovad tid.",
            "Kommunens e-tjänster utvecklas utifrån användarnas behov och är öppna dygnet runt.",
            "Handläggningen av bygglov, serveringstillstånd och andra tillstånd samordnas så att den sökande "
            "får en samlad bild av sitt ärende.",
            "Det finns gemensamma riktlinjer för service och bemötande som gäller i alla förvaltningar.",
            "Medarbetarnas kompetens i digitala arbetssätt stärks.",
            "Servicen följs upp med gemensamma nyckeltal som redovisas för kommunstyrelsen två gånger om året.",
            "Samarbetet med Region Skåne och grannkommunerna om gemensamma e-tjänster fördjupas.",
        ),
        deadline=("Ambitionen är att kommunstyrelsen ska kunna fatta beslut om en samlad servicemodell för Lund "
                  "senast", "2014-10-01"),
        plan_decision="Det fortsatta arbetet genomförs som ett projekt med fyra delprojekt. Varje delprojekt ska "
                      "adressera en eller flera av de sju intentionerna och arbetet ska bedrivas i nära samverkan "
                      "mellan delprojekten så att dubbelarbete undviks.",
        layout="inline", list_subprojects=False,
        project_roles=(
            RoleLine("Projektägare", (P("Helena Strand", title="kommundirektör"),)),
            RoleLine("Projektledare", (P("Mikael Grönvall", title="utvecklingsstrateg", title_after=True),)),
            RoleLine("Styrgrupp", (P("Helena Strand"), P("Patrik Öberg"), P("Maria Sjöholm"), P("Jonas Håkansson"))),
        ),
        closing=("Projektledaren rapporterar till styrgruppen en gång i månaden.",),
        header_layout="muni-dnr-date",
        organisations=(("Serviceförvaltningen", "SEF"), ("Byggnadsförvaltningen", "BF")),
        related=("Servicepolicy för Lunds kommun", "Digital agenda för Skåne",
                 "Projektplan för e-förvaltning i Malmö stad", "Riktlinjer för kontaktcenter"),
        related_party_lines=("Gunilla Tornberg (S), ordförande Rikard Sahlin (M) Vera Ohlsson (MP)",),
    )


def plan_vaxjo() -> Plan:
    subprojects = [
        Subproject(
            1, "Kompetensbehov och utbildningsutbud", (1, 2, 7),
            "Delprojektet ska ta fram en samlad bild av kompetensbehoven i Växjö på fem till tio års sikt och "
            "föreslå hur utbildningsutbudet kan anpassas till dem.",
            restate=True, scope=(2, "I detta uppdrag avses främst vuxenutbildningens yrkesinriktade kurser"),
            scope_limits=("Delprojektet omfattar inte gymnasieskolans nationella program.",
                          "Frågor om lönebildning ingår inte."),
            method_steps=("Inventering av befintliga prognoser och analyser.",
                          "Intervjuer med ett urval av företag och förvaltningar.",
                          "Förslag till prioriterade utbildningsområden."),
            considerations=(Reference("Utredning om vuxenutbildningens organisation (KS 2012/0533)", "vux-org"),
                            "Regional kompetensplattform Kronoberg", "Växjö kommuns näringslivsprogram"),
            siblings="Övriga delprojekt i projektplanen",
            roles=(
                RoleLine("Projektägare", (P("Henrik Sandell"),)),
                RoleLine("Delprojektledare", (P("Lena Hagström", org="AMF"),)),
                RoleLine("Projektgrupp", (P("Ulf Berglöf", org="UF"), P("Sofia Hedlund", org="AMF"), P("Daniel Strömberg"))),
                RoleLine("Styrgrupp", (P("Henrik Sandell"), P("Magnus Ekdahl"), P("Eva Nordin"))),
                RoleLine("Referensgrupp", organisations=("Arbetsförmedlingen", "Linnéuniversitetet", "Företagarna Kronoberg")),
            ),
            owner_title="Arbetsmarknadschef",
            schedule=(Milestone("Kartläggning av kompetensbehov klar", "2013-08-30"),
                      Milestone("Förslag till utbildningsutbud", "2013-09-31"),
                      Milestone("Beslut i kommunstyrelsen", "2013-11-05")),
            reporting="Delprojektledaren rapporterar månadsvis till styrgruppen.",
        ),
        Subproject(
            2, "Unga och nyanlända i arbete", (3, 4, 5),
            "Delprojektet ska utveckla vägarna till arbete för unga och nyanlända genom praktik, sommarjobb och "
            "samordnade insatser.",
            refer_by_letter=True, clauses=("Handlingsplan för mottagande av nyanlända 2013-2014",),
            considerations=("Projekt Sommarjobb för unga", "Samverkansöverenskommelse med Arbetsförmedlingen",
                            "Handlingsplan för mottagande av nyanlända 2013-2014"),
            roles=(
                RoleLine("Projektägare", (P("Magnus Ekdahl"),)),
                RoleLine("Delprojektledare", (P("Ahmed Karimi", org="UF"),)),
                RoleLine("Projektgrupp", ((P("Camilla Ek"), P("Niklas Holm")), P("Therese Lund"), P("Göran Asp"))),
                RoleLine("Resurspersoner", (P("Jenny Falk"),)),
            ),
            owner_title="Utbildningschef",
            schedule=(Milestone("Projektgruppen har sitt första möte", "3 juni"),
                      Milestone("Delrapport till styrgruppen", "20 september"),
                      Milestone("Slutrapport", "15 november", "Slutrapport lämnas senast 15 november")),
            schedule_style="sentences",
            budget="Inom befintliga ramar. Medel för fler sommarjobb söks ur Europeiska socialfonden.",
            reporting="Fortlöpande till projektägaren.",
        ),
        Subproject(
            3, "Kommunen som attraktiv arbetsgivare", (6, 8, 9),
            "Delprojektet ska ta fram förslag till hur kommunen kan rekrytera, utveckla och behålla medarbetare "
            "i de yrken där bristen är störst.",
            coverage_verb="skall",
            considerations=("Kommunens personalpolicy", "Lönekartläggning 2012",
                            Reference("Utredning om vuxenutbildningens organisation", "vux-org")),
            siblings=None,
            roles=(
                RoleLine("Projektägare", (P("Eva Nordin"),)),
                RoleLine("Delprojektledare", (P("Jenny Falk"),)),
                RoleLine("Projektsekreterare", (P("Therese Lund"),)),
                RoleLine("Projektgrupp", (P("Daniel Strömberg"), P("Sofia Hedlund"))),
            ),
            owner_title="HR-direktör",
            schedule=(Milestone("Medarbetarenkät", "oktober 2013", "Medarbetarenkät genomförs i oktober 2013"),
                      Milestone("Förslag till kompetensförsörjningsplan", "2013-12-13")),
            schedule_style="plain",
            appendix_date="2013-05-07",
            reporting="Fortlöpande till projektägaren och kommundirektören.",
        ),
    ]
    return checked_plan(
        municipality="Växjö", municipality_written="Växjö kommun", dnr="KS 2013/0245", date="2013-05-14",
        title="PROJEKTPLAN KOMPETENSFÖRSÖRJNING OCH ARBETSMARKNAD",
        background=(
            "Växjö kommun växer och behovet av arbetskraft ökar både i kommunens egna verksamheter och i "
            "näringslivet.",
            Decision("2012-11-27", "KF", "assignment",
                     "Kommunfullmäktige gav 2012-11-27 kommunstyrelsen i uppdrag att ta fram en samlad strategi för "
                     "kompetensförsörjning i Växjö (KS 2012/0611).", identifier="KS 2012/0611"),
            "Arbetet har bedrivits av kommunledningsförvaltningen tillsammans med Arbetsmarknadsförvaltningen (AMF) "
            "och Utbildningsförvaltningen (UF).",
            Decision("2013-02-05", "KS", "tabling",
                     "Kommunstyrelsen behandlade ärendet 2013-02-05. Styrelsen beslutade att bordlägga frågan till "
                     "sammanträdet 2013-03-12."),
            Decision("2013-03-12", "KS", "decision",
                     "Vid sammanträdet 2013-03-12 beslutade kommunstyrelsen att det fortsatta arbetet ska bedrivas i "
                     "projektform och utgå från följande intentioner:", lays_down_intentions=True),
        ),
        lettered=True, subprojects=subprojects,
        intentions=(
            "Kommunen har en samlad bild av det framtida kompetensbehovet i de egna verksamheterna och i det "
            "lokala näringslivet.",
            "Utbildningsutbudet inom vuxenutbildningen anpassas till arbetsmarknadens behov.",
            "Fler unga får kontakt med arbetslivet under skoltiden genom praktik och studiebesök.",
            "Nyanlända får snabbare vägar till arbete genom samordnade insatser mellan AMF, UF och "
            "Arbetsförmedlingen.",
            "Arbetet med feriepraktik och sommarjobb för unga samordnas.",
            "Kommunen är en attraktiv arbetsgivare som kan rekrytera och behålla medarbetare.",
            "Företagens behov av kompetens fångas upp i en regelbunden dialog.",
            "Insatserna följs upp med gemensamma mått och redovisas årligen för kommunstyrelsen.",
            "Samverkan med Region Kronoberg och övriga kommuner i länet tydliggörs.",
        ),
        deadline=("Kommunstyrelsen ska kunna fatta beslut om en kompetensförsörjningsplan senast", "2013-12-17"),
        plan_decision="Det fortsatta arbetet genomförs som ett projekt med tre delprojekt. I varje delprojekt ska en "
                      "eller flera av de nio intentionerna adresseras, vilka framgår av nedanstående fördelning.",
        layout="appendix", list_subprojects=True,
        owner=P("Kristina Wallin", title="kommundirektör"), responsibles=True,
        closing=("Uppdragsbeskrivningarna för delprojekten bifogas som bilagor.",),
        signatory=P("Kristina Wallin", title="kommundirektör"),
        header_layout="dnr-date",
        organisations=(("Arbetsmarknadsförvaltningen", "AMF"), ("Utbildningsförvaltningen", "UF")),
        related=("Kompetensförsörjningsplan för Växjö kommun", "Regional kompetensplattform Kronoberg",
                 "Handlingsplan för unga till arbete", "Personalpolitiskt program"),
        related_party_lines=("Bengt Ljungqvist (C), ordförande Annika Höglund (S) Rolf Segerström (KD)",),
    )


# --- extraction of the hand-written plans ------------------------------------------------------

PLANS = {"lund": plan_lund, "vaxjo": plan_vaxjo}
# Each plan in its own rendition, and in the site's text export (same content, same truth).
CASES = [("lund", "form-feed"), ("lund", "export"), ("vaxjo", "pdf"), ("vaxjo", "export")]
SUFFIX = {"form-feed": ".txt", "export": ".txt", "pdf": ".pdf"}


class Case:
    def __init__(self, name: str, fmt: str, path: Path):
        self.name, self.fmt = name, fmt
        self.plan = PLANS[name]()
        self.truth = pb.truth(self.plan)
        pb.write(self.plan, path, fmt)
        self.records = extract_path(path).records


@pytest.fixture(scope="module", params=CASES, ids=[f"{n}-{f}" for n, f in CASES])
def case(request, tmp_path_factory) -> Case:
    name, fmt = request.param
    path = tmp_path_factory.mktemp(name) / f"{name}{SUFFIX[fmt]}"
    return Case(name, fmt, path)


def fold(text: str) -> str:
    """Lower case, no diacritics, punctuation as space: the same words in any case or punctuation."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^\w]+", " ", text).strip()


def _diff(expected: set, actual: set) -> str:
    missing = sorted(expected - actual, key=str)
    extra = sorted(actual - expected, key=str)
    return f"missing {missing}; unexpected {extra}"


def test_document_info(case):
    d, t = case.records.document, case.truth
    assert d.title == t.title
    assert d.doc_type == "projektplan"
    assert d.identifier == t.identifier
    assert d.date is not None and d.date.iso == t.date
    assert d.municipality == t.municipality


def test_signatory_and_owner(case):
    d, t = case.records.document, case.truth
    assert d.signatory == t.signatory
    assert case.records.project is not None
    assert case.records.project.owner == t.owner


def test_intentions_numbers_letters_and_texts(case):
    got = {i.number: i for i in case.records.intentions}
    assert sorted(got) == sorted(case.truth.intentions)
    for n, text in case.truth.intentions.items():
        assert got[n].text.rstrip(".") == text.rstrip("."), f"intention {n}"
        assert got[n].letter == case.truth.intention_letters[n], f"intention {n}"


def test_intentions_are_decided_by_the_decision_that_lays_them_down(case):
    t = case.truth
    expected = t.decisions[t.intentions_decided_by]
    keys = {d.key: d for d in case.records.decisions}
    for i in case.records.intentions:
        d = keys.get(i.decided_by)
        assert d is not None and d.date and d.date.iso == expected.date and d.body == expected.body, (
            f"intention {i.number} decided_by={i.decided_by!r}, expected the {expected.date} {expected.body} decision")


def test_subprojects_numbers_and_titles(case):
    got = {s.number: s.title for s in case.records.subprojects}
    assert got == case.truth.subprojects


def test_appendices(case):
    got = {s.number: s.appendix for s in case.records.subprojects}
    expected = {n: case.truth.appendices.get(n) for n in case.truth.subprojects}
    assert got == expected
    assert [a.number for a in case.records.appendices] == sorted(case.truth.appendices.values())
    dates = {a.number: (a.date.iso if a.date else None) for a in case.records.appendices}
    assert dates == case.truth.appendix_dates


def test_coverage_pairs(case):
    got = {(c.subproject, c.intention) for c in case.records.coverage}
    assert got == case.truth.coverage, _diff(case.truth.coverage, got)
    assert not [f for f in case.records.findings if f.code == "unknown-intention"]


def test_coverage_scopes(case):
    got = {(c.subproject, c.intention): c.scope for c in case.records.coverage if c.scope}
    assert {k: v.rstrip(".") for k, v in got.items()} == case.truth.scopes


def test_role_assignments(case):
    got = {(r.person, r.role, r.subproject) for r in case.records.roles}
    assert got == case.truth.roles, _diff(case.truth.roles, got)


def test_people_are_exactly_the_plans_people(case):
    got = {p.name for p in case.records.people}
    assert got == set(case.truth.people), _diff(set(case.truth.people), got)
    assert not got & case.truth.not_people, "names from the related-documents list are no participants"


def test_people_titles_and_affiliations(case):
    got = {p.name: p for p in case.records.people}
    problems = []
    for name, (titles, affs) in case.truth.people.items():
        person = got.get(name)
        if person is None:
            problems.append(f"{name}: not found")
            continue
        have_titles = {t.lower() for t in person.titles}
        if {t.lower() for t in titles} - have_titles:
            problems.append(f"{name}: titles {sorted(person.titles)}, expected {sorted(titles)}")
        if affs - set(person.affiliations):
            problems.append(f"{name}: affiliations {sorted(person.affiliations)}, expected {sorted(affs)}")
    assert not problems, "; ".join(problems)


def test_references_per_subproject(case):
    refs = {r.key: r for r in case.records.references}
    problems = []
    for n, titles in case.truth.references.items():
        got = {fold(refs[c.reference].title) for c in case.records.considerations
               if c.subproject == n and c.reference in refs}
        expected = {fold(t) for t in titles}
        if got != expected:
            problems.append(f"delprojekt {n}: {_diff(expected, got)}")
    assert not problems, "\n".join(problems)


def test_reference_identifiers(case):
    by_title = {fold(r.title): r.identifier for r in case.records.references}
    for title, dnr in case.truth.reference_identifiers.items():
        assert by_title.get(fold(title)) == dnr, title


def test_sibling_considerations(case):
    got = {c.subproject for c in case.records.considerations if c.siblings}
    assert got == case.truth.siblings


def test_milestones(case):
    got = [(m.subproject, m.date.text if m.date else None) for m in case.records.milestones]
    expected = [(m.subproject, m.text) for m in case.truth.milestones]
    assert Counter(got) == Counter(expected), _diff(set(expected), set(got))
    for m in case.truth.milestones:
        found = [x for x in case.records.milestones
                 if x.subproject == m.subproject and x.date and x.date.text == m.text]
        assert found, m
        x = found[0]
        assert m.label.lower() in x.label.lower(), f"label {x.label!r} lacks {m.label!r}"
        assert x.date.valid is m.valid and x.date.iso == m.iso, (m, x.date)


def test_invalid_dates_are_flagged(case):
    invalid = [m for m in case.truth.milestones if not m.valid]
    findings = [f for f in case.records.findings if f.code == "invalid-date"]
    for m in invalid:
        assert any(m.text in f.message or any(m.text in e.quote for e in f.evidence) for f in findings), m
    assert len(findings) == len(invalid)
    if case.name == "vaxjo":
        assert invalid, "the Växjö plan has an impossible date"


def test_organisations(case):
    got = {o.key for o in case.records.organisations}
    assert case.truth.organisations <= got, _diff(case.truth.organisations, got)


def test_decisions(case):
    got = [(d.date.iso if d.date else None, d.body, d.kind) for d in case.records.decisions if d.kind != "plan"]
    expected = [(d.date, d.body, d.kind) for d in case.truth.decisions]
    assert got == expected
    idents = {(d.date.iso if d.date else None, d.body): d.identifier for d in case.records.decisions}
    for d in case.truth.decisions:
        if d.identifier:
            assert idents.get((d.date, d.body)) == d.identifier


def test_decision_chain_ends_in_the_plan(case):
    decisions = case.records.decisions
    plan = [d for d in decisions if d.kind == "plan"]
    assert len(plan) == 1 and plan[0].date and plan[0].date.iso == case.truth.date
    assert plan[0].identifier == case.truth.identifier
    for prev, d in zip(decisions, decisions[1:]):
        assert d.builds_on == (prev.key,), d.key
    assert decisions[-1].kind == "plan"


def test_related_documents(case):
    got = [r.title for r in case.records.related_documents]
    assert got == (case.truth.related_documents if case.fmt == "export" else [])


def test_scope_limits_and_method_steps(case):
    subs = {s.number: s for s in case.records.subprojects}
    for n in case.truth.subprojects:
        assert [f.text.rstrip(".") for f in subs[n].scope_limits] == [t.rstrip(".") for t in case.truth.scope_limits[n]], n
        assert [f.text.rstrip(".") for f in subs[n].method_steps] == [t.rstrip(".") for t in case.truth.method_steps[n]], n


def test_budget_and_reporting(case):
    subs = {s.number: s for s in case.records.subprojects}
    for n in case.truth.subprojects:
        assert subs[n].budget is not None and subs[n].budget.text == case.truth.budgets[n], n
        assert subs[n].reporting is not None and subs[n].reporting.text == case.truth.reporting[n], n


def test_renditions_agree(tmp_path):
    """The export and the form-feed/PDF rendition of one plan give the same records."""
    def facts(path: Path):
        r = extract_path(path).records
        return ({(c.subproject, c.intention, c.scope) for c in r.coverage},
                {(x.person, x.role, x.subproject) for x in r.roles},
                [(m.subproject, m.label, m.date) for m in r.milestones],
                [(s.number, s.title) for s in r.subprojects])
    for name, fmt in (("lund", "form-feed"), ("vaxjo", "pdf")):
        plan = PLANS[name]()
        a = facts(pb.write(plan, tmp_path / f"{name}-export.txt", "export"))
        b = facts(pb.write(plan, tmp_path / f"{name}{SUFFIX[fmt]}", fmt))
        assert a == b, name


# --- generated plans ----------------------------------------------------------------------

def _load_synth():
    spec = importlib.util.spec_from_file_location("bench_synth", ROOT / "bench" / "synth.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


SYNTH_SEED = 20240611
SYNTH_COUNT = 20


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    synth = _load_synth()
    rng = random.Random(SYNTH_SEED)
    out = tmp_path_factory.mktemp("synth")
    results = []
    for index in range(SYNTH_COUNT):
        text, truth = synth.generate_plan(rng, index)
        path = out / f"{index:03d}.txt"
        path.write_text(text, encoding="utf-8")
        results.append((index, truth, extract_path(path).records))
    return results


def _recall_precision(generated, expected_of, got_of):
    tp = fn = fp = 0
    misses = []
    for index, truth, records in generated:
        expected, got = expected_of(truth), got_of(records)
        tp += len(expected & got)
        fn += len(expected - got)
        fp += len(got - expected)
        if expected != got:
            misses.append(f"plan {index}: {_diff(expected, got)}")
    recall = tp / (tp + fn) if tp + fn else 1.0
    precision = tp / (tp + fp) if tp + fp else 1.0
    summary = f"recall {recall:.3f} ({tp}/{tp + fn}), precision {precision:.3f}, plans wrong {len(misses)}/{len(generated)}"
    print(summary)
    return summary, misses


def _assert_recovered(generated, expected_of, got_of):
    summary, misses = _recall_precision(generated, expected_of, got_of)
    assert not misses, summary + "\n" + "\n".join(misses[:5])


def test_generated_subprojects(generated):
    _assert_recovered(generated, lambda t: set(t.subprojects.items()), lambda r: {(s.number, s.title) for s in r.subprojects})


def test_generated_coverage(generated):
    _assert_recovered(generated, lambda t: set(t.coverage), lambda r: {(c.subproject, c.intention) for c in r.coverage})


def test_generated_roles(generated):
    _assert_recovered(generated, lambda t: set(t.roles), lambda r: {(x.person, x.role, x.subproject) for x in r.roles})


def test_generator_is_deterministic_and_distinct():
    synth = _load_synth()
    a = [synth.generate_plan(random.Random(5), i)[0] for i in range(3)]
    b = [synth.generate_plan(random.Random(5), i)[0] for i in range(3)]
    assert a == b
    rng = random.Random(9)
    keys = set()
    for i in range(200):
        _, truth = synth.generate_plan(rng, i)
        keys.add((truth.identifier, truth.date))
    assert len(keys) == 200
