"""Project plans and project directives (projektplan, projektdirektiv).

The genre's shape (see GLOSSARY.md): a main part with background, the
decisions the plan rests on, the intentions laid down, the plan's own decision
with its list of subprojects (delprojekt) and who is responsible, then either
one appendix per subproject or inline subproject sections with purpose, scope
limits, method, what else to take into account, project organisation,
schedule, budget and reporting.

Each `extract_*` function reads the running body of `DocumentText` and returns
typed records with evidence; `extract_project_plan` composes them.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace

from styrgraf.ingest.basic_facts import (
    CASE_NUMBER, case_number_after, case_number_mentions, document_type, find_title, letterhead_municipality, other_dates,
    own_case_number,
)
from styrgraf.ingest.dated_decisions import find_decisions
from styrgraf.ingest.dates import find_dates, parse_date, year_of
from styrgraf.ingest.doc_types import DOC_TYPES as ALL_DOC_TYPES, type_of_word
from styrgraf.ingest.document_text import DocumentText
from styrgraf.ingest.headers import DNR_PATTERN, normalise_dnr
from styrgraf.ingest.lists import Item, bullet_items, letter_number, numbered_items
from styrgraf.ingest.matching import first_of, not_after
from styrgraf.ingest.names import PersonMention, find_title_after, find_title_before, parse_people, NAME
from styrgraf.ingest.organisations import municipality_of
from styrgraf.ingest.people import find_people
from styrgraf.ingest.records import (
    Appendix, Consideration, Coverage, Decision, DecisionPoint, DocumentInfo, Evidences,
    Finding, Involvement, Milestone, Organisation, Person, PlanRecords, Project, Reference,
    RoleAssignment, Subproject, TextFact,
)
from styrgraf.ingest.related_documents import find_related_documents
from styrgraf.ingest.references import reference_key as _reference_key, reference_kind as _reference_kind
from styrgraf.ingest.roles import ROLE_LABEL, project_role, role_for_word
from styrgraf.ingest.goals import GOAL_WORD, find_goals
from styrgraf.ingest.sections import Section, find_headings, split_sections, subproject_anchor_matches
from styrgraf.ingest.sentences import first_sentence_end, sentence_spans, trim

KEY = "projektplan"
# The types of the SKOS scheme this kind reads (ingest.doc_types holds the whole scheme).
DOC_TYPES = {k: ALL_DOC_TYPES[k] for k in ("projektplan", "projektdirektiv", "uppdragsbeskrivning")}

# One goal reference: a number, `a)`, or a bare letter that ends the reference (`målen a och c.`).
_REF = r"(?:\d{1,2}(?!\d)|[a-zåäö]\)|[a-zåäö](?=\s*(?:[,.;:)]|och\b|samt\b|till\b|&|[-–]|$)|\s+[A-ZÅÄÖ]))"
_RANGE = r"(?:\s*[-–]\s*|\s+till\s+)"
_REF_RANGE = rf"{_REF}(?:{_RANGE}{_REF})?"
_INTENTION_REF = re.compile(
    rf"{GOAL_WORD}(?:\s+(?:nr|nummer)\.?|\s+som\s+(?:adresseras|berörs|omfattas|bidras till))?\s*(?P<colon>:)?\s*"
    rf"(?P<refs>{_REF_RANGE}(?:\s*(?:,\s*(?:och|samt)?|och|samt|&)\s*{_REF_RANGE})*)"
    # `delmål 1-3 år`: a span of time, not goals.
    rf"(?![\wåäö])(?!{_RANGE}\d|\s*(?:år|månad|veck|dag|timm|procent|%|kr\b|st\b))",
    re.IGNORECASE,
)
_SCOPE = re.compile(
    r"(?:I detta|I det här|I denna del av)\s+(?:uppdrag|delprojekt)\w*\s+(?:avses|menas|innebär|fokuseras på|avgränsas till)\b"
)
# Checked in this order: "beslutade att bordlägga" is a tabling, "beslutade att uppdra" a decision.
_DECISION_VERBS = (
    ("tabling", re.compile(r"bordlägg|bordlade|bordlagt")),
    ("decision", re.compile(r"\bbeslutade\b|\bbeslutar\b|\bbeslöt\b|\bantog\b|\bfastställde\b|\bgodkände\b")),
    ("assignment", re.compile(r"\bi uppdrag\b|\buppdrog\b|\buppdra åt\b|\buppdraget åt\b")),
    ("handling", re.compile(r"\bbehandlades\b|\bbehandlade\b")),
)
_PLANNED = re.compile(r"\bska kunna\b|\bambition\w*\b|\bsenast\b|\bbör\b|\bplaneras\b")
_TARGET_DATE = re.compile(r"(?:till dess sammanträde|till sammanträdet|till|senast|före|från)\s*(?:den\s*)?$")
_BODY_ANAPHORA = re.compile(r"^(?:Utskottet|Styrelsen|Nämnden|Fullmäktige)\b")
_SIBLINGS = re.compile(r"Övriga delprojekt\b[^.]*?(?=\s+\d{1,2}\.\s|\.(?:\s|$)|\s+[A-ZÅÄÖ][a-zåäö]+\s+[A-ZÅÄÖ]|$)")
_CONSIDER_WORDS = ("samordnas med(?: arbetet med)?", "ta i beaktande", "beakta", "innefatta", "knyta an till",
                   "[Hh]änsyn (?:ska |skall )?tas till", "(?:[Tt]a|[Tt]ar) hänsyn till")
# `(?:A|B|…)` + what follows, one pattern for each of the words, which `matching.first_of` searches
# for by its letters (the alternation of them all is tried at every position).
_CONSIDER_CLAUSES = tuple(re.compile(rf"(?:{words})\s+(?P<what>[^.]+?)(?=\.\s|\.$|\s+samt\s|$)")
                          for words in _CONSIDER_WORDS)
# `\b` before it, checked on each match (`matching.not_after`): the word starts with a letter, so
# the boundary is no word character before it.
_NAMED_WORK = re.compile(
    r"(?:projektet|utredningen|processen|programmet)\s+(?P<name>[A-ZÅÄÖ][\wåäö-]*(?:\s+[a-zåäöA-ZÅÄÖ][\wåäö-]*){0,3}?)(?=[.,;]|\s+(?:och|samt|som|där|i|inom)\b|$)"
)
_WORD_CHARACTER = re.compile(r"\w")
# What follows a subproject's title in its section: its own sentences, role labels or headings.
_TITLE_STOP = re.compile(r"(?<![\w-])(?:Delprojektet|Syftet|Målet|Uppdraget|Ansvarig)\b")
_TITLE_GOALS = re.compile(rf"\s*\((?={GOAL_WORD}\b)")
_APPENDIX_SUBPROJECT = re.compile(r"\bdelprojekt\s+(?P<n>\d{1,2})\b", re.IGNORECASE)
_OWNER_SENTENCE = re.compile(r"Ansvarig för (?:huvudprojektet|projektet|hela projektet) är\s+")
_RESPONSIBLES = re.compile(r"Ansvariga för (?:respektive|varje|de olika) delprojekt(?:en)? är\s*:?\s*")
_SIGNATURE = re.compile(r"(?:I tjänsten|Med vänlig hälsning|Enligt uppdrag)\s+")


@dataclass
class Part:
    """A run of pages: the main part (appendix None) or one appendix."""

    appendix: int | None
    start: int
    end: int
    pages: list[int] = field(default_factory=list)
    date: str | None = None


class _Builder:
    """Collects records, merging repeated mentions of the same fact."""

    def __init__(self, doc: DocumentText):
        self.doc = doc
        self.people: dict[str, Person] = {}
        self.roles: dict[tuple[str, str, int | None], RoleAssignment] = {}
        self.orgs: dict[str, Organisation] = {}
        self.references: dict[str, Reference] = {}
        self.considerations: dict[tuple[int, str | None, bool], Consideration] = {}
        self.coverage: dict[tuple[int, int], Coverage] = {}
        self.involvements: dict[tuple[str, str, int | None], Involvement] = {}
        self.findings: list[Finding] = []
        self.goal_letters: set[str] = set()  # letters of a lettered goal list, for `målen a och c`

    def ev(self, start: int, end: int) -> Evidences:
        return self.doc.evidence(start, end)

    def person(self, m: PersonMention, role: str | None, role_text: str, subproject: int | None) -> None:
        ev = self.ev(m.start, m.end)
        old = self.people.get(m.name)
        in_project = project_role(role) if role else None
        if role and in_project is None and not m.title:
            m = replace(m, title=role_text.lower())  # `A, ordförande`: a post held elsewhere, kept as a title
        role = in_project
        titles = tuple(dict.fromkeys((old.titles if old else ()) + ((m.title,) if m.title else ())))
        affs = tuple(dict.fromkeys((old.affiliations if old else ()) + ((m.affiliation,) if m.affiliation else ())))
        self.people[m.name] = Person(m.name, titles, affs, (old.evidence if old else ()) + ev)
        if role:
            key = (m.name, role, subproject)
            prev = self.roles.get(key)
            self.roles[key] = RoleAssignment(m.name, role, prev.role_text if prev else role_text, subproject,
                                             (prev.evidence if prev else ()) + ev)

    def org(self, key: str, name: str | None, abbr: str | None, start: int, end: int) -> None:
        old = self.orgs.get(key)
        ev = self.ev(start, end)
        self.orgs[key] = Organisation(key, (old.name if old and old.name else name), abbr or (old.abbreviation if old else None),
                                      (old.evidence if old else ()) + ev)

    def reference(self, title: str, start: int, end: int, subproject: int) -> None:
        key = _reference_key(title)
        if not key:
            return
        ev = self.ev(start, end)
        old = self.references.get(key)
        dnr = DNR_PATTERN.search(title)
        self.references[key] = Reference(key, old.title if old else title, _reference_kind(title),
                                         normalise_dnr(dnr.group("dnr")) if dnr else None,
                                         (old.evidence if old else ()) + ev)
        self.consider(subproject, key, False, start, end)

    def consider(self, subproject: int, ref: str | None, siblings: bool, start: int, end: int) -> None:
        k = (subproject, ref, siblings)
        old = self.considerations.get(k)
        self.considerations[k] = Consideration(subproject, ref, siblings, (old.evidence if old else ()) + self.ev(start, end))

    def cover(self, subproject: int, intention: int, start: int, end: int, scope: tuple[str, int, int] | None = None) -> None:
        k = (subproject, intention)
        old = self.coverage.get(k) or Coverage(subproject, intention)
        new = replace(old, evidence=old.evidence + self.ev(start, end))
        if scope and not old.scope:
            new = replace(new, scope=scope[0], scope_evidence=self.ev(scope[1], scope[2]))
        self.coverage[k] = new

    def involve(self, org_key: str, role: str, subproject: int | None, start: int, end: int) -> None:
        k = (org_key, role, subproject)
        old = self.involvements.get(k)
        self.involvements[k] = Involvement(org_key, role, subproject, (old.evidence if old else ()) + self.ev(start, end))


# --- parts and document ----------------------------------------------------------

def split_parts(doc: DocumentText) -> list[Part]:
    """The main part and the appendices, by the running header of each page."""
    parts: list[Part] = []
    for seg in doc.segments:
        header = doc.headers.get(seg.page)
        appendix = header.appendix if header else (parts[-1].appendix if parts else None)
        if parts and parts[-1].appendix == appendix:
            parts[-1].end = seg.body_start + seg.length
            parts[-1].pages.append(seg.page)
        else:
            parts.append(Part(appendix, seg.body_start, seg.body_start + seg.length, [seg.page],
                              header.date if header else None))
    return parts


_CAPS_MUNICIPALITY = re.compile(r"^(?:[A-ZÅÄÖ-]+\s+){1,2}(?:KOMMUN|STAD|REGION)\b\s*")


def _letterhead_caps(caps: str) -> bool:
    """`EKVATTNAS KOMMUN PROJEKTPLAN`, `PROJEKTPLAN`: a letterhead or a type banner, not a title."""
    rest = _CAPS_MUNICIPALITY.sub("", caps)
    words = rest.split()
    return bool(caps) and all(type_of_word(w) for w in words) and len(words) <= 2


_WORDS = re.compile(r"\S+")


def _caps_run(text: str, start: int, end: int) -> tuple[int, int]:
    """The upper-case title at `start` (`PROJEKTPLAN FÖR …`), as (start, end)."""
    pos = start
    last = start
    # Taken one at a time: the title is a few words at the start of what may be a whole part.
    words = _WORDS.finditer(text, start, end)
    m = next(words, None)
    while m is not None:
        following = next(words, None)
        word = m.group(0)
        letters = [c for c in word if c.isalpha()]
        if letters and all(c.isupper() for c in letters):
            # A one-letter word (`I`) belongs to the title only when the title goes on after it.
            nxt = following.group(0) if following is not None else ""
            if len(letters) > 1 or (len(nxt) > 1 and nxt.isupper()):
                last = m.end()
                m = following
                continue
            break
        if not letters and last > start:  # numbers and punctuation inside a title
            last = m.end()
            m = following
            continue
        break
    s, e = trim(text, pos, last, " .,;:-–")
    return s, e


def extract_document_info(doc: DocumentText, parts: list[Part], title_hint: str | None, b: _Builder) -> DocumentInfo:
    main = parts[0]
    text = doc.body
    # A title in capitals opening the main part wins; else the basic facts' title line.
    ts, te = _caps_run(text, main.start, main.end)
    if _letterhead_caps(text[ts:te]):
        ts = te = main.start
    found = find_title(doc, title_hint) if te - ts < 8 else None
    ts, te = (found.start, found.end) if found else (ts, te)
    title, title_ev = (text[ts:te], b.ev(ts, te)) if te - ts >= 8 else ((title_hint or "").strip(), ())
    if not title:
        s, e = trim(text, main.start, first_sentence_end(text, main.start, main.end))
        title, title_ev = text[s:e], b.ev(s, e)
    header = doc.headers.get(main.pages[0])
    date = identifier = None
    date_ev = id_ev = ()
    if header and header.date:
        date = parse_date(header.date)
        date_ev = doc.header_evidence(main.pages[0], header.date)
    if header and header.dnr:
        identifier = header.dnr  # kept as written: `KS-2021/467` is not `KS 2021/467`
        id_ev = doc.header_evidence(main.pages[0], header.dnr)
    first_page_end = doc.segments[0].body_start + doc.segments[0].length
    if date is None:
        found = find_dates(text[:first_page_end])
        if found:
            date, date_ev = found[0].value, b.ev(found[0].start, found[0].end)
    if identifier is None:
        own = own_case_number(doc)
        if own:
            identifier, id_ev = own.dnr, b.ev(own.start, own.end)
    in_main = municipality_of(text[main.start:main.end])
    muni = in_main or municipality_of(text)
    muni_name = muni_ev = None
    if muni:
        offset = main.start if in_main else 0
        muni_name, muni_ev = muni[0], b.ev(offset + muni[2], offset + muni[3])
    elif bf_letterhead := letterhead_municipality(doc):
        muni_name, muni_ev = bf_letterhead
    elif header and header.municipality:
        named = municipality_of(header.municipality)
        muni_name = named[0] if named else header.municipality
    signatory = sig_title = None
    sig_ev: Evidences = ()
    for m in _SIGNATURE.finditer(text, main.start, main.end):
        nm = NAME.match(text, m.end(), main.end)
        if nm:
            signatory = nm.group("name")
            sig_title = find_title_after(text, nm.end()) or find_title_before(text, nm.start())
            stop = nm.end() + (1 + len(sig_title) if sig_title and text.startswith(sig_title, nm.end() + 1) else 0)
            sig_ev = b.ev(m.start(), stop)
            b.person(PersonMention(signatory, nm.start(), stop, sig_title, None), "signatory", m.group(0).strip(), None)
    return DocumentInfo(
        title=title, doc_type=_plan_type(doc, title), date=date, identifier=identifier,
        municipality=muni_name, signatory=signatory, signatory_title=sig_title,
        page_count=len(doc.pages), title_evidence=title_ev, date_evidence=date_ev, identifier_evidence=id_ev,
        municipality_evidence=muni_ev or (), signatory_evidence=sig_ev,
        other_dates=other_dates(doc), case_numbers=case_number_mentions(doc, identifier),
    )


def _other_dated_decisions(doc: DocumentText, found: list[Decision]) -> list[Decision]:
    """Dated decisions in any document's wording (an adoption note `Beslutad av: … 2021-06-22, § 28`,
    `Nämnden beslutade den 4 mars 2021`) that the plan's own reading did not find."""
    seen = {(d.date.iso if d.date else None, d.body) for d in found}
    keys = {d.key for d in found}
    out = []
    for d in find_decisions(doc, None):
        if d.body and (d.date.iso if d.date else None, d.body) not in seen and d.key not in keys:
            out.append(d)
            keys.add(d.key)
    return out


