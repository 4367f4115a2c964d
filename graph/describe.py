"""Entity objects for answers: `{type, id, iri, ...}`, built in batched queries.

Answers refer to entities by these objects (see docs/api-conventions.md), so
that clients never parse labels. `describe(store, iris)` fetches the summary
properties of the given entities, of the entities they point to (a
subproject's project, a decision's body, a milestone's owner) and of theirs:
one query per level and per CHUNK entities, whatever the kinds of entity.
`evidence(store, iris)` is `graph.entities.evidence_for` in chunks, and
`resolve_ref` turns a client's id into an IRI without letting any other text
reach a query.
"""
from __future__ import annotations

from collections import defaultdict

from styrgraf.ontology.terms import DCTERMS, FOAF, ORG, PROV, RDF, RDFS, SG, SKOS, TIME

from styrgraf.graph.entities import entity_id, entity_type, evidence_for, iri_candidates, resolve, safe_ref
from styrgraf.graph.store.interface import GraphStore

# What an id or IRI from a client may contain to be written inside `<…>` in
# SPARQL: minted ids are ASCII slugs and IRIs ASCII (`ingest.identity`), so
# anything else can never name a stored entity and is refused before it
# reaches a query (Oxigraph's IRI parser rejects some non-ASCII code points).

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


# Oxigraph 0.5 plans joins under a large VALUES block badly (a scan of each
# pattern's predicate; two VALUES variables even as a cross product: measured
# on a 900k-triple store, 30 entities through the evidence join 12 ms, 300 at
# once 2 s), while a pattern with a bound subject stays an index lookup. So
# batched queries take at most CHUNK entities at a time, and constant IRIs are
# written into the patterns where one entity is asked about.
CHUNK = 40


def _chunks(items: list[str]):
    for start in range(0, len(items), CHUNK):
        yield items[start:start + CHUNK]


def properties(store: GraphStore, subjects, predicates=None) -> dict[str, dict[str, list]]:
    """The properties of the subjects (all, or only the given predicates)."""
    out: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    subjects = [s for s in dict.fromkeys(str(s) for s in subjects if s) if safe_ref(s)]
    # Filtering the predicates inside the query (not with VALUES, see CHUNK) halves the
    # cost: most of it is turning result rows into Python terms.
    where = f"FILTER(?p IN ({', '.join(f'<{p}>' for p in predicates)}))" if predicates else ""
    for chunk in _chunks(subjects):
        for r in store.select(f"SELECT ?s ?p ?o WHERE {{ VALUES ?s {{ {iri_values(chunk)} }} ?s ?p ?o {where} }}"):
            out[str(r["s"])][str(r["p"])].append(r["o"])
    return out


def describe(store: GraphStore, iris) -> Described:
    """Summary properties of the entities (and of the entities they refer to, two levels deep).

    One query per level (per CHUNK entities), each fetching every property of
    the level's entities; the summary properties are kept here.
    """
    wanted = [i for i in dict.fromkeys(str(i) for i in iris if i) if safe_ref(i)]
    props: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    refs = {str(p) for p in _REFS}
    value = str(RDF.value)
    level = wanted
    for _depth in range(3):
        if not level:
            break
        found: list[str] = []
        wanted_props = _PROPS + ((RDF.value,) if any(entity_type(e) in _VALUE_TYPES for e in level) else ())
        for e, eprops in properties(store, level, wanted_props).items():
            for p, values in eprops.items():
                if p != value or entity_type(e) in _VALUE_TYPES:
                    props[e][p] += values
                    if p in refs:
                        found += [str(v) for v in values]
        level = [i for i in dict.fromkeys(found) if i not in props and safe_ref(i)]
    for p in props.values():
        for values in p.values():
            # Deterministic choice when a property has several values.
            values.sort(key=str)
    return Described(props)


def evidence(store: GraphStore, iris) -> dict[str, list[dict]]:
    """`graph.entities.evidence_for`, CHUNK entities per query (its cost grows faster than
    linearly with the size of its VALUES block: 300 entities at once took 2 s)."""
    wanted = [i for i in dict.fromkeys(str(i) for i in iris if i) if safe_ref(i)]
    out: dict[str, list[dict]] = defaultdict(list)
    for chunk in _chunks(wanted):
        out.update(evidence_for(store, chunk))
    return out
