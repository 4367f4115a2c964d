"""Minutes (sammanträdesprotokoll) and protocol extracts (protokollsutdrag).

Besides every document's basic facts, people and roles (ingest.kinds.generic) minutes record
one meeting of a body: the cover's place and time, who decided (with party and chair), serving
substitutes, other participants and the paragraphs they attended, adjusters, the adjustment's
place and time, the range of paragraphs and the notice dates; then each paragraph with its
number, title, case number, proposal, motions, decision and its points, reservations and
recipients. A protocol extract is minutes of one paragraph. Text exports lose the `§` sign
(`KLU 3`, `56 Dnr …`, `( 4)`) and flatten the cover table, so labels are found wherever they
stand and what a cover entry is (a substitute, a member, an officer) is read from the entry.
"""
from __future__ import annotations

import re
from dataclasses import replace

from styrgraf.ingest import basic_facts as bf
from styrgraf.ingest.basic_facts import CASE_NUMBER
from styrgraf.ingest.dates import find_dates
from styrgraf.ingest.document_text import DocumentText
from styrgraf.ingest.kinds import generic
from styrgraf.ingest.name_lexicon import is_common_word, is_first_name
from styrgraf.ingest.roles import role_for_word
from styrgraf.ingest.records import (
    DatedFact, Decision, DecisionPoint, Evidence, Meeting, MeetingParagraph, Motion, Participant, Person, PlanRecords,
    Reservation, TextFact, Vote,
)

KEY = "protokoll"
TYPES = frozenset({"protokoll", "protokollsutdrag"})

_NAME = r"[A-ZÅÄÖÉ][a-zåäöéü]+(?:-[A-ZÅÄÖ][a-zåäöé]+)?(?:[ \t]+(?:af[ \t]+|von[ \t]+|de[ \t]+)?[A-ZÅÄÖÉ][a-zåäöéü]+(?:-[A-ZÅÄÖ][a-zåäöé]+)?){1,3}"
_PARTY = r"\((?P<{0}>[A-ZÅÄÖ]{{1,4}}|[a-zåäö]{{1,3}}|-)\)"
_PARA_LIST = (r"\d{1,4}(?:/\d{2,4})?(?:\s*[-–]\s*\d{1,4})?"
              r"(?:\s*(?:,|och)\s*\d{1,4}(?:\s*[-–]\s*\d{1,4})?)*")
# `(§ 4)`, `( 7-9)` with the sign lost, or without brackets after a comma: `, § 155`, `, §§ 12-18`.
_PARAS = rf"(?:\(\s*(?:§§?\s*)?(?P<paras>{_PARA_LIST})\s*\)|,?[ \t]*§§?[ \t]*(?P<bare_paras>{_PARA_LIST})(?![\d/]))"
_CHAIR = (r"(?:(?:förste|1:e|andre|2:e|andra|förste)[ \t]+)?vice[ \t]*(?:ordförande|ordf\.)|ordförande|ordf\.")
# One entry of a cover list: `Karin Holm (S), ordförande`, `Nils Berg (M) ersätter Olle Ek (M)`,
# `Eva Lind, kommundirektör (§ 4)`, `Omar Nilsson ( 7-9)`.
_ENTRY = re.compile(
    rf"(?P<name>{_NAME})[ \t]*(?:{_PARTY.format('party')})?"
    rf"(?:[ \t]*,?[ \t]*(?P<chair>{_CHAIR})(?![\wåäö]))?"
    rf"(?:(?:[ \t]+ersätter|[ \t]*,?[ \t]*(?:tjänstgörande[ \t]+ersättare|tjg[ \t]+ers\.?|tgj[ \t]+ers\.?|ersättare)[ \t]+för)"
    rf"[ \t]+(?P<rep>{_NAME})(?:[ \t]*{_PARTY.format('rparty')})?)?"
    rf"(?:[ \t]*,[ \t]*(?P<title>[a-zåäö][a-zåäö\- ]*?[a-zåäö])(?=[ \t]*\(|[ \t]*,|[ \t]*\n|[ \t]+[A-ZÅÄÖ]|[ \t]*$))?"
    rf"(?:[ \t]*{_PARAS})?"
)

# Cover labels, each with the field it introduces.
_LABELS: tuple[tuple[str, str], ...] = (
    ("place", r"Plats och tid(?: för sammanträdet)?|Tid och plats(?! för justering)|Sammanträdesplats"),
    ("adjustment", r"Justeringens plats och tid|Justeringens tid och plats|Tid och plats för justering"
                   r"|Plats och tid för justering|Justeringens tid"),
    ("members", r"Beslutande ledamöter|Beslutande Ledamöter|Beslutande"),
    ("substitutes", r"Tjänstgörande ersättare"),
    ("others", r"Ej tjänstgörande ersättare|Övriga närvarande|Övriga deltagare|Övriga deltagande|Närvarande tjänstemän"
               r"|Övriga som deltar|Övriga"),
    ("adjusters", r"Utses att justera|Justerare|Justerande(?! sign)"),
    ("secretary", r"Sekreterare"),
    ("chair", r"Ordförande"),
    ("range", r"Justerade paragrafer|Paragrafer|Paragraf"),
    # Posting and removal in one value: `Tid för anslag 2019-02-05 – 2019-02-27`.
    ("notice_span", r"Tid för anslag|Anslaget har varit uppsatt|Anslås under tiden"),
    ("posted", r"Datum för anslags uppsättande|Datum då anslaget sätts upp|Datum när anslaget sätts upp"
               r"|Anslaget sätts upp"),
    ("removed", r"Datum för anslags nedtagande|Datum för anslags nedtagning|Datum då anslaget tas ned"
                r"|Datum då anslaget tas ner|Datum när anslaget tas ner|Anslaget tas ned"),
    # `Plats` and `Tid` as labels of their own (a cover that gives them apart); never `Tid för anslag`.
    ("place_only", r"(?:Plats|Lokal)(?=[ \t:]+[A-ZÅÄÖ])"),
    ("time_only", r"(?:Dag och tid|Tid|Klockan)(?![ \t]+(?:för|och)\b)(?=[ \t:]+[\dA-ZÅÄÖa-zåäö])"),
    ("stop", r"Underskrifter|Underskrift(?:/anslaget av)?|ANSLAG/BEVIS|Anslag/bevis|BEVIS|Organ|Nämnd/Styrelse"
             r"|Sammanträdesdatum|Förvaringsplats för protokollet|Protokollet förvaras|Sista dag för överklagande"
             r"|Utdragsbestyrkande|Justerandes sign|Innehållsförteckning|Ärendelista"),
)
# An HTML export glues a value to its label (`Utses att justeraIsabel Hildén`, `Paragrafer12 – 22`): a label
# ends where no lower-case letter goes on.
_LABEL = re.compile("|".join(rf"(?P<{f}{i}>(?<![\wåäö])(?:{rx})(?![a-zåäöé]))" for i, (f, rx) in enumerate(_LABELS))
                    + r"")
