"""A linked set of one invented municipality, written by code: a directive, the minutes whose
paragraph adopts it (same Dnr), a strategy, council minutes citing the strategy by title and
Dnr, a later follow-up paragraph of the directive's case, and a plan whose related-documents
list names the strategy and whose decision the adopting minutes record. Beside them, two versions
of another plan (same Dnr and title, dated anew): the second adds a subproject, changes the leader
of the first and drops a goal (`PLAN_VERSIONS`, `plan_version`)."""
from __future__ import annotations

from pathlib import Path

DIRECTIVE = """ÄLVSTAD KOMMUN
Kommunstyrelsens förvaltning
Projektdirektiv för trygga skolvägar
Datum 2023-02-01
Dnr KS 2023/45

1. Bakgrund
Kommunstyrelsen gav 2022-11-08 förvaltningen i uppdrag att ta fram ett direktiv för trygga skolvägar.

2. Syfte
Syftet är att fler barn ska kunna gå och cykla till skolan."""

STRATEGY = """ÄLVSTAD KOMMUN
Strategi för hållbart resande

Diarienummer: KS 2022/10

Antagen av kommunfullmäktige 2022-05-16

1. Inledning
Strategin anger inriktningen för resor i kommunen."""


def _minutes(body: str, date: str, chair: str, paragraphs: str, pages: list[str]) -> list[str]:
    return [f"""ÄLVSTAD KOMMUN
SAMMANTRÄDESPROTOKOLL
{body}
Sammanträdesdatum {date}

Plats och tid Kommunhuset, kl. 13.00–15.00
Beslutande {chair} (S), ordförande
Utses att justera Jonas Ahl (M)
Sekreterare Stina Hallberg Paragrafer {paragraphs}"""] + pages


ADOPTING = _minutes("Kommunstyrelsen", "2023-03-14", "Karin Holm", "12", ["""§ 12 Dnr KS 2023/45
Projektdirektiv för trygga skolvägar

Ärendet
Förvaltningen har tagit fram ett projektdirektiv.

Kommunstyrelsens beslut
Kommunstyrelsen beslutar
att anta projektdirektivet för trygga skolvägar."""])

COUNCIL = _minutes("Kommunfullmäktige", "2023-04-24", "Eva Strand", "30", ["""§ 30 Dnr KS 2023/60
Handlingsplan för cykeltrafik

Ärendet
Handlingsplanen bygger på Strategi för hållbart resande (KS 2022/10).

Kommunfullmäktiges beslut
Kommunfullmäktige beslutar att anta handlingsplanen för cykeltrafik enligt Strategi för hållbart resande."""])

FOLLOW_UP = _minutes("Kommunstyrelsen", "2023-10-10", "Karin Holm", "88", ["""§ 88 Dnr KS 2023/45
Återrapportering av projektet trygga skolvägar

Ärendet
Förvaltningen redovisar arbetet enligt projektdirektivet.

Kommunstyrelsens beslut
Kommunstyrelsen beslutar att lägga återrapporteringen till handlingarna."""])

PLAN_EXPORT = ("Projektplan för cykelbanor i Älvstad\n\n\nRelevanta dokument\nStrategi för hållbart resande\n\n"
               "Översyn av gatunätet\n\nTranskript:\n\nÄLVSTAD KOMMUN Projektplan för cykelbanor i Älvstad "
               "Datum 2023-05-02 Dnr KS 2023/70\n\n1. Bakgrund Kommunstyrelsen beslutade 2023-03-14 att anta "
               "projektdirektivet för trygga skolvägar (KS 2023/45).\n")

NAMES = ("directive", "strategy", "adopting", "council", "follow_up", "plan")


def _subproject(number: int, title: str, goals: str, leader: str, group: str) -> str:
    return (f"Delprojekt {number}. {title}\nDelprojektet ska adressera målen {goals}.\n"
            f"Delprojektledare: {leader}\nArbetsgrupp: {group}\n")


def plan_version(date: str, goals: list[str], subprojects: list[str]) -> list[str]:
    """A plan of the set's municipality in a form-feed layout with a running header: the pages of
    one version (same Dnr and title in every version, the date and content as given)."""
    header = f"Älvstad kommun {date} Dnr KS 2023/88"
    goal_lines = "\n".join(f"{n}. {g}" for n, g in enumerate(goals, 1))
    first = f"""{header}

Älvstad kommun
Kultur- och fritidsförvaltningen

Projektplan för öppna fritidsgårdar

Bakgrund
Kultur- och fritidsnämnden beslutade 2023-04-18, § 31 att ge förvaltningen i uppdrag att ta fram en
plan för fritidsgårdarnas öppettider.

Mål
Projektets mål är:
{goal_lines}

Projektorganisation
Uppdragsansvarig: Petra Holmgren, förvaltningschef
Projektledare: Tove Lindahl, verksamhetsutvecklare

Sida 1 av 2"""
    second = header + "\n\n" + "\n".join(subprojects) + "\nKostnader/budget\nInom befintliga ramar.\n\nSida 2 av 2"
    return [first, second]


GOALS = ["Fritidsgårdarna ska vara öppna fem kvällar i veckan.",
         "Fler flickor ska besöka fritidsgårdarna.",
         "Varje gård ska ha ett råd där besökarna bestämmer över verksamheten.",
         "Personalen ska ha utbildning i konflikthantering."]
PLAN_V1 = plan_version("2023-06-01", GOALS, [
    _subproject(1, "Kvällsöppet", "1 och 2", "Lisa Berg, fritidsledare", "Amir Kader och Jenny Falk"),
    _subproject(2, "Besökarnas inflytande", "3 och 4", "Omar Sund, fritidsledare", "Elin Rask och Jonas Vik"),
])
# Version 2: the leader of subproject 1 is another, goal 4 is gone (subproject 2 keeps goal 3),
# and a subproject 3 is added.
PLAN_V2 = plan_version("2023-09-05", GOALS[:3], [
    _subproject(1, "Kvällsöppet", "1 och 2", "Henrik Dahl, enhetschef", "Amir Kader och Jenny Falk"),
    _subproject(2, "Besökarnas inflytande", "3", "Omar Sund, fritidsledare", "Elin Rask och Jonas Vik"),
    _subproject(3, "Tjejkvällar", "2", "Sara Lund, fritidsledare", "Jenny Falk"),
])
PLAN_VERSIONS = ("plan_v1", "plan_v2")


def write_linked_set(folder: Path) -> dict[str, Path]:
    """The files of the set, by name (see NAMES and PLAN_VERSIONS)."""
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for name, pages in (("directive", [DIRECTIVE]), ("strategy", [STRATEGY]), ("adopting", ADOPTING),
                        ("council", COUNCIL), ("follow_up", FOLLOW_UP), ("plan_v1", PLAN_V1), ("plan_v2", PLAN_V2)):
        out[name] = folder / f"{name}.txt"
        out[name].write_text("\f".join(pages) + "\n", encoding="utf-8")
    out["plan"] = folder / "plan.txt"
    out["plan"].write_text(PLAN_EXPORT, encoding="utf-8")
    return out