def _plan_type(doc: DocumentText, title: str) -> str:
    """The plan's type from the basic facts' reading, or by the words of its first page."""
    key = document_type(doc, title)
    return key if key in DOC_TYPES else _doc_type(title + " " + doc.body[:2000])


def _doc_type(text: str) -> str:
    lower = text.lower()
    for key in ("projektdirektiv", "uppdragsbeskrivning", "projektplan"):
        if key in lower[:300]:
            return key
    return "projektdirektiv" if "direktiv" in lower[:300] else "projektplan"


def extract_appendices(doc: DocumentText, parts: list[Part], b: _Builder) -> list[Appendix]:
    out = []
    for part in parts:
        if part.appendix is None:
            continue
        ts, te = _caps_run(doc.body, part.start, part.end)
        title = doc.body[ts:te] if te > ts else None
        date = parse_date(part.date) if part.date else None
        ev = doc.header_evidence(part.pages[0], f"Bilaga {part.appendix}")
        out.append(Appendix(part.appendix, date, title, tuple(part.pages), ev + (b.ev(ts, te) if title else ())))
    return out


# --- decisions and intentions ------------------------------------------------------

def _body_in(orgs, start: int, end: int) -> tuple[str, int, int] | None:
    for o in orgs:
        if start <= o.start < end and o.key in {"KS", "KF", "KLU", "KSAU"} | {o.key for o in orgs if o.name and "nämnd" in (o.name or "").lower()}:
            return o.key, o.start, o.end
    return None


