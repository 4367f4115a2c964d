"""Scoring an extraction against gold, field by field: pure functions, no store, no I/O.

An extraction is, per field, a list of items; each item is a tuple of alternative keys (an
intention may be named by its letter or its number, a body by its name or abbreviation): the
item matches a gold value when any alternative does. Values are compared normalised (case,
whitespace, dashes, surrounding punctuation). A refused document is an empty extraction, so all
its gold is missed.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from tests.ingest.devset.gold import FIELDS, Gold
from tests.ingest.devset.minutes import MINUTES_FIELDS

# Every field the harness scores; a document is judged on the fields its gold has values for.
SCORED_FIELDS = FIELDS + MINUTES_FIELDS

_DASHES = re.compile("[\u2010\u2011\u2012\u2013\u2014\u2212]")
_SPACE = re.compile(r"\s+")
_EDGE = " .,:;\u00a0"


def normalise(value: str) -> str:
    """Case-folded, NFC, one kind of dash, single spaces, no punctuation at the ends of any part."""
    text = unicodedata.normalize("NFC", str(value))
    text = _SPACE.sub(" ", _DASHES.sub("-", text)).casefold()
    return " | ".join(part.strip(_EDGE) for part in text.split("|"))


@dataclass
class DocScore:
    """One document's one field: matched, missing and spurious values as written."""

    tp: int = 0
    missing: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)


def score_field(gold: set[str], extracted: list[tuple[str, ...]], partial: bool = False) -> DocScore:
    wanted = {normalise(g): g for g in gold}
    left = dict(wanted)
    out = DocScore()
    seen: set[str] = set()
    for item in extracted:
        alts = [normalise(a) for a in item if a is not None]
        if not alts or any(a in seen for a in alts):
            continue  # the same value twice is one value
        seen.update(alts)
        hit = next((a for a in alts if a in left), None)
        if hit is not None:
            out.tp += 1
            del left[hit]
        elif not any(a in wanted for a in alts) and not partial:
            out.spurious.append(item[0])
    out.missing = sorted(left.values())
    return out


@dataclass
class FieldScore:
    field: str
    tp: int = 0
    gold: int = 0
    extracted: int = 0
    misses: list[tuple[str, str, str]] = field(default_factory=list)  # (document, "missing"|"spurious", value)

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.tp / self.extracted if self.extracted else 1.0

    @property
    def f1(self) -> float:
        r, p = self.recall, self.precision
        return 2 * r * p / (r + p) if r + p else 0.0

    def as_dict(self) -> dict:
        return {"field": self.field, "recall": round(self.recall, 4), "precision": round(self.precision, 4),
                "f1": round(self.f1, 4), "tp": self.tp, "gold": self.gold, "extracted": self.extracted,
                "misses": [{"document": d, "kind": k, "value": v} for d, k, v in self.misses]}


def score_documents(docs: list[tuple[str, Gold, dict[str, list[tuple[str, ...]]]]]) -> dict[str, FieldScore]:
    """Per field over all documents: (name, gold, extraction) triples in, FieldScores out."""
    scores = {f: FieldScore(f) for f in SCORED_FIELDS}
    for name, gold, extraction in docs:
        for f in SCORED_FIELDS:
            if f not in gold.values:
                continue  # a field this document's gold does not cover (a plan's gold has no minutes fields)
            s = score_field(gold.values.get(f, set()), extraction.get(f, []), f in gold.partial)
            fs = scores[f]
            fs.tp += s.tp
            fs.gold += s.tp + len(s.missing)
            fs.extracted += s.tp + len(s.spurious)
            fs.misses += [(name, "missing", v) for v in s.missing] + [(name, "spurious", v) for v in s.spurious]
    return scores


def below(scores: dict[str, FieldScore], recall: float, precision: float) -> list[str]:
    """Fields under the targets (fields with no gold and nothing extracted are not judged)."""
    return [f for f, s in scores.items() if (s.gold or s.extracted) and (s.recall < recall or s.precision < precision)]
