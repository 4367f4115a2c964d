"""Typed links between stored documents, computed from their facts when asked for.

Links are read-side: each document's graph holds only what its own text says (its Dnr, the
numbers it cites, its related-documents list, its decisions and minutes paragraphs), and the
links are worked out here from those facts, so that they exist whichever document was
ingested first. The functions are pure: `graph.queries.document_links` fetches the facts
(`DocFacts`) and the evidence, this module decides which links hold.

A document is linked with its candidates only: the documents that `LinkIndex` finds under one
of its keys (case numbers, cited case numbers, titles, words of titles and decisions, decisions by
date with case number or text), never with every stored document. `pairwise_links` compares it
with all of them instead; it is the reference the indexed path is tested to equal. People and
organisations shared by two documents are joined in the store by their IRIs (`graph.queries`).

Each link has a type (`same-case`, `cites`, `decides`, `follows-up`), a direction seen from the
document asked about (`outgoing`: this document cites, decides or follows up the other;
`incoming`: the other does so to this one; `mutual` for a shared case), a confidence with the
rule that gave it, and the fact nodes on both sides whose quotes are its evidence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from styrgraf.graph.swedish import fold
from styrgraf.ingest.headers import normalise_dnr

# Kinds of document a minutes paragraph can adopt, table, refer or approve (not other minutes).
MINUTES_TYPES = frozenset({"protokoll", "protokollsutdrag"})
# A decision that acts on a document (adopts, approves, lays down, tables, refers back) rather
# than notes a report: what makes a paragraph of the case a `decides` rather than a follow-up.
_ACTS = re.compile(r"\b(?:ant[ao]g?\w*|godk[äa]nn\w*|fastst[äa]ll\w*|bordl[äa]gg\w*|[åa]terremitt\w*|"
                   r"remitt\w*|bifall\w*|avsl[åa]\w*|upph[äa]v\w*|revider\w*)", re.IGNORECASE)
# A title this short ("Budget") would match by chance inside other text.
MIN_TITLE_WORDS = 3

CONFIDENCE = {
    "same-dnr": 0.9, "cited-dnr": 0.85, "decision-dnr": 0.8, "related-title": 0.8, "title-in-decision": 0.6,
    "recorded-decision": 0.9, "paragraph-dnr-title": 0.95, "paragraph-dnr": 0.85, "paragraph-title": 0.7,
    "later-paragraph": 0.8, "builds-on-decision": 0.7,
}
# Without a date on one side the order in time cannot be checked.
UNDATED_PENALTY = 0.15
TYPE_ORDER = ("decides", "follows-up", "same-case", "cites", "shares")


@dataclass(frozen=True)
class Fact:
    """A node of the store whose quotes are evidence (`prop`: only its quotes for that property)."""

    node: str
    prop: str | None = None


@dataclass(frozen=True)
class Decision:
    iri: str
    date: str | None
    identifier: str | None
    text: str | None


@dataclass(frozen=True)
class Paragraph:
    iri: str
    title: str | None
    identifier: str | None
    decision: Decision | None


@dataclass
class DocFacts:
    """What one document's graph says that links can be made from."""

    iri: str
    title: str | None = None
    kind: str | None = None
    date: str | None = None
    own: list[tuple[str, Fact]] = field(default_factory=list)
    cited: list[tuple[str, Fact]] = field(default_factory=list)
    related: list[tuple[str, Fact]] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)

    def own_numbers(self) -> set[str]:
        return {dnr_key(v) for v, _ in self.own}

    def own_fact(self, key: str) -> list[Fact]:
        return [f for v, f in self.own if dnr_key(v) == key]


@dataclass
class Link:
    type: str
    direction: str
    other: str
    confidence: float
    rules: list[str]
    facts: list[tuple[str, Fact]]  # (side: "this" | "other", fact)


@lru_cache(maxsize=1 << 16)
def dnr_key(value: str) -> str:
    """A case number as compared: normalised (`KS-2011/456` = `KS 2011/456`), case and spacing folded."""
    return " ".join(normalise_dnr(value).upper().split())