def _event_date(text: str, start: int, end: int, default_year: int | None):
    for d in find_dates(text[start:end], default_year):
        if not _TARGET_DATE.search(text[max(start, start + d.start - 30):start + d.start]):
            return d.value, start + d.start, start + d.end
    return None


def extract_decisions(doc: DocumentText, main: Part, sections: list[Section], orgs, info: DocumentInfo, b: _Builder):
    """Decisions and events the plan rests on, and the plan's own decision.

    Returns (decisions, decision spans) where spans are (key, start, end) in the body.
    """
    text = doc.body
    year = year_of(info.date)
    plan_section = next((s for s in sections if s.key == "decision"), None)
    narrative_end = plan_section.heading_start if plan_section else main.end
    decisions: list[Decision] = []
    spans: list[tuple[str, int, int]] = []
    pos = main.start
    last_body = None
    narrative = [sp for sec in sections if sec.key != "lead" and sec.start < narrative_end
                 for sp in sentence_spans(text, sec.start, min(sec.end, narrative_end))]
    for s, e in narrative:
        if s < pos:
            continue
        sentence = text[s:e]
        kind = next((k for k, rx in _DECISION_VERBS if rx.search(sentence)), None)
        body = _body_in(orgs, s, e)
        anaphora = _BODY_ANAPHORA.match(sentence)
        if kind is None or (body is None and not anaphora):
            continue
        if _PLANNED.search(sentence) and kind not in ("decision", "tabling"):
            continue
        dated = _event_date(text, s, e, year)
        if anaphora and decisions and (dated is None or decisions[-1].date is None):
            # "Utskottet beslutade att bordlägga …": refines the event of the sentence before.
            prev = decisions[-1]
            new_kind = kind if kind in ("tabling", "decision") else prev.kind
            decisions[-1] = replace(prev, kind=new_kind, text=prev.text + " " + sentence, evidence=prev.evidence + b.ev(s, e))
            spans[-1] = (prev.key, spans[-1][1], e)
            continue
        if body is None:
            body = (last_body, s, s) if last_body else None
        if body is None or dated is None:
            continue
        last_body = body[0]
        end = e
        points: list[DecisionPoint] = []
        lead_in = re.search(r"(?:följande|nedanstående)[^.:]{0,40}:|intention\w*[^.:]{0,30}:|:\s*$", sentence)
        if lead_in:
            region_end = narrative_end
            items = numbered_items(text, s + lead_in.end(), region_end, first=1)
            if items and re.search(r"\S", text[e:items[0].start]) and items[0].start >= e:
                items = []  # the list does not follow the lead-in
            for it in items:
                ps, pe = trim(text, it.text_start, it.end)
                points.append(DecisionPoint(it.number, text[ps:pe], b.ev(it.start, pe)))
            if items:
                end = region_end
        dnr = CASE_NUMBER.search(sentence) or case_number_after(text, e)
        key = f"{dated[0].iso or dated[0].text}-{body[0].lower()}"
        while any(d.key == key for d in decisions):
            key += "-b"
        kind = "decision" if kind == "handling" and points else kind
        decisions.append(Decision(
            key=key, kind=kind, date=dated[0], body=body[0],
            identifier=dnr.group("dnr") if dnr else None,  # as written
            text=text[s:end].strip(), points=tuple(points), evidence=b.ev(s, e),
        ))
        spans.append((key, s, end))
        pos = end
    if plan_section is not None:
        s = plan_section.heading_start
        stop = _plan_decision_end(text, plan_section)
        ps, pe = trim(text, plan_section.start, stop)
        decisions.append(Decision(
            key="plan", kind="plan", date=info.date, body=None, identifier=info.identifier,
            text=text[ps:pe], evidence=b.ev(s, pe),
        ))
        spans.append(("plan", s, plan_section.end))
    # Each decision builds on the one before it in the narrative (the case's chain).
    chained = []
    for i, d in enumerate(decisions):
        chained.append(replace(d, builds_on=(decisions[i - 1].key,)) if i else d)
    return chained, spans


