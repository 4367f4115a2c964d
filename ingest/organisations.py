"""Organisations and bodies as written: full names, abbreviations, definitions.

Three sources, none specific to one municipality:
- the genre's bodies (kommunfullmäktige, kommunstyrelsen and its committees),
  whose abbreviations are conventions across Swedish municipalities;
- definitions in the text, `Halmstads Näringslivs AB (HNAB)`;
- abbreviations used alone (`Anna Hammarlund, UAF`), expanded where a
  capitalised name in the same text has the abbreviation's initials.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from styrgraf.ingest.matching import around_literal, not_after

# (pattern on lower-cased text, canonical name, conventional abbreviation)
BODY_LEXICON: tuple[tuple[str, str, str], ...] = (
    (r"kommunstyrelsens ledningsutskott", "Kommunstyrelsens ledningsutskott", "KLU"),
    (r"kommunstyrelsens arbetsutskott", "Kommunstyrelsens arbetsutskott", "KSAU"),
    (r"kommunstyrelsen|kommunstyrelsens", "Kommunstyrelsen", "KS"),
    (r"kommunfullmäktige|kommunfullmäktiges", "Kommunfullmäktige", "KF"),
)
# Any municipality's committees and boards, named as written: `Barn- och utbildningsnämnden`,
# `Servicenämndens`, `Tekniska nämnden`, `Socialnämndens arbetsutskott`, `Överförmyndarnämnd`.
# Keyed by the name in its definite form (`…nämnden`), since no abbreviation is conventional.
_NAMED_BODY = re.compile(
    r"(?<![\w-])(?P<name>(?:[A-ZÅÄÖa-zåäö][a-zåäö]+-\s+(?:och|&)\s+)?(?:[A-ZÅÄÖa-zåäö][a-zåäö]+(?P<head>nämnd)"
    r"|(?P<adj>[A-ZÅÄÖ][a-zåäö]+a)\s+(?P<head2>nämnd))(?P<form>en|ens)?"
    r"(?:\s+(?P<unit>[a-zåäö]*utskott)(?P<uform>et|ets)?)?)(?![\w-])"
)
# What a committee's name is made of: `_NAMED_BODY` is searched only in runs of these around `nämnd`.
_NAMED_BODY_RUN = re.compile(r"[A-ZÅÄÖa-zåäö&\s-]*")
# Upper-case words that are not organisations: emphasis, titles, common terms.
NOT_ORGANISATIONS = frozenset(
    {"VD", "HR", "IT", "VAD", "HUR", "NÄR", "VEM", "VARFÖR", "OCH", "ATT", "INTE", "SKA", "SKALL", "ALLA",
     "PM", "EU", "OBS", "NB", "CA", "EX", "BL", "VP", "DNR", "SMS", "TV", "PDF", "ID", "AB"}
)
# Each lexicon pattern compiled once and without the boundary before it (checked on each match by
# `matching.not_after`): a pattern that starts with its name is searched for by its first letters, one
# that starts with a look-behind is tried at every position of the text.
_BODY_PATTERNS = tuple((re.compile(rf"(?:{pattern})(?![\w-])"), canonical, abbr)
                       for pattern, canonical, abbr in BODY_LEXICON)
_WORD_BEFORE = re.compile(r"[\w-]")
ABBREVIATION = re.compile(r"(?<![\w-])(?P<abbr>[A-ZÅÄÖ]{2,6})(?::s|s)?(?![\w-])")
_DEFINITION = re.compile(r"\((?P<abbr>[A-ZÅÄÖ]{2,6})\)")
_CAPWORD = re.compile(r"[A-ZÅÄÖ][\wåäöé]*|&|AB|i|och")


@dataclass(frozen=True)
class OrgMention:
    key: str  # abbreviation, or the canonical name when there is none
    name: str | None
    abbreviation: str | None
    start: int
    end: int


def _definition_name(text: str, paren_start: int, abbr: str) -> tuple[int, str] | None:
    """The name written before `(ABBR)`, taken back word by word."""
    words = list(re.finditer(r"\S+", text[max(0, paren_start - 120):paren_start]))
    offset = max(0, paren_start - 120)
    chosen: list[re.Match] = []
    for w in reversed(words):
        token = w.group(0)
        if _CAPWORD.fullmatch(token) or (not chosen and token.lower()[0] == abbr.lower()[0]):
            chosen.insert(0, w)
            if len(chosen) >= 6:
                break
            continue
        break
    # Leading words that cannot start the name (`Bolaget Växjö Energi AB (VEAB)`).
    while chosen and (chosen[0].group(0) in {"&", "i", "och", "AB"} or chosen[0].group(0)[0].lower() != abbr[0].lower()):
        chosen.pop(0)
    if not chosen or chosen[0].group(0)[0].lower() != abbr[0].lower():
        return None
    start = offset + chosen[0].start()
    return start, text[start:paren_start].strip()


def find_organisations(text: str, start: int = 0, end: int | None = None) -> list[OrgMention]:
    """Every organisation mention in `text[start:end]`, in order."""
    end = len(text) if end is None else end
    region = text[start:end]
    lower = region.lower()
    mentions: list[OrgMention] = []
    names: dict[str, str] = {}
    for regex, canonical, abbr in _BODY_PATTERNS:
        names.setdefault(abbr, canonical)
        for m in not_after(regex, _WORD_BEFORE, lower):
            mentions.append(OrgMention(abbr, canonical, abbr, start + m.start(), start + m.end()))
    for m in around_literal(_NAMED_BODY, region, "nämnd", _NAMED_BODY_RUN):
        name = _body_name(m)
        mentions.append(OrgMention(name, name, None, start + m.start(), start + m.end()))
    for m in _DEFINITION.finditer(region):
        abbr = m.group("abbr")
        found = _definition_name(region, m.start(), abbr)
        if found:
            s, name = found
            names.setdefault(abbr, name)
            mentions.append(OrgMention(abbr, name, abbr, start + s, start + m.end()))
    abbreviations = list(ABBREVIATION.finditer(region))
    counts = Counter(m.group("abbr") for m in abbreviations)
    for m in abbreviations:
        abbr = m.group("abbr")
        if abbr in NOT_ORGANISATIONS or _in_caps_run(region, m.start(), m.end()):
            continue
        if abbr not in names and counts[abbr] < 2 and not _org_context(region, m.start(), m.end("abbr")):
            continue
        mentions.append(OrgMention(abbr, names.get(abbr), abbr, start + m.start(), start + m.end()))
    _expand_by_initials(region, mentions, names)
    mentions.sort(key=lambda o: (o.start, -o.end))
    out: list[OrgMention] = []
    for o in mentions:
        if out and o.start < out[-1].end:
            continue
        out.append(OrgMention(o.key, names.get(o.key, o.name), o.abbreviation, o.start, o.end))
    return out


def _body_name(m: re.Match) -> str:
    """`barn- och utbildningsnämndens arbetsutskott` -> `Barn- och utbildningsnämndens arbetsutskott`,
    `Servicenämnds` -> `Servicenämnden`: capitalised, in the definite form."""
    head_end = m.end("head") if m.group("head") else m.end("head2")
    body = m.group(0)[:head_end - m.start()]
    if m.group("unit"):
        name = f"{body}ens {m.group('unit')}"
    else:
        name = f"{body}en"
    return name[0].upper() + name[1:]


def _in_caps_run(text: str, s: int, e: int) -> bool:
    """True inside an upper-case title such as `NÄRINGSLIVSUTREDNING DELPROJEKT 1`,
    or a compound such as `KS-VP` or `IT-stöd`."""
    before = re.search(r"(\S+)\s$", text[max(0, s - 30):s])
    after = re.match(r"\s(\S+)", text[e:e + 30])
    def caps(word: str) -> bool:
        return len(word) >= 3 and word.isupper() and word.isalpha()
    if text[max(0, s - 1):s] == "-" or text[e:e + 1] == "-":
        return True
    return bool((before and caps(before.group(1))) or (after and caps(after.group(1))))


def _org_context(text: str, s: int, e: int) -> bool:
    """An abbreviation standing where organisations stand: after a name and comma, in a list."""
    before = text[max(0, s - 40):s]
    genitive = text[e:e + 2] in (":s", "s ") or text[e:e + 3] == " s "  # `SKL:s`, `HNABs`, `SPH s roll`
    return genitive or bool(
        re.search(r"(?:[a-zåäö], |mellan |från |och |samt |, )$", before)
        or re.search(r"(?:chef|VD|direktör) $", before)
    )


# Two to five capitalised words: `(?:[A-ZÅÄÖ][\wåäöé]+\s+){1,4}[A-ZÅÄÖ][\wåäöé]+`, written to open with
# its capital so that it is searched for by it.
_CAPITALISED_RUN = re.compile(r"[A-ZÅÄÖ](?:[\wåäöé]+\s+[A-ZÅÄÖ]){1,4}[\wåäöé]+")


def _expand_by_initials(text: str, mentions: list[OrgMention], names: dict[str, str]) -> None:
    wanted = {m.key for m in mentions if m.key not in names and m.abbreviation}
    if not wanted:
        return
    candidates: dict[str, Counter] = {}
    for m in _CAPITALISED_RUN.finditer(text):
        words = m.group(0).split()
        # Every word of the run starts with a capital: the initials of words i … i+n-1 are `firsts[i:i + n]`.
        firsts = "".join(w[0] for w in words)
        for n in range(len(words), 1, -1):
            for i in range(0, len(words) - n + 1):
                initials = firsts[i:i + n]
                if initials in wanted:
                    candidates.setdefault(initials, Counter())[" ".join(words[i:i + n])] += 1
    for abbr, names_seen in candidates.items():
        names[abbr] = min(names_seen, key=lambda n: (-names_seen[n], len(n)))


# Name words that begin two-word municipality names (`Upplands Väsby`, `Östra Göinge`).
_NAME_PREFIXES = ("Upplands", "Östra", "Västra", "Norra", "Södra", "Lilla", "Stora", "Övre", "Nedre")
# Place names that end in s in the nominative (`Borås kommun`, `Sotenäs kommun`, `Kramfors kommun`).
_NOMINATIVE_S = ("ås", "näs", "fors", "os", "us", "ss")


def _nominative(word: str, bare: set[str]) -> str:
    """`Halmstads` -> `Halmstad`: the genitive of `X kommun` without its s."""
    if not word.endswith("s"):
        return word
    if word[:-1] in bare:
        return word[:-1]
    if word in bare or word.endswith(_NOMINATIVE_S):
        return word
    return word[:-1]


def municipality_of(text: str) -> tuple[str, str, int, int] | None:
    """(name, as written, start, end) of the municipality the text is about: its most named `X kommun`."""
    prefixes = "|".join(_NAME_PREFIXES)
    found = list(re.finditer(
        rf"(?<![\w-])((?:(?:{prefixes})\s+)?[A-ZÅÄÖ][a-zåäö]+(?:-[A-ZÅÄÖ][a-zåäö]+)?)\s+(kommuns?|stads?)(?![\w-])", text))
    if not found:
        return None
    bare = set(re.findall(r"(?<![\w-])([A-ZÅÄÖ][a-zåäö]+)(?![\w-])(?!\s+(?:kommun|stad))", text))
    counts = Counter(_nominative(m.group(1), bare) for m in found)
    best = counts.most_common(1)[0][0]
    for m in found:
        if _nominative(m.group(1), bare) == best:
            return best, m.group(0), m.start(), m.end()
    return None