_FIELD_OF = {f"{f}{i}": f for i, (f, _) in enumerate(_LABELS)}

# A paragraph heading: `§ 12`, `KS § 45`, `§ 118/2021` at a line start; with the sign lost `KLU 3 Dnr …`,
# `KS 45 <Title>`, or a bare `56 Dnr …`.
_HEADING_SIGN = re.compile(
    r"(?<![\w(§,])(?<!, )(?<!\bi )(?<!enligt )(?:(?P<prefix>[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,5}(?:[ \t]+au)?)[ \t]+)?"
    r"§[ \t]*(?P<num>\d{1,4}(?:/\d{2,4})?)(?![\d/]|[ \t]*[-–][ \t]*\d)(?=\s+(?:Dnr\b|[A-ZÅÄÖ])|\s*$)")
_HEADING_LOST = re.compile(
    r"(?:(?<=\n)|(?<=^)|(?<=\s)|(?<=\d)(?=[A-ZÅÄÖ]))(?P<prefix>[A-ZÅÄÖ]{2,5}(?:[ \t]+au)?)[ \t]+(?P<num>\d{1,4})"
    r"(?=[ \t]+(?:Dnr\b|[A-ZÅÄÖ][a-zåäö]))|(?:(?<=\n)|(?<=\s))(?P<bare>\d{1,4})(?=[ \t]+Dnr\b)")
_DNR = re.compile(r"(?:Dnr|Diarienr|Diarienummer|Ärendenummer)\.?:?\s*" + CASE_NUMBER.pattern.replace("(?<![\\w/-])", ""))

# Headings inside a paragraph; text of one runs to the next.
_SECTIONS: tuple[tuple[str, str], ...] = (
    ("proposal", r"Förslag till beslut|[A-ZÅÄÖ][a-zåäö]+(?:s)? (?:arbetsutskotts|utskotts)?förslag(?: till beslut)?"
                 r"|Arbetsutskottets förslag|[A-ZÅÄÖ][a-zåäö]+ förslag till beslut"),
    ("motions", r"Yrkanden|Yrkande"),
    # `Kommunstyrelsens beslut`, and a body of several words: `Tekniska nämndens beslut`, `Barn- och utbildningsnämndens beslut`.
    ("decision", r"[A-ZÅÄÖ][a-zåäö]+-?(?:[ \t]+(?:och[ \t]+)?[a-zåäö]+){0,2}?s beslut(?![\wåäö])"
                 r"|Beslut(?=\s*:|\s*\n|\s+[A-ZÅÄÖ])"),
    ("reservation", r"Reservationer|Reservation"),
    ("recipients", r"Beslutet skickas till|Beslutet expedieras till|Beslutsexpediering|Expedieras till|Skickas till"),
    ("votes", r"Propositionsordning|Beslutsgång|Omröstningsresultat|Omröstning"),
    ("other", r"Ärendet|Bakgrund|Beskrivning av ärendet|Sammanfattning(?: av ärendet)?|Beslutsunderlag"
              r"|Handlingar i ärendet|Justerandes sign|Utdragsbestyrkande"
              r"|Rätt utdraget|Ordförande\s*:|Justerande\s*:|Sekreterare\s*:"),
)
_SECTION = re.compile("|".join(rf"(?P<{f}{i}>(?<![\wåäö])(?:{rx})(?![\wåäö])[ \t]*:?)" for i, (f, rx) in enumerate(_SECTIONS)))
_SECTION_OF = {f"{f}{i}": f for i, (f, _) in enumerate(_SECTIONS)}
_DECIDES = re.compile(r"\bbeslutar\s*(?::|att\b)|\bBeslut\s*:?\s*(?=att\b)")
_POINT = re.compile(r"(?:(?<=\n)|(?<=:)|(?<=;)|(?<=,)|(?<=\.)|^)[ \t]*(?:samt[ \t]+)?(?:[-–•][ \t]*)?(?=att\s)"
                    r"|(?:(?<=\n)|(?<=:)|(?<=\s))(?=\d{1,2}\.\s+[A-ZÅÄÖa-zåäö])", re.M)
_RESERVES = re.compile(r"reserverar\s+sig|reserverade\s+sig|reservation")
# Not a heading word before the name (`Reservation Jonas Ahl (M)`).
_RESERVER = re.compile(rf"(?!(?:Reservation|Reservationer|Yrkanden?|Beslut|Ledamoten|Ledamöterna)\s)(?P<name>{_NAME})"
                       rf"[ \t]*{_PARTY.format('party')}")
