"""Entity references as data: `{type, id, iri, ...}` objects and their evidence.

IRIs are minted by `ingest.identity.Minter` as `{base}{kind}/{slug}`; the slug is
the entity's short stable id (unique across kinds, since it carries the
document key or the municipality). Answers refer to entities with these
objects so that clients never parse labels.
"""
from __future__ import annotations

import re
from collections import defaultdict

from styrgraf.ingest.identity import base_iri
from styrgraf.ontology.terms import sparql_prefixes

from styrgraf.graph.store.interface import GraphStore

# IRI kind segment -> public type name.
KIND_TO_TYPE = {
    "doc": "document", "project": "project", "subproject": "subproject", "intention": "intention",
    "decision": "decision", "decisionpoint": "decision_point", "person": "person", "org": "organisation",
    "work": "work", "milestone": "milestone", "appendix": "appendix", "page": "page", "coverage": "coverage",
    "membership": "membership", "consideration": "consideration", "finding": "finding", "related": "related_document",
    "scopelimit": "scope_limit", "methodstep": "method_step", "intentions": "intention_scheme", "graph": "graph",
    "meeting": "meeting", "paragraph": "paragraph", "participation": "participation", "reservation": "reservation",
}
TYPE_TO_KIND = {v: k for k, v in KIND_TO_TYPE.items()}


def parse_iri(iri: str, base: str | None = None) -> tuple[str, str] | None:
    """(type, id) of an entity IRI minted under the base, or None."""
    base = base or base_iri()
    if not iri.startswith(base):
        return None
    rest = iri[len(base):]
    kind, _, slug = rest.partition("/")
    if not slug or kind not in KIND_TO_TYPE:
        return None
    return KIND_TO_TYPE[kind], slug


def entity_id(iri: str) -> str:
    parsed = parse_iri(iri)
    return parsed[1] if parsed else iri


def entity_type(iri: str) -> str | None:
    parsed = parse_iri(iri)
    return parsed[0] if parsed else None


def iri_candidates(entity: str, types: tuple[str, ...] | None = None) -> list[str]:
    """IRIs an id may stand for (an IRI is returned as is)."""
    if "://" in entity:
        return [entity]
    base = base_iri()
    kinds = [TYPE_TO_KIND[t] for t in types] if types else list(KIND_TO_TYPE)
    return [f"{base}{k}/{entity}" for k in kinds]


# What a client's id or IRI may contain to be used inside `<…>` in SPARQL: ASCII IRI characters,
# `%` only as a percent escape, and no `[`/`]` (the SPARQL parser refuses them outside an IPv6
# host, which no entity IRI has), so that such an id is unknown (404) rather than a bad query.
_SAFE_REF = re.compile(r"(?:[A-Za-z0-9._~:/?#@!$&'()*+,;=-]|%[0-9A-Fa-f]{2})+")
MAX_REF_LENGTH = 500


def safe_ref(ref: str | None) -> bool:
    """Whether an id or IRI from a client may be used inside `<…>` in SPARQL."""
    return bool(ref) and len(ref) <= MAX_REF_LENGTH and _SAFE_REF.fullmatch(ref) is not None


def resolve(store: GraphStore, entity: str, types: tuple[str, ...] | None = None) -> str | None:
    """The IRI of the stored entity with this id (or IRI), or None; unsafe text never reaches SPARQL."""
    if not safe_ref(entity):
        return None
    cands = iri_candidates(entity, types)
    values = " ".join(f"<{c}>" for c in cands if "<" not in c and ">" not in c and " " not in c)
    if not values:
        return None
    rows = store.select(f"SELECT ?s WHERE {{ VALUES ?s {{ {values} }} ?s ?p ?o }} LIMIT 1")
    return str(rows[0]["s"]) if rows else None


def evidence_for(store: GraphStore, iris: list[str]) -> dict[str, list[dict]]:
    """Evidence records of each entity: `{document: {id, iri, title}, page, start, end, quote}`."""
    out: dict[str, list[dict]] = defaultdict(list)
    clean = [i for i in dict.fromkeys(iris) if i and "<" not in i and ">" not in i and " " not in i]
    # Small batches: a VALUES block of hundreds of IRIs makes the join much slower.
    for chunk_start in range(0, len(clean), 40):
        chunk = clean[chunk_start:chunk_start + 40]
        values = " ".join(f"<{i}>" for i in chunk)
        rows = store.select(sparql_prefixes() + f"""
            SELECT ?e ?prop ?n ?start ?end ?quote ?doc ?title WHERE {{
              VALUES ?e {{ {values} }}
              ?ev oa:hasBody ?e ; oa:hasTarget ?t .
              OPTIONAL {{ ?ev sg:property ?prop }}
              ?t oa:hasSource ?page ; oa:hasSelector ?q, ?p .
              ?q oa:exact ?quote . ?p oa:start ?start ; oa:end ?end .
              ?page sg:pageNumber ?n ; dcterms:isPartOf ?doc .
              OPTIONAL {{ ?doc dcterms:title ?title }}
            }}""")
        for r in rows:
            doc = str(r["doc"])
            out[str(r["e"])].append({
                "document": {"type": "document", "id": entity_id(doc), "iri": doc,
                             "title": str(r["title"]) if r.get("title") else None},
                "page": int(r["n"]), "start": int(r["start"]), "end": int(r["end"]), "quote": str(r["quote"]),
                "property": str(r["prop"]).rsplit("#", 1)[-1].rsplit("/", 1)[-1] if r.get("prop") else None,
            })
    for items in out.values():
        items.sort(key=lambda e: (e["document"]["iri"], e["page"], e["start"]))
    return out
