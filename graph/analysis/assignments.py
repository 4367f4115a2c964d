"""What each subproject is asked to do, as text units and TF-IDF vectors.

A subproject's assignment is its title, purpose and questions (one unit per
sentence or numbered question), method steps and scope limits. Two things are
taken out before comparing, because other reasons already say them: sentences
restating an intention of the plan (the `intention` reason), and the titles of
the works the subproject must take into account (the `investigation` reason).
What is left says what the subproject itself is to produce, so two subprojects
asked to write the same guidelines meet here even when no intention number
or shared reference says so.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import chain

from styrgraf.ingest.sentences import sentence_spans

from styrgraf.graph.analysis.projection import Projection
from styrgraf.graph.analysis.similarity import Decompounder, TfIdf, Vector, candidate_pairs, cosine, word_terms, words

# A sentence this close to an intention of the plan is that intention restated.
RESTATEMENT = 0.5
# Units with fewer content terms than this say nothing of their own.
MIN_TERMS = 3
_LIST_MARKER = re.compile(r"(?:(?<=\s)|^)\d{1,2}\.\s+(?=\S)")
_COVERAGE_SENTENCE = re.compile(r"\bintention\w*\s+(?:\d|[a-zåäö]\))", re.IGNORECASE)


class Unit:
    """One sentence, question, method step or scope limit of a subproject's assignment.

    Each unit is made once: identity is equality, and hashing is cheap. A plain slotted class,
    not a frozen dataclass, because 10 000 plans make nearly half a million of them.
    """

    __slots__ = ("subproject", "source", "evidence_iri", "text")

    def __init__(self, subproject: str, source: str, evidence_iri: str, text: str):
        self.subproject = subproject
        self.source = source  # "title" | "purpose" | "method" | "scope"
        self.evidence_iri = evidence_iri  # whose evidence shows the unit (the subproject for title and purpose)
        self.text = text

    def __repr__(self) -> str:
        return f"Unit({self.subproject!r}, {self.source!r}, {self.evidence_iri!r}, {self.text!r})"


@dataclass
class AssignmentModel:
    units: dict[str, list[Unit]] = field(default_factory=dict)
    unit_vectors: dict[Unit, Vector] = field(default_factory=dict)
    restates: dict[Unit, frozenset[str]] = field(default_factory=dict)  # unit -> intentions it restates
    vectors: dict[str, Vector] = field(default_factory=dict)  # subproject -> vector of its whole assignment
    surface: dict[str, str] = field(default_factory=dict)  # term -> a word as written
    unit_tfidf: TfIdf | None = None

    def rare_shared(self, ua: Unit, ub: Unit) -> list[str]:
        """Terms two units share that few units of the corpus use (at most 10 %, or 10)."""
        assert self.unit_tfidf is not None
        limit = max(10, self.unit_tfidf.n // 10)
        df = self.unit_tfidf.df
        # A unit's vector has a weight for each of its terms: its keys are its terms.
        return sorted(t for t in self.unit_vectors[ua].keys() & self.unit_vectors[ub].keys() if df.get(t, 0) <= limit)

    def kept_units(self, sp: str, shared_intentions: frozenset[str] = frozenset()) -> list[Unit]:
        """The subproject's units, without those restating intentions both sides address."""
        units = self.units.get(sp, [])
        if not shared_intentions:
            return units  # most pairs share no intention: nothing to leave out
        return [u for u in units if not (self.restates.get(u, frozenset()) & shared_intentions)]

    def term_index(self, sp: str) -> dict[str, list[tuple[Unit, float]]]:
        """term -> [(unit, weight)] over the subproject's units: which of them a sentence can meet."""
        index: dict[str, list[tuple[Unit, float]]] = {}
        for u in self.units.get(sp, []):
            for t, w in self.unit_vectors[u].items():
                index.setdefault(t, []).append((u, w))
        return index

    def best_units(self, a: str, b: str, shared_intentions: frozenset[str] = frozenset(), limit: int = 2,
                   minimum: float = 0.15, index_b: dict[str, list[tuple[Unit, float]]] | None = None
                   ) -> list[tuple[float, Unit, Unit]]:
        """The most similar unit pairs of two subprojects, each unit used once.

        `index_b` is `term_index(b)`, for callers comparing b with many subprojects.
        """
        if index_b is None:
            index_b = self.term_index(b)
        # b's units restating an intention both address (`kept_units` leaves them out; the index has them).
        left_out = {u for u in self.units.get(b, ()) if self.restates.get(u, frozenset()) & shared_intentions}
        scored = []
        # Only units sharing a term can reach `minimum`: b's index finds them and sums their products;
        # those near enough are scored by `cosine`.
        vectors = self.unit_vectors
        near = minimum - 1e-9  # a plain float sum is within this of the exact one
        for ua in self.kept_units(a, shared_intentions):
            va = vectors[ua]
            dots: dict[Unit, float] = {}
            get = dots.get
            for t, w in va.items():
                for ub, wb in index_b.get(t, ()):
                    dots[ub] = get(ub, 0.0) + w * wb
            for ub, dot in dots.items():
                if dot >= near and ub not in left_out:
                    s = cosine(va, vectors[ub])  # summed exactly: the same bits whatever the order
                    if s >= minimum:
                        scored.append((s, ua, ub))
        scored.sort(key=lambda x: (-x[0], x[1].text, x[2].text))
        out, used = [], set()
        for s, ua, ub in scored:
            if ua in used or ub in used:
                continue
            out.append((s, ua, ub))
            used.update((ua, ub))
            if len(out) >= limit:
                break
        return out

    def candidates(self, groups: dict[str, str]) -> set[tuple[str, str]]:
        return candidate_pairs(self.vectors, groups)


