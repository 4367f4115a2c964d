"""People across the documents of two invented municipalities, written by code.

Norrvik: the municipal board's minutes of 2023-03-14 and 2024-02-13 and a project plan of
2023-05-02, in which the same people are written in different ways:

- `Anna Berg, kommundirektör` (both minutes) and `Anna K Berg, kommundirektör` (the plan):
  a middle initial on one side, the same title and close years — one person;
- `Lars Ek (M)` (both minutes) and `Lars Ek` (the plan's steering group): the same name in
  one municipality, one person from the start;
- `Maria Nord, ekonomichef` (2024 minutes) and `M. Nord, ekonomichef` (the plan's project
  team): the first name as an initial, supported by the same title and close years — one person;
- `Eva Strand (C)` (minutes) and `E. Strand` (the plan's secretary): an initial and nothing but
  the years — a candidate, kept apart;
- `Karin Holm (S)` (minutes) and `Karin M Holm` (the plan's steering group): only the name
  and the years — a candidate, kept apart;
- `Omar B Sandell, utvecklingschef` (the plan) and `Omar Sandell, miljöchef` (2024 minutes):
  different titles — a weak candidate, kept apart.

Sjöby: minutes of 2023-04-11 naming a namesake of each (`Anna Berg, kommundirektör`,
`Maria Nord, ekonomichef`, `Karin Holm (S)`, `Lars Ek (M)`) — people of another municipality, never joined to Norrvik's.
"""
from __future__ import annotations

from pathlib import Path

from styrgraf.graph.documents import ingest_file
from styrgraf.graph.store.interface import open_store


def _minutes(municipality: str, date: str, members: list[str], others: str, adjuster: str, number: int,
             dnr: str, title: str) -> str:
    cover = f"""{municipality.upper()} KOMMUN
SAMMANTRÄDESPROTOKOLL
Kommunstyrelsen
Sammanträdesdatum {date}

Plats och tid Kommunhuset, kl. 13.00–15.00
Beslutande {members[0]}, ordförande
""" + "\n".join(members[1:]) + f"""
Övriga deltagare {others} (§ {number})
Utses att justera {adjuster}
Justeringens plats och tid Kommunhuset, {date} kl. 16.00
Underskrifter Sekreterare Stina Hallberg Paragrafer {number}"""
    paragraph = f"""§ {number} Dnr {dnr}
{title}

Kommunstyrelsens beslut
Kommunstyrelsen beslutar
att ge kommundirektören i uppdrag att redovisa arbetet."""
    return cover + "\f" + paragraph


NORRVIK_2023 = _minutes("Norrvik", "2023-03-14", ["Karin Holm (S)", "Lars Ek (M)", "Eva Strand (C)"],
                        "Anna Berg, kommundirektör", "Lars Ek (M)", 12, "KS 2023/45", "Uppdrag om digital skolskjuts")
NORRVIK_2024 = _minutes("Norrvik", "2024-02-13", ["Karin Holm (S)", "Lars Ek (M)", "Eva Strand (C)"],
                        "Anna Berg, kommundirektör (§ 8)\nOmar Sandell, miljöchef\nMaria Nord, ekonomichef", "Eva Strand (C)", 8, "KS 2023/45",
                        "Återrapportering av digital skolskjuts")
SJOBY_2023 = _minutes("Sjöby", "2023-04-11", ["Karin Holm (S)", "Lars Ek (M)", "Nils Vik (V)"],
                      "Anna Berg, kommundirektör (§ 5)\nMaria Nord, ekonomichef", "Nils Vik (V)", 5, "KS 2023/12", "Uppdrag om ny simhall")

NORRVIK_PLAN = """NORRVIKS KOMMUN
Projektplan för digital skolskjuts
Datum 2023-05-02
Dnr KS 2023/71

1. Bakgrund
Kommunstyrelsen gav 2023-03-14 kommundirektören i uppdrag att ta fram en projektplan för digital skolskjuts.

2. Projektorganisation
Uppdragsansvarig: Anna K Berg, kommundirektör
Projektledare: Omar B Sandell, utvecklingschef
Styrgrupp: Karin M Holm och Lars Ek
Projektgrupp: M. Nord, ekonomichef
Projektsekreterare: E. Strand

3. Mål
1. Alla elever med rätt till skolskjuts ska kunna boka sin resa digitalt."""

FILES = {"norrvik-ks-2023": NORRVIK_2023, "norrvik-ks-2024": NORRVIK_2024, "norrvik-plan": NORRVIK_PLAN,
         "sjoby-ks-2023": SJOBY_2023}


def write_persons_set(folder: Path) -> dict[str, Path]:
    """The files of the set, by name (see FILES)."""
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for name, text in FILES.items():
        out[name] = folder / f"{name}.txt"
        out[name].write_text(text + "\n", encoding="utf-8")
    return out


def build_persons_store(directory: Path) -> Path:
    """An embedded store holding the set (ingested as staff would)."""
    store = open_store(str(directory))
    try:
        for path in write_persons_set(directory.parent / (directory.name + "-files")).values():
            result = ingest_file(store, path)
            assert result.status == "ingested", (path, result.reason)
    finally:
        store.close()
    return directory
