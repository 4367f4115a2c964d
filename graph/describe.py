"""Entity objects for answers: `{type, id, iri, ...}` built in one batched query.

Answers refer to entities by these objects (see notes/API_CONVENTIONS.md), so
that clients never parse labels. `describe(store, iris)` fetches the summary
properties of the given entities, of the entities they point to (a
subproject's project, a decision's body, a milestone's owner) and of theirs,
with a single SPARQL query, whatever the number of entities.
"""
from __future__ import annotations

import re
from collections import defaultdict

from ontology.terms import DCTERMS, FOAF, ORG, PROV, RDF, RDFS, SG, SKOS, TIME, sparql_prefixes

from .entities import entity_id, entity_type, iri_candidates, resolve
from .store import GraphStore

# Characters that may not appear inside a SPARQL IRIREF (and white space):
# an id containing one can never name a stored entity, so it is refused
# before it reaches a query.
_UNSAFE_IRI = re.compile(r'[<>"{}|^`\\\x00-\x20\x7f]')
MAX_REF_LENGTH = 500

# Predicates whose value is another entity worth nesting in the object.
_REFS = (ORG.subOrganizationOf, PROV.wasAssociatedWith, SG.milestoneOf, DCTERMS.isPartOf)
_PROPS = (
    RDF.type, DCTERMS.title, FOAF.name, SKOS.prefLabel, SG.abbreviation, RDFS.label, SG.number, SG.letter,
    SKOS.definition, DCTERMS.date, SG.dateText, SG.dateValid, SG.yearInferred, TIME.inXSDDate,
    TIME.inXSDgYearMonth, DCTERMS.identifier, SG.decisionKind, DCTERMS.description, RDFS.comment, SG.order,
) + _REFS
# rdf:value is the text of scope limits, method steps and decision points, but
# also the whole text of a page: fetched only for the kinds that need it.
_VALUE_TYPES = {"scope_limit", "method_step", "decision_point"}

WORK_KINDS = {
    SG.Investigation: "investigation", SG.ReferencedProject: "project", SG.Process: "process",
    SG.Plan: "plan", SG.ReferencedDecision: "decision",
}


def safe_ref(ref: str | None) -> bool:
    """Whether an id or IRI from a client may be used inside `<…>` in SPARQL."""
    return bool(ref) and len(ref) <= MAX_REF_LENGTH and not _UNSAFE_IRI.search(ref)


# Ids are unique within a kind but not across kinds (subproject 1 and appendix 1
# of a plan share their slug): an id given without a type names the first of
# these kinds that holds it.
TYPE_PRIORITY = (
    "subproject", "decision", "intention", "project", "document", "person", "organisation", "work",
    "milestone", "appendix", "decision_point", "scope_limit", "method_step", "coverage", "consideration",
    "membership", "related_document", "finding", "page", "intention_scheme", "graph",
)


def resolve_ref(store: GraphStore, ref: str | None, types: tuple[str, ...] | None = None) -> str | None:
    """The stored entity an id (or IRI) names, or None; unsafe text never reaches SPARQL."""
    if not safe_ref(ref):
        return None
    if types is not None and len(types) == 1:
        return resolve(store, ref, types)
    candidates = iri_candidates(ref, types)
    rows = store.select(f"SELECT DISTINCT ?s WHERE {{ VALUES ?s {{ {iri_values(candidates)} }} ?s ?p ?o }}")
    found = {str(r["s"]) for r in rows}
    if not found:
        return None
    rank = {t: i for i, t in enumerate(TYPE_PRIORITY)}
    return min(found, key=lambda i: (rank.get(entity_type(i) or "", len(rank)), i))


def iri_values(iris) -> str:
    """A VALUES body of IRIs (all come from the store or from `resolve_ref`)."""
    return " ".join(f"<{i}>" for i in dict.fromkeys(iris) if safe_ref(i))


def text(term) -> str | None:
    return None if term is None else str(term)


def integer(term) -> int | None:
    if term is None:
        return None
    try:
        return int(str(term))
    except ValueError:
        return None


def boolean(term) -> bool | None:
    return None if term is None else str(term).lower() in ("true", "1")