_RANGE = re.compile(r"(?P<a>\d{1,4})\s*(?:-{1,2}|–|—)\s*(?P<b>\d{1,4})")
_RANGE_SIGNS = re.compile(r"§§\s*(?P<a>\d{1,4})\s*(?:-{1,2}|–|—)\s*(?P<b>\d{1,4})")


def score(doc: DocumentText) -> float:
    """High when the document's type (ingest.doc_types) is minutes or a protocol extract."""
    title = bf.find_title(doc)
    if bf.document_type(doc, title.text if title else "") not in TYPES:
        return 0.0
    # Minutes that name themselves by no title nor opening are left to `generic`, which refuses them.
    return 0.7 if title or _opening(doc) else 0.0


def _fact(doc: DocumentText, start: int, end: int) -> TextFact | None:
    text = doc.body[start:end].strip(" \t\n,;:")
    if not text:
        return None
    s = doc.body.index(text, start)
    return TextFact(" ".join(text.split()), doc.evidence(s, s + len(text)))


# --- paragraphs -------------------------------------------------------------------------------------------------

def _headings(text: str) -> list[tuple[int, int, str, int | None]]:
    """(start, end, number as read, ordinal) of every paragraph heading, in order."""
    found: dict[int, tuple[int, int, str, int | None]] = {}
    for m in _HEADING_SIGN.finditer(text):
        num, prefix, start = m.group("num"), m.group("prefix"), m.start()
        if prefix and _surname_before_sign(text, m.start("prefix"), prefix):
            prefix, start = None, text.index("§", m.start("prefix"))
        label = f"{prefix} {num}" if prefix else num
        found[start] = (start, m.end(), label.strip(), int(num.split("/")[0]))
    if not found:
        for m in _HEADING_LOST.finditer(text):
            if m.group("bare"):
                found[m.start()] = (m.start(), m.end(), m.group("bare"), int(m.group("bare")))
            else:
                found[m.start()] = (m.start(), m.end(), f"{m.group('prefix')} {m.group('num')}", int(m.group("num")))
    return [found[k] for k in sorted(found)]


def _surname_before_sign(text: str, at: int, prefix: str) -> bool:
    """`Sekreterare Ola Ek § 40`: a flattened cover's last name run into the first heading is no body
    prefix (`Ks § 40`, `KS § 40`): a mixed-case word after a first name."""
    if prefix.isupper():
        return False
    before = text[max(0, at - 40):at].split()
    return bool(before) and is_first_name(before[-1])


def _sections(text: str, start: int, end: int) -> list[tuple[str, int, int, int]]:
    """(kind, label start, text start, text end) of a paragraph's headed sections."""
    marks = [(m.start(), m.end(), _SECTION_OF[m.lastgroup]) for m in _SECTION.finditer(text, start, end)]
    out = []
    for i, (s, e, kind) in enumerate(marks):
        stop = marks[i + 1][0] if i + 1 < len(marks) else end
        out.append((kind, s, e, stop))
    return out


def _points(doc: DocumentText, start: int, end: int) -> tuple[DecisionPoint, ...]:
    """A decision's points: its `att …` clauses or numbered items (one point when not enumerated)."""
    text = doc.body
    lead = re.compile(r"\b(?:beslutar|Beslut)\s*:?\s*(?=att\b|\d{1,2}\.\s)").search(text, start, end)
    start = lead.end() if lead else start
    cuts = sorted({m.end() for m in _POINT.finditer(text, start, end)} | {start})
    points = []
    for i, s in enumerate(cuts):
        e = cuts[i + 1] if i + 1 < len(cuts) else end
        piece = text[s:e].strip(" \t\n,;")
        if piece.endswith(" samt"):
            piece = piece[:-5]
        if len(piece) < 8:
            continue
        ps = text.index(piece, s)
        points.append(DecisionPoint(len(points) + 1, " ".join(piece.split()), doc.evidence(ps, ps + len(piece))))
    return tuple(points) if len(points) > 1 else ()


def _reservations(doc: DocumentText, start: int, end: int) -> tuple[Reservation, ...]:
    text = doc.body
    out = []
    for m in _RESERVES.finditer(text, start, end):
        s = max(text.rfind(". ", start, m.start()) + 1, text.rfind("\n", start, m.start()) + 1, start)
        e = text.find(".", m.end(), end)
        e = end if e < 0 else e + 1
        who = list(_RESERVER.finditer(text, s, e))
        if not who or any(r.evidence and r.evidence[0].start == doc.evidence(s, e)[0].start for r in out):
            continue
        out.append(Reservation(tuple(w.group("name") for w in who), tuple(dict.fromkeys(w.group("party") for w in who)),
                               " ".join(text[s:e].split()), doc.evidence(s, e)))
    return tuple(out)


# `Jonas Ahl (M) yrkar avslag på förslaget.`, `Eva Ek (C) och Per Mo (L) yrkar att ärendet återremitteras …`
_MOVERS = rf"{_NAME}[ \t]*{_PARTY.format('p0')}(?:[ \t]*(?:,|och)[ \t]*{_NAME}[ \t]*\((?:[A-ZÅÄÖ]{{1,4}}|[a-zåäö]{{1,3}}|-)\))*"
_MOTION = re.compile(rf"(?P<movers>{_MOVERS})\s+(?:yrkar|yrkade)\s+(?:på\s+)?(?P<what>[^.]*?(?:\d\.\d[^.]*?)*)\s*(?:\.(?!\d)|\n\s*\n|$)")
_MOVER = re.compile(rf"(?P<name>{_NAME})[ \t]*{_PARTY.format('party')}")
# The kind of a motion, by the first of its words found (a motion for referral back is no approval).
_MOTION_KINDS = (("aterremiss", r"återremi"), ("bordlaggning", r"bordlägg"), ("tillagg", r"tillägg"),
                 ("andring", r"ändring"), ("avslag", r"avslag|avslå"), ("bifall", r"bifall|bifalla"))


