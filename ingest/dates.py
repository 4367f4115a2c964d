"""Dates as written in Swedish municipal documents.

ISO dates (`2012-02-07`), Swedish day-month dates (`10 mars`, `31 maj 2012`) and
month dates (`maj 2012`). A date without a year takes its year from the
document's date and is marked as inferred. An impossible date (`2012-04-31`)
is kept verbatim and marked invalid: never shifted, guessed or dropped.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from styrgraf.ingest.records import DateValue

MONTHS = {
    "januari": 1, "februari": 2, "mars": 3, "april": 4, "maj": 5, "juni": 6,
    "juli": 7, "augusti": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
}
_MONTH_ALT = "|".join(MONTHS)

# Order matters: the first alternative that matches at a position wins.
DATE_PATTERN = re.compile(
    r"(?<![\d-])(?P<iso>(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2}))(?![\d])"
    rf"|(?<![\w])(?P<sd>\d{{1,2}})\s+(?P<sm>{_MONTH_ALT})(?:\s+(?P<sy>(?:19|20)\d{{2}}))?(?![\w])"
    rf"|(?<![\w])(?P<mm>{_MONTH_ALT})\s+(?P<my>(?:19|20)\d{{2}})(?![\w])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    value: DateValue


def _day_value(text: str, year: int, month: int, day: int, inferred: bool) -> DateValue:
    try:
        iso = _dt.date(year, month, day).isoformat()
    except ValueError:
        return DateValue(text=text, iso=None, precision="day", valid=False, year_inferred=inferred)
    return DateValue(text=text, iso=iso, precision="day", valid=True, year_inferred=inferred)


def _from_match(m: re.Match, default_year: int | None) -> DateValue | None:
    text = m.group(0)
    if m.group("iso"):
        return _day_value(text, int(m.group("y")), int(m.group("m")), int(m.group("d")), False)
    if m.group("sd"):
        month = MONTHS[m.group("sm").lower()]
        if m.group("sy"):
            return _day_value(text, int(m.group("sy")), month, int(m.group("sd")), False)
        if default_year is None:
            return DateValue(text=text, iso=None, precision="day", valid=True, year_inferred=False)
        return _day_value(text, default_year, month, int(m.group("sd")), True)
    month = MONTHS[m.group("mm").lower()]
    year = int(m.group("my"))
    return DateValue(text=text, iso=f"{year:04d}-{month:02d}", precision="month", valid=True)


def find_dates(text: str, default_year: int | None = None) -> list[DateMatch]:
    """Every date in `text`, in order, with its offsets."""
    out = []
    for m in DATE_PATTERN.finditer(text):
        value = _from_match(m, default_year)
        if value is not None:
            out.append(DateMatch(m.start(), m.end(), value))
    return out


def parse_date(text: str, default_year: int | None = None) -> DateValue | None:
    """The first date in `text`, or None."""
    found = find_dates(text, default_year)
    return found[0].value if found else None


def year_of(value: DateValue | None) -> int | None:
    if value is None or not value.iso:
        m = re.match(r"((?:19|20)\d{2})", value.text) if value else None
        return int(m.group(1)) if m else None
    return int(value.iso[:4])
