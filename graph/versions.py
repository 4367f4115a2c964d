"""Versions of a document: which are stored, and what changed between two of them.

A document's versions share its municipality, case number and title (`ingest.identity.
version_series_key`); each points to that series with `dcterms:isVersionOf`. A version dated
anew has a document key of its own anyway; a file with the key of a stored document but other
text (not a re-saved copy: the page text differs) becomes a later version with IRIs of its own
(`…-version-2`, `graph.version_placement`), so both stay queryable. The versions are ordered by document date, then by the
order they were first ingested in.

The diff compares two versions by what their entities are, not by their IRIs (every version
mints its own): subprojects by number, intentions by number, people's roles by name, role and
subproject, decisions by date and body. A fact whose key is in one version only is added or
removed; a key in both with other values is changed.
"""
from __future__ import annotations

from dataclasses import dataclass

from styrgraf.ontology.terms import sparql_prefixes

from styrgraf.graph.describe import evidence, text
from styrgraf.graph.entities import entity_id
from styrgraf.graph.errors import texts
from styrgraf.graph.queries import NotFound, require
from styrgraf.graph.store.interface import GraphStore
from styrgraf.graph.version_placement import version_number

P = sparql_prefixes()


# -- the versions of a document ------------------------------------------------

class NotVersions(ValueError):
    """Two documents that are not versions of one document (or one document twice)."""

    def __init__(self, message: str, message_en: str):
        super().__init__(message)
        self.message = message
        self.message_en = message_en

    @classmethod
    def of(cls, key: str, **fields: object) -> "NotVersions":
        return cls(*texts(key, **fields))


def versions(store: GraphStore, ref: str) -> dict:
    """The stored versions of the document `ref` names, oldest first, each with the one it revises."""
    doc = require(store, ref, ("document",))
    series = _series(store, doc)
    rows = store.select(P + f"""SELECT ?doc ?g ?title ?identifier ?date ?dateText ?at WHERE {{
        GRAPH ?g {{ ?g sg:about ?doc ; prov:generatedAtTime ?at .
          {f'?doc dcterms:isVersionOf <{series}> .' if series else f'FILTER(?doc = <{doc}>)'}
          OPTIONAL {{ ?doc dcterms:title ?title }} OPTIONAL {{ ?doc dcterms:identifier ?identifier }}
          OPTIONAL {{ ?doc dcterms:date ?date }} OPTIONAL {{ ?doc sg:dateText ?dateText }} }} }}""")
    found: dict[str, dict] = {}
    for r in rows:
        iri = str(r["doc"])
        date = text(r.get("date")) or text(r.get("dateText"))
        found.setdefault(iri, {"type": "document", "id": entity_id(iri), "iri": iri, "graph": str(r["g"]),
                               "title": text(r.get("title")), "identifier": text(r.get("identifier")),
                               "date": date, "ingested_at": str(r["at"])})
    ordered = sorted(found.values(), key=lambda v: (v["date"] or "", version_number(v["graph"]), v["ingested_at"], v["iri"]))
    for number, v in enumerate(ordered, 1):
        v.update(version=number, revision_of=ordered[number - 2]["id"] if number > 1 else None,
                 latest=number == len(ordered), current=v["iri"] == doc)
    return {"document": entity_id(doc), "series": series, "versions": ordered}


def _series(store: GraphStore, doc: str) -> str | None:
    rows = store.select(P + f"SELECT ?s WHERE {{ <{doc}> dcterms:isVersionOf ?s }} ORDER BY ?s LIMIT 1")
    return str(rows[0]["s"]) if rows else None


# -- the diff of two versions --------------------------------------------------

# The kinds of fact compared, in the order a diff lists them, with their labels.
KIND_LABELS = {
    "document": ("dokumentet", "the document"), "subproject": ("delprojekt", "subproject"),
    "intention": ("intention", "intention"), "role": ("roll", "role"), "decision": ("beslut", "decision"),
}


def diff(store: GraphStore, ref: str, from_ref: str) -> dict:
    """What `ref` adds, removes and changes compared with `from_ref`, an earlier or later version."""
    new = require(store, ref, ("document",))
    try:
        old = require(store, from_ref, ("document",))
    except NotFound:
        raise NotFound.of("versions.from_missing", ref=from_ref) from None
    if new == old:
        raise NotVersions.of("versions.same", other=from_ref, ref=ref)
    series_new, series_old = _series(store, new), _series(store, old)
    if series_new is None or series_new != series_old:
        raise NotVersions.of("versions.unrelated", other=from_ref, ref=ref)
    after, before = _facts(store, new), _facts(store, old)
    added = [_item(key, after[key]) for key in _ordered(after.keys() - before.keys())]
    removed = [_item(key, before[key]) for key in _ordered(before.keys() - after.keys())]
    changed = [_change(key, before[key], after[key]) for key in _ordered(after.keys() & before.keys())
               if before[key].values != after[key].values]
    _with_evidence(store, added + removed, changed)
    listed = {v["iri"]: v for v in versions(store, ref)["versions"]}
    return {"document": _version_ref(listed.get(new), new), "from": _version_ref(listed.get(old), old),
            "added": added, "removed": removed, "changed": changed}