def _motion_kind(what: str) -> str:
    low = what.lower()
    for kind, rx in _MOTION_KINDS:
        if re.search(rx, low):
            return kind
    return "yrkande"


# Without a party: `Ordföranden yrkar …`, or a name the cover lists (`Anna Berg yrkar …` in minutes that write no parties).
_MOTION_UNMARKED = re.compile(rf"(?P<who>Ordföranden|Ordförande|{_NAME})\s+(?:yrkar|yrkade)\s+(?:på\s+)?"
                              rf"(?P<what>[^.]*?(?:\d\.\d[^.]*?)*)\s*(?:\.(?!\d)|\n\s*\n|$)")


def _unmarked_motions(doc: DocumentText, start: int, end: int, cover: dict[str, str | None], taken: list[int]):
    """Motions whose mover carries no party: the chair (`Ordföranden`) or a person the cover lists."""
    text = doc.body
    chair = next((n for n, role in cover.items() if role == "chair"), None)
    for m in _MOTION_UNMARKED.finditer(text, start, end):
        what = " ".join(m.group("what").split())
        if not what or any(m.start() <= t < m.end() for t in taken):
            continue
        who = m.group("who")
        if who.startswith("Ordförande"):
            name, begin = chair, m.start()
        else:
            name = next((n for n in cover if who == n or who.endswith(" " + n)), None)
            begin = m.start() + len(who) - len(name or "")
        if name:
            stop = m.end("what")
            yield Motion((name,), (), _motion_kind(what), what, " ".join(text[begin:stop].split()),
                         doc.evidence(begin, stop))


def _motions(doc: DocumentText, start: int, end: int, cover: dict[str, str | None] | None = None) -> tuple[Motion, ...]:
    """The paragraph's motions: each `<name> (<party>) yrkar …` sentence, wherever it stands, and those of
    the chair or a listed person written without a party. `cover`: the cover's names (the chair's as `chair`)."""
    text = doc.body
    out = []
    for m in _MOTION.finditer(text, start, end):
        what = " ".join(m.group("what").split())
        if not what:
            continue
        movers = [w for w in _MOVER.finditer(m.group("movers"))]
        stop = m.end("what")
        first = _lead_trimmed(movers[0].group("name"))
        begin = m.start() + len(movers[0].group("name")) - len(first)
        names = [first] + [_person_name(w.group("name")) for w in movers[1:]]
        out.append(Motion(tuple(names),
                          tuple(dict.fromkeys(w.group("party") for w in movers)), _motion_kind(what), what,
                          " ".join(text[begin:stop].split()), doc.evidence(begin, stop)))
    taken = [m.start() for m in _MOTION.finditer(text, start, end)]
    found = out + list(_unmarked_motions(doc, start, end, cover or {}, taken))
    # In the order written.
    return tuple(sorted(found, key=lambda x: (x.evidence[0].page, x.evidence[0].start) if x.evidence else (0, 0)))


def _lead_trimmed(name: str) -> str:
    """`Lärkan Yrkanden Jonas Ahl` -> `Jonas Ahl`: a flattened text runs the title and the heading before
    a name into it; leading heading words and common words that are no first names are dropped."""
    words = name.split()
    cut = 0
    for i, w in enumerate(words[:-2]):
        if _SECTION.fullmatch(w) or (is_common_word(w.lower()) and not is_first_name(w)):
            cut = i + 1
    return " ".join(words[cut:])


_ADOPTED = re.compile(
    r"finner\s+att\s+(?:(?:[\wåäö-]+\s+){0,3}?(?:har\s+)?(?:(?:beslutat|beslutar)\s+(?:enligt|i\s+enlighet\s+med)"
    r"|bifallit|bifaller|antagit|antar)\s+(?P<a>[^.;]+?)|(?P<b>[^.;]+?)\s+(?:har\s+)?(?:bifallits|bifalls|antagits|antas))"
    r"\s*(?:[.;]|$)")
_COUNT = {"yes": re.compile(r"(\d{1,3})\s+ja-?röster|ja-?röster\s*:?\s*(\d{1,3})|\bja\s*:\s*(\d{1,3})", re.I),
          "no": re.compile(r"(\d{1,3})\s+nej-?röster|nej-?röster\s*:?\s*(\d{1,3})|\bnej\s*:\s*(\d{1,3})", re.I),
          "abstained": re.compile(r"(\d{1,3})\s+(?:ledamöter\s+|ledamot\s+)?(?:avstår|avstod|avstående)"
                                  r"|avstår\s*:?\s*(\d{1,3})|avstående\s*:?\s*(\d{1,3})", re.I)}
_PUTS = re.compile(r"(?:(?P<chair>Ordföranden|Ordförande)\s+)?ställer\s+(?:proposition|förslagen|yrkandena)"
                   r"|(?P<vote>Omröstning)\s+(?:begärs|har\s+begärts|verkställs)")


def _count(kind: str, text: str) -> int | None:
    m = _COUNT[kind].search(text)
    return int(next(g for g in m.groups() if g)) if m else None


