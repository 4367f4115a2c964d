"""People in running text, found because the words are a person's name, with the roles, titles
and parties the text gives them.

A name starts with a first name from the name lexicon (`Anna`, `Eva-Lena`, a double first name
`Anna Karin`), may carry an initial or a particle (`von`, `af`, `de`) and ends with a capitalised
surname that is no role, label or heading word (`Berg`, `Lind-Ek`). A word that is not a known
first name starts a name only right after a role label (`Projektledare: Xiu Berg`) and only when
it is no Swedish common word; a first name written as its initial (`A. Berg`) only there or
inside a list of names (`Karin Holm och L. Ek`). Around a name the text may give:

- a role label or role word before a list: `Styrgrupp: A, B och C`, `Projektledare A`,
  `projektledare A` (prose); `A/B` are two people;
- a role after: `A, projektledare`, `A utses till projektledare`, `utse A till projektledare`;
- a title before or after: `kommundirektör A`, `A, miljöstrateg`, `A (kommundirektör)`,
  `A kommunchef` (signatures);
- a party: `A (S)`, `A (s)`, `A, s,`.

Organisation names (`Kommunstyrelsen`, `Samhällsbyggnadsförvaltningen`, `… AB`, `… kommun`) and
names glued into a compound (`Anna Lind-skolan`) are not people.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from styrgraf.ingest import name_lexicon
from styrgraf.ingest.matching import not_after
from styrgraf.ingest.names import NAME_CLOSE, is_person_name
from styrgraf.ingest.roles import ROLES, role_for_word

_WORD_BODY = r"[A-ZÅÄÖÉÜ][a-zåäöéüøæ]+(?:-[A-ZÅÄÖÉÜ][a-zåäöéüøæ]+)?(?![\wåäöéü])"
_WORD = re.compile(rf"(?<![\wåäöéü-]){_WORD_BODY}")
# For a pass over a whole text: the look-behind checked on each match (`matching.not_after`).
_BARE_WORD, _WORD_BEFORE = re.compile(_WORD_BODY), re.compile(r"[\wåäöéü-]")
_GAP = re.compile(r"[ \t]+")
_INITIAL = re.compile(r"[A-ZÅÄÖ]\.?(?=[ \t])")
# A first name written as its initial, right before the surname (`A. Berg`, `A.Berg`).
_NAME_INITIAL = re.compile(r"(?<![\wåäöéü.-])[A-ZÅÄÖ]\.[ \t]?$")
_PARTICLE = re.compile(r"(?:von|af|av|de|van|der|di|la)(?=[ \t])")
# Words that stand where a surname could but never are one in these documents.
_NOT_SURNAME = frozenset(
    "roll namn datum dnr diarienummer version sida sidan bilaga delprojekt delprojektet projekt projektet "
    "projektnamn startdatum slutdatum dokumenttyp handläggare bakgrund syfte mål tidplan tidsplan budget "
    "kostnader organisation projektorganisation andra övriga inom arbetet enligt se kommun kommuns kommunen "
    "region stad staden ab hb kb januari februari mars april maj juni juli augusti september oktober november "
    "december måndag tisdag onsdag torsdag fredag lördag söndag och samt eller "
    # a minutes' signature block: `Sekreterare: Karin Holm Justerandes sign Utdragsbestyrkande`
    "justerandes ordförandes sekreterarens sign signatur utdragsbestyrkande "
    # the cover's next label run into the name (`Sekreterare Stina Hallberg Paragrafer 12`)
    "paragrafer paragraf underskrifter underskrift".split()
)
# Job titles: a compound ending in one of these heads (`utvecklingschef`, `IT-chef`, `miljöstrateg`).
_TITLE_HEADS = ("chef", "direktör", "strateg", "samordnare", "controller", "handläggare", "sekreterare",
                "utvecklare", "ingenjör", "planerare", "ekonom", "arkitekt", "jurist", "ordförande", "rådgivare",
                "specialist", "förvaltare", "inspektör", "analytiker", "konsult", "ansvarig", "rektor", "lärare",
                "kurator", "bibliotekarie", "pedagog", "kommunikatör", "informatör", "assistent", "registrator",
                "arkivarie")
# A head stands alone too, capitalised where a title follows a name without a comma (`Eva Holm Rektor`).
_TITLE_WORD = (r"(?:[A-ZÅÄÖ]{1,4}-)?(?:[A-ZÅÄÖa-zåäö][a-zåäö]*)?(?:"
               + "|".join(f"[{head[0].upper()}{head[0]}]{head[1:]}" for head in _TITLE_HEADS) + r")|VD|Vd|vd|KSO|ordf")
_TITLE = re.compile(rf"(?<![\wåäö-])(?P<title>{_TITLE_WORD})(?![\wåäö-])")
_PARTY = re.compile(r"[ \t]*\((?P<party>S|M|C|V|L|MP|KD|SD|FP|KP|TUP|-|s|m|c|v|l|mp|kd|sd|fp)\)|,[ \t]*(?P<lparty>s|m|c|v|mp|kd|fp|sd),")
_SEPARATOR = re.compile(r"\s*(?:,|/|&|\boch\b|\bsamt\b)\s*")
_ROLE_WORD = r"[A-ZÅÄÖa-zåäö][a-zåäö]+"
_BULLET = r"(?:[-•*–][ \t]+)"  # a list item's mark at the start of its line
# A role word before a name or list: a label (`Projektledare: A`, `Projektledare A`) or prose
# (`I arbetsgruppen ingår A, B och C`, `Styrgruppen består av …`, `Som resurspersoner bidrar …`), the
# name bulleted or not (`Styrgrupp:` / `- A`).
_ROLE_BEFORE_TAIL = rf"(?:[ \t]*:|\s+(?:ingår|består av|utgörs av|bidrar|deltar|medverkar))?\s*{_BULLET}?$"
_ROLE_BEFORE = re.compile(rf"(?P<word>{_ROLE_WORD}){_ROLE_BEFORE_TAIL}")
# The same, tried only where a word starts (`_role_before`): the role word whole (no letter of it
# given back, since the tail never starts with a letter), at a letter that no letter of the word
# precedes, or at a capital.
_ROLE_BEFORE_AT_WORD = re.compile(
    rf"(?:(?<![A-ZÅÄÖa-zåäö])|(?=[A-ZÅÄÖ]))(?P<word>[A-ZÅÄÖa-zåäö][a-zåäö]++){_ROLE_BEFORE_TAIL}")
# `Delprojektet leds av A`: the one who leads.
_LED_BY = re.compile(r"(?P<word>leds|ledas|leddes)\s+av\s*$")
_ROLE_AFTER = re.compile(
    rf"\s*(?:,[ \t]*(?:som[ \t]+(?:är|blir)[ \t]+)?|[ \t]+(?:utses|utsågs|har utsetts|blir|är|i rollen)?[ \t]*(?:till|som)[ \t]+)"
    rf"(?P<word>{_ROLE_WORD})(?![\wåäö-])")
_TITLE_AFTER = re.compile(rf",[ \t]*(?P<title>{_TITLE_WORD}|[a-zåäö][a-zåäö]+)(?=[ \t]*\n[ \t]*(?:{_BULLET}|\n|$)|\s*(?:$|[,.;/&]|och\b|samt\b|[A-ZÅÄÖ]))"
                          rf"|[ \t]*\((?P<ptitle>{_TITLE_WORD}|[a-zåäö][a-zåäö-]{{3,}})\)|[ \t]+(?P<btitle>{_TITLE_WORD})(?![\wåäö-])")
# A name glued to more letters is part of a compound (`Anna Lind-skolan`), and one before a company
# form or `kommun` is part of an organisation's name.
_GLUED = re.compile(r"-[a-zåäö]|[ \t]+(?:AB|HB|KB|kommuns?|[Kk]ommun)(?![\wåäö])")


@dataclass(frozen=True)
class RoleMention:
    key: str  # the role's key in roles.ROLES
    word: str  # as written (`Delprojektledare`)
    start: int
    end: int


@dataclass(frozen=True)
class PersonMention:
    name: str
    start: int  # the name itself: text[start:end] == name
    end: int
    title: str | None = None
    party: str | None = None
    roles: tuple[RoleMention, ...] = ()


@lru_cache(maxsize=1 << 16)  # asked of every capitalised word of a document, the same words again and again
def _is_surname(word: str) -> bool:
    """No role or title either: `Eva Holm Rektor` is Eva Holm, rector."""
    return (word.lower() not in _NOT_SURNAME and role_for_word(word) is None and _TITLE.fullmatch(word) is None
            and is_person_name(word))


def _word_at(text: str, pos: int) -> re.Match | None:
    gap = _GAP.match(text, pos)
    return _WORD.match(text, gap.end()) if gap else None


def _after_gap(text: str, pos: int, pattern: re.Pattern) -> re.Match | None:
    gap = _GAP.match(text, pos)
    return pattern.match(text, gap.end()) if gap else None


def _match_name(text: str, first: re.Match, known_first: bool) -> int | None:
    """Where the name that starts with `first` ends, or None when no surname follows."""
    pos = first.end()
    second = _word_at(text, pos)
    if second and known_first and name_lexicon.is_first_name(second.group()):
        third = _word_at(text, second.end())
        if (third and _is_surname(third.group()) and not name_lexicon.is_first_name(third.group())
                and not name_lexicon.is_inflected_common_word(third.group())):
            pos = second.end()  # a double first name: `Anna Karin Berg`
    for optional in (_INITIAL, _PARTICLE):
        m = _after_gap(text, pos, optional)
        if m and _word_at(text, m.end()):
            pos = m.end()
    surname = _word_at(text, pos)
    if not surname or not _is_surname(surname.group()):
        return None
    if not known_first and name_lexicon.is_common_word(surname.group()) and name_lexicon.has_wordlist():
        return None
    if _GLUED.match(text, surname.end()):
        return None
    return _second_surname_end(text, surname.end())


def _second_surname_end(text: str, pos: int) -> int:
    """A double surname, `Anna Berg Lind`, `Björn Ek Lindahl`: a second surname word that is
    is shaped like a surname and is no first name (the next person's) and no role, label or heading
    word. A second word that is also a common word (`Lind`) counts only where the name visibly
    closes after it."""
    second = _word_at(text, pos)
    if not second or "\n" in text[pos:second.start()]:
        return pos
    word = second.group()
    if (name_lexicon.is_first_name(word) or not _is_surname(word) or word.lower() in _LABEL_WORDS
            or not name_lexicon.looks_like_surname(word) or name_lexicon.is_inflected_common_word(word)
            or _GLUED.match(text, second.end())):
        return pos
    if name_lexicon.has_wordlist() and name_lexicon.is_common_word(word) and not NAME_CLOSE.match(text, second.end()):
        return pos
    return second.end()


def _name_at(text: str, first: re.Match) -> tuple[int, int] | None:
    word = first.group()
    known = name_lexicon.is_first_name(word)
    if word.lower() in _LABEL_WORDS:
        return None
    # An unknown first word starts a name only right after a role label: looked for last, since
    # nearly every capitalised word of a long document is turned away before.
    if not known and (name_lexicon.is_common_word(word) or not _is_surname(word)
                      or _label_before(text, first.start()) is None):
        return None
    end = _match_name(text, first, known)
    return (first.start(), end) if end else None


# `A (S), vice ordförande` at a line's end: the role word is A's, not a label of the next line's name.
_TRAILING_ROLE = re.compile(r",[ \t]*(?:(?:vice|förste|förste vice|andre|andre vice)[ \t]+)?$")


def _role_before(text: str, start: int) -> re.Match | None:
    """`_ROLE_BEFORE.search(text, start - 40, start)`, without trying it at every letter of the window:
    a match that starts after the window's first position starts a word (a later letter of the same
    word would match only where its first does), so only those positions are searched."""
    window = max(0, start - 40)
    return _ROLE_BEFORE.match(text, window, start) or _ROLE_BEFORE_AT_WORD.search(text, window, start)


def _label_before(text: str, start: int) -> RoleMention | None:
    m = _role_before(text, start)
    trailing = m and m.group("word")[0].islower() and _TRAILING_ROLE.search(text, max(0, m.start() - 20), m.start())
    if m and not trailing and role_for_word(m.group("word")):
        return RoleMention(role_for_word(m.group("word")), m.group("word"), m.start("word"), m.end("word"))
    m = _LED_BY.search(text, max(0, start - 20), start)
    return RoleMention("projektledare", m.group(0).strip(), m.start(), m.end()) if m else None


def _initial_name_at(text: str, surname: re.Match, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """`A. Berg`: a first name written as its initial, taken only where a name is expected — right
    after a role label (`Uppdragsansvarig: A. Berg`) or as the next name of a list (`Karin Holm och
    L. Ek`) — and only before a word that can be a surname."""
    if "." not in text[max(0, surname.start() - 2):surname.start()]:
        return None  # no initial's full stop right before: the common case, let go before the search
    initial = _NAME_INITIAL.search(text, max(0, surname.start() - 3), surname.start())
    word = surname.group()
    if initial is None or not _is_surname(word) or _GLUED.match(text, surname.end()):
        return None
    start = initial.start()
    # Many surnames are words too (`Berg`, `Ek`): where a role label stands before, it is a name.
    if _label_before(text, start) is not None:
        return start, surname.end()
    # In a list, after the previous name with what is written after it (party, title, role).
    return (start, surname.end()) if spans and _SEPARATOR.fullmatch(text, _annotate(text, *spans[-1])[3], start) else None


def _names(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    for first in not_after(_BARE_WORD, _WORD_BEFORE, text):
        if first.start() < pos:
            continue
        span = _name_at(text, first) or _initial_name_at(text, first, spans)
        if span:
            spans.append(span)
            pos = span[1]
    return spans


def _annotate(text: str, s: int, e: int) -> tuple[str | None, str | None, RoleMention | None, int]:
    """Party, title and role written right after a name; returns them and where they end."""
    pos, party, title, role = e, None, None, None
    m = _PARTY.match(text, pos)
    if m:
        party, pos = m.group("party") or m.group("lparty"), m.end()
    m = _ROLE_AFTER.match(text, pos)
    # `A, ordförande B, justerare`: a lower-case role word is A's; `A, Projektledare B` labels B.
    if m and role_for_word(m.group("word")) and (m.group("word")[0].islower() or not _starts_name(text, m.end())):
        role = RoleMention(role_for_word(m.group("word")), m.group("word"), m.start("word"), m.end("word"))
        pos = m.end()
    else:
        m = _TITLE_AFTER.match(text, pos)
        if m:
            title = m.group("title") or m.group("ptitle") or m.group("btitle")
            if role_for_word(title) is None:
                pos = m.end()
            else:
                title = None
    return party, title, role, pos


def _starts_name(text: str, pos: int) -> bool:
    """A role word followed by a name labels that name (`…, Projektledare Björn Berg`)."""
    nxt = _word_at(text, pos) or _WORD.match(text, pos)
    return bool(nxt and name_lexicon.is_first_name(nxt.group()))


_TITLE_BEFORE = re.compile(rf"(?:^|(?<=[\s(:]))(?P<title>{_TITLE_WORD})[ \t]+$")
# What every title holds (a head but for its first letter, or a short title), looked for before the
# pattern, which is tried at every position.
_TITLE_HINTS = tuple(head[1:] for head in _TITLE_HEADS) + ("VD", "Vd", "vd", "KSO", "ordf")


def _title_before(text: str, start: int) -> str | None:
    before = text[max(0, start - 40):start]
    m = _TITLE_BEFORE.search(before) if any(hint in before for hint in _TITLE_HINTS) else None
    # A title after a comma belongs to the name before it (`Anna Berg, kommunchef Per Lind`).
    if m and not text[:start - len(m.group(0))].rstrip().endswith(","):
        return m.group("title") if role_for_word(m.group("title")) is None else None
    return None


# Cover-table labels that a flattened export runs together with role labels:
# `Projektnamn Datum Dnr Projektägare Projektledare Styrgrupp … <values in the same order>`.
# Label words, and the column heads of activity tables (`Aktivitet | Ansvarig | Klart`), which a
# flattened table puts right before the first row's words.
_LABEL_WORDS = frozenset("projektnamn datum dnr diarienummer startdatum slutdatum version dokumenttyp "
                         "paragrafer paragraf underskrifter underskrift aktivitet aktiviteter åtgärd åtgärder klart "
                         "klar status kommentar".split())
# `(?<![\wåäö-])` before it, checked on each match (`matching.not_after`).
_RUN_WORD, _RUN_WORD_BEFORE = re.compile(r"[A-ZÅÄÖ][a-zåäö]+(?![\wåäö-])"), re.compile(r"[\wåäö-]")


def _label_runs(text: str) -> list[tuple[int, int, list[RoleMention]]]:
    """Runs of two label words or more, one a role label at least: (start, end, the role labels in order)."""
    runs: list[tuple[int, int, list[RoleMention]]] = []
    cur: list[re.Match] = []

    def flush() -> None:
        roles = [RoleMention(role_for_word(m.group()), m.group(), m.start(), m.end()) for m in cur if role_for_word(m.group())]
        if roles and len(cur) >= 2:
            runs.append((cur[0].start(), cur[-1].end(), roles))

    for m in not_after(_RUN_WORD, _RUN_WORD_BEFORE, text):
        word = m.group()
        if not (role_for_word(word) or word.lower() in _LABEL_WORDS) or text.startswith(":", m.end()):
            if cur:  # most words end no run
                flush()
                cur = []
        elif cur and not text[cur[-1].end():m.start()].strip():
            cur.append(m)
        else:
            flush()
            cur = [m]
    flush()
    return runs


def _lists(text: str) -> list[list[tuple[PersonMention, RoleMention | None, int]]]:
    """Names grouped into lists (`A, B och C`, `A/B`), each with its role written after it and its end."""
    lists: list[list[tuple[PersonMention, RoleMention | None, int]]] = []
    prev_end = None
    for s, e in _names(text):
        party, title, role_after, stop = _annotate(text, s, e)
        person = PersonMention(text[s:e], s, e, title or _title_before(text, s), party)
        continues = prev_end is not None and _SEPARATOR.fullmatch(text, prev_end, s) is not None
        if continues:
            lists[-1].append((person, role_after, stop))
        else:
            lists.append([(person, role_after, stop)])
        prev_end = stop
    return lists


# A group's label alone on its line, and one member a line under it (`Styrgrupp` / `Eva Holm, rektor` /
# `Per Lind, skolchef`): each line after the first continues the list while it holds one name and what
# is written after it, bulleted or not.
_LABEL_LINE = re.compile(r"(?:^|\n)[ \t]*[-•*–]?[ \t]*$")
_NEXT_LINE = re.compile(rf"[ \t,;.]*\n[ \t]*{_BULLET}?")


def _group_label_line(text: str, label: RoleMention | None) -> bool:
    role = ROLES.get(label.key) if label else None
    if not (role and role.group and _LABEL_LINE.search(text, max(0, label.start - 20), label.start)):
        return False
    line_end = _line_end(text, label.end)  # the label ends its line, a colon at the most, and a line follows
    return line_end < len(text) and not text[label.end:line_end].strip(" \t:")


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _ends_its_line(text: str, lst: list) -> bool:
    """Nothing but punctuation after the list's last name and what is written after it, on its line."""
    stop = lst[-1][2]
    return not text[stop:_line_end(text, stop)].strip(" \t,;.")