@dataclass(frozen=True)
class _Fact:
    iri: str
    values: dict


Key = tuple  # (kind, *the entity's stable key)


def _ordered(keys) -> list[Key]:
    """By kind, then by key, numbers as numbers (subproject 2 before subproject 10)."""
    kinds = list(KIND_LABELS)
    return sorted(keys, key=lambda k: (kinds.index(k[0]), [(0, x, "") if isinstance(x, int) else (1, 0, str(x))
                                                            for x in k[1:]]))


def _facts(store: GraphStore, doc: str) -> dict[Key, _Fact]:
    """A version's comparable facts, read from its own graph only (people's IRIs are shared by
    every document of the municipality; what this version says of them is in its graph)."""
    graph = _graph_of(store, doc)
    roles = _roles(store, graph)
    facts = {("document",): _document_fact(store, graph, doc)}
    facts |= _subprojects(store, graph, roles)
    facts |= _intentions(store, graph)
    facts |= {key: _Fact(iri, {}) for key, iri in roles.items()}
    facts |= _decisions(store, graph)
    return facts


def _graph_of(store: GraphStore, doc: str) -> str:
    rows = store.select(P + f"SELECT ?g WHERE {{ GRAPH ?g {{ ?g sg:about <{doc}> }} }} LIMIT 1")
    if not rows:
        raise NotFound.of("document.no_graph", ref=entity_id(doc))
    return str(rows[0]["g"])


def _select(store: GraphStore, graph: str, patterns: str, variables: str) -> list[dict]:
    return store.select(P + f"SELECT {variables} WHERE {{ GRAPH <{graph}> {{ {patterns} }} }}")


def _document_fact(store: GraphStore, graph: str, doc: str) -> _Fact:
    rows = _select(store, graph, f"""BIND(<{doc}> AS ?doc)
        OPTIONAL {{ ?doc dcterms:title ?title }} OPTIONAL {{ ?doc dcterms:date ?date }}
        OPTIONAL {{ ?doc sg:dateText ?dateText }} OPTIONAL {{ ?doc sg:pageCount ?pages }}
        OPTIONAL {{ ?doc sg:signatory/foaf:name ?signatory }}""", "?title ?date ?dateText ?pages ?signatory")
    r = rows[0] if rows else {}
    return _Fact(doc, {"title": text(r.get("title")), "date": text(r.get("date")) or text(r.get("dateText")),
                       "pages": int(r["pages"]) if r.get("pages") is not None else None,
                       "signatory": text(r.get("signatory"))})


def _roles(store: GraphStore, graph: str) -> dict[Key, str]:
    """People's roles: (\"role\", name, role key, subproject number or 0 for the project or document)."""
    rows = _select(store, graph, """?m a org:Membership ; org:member ?p ; org:role ?role ; org:organization ?u .
        ?p foaf:name ?name . OPTIONAL { ?u a sg:Subproject ; sg:number ?n }""", "?m ?name ?role ?n")
    return {("role", str(r["name"]), str(r["role"]).rsplit("role-", 1)[-1], int(r["n"]) if r.get("n") else 0): str(r["m"])
            for r in rows}


def _subprojects(store: GraphStore, graph: str, roles: dict[Key, str]) -> dict[Key, _Fact]:
    rows = _select(store, graph, """?s a sg:Subproject ; sg:number ?n . OPTIONAL { ?s dcterms:title ?title }
        OPTIONAL { ?s sg:purpose ?purpose } OPTIONAL { ?s sg:addresses/sg:number ?i }""", "?s ?n ?title ?purpose ?i")
    out: dict[Key, _Fact] = {}
    for r in rows:
        n = int(r["n"])
        fact = out.setdefault(("subproject", n), _Fact(str(r["s"]), {
            "title": text(r.get("title")), "purpose": text(r.get("purpose")), "intentions": [],
            "leaders": sorted(name for (_k, name, role, sp) in roles if sp == n and role in LEADER_ROLES)}))
        if r.get("i") is not None and int(r["i"]) not in fact.values["intentions"]:
            fact.values["intentions"].append(int(r["i"]))
    for fact in out.values():
        fact.values["intentions"].sort()
    return out


# The role keys that lead a subproject (`ingest.roles`).
LEADER_ROLES = {"projektledare", "delprojektledare"}


