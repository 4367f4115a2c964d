"""People as written in role lists: names, job titles, affiliations.

`Utvecklingschef Stefan Almér`, `VD HNAB Karolina Davidsson`,
`Anna Hammarlund, UAF`, `Johan F Lundberg`, `Eva-Lena Torudd`, and
`Mats Wallmark/Kai Källström` (two people). A list ends at the first words
that cannot be a name, a title or a separator.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from styrgraf.ingest import name_lexicon
from styrgraf.ingest.roles import role_for_word

_NAME_WORD = r"[A-ZÅÄÖÉÜ][a-zåäöéüøæ]+(?:-[A-ZÅÄÖÉÜ][a-zåäöéüøæ]+)?"
_INITIAL = r"[A-ZÅÄÖ]\.?"
NAME = re.compile(rf"(?P<name>{_NAME_WORD}(?:\s+{_INITIAL})?(?:\s+{_NAME_WORD}){{1,2}})")
TITLE = re.compile(
    r"(?P<title>(?:[A-ZÅÄÖa-zåäö][\wåäö]*-)?(?:[A-ZÅÄÖa-zåäö][\wåäö]*)?(?:chef|direktör|strateg|samordnare|controller|handläggare|sekreterare)"
    r"|VD|Vd|vd)(?![\wåäö])"
)
_AFFILIATION = re.compile(r"(?P<org>[A-ZÅÄÖ]{2,6})(?![\wåäö-])")
_SEPARATOR = re.compile(r"\s*(?:,|/|&|\boch\b|\bsamt\b)\s*")
# Compiled once: `parse_people` tries them at every name of every list.
_INITIAL_WORD = re.compile(_INITIAL)
_AFFILIATION_AFTER_SPACE = re.compile(r"\s+" + _AFFILIATION.pattern)
_AFFILIATION_AFTER_COMMA = re.compile(r",\s*" + _AFFILIATION.pattern)
_TITLE_AFTER_COMMA = re.compile(r",\s*" + TITLE.pattern)
# Words that make a capitalised phrase an organisation or a group, not a person.
ORG_WORDS = frozenset(
    {"handel", "ab", "kommun", "kommuns", "region", "landsting", "förening", "föreningen", "förbund", "förbundet",
     "högskola", "högskolan", "universitet", "kontor", "kontoret", "förvaltning", "förvaltningen", "nämnd",
     "nämnden", "styrelse", "styrelsen", "bolag", "bolaget", "företagare", "näringsliv", "svensk", "svenska",
     "sveriges", "stad", "staden", "park", "center", "centrum"}
)


@dataclass(frozen=True)
class PersonMention:
    name: str
    start: int
    end: int
    title: str | None = None
    affiliation: str | None = None


def _not_a_last_name(word: str) -> bool:
    """A third word that starts what follows the name: a heading or role word (`Delprojekt`), a
    title or common word (`Rektor`), or the next person's first name (`Ulrika Björk Anders …`)."""
    return bool(role_for_word(word) or word.lower() in _HEADING_WORDS or name_lexicon.is_first_name(word)
                or (name_lexicon.has_wordlist() and name_lexicon.is_common_word(word)))


# What may follow a double surname whose second word is also a common word (`Lind`, `Sjögren`):
# anything but running text in lower case (`Eva Holm Strand vid …` is a name and a place).
NAME_CLOSE = re.compile(r"[ \t]*(?:,|;|\.|\(|\boch\b|\bsamt\b)|(?![ \t]+[a-zåäö])")


def _closing_double_surname(text: str, m: re.Match, word: str) -> bool:
    """`Anna Berg Lind,`: a last word shaped like a surname that is only a common word (no role,
    heading or first name) is the second half of a double surname where no prose follows it."""
    return (not (role_for_word(word) or word.lower() in _HEADING_WORDS or name_lexicon.is_first_name(word))
            and name_lexicon.looks_like_surname(word) and bool(NAME_CLOSE.match(text, m.end())))


_HEADING_WORDS = frozenset("delprojekt delprojektet projekt projektet bilaga tidplan budget mål syfte".split())