def _member_lines(text: str, lists: list) -> list:
    """The lists with the member lines under a group's label line joined to the list of its first line."""
    out: list = []
    chained = False
    for lst in lists:
        first = lst[0][0]
        label = _label_before(text, first.start)
        if (chained and label is None and _NEXT_LINE.fullmatch(text, out[-1][-1][2], first.start)
                and _ends_its_line(text, lst)):
            out[-1] = out[-1] + lst
            continue
        chained = _group_label_line(text, label) and _ends_its_line(text, lst)
        out.append(lst)
    return out


def find_people(text: str) -> list[PersonMention]:
    """Every person named in `text`, in order, with the roles, titles and parties written with them."""
    lists = _member_lines(text, _lists(text))
    runs = _label_runs(text)
    list_roles: dict[int, RoleMention] = {}
    for i, (_start, end, labels) in enumerate(runs):
        stop = runs[i + 1][0] if i + 1 < len(runs) else len(text)
        following = [k for k, lst in enumerate(lists) if end <= lst[0][0].start < stop]
        if len(following) == len(labels):  # one value per label, in order; otherwise the layout is unclear
            list_roles.update(zip(following, labels))
    # A role word written after a name is that name's (`Björn Dahlgren, ordförande Sofia Falk, justerare`):
    # it labels no one after it.
    taken = [(r.start, r.end) for lst in lists for _p, r, _stop in lst if r]
    out: list[PersonMention] = []
    for k, lst in enumerate(lists):
        label = _label_before(text, lst[0][0].start)
        if label is not None and any(s <= label.start < e for s, e in taken):
            label = None
        in_run = label is not None and any(s <= label.start < e for s, e, _ in runs)
        role = list_roles.get(k)
        if role is None and label is not None and not in_run:
            role = label
        for person, role_after, _stop in lst:
            roles = tuple(r for r in (role, role_after) if r)
            out.append(replace(person, roles=roles))
    return out