def _intentions(store: GraphStore, graph: str) -> dict[Key, _Fact]:
    rows = _select(store, graph, """?s a sg:Intention ; sg:number ?n . OPTIONAL { ?s sg:letter ?letter }
        OPTIONAL { ?s skos:definition ?text }""", "?s ?n ?letter ?text")
    return {("intention", int(r["n"])): _Fact(str(r["s"]), {"letter": text(r.get("letter")), "text": text(r.get("text"))})
            for r in rows}


def _decisions(store: GraphStore, graph: str) -> dict[Key, _Fact]:
    rows = _select(store, graph, """?d a sg:Decision . OPTIONAL { ?d dcterms:date ?date }
        OPTIONAL { ?d sg:decisionKind ?kind } OPTIONAL { ?d dcterms:description ?text }
        OPTIONAL { ?d prov:wasAssociatedWith ?b . OPTIONAL { ?b skos:prefLabel ?bl } OPTIONAL { ?b foaf:name ?bn } }
        OPTIONAL { ?d sg:hasPoint ?pt . ?pt sg:number ?pn ; rdf:value ?pv }""", "?d ?date ?kind ?text ?bl ?bn ?pn ?pv")
    by_iri: dict[str, dict] = {}
    for r in rows:
        d = by_iri.setdefault(str(r["d"]), {
            "date": text(r.get("date")), "body": text(r.get("bl")) or text(r.get("bn")),
            "kind": str(r["kind"]).rsplit("decision-", 1)[-1] if r.get("kind") else None,
            "text": text(r.get("text")), "points": {}})
        if r.get("pn") is not None:
            d["points"][int(r["pn"])] = text(r.get("pv"))
    out: dict[Key, _Fact] = {}
    for iri, d in sorted(by_iri.items()):
        key: Key = ("decision", d["date"] or "", d["body"] or "")
        if key in out:  # two decisions of one body on one day: told apart by their kind
            key = key + (d["kind"] or "",)
        values = {k: d[k] for k in ("kind", "text")} | {"points": [d["points"][n] for n in sorted(d["points"])]}
        out[key] = _Fact(iri, values)
    return out


def _key_object(key: Key) -> dict:
    kind = key[0]
    names = {"subproject": ("number",), "intention": ("number",), "role": ("person", "role", "subproject"),
             "decision": ("date", "body", "kind")}.get(kind, ())
    return {name: value for name, value in zip(names, key[1:])}


def _label(key: Key, lang: str) -> str:
    sv_en = KIND_LABELS[key[0]]
    word = sv_en[0] if lang == "sv" else sv_en[1]
    k = _key_object(key)
    if key[0] in ("subproject", "intention"):
        return f"{word} {k['number']}"
    if key[0] == "role":
        where = (f"delprojekt {k['subproject']}" if lang == "sv" else f"subproject {k['subproject']}") if k["subproject"] \
            else ("projektet" if lang == "sv" else "the project")
        return f"{k['person']}, {k['role']} ({where})"
    if key[0] == "decision":
        return f"{word} {k['date'] or '-'} {k['body'] or '-'}".rstrip()
    return word


def _item(key: Key, fact: _Fact) -> dict:
    return {"kind": key[0], "key": _key_object(key), "label_sv": _label(key, "sv"), "label_en": _label(key, "en"),
            "entity": {"id": entity_id(fact.iri), "iri": fact.iri}, "values": fact.values}


def _change(key: Key, before: _Fact, after: _Fact) -> dict:
    fields = [{"field": name, "from": before.values.get(name), "to": after.values.get(name)}
              for name in sorted(before.values.keys() | after.values.keys())
              if before.values.get(name) != after.values.get(name)]
    return {"kind": key[0], "key": _key_object(key), "label_sv": _label(key, "sv"), "label_en": _label(key, "en"),
            "entity_from": {"id": entity_id(before.iri), "iri": before.iri},
            "entity": {"id": entity_id(after.iri), "iri": after.iri}, "fields": fields}


def _with_evidence(store: GraphStore, items: list[dict], changes: list[dict]) -> None:
    """Where each compared fact is written, on each side it is on (evidence of its entity)."""
    iris = [i["entity"]["iri"] for i in items] + [c[side]["iri"] for c in changes for side in ("entity_from", "entity")]
    ev = evidence(store, iris)
    for i in items:
        i["evidence"] = ev.get(i["entity"]["iri"], [])
    for c in changes:
        c["evidence_from"] = ev.get(c["entity_from"]["iri"], [])
        c["evidence"] = ev.get(c["entity"]["iri"], [])


def _version_ref(listed: dict | None, iri: str) -> dict:
    if listed is None:
        return {"type": "document", "id": entity_id(iri), "iri": iri}
    return {k: listed[k] for k in ("type", "id", "iri", "title", "identifier", "date", "version")}


__all__ = ["versions", "diff", "NotVersions", "KIND_LABELS"]