@lru_cache(maxsize=1 << 16)
def title_key(value: str | None) -> str:
    """A title as compared: accents, case and spacing folded."""
    return " ".join(fold(value or "").split())


def _contains_title(text: str | None, title: str | None) -> bool:
    key = title_key(title)
    if len(key.split()) < MIN_TITLE_WORDS:
        return False
    return re.search(r"(?<!\w)" + re.escape(key) + r"(?!\w)", title_key(text)) is not None


def _acts_on(decision: Decision | None) -> bool:
    return decision is not None and bool(_ACTS.search(decision.text or ""))


def _on_or_after(later: str | None, earlier: str | None) -> bool | None:
    """Whether `later` is not before `earlier` (ISO dates, a month compared by its month), None if unknown."""
    if not later or not earlier:
        return None
    n = min(len(later), len(earlier), 10)
    return later[:n] >= earlier[:n]


class _Collector:
    """Links of one document, one per (type, direction, other), the strongest rule's confidence kept."""

    def __init__(self) -> None:
        self.links: dict[tuple[str, str, str], Link] = {}

    def add(self, type_: str, direction: str, other: str, rule: str, facts: list[tuple[str, Fact]],
            confidence: float | None = None) -> None:
        value = round(CONFIDENCE[rule] if confidence is None else confidence, 2)
        link = self.links.setdefault((type_, direction, other), Link(type_, direction, other, value, [], []))
        link.confidence = max(link.confidence, value)
        if rule not in link.rules:
            link.rules.append(rule)
        link.facts += [f for f in facts if f not in link.facts]


def _flip(facts: list[tuple[str, Fact]]) -> list[tuple[str, Fact]]:
    return [("other" if side == "this" else "this", f) for side, f in facts]


def _same_case(c: _Collector, a: DocFacts, b: DocFacts) -> None:
    for key in sorted(a.own_numbers() & b.own_numbers()):
        c.add("same-case", "mutual", b.iri, "same-dnr",
              [("this", f) for f in a.own_fact(key)] + [("other", f) for f in b.own_fact(key)])


def _cites(a: DocFacts, b: DocFacts) -> list[tuple[str, list[tuple[str, Fact]]]]:
    """Rules by which `a` cites `b`, each with its facts (sides as seen from `a`)."""
    found = []
    mine, theirs = a.own_numbers(), b.own_numbers()
    for value, fact in a.cited:
        key = dnr_key(value)
        if key in theirs and key not in mine:
            found.append(("cited-dnr", [("this", fact)] + [("other", f) for f in b.own_fact(key)]))
    for d in a.decisions:
        key = dnr_key(d.identifier) if d.identifier else None
        if key and key in theirs and key not in mine:
            found.append(("decision-dnr", [("this", Fact(d.iri))] + [("other", f) for f in b.own_fact(key)]))
    title = title_key(b.title)
    for value, fact in a.related:
        if title and title_key(value) == title:
            found.append(("related-title", [("this", fact), ("other", Fact(b.iri, "title"))]))
    if not any(dnr_key(p.identifier) in theirs for p in a.paragraphs if p.identifier):
        for d in a.decisions:
            if _contains_title(d.text, b.title):
                found.append(("title-in-decision", [("this", Fact(d.iri)), ("other", Fact(b.iri, "title"))]))
    return found


def _decisions_of(minutes: DocFacts, target: DocFacts) -> list[tuple[Paragraph, str, float]]:
    """The paragraphs of `minutes` that decide on `target`: (paragraph, rule, confidence)."""
    if target.kind in MINUTES_TYPES or minutes.iri == target.iri:
        return []
    out = []
    numbers, title = target.own_numbers(), title_key(target.title)
    for p in minutes.paragraphs:
        by_dnr = bool(p.identifier) and dnr_key(p.identifier) in numbers
        by_title = bool(title) and title_key(p.title) == title
        if not (by_dnr or by_title) or not _acts_on(p.decision):
            continue
        in_order = _on_or_after(p.decision.date if p.decision else None, target.date)
        if in_order is False:
            continue
        rule = "paragraph-dnr-title" if by_dnr and by_title else "paragraph-dnr" if by_dnr else "paragraph-title"
        out.append((p, rule, CONFIDENCE[rule] - (UNDATED_PENALTY if in_order is None else 0.0)))
    return out