def _plan_decision_end(text: str, section: Section) -> int:
    m = re.search(r"Delprojekten är följande|följande delprojekt|Delprojekt(?:en)?\s*:", text[section.start:section.end])
    if m:
        return section.start + m.start()
    return first_sentence_end(text, section.start, section.end)


def _intention_numbers(refs: str, letters: set[str] | None = None) -> list[int]:
    """Goal numbers of `1, 2 och 5`, `1–3`, `a) och c)`; bare letters (`a och c`, `a–c`) only
    when they are letters of the document's lettered goals."""
    out: list[int] = []
    ref = r"(\d{1,2})|(?<![\wåäö])([a-zåäö])(\))?(?![\wåäö])"
    for m in re.finditer(rf"(?:{ref})(?:{_RANGE}(?:{ref}))?", refs.lower()):
        lo = int(m.group(1)) if m.group(1) else letter_number(m.group(2))
        bare = m.group(2) and not m.group(3)
        if bare and letters is not None and m.group(2) not in letters:
            continue
        hi_text = m.group(4) or m.group(5)
        hi = (int(m.group(4)) if m.group(4) else letter_number(m.group(5))) if hi_text else lo
        out.extend(range(lo, max(lo, hi) + 1))
    return out


def extract_coverage_refs(doc: DocumentText, number: int, start: int, end: int, b: _Builder) -> None:
    """`Delprojektet skall adressera intentionspunkterna 1, 2, 3, 8 och 10`."""
    for m in _INTENTION_REF.finditer(doc.body, start, end):
        # `intentionspunkterna: 6. Formerna för …` restates intentions one by one (handled elsewhere).
        if m.group("colon") and re.match(r"\d{1,2}\.\s+[A-ZÅÄÖ\"”]", doc.body[m.start("refs"):m.start("refs") + 8]):
            continue
        for n in _intention_numbers(m.group("refs"), b.goal_letters):
            b.cover(number, n, m.start(), m.end())


def extract_restated_intentions(doc: DocumentText, number: int, start: int, end: int, known: set[int], b: _Builder) -> None:
    """Intentions restated in a subproject's description, with their scope qualifiers.

    `Intentionspunkterna är: 1. … 8. … I detta uppdrag avses SPH som strategisk
    resurs för innovation 10. …`: the sentence `I detta uppdrag avses …` narrows
    what this subproject takes on of intention 8.
    """
    text = doc.body
    for m in re.finditer(r"intention(?:spunkt(?:en|erna)|en|erna)(?:\s+är)?\s*:", text[start:end], re.IGNORECASE):
        s = start + m.end()
        cands = numbered_items(text, s, end)
        items = [it for it in cands if it.number in known]
        # Restated items are a run of known numbers, not necessarily consecutive.
        items = _restated_run(text, s, end, known)
        for it in items:
            ts, te = it
            num = int(re.match(r"(\d{1,2})", text[ts:te]).group(1))
            scope = None
            sm = _SCOPE.search(text, ts, te)
            if sm:
                se = first_sentence_end(text, sm.start(), te)
                ss, se = trim(text, sm.start(), se, " ,;")
                scope = (text[ss:se].rstrip("."), ss, se)
            b.cover(number, num, ts, te, scope)


