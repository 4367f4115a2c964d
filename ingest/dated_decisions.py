"""Dated decisions any document records: who decided, when, under which paragraph.

Three wordings, none specific to one kind of document:
- narrative: `Kommunstyrelsen beslutade 2019-01-22, § 21 att …`;
- the minutes' own decision: `Kommunstyrelsens beslut Kommunstyrelsen beslutar att …`, dated by
  the meeting;
- an adoption note: `Beslutad av: Kommunfullmäktige 2022-04-09, § 40`, `Antagen av
  kommunfullmäktige 2016-05-24, § 45`, `Beslutad i kommunstyrelsen 2016-05-24`.
"""
from __future__ import annotations

import re

from styrgraf.ingest.basic_facts import CASE_NUMBER, case_number_after
from styrgraf.ingest.dates import DATE_PATTERN, find_dates
from styrgraf.ingest.document_text import DocumentText
from styrgraf.ingest.records import DateValue, Decision

# `Kommunstyrelsen beslutade 2019-01-22`, `… gav den 4 mars 2021 förvaltningen i uppdrag`.
_NARRATIVE = re.compile(
    rf"\s+(?:beslutade|beslöt|gav|uppdrog|antog|fastställde|godkände)\s+(?:den\s+)?(?P<date>{DATE_PATTERN.pattern})",
    re.IGNORECASE)
_DATE_PARAGRAPH = re.compile(rf"\s+(?P<date>{DATE_PATTERN.pattern}),\s*§(?:\s*\d{{1,4}})?")
_NARRATIVE_BEFORE = re.compile(r"(?:beslutade|beslöt)\s*$")
_PRESENT = re.compile(r"\s+beslutar\s+att\b")
# Each word's first letter in its two cases, matched as a plain set (`(?-i:…)`: the only letters that
# match `b`, `a` and `f` ignoring case): tried at every position of the text, a set is one quick look.
_ADOPTION = re.compile(r"(?:(?-i:[Bb])eslut(?:ad|at)|(?-i:[Aa])ntag(?:en|et|na)|(?-i:[Ff])astställ(?:d|t))"
                       r"\s+(?:av|i)\s*:?\s*", re.IGNORECASE)


def _body_ending_at(orgs, pos: int):
    return next((o for o in orgs if o.end == pos), None)


def _body_starting_at(orgs, pos: int):
    return next((o for o in orgs if o.start == pos), None)


def _case_number(text: str, start: int, end: int) -> str | None:
    """The case number in the decision's sentence (`(dnr KS 2020/603)`), or in the sentence after it."""
    stop = text.find(". ", end)
    stop = len(text) if stop < 0 else stop
    m = CASE_NUMBER.search(text, start, min(stop, end + 300)) or case_number_after(text, stop)
    return m.group("dnr") if m else None


def find_decisions(doc: DocumentText, meeting_date: DateValue | None) -> list[Decision]:
    text = doc.body
    orgs = list(doc.organisations)
    found: dict[tuple, Decision] = {}

    def add(kind: str, date: DateValue | None, body, start: int, end: int) -> None:
        key = (date.iso if date else None, body.key if body else None)
        if key in found:
            return
        slug = "-".join(p for p in (date.iso if date else "odaterat", (body.key if body else "").lower()) if p)
        found[key] = Decision(slug, kind, date, body.key if body else None, _case_number(text, start, end),
                              text[start:end].strip(), evidence=doc.evidence(start, end))

    for m in _NARRATIVE.finditer(text):
        body = _body_ending_at(orgs, m.start())
        if body:
            date = find_dates(m.group("date"))[0].value
            add("decision", date, body, body.start, m.end())
    for m in _PRESENT.finditer(text):
        body = _body_ending_at(orgs, m.start())
        if body and meeting_date:
            add("decision", meeting_date, body, body.start, m.end())
    for m in _ADOPTION.finditer(text):
        body = _body_starting_at(orgs, m.end())
        if not body:
            continue
        dates = find_dates(text[body.end:body.end + 24])
        if dates and text[body.end:body.end + dates[0].start].strip(" ,") in ("", "den"):
            add("decision", dates[0].value, body, m.start(), body.end + dates[0].end)
    # A cover table's `Kommunfullmäktige 2014-04-10, § 40`, its label parted from it by the flattening.
    for body in orgs:
        m = _DATE_PARAGRAPH.match(text, body.end)
        if m and not _NARRATIVE_BEFORE.search(text, max(0, body.start - 12), body.start):
            date = find_dates(m.group("date"))[0].value
            add("decision", date, body, body.start, m.end())
    return list(found.values())

