"""Running headers at the top of each page: date, case number (Dnr), appendix.

Seen layouts: `2012-02-22 KS 2011/0456` (date, Dnr) on main pages and
`2012-02-09 Bilaga 3.` on appendix pages; other municipalities write
`Dnr KS 2014/123 2014-03-10`, `Lunds kommun | KS 2014/123 | Sida 2 (9)`,
`2021-03-01 KSN-2021-0256` and the like. A header is a run of such items at the
very start of a page; it must hold a date, a Dnr or an appendix number.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

DNR_PATTERN = re.compile(
    r"(?<![\w/])(?:Dnr:?\s*|Diarienr:?\s*|Diarienummer:?\s*)?(?P<dnr>[A-ZÅÄÖ]{1,6}(?:[- ][A-ZÅÄÖ]{1,4})?[ -]?(?:19|20)\d{2}/\d{1,5}(?:[.:-]\d{1,4})?)(?![\w/])"
)

_ITEM = (
    r"(?:(?P<date>(?:19|20)\d{2}-\d{2}-\d{2})"
    r"|(?:(?:Dnr|Diarienr|Diarienummer):?\s*)?(?P<dnr>[A-ZÅÄÖ]{1,6}[ -]?(?:19|20)\d{2}(?:/\d{1,5}|-\d{2,5}(?![\d-])))"
    r"|Bilaga\s+(?P<bilaga>\d{1,2})\.?"
    r"|Sida\s+\d{1,4}\s*(?:\(\s*\d{1,4}\s*\)|av\s+\d{1,4})?"
    r"|(?P<muni>[A-ZÅÄÖ][\wåäöé-]+(?:\s+[A-ZÅÄÖ][\wåäöé-]+)?\s+(?:kommun|stad))(?=\s*(?:\||,|–|-)?\s*(?:Dnr|Diarienr|(?:19|20)\d{2}-|[A-ZÅÄÖ]{1,6}[ -]?(?:19|20)\d{2}/|Bilaga)))"
)
_SEP = r"(?:\s*(?:\||,|–|-)\s*|\s+)"
_ANON_ITEM = re.sub(r"\(\?P<\w+>", "(?:", _ITEM)
_HEADER = re.compile(rf"^(?:{_ANON_ITEM})(?:{_SEP}(?:{_ANON_ITEM}))*")
_ITEM_RE = re.compile(_ITEM)


@dataclass(frozen=True)
class RunningHeader:
    text: str  # the header as it stands at the start of the page text
    date: str | None  # ISO date text as written
    dnr: str | None
    appendix: int | None
    municipality: str | None


def parse_running_header(page_text: str) -> RunningHeader | None:
    """The running header at the start of `page_text`, if there is one."""
    m = _HEADER.match(page_text)
    if not m:
        return None
    text = m.group(0).rstrip(" |,–-")
    date = dnr = muni = None
    appendix = None
    for item in _ITEM_RE.finditer(text):
        if dnr and item.group("dnr"):
            # `Dnr: KS-2021/467, KSN-2021-0256`: the header holds its own number; the next is the body's.
            text = text[: item.start()].rstrip(" |,–-")
            break
        date = date or item.group("date")
        dnr = dnr or item.group("dnr")
        muni = muni or item.group("muni")
        if item.group("bilaga") and appendix is None:
            appendix = int(item.group("bilaga"))
    if not (date or dnr or appendix is not None):
        return None
    return RunningHeader(text=text, date=date, dnr=dnr, appendix=appendix, municipality=muni)


# `KSN-2021-0256`: a Dnr with the serial after a second hyphen.
_DASHED_DNR = re.compile(r"(?<![\w/-])(?P<dnr>[A-ZÅÄÖ]{1,6}-(?:19|20)\d{2}-\d{2,5})(?![\w/-])")
_MUNICIPALITY = re.compile(r"[A-ZÅÄÖ][\wåäöé-]+(?:\s+[A-ZÅÄÖ][\wåäöé-]+)?\s+(?:kommun|stad)\b")


def parse_header_text(text: str) -> RunningHeader | None:
    """The date, Dnr, appendix number and municipality anywhere in `text`, a page's furniture.

    Furniture holds nothing but such items, a department name, contact lines
    and page markers (`Serviceförvaltningen Dnr KS 2022/58`,
    `SAMMANTRÄDESPROTOKOLL Kommunstyrelsen 2019-03-04 4 (12)`), so each item is
    looked for wherever it stands; the header holds a date, a Dnr or an appendix.
    """
    text = text.strip(" |,–-")
    date = re.search(r"(?<![\d-])(?:19|20)\d{2}-\d{2}-\d{2}(?![\d-])", text)
    dnr = DNR_PATTERN.search(text) or _DASHED_DNR.search(text)
    appendix = re.search(r"\bBilaga\s+(\d{1,2})\b", text)
    muni = _MUNICIPALITY.search(text)
    if not (date or dnr or appendix):
        return None
    return RunningHeader(text=text, date=date.group(0) if date else None, dnr=dnr.group("dnr") if dnr else None,
                         appendix=int(appendix.group(1)) if appendix else None,
                         municipality=muni.group(0) if muni else None)


def normalise_dnr(dnr: str) -> str:
    """`KS2011/456`, `KS-2011/0456` -> `KS 2011/0456` style: body, space, year/serial."""
    m = re.match(r"([A-ZÅÄÖ]{1,6}(?:[- ][A-ZÅÄÖ]{1,4})?)[ -]?((?:19|20)\d{2}/\S+)", dnr.strip())
    return f"{m.group(1)} {m.group(2)}" if m else dnr.strip()