def _votes(doc: DocumentText, start: int, end: int, sections) -> tuple[Vote, ...]:
    """How the decision was put and counted: the `Propositionsordning`/`Beslutsgång`/`Omröstning` sections,
    else the sentences from the chair's `ställer proposition` to the finding (`finner att …`)."""
    text = doc.body
    spans = [(s, e) for k, _, s, e in sections if k == "votes"]
    if not spans:
        put = _PUTS.search(text, start, end)
        if put:
            s = put.start() if put.group("chair") or put.group("vote") else max(
                text.rfind(". ", start, put.start()) + 2, text.rfind("\n", start, put.start()) + 1, start)
            found = _ADOPTED.search(text, put.start(), end)
            e = found.end() if found else text.find(".", put.end(), end) + 1 or end
            spans = [(s, e)]
    out = []
    for s, e in spans:
        fact = _fact(doc, s, e)
        if fact is None:
            continue
        found = _ADOPTED.search(text, s, e)
        adopted = " ".join((found.group("a") or found.group("b")).split()) if found else None
        chunk = text[s:e]
        out.append(Vote(fact.text, adopted, _count("yes", chunk), _count("no", chunk), _count("abstained", chunk),
                        fact.evidence))
    return tuple(out)


def _recipients(doc: DocumentText, start: int, end: int) -> tuple[TextFact, ...]:
    text = doc.body
    out = []
    pos = start
    for part in re.split(r"\n|,|;|(?<=[a-zåäö])\s+(?=[A-ZÅÄÖ])", text[start:end]):
        s = text.index(part, pos) if part else pos
        pos = s + len(part)
        fact = _fact(doc, s, s + len(part))
        if fact and len(fact.text) > 1:
            out.append(fact)
    return tuple(out)


def _decision_span(text: str, start: int, end: int, sections) -> tuple[int, int] | None:
    """Where the paragraph's decision is written: its `beslutar att …`, under its `Beslut` heading or not."""
    for kind, _, s, e in sections:
        if kind == "decision":
            return s, e
    # The last `beslutar att` that is no proposal's (`föreslår … besluta att`).
    m = next((d for d in reversed(list(_DECIDES.finditer(text, start, end)))
              if "föreslå" not in text[max(start, d.start() - 25):d.start()]), None)
    if m is None:
        return None
    s = max(text.rfind(". ", start, m.start()) + 2, text.rfind("\n", start, m.start()) + 1, start)
    stop = min([st for _, st, _, _ in sections if st > m.start()] + [end])
    return s, stop


def _title(doc: DocumentText, end: int, stop: int, start: int) -> TextFact | None:
    """The paragraph's title: the words after its number and case number up to its first heading or
    decision sentence; else the all-capitals words just before a heading whose sign was lost
    (`UPPDRAG OM … 56 Dnr …`)."""
    text = doc.body
    dnr = _DNR.match(text, end + len(text[end:]) - len(text[end:].lstrip()))
    s = dnr.end() if dnr else end
    limit = min(stop, s + 200)
    cuts = [limit]
    section = _SECTION.search(text, s, limit)
    if section:
        cuts.append(section.start())
    decides = re.compile(r"[A-ZÅÄÖ][\wåäö]*\s+(?:beslutar|föreslår|föreslås)\b").search(text, s, limit)
    if decides:
        cuts.append(decides.start())
    sentence = text.find(". ", s, limit)
    if sentence >= 0:
        cuts.append(sentence)
    fact = _fact(doc, s, min(cuts))
    if fact and len(fact.text) > 2 and not fact.text[0].isdigit():
        return fact
    caps = re.search(r"((?:[A-ZÅÄÖ0-9]{2,}[ \t,–-]+){2,}[A-ZÅÄÖ0-9]{2,})[ \t]*$", text[max(0, start - 200):start])
    if caps:
        b = max(0, start - 200) + caps.start(1)
        return _fact(doc, b, b + len(caps.group(1)))
    return None


def _paragraph(doc: DocumentText, heading, stop: int, body: str | None, date, decisions: list[Decision],
               cover: dict[str, str | None] | None = None) -> MeetingParagraph:
    text = doc.body
    start, end, number, ordinal = heading
    sections = _sections(text, end, stop)
    dnr = _DNR.search(text, end, min(stop, end + 300))
    span = _decision_span(text, end, stop, sections)
    key = None
    if span:
        key = _decision_for(doc, span, number, body, date, dnr.group("dnr") if dnr else None, decisions)
    proposal = next((_fact(doc, s, e) for k, _, s, e in sections if k == "proposal"), None)
    recipients = tuple(r for k, _, s, e in sections if k == "recipients" for r in _recipients(doc, s, e))
    return MeetingParagraph(
        number, ordinal, _title(doc, end, stop, start), dnr.group("dnr") if dnr else None, key, proposal,
        _motions(doc, end, stop, cover), _reservations(doc, end, stop), recipients, doc.evidence(start, end),
        doc.evidence(dnr.start("dnr"), dnr.end("dnr")) if dnr else (), _votes(doc, end, stop, sections))


def _decision_for(doc, span, number, body, date, dnr, decisions: list[Decision]) -> str:
    """The paragraph's decision: the one already read at that place (ingest.dated_decisions), else a new one."""
    s, e = span
    page = doc.page_at(s)
    ev = doc.evidence(s, e)
    for i, d in enumerate(decisions):
        if any(x.page == page and ev and ev[0].start <= x.start < ev[-1].end for x in d.evidence):
            points = d.points or _points(doc, s, e)
            whole = " ".join(doc.body[s:e].split())
            decisions[i] = replace(d, identifier=d.identifier or dnr, points=points,
                                   text=whole if len(whole) > len(d.text) else d.text,
                                   evidence=d.evidence if len(whole) <= len(d.text) else ev)
            return d.key
    text = " ".join(doc.body[s:e].split())
    kind = "tabling" if re.search(r"bordlägg", text) else "decision"
    slug = "-".join(p for p in ((date.iso if date and date.iso else "odaterat"), (body or "").lower(),
                                "p" + re.sub(r"\W+", "-", number.lower())) if p)
    decisions.append(Decision(slug, kind, date, body, dnr, text, _points(doc, s, e), evidence=ev))
    return slug