def _restated_run(text: str, start: int, end: int, known: set[int]) -> list[tuple[int, int]]:
    """Spans of `N. text` items whose numbers are intentions, in increasing order."""
    marks = []
    last = 0
    for m in re.finditer(r"(?:(?<=\s)|^)(\d{1,2})\.\s+(?=[A-ZÅÄÖ\"”])", text[start:end]):
        n = int(m.group(1))
        if n in known and n > last:
            marks.append((start + m.start(), n))
            last = n
        elif marks:
            break
    out = []
    for i, (s, n) in enumerate(marks):
        stop = marks[i + 1][0] if i + 1 < len(marks) else end
        if i + 1 == len(marks):
            # The last restated item ends at its sentence, or at its scope sentence.
            e1 = first_sentence_end(text, s + len(str(n)) + 2, stop)
            sm = _SCOPE.match(text, e1 + 1) if e1 < stop else None
            stop = first_sentence_end(text, sm.start(), stop) if sm else e1
        out.append(trim(text, s, stop, " ,;"))
    return out


# --- subprojects ---------------------------------------------------------------------

def extract_subproject_list(doc: DocumentText, section: Section | None, main: Part, b: _Builder) -> list[tuple[int, str, int, int, Evidences]]:
    """(number, title, item start, item end, title evidence) of each listed subproject."""
    text = doc.body
    start = section.start if section else main.start
    end = section.end if section else main.end
    anchor = re.search(r"Delprojekten är följande\s*:?|följande delprojekt\s*:?", text[start:end])
    if anchor:
        start = start + anchor.end()
    stop = _OWNER_SENTENCE.search(text, start, end) or _RESPONSIBLES.search(text, start, end)
    if stop:
        end = stop.start()
    items = [it for it in numbered_items(text, start, end, first=1)]
    if not anchor and not _describes_subprojects(text, items):
        return []
    out = []
    for it in items:
        m = re.search(r"\s*Delprojektet\s+(?:skall|ska|bör)\b", text[it.text_start:it.end])
        stop_title = it.text_start + m.start() if m else first_sentence_end(text, it.text_start, it.end)
        ts, te = trim(text, it.text_start, stop_title)
        out.append((it.number, text[ts:te], it.start, it.end, b.ev(it.start, te)))
    return out


def _describes_subprojects(text: str, items: list[Item]) -> bool:
    """A list with no `Delprojekten är följande` before it is a list of subprojects only when each
    item says what its subproject shall do (a list of goals or considerations does not)."""
    said = [bool(re.search(r"\bDelprojektet\s+(?:skall|ska|bör)\b", text[it.text_start:it.end])) for it in items]
    return len(items) >= 2 and all(said[:-1]) and said[-1]


def extract_responsibles(doc: DocumentText, main: Part, b: _Builder) -> str | None:
    """`Ansvarig för huvudprojektet är …` and `Ansvariga för respektive delprojekt är: 1 … 2 …`."""
    text = doc.body
    owner = None
    m = _OWNER_SENTENCE.search(text, main.start, main.end)
    if m:
        people, _ = parse_people(text, m.end(), first_sentence_end(text, m.end(), main.end))
        if not people:
            title = re.match(r"(\S+)\s+", text[m.end():])
            if title:
                people, _ = parse_people(text, m.end() + title.end(), main.end)
                people = [replace(p, title=p.title or title.group(1), start=m.end()) for p in people]
        if people:
            p = people[0]
            if p.title is None:
                p = replace(p, title=find_title_before(text, p.start))
            b.person(replace(p, start=m.start()), "uppdragsansvarig", "Ansvarig för huvudprojektet", None)
            owner = p.name
    r = _RESPONSIBLES.search(text, main.start, main.end)
    if r:
        end = _list_end(text, r.end(), main.end)
        for it in numbered_items(text, r.end(), end, bare=True, first=1):
            _people_with_roles(text, it.text_start, it.end, it.number, "uppdragsansvarig", "Ansvarig", b)
    return owner


def _list_end(text: str, start: int, end: int) -> int:
    """Where a run-in list of names ends: at a sentence of prose or at the next heading."""
    heads = find_headings(text, start, end)
    if heads:
        end = heads[0][0]
    m = re.search(r"(?<=[a-zåäö])\s+(?=[A-ZÅÄÖ][a-zåäö]+\s+[a-zåäö]+\s+[a-zåäö]+)", text[start:end])
    return start + m.start() if m else end


def _people_with_roles(text: str, start: int, end: int, subproject: int | None, default_role: str | None, default_text: str, b: _Builder) -> None:
    """`Utvecklingschef Stefan Almér, Projektledare Björn Kalla`: people, split by role words."""
    cuts = [(start, default_role, default_text)]
    for m in re.finditer(r"(?<![\w-])([A-ZÅÄÖa-zåäö][\wåäö]+)(?:\s*:)?\s+(?=[A-ZÅÄÖ])", text[start:end]):
        role = role_for_word(m.group(1))
        if role:
            cuts.append((start + m.end(), role, m.group(1)))
    for i, (s, role, role_text) in enumerate(cuts):
        stop = cuts[i + 1][0] if i + 1 < len(cuts) else end
        people, _ = parse_people(text, s, stop)
        for p in people:
            if role:
                b.person(p, role, role_text, subproject)


def _start(mention) -> int:
    return mention.start


def extract_roles(doc: DocumentText, number: int | None, start: int, end: int, orgs, b: _Builder) -> None:
    """`Uppdragsansvarig: Stefan Almér Projektledare: Björn Kalla Projektgrupp: …`; `orgs` are the
    text's organisation mentions in order (`DocumentText.organisations`)."""
    text = doc.body
    labels = list(ROLE_LABEL.finditer(text, start, end))
    for i, m in enumerate(labels):
        role = role_for_word(m.group("word"))
        stop = labels[i + 1].start() if i + 1 < len(labels) else end
        people, list_end = parse_people(text, m.end(), stop)
        for p in people:
            b.person(replace(p, start=m.start() if p is people[0] else p.start), role, m.group("word"), number)
        rest_end = first_sentence_end(text, list_end, stop)
        support = re.search(r"med stöd (?:från|av)\s+", text[list_end:rest_end])
        if support or not people:
            # `orgs` are in text order: those after the list are found by halving, not by a pass over all.
            for o in orgs[bisect_left(orgs, list_end, key=_start):bisect_left(orgs, rest_end, key=_start)]:
                b.involve(o.key, "stod" if support else role, number, o.start, o.end)
        if not people:
            for gm in re.finditer(r"[A-ZÅÄÖ][\wåäö]+(?:\s+[A-ZÅÄÖ][\wåäö]+)+", text[m.end():rest_end]):
                gs, ge = m.end() + gm.start(), m.end() + gm.end()
                if not any(o.start <= gs < o.end for o in orgs):
                    b.org(gm.group(0), gm.group(0), None, gs, ge)
                    b.involve(gm.group(0), role, number, gs, ge)