class Described:
    """The fetched properties of a set of entities, and their objects."""

    def __init__(self, props: dict[str, dict[str, list]]):
        self.props = props
        self._cache: dict[str, dict] = {}

    def first(self, iri: str, prop) -> object | None:
        values = self.props.get(iri, {}).get(str(prop))
        return values[0] if values else None

    def all(self, iri: str, prop) -> list:
        return self.props.get(iri, {}).get(str(prop), [])

    def get(self, iri: str | None) -> dict | None:
        if iri is None:
            return None
        if iri not in self._cache:
            self._cache[iri] = self._build(iri, depth=2)
        return dict(self._cache[iri])

    def __getitem__(self, iri: str) -> dict:
        return self.get(iri)  # type: ignore[return-value]

    def _ref(self, iri: str, prop, depth: int) -> dict | None:
        target = self.first(iri, prop)
        if target is None:
            return None
        return self._build(str(target), depth - 1) if depth > 0 else self._base(str(target))

    @staticmethod
    def _base(iri: str) -> dict:
        return {"type": entity_type(iri) or "entity", "id": entity_id(iri), "iri": iri}

    def _date(self, iri: str) -> tuple[str | None, str | None, bool | None]:
        value = self.first(iri, DCTERMS.date) or self.first(iri, TIME.inXSDDate) or self.first(iri, TIME.inXSDgYearMonth)
        return text(value), text(self.first(iri, SG.dateText)), boolean(self.first(iri, SG.dateValid))

    def _build(self, iri: str, depth: int) -> dict:
        obj = self._base(iri)
        kind = obj["type"]
        title = text(self.first(iri, DCTERMS.title))
        if kind in ("document", "project", "related_document"):
            obj["title"] = title
        elif kind == "subproject":
            obj.update(number=integer(self.first(iri, SG.number)), title=title,
                       project=self._ref(iri, ORG.subOrganizationOf, depth))
        elif kind == "person":
            obj["name"] = text(self.first(iri, FOAF.name))
        elif kind == "organisation":
            obj.update(name=text(self.first(iri, SKOS.prefLabel)), abbreviation=text(self.first(iri, SG.abbreviation)))
        elif kind == "intention":
            obj.update(number=integer(self.first(iri, SG.number)), letter=text(self.first(iri, SG.letter)),
                       text=text(self.first(iri, SKOS.definition)))
        elif kind == "decision":
            date, date_text, _ = self._date(iri)
            decision_kind = self.first(iri, SG.decisionKind)
            obj.update(date=date or date_text, body=self._ref(iri, PROV.wasAssociatedWith, depth),
                       identifier=text(self.first(iri, DCTERMS.identifier)),
                       kind=str(decision_kind).rsplit("decision-", 1)[-1] if decision_kind else None)
        elif kind == "work":
            types = set(self.all(iri, RDF.type))
            work_kind = next((k for cls, k in WORK_KINDS.items() if cls in types), "other")
            obj.update(title=title, kind=work_kind, identifier=text(self.first(iri, DCTERMS.identifier)))
        elif kind == "milestone":
            date, date_text, valid = self._date(iri)
            precision = "month" if self.first(iri, TIME.inXSDgYearMonth) is not None else "day"
            obj.update(label=text(self.first(iri, RDFS.label)), date=date, date_text=date_text, valid=valid,
                       precision=precision, year_inferred=bool(boolean(self.first(iri, SG.yearInferred))),
                       of=self._ref(iri, SG.milestoneOf, depth))
        elif kind == "appendix":
            date, date_text, _ = self._date(iri)
            obj.update(number=integer(self.first(iri, SG.number)), title=title, date=date or date_text,
                       document=self._ref(iri, DCTERMS.isPartOf, 0))
        elif kind in _VALUE_TYPES:
            number = self.first(iri, SG.number) if kind == "decision_point" else self.first(iri, SG.order)
            obj.update(number=integer(number), text=text(self.first(iri, RDF.value)))
        elif kind == "finding":
            obj["message"] = text(self.first(iri, RDFS.comment))
        else:
            label = title or self.first(iri, RDFS.label) or self.first(iri, SKOS.prefLabel) or self.first(iri, FOAF.name)
            obj["label"] = text(label)
        return obj


def describe(store: GraphStore, iris) -> Described:
    """Summary properties of the entities (and of the entities they refer to, two levels deep)."""
    wanted = [i for i in dict.fromkeys(str(i) for i in iris if i) if safe_ref(i)]
    props: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    if wanted:
        refs = "|".join(f"<{p}>" for p in _REFS)
        preds = " ".join(f"<{p}>" for p in _PROPS)
        value_iris = [i for i in wanted if entity_type(i) in _VALUE_TYPES]
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            rows = store.select(sparql_prefixes() + f"""
                SELECT DISTINCT ?y ?p ?o WHERE {{
                  VALUES ?e {{ {iri_values(chunk)} }}
                  ?e ({refs})? ?x . ?x ({refs})? ?y .
                  VALUES ?p {{ {preds} }}
                  ?y ?p ?o
                }}""")
            for r in rows:
                props[str(r["y"])][str(r["p"])].append(r["o"])
        if value_iris:
            rows = store.select(f"SELECT ?e ?o WHERE {{ VALUES ?e {{ {iri_values(value_iris)} }} ?e <{RDF.value}> ?o }}")
            for r in rows:
                props[str(r["e"])][str(RDF.value)].append(r["o"])
    for p in props.values():
        for values in p.values():
            # Deterministic choice when a property has several values.
            values.sort(key=str)
    return Described(props)
