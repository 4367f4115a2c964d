"""A question read into its parts: the things it names and the words it asks with.

`read` finds, in this order, the things named by how they are written (subproject and intention
numbers, case numbers, dates, paragraphs), the phrases and words of the vocabulary, the people
and bodies of the graph among the words left, and what remains (`leftover`: a name that matched
nobody, a body the graph does not know). A trailing `i plan X` / `in plan X` names the plans the
question is about. The language is the one most of its words are written in.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from styrgraf.graph.questions.entities import (
    Found, Token, bodies_named, capitalised, documents_named, marked, numbered, organisations_named, people_named,
    tokens)
from styrgraf.graph.questions.vocabulary import FUNCTION_WORDS, phrase_entries, similar, word_concepts
from styrgraf.graph.store.interface import GraphStore
from styrgraf.graph.swedish import words

MAX_QUESTION = 500

_PLAN = re.compile(
    r"\s+(?:i|in|för|for|inom|within)\s+(?:the\s+)?(?:plan(?:en)?|projektplan(?:en)?|dokument(?:et)?|document)"
    r"\s+(?P<plan>\S.*)$", re.IGNORECASE)
# Little words that tell the language when no concept word does.
_HINTS = {"en": frozenset(words("the does do did is are was were of which who what how many any has have to by "
                                "from in on there whose for with into about all list one two three four five six "
                                "seven eight nine ten")),
          "sv": frozenset(words("och är var som vilka vem vad hur det den på med för till av har ska finns i "
                                "vilket vilken när inom måste om alla ett två tre fyra fem sju åtta nio tio"))}


@dataclass(frozen=True)
class Concept:
    name: str
    first: int
    last: int
    lang: str
    errors: int


@dataclass
class Parse:
    question: str
    text: str  # the question without its plan qualifier
    toks: list[Token]
    concepts: list[Concept]
    found: list[Found]
    lang: str
    plan: str | None
    leftover: list[int] = field(default_factory=list)

    def has(self, *names: str) -> bool:
        return any(c.name in names for c in self.concepts)

    def at(self, name: str) -> int | None:
        """The first position of a concept's word, or None."""
        return min((c.first for c in self.concepts if c.name == name), default=None)

    def all_at(self, name: str) -> list[int]:
        return sorted(c.first for c in self.concepts if c.name == name)

    def things(self, kind: str) -> list[Found]:
        return [f for f in self.found if f.kind == kind]

    def one(self, kind: str) -> Found | None:
        return next(iter(self.things(kind)), None)

    def roles(self) -> list[str]:
        return sorted({c.name.split(":", 1)[1] for c in self.concepts if c.name.startswith("role:")})

    def leftover_text(self) -> str:
        """The words that named nothing known, as typed, in a row."""
        return " ".join(self.toks[i].text for i in self.leftover)

    def word_at(self, i: int) -> str:
        return self.toks[i].word if 0 <= i < len(self.toks) else ""


def normalise(question: str) -> str:
    return " ".join(question.split()).strip().rstrip("?!. ").strip()


def split_plan(text: str) -> tuple[str, str | None]:
    m = _PLAN.search(text)
    if not m:
        return text, None
    return text[:m.start()].strip(), m.group("plan").strip().strip("”“\"'")


def read(store: GraphStore | None, question: str, plan_split: bool = True) -> Parse:
    """The parts of a question; without a store, no names are looked up in the graph."""
    text = normalise(question or "")[:MAX_QUESTION]
    text, plan = split_plan(text) if plan_split else (text, None)
    toks = tokens(text)
    found = numbered(toks) + marked(text, toks)
    taken = {i for f in found for i in range(f.first, f.last)}
    concepts = _phrases(toks, taken)
    taken |= {i for c in concepts for i in range(c.first, c.last)}
    free = set(range(len(toks))) - taken
    people = people_named(store, toks, free) if store is not None else []
    found += people
    free -= {i for f in people for i in range(f.first, f.last)}
    named_bodies = bodies_named(store, toks, free) if store is not None else []
    found += named_bodies
    free -= {i for f in named_bodies for i in range(f.first, f.last)}
    named_organisations = organisations_named(store, toks, free) if store is not None else []
    found += named_organisations
    free -= {i for f in named_organisations for i in range(f.first, f.last)}
    named_documents = documents_named(store, toks, free) if store is not None else []
    found += named_documents
    free -= {i for f in named_documents for i in f.value["positions"]}
    leftover = []
    for i in sorted(free):
        readings = word_concepts(toks[i].word)
        if capitalised(toks, i):
            readings = tuple(r for r in readings if r[2] == 0)  # a capitalised word with a "typo" is a name
        if readings:
            least = readings[0][2]
            for name, lang, errors in readings:
                if errors == least:
                    concepts.append(Concept(name, i, i + 1, lang, errors))
        elif toks[i].word not in FUNCTION_WORDS:
            leftover.append(i)
    concepts.sort(key=lambda c: (c.first, c.name))
    return Parse(question, text, toks, concepts, found, _language(toks, concepts), plan, leftover)


def _phrases(toks: list[Token], taken: set[int]) -> list[Concept]:
    """Vocabulary phrases (words in a row), the longest first; each word exact or with a typo."""
    out, used = [], set(taken)
    for entry in sorted(phrase_entries(), key=lambda e: -len(e.words)):
        n = len(entry.words)
        for i in range(len(toks) - n + 1):
            if any(j in used for j in range(i, i + n)):
                continue
            errors = 0
            for k, w in enumerate(entry.words):
                e = similar(toks[i + k].word, w, entry.prefix and k == n - 1)
                if e is None:
                    break
                errors += e
            else:
                out.append(Concept(entry.concept, i, i + n, entry.lang, errors))
                used |= set(range(i, i + n))
    return out


def _language(toks: list[Token], concepts: list[Concept]) -> str:
    score = {"sv": 0.0, "en": 0.0}
    by_position: dict[int, set[str]] = {}
    for c in concepts:
        by_position.setdefault(c.first, set()).add(c.lang)
    for langs in by_position.values():
        if len(langs) == 1:
            score[next(iter(langs))] += 1
    for t in toks:
        for lang, hints in _HINTS.items():
            if t.word in hints and t.word not in _HINTS["sv" if lang == "en" else "en"]:
                score[lang] += 0.5
    return "en" if score["en"] > score["sv"] else "sv"