def _split(text: str) -> list[str]:
    out = []
    for s, e in sentence_spans(text, 0, len(text)):
        sentence = text[s:e]
        pieces = _LIST_MARKER.split(sentence)
        out.extend(p.strip(" ,;:-–") for p in pieces if len(p.strip()) > 3)
    return out


def _units_of(p: Projection, sp: str) -> tuple[list[Unit], list[str]]:
    """The units of a subproject's assignment, and their texts without the titles of works it considers."""
    n = p.node(sp)
    units = []
    if n.get("title"):
        units.append(Unit(sp, "title", sp, re.sub(r"^\d{1,2}\.\s+", "", n["title"])))
    if n.get("purpose"):
        units.extend(Unit(sp, "purpose", sp, t) for t in _split(n["purpose"]))
    for _order, iri, text in n.get("method_steps", []):
        units.append(Unit(sp, "method", iri, text))
    for _order, iri, text in n.get("scope_limits", []):
        units.append(Unit(sp, "scope", iri, text))
    # Titles of what the subproject must take into account are the `investigation` reason's.
    titles = [p.node(t).get("title") for t, _d in p.out_edges(sp, "considers")]
    written = "\n".join(u.text for u in units)
    titles = sorted((t for t in titles if t and t in written), key=len, reverse=True)  # most are not quoted
    texts = []
    for u in units:
        text = u.text
        for t in titles:
            text = text.replace(t, " ")
        texts.append(text)
    return units, texts