def _paragraph_facts(p: Paragraph, side: str) -> list[tuple[str, Fact]]:
    facts = [(side, Fact(p.iri, "identifier")), (side, Fact(p.iri, "title"))]
    return facts + ([(side, Fact(p.decision.iri))] if p.decision else [])


def _target_facts(target: DocFacts, p: Paragraph, side: str) -> list[tuple[str, Fact]]:
    key = dnr_key(p.identifier) if p.identifier else None
    facts = [(side, f) for f in target.own_fact(key)] if key else []
    return facts + [(side, Fact(target.iri, "title"))]


def _in_case(p: Paragraph, numbers: set[str]) -> bool:
    return bool(p.identifier) and dnr_key(p.identifier) in numbers


def _later(p: Paragraph, date: str | None) -> bool:
    return bool(date and p.decision and p.decision.date) and p.decision.date[:10] > date[:10]


def recorded_in(decision: Decision, paragraphs: list[tuple[str, Paragraph]]) -> list[tuple[str, Paragraph]]:
    """The minutes paragraphs (doc, paragraph) recording `decision`: its decision has the same date
    and the same Dnr or the same text."""
    out = []
    for doc, p in paragraphs:
        d = p.decision
        if d is None or d.iri == decision.iri or not d.date or d.date[:10] != (decision.date or "")[:10]:
            continue
        same_dnr = bool(decision.identifier and d.identifier) and dnr_key(decision.identifier) == dnr_key(d.identifier)
        if same_dnr or (decision.text and title_key(decision.text) == title_key(d.text)):
            out.append((doc, p))
    return out


def _order(f: DocFacts) -> tuple[str, str, str]:
    """The order documents are read in (by date, title and IRI), whatever order they were stored in:
    it orders the evidence of a link found through several minutes."""
    return (f.date or "", f.title or "", f.iri)


class _Scan:
    """The reference answers to what the link rules ask of the other documents, by reading every
    document (`pairwise_links`); `LinkIndex` answers the same through its indexes."""

    def __init__(self, facts: dict[str, DocFacts]):
        self.facts = facts
        self.minutes = sorted((m for m in facts.values() if m.paragraphs), key=_order)
        self._decided: dict[str, list[tuple[DocFacts, Paragraph]]] = {}
        self._deciding: set[str] | None = None

    def decided(self, target: DocFacts) -> list[tuple[DocFacts, Paragraph]]:
        """The minutes paragraphs that decide on `target`."""
        if target.iri not in self._decided:
            self._decided[target.iri] = [(m, p) for m in self.minutes for p, _, _ in _decisions_of(m, target)]
        return self._decided[target.iri]

    def first_decided(self, target: DocFacts) -> str | None:
        return min((p.decision.date for _, p in self.decided(target) if p.decision and p.decision.date), default=None)

    def is_deciding(self, minutes: DocFacts, paragraph: Paragraph) -> bool:
        """Whether `paragraph` (of `minutes`) decides on some stored document."""
        if self._deciding is None:
            self._deciding = {p.iri for t in self.facts.values() for _, p in self.decided(t)}
        return paragraph.iri in self._deciding

    def recording(self, decision: Decision, exclude: tuple[str, ...] = ()) -> list[tuple[str, Paragraph]]:
        """The minutes paragraphs (doc, paragraph) that record `decision`, outside the `exclude`d documents."""
        return recorded_in(decision, [(m.iri, p) for m in self.minutes if m.iri not in exclude for p in m.paragraphs])


def _words(text: str | None) -> set[str]:
    return set(re.findall(r"\w+", title_key(text)))


