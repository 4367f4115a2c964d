"""The things a question names, found in the question and looked up in the graph.

Subprojects and intentions by a word for them and a number (`delprojekt 3`, `dp 3`, `DP3`,
`delprojekt tre`, `intention h`); people by name, folded and with typing errors tolerated,
whole names before single ones; bodies by name or abbreviation (`KS`, `kommunstyrelsens`);
dates as typed in Swedish or English; case numbers (`KS 2022/140`) and paragraphs (`§ 7`).
Each is found once, by what it looks like, whatever question it stands in.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from styrgraf.graph import queries as q
from styrgraf.graph.describe import describe
from styrgraf.graph.questions.vocabulary import FUNCTION_WORDS, distance, similar, word_concepts
from styrgraf.graph.store.cache import cached
from styrgraf.graph.store.interface import GraphStore
from styrgraf.graph.swedish import fold, words
from styrgraf.ingest.dates import parse_date

NUMBER_WORDS = {
    "ett": 1, "en": 1, "etta": 1, "ettan": 1, "två": 2, "tva": 2, "tvåan": 2, "tre": 3, "trean": 3, "fyra": 4,
    "fyran": 4, "fem": 5, "femman": 5, "sex": 6, "sexan": 6, "sju": 7, "sjuan": 7, "åtta": 8, "atta": 8,
    "åttan": 8, "nio": 9, "nian": 9, "tio": 10, "tian": 10, "elva": 11, "tolv": 12,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12,
}
_FOLDED_NUMBERS = {fold(k): v for k, v in NUMBER_WORDS.items()}
ENGLISH_MONTHS = {
    "january": "januari", "february": "februari", "march": "mars", "april": "april", "may": "maj", "june": "juni",
    "july": "juli", "august": "augusti", "september": "september", "october": "oktober", "november": "november",
    "december": "december", "jan": "januari", "feb": "februari", "mar": "mars", "apr": "april", "jun": "juni",
    "jul": "juli", "aug": "augusti", "sep": "september", "sept": "september", "oct": "oktober", "okt": "oktober",
    "nov": "november", "dec": "december",
}
# Words between a subproject word and its number: `delprojekt nr 3`, `subproject number 3`.
_NUMBER_FILLERS = frozenset(("nr", "nummer", "no", "number", "num"))

_TOKEN = re.compile(r"[^\W_]+|§", re.UNICODE)


@dataclass(frozen=True)
class Token:
    text: str  # as typed
    word: str  # folded
    start: int  # character offsets in the question
    end: int


@dataclass
class Found:
    """A thing the question names: its kind, the tokens it takes, and what it is."""
    kind: str  # subproject, intention, person, body, date, case, paragraph
    first: int  # token positions [first, last)
    last: int
    value: dict = field(default_factory=dict)


def tokens(text: str) -> list[Token]:
    return [Token(m.group(), fold(m.group()), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def number_value(word: str | None) -> int | None:
    """A number typed as digits or as a word (`tre`, `three`), or None."""
    if word is None:
        return None
    word = fold(word)
    if word.isdigit() and len(word) <= 4:
        return int(word)
    return _FOLDED_NUMBERS.get(word)


def _is(token: Token, concept: str) -> bool:
    return any(c == concept for c, _, _ in word_concepts(token.word))


# -- subprojects and intentions -----------------------------------------------

def numbered(toks: list[Token]) -> list[Found]:
    """`delprojekt 3`, `dp3`, `intention åtta`, `intention h`: a word for the kind, then its number."""
    out = []
    for i, tok in enumerate(toks):
        compact = re.fullmatch(r"([a-z]+?)(\d{1,3})", tok.word)
        if compact and compact.group(1) in ("dp", "delprojekt", "subproject", "sp", "intention", "int"):
            kind = "intention" if compact.group(1).startswith("int") else "subproject"
            out.append(Found(kind, i, i + 1, {"number": int(compact.group(2))}))
            continue
        if ordinal := re.fullmatch(r"(\d{1,2}):?an", tok.word):
            # `3an` (trean): the colloquial name of a numbered subproject
            out.append(Found("subproject", i, i + 1, {"number": int(ordinal.group(1))}))
            continue
        kind = "subproject" if _is(tok, "subproject") else "intention" if _is(tok, "intention") else None
        j = i + 1
        if kind is None and tok.word == "sub" and j < len(toks) and toks[j].word.startswith("project"):
            kind, j = "subproject", j + 1  # `sub-project 5`, `sub project 5`
        if kind is None:
            continue
        if j < len(toks) and toks[j].word in _NUMBER_FILLERS:
            j += 1
        if j >= len(toks):
            continue
        number = number_value(toks[j].word)
        if number is not None:
            out.append(Found(kind, i, j + 1, {"number": number}))
            # `delprojekt 1 och 2`, `subprojects 1, 2 and 3`: the numbers listed after the first.
            k = j + 1
            while k < len(toks) and (number_value(toks[k].word) is not None
                                     or toks[k].word in ("och", "and", "samt", "or", "eller")):
                if number_value(toks[k].word) is not None and toks[k].word.isdigit():
                    out.append(Found(kind, k, k + 1, {"number": int(toks[k].word)}))
                k += 1
        elif kind == "intention" and len(toks[j].word) == 1 and toks[j].word.isalpha() and (
                j + 1 == len(toks) or toks[j].word not in ("i", "a")):
            out.append(Found(kind, i, j + 1, {"letter": toks[j].word}))
    return out


# -- dates, case numbers, paragraphs -------------------------------------------

_CASE_IN = re.compile(r"(?<![\w/-])(?P<dnr>(?:[a-zåäö]{1,6}(?:[- ][a-zåäö]{1,4})?[ -]?)?(?!(?:19|20)\d{2}-\d{1,2}-\d{1,2})"
                      r"(?:19|20)\d{2}(?:/\d{1,5}|[-.]\d{2,5})(?:[.:-]\d{1,4})?)(?![\w/])", re.IGNORECASE)
_PARAGRAPH_IN = re.compile(r"(?:§§?|\bparagraf(?:en)?\b|\bparagraph\b)\s*(?P<n>\d{1,4})", re.IGNORECASE)
_MONTH_NAMES = sorted({*ENGLISH_MONTHS, *ENGLISH_MONTHS.values()}, key=len, reverse=True)
_MONTHS = "|".join(_MONTH_NAMES)
_DATE_IN = re.compile(rf"\b\d{{4}}-\d{{1,2}}-\d{{1,2}}\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\.?,?\s+\d{{4}}\b"
                      rf"|\b(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b|\b(?:{_MONTHS})\s+\d{{4}}\b"
                      rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\b|\b\d{{4}}-\d{{2}}\b", re.IGNORECASE)
# A span of years without a body's letters (`program 2021-2024`).
_YEAR_SPAN = re.compile(r"(?:19|20)\d{2}-(?:19|20)\d{2}")
# Case numbers whose letters are a word of the question, not a body's: `gäller 2022/140`.
_NOT_BODY_LETTERS = frozenset(words("vid på i för från den det om mot av med gäller rör ärende ärendet dnr "
                                    "diarienummer concern concerns case about in on of the"))


def _span(toks: list[Token], start: int, end: int) -> tuple[int, int]:
    inside = [i for i, t in enumerate(toks) if t.start >= start and t.end <= end]
    return (inside[0], inside[-1] + 1) if inside else (len(toks), len(toks))


def marked(text: str, toks: list[Token]) -> list[Found]:
    """Case numbers, dates and paragraph numbers, by how they are written."""
    out, taken = [], []
    for m in _CASE_IN.finditer(text):
        dnr, start = m.group("dnr"), m.start()
        prefix = re.match(r"[^\W\d_]+", dnr)
        if prefix and (fold(prefix.group()) in _NOT_BODY_LETTERS or fold(prefix.group()) in FUNCTION_WORDS
                       or word_concepts(fold(prefix.group()))):
            start += len(dnr) - len(dnr[prefix.end():].lstrip())
            dnr = dnr[prefix.end():].strip()
        if _YEAR_SPAN.fullmatch(dnr):
            continue  # `2021-2024`, a period in a title, is no case number
        out.append(Found("case", *_span(toks, start, m.end()), {"case": dnr.upper()}))
        taken.append((m.start(), m.end()))
    for m in _DATE_IN.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        out.append(Found("date", *_span(toks, m.start(), m.end()), {"text": m.group()}))
    for m in _PARAGRAPH_IN.finditer(text):
        out.append(Found("paragraph", *_span(toks, m.start(), m.end()), {"number": int(m.group("n"))}))
    return out


def parse_question_date(text: str) -> tuple[dt.date | None, str | None, str | None]:
    cleaned = text.strip().rstrip("?.! ")
    lowered = cleaned.lower()
    # English order "May 1, 2012" and English month names become Swedish for parse_date.
    m = re.fullmatch(r"([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})", lowered)
    if m and m.group(1) in ENGLISH_MONTHS:
        lowered = f"{m.group(2)} {ENGLISH_MONTHS[m.group(1)]} {m.group(3)}"
    else:
        lowered = re.sub(r"(\d{1,2})(?:st|nd|rd|th)\b", r"\1", lowered)
        lowered = re.sub(r"[a-z]+", lambda w: ENGLISH_MONTHS.get(w.group(0), w.group(0)), lowered)
    lowered = re.sub(r"(\d{1,2})\s+([a-zåäö]+)\.?,?\s+(\d{4})", r"\1 \2 \3", lowered)
    value = parse_date(lowered)
    if value is None:
        return None, None, "unreadable"
    if not value.valid:
        return None, value.text, "invalid"
    if not value.iso:
        return None, value.text, "no-year"
    if value.precision == "month":
        first, last = q._month_bounds(value.iso)
        return first, last.isoformat(), None
    day = dt.date.fromisoformat(value.iso)
    return day, day.isoformat(), None



# -- people ------------------------------------------------------------------------

def capitalised(toks: list[Token], i: int) -> bool:
    """Whether a token is written with a capital letter where no sentence begins (and the question is
    not all in capitals)."""
    shouting = all(t.text.isupper() or not t.text.isalpha() for t in toks)
    return i > 0 and toks[i].text[:1].isupper() and not shouting


def _name_word(toks: list[Token], i: int) -> bool:
    """Whether a token may be part of a name: not a number, not a little word, not an exact concept word
    unless written with a capital letter."""
    token = toks[i]
    if token.word.isdigit() or token.word in FUNCTION_WORDS or len(token.word) < 2:
        return False
    return not any(err == 0 for _, _, err in word_concepts(token.word)) or capitalised(toks, i)


def _match_name(typed: list[Token], have: tuple[str, ...]) -> int | None:
    """Typing errors between typed words and a person's name words (each typed word a distinct name
    word, in any order), or None when they are not that person."""
    left, errors = list(have), 0
    for tok in typed:
        best = None
        for w in left:
            e = similar(tok.word, w)
            if e is not None and (best is None or e < best[0]):
                best = (e, w)
        if best is None:
            return None
        errors += best[0]
        left.remove(best[1])
    return errors


def people_named(store: GraphStore, toks: list[Token], free: set[int]) -> list[Found]:
    """People named by one to three tokens in a row (free positions), the longest reading first.

    A single word that is not written with a capital letter must match exactly: a typo in one lower-case
    word is more often an ordinary word."""
    by_letter = cached(store, "question-person-letters", _people_by_letter)
    out: list[Found] = []
    i = 0
    while i < len(toks):
        hit = None
        for n in (3, 2, 1):
            span = toks[i:i + n]
            if len(span) < n or not all(j in free and _name_word(toks, j) for j in range(i, i + n)):
                continue
            # Each typed word must start like a name word: only people with a word of that first letter.
            entries = by_letter.get(span[0].word[:1], [])
            scored = [(e, iri, name) for iri, name, have in entries if (e := _match_name(span, have)) is not None]
            if n == 1 and not capitalised(toks, i):
                scored = [s for s in scored if s[0] == 0]
            if n == 1 and any(j in free and capitalised(toks, j) and not word_concepts(toks[j].word)
                              for j in (i - 1, i + 1) if 0 <= j < len(toks)):
                scored = []  # one word of a longer name (`Greta Weman`) is not that person
            if not scored:
                continue
            least = min(s[0] for s in scored)
            best = [s for s in scored if s[0] == least]
            hit = Found("person", i, i + n, {"typed": " ".join(t.text for t in span), "errors": least,
                                             "iris": [s[1] for s in best], "names": [s[2] for s in best]})
            break
        if hit:
            out.append(hit)
            i = hit.last
        else:
            i += 1
    return out


def _people_by_letter(store: GraphStore) -> dict[str, list[tuple[str, str, tuple[str, ...]]]]:
    """The people (as `q.person_names`) under each first letter of their name words."""
    out: dict[str, list] = {}
    for entry in q.person_names(store):
        for letter in {w[:1] for w in entry[2] if w}:
            out.setdefault(letter, []).append(entry)
    return out


def suggestions(store: GraphStore, typed: str, limit: int = 3) -> list[str]:
    """The stored names nearest a name that matched nobody (did you mean …)."""
    wanted = " ".join(words(typed))
    if not wanted:
        return []
    last = wanted.split()[-1]
    scored = []
    for _, name, have in q.person_names(store):
        allowed = max(2, len(wanted) // 4)
        best = distance(wanted, " ".join(have), allowed)
        if have and len(last) >= 4 and distance(last, have[-1], 1) <= 1:  # the surname typed nearly right
            best = min(best, distance(last, have[-1], 1) + 1)
        if best <= allowed:
            scored.append((best, name))
    return [name for _, name in sorted(set(scored))[:limit]]


# -- bodies --------------------------------------------------------------------------

def bodies(store: GraphStore) -> list[dict]:
    """The organisations that hold meetings or take decisions (cached until the documents change)."""
    def build(s: GraphStore) -> list[dict]:
        rows = s.select(q.P + """SELECT DISTINCT ?o WHERE {
            { ?m a sg:Meeting ; prov:wasAssociatedWith ?o } UNION { ?d a sg:Decision ; prov:wasAssociatedWith ?o } }""")
        d = describe(s, [str(r["o"]) for r in rows])
        return sorted((d[str(r["o"])] for r in rows), key=lambda b: b["iri"])
    return cached(store, "question-bodies", build)


def organisations(store: GraphStore) -> list[dict]:
    """Every organisation with its name words and abbreviation, folded (cached until the documents change)."""
    def build(s: GraphStore) -> list[dict]:
        rows = s.select(q.P + "SELECT DISTINCT ?o WHERE { ?o a org:Organization }")
        d = describe(s, [str(r["o"]) for r in rows])
        # The longest name first: `Halmstad & Co` before `Halmstad`.
        return sorted((dict(d[str(r["o"])], words=tuple(words(d[str(r["o"])].get("name") or "")))
                       for r in rows), key=lambda o: (-len(o["words"]), o["iri"]))
    return cached(store, "question-organisations", build)


def organisations_named(store: GraphStore, toks: list[Token], free: set[int]) -> list[Found]:
    """Organisations named by abbreviation (`HNAB`, exactly) or by every word of the name in a row."""
    out, i = [], 0
    while i < len(toks):
        hit = None
        for o in organisations(store):
            have = o["words"]
            if o.get("abbreviation") and toks[i].word == fold(o["abbreviation"]) and i in free:
                hit = Found("organisation", i, i + 1, {"typed": toks[i].text, "organisation": o})
            elif have and all(i + k in free and i + k < len(toks) and similar(toks[i + k].word, w) is not None
                              for k, w in enumerate(have)):
                hit = Found("organisation", i, i + len(have), {"typed": " ".join(t.text for t in toks[i:i + len(have)]),
                                                                "organisation": o})
            if hit:
                break
        out += [hit] if hit else []
        i = hit.last if hit else i + 1
    return out


def documents(store: GraphStore) -> list[dict]:
    """Every document with its title's words (cached until the documents change)."""
    def build(s: GraphStore) -> list[dict]:
        return [dict(d, words=tuple(w for w in words(d.get("title") or "") if w not in FUNCTION_WORDS))
                for d in q.documents(s) if d.get("title")]
    return cached(store, "question-documents", build)


