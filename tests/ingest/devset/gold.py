"""The gold of a document, field by field, derived from its DocSpec.

Every field is a set of values; composite values join their parts with ` | ` (`2 | Anna Berg`:
subproject 2's leader). `partial` names fields whose gold lists only some of the true values
(the seed's tests assert subsets): there a value outside the gold is not counted as spurious.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from tests.ingest.devset.model import DocSpec

FIELDS = ("title", "date", "dnr", "municipality", "kind", "people", "roles", "decisions", "goals",
          "goal_labels", "subprojects", "subproject_leaders", "subproject_members", "subproject_goals",
          "considerations")
# Strategies' own fields (tests/ingest/devset/strategies.py).
FIELDS += ("adoption_body", "adoption_date", "adoption_paragraph", "validity", "owner", "revisions",
           "goal_areas", "area_goals", "area_strategies", "measures", "indicators")


def key(*parts) -> str:
    return " | ".join("" if p is None else str(p) for p in parts)


@dataclass
class Gold:
    values: dict[str, set[str]]
    partial: set[str] = field(default_factory=set)


def gold_of(spec: DocSpec) -> Gold:
    v: dict[str, set[str]] = {f: set() for f in FIELDS}
    v["title"] = {spec.title}
    v["date"] = {spec.date}
    v["dnr"] = set(spec.dnrs) | {d.dnr for d in spec.decisions if d.dnr}
    v["municipality"] = {spec.municipality}
    v["kind"] = {spec.kind}
    for r in spec.roles:
        v["people"].add(r.person.name)
        v["roles"].add(key(r.person.name, r.role))
    sig = spec.extras.get("signatory")
    if sig:
        v["people"].add(sig.name)
        v["roles"].add(key(sig.name, "signatory"))
    v["decisions"] = {key(d.date, d.body) for d in spec.decisions}
    v["goals"] = {key(g.label, g.text) for g in spec.goals}
    v["goal_labels"] = {g.label for g in spec.goals}
    for sp in spec.subprojects:
        v["subprojects"].add(key(sp.number, sp.title))
        for p in sp.leaders:
            v["people"].add(p.name)
            v["subproject_leaders"].add(key(sp.number, p.name))
        for p in sp.members:
            v["people"].add(p.name)
            v["subproject_members"].add(key(sp.number, p.name))
        v["subproject_goals"] |= {key(sp.number, g) for g in sp.goals}
        v["considerations"] |= {key(sp.number, w) for w in sp.considers}
    from tests.ingest.devset.strategies import strategy_values
    v.update(strategy_values(spec))
    return Gold(v)


def verbatim_values(spec: DocSpec) -> list[str]:
    """The gold's words that the document's text must contain as written."""
    g = gold_of(spec).values
    out = [spec.title, spec.date, spec.municipality, *spec.dnrs]
    out += sorted(g["people"])
    out += [d.date for d in spec.decisions] + [d.body for d in spec.decisions] + [d.dnr for d in spec.decisions if d.dnr]
    out += [gl.text for gl in spec.goals]
    for sp in spec.subprojects:
        out += [sp.title, *sp.considers]
    return out