# --- the cover --------------------------------------------------------------------------------------------------

def _cover_fields(text: str, start: int, end: int) -> list[tuple[str, int, int, int]]:
    """(field, label start, value start, value end) of the cover's labels."""
    marks = [(m.start(), m.end(), _FIELD_OF[m.lastgroup]) for m in _LABEL.finditer(text, start, end)]
    out = []
    for i, (s, e, f) in enumerate(marks):
        stop = marks[i + 1][0] if i + 1 < len(marks) else end
        out.append((f, s, e, stop))
    return out


_ROLE_OF_FIELD = {"members": "ledamot", "substitutes": "ersattare", "others": "deltagare", "adjusters": "justerare",
                  "secretary": "sekreterare", "chair": "ordforande"}


def _person_name(raw: str) -> str:
    """`Stina Hallberg Paragrafer` -> `Stina Hallberg`: a cover's next label run into a name is no surname."""
    words = raw.split()
    while len(words) > 2 and (words[-1].lower() in _COVER_LABELS or role_for_word(words[-1])):
        words.pop()
    return " ".join(words)


# The cover's labels that a flattened signature block runs into the names beside them.
_COVER_LABELS = frozenset("paragrafer paragraf underskrifter underskrift sign justerandes utdragsbestyrkande "
                          "plats tid organ datum".split())


def _entries(doc: DocumentText, field: str, label: str, s: int, e: int) -> list[Participant]:
    text = doc.body
    out, spans = [], []
    for m in _ENTRY.finditer(text, s, e):
        if _LABEL.fullmatch(m.group("name")) or _LABEL.match(m.group("name")):
            continue
        spans.append((m.start("name"), m.end("title") if m.group("title") else m.start("name")))
        roles: list[str] = []
        if m.group("rep"):
            roles.append("ersattare")
        elif field in ("members", "substitutes") and (m.group("party") or field == "members"):
            roles.append("ledamot")
        elif field in ("members", "substitutes", "others"):
            roles.append("deltagare" if field != "substitutes" else "ersattare")
        else:
            roles.append(_ROLE_OF_FIELD[field])
        chair = (m.group("chair") or "").lower()
        if chair:
            roles.append("viceordforande" if "vice" in chair else "ordforande")
        name = _person_name(m.group("name"))
        run = _run_together(name)
        if run:  # `Märit Bo Gun Ås`: two names of a list without parties, its line break lost
            first, name = run
            b = m.start("name")
            out.append(Participant(first, tuple(roles[:1]), label, evidence=doc.evidence(b, b + len(first))))
            spans.insert(len(spans) - 1, (b, b))
        out.append(Participant(name, tuple(roles), m.group("chair") or label, m.group("party"),
                               m.group("title"), m.group("rep"), re.sub(r"\s+", "", m.group("paras") or m.group("bare_paras") or "") or None,
                               doc.evidence(m.start(), m.end())))
    return _titles_first(text, out, spans) if field == "others" else out


def _run_together(name: str) -> tuple[str, str] | None:
    """`Märit Bo Gun Ås` -> (`Märit Bo`, `Gun Ås`): a first name, a surname, then another first name."""
    words = name.split()
    if len(words) == 4 and is_first_name(words[0]) and is_first_name(words[2]) and not is_first_name(words[3]):
        return " ".join(words[:2]), " ".join(words[2:])
    return None


def _title_word_first(name: str) -> bool:
    """`Kommundirektör Jan Frans`: a title, then a first name."""
    words = name.split()
    return len(words) > 2 and not is_first_name(words[0]) and is_first_name(words[1])


_TITLE_BEFORE = re.compile(r"(?:^|[,;]|\boch\b)[ \t]*(?P<title>[a-zåäö][a-zåäö\-]+(?:[ \t]+[a-zåäö\-]+)?)[ \t]*$")


def _titles_first(text: str, found: list[Participant], spans: list[tuple[int, int]]) -> list[Participant]:
    """Officers listed title first (`Kommundirektör Jan Frans, kommunsekreterare Lina Mat`): the entry
    pattern reads each `, <title>` as the title of the name before it, but it is the next name's: the
    title of each is the first word of its entry or the lower-case words just before it."""
    if not found or not _title_word_first(found[0].name):
        return found
    out = []
    for i, p in enumerate(found):
        name, title = p.name, None
        if _title_word_first(p.name):
            word, name = p.name.split(" ", 1)
            title = word[:1].lower() + word[1:]
        elif i:
            before = _TITLE_BEFORE.search(text, max(spans[i - 1][0], spans[i][0] - 60), spans[i][0])
            title = before.group("title") if before else None
        out.append(replace(p, name=name, title=title))
    return out