def documents_named(store: GraphStore, toks: list[Token], free: set[int]) -> list[Found]:
    """The document whose title the question names: most of the title's words (at least two), each
    typed once, inflections and typos tolerated (`strategin för digital utveckling`)."""
    best = None
    for d in documents(store):
        have = d["words"]
        taken = [i for i in sorted(free) if not any(e == 0 for *_, e in word_concepts(toks[i].word))
                 and any(similar(toks[i].word, w, prefix=len(w) >= 5) is not None for w in have)]
        if len(taken) >= 2 and len(taken) >= 0.6 * len(have) and (best is None or len(taken) > len(best[1])):
            best = (d, taken)
    if best is None:
        return []
    d, taken = best
    return [Found("document", taken[0], taken[-1] + 1, {"document": d, "positions": taken})]


# English names of the bodies every Swedish municipality has, as English questions call them.
BODIES_EN = {"council": "kommunfullmäktige", "assembly": "kommunfullmäktige", "board": "kommunstyrelsen",
             "executive": "kommunstyrelsen"}


def bodies_named(store: GraphStore, toks: list[Token], free: set[int]) -> list[Found]:
    """Bodies named by their abbreviation (exactly, `KS`) or name (typos tolerated, genitive `s` too),
    or by the English word for the body (`council`)."""
    out = []
    for i, tok in enumerate(toks):
        if i not in free or tok.word in FUNCTION_WORDS:
            continue
        hits = []
        for b in bodies(store):
            abbr, name = fold(b.get("abbreviation") or ""), fold(b.get("name") or "")
            if abbr and tok.word == abbr or (name and fold(BODIES_EN.get(tok.word, "")) == name):
                hits.append(b)
            elif name and " " not in name and len(tok.word) >= 5 and (
                    similar(tok.word, name) is not None or (tok.word.endswith("s") and similar(tok.word[:-1], name) is not None)):
                hits.append(b)
        if hits:
            out.append(Found("body", i, i + 1, {"typed": tok.text, "bodies": hits}))
    return out
