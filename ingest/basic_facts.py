"""A document's basic facts, whatever its kind: title, dates, case numbers, municipality, type.

Every finder reads `DocumentText.body` (the normalised page texts joined) and returns offsets
into it, so that evidence is taken with `doc.evidence` and quotes exactly the words used. The
normalised text has no line breaks, so furniture is recognised by shape: a title never
contains a date or a case number (a running header does), never starts with `X kommun` (a
letterhead does), and ends where the first heading, label, date, case number or paragraph
sign begins.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from styrgraf.ingest.dates import DATE_PATTERN, find_dates
from styrgraf.ingest.document_text import DocumentText
from styrgraf.ingest.doc_types import TITLE_WORDS, doc_type_of
from styrgraf.ingest.layout.lexicon import HEADING_WORDS
from styrgraf.ingest.organisations import municipality_of
from styrgraf.ingest.records import CaseNumberMention, DatedFact, DateValue, Evidence

# A case number as written: `KS 2019/123`, `KS-2021/467`, `KSN-2021-0256`, `KFN 2013.0096`.
CASE_NUMBER = re.compile(
    # never a letterhead's `KOMMUN 2014-03-18`: a date is no serial
    r"(?<![\w/-])(?!(?:KOMMUN|STAD|REGION)\b)(?P<dnr>[A-ZÅÄÖ]{1,6}(?:[- ][A-ZÅÄÖ]{1,4})?[ -]?(?!(?:19|20)\d{2}-\d{2}-\d{2}(?!\d))(?:19|20)\d{2}(?:/\d{1,5}|[-.]\d{2,5})(?:[.:-]\d{1,4})?)(?![\w/])"
)
_DNR_LABEL = re.compile(r"(?<![\w])(?:Dnr|DNR|Diarienummer|DIARIENUMMER|Diarienr|DIARIENR|Ärendenummer)\.?:?\s*")
# Not after a letter or a hyphen; after a digit it may be: a transcript glues the page number
# to the first word (`1Projektplan för …`), and the number is not part of the title.
_TITLE_START = re.compile(rf"(?<![^\W\d])(?<!-)(?:{'|'.join(TITLE_WORDS)})\s+(?:för|om|avseende|över|till|inom|kring)\s",
                          re.IGNORECASE)
_NUMBERED_HEADING = re.compile(r"\s(?:\d{1,2}(?:\.\d{1,2})*\.?)\s+[A-ZÅÄÖ]")
_STOP = re.compile(
    r"\s(?:§\s*\d|\d{1,3}\s+(?:Dnr|Diarienr|Diarienummer)\b|(?:Dnr|Diarienr|Diarienummer|Datum|Version|Sida)\b"
    r"|[A-ZÅÄÖ][\wåäö]+(?:\s+(?:av|i|från|till|för|på))?:)"
)
_CAPS_WORD = re.compile(r"\S+")
_SENTENCE_VERB = re.compile(r"\s(?:är|ska|har|beslutade|beslutar|föreslår)\s")


@dataclass(frozen=True)
class Span:
    text: str
    start: int  # offsets into DocumentText.body
    end: int


@dataclass(frozen=True)
class TypedDate:
    """A date with what it is: `document`, `meeting`, `start`, `end`, `adoption`, `valid_from`, `valid_until`."""

    role: str
    value: DateValue
    start: int
    end: int


@dataclass(frozen=True)
class CaseNumber:
    dnr: str  # as written
    own: bool  # the document's own case number (labelled, in the header), not one it cites
    start: int
    end: int


# --- title ------------------------------------------------------------------------------

def _heading_word_at(text: str, pos: int) -> bool:
    """Whether a section heading (`Bakgrund`, `Ärendet`, `Syfte och mål`) begins at `pos`."""
    rest = text[pos:pos + 40].lower()
    return any(rest.startswith(w) and not rest[len(w):len(w) + 1].isalpha() for w in HEADING_WORDS) \
        and text[pos:pos + 1].isupper()


_MUNICIPALITY_NAME = re.compile(r"(?:(?:[A-ZÅÄÖ][\wåäöé-]+)\s+){1,2}(?:kommuns?|stads?|KOMMUN|STAD)(?![\wåäö])")
# A cover's adoption note after the title: `… 2021-2024 Antagen av kommunfullmäktige 2021-03-22, § 31`.
_ADOPTION_NOTE = re.compile(r"(?:Antagen|Antaget|Antagna|Beslutad|Beslutat|Fastställd|Fastställt)\s+(?:av|i)\s")
_TITLE_PREPOSITIONS = frozenset("i för inom av till om på över".split())


def _letterhead_after(text: str, start: int, end: int) -> int:
    """Where a municipality's name that is not part of the title begins: `… för hela kommunen
    Lillsjö kommun` (a letterhead line after the title), not `Strategi för parkerna i Lövnäs kommun`."""
    for m in _MUNICIPALITY_NAME.finditer(text, start + 1, end):
        before = text[max(start, m.start() - 12):m.start()].split()
        if not before or before[-1].lower() not in _TITLE_PREPOSITIONS:
            return m.start()
    return end


def _title_end(text: str, start: int, limit: int) -> int:
    """Where a title that begins at `start` ends: before a heading, label, date, Dnr or `§`."""
    head = text[start:start + 3]
    caps = sum(c.isupper() for c in head) >= 2
    end = limit
    for rx in (_STOP, _NUMBERED_HEADING, DATE_PATTERN, CASE_NUMBER):
        m = rx.search(text, start + 1, limit)
        if m:
            end = min(end, m.start())
    end = min(end, _letterhead_after(text, start, end))
    words = list(_CAPS_WORD.finditer(text, start, end))
    for i, w in enumerate(words):
        word = w.group(0)
        if caps and i and not word.isupper() and any(c.isalpha() for c in word):
            return words[i - 1].end()
        if not caps and i and word[:1].isupper() and (_heading_word_at(text, w.start()) or _ADOPTION_NOTE.match(text, w.start())):
            return words[i - 1].end()
        if i >= 18:
            return w.start()
    return end


def _trimmed(text: str, start: int, end: int) -> Span:
    while end > start and text[end - 1] in " .,;:–-":
        end -= 1
    while start < end and text[start] == " ":
        start += 1
    return Span(text[start:end], start, end)


# A title that is one compound naming its type, on a line of its own: `Digitaliseringsstrategi`,
# `Näringslivsprogram 2020–2024`, `Kommunikationspolicy` (not the bare banner `Projektplan`).
_COMPOUND_TITLE = re.compile(
    r"(?<![\w-])(?!(?:Projekt|Handlings)plan\b)[A-ZÅÄÖ][a-zåäö]{3,}(?:strategi|policy|program|plan|riktlinjer)"
    r"(?:\s+(?:19|20)\d{2}(?:\s*[–-]\s*(?:19|20)?\d{2,4})?)?(?=\s+[A-ZÅÄÖ]|\s*$)")
# Minutes open with a cover page (participants, signatures) and carry the title of their
# paragraph on the next page: so many pages are searched when the first has no title line.
_TITLE_PAGES = 3


def _title_line(text: str, start: int, limit: int) -> Span | None:
    for m in _TITLE_START.finditer(text, start, limit):
        if not text[m.start()].isupper():
            continue  # `… en projektplan för det fortsatta arbetet`: prose, not a title
        end = _title_end(text, m.start(), limit)
        after = text[end:end + 12].lstrip()
        if (DATE_PATTERN.match(after) or CASE_NUMBER.match(after)) and text.count(text[m.start():end]) > 1:
            continue  # a running header the furniture finder let through: title and date or Dnr on every page
        span = _before_sentence(text, _trimmed(text, m.start(), end))
        if len(span.text.split()) >= 3 and not _SENTENCE_VERB.search(span.text):
            return span
    return None


def _before_sentence(text: str, span: Span) -> Span:
    """A title run into the first sentence after it (`Tjänsteskrivelse om X Förvaltningen föreslår
    att …`) ends before the capitalised word that opens that sentence."""
    verb = _SENTENCE_VERB.search(span.text)
    if not verb:
        return span
    opener = None
    for w in re.finditer(r"(?<=\s)[A-ZÅÄÖ][\wåäö-]*", span.text[:verb.start() + 1]):
        opener = w
    if opener is None:
        return span
    return _trimmed(text, span.start, span.start + opener.start())


def find_title(doc: DocumentText, title_hint: str | None = None) -> Span | None:
    """The title: a `<type word> för …` line on the first page, the export's title line,
    `Projektnamn:`, or else a title line on the next pages (minutes after their cover page)."""
    text = doc.body
    first = doc.segments[0]
    limit = first.body_start + first.length
    line = _title_line(text, first.body_start, limit)
    if line:
        return line
    hint = (title_hint or "").strip()
    if len(hint) >= 8:
        i = text.lower().find(hint.lower(), first.body_start, limit)
        if i >= 0:
            return Span(text[i:i + len(hint)], i, i + len(hint))
    m = re.search(r"(?:Projektnamn|Titel|Dokumentnamn|Namn på dokumentet):\s*", text[first.body_start:limit])
    if m:
        s = first.body_start + m.end()
        return _trimmed(text, s, _title_end(text, s, limit))
    compound = _COMPOUND_TITLE.search(text, first.body_start, limit)
    if compound:
        return _trimmed(text, compound.start(), compound.end())
    for seg in doc.segments[1:_TITLE_PAGES]:
        line = _title_line(text, seg.body_start, seg.body_start + seg.length)
        if line:
            return line
    return None


# --- dates ---------------------------------------------------------------------------------

_LABELLED_DATES = (
    ("document", re.compile(r"(?<![\w])(?:Datum|Version|Upprättad|Daterad)\s*:?\s*$")),
    # a letterhead's date: `NORRBACKA KOMMUN 2014-03-18`
    ("document", re.compile(r"^(?:[A-ZÅÄÖ][\wåäö-]+\s+){1,2}(?:kommun|KOMMUN|stad|STAD)\s*$")),
    ("meeting", re.compile(r"(?:SAMMANTRÄDESPROTOKOLL|Sammanträdesprotokoll|Protokoll|Sammanträdesdatum|"
                           r"Sammanträdesdag)(?:\s+[A-ZÅÄÖ][\wåäö]+){0,3}\s*:?\s*$")),
    # A steering document's validity is no project's start or end (ingest.validity).
    ("valid_from", re.compile(r"(?:Gäller|Giltig|Giltigt)\s+(?:från(?:\s+och\s+med)?|fr\.o\.m\.)\s*:?\s*$", re.IGNORECASE)),
    ("valid_until", re.compile(r"(?:Gäller|Giltig|Giltigt)\s+(?:till(?:\s+och\s+med)?|t\.o\.m\.)\s*:?\s*$", re.IGNORECASE)),
    ("start", re.compile(r"(?:Startdatum|Start|Projektstart)\s*:?\s*$")),
    ("end", re.compile(r"(?:Slutdatum|Slut|Projektslut)\s*:?\s*$")),
    ("adoption", re.compile(r"(?:Beslutad|Beslutat|Antagen|Antaget|Antagna|Fastställd|Fastställt)"
                            r"(?:\s+(?:av|i))?\s*:?(?:\s+[\wåäöÅÄÖ]+){0,3}\s*[:,]?(?:\s+den)?\s*$", re.IGNORECASE)),
)
# `Kommunfullmäktige 2014-04-10, § 40` in a cover table: the date of an adoption.
_PARAGRAPH_AFTER = re.compile(r"^,?\s*§")
_DECISION_CONTEXT = re.compile(r"(?:beslutade|beslöt|beslutat|beslut|föreslår)\s+(?:den\s+)?$", re.IGNORECASE)


def _date_role(text: str, start: int, end: int, page_start: int) -> str | None:
    before = text[max(page_start, start - 60):start]
    for role, rx in _LABELLED_DATES:
        if rx.search(before):
            return role
    if _PARAGRAPH_AFTER.match(text[end:end + 4]) and not _DECISION_CONTEXT.search(before):
        return "adoption"
    return None


def find_dates_typed(doc: DocumentText) -> list[TypedDate]:
    """The first page's dates, each typed by the label or words before it (None-typed ones left out)."""
    text = doc.body
    first = doc.segments[0]
    limit = first.body_start + first.length
    out = []
    for d in find_dates(text[first.body_start:limit]):
        s, e = first.body_start + d.start, first.body_start + d.end
        role = _date_role(text, s, e, first.body_start)
        if role:
            out.append(TypedDate(role, d.value, s, e))
    return out


def document_date(doc: DocumentText, typed: list[TypedDate]) -> TypedDate | None:
    """The document's own date: labelled `Datum`, else the meeting's (minutes), else the adoption's.

    A date in a decision sentence (`beslutade 2019-01-22`) is the date of an earlier decision,
    never the document's.
    """
    for role in ("document", "meeting", "adoption"):
        found = next((t for t in typed if t.role == role), None)
        if found:
            return TypedDate("document", found.value, found.start, found.end)
    return None


def header_date(doc: DocumentText):
    """The running header's date on the first page, with its evidence (header offsets are not in `body`)."""
    page = doc.segments[0].page
    header = doc.headers.get(page)
    if header and header.date:
        found = find_dates(header.date)
        if found:
            return found[0].value, doc.header_evidence(page, header.date)
    return None


# --- case numbers ---------------------------------------------------------------------------

def find_case_numbers(doc: DocumentText) -> list[CaseNumber]:
    """Every case number, as written; own when labelled (`Dnr`, `Diarienummer`) or in a header, cited otherwise."""
    text = doc.body
    out: dict[str, CaseNumber] = {}
    for m in CASE_NUMBER.finditer(text):
        before = text[max(0, m.start() - 40):m.start()]
        labelled = bool(re.search(r"(?:Dnr|DNR|Diarienummer|DIARIENUMMER|Diarienr|DIARIENR|Ärendenummer)\.?:?\s*"
                                  r"(?:[A-ZÅÄÖ\w -]+/\d+,\s*|[A-ZÅÄÖ]+-\d{4}-\d+,\s*)?$", before))
        labelled = labelled or _continues_header(doc, m.start())
        cited = text[max(0, m.start() - 1):m.start()] == "(" or _in_decision_sentence(text, m.start())
        own = labelled and not cited
        dnr = m.group("dnr")
        if dnr not in out or (own and not out[dnr].own):
            out[dnr] = CaseNumber(dnr, own, m.start("dnr"), m.end("dnr"))
    return sorted(out.values(), key=lambda c: c.start)


def _continues_header(doc: DocumentText, pos: int) -> bool:
    """`Dnr: KS-2021/467, KSN-2021-0256`: the header took the first number, the body starts with the next."""
    seg = doc.segments[doc.segment_index_at(pos)]
    header = doc.headers.get(seg.page)
    return bool(header and header.dnr) and pos == seg.body_start


def _in_decision_sentence(text: str, pos: int) -> bool:
    sentence_start = max(text.rfind(". ", 0, pos), 0)
    return bool(re.search(r"\bbeslutade\b|\bbeslöt\b", text[sentence_start:pos]))


_CASE_SENTENCE = re.compile(r"\.?\s*(?:Ärendet|Uppdraget|Beslutet)?[^.]{0,30}?\b(?:diarienummer|dnr|Dnr|ärendenummer)\b\.?:?\s*",
                            re.IGNORECASE)


def case_number_after(text: str, sentence_end: int) -> re.Match | None:
    """The case number of a decision given in the sentence after it: `… i uppdrag att utreda X.
    Ärendet har diarienummer KS 2019/987.`"""
    lead = _CASE_SENTENCE.match(text, sentence_end, sentence_end + 60)
    return CASE_NUMBER.match(text, lead.end()) if lead else None


def case_number_mentions(doc: DocumentText, identifier: str | None) -> tuple[CaseNumberMention, ...]:
    """Every case number but the document's `identifier`: its further own numbers (a running
    header may hold two: `Dnr: KS 2021/12, KS-2021/340`) and those it cites."""
    page = doc.segments[0].page
    header = doc.headers.get(page)
    in_header = [m.group("dnr") for m in CASE_NUMBER.finditer(header.text)] if header else []
    own = [CaseNumberMention(d, True, doc.header_evidence(page, d)) for d in dict.fromkeys(in_header) if d != identifier]
    seen = {identifier, *in_header}
    return tuple(own) + tuple(CaseNumberMention(c.dnr, c.own, doc.evidence(c.start, c.end))
                              for c in find_case_numbers(doc) if c.dnr not in seen)


def other_dates(doc: DocumentText) -> tuple[DatedFact, ...]:
    """The first page's dates that are not the document's own: meeting, start, end, adoption."""
    seen: set[tuple[str, str]] = set()
    out = []
    for t in find_dates_typed(doc):
        if t.role != "document" and (t.role, t.value.text) not in seen:
            seen.add((t.role, t.value.text))
            out.append(DatedFact(t.role, t.value, doc.evidence(t.start, t.end)))
    return tuple(out)


def own_case_number(doc: DocumentText) -> CaseNumber | None:
    found = find_case_numbers(doc)
    first = doc.segments[0]
    own = [c for c in found if c.own]
    # A flattened cover table parts the label from its value: then the first page's first uncited number.
    uncited = [c for c in found if c.start < first.body_start + first.length
               and not _in_decision_sentence(doc.body, c.start) and doc.body[c.start - 1:c.start] != "("]
    return (own or uncited or [None])[0]


# --- municipality and type -----------------------------------------------------------------

def find_municipality(doc: DocumentText) -> Span | None:
    """The municipality: its most named `X kommun` (a letterhead, a postal address or the prose)."""
    text = doc.body
    found = municipality_of(text) or municipality_of(_title_cased(text))
    if not found:
        return None
    return Span(found[0], found[2], found[3])


def letterhead_municipality(doc: DocumentText):
    """The municipality a first page's furniture names (its letterhead), with its evidence there.

    Furniture is not in `body`, so a municipality named only in the letterhead is read here.
    """
    page = doc.pages[0]
    for f in page.furniture:
        text = page.text[f.start:f.end]
        found = municipality_of(text) or municipality_of(_title_cased(text))
        if found:
            s, e = f.start + found[2], f.start + found[3]
            return found[0], (Evidence(page.number, s, e, page.text[s:e]),)
    return None


def _title_cased(text: str) -> str:
    """`FJÄLLINGES KOMMUN` -> `Fjällinges kommun`, offsets kept, so a letterhead in capitals is read."""
    return re.sub(r"\b([A-ZÅÄÖ])([A-ZÅÄÖ]+)\s+(KOMMUN|STAD)\b",
                  lambda m: m.group(1) + m.group(2).lower() + " " + m.group(3).lower(), text)


def document_type(doc: DocumentText, title: str | None) -> str:
    """The document type's key in the SKOS scheme, from the title, the `Dokumenttyp` label and the first page."""
    first = doc.segments[0]
    head = doc.body[first.body_start:first.body_start + min(first.length, 1500)]
    # The whole page texts, furniture included: an extract's certification (`Utdragsbestyrkande`)
    # stands in its footer.
    return doc_type_of(title or "", head, " ".join(p.text for p in doc.pages))
