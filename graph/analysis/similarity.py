"""Swedish-aware text normalisation and similarity: terms, title sets, TF-IDF cosine.

Words are lower-cased, stemmed with the Snowball Swedish stemmer and then
folded (diacritics removed), so that `Almér`/`Almer`, `riktlinjer`/`riktlinje`
and `Stadens`/`staden` meet. Stop words and the genre's boilerplate words are
dropped. Definite forms the stemmer leaves (`projektet`, `stadskärnan`) are cut
first, and an acronym's genitive (`HNABs`, `SKL:s`) loses its `s`.

Two uses:
- titles of referenced works are compared as *sets* of content terms
  (containment and Jaccard), after compounds whose head is a generic word
  (`Cityutvecklingsprojektet`) are reduced to their modifier (`cityutveckling`);
- assignments (purposes, questions, method steps) are compared with TF-IDF
  cosine, implemented here with the standard library; compounds are also split
  into parts found in the corpus vocabulary (`myndighetsutövning` ->
  `myndighet`, `utövning`), so that related compounds share terms.

Candidate pairs are found through an inverted index over each text's
highest-weighted terms (blocking), never by comparing all pairs.
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, combinations
from typing import Iterable

import snowballstemmer

from styrgraf.ingest.organisations import BODY_LEXICON

_STEMMER = snowballstemmer.stemmer("swedish")

# Swedish function words (Snowball's list, abridged) and the genre's boilerplate.
STOP_WORDS = frozenset("""
och det att i en jag hon som han på den med var sig för så till är men ett om hade de av icke mig du henne
då sin nu har inte hans honom skulle hennes där min man ej vid kunde något från ut när efter upp vi dem vara
vad över än dig kan sina här ha mot alla under någon eller allt mycket sedan ju denna själv detta åt utan
varit hur ingen mitt ni bli blev oss din dessa några deras blir mina samma vilken er sådan vår blivit dess
inom mellan sådant varför varje vilka ditt vem vilket sitta sådana vart dina vars vårt våra ert era vilkas
ska skall bör får också samt mm m.m etc bl a ex t.ex dvs d.v.s inkl enligt även genom både dock hos
delprojekt delprojektet delprojekten uppdrag uppdraget projektets
""".split())

# Words naming what kind of work a title is; as a compound's head they say nothing of its subject.
GENERIC_HEADS = ("projekt", "utredning", "process", "arbete", "uppdrag", "översyn", "förstudie")
_GENERIC_STEMS = frozenset({"projek", "projekt", "utredning", "process", "arbet", "uppdrag", "översyn", "forstudi",
                            "förstudi", "pågåend", "pagaend"})
# Abbreviations of the genre's words (not names): written either way in titles.
WORD_ABBREVIATIONS = {"vp": "verksamhetsplan"}

_WORD = re.compile(r"[^\W\d_]+(?::s)?|\d+", re.UNICODE)
_YEAR_OR_NUMBER = re.compile(r"^\d+$")


@lru_cache(maxsize=200_000)  # names and titles repeat across documents
def fold(text: str) -> str:
    """Lower case without diacritics: `Almér` -> `almer`."""
    lowered = text.lower()
    if lowered.isascii():
        return lowered  # nothing to strip (most words)
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold_name(text: str) -> str:
    """A name folded for comparison: case, diacritics, hyphens and punctuation."""
    return " ".join(re.findall(r"[a-z0-9]+", fold(text)))


def words(text: str) -> list[str]:
    """Words as written (letters or digits), acronym genitives cut: `HNABs` -> `HNAB`."""
    out = _WORD.findall(text)
    for i, w in enumerate(out):
        if w[-1] != "s":
            continue  # most words: nothing to cut
        if w.endswith(":s"):
            out[i] = w[:-2]
        elif len(w) >= 3 and w[:-1].isupper():
            out[i] = w[:-1]
    return out


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Stem of one lower-case word, folded: `stadskärnan` -> `stadskarn`."""
    w = word.lower()
    if w.isdigit():
        return w
    # Definite forms Snowball keeps: `projektet`, `stadskärnan`.
    if len(w) >= 8 and w.endswith("et") and not w.endswith(("het", "itet")):
        w = w[:-2]
    elif len(w) >= 7 and w.endswith(("gin", "orin")):  # `strategin`, `kategorin`: definite of -i nouns
        w = w[:-1]
    elif (len(w) >= 9 and w.endswith("an") and w[-3] not in "aeiouyåäö"
          and not w.endswith(("plan", "organ", "man", "ovan", "nedan", "utan", "innan", "sedan", "samman"))):
        w = w[:-2]
    return fold(_STEMMER.stemWord(w))


