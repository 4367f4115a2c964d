"""Constructed minutes of an invented municipality (Ekträsk), ingested into a real store.

Two meetings: the municipal board's minutes of 2022-09-12 in the clean layout the minutes kind
reads (a cover page, then one page per paragraph, form feeds as `pdftotext` writes), and the
council's protocol extract of 2022-10-03, which deals with the same case as the board's § 112.
"""
from __future__ import annotations

from pathlib import Path

from styrgraf.graph.documents import ingest_file
from styrgraf.graph.store.interface import open_store

MUNICIPALITY = "Ekträsk"

BOARD_COVER = """EKTRÄSK KOMMUN
SAMMANTRÄDESPROTOKOLL
Kommunstyrelsen
Sammanträdesdatum 2022-09-12

Plats och tid Kommunhuset, Tallsalen, måndag den 12 september 2022, kl. 09.00–12.10
Beslutande Ingrid Vall (S), ordförande
Per Holmgren (M), vice ordförande
Märta Lunde (C)
Tjänstgörande ersättare Rolf Sparre (M) ersätter Karl Öst (M)
Övriga deltagare Sanna Björk, kommundirektör (§ 112)
Utses att justera Märta Lunde (C)
Justeringens plats och tid Kommunhuset, 2022-09-15 kl. 14.00
Underskrifter Sekreterare Agnes Tor Paragrafer 112-113
Ordförande Ingrid Vall
Justerande Märta Lunde

ANSLAG/BEVIS
Organ Kommunstyrelsen
Sammanträdesdatum 2022-09-12
Datum för anslags uppsättande 2022-09-16
Datum för anslags nedtagande 2022-10-10
Förvaringsplats för protokollet Kommunkansliet, Kommunhuset"""

BOARD_PARAGRAPHS = [
    """§ 112 Dnr KS 2022/140
Laddinfrastruktur vid kommunens anläggningar

Förslag till beslut
Arbetsutskottet föreslår att kommunstyrelsen antar handlingsplanen.

Kommunstyrelsens beslut
Kommunstyrelsen beslutar
att anta handlingsplanen för laddinfrastruktur,
att uppdra åt tekniska förvaltningen att genomföra planen.

Beslutet skickas till
Tekniska förvaltningen
Ekonomiavdelningen""",
    """§ 113 Dnr KS 2022/155
Försäljning av fastigheten Granen 4

Yrkanden
Per Holmgren (M) yrkar avslag på förslaget. Ingrid Vall (S) yrkar bifall till förslaget.

Propositionsordning
Ordföranden ställer proposition på bifall och avslag och finner att kommunstyrelsen bifallit förslaget.

Kommunstyrelsens beslut
Kommunstyrelsen beslutar att sälja fastigheten Granen 4.

Reservation
Per Holmgren (M) och Rolf Sparre (M) reserverar sig mot beslutet.

Beslutet skickas till
Mark- och exploateringsenheten""",
]

COUNCIL_EXTRACT = """EKTRÄSK KOMMUN
PROTOKOLLSUTDRAG
Kommunfullmäktige 2022-10-03

§ 88 Dnr KS 2022/140
Laddinfrastruktur vid kommunens anläggningar

Kommunfullmäktiges beslut
Kommunfullmäktige beslutar att godkänna handlingsplanen.

Beslutet skickas till
Kommunstyrelsen

Justerandes sign Utdragsbestyrkande"""


def write_minutes(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    board = folder / "ks-2022-09-12.txt"
    board.write_text("\f".join([BOARD_COVER] + BOARD_PARAGRAPHS) + "\n", encoding="utf-8")
    council = folder / "kf-2022-10-03.txt"
    council.write_text(COUNCIL_EXTRACT + "\n", encoding="utf-8")
    return [board, council]


def build_minutes_store(directory: Path) -> Path:
    """An embedded store holding the two minutes (ingested as staff would)."""
    store = open_store(str(directory))
    try:
        for path in write_minutes(directory.parent / (directory.name + "-files")):
            result = ingest_file(store, path)
            assert result.status == "ingested", (path, result.reason)
    finally:
        store.close()
    return directory


def page_text(store, evidence: dict) -> str:
    """The stored text of the page an evidence record points into."""
    rows = store.select(
        "SELECT ?t WHERE { ?p <http://purl.org/dc/terms/isPartOf> <%s> ; "
        "<https://styrgraf.example/ontology#pageNumber> %d ; <http://www.w3.org/1999/02/22-rdf-syntax-ns#value> ?t }"
        % (evidence["document"]["iri"], evidence["page"]))
    return str(rows[0]["t"])