def _cover(doc: DocumentText, end: int) -> dict:
    text = doc.body
    out: dict = {"participants": []}
    fields = _cover_fields(text, 0, end)
    people_field: tuple[str, str] | None = None  # the last list of people the cover opened
    for i, (field, ls, s, e) in enumerate(fields):
        label = text[ls:s]
        if field in _ROLE_OF_FIELD:
            if field in ("members", "substitutes", "others"):
                people_field = (field, label)
            # The signature block's `Ordförande` repeats the chair the decision-makers already named.
            if field == "chair" and any("ordforande" in p.roles for p in out["participants"]):
                continue
            out["participants"] += _entries(doc, field, label, s, e)
        elif field in ("place", "adjustment", "place_only", "time_only") and field not in out:
            fact = _fact(doc, s, e)
            if fact:
                out[field] = fact
        elif field == "range" and "range" not in out:
            m = _RANGE.search(text, s, e)
            if m and not text[s:m.start()].strip(" \t\n§:"):
                out["range"] = (m.group("a"), m.group("b"), m.start(), m.end())
                # A flattened cover table: the list to the left of `Paragrafer` goes on after its value.
                if people_field:
                    out["participants"] += _entries(doc, people_field[0], people_field[1], m.end(), e)
        elif field == "notice_span" and "posted" not in out:
            dates = find_dates(text[s:e])
            if len(dates) > 1:
                for key, d in (("posted", dates[0]), ("removed", dates[1])):
                    out[key] = DatedFact(key, d.value, doc.evidence(s + d.start, s + d.end))
        elif field in ("posted", "removed") and field not in out:
            dates = find_dates(text[s:e])
            if dates:
                out[field] = DatedFact(field, dates[0].value, doc.evidence(s + dates[0].start, s + dates[0].end))
                # Flattened: `Datum för anslags uppsättande Datum för anslags nedtagande 2024-05-08 2024-05-30`.
                if field == "removed" and "posted" not in out and len(dates) > 1 and i and fields[i - 1][0] == "posted":
                    out["posted"] = out["removed"]
                    out["removed"] = DatedFact("removed", dates[1].value,
                                               doc.evidence(s + dates[1].start, s + dates[1].end))
    if "range" not in out:
        m = _RANGE_SIGNS.search(text, 0, end)
        if m:
            out["range"] = (m.group("a"), m.group("b"), m.start("a"), m.end("b"))
    return out


_CLOCK = re.compile(r"(?:(?:kl\.?|klockan)[ \t]*)?\d{1,2}[.:]\d{2}(?:[ \t]*(?:-{1,2}|–|—)[ \t]*\d{1,2}[.:]\d{2})?"
                    r"|(?:kl\.?|klockan)[ \t]*\d{1,2}(?![\d.:])")
_WEEKDAY = re.compile(r"(?<![\wåäö])(?:[Mm]åndag|[Tt]isdag|[Oo]nsdag|[Tt]orsdag|[Ff]redag|[Ll]ördag|[Ss]öndag)(?:en)?(?![\wåäö])")


def _span_fact(doc: DocumentText, fact: TextFact, start: int, end: int) -> TextFact | None:
    """The part `start:end` (offsets into the fact's quote) of a one-piece fact, with its own evidence."""
    ev = fact.evidence[0] if len(fact.evidence) == 1 else None
    if ev is None:
        return None
    piece = ev.quote[start:end]
    lead = len(piece) - len(piece.lstrip(" \t\n,;:"))
    piece = piece.strip(" \t\n,;:")
    if not piece:
        return None
    b = ev.start + start + lead
    return TextFact(" ".join(piece.split()), (Evidence(ev.page, b, b + len(piece), piece),))


def place_and_time(doc: DocumentText, fact: TextFact | None) -> tuple[TextFact | None, TextFact | None]:
    """The place alone and the clock time alone of a `Plats och tid` value (`Kommunhuset, Bergsalen,
    tisdag den 14 mars 2023, kl. 13.00–15.30`): the place ends where a weekday, a date or the clock begins."""
    if fact is None or len(fact.evidence) != 1:
        return None, None
    quote = fact.evidence[0].quote
    clock = _CLOCK.search(quote)
    cuts = [m.start() for m in (clock, _WEEKDAY.search(quote)) if m] + [d.start for d in find_dates(quote)[:1]]
    first = min(cuts) if cuts else len(quote)
    place = _span_fact(doc, fact, 0, first) if first else None
    if place is None and clock is not None:
        # The time first (`kl. 18.00, Stadshuset`): the place is what follows the clock.
        rest = [c for c in cuts if c > clock.end()]
        place = _span_fact(doc, fact, clock.end(), min(rest) if rest else len(quote))
    time = _span_fact(doc, fact, clock.start(), clock.end()) if clock else None
    return place, time


def _merge_participants(found: list[Participant]) -> tuple[Participant, ...]:
    """One participant per person: a signature or adjuster line adds its role to the cover entry."""
    merged: dict[str, Participant] = {}
    for p in found:
        old = merged.get(p.name)
        if old is None:
            merged[p.name] = p
            continue
        merged[p.name] = replace(old, roles=tuple(dict.fromkeys(old.roles + p.roles)), party=old.party or p.party,
                                 title=old.title or p.title, replaces=old.replaces or p.replaces,
                                 paragraphs=old.paragraphs or p.paragraphs, evidence=old.evidence + p.evidence)
    return tuple(merged.values())


# A heading this near the top of its page has only the page's running header before it.
_TOP = 200


def _page_top(doc: DocumentText, heading: int, previous: int) -> int:
    """Where the paragraph before a heading ends: at the heading, or at the top of the heading's page
    when a running header the layout did not recognise stands between them (a transcript's)."""
    seg = doc.segments[doc.segment_index_at(heading)]
    if doc.page_at(previous) != seg.page and heading - seg.body_start <= _TOP:
        return seg.body_start
    return heading


