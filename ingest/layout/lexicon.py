"""The words the layout layer recognises: label words and heading words, in one place.

Labels differ between municipalities (`Dnr`, `Diarienr`, `Diarienummer`,
`Ärendenummer` all name the case number), so each label has a key and its
written variants. Words that are also ordinary prose (`Projekt`, `Version`)
count as labels only with a colon after them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from styrgraf.ingest.headers import DNR_PATTERN


@dataclass(frozen=True)
class LabelWord:
    key: str
    variants: tuple[str, ...]
    needs_colon: bool = False  # also an ordinary word: a label only as `Word:`


LABELS: tuple[LabelWord, ...] = (
    LabelWord("case_number", ("Dnr", "Dnr.", "Diarienummer", "Diarienr", "Diarienr.", "Ärendenummer",
                              "Ärendenr", "Ärendenr.", "Ärende nr", "Vår beteckning", "Vår referens")),
    LabelWord("date", ("Datum",)),
    LabelWord("decision_date", ("Beslutsdatum", "Datum för beslut")),
    LabelWord("meeting_date", ("Sammanträdesdatum", "Mötesdatum")),
    LabelWord("project_name", ("Projektnamn", "Projektets namn")),
    LabelWord("project_name", ("Projekt",), needs_colon=True),
    LabelWord("project_owner", ("Projektägare",)),
    LabelWord("client", ("Beställare", "Projektbeställare")),
    LabelWord("commissioner", ("Uppdragsgivare",)),
    LabelWord("project_manager", ("Projektledare", "Delprojektledare")),
    LabelWord("steering_group", ("Styrgrupp", "Styrgruppen")),
    LabelWord("case_officer", ("Handläggare", "Ansvarig handläggare")),
    LabelWord("version", ("Version",), needs_colon=True),
    LabelWord("document_owner", ("Dokumentansvarig", "Dokumentägare")),
    LabelWord("adopted_by", ("Fastställd av", "Fastställt av", "Antagen av", "Antaget av", "Beslutad av",
                             "Beslutat av")),
    LabelWord("adopted_on", ("Fastställd", "Antagen", "Antaget"), needs_colon=True),
    LabelWord("valid_from", ("Gäller från", "Gäller fr.o.m.", "Giltig från", "Gäller from")),
    LabelWord("valid_to", ("Gäller till", "Giltig till", "Gäller t.o.m.", "Giltig t.o.m.")),
    LabelWord("revision", ("Revideras", "Revideras senast", "Nästa revidering"), needs_colon=True),
    LabelWord("place_and_time", ("Plats och tid", "Tid och plats", "Plats och tid för sammanträdet")),
    LabelWord("voting_members", ("Beslutande",)),
    LabelWord("others_present", ("Övriga deltagare", "Övriga närvarande", "Närvarande ersättare",
                                 "Tjänstgörande ersättare")),
    LabelWord("adjuster_appointed", ("Utses att justera",)),
    LabelWord("adjustment_place_time", ("Justeringens plats och tid", "Tid och plats för justering",
                                        "Justeringens plats")),
    LabelWord("secretary", ("Sekreterare",)),
    LabelWord("chair", ("Ordförande",)),
    LabelWord("adjuster", ("Justerande", "Justerare")),
    LabelWord("paragraphs", ("Paragrafer", "Paragraf")),
    LabelWord("unit", ("Förvaltning", "Enhet", "Avdelning"), needs_colon=True),
    LabelWord("recipient", ("Till", "Mottagare"), needs_colon=True),
)

_DATE = re.compile(r"(?:19|20)\d{2}-\d{2}-\d{2}")
# What the values of some labels look like: lets a row of values without wide gaps be cut
# (`Datum Dnr` over `2019-03-04 KS 2019/123`).
VALUE_SHAPES: dict[str, re.Pattern[str]] = {
    "date": _DATE,
    "decision_date": _DATE,
    "meeting_date": _DATE,
    "valid_from": _DATE,
    "valid_to": _DATE,
    "case_number": DNR_PATTERN,
    "version": re.compile(r"\d{1,3}(?:\.\d{1,3}){0,3}(?!\S)"),
}

# Short lines that are section headings in steering documents, in lower case.
HEADING_WORDS: frozenset[str] = frozenset({
    "bakgrund", "bakgrund och syfte", "bakgrund och nuläge", "nuläge", "syfte", "syfte och mål", "mål",
    "effektmål", "projektmål", "resultatmål", "leveransmål", "mål och syfte", "mål och delmål", "projektets mål",
    "övergripande mål", "övergripande projektmål", "målsättning", "förväntat resultat", "förväntade resultat",
    "förväntade effekter", "avgränsning", "avgränsningar",
    "organisation", "projektorganisation", "roller och ansvar", "ansvar", "tidplan", "tidsplan",
    "budget", "ekonomi", "kostnader", "finansiering", "risker", "riskanalys", "kommunikation",
    "kommunikationsplan", "uppföljning", "uppföljning och utvärdering", "utvärdering", "rapportering",
    "revisionshistorik", "versionshistorik", "ändringshistorik", "dokumenthistorik",
    "beslut", "förslag till beslut", "beslutsförslag", "ärendebeskrivning", "ärendet", "beslutsunderlag",
    "sammanfattning", "inledning", "metod", "genomförande", "aktiviteter", "milstolpar", "leveranser",
    "resurser", "intressenter", "målgrupp", "målgrupper", "förutsättningar", "konsekvenser",
    "kvalitetssäkring", "bilagor", "bilaga", "uppdrag", "uppdraget", "omfattning", "beroenden",
    "yrkanden", "propositionsordning", "beslutsgång", "reservation", "expedieras till", "motivering",
    "konsekvensanalys", "definitioner", "referenser", "innehåll", "innehållsförteckning",
})