def _trim_name(text: str, m: re.Match, end: int) -> tuple[str, int]:
    """Drop a last name word that really starts the next sentence (`Alexandra Landin Möjlighet att`)
    or the next item (`Elin Eriksson Delprojekt 2`)."""
    name = m.group("name")
    words = name.split()
    full_words = [w for w in words if not _INITIAL_WORD.fullmatch(w)]
    if len(full_words) >= 3 and _not_a_last_name(words[-1]) and not _closing_double_surname(text, m, words[-1]):
        cut = name.rfind(" ")
        return name[:cut], m.start() + cut
    # Look past `end`: a list cut at a page break still reads on into the next sentence.
    after = text[m.end():max(end, m.end() + 12)]
    if len(full_words) >= 3 and re.match(r"\s+[a-zåäö]", after) and not re.match(r"\s+(?:och|samt)\b", after):
        cut = name.rfind(" ")
        return name[:cut], m.start() + cut
    return name, m.end()


# Heads of Swedish compounds that name an organisation (`Näringslivsbolaget`, `Kulturförvaltningen`,
# `Byggnadsnämnden`); long enough that no common surname ends with them.
ORG_HEADS = ("bolag", "bolaget", "kontor", "kontoret", "förvaltning", "förvaltningen", "nämnd", "nämnden",
             "styrelse", "styrelsen", "förening", "föreningen", "förbund", "förbundet", "högskola", "högskolan",
             "universitet", "företagare")
# A company form written after a name (`Solviks Näringslivsbolag AB`) makes it a company.
_COMPANY_FORM = re.compile(r"\s+(?:AB|HB|KB|Ab|ek\.\s*för\.?)(?![\wåäö])")


@lru_cache(maxsize=1 << 16)  # asked of every capitalised word of a document, the same words again and again
def is_person_name(name: str) -> bool:
    for w in re.split(r"[\s-]+", name):
        lw = w.lower()
        if lw in ORG_WORDS:
            return False
        # `endswith` of them all at once first: most words end with none.
        if lw.endswith(ORG_HEADS) and any(lw.endswith(h) and len(lw) > len(h) + 2 for h in ORG_HEADS):
            return False
    return True


def parse_people(text: str, start: int, end: int) -> tuple[list[PersonMention], int]:
    """People listed from `start`; returns them and where the list stopped."""
    people: list[PersonMention] = []
    pos = start
    while pos < end:
        while pos < end and text[pos].isspace():
            pos += 1
        title = None
        mt = TITLE.match(text, pos, end)
        item_start = pos
        affiliation = None
        if mt:
            title = mt.group("title")
            pos = mt.end()
            ma = _AFFILIATION_AFTER_SPACE.match(text, pos, end)
            if ma and NAME.match(text, ma.end() + 1, end):
                affiliation = ma.group("org")
                pos = ma.end()
            while pos < end and text[pos].isspace():
                pos += 1
        m = NAME.match(text, pos, end)
        if not m:
            break
        name, name_end = _trim_name(text, m, end)
        if not is_person_name(name) or _COMPANY_FORM.match(text, name_end, end):
            break
        pos = name_end
        mt_after = _TITLE_AFTER_COMMA.match(text, pos, end)
        if mt_after and not title and re.match(r"\s*(?:[,./&]|och\b|samt\b|$)", text[mt_after.end():end] or ""):
            title = mt_after.group("title")
            pos = mt_after.end()
        ma = _AFFILIATION_AFTER_COMMA.match(text, pos, end)
        if ma and not NAME.match(text, pos + 1 + (len(ma.group(0)) - len(ma.group(0).lstrip(",").lstrip())), end):
            affiliation = affiliation or ma.group("org")
            pos = ma.end()
        people.append(PersonMention(name, item_start, pos, title, affiliation))
        sep = _SEPARATOR.match(text, pos, end)
        if not sep or sep.end() == pos:
            break
        pos = sep.end()
    return people, (people[-1].end if people else start)


def find_title_before(text: str, name_start: int) -> str | None:
    """A job title written just before a name (`kommunchef Fredrik Geijer`)."""
    m = re.search(r"(\S+)\s+$", text[max(0, name_start - 40):name_start])
    if m and TITLE.fullmatch(m.group(1)):
        return m.group(1)
    return None


def find_title_after(text: str, name_end: int) -> str | None:
    """A job title written just after a name (`Fredrik Geijer kommunchef`)."""
    m = TITLE.match(text, name_end + 1) if text[name_end:name_end + 1] == " " else None
    return m.group("title") if m else None