def is_stop(word: str) -> bool:
    return word.lower() in STOP_WORDS or len(word) < 2


def terms(text: str) -> list[str]:
    """Content terms of a text: stop words dropped, stemmed and folded, in order."""
    out = []
    for w in words(text):
        lw = w.lower()
        if lw in STOP_WORDS or len(lw) < 2:  # `is_stop`, inlined: checks call this for every intention
            continue
        out.append(stem(WORD_ABBREVIATIONS.get(lw, lw)))
    return out


# --- titles as term sets ------------------------------------------------------------------

_HEAD_ENDINGS = ("", "et", "en", "er", "erna", "ets", "ens", "n", "t", "s")


def _reduce_generic(word: str) -> str | None:
    """A word's term for title sets: `cityutvecklingsprojektet` -> `cityutveckling`.

    A bare generic word (`projektet`, `utredning`, `pågående`) gives None.
    """
    t = stem(word)
    if t in _GENERIC_STEMS:
        return None
    for head in GENERIC_HEADS:
        i = word.rfind(head)
        if i < 0 or word[i + len(head):] not in _HEAD_ENDINGS:
            continue
        if i == 0:
            return None
        mod = word[:i]
        if mod.endswith("s") and len(mod) > 4:
            mod = mod[:-1]
        return stem(mod) if len(mod) >= 3 else None
    return t


def body_abbreviations(text: str, names: dict[str, str] | None = None) -> str:
    """Replace bodies' and organisations' full names by their abbreviations.

    `KS Verksamhetsplan` and `Kommunstyrelsens verksamhetsplan` meet as `KS`;
    `names` maps further full names (from the store's organisations) to abbreviations.
    """
    out = text
    for pattern, abbr in _BODY_PATTERNS:
        out = pattern.sub(abbr, out)
    lowered = out.lower()
    for name, abbr in (names or {}).items():
        # Most titles name none of the organisations: a substring test spares the regex.
        if len(name) >= 6 and name.lower() in lowered:
            out = _name_pattern(name).sub(abbr, out)
            lowered = out.lower()
    return out