def subproject_anchors(text: str, start: int, end: int) -> list[re.Match]:
    """Headings of inline subproject sections. `Delprojekt 2 Titel` without a separator also
    starts prose (`Delprojekt 2 Gemensam …`), so it counts only where it continues the series
    1, 2, 3 … of the headings before it."""
    out: list[re.Match] = []
    for a in subproject_anchor_matches(text, start, end):
        n = int(a.group("n"))
        if a.group("sep") is None:
            last = max((int(x.group("n")) for x in out), default=0)
            if n != last + 1:
                continue
        out.append(a)
    return out


def _subproject_title_end(text: str, start: int, stop: int, capitals: bool) -> int:
    """Where a subproject's title ends: at its sentence end, or where the section's text,
    role labels or headings begin (titles carry no full stop in text that lost its line breaks);
    after `DELPROJEKT 3` the title is in capitals too, and ends where they do."""
    ends = [first_sentence_end(text, start, stop)]
    # A heading on its own line ends with it; `(mål 1 och 4)` after the title names the goals.
    line_end = text.find("\n", start, stop)
    if line_end > start:
        ends.append(line_end)
    goals = _TITLE_GOALS.search(text, start, stop)
    if goals and goals.start() > start:
        ends.append(goals.start())
    if capitals:
        ends.append(_caps_run(text, start, stop)[1])
    ends += [h[0] for h in find_headings(text, start, stop)[:1] if h[0] > start]
    m = _TITLE_STOP.search(text, start, stop)
    if m and m.start() > start:
        ends.append(m.start())
    label = ROLE_LABEL.search(text, start, stop)
    if label and label.start() > start:
        ends.append(label.start())
    return min(ends)


def _people_anywhere(doc: DocumentText, main: Part, sub_start: int, parts: list[Part], numbers: set[int], b: _Builder) -> None:
    """People the role lists above missed, found by their names: with the roles written beside them when
    the scope is clear (the project before its first subproject, or one extracted subproject's section)."""
    text = doc.body
    anchors = [(a.start(), int(a.group("n"))) for a in subproject_anchors(text, 0, len(text))]
    appendices = [(p.start, int(m.group("n"))) for p in parts[1:]
                  if (m := _APPENDIX_SUBPROJECT.search(text, p.start, min(p.end, p.start + 300)))]
    scopes = sorted(anchors + appendices)
    for p in find_people(text):
        known = p.name in b.people
        has_role = any(k[0] == p.name for k in b.roles)
        if not known:
            b.person(PersonMention(p.name, p.start, p.end, p.title, None), None, "", None)
        if has_role or not p.roles:
            continue
        if main.start <= p.start < sub_start:
            scope = None
        else:
            before = [n for s, n in scopes if s <= p.start]
            scope = before[-1] if before else -1
            if scope not in numbers:
                continue
        for r in p.roles:
            if scope is None and r.word.lower().startswith("delprojekt"):
                continue
            b.person(PersonMention(p.name, p.start, p.end, p.title, None), r.key, r.word, scope)


def extract_considerations(doc: DocumentText, number: int, start: int, end: int, b: _Builder) -> None:
    """What the subproject must take into account: each item an entity of its own."""
    text = doc.body
    items = numbered_items(text, start, end, first=1)
    bullets = bullet_items(text, start, end)
    # A bulleted list (`* A * B`) only where the first bullet opens it: `A - B` is a run-on list.
    if not items and bullets and not text[start:bullets[0].start].strip(" :"):
        items = bullets
    spans = [(it.start, it.text_start, it.end) for it in items] or _run_on_items(text, start, end)
    for s, ts, e in (piece for span in spans for piece in _joined_works(text, *span)):
        sib = _SIBLINGS.search(text, ts, e)
        if sib:
            b.consider(number, None, True, sib.start(), sib.end())
            pieces = [(ts, sib.start()), (sib.end(), e)]
        else:
            pieces = [(ts, e)]
        for ps, pe in pieces:
            ps, pe = trim(text, ps, pe)
            if pe - ps >= 4:
                b.reference(text[ps:pe], s if ps == ts else ps, pe, number)


# `Energi- och klimatstrategi och Investeringsplan 2022`: two works in one item, the second
# named by a kind of work in its first two words; an `och` inside a compound (`Energi- och`)
# or a title (`Projekt Kultur och Värderingar`) does not split.
_WORK_HEAD = (r"[\wåäö-]*(?i:plan|planen|planer|strategi|strategin|policy|policyn|program|programmet|projekt|projektet"
              r"|utredning|utredningen|riktlinjer|riktlinjerna|reglemente|reglementet|avtal|avtalet|prognos|prognosen"
              r"|förstudie|förstudien|överenskommelse|överenskommelsen|upphandling|upphandlingen|analys|analysen"
              r"|rapport|rapporten|direktiv|direktivet|löfte|löftet)(?![\wåäö])")
_WORK_JOIN = re.compile(rf"(?<![-–])\s+(?:och|samt)\s+(?=[A-ZÅÄÖ])(?={_WORK_HEAD}|[\wåäö-]+\s+(?:och\s+)?{_WORK_HEAD})")


def _joined_works(text: str, s: int, ts: int, e: int) -> list[tuple[int, int, int]]:
    out, pos = [], ts
    for m in _WORK_JOIN.finditer(text, ts, e):
        out.append((s if pos == ts else pos, pos, m.start()))
        pos = m.end()
    out.append((s if pos == ts else pos, pos, e))
    return out


# Items of an unnumbered list run together: `Riktlinjer för X; Skolstrukturutredningen`,
# `Regional utvecklingsstrategi - Trafikstrategi 2030`, `• A • B`.
_RUN_ON_SEPARATOR = re.compile(r"\s*;\s*|\s+[-–•]\s+|,\s+(?=[A-ZÅÄÖ])")


