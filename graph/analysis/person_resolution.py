"""Person resolution: which person nodes of one municipality's documents are one person.

The ingest mints a person per municipality from the name as written, so `Anna Berg` in a
plan and in the minutes of the same municipality already meet at one IRI. What the words
alone miss is weighed here: a name written with an initial (`A. Berg`), with or without a
middle name or initial (`Johan F Lundberg` / `Johan Lundberg`), or the same name under two
spellings of the municipality (`Solviks` / `Solvik`).

A pair is proposed only inside one municipality, between names with the same surname and
compatible first names (block by municipality, surname and first initial: never all pairs).
The name gives a base confidence (`NAME_EVIDENCE`); what else the documents say moves it
(`SUPPORT`): compatible job titles, a body both belong to or met in, the same party, and
documents from close years raise it; conflicting titles, different parties and documents
far apart in time lower it. Each reason is kept with its weight and what it rests on, so
that the confidence can be read as data. A pair at or above `MERGE_THRESHOLD` is one person
(`owl:sameAs` in the resolution graph); below it the two stay apart and are listed as
candidates (`sg:possiblySame`).

People who share only a surname, or whose first names differ, are never proposed; people in
different municipalities (or in documents of no known municipality) never meet; an initial
alone is `NAME_EVIDENCE["initial"]`, well below the threshold, so that it resolves only with
supporting evidence (a compatible title and close years, or a body, a party and close years).
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from styrgraf.graph.analysis.projection import Projection
from styrgraf.graph.analysis.similarity import fold_name

MERGE_THRESHOLD = 0.8
# Below this a pair is not worth listing as a candidate.
CANDIDATE_FLOOR = 0.3
# How far apart (in years) two people's documents may be and still count as close; beyond
# `YEARS_APART` they count against the match.
YEARS_CLOSE = 2
YEARS_APART = 8

# What the names alone say: (confidence, identity without other evidence).
NAME_EVIDENCE = {
    "same-name": 0.95,        # the same name as written, minted under two spellings of the municipality
    "folded-name": 0.9,       # equal once case, diacritics and hyphens are folded
    "middle-name-initial": 0.7,  # `Johan F Lundberg` / `Johan Fredrik Lundberg`
    "middle-initial": 0.6,    # one of the two has a middle name or initial, the other none
    "initial": 0.5,           # `A. Berg` / `Anna Berg`: the first name as an initial
}
# What the documents say besides the names, as weights added to the name's confidence.
SUPPORT = {
    "same-title": 0.2, "conflicting-titles": -0.3,
    "same-body": 0.15,
    "same-party": 0.1, "different-party": -0.6,
    "years-close": 0.1, "years-apart": -0.15,
}
REASON_LABELS = {
    "same-name": ("samma namn", "same name"),
    "folded-name": ("samma namn (skrivsätt)", "same name (spelling)"),
    "middle-name-initial": ("samma namn, mellannamnet som initial", "same name, the middle name as an initial"),
    "middle-initial": ("samma namn, med och utan mellannamn", "same name, with and without a middle name"),
    "initial": ("förnamnet som initial", "first name as an initial"),
    "same-municipality": ("samma kommun", "same municipality"),
    "same-title": ("förenliga titlar", "compatible titles"),
    "conflicting-titles": ("olika titlar", "different titles"),
    "same-body": ("samma organ", "same body"),
    "same-party": ("samma parti", "same party"),
    "different-party": ("olika partier", "different parties"),
    "years-close": ("dokument från närliggande år", "documents from close years"),
    "years-apart": ("dokument långt isär i tid", "documents far apart in time"),
}
_TITLE_STOP = {"och", "for", "i", "av", "med", "tf", "t", "f", "bitr", "biträdande"}


@dataclass(frozen=True)
class Reason:
    code: str
    weight: float
    detail: str = ""  # what it rests on: the titles, the body, the years

    def as_dict(self) -> dict:
        sv, en = REASON_LABELS[self.code]
        return {"code": self.code, "weight": self.weight, "detail": self.detail, "label_sv": sv, "label_en": en}


@dataclass(frozen=True)
class PersonMatch:
    a: str
    b: str
    method: str
    confidence: float
    identity: bool
    reasons: tuple[Reason, ...]


# --- names ---------------------------------------------------------------------------------------------

@lru_cache(maxsize=200_000)  # each name is split for its block and again for each pair it is compared in
def name_parts(name: str) -> tuple[str, tuple[str, ...], str] | None:
    """(first name, middle names, surname), folded; None for a single word."""
    tokens = fold_name(name).split()
    if len(tokens) < 2:
        return None
    return tokens[0], tuple(tokens[1:-1]), tokens[-1]


def compare_names(a: str, b: str) -> str | None:
    """The name evidence two names give (a key of NAME_EVIDENCE), None when they name different people."""
    pa, pb = name_parts(a), name_parts(b)
    if not pa or not pb or pa[2] != pb[2]:
        return None
    (fa, ma, _), (fb, mb, _) = pa, pb
    if fa != fb:
        short, full = (fa, fb) if len(fa) < len(fb) else (fb, fa)
        if len(short) != 1 or not full.startswith(short):
            return None
        # `A. Berg` / `Anna Berg`; a middle name on one side only is still compatible.
        return "initial" if not ma or not mb or ma == mb else None
    if ma == mb:
        return "same-name" if a == b else "folded-name"
    if not ma or not mb:
        return "middle-initial"
    if [m[0] for m in ma] == [m[0] for m in mb] and (all(len(m) == 1 for m in ma) or all(len(m) == 1 for m in mb)):
        return "middle-name-initial"
    return None


# --- what the documents say -----------------------------------------------------------------------------

def _title_words(title: str) -> frozenset[str]:
    return frozenset(w for w in fold_name(title).split() if w not in _TITLE_STOP)


def _titles_compatible(ta: list[str], tb: list[str]) -> tuple[str, str] | None:
    """A title of each that says the same (one's words within the other's), or None."""
    for x in ta:
        for y in tb:
            wx, wy = _title_words(x), _title_words(y)
            if wx and wy and (wx <= wy or wy <= wx):
                return x, y
    return None


def _bodies(p: Projection, iri: str, org_canon: Callable[[str], str]) -> set[str]:
    """The organisations a person belongs to, holds a role in, or met in (resolved organisations)."""
    n = p.node(iri)
    out = {org_canon(b) for b in n.get("bodies", ())}
    out |= {org_canon(o) for o, _d in p.out_edges(iri, "affiliated")}
    for unit, _d in p.out_edges(iri, "member"):
        if p.kind(unit) == "organisation" and not p.node(unit).get("municipality"):
            out.add(org_canon(unit))
    return out


def _years(p: Projection, iri: str) -> set[int]:
    out = set()
    for doc in p.node(iri).get("docs", ()):
        m = re.match(r"((?:19|20)\d{2})", p.node(doc).get("date") or "")
        if m:
            out.add(int(m.group(1)))
    return out


def _span(years: set[int]) -> str:
    return str(min(years)) if len(years) == 1 else f"{min(years)}–{max(years)}"


def support(p: Projection, a: str, b: str, org_canon: Callable[[str], str]) -> list[Reason]:
    """The reasons besides the name for and against a and b being one person."""
    na, nb = p.node(a), p.node(b)
    out: list[Reason] = []
    ta, tb = na.get("titles") or [], nb.get("titles") or []
    if ta and tb:
        same = _titles_compatible(ta, tb)
        out.append(Reason("same-title", SUPPORT["same-title"], f"{same[0]} / {same[1]}") if same
                   else Reason("conflicting-titles", SUPPORT["conflicting-titles"],
                               f"{', '.join(ta)} / {', '.join(tb)}"))
    shared = sorted(_bodies(p, a, org_canon) & _bodies(p, b, org_canon))
    if shared:
        out.append(Reason("same-body", SUPPORT["same-body"], ", ".join(p.label(o) for o in shared)))
    pa, pb = set(na.get("parties") or ()), set(nb.get("parties") or ())
    if pa and pb:
        out.append(Reason("same-party", SUPPORT["same-party"], ", ".join(sorted(pa & pb))) if pa & pb
                   else Reason("different-party", SUPPORT["different-party"],
                               f"{', '.join(sorted(pa))} / {', '.join(sorted(pb))}"))
    ya, yb = _years(p, a), _years(p, b)
    if ya and yb:
        gap = min(abs(x - y) for x in ya for y in yb)
        span = f"{_span(ya)} / {_span(yb)}"
        if gap <= YEARS_CLOSE:
            out.append(Reason("years-close", SUPPORT["years-close"], span))
        elif gap > YEARS_APART:
            out.append(Reason("years-apart", SUPPORT["years-apart"], span))
    return out


def score(p: Projection, a: str, b: str, org_canon: Callable[[str], str]) -> PersonMatch | None:
    """The match of two person nodes of one municipality, with its reasons, or None."""
    na, nb = p.node(a).get("name") or "", p.node(b).get("name") or ""
    method = compare_names(na, nb)
    if method is None:
        return None
    base = NAME_EVIDENCE[method]
    reasons = (Reason(method, base, f"{na} / {nb}"), Reason("same-municipality", 0.0, p.scope(a)),
               *support(p, a, b, org_canon))
    confidence = round(min(0.99, max(0.0, base + sum(r.weight for r in reasons[2:]))), 2)
    if confidence < CANDIDATE_FLOOR:
        return None
    return PersonMatch(a, b, method, confidence, confidence >= MERGE_THRESHOLD, reasons)


def person_matches(p: Projection, org_canon: Callable[[str], str] = lambda o: o) -> list[PersonMatch]:
    """Every proposed identity of two person nodes, blocked by municipality, surname and first initial."""
    blocks: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for iri in p.of_kind("person"):
        parts = name_parts(p.node(iri).get("name") or "")
        if parts and p.scope(iri) != "okand":  # no municipality: nothing to say two such people are one
            blocks[(p.scope(iri), parts[2], parts[0][0])].append(iri)
    out = []
    for members in blocks.values():
        members.sort()
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                found = score(p, a, b, org_canon)
                if found:
                    out.append(found)
    return out