def _recorder_keys(d: Decision | None) -> list[tuple[str, str, str]]:
    """The keys on which a minutes paragraph's decision `d` records others (`recorded_in`): its
    date with its Dnr, and its date with its text (also an empty one)."""
    if d is None or not d.date:
        return []
    keys = [("dated-text", d.date[:10], title_key(d.text))]
    return keys + ([("dated-dnr", d.date[:10], dnr_key(d.identifier))] if d.identifier else [])


def _recorded_keys(d: Decision) -> list[tuple[str, str, str]]:
    """The keys on which a decision `d` is recorded in a paragraph (`recorded_in` asks a Dnr or a text of it)."""
    if not d.date:
        return []
    keys = [("dated-dnr", d.date[:10], dnr_key(d.identifier))] if d.identifier else []
    return keys + ([("dated-text", d.date[:10], title_key(d.text))] if d.text else [])


class LinkIndex(_Scan):
    """The facts of the stored documents by the keys the link rules compare, so that the links of one
    document are made with the documents that share a key with it (`candidates`), never with all.

    Indexes: own case numbers, cited case numbers, decisions' case numbers, titles, related-documents
    titles, minutes paragraphs' case numbers and titles, words of titles and of decision texts, and
    decisions (of documents and of minutes paragraphs) by date with case number or text. Shared people
    and organisations are joined in the store by their IRIs (`graph.queries`).
    """

    def __init__(self, facts: dict[str, DocFacts] | None = None):
        super().__init__({})
        self._by: dict[tuple, set[str]] = {}
        self._owned: set[tuple] | None = None  # None: every set of `_by` is this index's own
        for f in (facts or {}).values():
            self._put(f)

    def changed(self, added: list[DocFacts], removed: set[str]) -> "LinkIndex":
        """A new index with the `added` documents' facts (replacing any of the same IRI) and without the
        `removed` ones; this one stays as it is (readers may hold it), sharing what did not change."""
        new = LinkIndex()
        new.facts, new._by, new._owned = dict(self.facts), dict(self._by), set()
        for iri in removed | {f.iri for f in added}:
            new._drop(iri)
        for f in added:
            new._put(f)
        return new

    def _own_set(self, key: tuple) -> set[str]:
        if self._owned is not None and key not in self._owned:
            self._by[key] = set(self._by.get(key, ()))
            self._owned.add(key)
        return self._by.setdefault(key, set())

    def _put(self, f: DocFacts) -> None:
        self.facts[f.iri] = f
        for key in self._keys_of(f):
            self._own_set(key).add(f.iri)

    def _drop(self, iri: str) -> None:
        f = self.facts.pop(iri, None)
        for key in self._keys_of(f) if f is not None else ():
            docs = self._own_set(key)
            docs.discard(iri)
            if not docs:
                del self._by[key]

    @staticmethod
    def _keys_of(f: DocFacts) -> set[tuple]:
        keys: set[tuple] = {("own", k) for k in f.own_numbers()}
        keys |= {("cited", dnr_key(v)) for v, _ in f.cited}
        keys |= {("related", title_key(v)) for v, _ in f.related}
        title = title_key(f.title)
        if title:
            keys.add(("title", title))
        if len(title.split()) >= MIN_TITLE_WORDS:
            # Every word of a title stands in a text that contains it: the longest is the rarest.
            keys.add(("title-word", max(sorted(_words(title) or {""}), key=len)))
        for d in f.decisions:
            keys |= {("decision-dnr", dnr_key(d.identifier))} if d.identifier else set()
            keys |= {("decision-word", w) for w in _words(d.text) | {""}}
            keys |= {("decision",) + k for k in _recorded_keys(d)}
        for p in f.paragraphs:
            keys |= {("paragraph-dnr", dnr_key(p.identifier))} if p.identifier else set()
            keys |= {("paragraph-title", title_key(p.title))}
            keys |= {("paragraph-decision",) + k for k in _recorder_keys(p.decision)}
        return keys

    def _docs(self, keys) -> list[DocFacts]:
        """The documents indexed under any of `keys`, in reading order (`_order`)."""
        iris: set[str] = set()
        for key in keys:
            iris |= self._by.get(key, set())
        return sorted((self.facts[i] for i in iris), key=_order)

    def _with_all(self, name: str, words: set[str]) -> set[str]:
        """The documents indexed under (`name`, w) for every one of `words`."""
        sets = sorted((self._by.get((name, w), set()) for w in words), key=len)
        return set.intersection(*sets) if sets else set()

    def _targets_of(self, p: Paragraph) -> list[DocFacts]:
        """The documents a paragraph may decide on: its case number or its title is theirs."""
        keys = [("title", title_key(p.title))] + ([("own", dnr_key(p.identifier))] if p.identifier else [])
        return self._docs(keys)

    def decided(self, target: DocFacts) -> list[tuple[DocFacts, Paragraph]]:
        if target.iri not in self._decided:
            keys = [("paragraph-dnr", k) for k in target.own_numbers()]
            if title_key(target.title):
                keys.append(("paragraph-title", title_key(target.title)))
            self._decided[target.iri] = [(m, p) for m in self._docs(keys) for p, _, _ in _decisions_of(m, target)]
        return self._decided[target.iri]

    def is_deciding(self, minutes: DocFacts, paragraph: Paragraph) -> bool:
        return any(p.iri == paragraph.iri for t in self._targets_of(paragraph) for p, _, _ in _decisions_of(minutes, t))

    def recording(self, decision: Decision, exclude: tuple[str, ...] = ()) -> list[tuple[str, Paragraph]]:
        minutes = self._docs(("paragraph-decision",) + k for k in _recorded_keys(decision))
        return recorded_in(decision, [(m.iri, p) for m in minutes if m.iri not in exclude for p in m.paragraphs])

    def candidates(self, a: DocFacts) -> list[DocFacts]:
        """The documents that share a key with `a` that some link rule compares, in either direction:
        a superset of the documents `a` has links with, found by lookups, never by reading the others."""
        found = {f.iri for f in self._docs(_keys_towards(a))} | self._through_decisions(a)
        found.discard(a.iri)
        return sorted((self.facts[i] for i in found), key=_order)

    def _through_decisions(self, a: DocFacts) -> set[str]:
        """The documents whose decisions cite `a`'s title or whose title `a`'s decisions cite (every
        word of the title in the decision's text), and those linked to `a` through a recorded
        decision: `a` builds on one that decides on them, or they build on one that decides on `a`."""
        title = title_key(a.title)
        wide = len(title.split()) >= MIN_TITLE_WORDS
        found = self._with_all("decision-word", _words(title) | {""}) if wide else set()
        for d in a.decisions:  # a's decisions citing b's title: b is indexed under the longest word of it
            words = _words(d.text)
            found |= {b for w in words | {""} for b in self._by.get(("title-word", w), ())
                      if _words(self.facts[b].title) <= words}
        for d in a.decisions:
            for _, q in self.recording(d, exclude=(a.iri,)):
                found |= {t.iri for t in self._targets_of(q)}
        keys = [("decision",) + k for _, q in self.decided(a) for k in _recorder_keys(q.decision)]
        return found | {f.iri for f in self._docs(keys)}