def _run_on_items(text: str, start: int, end: int) -> list[tuple[int, int, int]]:
    """(start, text start, end) of each item of an unnumbered list in `text[start:end]`; the list
    ends with the first sentence that follows it."""
    lead = re.match(r"[\s:]*(?:[-–•]\s+)?", text[start:end])
    pos = start + (lead.end() if lead else 0)
    pieces = []
    for m in _RUN_ON_SEPARATOR.finditer(text, pos, end):
        pieces.append((pos, pos, m.start()))
        pos = m.end()
    stop = first_sentence_end(text, pos, end) if pieces else end
    pieces.append((pos, pos, stop))
    return pieces if len(pieces) > 1 else [(start, start, end)]


def extract_clause_considerations(doc: DocumentText, number: int, start: int, end: int, b: _Builder) -> None:
    """`… samt samordnas med arbetet med KS verksamhetsmål …`, `inom projektet Stadens hjärta`."""
    text = doc.body
    for m in first_of(_CONSIDER_CLAUSES, text, start, end):
        ws, we = trim(text, m.start("what"), m.end("what"))
        if we - ws >= 6:
            b.reference(text[ws:we], m.start(), we, number)
    for m in not_after(_NAMED_WORK, _WORD_CHARACTER, text, start, end):
        b.reference(text[m.start():m.end()], m.start(), m.end(), number)


def extract_milestones(doc: DocumentText, number: int | None, start: int, end: int, year: int | None, b: _Builder) -> list[Milestone]:
    """Dated points of a schedule; each label is the text that leads up to its date."""
    text = doc.body
    out = []
    items = numbered_items(text, start, end)
    bounds = sorted({start} | {it.start for it in items} | {it.text_start for it in items}
                    | {s for s, _ in sentence_spans(text, start, end)})
    prev_end = start
    last_label = None
    for d in find_dates(text[start:end], year):
        ds, de = start + d.start, start + d.end
        left = max([x for x in bounds if x <= ds] + [prev_end])
        ls, le = trim(text, left, ds)
        label = re.sub(r"\s+(?:den|senast den|senast|från|och)$", "", text[ls:le]).strip()
        label = re.sub(r"^\d{1,2}\.?\s+", "", label).strip(" .,")
        if not label or label in {"och", "den"}:
            label = last_label or "Milstolpe"
        ev_start = ls if le > ls else ds
        out.append(Milestone(number, label, d.value, b.ev(ev_start, de)))
        last_label = label
        prev_end = de
        if not d.value.valid:
            b.findings.append(Finding.of("invalid-date", f"Omöjligt datum '{d.value.text}' i tidplanen ({label})",
                                         f"Impossible date '{d.value.text}' in the schedule ({label})", b.ev(ds, de)))
    return out


def _fact(doc: DocumentText, s: int, e: int) -> TextFact | None:
    s, e = trim(doc.body, s, e, " -–")
    return TextFact(doc.body[s:e], doc.evidence(s, e)) if e - s >= 3 else None


def _list_facts(doc: DocumentText, s: int, e: int, numbered_first: bool) -> tuple[TextFact, ...]:
    text = doc.body
    items = numbered_items(text, s, e, first=1) if numbered_first else []
    if len(items) < 2:
        items = bullet_items(text, s, e)
    if items:
        spans = [(it.text_start, it.end) for it in items]
    else:
        spans = sentence_spans(text, s, e)
    return tuple(f for f in (_fact(doc, a, z) for a, z in spans) if f)


def extract_subproject_sections(doc: DocumentText, number: int, start: int, end: int, boundaries, known: set[int],
                                year: int | None, orgs, b: _Builder, title: str | None, appendix: int | None,
                                evidence: Evidences) -> tuple[Subproject, list[Milestone]]:
    sections = split_sections(doc.body, start, end, boundaries)
    by_key: dict[str, list[Section]] = {}
    for s in sections:
        by_key.setdefault(s.key, []).append(s)

    def first(key: str) -> Section | None:
        return by_key.get(key, [None])[0]

    purpose = first("purpose") or first("lead")
    extract_coverage_refs(doc, number, start, end, b)
    if purpose:
        extract_restated_intentions(doc, number, purpose.start, purpose.end, known, b)
    for s in by_key.get("considerations", []):
        extract_considerations(doc, number, s.start, s.end, b)
    # What to take into account may be said in prose anywhere in the section (`Hänsyn ska tas till …`).
    for s in sections:
        if s.key != "considerations":
            extract_clause_considerations(doc, number, s.start, s.end, b)
    for s in by_key.get("organisation", []):
        extract_roles(doc, number, s.start, s.end, orgs, b)
    milestones: list[Milestone] = []
    for s in by_key.get("schedule", []):
        milestones += extract_milestones(doc, number, s.start, s.end, year, b)
    scope = tuple(f for s in by_key.get("scope", []) for f in _list_facts(doc, s.start, s.end, False))
    method = tuple(f for s in by_key.get("method", []) for f in _list_facts(doc, s.start, s.end, True))
    budget = first("budget")
    reporting = first("reporting")
    if title is None:
        named = re.search(rf"Delprojekt\s+{number}\s*[:.–-]\s+(?=[A-ZÅÄÖ])", doc.body[start:min(end, start + 400)])
        if named:
            ts = start + named.end()
            te = min(first_sentence_end(doc.body, ts, end), *(h[0] for h in find_headings(doc.body, ts, end)[:1]), end)
            ts, te = trim(doc.body, ts, te)
            title = doc.body[ts:te] or None
    if title is None:
        lead = first("lead")
        if lead:
            ts, te = _caps_run(doc.body, lead.start, lead.end)
            title = doc.body[ts:te] if te > ts else None
    sub = Subproject(
        number=number, title=title or f"Delprojekt {number}", appendix=appendix,
        purpose=_fact(doc, purpose.start, purpose.end) if purpose else None,
        scope_limits=scope, method_steps=method,
        budget=_fact(doc, budget.start, budget.end) if budget else None,
        reporting=_fact(doc, reporting.start, reporting.end) if reporting else None,
        evidence=evidence,
    )
    return sub, milestones


# --- the whole plan ------------------------------------------------------------------

