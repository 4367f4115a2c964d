"""The document types of Swedish steering documents: keys of the SKOS scheme sg:DocumentTypeScheme.

Each key has its Swedish and English label (the ontology declares the same labels) and the
words that name it in a title or a `Dokumenttyp` field. The type banner of a strategy cover
(`Strategi Program Plan Policy Riktlinje`) lists every type, so only a type word that begins
the title or follows `Dokumenttyp` says which one the document is.
"""
from __future__ import annotations

import re

DOC_TYPES: dict[str, tuple[str, str]] = {
    "projektplan": ("Projektplan", "Project plan"),
    "projektdirektiv": ("Projektdirektiv", "Project directive"),
    "uppdragsbeskrivning": ("Uppdragsbeskrivning", "Assignment description"),
    "protokoll": ("Protokoll", "Minutes"),
    "protokollsutdrag": ("Protokollsutdrag", "Minutes extract"),
    "strategi": ("Strategi", "Strategy"),
    "policy": ("Policy", "Policy"),
    "program": ("Program", "Programme"),
    "riktlinje": ("Riktlinje", "Guideline"),
    "plan": ("Plan", "Plan"),
    "tjansteskrivelse": ("Tjänsteskrivelse", "Officer's report"),
    "dokument": ("Dokument", "Document"),
}

# Words that name a type at the start of a title, lower case, longest first within a type.
_TYPE_WORDS: tuple[tuple[str, str], ...] = (
    ("projektdirektiv", "projektdirektiv"),
    ("uppdragsbeskrivning", "uppdragsbeskrivning"),
    ("projektplan", "projektplan"), ("projektbeskrivning", "projektplan"), ("förstudieplan", "projektplan"),
    ("protokollsutdrag", "protokollsutdrag"), ("protokollutdrag", "protokollsutdrag"),
    ("sammanträdesprotokoll", "protokoll"), ("protokoll", "protokoll"),
    ("tjänsteskrivelse", "tjansteskrivelse"), ("tjänsteutlåtande", "tjansteskrivelse"),
    ("strategi", "strategi"), ("policy", "policy"), ("program", "program"),
    ("riktlinjer", "riktlinje"), ("riktlinje", "riktlinje"),
    ("handlingsplan", "plan"), ("plan", "plan"), ("uppdrag", "uppdragsbeskrivning"),
)
# Title openings: every type word, for `<word> för|om …`.
TITLE_WORDS: tuple[str, ...] = tuple(w for w, _ in _TYPE_WORDS) + ("förstudie", "utredning")
_DOCTYPE_LABEL = re.compile(r"Dokumenttyp\s*:?\s*(?P<word>[A-ZÅÄÖ][\wåäö]+)")
# An extract from minutes: the certification at its end, or the minutes' running header.
_EXTRACT = re.compile(r"Utdragsbestyrkande|Rätt utdraget|Protokollsutdrag|PROTOKOLLSUTDRAG|Justerandes sign"
                      r"|Utdrag ur (?:sammanträdes)?protokoll")
# A paragraph of minutes opens with its number and case number: `§ 15 Dnr KS 2014/0954`.
_PARAGRAPH_DNR = re.compile(r"§\s*\d{1,3}\s+(?:Dnr|Diarienr|Diarienummer)\b")
# A steering document's cover states its adoption the same way: `Antagen av kommunfullmäktige
# 2016-05-24, § 45 Dnr KS 2016/12`, or a flattened table `Beslutad av Datum Paragraf KS 2019-11-04 § 203 Diarienummer`.
_ADOPTION_BEFORE = re.compile(r"(?:Antagen|Antaget|Antagna|Beslutad|Beslutat|Fastställd|Fastställt|Fastställda)\s+(?:av|i)\b",
                              re.IGNORECASE)
_ADOPTION_REACH = 90
_MINUTES = re.compile(r"SAMMANTRÄDESPROTOKOLL|Sammanträdesprotokoll|Sammanträdes-\s+protokoll|Sammanträdesdatum"
                      r"|Utdrag ur protokoll|PROTOKOLLSUTDRAG|Protokollsutdrag|Utdrag ur sammanträdesprotokoll")


# Types a compound names by its last part: `Digitaliseringsstrategi`, `Kommunikationspolicy`.
_COMPOUND_HEADS = ("strategi", "policy", "program", "riktlinjer")


def type_of_word(word: str) -> str | None:
    lower = word.lower()
    found = next((key for w, key in _TYPE_WORDS if lower == w or (len(w) > 6 and lower.startswith(w))), None)
    if found is None and len(lower) > 10:
        found = next((type_of_word(h) for h in _COMPOUND_HEADS if lower.endswith(h)), None)
    return found


def _minutes_paragraph(head: str) -> bool:
    return any(not _ADOPTION_BEFORE.search(head, max(0, m.start() - _ADOPTION_REACH), m.start())
               for m in _PARAGRAPH_DNR.finditer(head))


def doc_type_of(title: str, head: str, whole: str = "") -> str:
    """The type key of a document with `title` whose first page begins with `head` (`whole`: all its text)."""
    label = _DOCTYPE_LABEL.search(head)
    if label and type_of_word(label.group("word")):
        return type_of_word(label.group("word"))
    if _MINUTES.search(head) or _minutes_paragraph(head):
        return "protokollsutdrag" if _EXTRACT.search(whole or head) else "protokoll"
    words = title.split()
    if words:
        by_title = type_of_word(words[0].strip(":,"))
        if by_title:
            return by_title
    lower = head.lower()
    for word in ("projektdirektiv", "uppdragsbeskrivning", "projektplan"):
        if word in lower:
            return word
    return "dokument"