def _keys_towards(a: DocFacts) -> list[tuple]:
    """The index keys under which the documents stand that share a compared fact with `a`."""
    own, title = a.own_numbers(), title_key(a.title)
    para_dnrs = {dnr_key(p.identifier) for p in a.paragraphs if p.identifier}
    # Case numbers: a's own (same case, cited by b, b's decisions or paragraphs), cited by a, a's paragraphs'.
    keys: list[tuple] = [(n, k) for k in own for n in ("own", "cited", "decision-dnr", "paragraph-dnr")]
    keys += [("own", dnr_key(v)) for v, _ in a.cited]
    keys += [("own", dnr_key(d.identifier)) for d in a.decisions if d.identifier]
    keys += [(n, k) for k in para_dnrs for n in ("own", "paragraph-dnr")]
    # Titles: a's related documents and paragraphs name b's title, or b's name a's.
    keys += [("title", title_key(v)) for v, _ in a.related]
    keys += [("title", title_key(p.title)) for p in a.paragraphs]
    if title:
        keys += [("related", title), ("paragraph-title", title)]
    # a's decisions recorded in b's paragraphs, b's decisions recorded in a's paragraphs.
    keys += [("paragraph-decision",) + k for d in a.decisions for k in _recorded_keys(d)]
    return keys + [("decision",) + k for p in a.paragraphs for k in _recorder_keys(p.decision)]


