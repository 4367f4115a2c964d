"""The read side of strategies, policies and programmes: their own parts, as plain data.

`ingest.rdf_strategies` writes on the document who adopted it, when and under which paragraph,
its validity and its owner, and beside it the revisions and the goal areas with their goals,
strategies, measures and indicators. Each fact comes with the evidence written for its property
(`sg:property` of the annotation), so that the adoption date is quoted from the date and not
from the whole adoption note.

A document is read in a few batched queries whatever its size; client text never enters a query
(the id goes through `queries.require`).
"""
from __future__ import annotations

from styrgraf.ontology.terms import DCTERMS, SG

from styrgraf.graph.describe import boolean, describe, evidence, integer, properties, text
from styrgraf.graph.queries import NotFound, require
from styrgraf.graph.store.interface import GraphStore

# (answer key, property from an area or the document to its items)
ITEM_LISTS = (("goals", SG.hasGoal), ("strategies", SG.hasApproach), ("measures", SG.hasMeasure),
              ("indicators", SG.hasIndicator))
_OWN = (SG.adoptedBy, SG.adoptionDate, SG.adoptedInParagraph, SG.adoptionDecision, SG.validFrom, SG.validUntil,
        SG.validUntilFurtherNotice, SG.documentOwner, SG.documentOwnerText, SG.revision, SG.goalArea,
        SG.hasApproach, SG.hasMeasure, SG.hasIndicator)


def _first(props: dict, prop):
    values = sorted(props.get(str(prop), []), key=str)
    return values[0] if values else None


def _all(props: dict, prop) -> list[str]:
    return sorted(dict.fromkeys(str(v) for v in props.get(str(prop), [])))


def _of(items: list[dict], prop: str | None) -> list[dict]:
    return [e for e in items if e.get("property") == prop]


def _ordered(iris: list[str], props: dict) -> list[str]:
    return sorted(iris, key=lambda i: (integer(_first(props.get(i, {}), SG.order)) or 0, i))


def strategy(store: GraphStore, ref: str) -> dict:
    """The strategy parts of the document `ref` names; NotFound when there is no such document
    or it states none of them (no adoption, validity, owner, revision or goal area)."""
    doc = require(store, ref, ("document",))
    found = document_strategy(store, doc)
    if found is None:
        raise NotFound.of("document.no_strategy_parts", ref=ref)
    return found


def document_strategy(store: GraphStore, doc: str) -> dict | None:
    """As `strategy`, for a stored document IRI; None when the document states no strategy parts."""
    dp = properties(store, [doc], _OWN).get(doc, {})
    if not dp:
        return None
    revisions = _all(dp, SG.revision)
    areas = _all(dp, SG.goalArea)
    ap = properties(store, revisions + areas)
    revisions, areas = _ordered(revisions, ap), _ordered(areas, ap)
    items = [i for owner in [dp] + [ap.get(a, {}) for a in areas] for _, prop in ITEM_LISTS for i in _all(owner, prop)]
    ip = properties(store, items, (DCTERMS.description, SG.order))
    refs = [str(x) for p in (SG.adoptedBy, SG.adoptionDecision, SG.documentOwner) for x in _all(dp, p)]
    d = describe(store, [doc] + refs)
    ev = evidence(store, [doc] + revisions + areas + items)
    dev = ev.get(doc, [])

    def listed(owner: dict) -> dict[str, list[dict]]:
        return {key: [{"text": text(_first(ip.get(i, {}), DCTERMS.description)), "iri": i, "evidence": ev.get(i, [])}
                      for i in _ordered(_all(owner, prop), ip)] for key, prop in ITEM_LISTS}

    owner_text = _first(dp, SG.documentOwnerText)
    owner_person = _first(dp, SG.documentOwner)
    return {
        "type": "strategy", "document": d.get(doc),
        "adoption": _adoption(dp, d, dev),
        "validity": _validity(dp, dev),
        "owner": None if owner_text is None else {
            "text": str(owner_text), "person": d.get(str(owner_person)) if owner_person is not None else None,
            "evidence": _of(dev, "documentOwnerText")},
        "revisions": [{"iri": r, "version": text(_first(ap.get(r, {}), SG.version)),
                       "date": text(_first(ap.get(r, {}), DCTERMS.date)) or text(_first(ap.get(r, {}), SG.dateText)),
                       "change": text(_first(ap.get(r, {}), DCTERMS.description)), "evidence": ev.get(r, [])}
                      for r in revisions],
        "goal_areas": [{"iri": a, "number": integer(_first(ap.get(a, {}), SG.number)),
                        "word": text(_first(ap.get(a, {}), SG.areaWord)),
                        "title": text(_first(ap.get(a, {}), DCTERMS.title)), "evidence": ev.get(a, []),
                        **listed(ap.get(a, {}))} for a in areas],
        "general": {k: v for k, v in listed(dp).items() if k != "goals"},
    }


def _adoption(dp: dict, d, dev: list[dict]) -> dict | None:
    if all(_first(dp, p) is None for p in (SG.adoptedBy, SG.adoptionDate, SG.adoptedInParagraph)):
        return None
    body, decision = _first(dp, SG.adoptedBy), _first(dp, SG.adoptionDecision)
    return {
        "body": d.get(str(body)) if body is not None else None,
        "date": text(_first(dp, SG.adoptionDate)), "paragraph": text(_first(dp, SG.adoptedInParagraph)),
        "decision": d.get(str(decision)) if decision is not None else None,
        "evidence": _of(dev, "adoptedBy"), "date_evidence": _of(dev, "adoptionDate"),
        "paragraph_evidence": _of(dev, "adoptedInParagraph"),
    }


def _validity(dp: dict, dev: list[dict]) -> dict:
    return {
        "valid_from": text(_first(dp, SG.validFrom)), "valid_from_evidence": _of(dev, "validFrom"),
        "valid_until": text(_first(dp, SG.validUntil)), "valid_until_evidence": _of(dev, "validUntil"),
        "until_further_notice": bool(boolean(_first(dp, SG.validUntilFurtherNotice))),
        "until_further_notice_evidence": _of(dev, "validUntilFurtherNotice"),
    }
