"""A linked set of one invented municipality, written by code: a directive, the minutes whose
paragraph adopts it (same Dnr), a strategy, council minutes citing the strategy by title and
Dnr, a later follow-up paragraph of the directive's case, and a plan whose related-documents
list names the strategy and whose decision the adopting minutes record."""
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


def write_linked_set(folder: Path) -> dict[str, Path]:
    """The files of the set, by name (see NAMES)."""
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for name, pages in (("directive", [DIRECTIVE]), ("strategy", [STRATEGY]), ("adopting", ADOPTING),
                        ("council", COUNCIL), ("follow_up", FOLLOW_UP)):
        out[name] = folder / f"{name}.txt"
        out[name].write_text("\f".join(pages) + "\n", encoding="utf-8")
    out["plan"] = folder / "plan.txt"
    out["plan"].write_text(PLAN_EXPORT, encoding="utf-8")
    return out