_BODY_PATTERNS = tuple((re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", re.IGNORECASE), abbr)
                       for pattern, _canonical, abbr in BODY_LEXICON)


@lru_cache(maxsize=20_000)
def _name_pattern(name: str) -> re.Pattern:
    return re.compile(rf"(?<![\w-]){re.escape(name)}s?(?![\w-])", re.IGNORECASE)


@dataclass(frozen=True)
class TitleKey:
    """A title as a set of content terms, split into numbers and words."""

    words: frozenset[str]
    numbers: frozenset[str]
    abbreviations: frozenset[str]

    @property
    def all(self) -> frozenset[str]:
        return self.words | self.numbers | self.abbreviations

    @property
    def distinctive(self) -> frozenset[str]:
        return self.words


def title_key(title: str, names: dict[str, str] | None = None, stop: frozenset[str] = frozenset()) -> TitleKey:
    """A title's term sets; `stop` holds terms that say nothing here (the municipality's own name)."""
    text = body_abbreviations(title, names)
    ws, nums, abbrs = set(), set(), set()
    for w in words(text):
        lw = w.lower()
        if is_stop(lw):
            continue
        if w.isdigit():
            nums.add(w)
            continue
        if w.isupper() and len(w) <= 6 and lw not in WORD_ABBREVIATIONS:
            abbrs.add(lw)
            continue
        t = _reduce_generic(WORD_ABBREVIATIONS.get(lw, lw))
        if t and t not in stop:
            ws.add(t)
    return TitleKey(frozenset(ws), frozenset(nums), frozenset(abbrs))


@dataclass(frozen=True)
class TitleMatch:
    identity: bool
    confidence: float
    method: str
    containment: float
    jaccard: float


def compare_titles(a: TitleKey, b: TitleKey) -> TitleMatch | None:
    """How two titles relate: the same work, possibly the same, or unrelated (None).

    Equal term sets are the same work. When one title's content terms are all in
    the other's (`Pågående projekt om att utveckla samordning …` inside
    `… visionsstyrning, samordning …`) and the longer adds at most one word, the
    titles name one work; adding more, or only a year, makes it a possibility.
    Different years or numbers never match, nor do different organisations.
    """
    if not a.words or not b.words:
        return None
    if a.numbers and b.numbers and a.numbers != b.numbers:
        return None
    if a.abbreviations and b.abbreviations and not (a.abbreviations & b.abbreviations):
        return None
    small, big = (a, b) if len(a.all) <= len(b.all) else (b, a)
    inter = len(a.all & b.all)
    union = len(a.all | b.all)
    jac = inter / union
    word_inter = len(small.words & big.words)
    containment = word_inter / len(small.words)
    if a.all == b.all:
        return TitleMatch(True, 0.95, "equal-terms", 1.0, 1.0)
    extra_words = len(big.words - small.words)
    extra_other = len((big.numbers | big.abbreviations) - (small.numbers | small.abbreviations))
    missing_other = len((small.numbers | small.abbreviations) - (big.numbers | big.abbreviations))
    if containment == 1.0 and missing_other == 0:
        if len(small.words) >= 2 and extra_words <= 1 and extra_other == 0:
            return TitleMatch(True, 0.85, "term-containment", containment, jac)
        if a.words == b.words:
            if len(a.words) >= 2 and not (big.numbers - small.numbers):
                # `SKL:s servicemätning Insikt` / `Servicemätningen Insikt`: the owner named or not.
                return TitleMatch(True, 0.8, "equal-words", containment, jac)
            # Same words; one adds a year: probably the same work.
            return TitleMatch(False, 0.7, "equal-words", containment, jac)
        if len(small.words) >= 2 and extra_words <= 3:
            return TitleMatch(False, 0.6, "term-containment", containment, jac)
    if jac >= 0.6 and word_inter >= 2:
        return TitleMatch(False, 0.5, "term-overlap", containment, jac)
    return None


# --- TF-IDF ---------------------------------------------------------------------------------

class Decompounder:
    """Splits compounds into a modifier and a head found in the corpus vocabulary."""

    MIN_PART = 4

    def __init__(self, vocabulary: Iterable[str]):
        self.vocab = {w for w in vocabulary if len(w) >= self.MIN_PART}
        self.stems = {stem(w) for w in self.vocab}
        self._cache: dict[str, tuple[str, ...]] = {}

    def parts(self, word: str) -> tuple[str, ...]:
        """Stems of the parts of `word` (lower case), or () when it is no known compound."""
        found = self._cache.get(word)
        if found is not None:
            return found
        out: tuple[str, ...] = ()
        n = len(word)
        if n >= 2 * self.MIN_PART + 1:
            for i in range(n - self.MIN_PART, self.MIN_PART - 1, -1):
                left, right = word[:i], word[i:]
                head = stem(right)
                if right not in self.vocab and head not in self.stems:
                    continue
                for mod in (left, left[:-1] if left.endswith("s") else None):
                    if mod and len(mod) >= self.MIN_PART and (mod in self.vocab or stem(mod) in self.stems):
                        out = (stem(mod), head)
                        break
                if out:
                    break
        self._cache[word] = out
        return out


def word_terms(word: str, decompounder: Decompounder | None = None) -> tuple[str, ...]:
    """The TF-IDF terms of one word as written: its stem, then the parts of a compound; () for a stop word."""
    lw = word.lower()
    if is_stop(lw):
        return ()
    lw = WORD_ABBREVIATIONS.get(lw, lw)
    if decompounder is None:
        return (stem(lw),)
    return (stem(lw), *decompounder.parts(lw))


def text_terms(text: str, decompounder: Decompounder | None = None) -> list[str]:
    """Terms for TF-IDF: content terms plus the parts of compounds."""
    out: list[str] = []
    for w in words(text):
        out.extend(word_terms(w, decompounder))
    return out


Vector = dict[str, float]


def cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    # Summed exactly (fsum): plain float sums in another order differ in the last bits, enough to
    # flip a threshold, and the analyses sum the same products in different orders.
    return math.fsum([w * b[t] for t, w in a.items() if t in b])


@dataclass
class TfIdf:
    """TF-IDF over a corpus of term lists, L2-normalised vectors."""

    df: Counter = field(default_factory=Counter)
    n: int = 0
    _idf: dict[str, float] = field(default_factory=dict, repr=False)  # filled on use; df and n are fixed by then

    @classmethod
    def fit(cls, documents: Iterable[list[str]]) -> "TfIdf":
        model = cls()
        documents = documents if isinstance(documents, list) else list(documents)
        model.n = len(documents)
        model.df.update(chain.from_iterable(map(set, documents)))  # one count, in C
        return model

    def idf(self, term: str) -> float:
        found = self._idf.get(term)
        if found is None:
            found = self._idf[term] = math.log((self.n + 1) / (self.df.get(term, 0) + 1)) + 1.0
        return found

    def vector(self, terms_: list[str]) -> Vector:
        known = self._idf
        # Counted by hand: most lists are a sentence's ten terms, for which a Counter's own set-up costs more.
        counts: dict[str, int] = {}
        for t in terms_:
            counts[t] = counts.get(t, 0) + 1
        vec = {}
        for t, c in counts.items():
            w = known.get(t)
            if w is None:
                w = self.idf(t)
            vec[t] = (1.0 + math.log(c)) * w if c > 1 else w
        norm = math.sqrt(sum([w * w for w in vec.values()]))
        return {t: w / norm for t, w in vec.items()} if norm else {}


def candidate_pairs(vectors: dict[str, Vector], groups: dict[str, str] | None = None, *, max_df: int = 60,
                    min_partial: float = 0.03, per_key: int | None = 10) -> set[tuple[str, str]]:
    """Pairs of keys whose vectors share enough weight on terms that are not common.

    Blocking: an inverted index of every term, within each group; a term
    found in more than `max_df` vectors of a group is too common to block on
    (it still counts in the final cosine). The partial dot product over the
    remaining terms must reach `min_partial`, and a pair is kept when it is among
    the `per_key` best of either key, so the candidates grow linearly with the keys.
    `groups` keeps pairs within a group.
    """
    by_group: dict[str, list[str]] = defaultdict(list)
    for key in vectors:
        by_group[groups.get(key, "") if groups else ""].append(key)
    keep: set[tuple[str, str]] = set()
    # One group at a time: pairs never cross groups, and the partial sums of one group are a
    # fraction of those of all (at 10 000 plans, hundreds of megabytes at once otherwise).
    for keys in by_group.values():
        keys.sort()
        n = len(keys)
        # Keys by their rank: a pair is one int (`i * n + j`, i < j), ordered as the pair of keys is.
        index: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for i, key in enumerate(keys):
            for t, w in vectors[key].items():
                index[t].append((i, w))
        partial: dict[int, float] = {}
        get = partial.get
        for postings in index.values():
            if len(postings) < 2 or len(postings) > max_df:
                continue
            for (i, wi), (j, wj) in combinations(postings, 2):  # postings are in rank order
                pair = i * n + j
                partial[pair] = get(pair, 0.0) + wi * wj
        del index
        pairs = {pair: dot for pair, dot in partial.items() if dot >= min_partial}
        del partial
        if per_key is None:
            keep.update((keys[pair // n], keys[pair % n]) for pair in pairs)
            continue
        best: dict[int, list[tuple[float, int]]] = defaultdict(list)
        for pair, dot in pairs.items():
            best[pair // n].append((-dot, pair))
            best[pair % n].append((-dot, pair))
        kept: set[int] = set()
        for items in best.values():
            items.sort()
            kept.update(pair for _dot, pair in items[:per_key])
        keep.update((keys[pair // n], keys[pair % n]) for pair in kept)
    return keep


def shared_terms(a: Vector, b: Vector, limit: int = 6) -> list[str]:
    """The terms contributing most to the cosine of a and b."""
    common = [(a[t] * b[t], t) for t in a.keys() & b.keys()]
    return [t for _w, t in sorted(common, key=lambda x: (-x[0], x[1]))[:limit]]