def _follows(s: _Scan, x: DocFacts, y: DocFacts) -> list[tuple[str, list[tuple[str, Fact]]]]:
    """Rules by which `x` follows up `y` (facts' sides as seen from `x`)."""
    found = []
    # A later paragraph of y's case, after y was decided on, that does not itself decide on it.
    first = s.first_decided(y)
    for p in x.paragraphs:
        if _in_case(p, y.own_numbers()) and not _acts_on(p.decision) and _later(p, first):
            found.append(("later-paragraph", _paragraph_facts(p, "this") + _target_facts(y, p, "other")))
    # A later paragraph of the case that a paragraph of the minutes y decided.
    for q in y.paragraphs:
        if not q.identifier or not s.is_deciding(y, q):
            continue
        for p in x.paragraphs:
            if (_in_case(p, {dnr_key(q.identifier)}) and not _acts_on(p.decision)
                    and _later(p, q.decision.date if q.decision else None)):
                found.append(("later-paragraph", _paragraph_facts(p, "this") + _paragraph_facts(q, "other")))
    # A decision of x that a minutes paragraph deciding on y records: x builds on that decision.
    if _on_or_after(x.date, y.date) is not False:
        for d in x.decisions:
            for _, q in s.recording(d, exclude=(x.iri, y.iri)):
                if any(mq.iri == q.iri for _, mq in s.decided(y)):
                    found.append(("builds-on-decision",
                                  [("this", Fact(d.iri))] + _paragraph_facts(q, "this") + _target_facts(y, q, "other")))
    return found


def _records(x: DocFacts, m: DocFacts) -> list[list[tuple[str, Fact]]]:
    """Facts of each decision of `x` that a paragraph of the minutes `m` records (x cites m's decision)."""
    out = []
    for d in x.decisions:
        for _, p in recorded_in(d, [(m.iri, p) for p in m.paragraphs]):
            out.append([("this", Fact(d.iri))] + _paragraph_facts(p, "other"))
    return out


def _same(facts):
    return facts


def _links_with(s: _Scan, a: DocFacts, others: list[DocFacts]) -> list[Link]:
    """The links of `a` with each of `others`, strongest first within each type."""
    c = _Collector()
    for b in others:
        _same_case(c, a, b)
        for x, y, direction, turn in ((a, b, "outgoing", _same), (b, a, "incoming", _flip)):
            for rule, f in _cites(x, y):
                c.add("cites", direction, b.iri, rule, turn(f))
            for f in _records(x, y):
                c.add("cites", direction, b.iri, "recorded-decision", turn(f))
            for p, rule, conf in _decisions_of(x, y):
                c.add("decides", direction, b.iri, rule,
                      turn(_paragraph_facts(p, "this") + _target_facts(y, p, "other")), conf)
            for rule, f in _follows(s, x, y):
                c.add("follows-up", direction, b.iri, rule, turn(f))
    return sorted(c.links.values(), key=lambda l: (TYPE_ORDER.index(l.type), -l.confidence, l.direction, l.other))


def document_links(index: LinkIndex, doc: str) -> list[Link]:
    """Every link of `doc` to the other indexed documents, made with its candidates only."""
    a = index.facts[doc]
    return _links_with(index, a, index.candidates(a))


def pairwise_links(facts: dict[str, DocFacts], doc: str) -> list[Link]:
    """The same links as `document_links`, made by comparing `doc` with every other document: the
    reference the indexed path is tested against."""
    return _links_with(_Scan(facts), facts[doc], [b for b in facts.values() if b.iri != doc])