def extract(doc: DocumentText, title_hint: str | None = None) -> PlanRecords:
    b = _Builder(doc)
    text = doc.body
    parts = split_parts(doc)
    main = parts[0]
    boundaries = frozenset(s.body_start for s in doc.segments)
    info = extract_document_info(doc, parts, title_hint, b)
    year = year_of(info.date)
    orgs = list(doc.organisations)
    for o in orgs:
        b.org(o.key, o.name, o.abbreviation, o.start, o.end)
    main_sections = split_sections(text, main.start, main.end, boundaries)
    decisions, spans = extract_decisions(doc, main, main_sections, orgs, info, b)
    decisions += _other_dated_decisions(doc, decisions)
    intentions, _ = find_goals(doc, main.start, main.end,
                               lambda pos: next((k for k, s, e in spans if s <= pos < e), None))
    b.goal_letters = {i.letter.lower() for i in intentions if i.letter}
    known = {i.number for i in intentions}
    plan_section = next((s for s in main_sections if s.key == "decision"), None)
    listed = extract_subproject_list(doc, plan_section, main, b)
    owner = extract_responsibles(doc, main, b)
    # The project's own organisation: organisation sections before the first inline subproject.
    inline = subproject_anchors(text, main.start, main.end)
    sub_start = inline[0].start() if inline else main.end
    for sec in main_sections:
        if sec.key == "organisation" and sec.start < sub_start:
            extract_roles(doc, None, sec.start, min(sec.end, sub_start), orgs, b)
    if owner is None:
        owners = [r.person for r in b.roles.values() if r.subproject is None and r.role == "uppdragsansvarig"]
        owner = owners[0] if owners else None
    project_milestones = _project_deadlines(doc, main, plan_section, year, b)

    subprojects: dict[int, Subproject] = {}
    milestones: list[Milestone] = list(project_milestones)
    titles = {n: (t, ev) for n, t, _, _, ev in listed}
    for n, _title, s, e, _ev in listed:
        extract_coverage_refs(doc, n, s, e, b)
        extract_clause_considerations(doc, n, s, e, b)
    covered_by_appendix: set[int] = set()
    for part in parts[1:]:
        m = _APPENDIX_SUBPROJECT.search(text, part.start, min(part.end, part.start + 300))
        if not m:
            continue
        n = int(m.group("n"))
        covered_by_appendix.add(n)
        title, ev = titles.get(n, (None, ()))
        sub, ms = extract_subproject_sections(doc, n, part.start, part.end, boundaries, known, year, orgs, b,
                                              title, part.appendix, ev or b.ev(m.start(), m.end()))
        subprojects[n] = sub
        milestones += ms
    # Inline subproject sections: `Delprojekt 2: Titel …` in the main part.
    anchors = [a for a in inline if int(a.group("n")) not in covered_by_appendix]
    for i, a in enumerate(anchors):
        n = int(a.group("n"))
        stop = anchors[i + 1].start() if i + 1 < len(anchors) else main.end
        te = _subproject_title_end(text, a.end(), stop, a.group(0).startswith("DELPROJEKT"))
        ts, te = trim(text, a.end(), te)
        title = titles.get(n, (text[ts:te], ()))[0]
        sub, ms = extract_subproject_sections(doc, n, te, stop, boundaries, known, year, orgs, b, title, None,
                                              b.ev(a.start(), te))
        subprojects[n] = sub
        milestones += ms
    for n, title, s, e, ev in listed:
        if n not in subprojects:
            subprojects[n] = Subproject(number=n, title=title, evidence=ev)
    _people_anywhere(doc, main, sub_start, parts, set(subprojects), b)
    project = None
    if info.title:
        project = Project(title=info.title, owner=owner, evidence=info.title_evidence)
    for p in list(b.people):
        pass
    records = PlanRecords(
        document=info, project=project, appendices=extract_appendices(doc, parts, b), decisions=decisions,
        intentions=intentions, subprojects=[subprojects[k] for k in sorted(subprojects)],
        coverage=sorted(b.coverage.values(), key=lambda c: (c.subproject, c.intention)),
        organisations=sorted(b.orgs.values(), key=lambda o: o.key), people=sorted(b.people.values(), key=lambda p: p.name),
        roles=sorted(b.roles.values(), key=lambda r: (r.subproject or 0, r.role, r.person)),
        involvements=sorted(b.involvements.values(), key=lambda i: (i.subproject or 0, i.organisation, i.role)),
        references=sorted(b.references.values(), key=lambda r: r.key),
        considerations=sorted(b.considerations.values(), key=lambda c: (c.subproject, c.reference or "", c.siblings)),
        milestones=milestones, related_documents=find_related_documents(doc), findings=b.findings,
    )
    _check_intention_numbers(records)
    return records


def _project_deadlines(doc: DocumentText, main: Part, plan_section, year, b: _Builder) -> list[Milestone]:
    """Project-level dates by which decisions are to be taken (`… senast 2012-05-31`)."""
    text = doc.body
    end = plan_section.heading_start if plan_section else main.end
    out = []
    for s, e in sentence_spans(text, main.start, end):
        sentence = text[s:e]
        if not re.search(r"\bbeslut\b", sentence) or not _PLANNED.search(sentence):
            continue
        for d in find_dates(sentence, year):
            ds = s + d.start
            if _TARGET_DATE.search(text[max(s, ds - 30):ds]) or re.search(r"\bi\s*$", text[max(s, ds - 3):ds]):
                out.append(Milestone(None, "Beslut senast" if "senast" in text[max(s, ds - 12):ds] else "Planerat beslut",
                                     d.value, b.ev(s, e)))
    return out


def _check_intention_numbers(records: PlanRecords) -> None:
    known = {i.number for i in records.intentions}
    if not known:
        return
    for c in records.coverage:
        if c.intention not in known:
            records.findings.append(Finding.of(
                "unknown-intention",
                f"Delprojekt {c.subproject} hänvisar till intention {c.intention}, som inte finns",
                f"Subproject {c.subproject} refers to intention {c.intention}, which does not exist", c.evidence))


# Documents that may mention plans and project roles but are records of meetings.
_MINUTES_TYPES = frozenset({"protokoll", "protokollsutdrag"})


def score(doc: DocumentText) -> float:
    """How much the document looks like a project plan or directive (0 = not at all, and not for
    minutes that adopt one: `§ 35 Projektplan för e-arkiv`)."""
    title = find_title(doc)
    doc_type = document_type(doc, title.text if title else "")
    if doc_type in _MINUTES_TYPES:
        return 0.0
    lower = doc.body[:20000].lower()
    hits = sum(w in lower for w in ("projektplan", "projektdirektiv", "delprojekt", "projektledare",
                                    "projektorganisation", "tidplan", "uppdragsansvarig", "projektägare"))
    # A title or `Dokumenttyp` naming a plan, directive or assignment says so whatever its words.
    return max(hits / 8, 0.5 if doc_type in DOC_TYPES else 0.0)
