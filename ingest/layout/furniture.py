"""Page furniture: running headers and footers, letterheads and page markers.

These lines repeat on every page (`Norrbacka kommun`, `Sidan 3 av 12`,
`2019-03-04 KS 2019/123`) or stand at the top of the first page only (the
letterhead: municipality, department, address, phone, web site). They are
not the document's content, so titles and facts must never be taken from
them. They are found two ways:

- repetition: a line at the top or bottom of a page that recurs, with digits
  folded, at the same end of at least half of the pages (and two at least);
- shape: page markers, `X kommun` followed by address, phone or `www.` lines,
  and lines made only of a date and a case number.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from styrgraf.ingest.headers import parse_running_header
from styrgraf.ingest.layout.lines import DIGITS, Line, shape_key, split_lines
from styrgraf.ingest.layout.pages import PageText, line_markers

Kind = Literal["page-marker", "running-header", "running-footer", "letterhead", "case-header"]

_TOP, _BOTTOM = 4, 3
# When two findings cover the same span, the more specific kind names it.
_PRIORITY: tuple[Kind, ...] = ("page-marker", "running-header", "running-footer", "letterhead", "case-header")
_MIN_REPEATED = 6  # shorter repeated lines (`Text.`, `Mål`) are too common to tell furniture  # how many lines count as a page's top and bottom
# Left of a transcript page, the rest of a marker whose number the transcript took: `(40) Tid och plats`.
_ORPHAN_TOTAL = re.compile(r"^\(\s*\d{1,4}\s*\)(?=\s|$)")
# A transcript page's own number where the transcript left it: glued to the first word
# (`3Bakgrund`), before the text, or at the very end.
_TRANSCRIPT_NUMBERS = (re.compile(r"^(\d{1,4})(?=[A-ZÅÄÖ]|\s+[A-ZÅÄÖ])"), re.compile(r"(?<=\s)(\d{1,4})$"))
_MUNICIPALITY = re.compile(
    r"^(?:[A-ZÅÄÖ][\wåäöéü-]+(?:[ -][A-ZÅÄÖ][\wåäöéü-]+)?\s+(?:kommun|stad|region|KOMMUN|STAD|REGION)"
    r"|(?:Region|REGION)\s+[A-ZÅÄÖ][\wåäöéü-]+)"
    # alone, set off from what follows, or followed by a body or a document type in capitals
    # (`Norrbacka kommun Kommunstyrelsen`, `NORRBACKA KOMMUN SAMMANTRÄDESPROTOKOLL`); but
    # `Norrbacka kommun har beslutat` is a sentence.
    r"(?=\s*$|\s*[|,–·•-]|\s{2,}|\t|\s+[A-ZÅÄÖ]{3,}\b|\s+(?:Sida|Sidan)\b"
    r"|\s+[A-ZÅÄÖ][\wåäö-]*(?:styrelsen|nämnden|förvaltningen|kontoret|utskottet|fullmäktige)\b)"
)
_CONTACT = re.compile(
    # contact words count as labels (`Telefon:`, `Box 12`), not as words of prose (`en gemensam växel`)
    r"(?i)\bwww\.|https?://|[\w.-]+@[\w-]+\.\w+|\b(?:tel|telefon|tfn|växel|fax|e-post|epost|org\.?\s?nr|"
    r"postadress|besöksadress|adress|box)\b\.?(?=\s*[:\d+])|\b\d{3}\s?\d{2}\s+[A-ZÅÄÖ][a-zåäö]+|"
    r"\b\d{2,4}[- ]\d{2,3}\s?\d{2}\s?\d{2}\b|\b[A-ZÅÄÖ][a-zåäö]+(?:gatan|vägen|torget|plan|gränd|allén)\s+\d+"
)
# Every contact item holds a digit, `@`, `:`, `+` or `www.`: a line without any holds none.
_CONTACT_HINT = re.compile(r"[\d@:+]|(?i:www\.)")
_DEPARTMENT = re.compile(
    r"(?i)(?:förvaltning(?:en)?|kontor(?:et)?|nämnd(?:en)?|styrelse(?:n)?|enhet(?:en)?|avdelning(?:en)?|"
    r"sektor(?:n)?|stab(?:en)?|kansli(?:et)?)$"
)

# A letterhead's date and Dnr set to the right of its lines: `Tekniska förvaltningen   2021-04-12`.
_CASE_ITEMS_AFTER = re.compile(
    r"(?:\s+(?:(?:19|20)\d{2}-\d{2}-\d{2}|(?:Dnr:?\s*)?[A-ZÅÄÖ]{1,6}[ -]?(?:19|20)\d{2}[/-]\d{1,5}))+\s*$")


@dataclass(frozen=True)
class Furniture:
    """A span of `pages[...].text` (page-local offsets) that is not content."""

    page: int
    start: int
    end: int
    kind: Kind


def find_furniture(pages: Sequence[PageText]) -> list[Furniture]:
    """Furniture spans on every page, sorted by page and offset, not overlapping."""
    lines = {p.number: split_lines(p.text) for p in pages}
    shaped = _recurring_dates([f for page in pages for f in _shaped(page, lines[page.number])], pages)
    repeated = _repeated(lines, "top") + _repeated(lines, "bottom")
    return _merge(shaped + _transcript_headers(pages, lines, shaped) + _at_the_edge(repeated, shaped, lines))


_TOKEN = re.compile(r"\S+")
_MIN_PREFIX_WORDS = 3


def _transcript_headers(pages: Sequence[PageText], lines: dict[int, list[Line]],
                        shaped: list[Furniture]) -> list[Furniture]:
    """The running header of a transcript, whose pages are one paragraph each: the longest run of
    words (digits folded) that opens at least half of the one-line pages, two at least
    (`GRANBACKA KOMMUN PROJEKTPLAN Barn- och utbildningsförvaltningen 2022-03-12 Dnr BUN 2022/307`).

    Pages whose header the shapes already found (`2014-03-10 KS 2014/123`, `2014-03-10 Bilaga 1.`)
    are left out: what follows such a header is the page's own title (an appendix's
    `DELPROJEKT 1`), however alike the appendices are."""
    headed = {f.page for f in shaped if f.kind == "case-header" and f.start == 0}
    single = [p for p in pages if len(lines[p.number]) == 1 and p.number not in headed]
    if len(single) < 3:
        return []
    tokens = {p.number: list(_TOKEN.finditer(p.text))[:24] for p in single}
    need = max(2, (len(single) + 1) // 2)
    best = 0
    for k in range(_MIN_PREFIX_WORDS, 25):
        counts = Counter(tuple(_fold(t.group()) for t in toks[:k]) for toks in tokens.values() if len(toks) > k)
        if not counts or counts.most_common(1)[0][1] < need:
            break
        best, prefix = k, counts.most_common(1)[0][0]
    if not best:
        return []
    # The page's ordinal glued to the first word after the header (`… 2016-02-20 2KF 7 Dnr …`, a
    # minutes transcript's `§`-less heading) is where the header ends: what follows is the page's own.
    best = next((i for i in range(1, best) if _GLUED_ORDINAL.fullmatch(prefix[i])), best)
    # A header ends with a date, a case number, a marker or a name in capitals: words after those
    # that many pages happen to open with (a section number, a heading, a role label) are content.
    while best > _MIN_PREFIX_WORDS and not _ends_header(prefix[best - 1]):
        best -= 1
    if not _ends_header(prefix[best - 1]):
        return []
    out = []
    for number, toks in tokens.items():
        if len(toks) > best and tuple(_fold(t.group()) for t in toks[:best]) == prefix[:best]:
            out.append(Furniture(number, toks[0].start(), toks[best - 1].end(), "running-header"))
    return out


_GLUED_ORDINAL = re.compile(r"0{1,4}[A-ZÅÄÖ]\S*")
_HEADER_END = re.compile(r"(?:.*0.*[/.-].*0.*|\(?0{1,4}\)?|[A-ZÅÄÖ]{2,}|.*(?:förvaltningen|kontoret|enheten|avdelningen|kommun|stad))")


def _ends_header(folded: str) -> bool:
    """`2022-03-12`, `2022/307`, `(6)`, `PROJEKTPLAN`, `Barn- och utbildningsförvaltningen`."""
    return bool(_HEADER_END.fullmatch(folded)) and not re.fullmatch(r"0{1,2}", folded)


def _fold(word: str) -> str:
    return re.sub(r"\d", "0", word)


def _at_the_edge(repeated: list[Furniture], shaped: list[Furniture], lines: dict[int, list[Line]]) -> list[Furniture]:
    """The repeated lines with only furniture between them and the top or bottom of their page.

    Appendices share their layout, so a section heading (`Syfte`, `Rapportering och
    uppföljning`) may stand near the top or bottom of half the pages; a running header
    or footer is the page's edge, with nothing but furniture beyond it.
    """
    out = []
    candidates, found = _by_page(repeated), _by_page(shaped)
    for number, page_lines in lines.items():
        here = candidates.get(number, []) + found.get(number, [])

        def furniture(line: Line) -> bool:
            return any(f.start < line.end and line.start < f.end for f in here)
        edge: set[int] = set()
        for run in (page_lines[:_TOP], page_lines[::-1][:_BOTTOM]):
            for line in run:
                if not furniture(line):
                    break
                edge.add(line.start)
        out += [f for f in candidates.get(number, []) if f.start in edge]
    return out


def _by_page(found: list[Furniture]) -> dict[int, list[Furniture]]:
    out: dict[int, list[Furniture]] = {}
    for f in found:
        out.setdefault(f.page, []).append(f)
    return out


def _recurring_dates(found: list[Furniture], pages: Sequence[PageText]) -> list[Furniture]:
    """A transcript page opening with a date alone has a header only if other pages open so too.

    The date may be the first words of the page's text (`2019-03-04 beslutade …`); a
    running header runs. A Dnr or an appendix number marks a header even when seen once.
    """
    texts = {p.number: p.text for p in pages}

    def date_only(f: Furniture) -> bool:
        if f.kind != "case-header" or f.start != 0 or "\n" in texts[f.page]:
            return False
        header = parse_running_header(texts[f.page][f.start:f.end])
        return bool(header) and not header.dnr and header.appendix is None
    alone = [f for f in found if date_only(f)]
    if len(pages) <= 1 or len(alone) >= 2:
        return found
    return [f for f in found if f not in alone]


def _ends(lines: list[Line], where: str) -> list[Line]:
    return lines[:_TOP] if where == "top" else lines[-_BOTTOM:]


def _repeated(lines: dict[int, list[Line]], where: str) -> list[Furniture]:
    if len(lines) < 2:
        return []
    groups: dict[str, list[tuple[int, Line]]] = {}
    for number, page_lines in lines.items():
        if len(page_lines) <= 1:
            continue  # a one-line page (a transcript) is all content; its header is found by shape
        for line in _ends(page_lines, where):
            if len(line.text) >= _MIN_REPEATED:
                groups.setdefault(shape_key(line.text), []).append((number, line))
    needed = max(2, (len(lines) + 1) // 2)
    out = []
    for group in groups.values():
        running = _numbered_alike(group)
        if len({number for number, _ in running}) >= needed:
            out += [Furniture(number, line.start, line.end, _running_kind(lines[number], line))
                    for number, line in running]
    return out


def _numbered_alike(group: list[tuple[int, Line]]) -> list[tuple[int, Line]]:
    """The lines of a group (alike but for digits) whose differing numbers are page markers.

    Folding digits lets `Sida 2 (9)` and `Sida 3 (9)` match; it also lets two
    sentences match that differ only in their numbers (`målen 3 och 4`,
    `målen 3 och 5`). A running line's numbers are the same on every page but
    for the page number, so a number that differs must stand in a page marker
    (`Sida 2 (9)`, an excerpt's `14 (31)` on its first page). A bare number equal
    to the page's is no proof: `Delprojekt 2` may well open page 2.
    """
    numbers = [[(int(m.group(0)), m.start(), m.end()) for m in DIGITS.finditer(line.text)] for _, line in group]
    differing = [k for k in range(len(numbers[0])) if len({n[k][0] for n in numbers}) > 1]
    out = []
    for (number, line), found in zip(group, numbers):
        markers = [(mk.start, mk.end) for mk in line_markers(line.text)]
        if all(any(s <= found[k][1] < e for s, e in markers) for k in differing):
            out.append((number, line))
    return out


def _running_kind(page_lines: list[Line], line: Line) -> Kind:
    # On a short page the top and bottom windows overlap: the line's half decides.
    return "running-header" if line.index * 2 < len(page_lines) else "running-footer"


def _shaped(page: PageText, lines: list[Line]) -> list[Furniture]:
    out: list[Furniture] = []
    for line in lines:
        out += _page_markers(page, line)
    out += _letterhead(page, _ends(lines, "top"))
    out += _letterhead(page, _ends(lines, "bottom"))
    for line in set(_ends(lines, "top")) | set(_ends(lines, "bottom")):
        header = _case_header(line.text)
        # One date (`2012-02-22`) heads a page; two on a line are a cover's values (notice dates).
        one_date = bool(header and header.date and len(_ISO_DATE.findall(line.text)) == 1)
        if header and len(header.text) >= len(line.text.rstrip(" |,–-")) and (one_date or header.dnr):
            out.append(Furniture(page.number, line.start, line.end, "case-header"))
    if len(lines) == 1:  # a transcript page: the header stands at the start of the one line
        header = _case_header(page.text)
        if header:
            out.append(Furniture(page.number, 0, len(header.text), "case-header"))
    return out


_ISO_DATE = re.compile(r"(?:19|20)\d{2}-\d{2}-\d{2}")


def _case_header(text: str):
    """A run of dates, case numbers and appendix numbers; `Diarienummer: …` is a cover label's value."""
    header = parse_running_header(text)
    return header if header and ":" not in header.text else None


def _page_markers(page: PageText, line: Line) -> list[Furniture]:
    """`Sida 3 (9)` anywhere; `3 (9)`, `- 3 -`, `3/9` or a bare `3` only with this page's number."""
    spans = [(mk.start, mk.end) for mk in line_markers(line.text) if mk.explicit or mk.number == page.number]
    if line.text == str(page.number):
        spans.append((0, len(line.text)))
    if page.shape == "transcript" and line.index == 0:
        orphan = _ORPHAN_TOTAL.match(line.text)
        if orphan:
            spans.append((0, orphan.end()))
        for regex in _TRANSCRIPT_NUMBERS:
            m = regex.search(line.text)
            if m and int(m.group(1)) == page.number:
                spans.append((m.start(1), m.end(1)))
    return [Furniture(page.number, line.start + s, line.start + e, "page-marker") for s, e in spans]


def _letterhead(page: PageText, block: list[Line]) -> list[Furniture]:
    """A municipality line with the department and contact lines next to it.

    A contact line on its own (an address footer) counts when it holds two
    contact items (`Storgatan 1, 123 45 Norrbacka, www.…`): one alone may be prose.
    """
    out: list[Furniture] = []
    anchored = False
    for line in block:
        short = len(line.text.split()) <= 10
        # Case items hold a year (`2021-04-12`, `KS 2021/123`), and most lines none.
        core = _CASE_ITEMS_AFTER.sub("", line.text) if "19" in line.text or "20" in line.text else line.text
        contacts = _CONTACT_HINT.search(line.text) is not None
        if _MUNICIPALITY.match(core) and short:
            anchored = True
        elif anchored and short and (_DEPARTMENT.search(core) or (contacts and _CONTACT.search(line.text))):
            pass
        elif contacts and len(line.text.split()) <= 16 and len(_CONTACT.findall(line.text)) >= 2:
            anchored = True
        else:
            anchored = False
            continue
        out.append(Furniture(page.number, line.start, line.end, "letterhead"))
    return out


def _merge(found: list[Furniture]) -> list[Furniture]:
    """One span per stretch: a marker inside a repeated line is covered by the line."""
    out: list[Furniture] = []
    for f in sorted(found, key=lambda f: (f.page, f.start, -f.end, _PRIORITY.index(f.kind))):
        if out and out[-1].page == f.page and f.start < out[-1].end:
            if f.end > out[-1].end:
                out[-1] = Furniture(f.page, out[-1].start, f.end, out[-1].kind)
            continue
        out.append(f)
    return out


def covered(furniture: Sequence[Furniture], page: int, start: int, end: int) -> bool:
    """Whether `[start, end)` on `page` overlaps furniture (and so is no title or fact)."""
    return any(f.page == page and f.start < end and start < f.end for f in furniture)