def build_assignments(p: Projection) -> AssignmentModel:
    subprojects = p.of_kind("subproject")
    raw: dict[str, tuple[list[Unit], list[str]]] = {sp: _units_of(p, sp) for sp in subprojects}
    # Each text is split into words once; each distinct word is turned into terms once
    # (at 10 000 plans the same few thousand words are written millions of times).
    unit_words = {sp: [words(t) for t in texts] for sp, (_units, texts) in raw.items()}
    # Words as written, in order of first use.
    written = Counter(chain.from_iterable(chain.from_iterable(unit_words.values())))
    intention_words: dict[str, list[str]] = {}
    intentions_by_project: dict[str | None, list[str]] = defaultdict(list)
    for i in p.of_kind("intention"):
        if p.node(i).get("text"):
            intentions_by_project[p.node(i).get("project")].append(i)
            intention_words[i] = words(p.node(i)["text"])
    vocab: Counter = Counter()
    for w, n in written.items():
        vocab[w.lower()] += n
    for ws in intention_words.values():
        for w in ws:
            vocab[w.lower()] += 1
    dec = Decompounder(vocab)
    terms_of_word: dict[str, tuple[str, ...]] = {w: word_terms(w, dec) for w in written}
    for ws in intention_words.values():
        for w in ws:
            if w not in terms_of_word:
                terms_of_word[w] = word_terms(w, dec)
    word_lookup = terms_of_word.__getitem__

    def terms_of(ws: list[str]) -> list[str]:
        # Every word's terms are known by now: the lookups and the joining run in C.
        return list(chain.from_iterable(map(word_lookup, ws)))

    unit_terms: dict[Unit, list[str]] = {}
    units_of: dict[str, list[Unit]] = {}
    for sp, (units, _texts) in raw.items():
        for u, ws in zip(units, unit_words[sp]):
            unit_terms[u] = terms_of(ws)
        units_of[sp] = units
    del raw, unit_words  # the words of every sentence: not needed once they are terms
    surface: dict[str, Counter] = defaultdict(Counter)
    for w, n in written.items():
        t = terms_of_word[w]
        if t:
            surface[t[0]][w.lower()] += n  # the stem comes first: how it is written
    sp_terms = {sp: [t for u in units_of[sp] for t in unit_terms[u]] for sp in subprojects}
    model = AssignmentModel()
    tf = TfIdf.fit(list(sp_terms.values()))
    # Sentences get vectors with document frequencies counted over sentences, the same counts
    # `rare_shared` uses to tell a shared background word (`kommunens`) from a shared subject.
    unit_tf = TfIdf.fit(list(unit_terms.values()))
    # project -> term -> the project's intentions (with their vectors) using the term: a sentence can only
    # restate an intention it shares a term with, so only those are compared.
    intention_index: dict[str | None, dict[str, list[tuple[str, float]]]] = {}
    intention_vectors: dict[str, Vector] = {}
    for proj, items in intentions_by_project.items():
        index: dict[str, list[tuple[str, float]]] = {}
        for i in items:
            iv = intention_vectors[i] = unit_tf.vector(terms_of(intention_words[i]))
            for t, w in iv.items():
                index.setdefault(t, []).append((i, w))
        intention_index[proj] = index
    near = RESTATEMENT - 1e-9  # a plain float sum is within this of the exact one
    for sp in subprojects:
        units = units_of[sp]
        project_intentions = intention_index.get(p.node(sp).get("project"), {})
        scopes = {d.get("scope") for _i, d in p.out_edges(sp, "addresses") if d.get("scope")}
        kept = []
        for u in units:
            terms_ = unit_terms[u]
            if u.source != "title" and len(set(terms_)) < MIN_TERMS:
                continue  # `Uppdraget omfattar att`, `Intentionspunkterna är`: no content of its own
            if _COVERAGE_SENTENCE.search(u.text) or u.text.rstrip(". ") in scopes:
                continue  # which intentions, and their scope: the `intention` reason's
            vec = unit_tf.vector(terms_)
            if not vec:
                continue
            dots: dict[str, float] = {}
            for t, w in vec.items():
                for i, wi in project_intentions.get(t, ()):
                    dots[i] = dots.get(i, 0.0) + w * wi
            # Those near enough are scored by `cosine` (an exact sum), as `best_units` does.
            restated = frozenset(i for i, dot in dots.items()
                                 if dot >= near and cosine(vec, intention_vectors[i]) >= RESTATEMENT)
            if restated:  # most units restate nothing: kept only when they do
                model.restates[u] = restated
            kept.append(u)
            model.unit_vectors[u] = vec
        model.units[sp] = kept
        model.vectors[sp] = tf.vector([t for u in kept for t in unit_terms[u]])
    model.unit_tfidf = unit_tf
    model.surface = {t: c.most_common(1)[0][0] for t, c in surface.items()}
    return model