def read_meeting(doc: DocumentText, body: str | None, date, extract: bool, decisions: list[Decision]) -> Meeting:
    """The meeting the minutes record; new paragraph decisions are appended to `decisions`."""
    text = doc.body
    heads = _headings(text)
    if extract and len(heads) > 1:
        heads = heads[:1]
    cover_end = heads[0][0] if heads else len(text)
    cover = _cover(doc, cover_end)
    # Who a motion without a party can be: a person of the cover, the chair by role.
    names = {p.name: ("chair" if "ordforande" in p.roles else None) for p in cover["participants"]}
    paragraphs = []
    for i, h in enumerate(heads):
        stop = _page_top(doc, heads[i + 1][0], h[0]) if i + 1 < len(heads) else len(text)
        paragraphs.append(_paragraph(doc, h, stop, body, date, decisions, names))
    rng = cover.get("range")
    first = int(rng[0]) if rng else (paragraphs[0].ordinal if paragraphs else None)
    last = int(rng[1]) if rng else (paragraphs[-1].ordinal if paragraphs else None)
    place, time = place_and_time(doc, cover.get("place"))
    if cover.get("place_only"):
        place = place_and_time(doc, cover["place_only"])[0] or cover["place_only"]
    if cover.get("time_only"):
        time = place_and_time(doc, cover["time_only"])[1] or cover["time_only"]
    return Meeting(
        body, date, extract, cover.get("place"), cover.get("adjustment"),
        TextFact(f"{rng[0]}-{rng[1]}", doc.evidence(rng[2], rng[3])) if rng else None, first, last,
        cover.get("posted"), cover.get("removed"), _merge_participants(cover["participants"]), tuple(paragraphs),
        doc.evidence(0, min(len(text), 80)), place=place, time=time,
    )


def _with_participants(people: list[Person], meeting: Meeting) -> list[Person]:
    """Everyone the cover lists is a person of the document, with the party and title written there."""
    by_name = {p.name: p for p in people}
    for part in meeting.participants:
        old = by_name.get(part.name) or Person(part.name)
        titles = old.titles + ((part.title,) if part.title and part.title not in old.titles else ())
        parties = old.parties + ((part.party,) if part.party and part.party not in old.parties else ())
        by_name[part.name] = replace(old, titles=titles, parties=parties, evidence=old.evidence or part.evidence)
    return list(by_name.values())


def _heading_date(doc: DocumentText) -> bf.TypedDate | None:
    """The meeting date of a cover that gives it in its opening line only (`Sammanträdesprotokoll
    <body> 2021-10-05`), before any label."""
    text = doc.body
    label = _LABEL.search(text, 0, 400)
    dates = find_dates(text[:label.start() if label else min(len(text), 200)])
    return bf.TypedDate("meeting", dates[0].value, dates[0].start, dates[0].end) if dates else None


_OPENING = re.compile(r"(?:SAMMANTRÄDESPROTOKOLL|Sammanträdesprotokoll|PROTOKOLLSUTDRAG|Protokollsutdrag|PROTOKOLL|Protokoll)"
                      r"(?:\s+(?:för\s+)?[A-ZÅÄÖ][\wåäö]+(?:s\s+[a-zåäö]+)?)?")


def _opening(doc: DocumentText) -> Evidence | None:
    """The minutes' opening (`SAMMANTRÄDESPROTOKOLL Kommunstyrelsen`) at the top of the first page,
    letterhead included: the furniture finder may count it as the letterhead, which `body` leaves out."""
    page = doc.pages[0]
    m = _OPENING.search(page.text, 0, 400)
    return Evidence(page.number, m.start(), m.end(), m.group()) if m else None


def _opening_title(doc: DocumentText, info):
    """Minutes without a title line are named by their opening (`SAMMANTRÄDESPROTOKOLL Kommunstyrelsen`)."""
    found = _opening(doc)
    if not found:
        return info
    return replace(info, title=" ".join(found.quote.split()), title_evidence=(found,))


_ORGAN = re.compile(r"(?<![\wåäö])(?:Organ|Nämnd/Styrelse|Nämnd)[ \t]*:?[ \t]+")
_PARTY_MARK = re.compile(r"\(([A-ZÅÄÖ]{1,4}|[a-zåäö]{1,3})\)")


def _meeting_body(doc: DocumentText, organisations, municipality: str | None) -> str | None:
    """The body that met: the one the notice box names (`Organ Tekniska nämnden`), else the first body
    the minutes name; a party written as an abbreviation (`(KD)`) is no body."""
    text = doc.body
    named = [o for o in organisations if o.name]
    for m in _ORGAN.finditer(text):
        found = [o for o in named if text[m.end():m.end() + len(o.name)].lower() == o.name.lower()]
        if found:
            return max(found, key=lambda o: len(o.name)).key
    parties = {p.upper() for p in _PARTY_MARK.findall(text)}
    return generic.meeting_body(doc, [o for o in organisations if o.name or o.key.upper() not in parties], municipality)


def extract(doc: DocumentText, title_hint: str | None = None) -> PlanRecords:
    records = generic.extract(doc, title_hint)
    info = records.document
    body = _meeting_body(doc, records.organisations, info.municipality)
    dated = next((t for t in bf.find_dates_typed(doc) if t.role == "meeting"), None) or _heading_date(doc)
    date = dated.value if dated else info.date
    decisions = list(records.decisions)
    meeting = read_meeting(doc, body, date, info.doc_type == "protokollsutdrag", decisions)
    if dated:
        meeting = replace(meeting, date_evidence=doc.evidence(dated.start, dated.end))
    if not info.title_evidence:
        info = _opening_title(doc, info)
    findings = [f for f in records.findings if f.code != generic.UNKNOWN_KIND]
    # The parties of the cover (`(KD)`) are the members' parties, written on each person, and no bodies.
    parties = {p.upper() for p in _PARTY_MARK.findall(doc.body)}
    organisations = [o for o in records.organisations if o.name or o.key.upper() not in parties]
    return replace(records, document=info, decisions=decisions, meeting=meeting, findings=findings,
                   organisations=organisations,
                   people=_with_participants(records.people, meeting))
