"""The read side of person resolution: who a person is across a municipality's documents.

A person's identity is the cluster the resolution (`graph.analysis.resolution`, people weighed
by `graph.analysis.person_resolution`) joined the person into: every person node written for
it (`Anna Berg`, `Anna K Berg`), the matches that joined them with their confidence and
reasons, the documents each appears in with the roles held there (memberships in plans,
roles and attendance at meetings, each with its evidence), and the candidates kept apart
(matches below the threshold), so that a reader sees why two names are or are not one person.
Asking for any member gives the same identity.
"""
from __future__ import annotations

from collections import defaultdict

from styrgraf.graph.analysis.person_resolution import MERGE_THRESHOLD
from styrgraf.graph.describe import evidence, iri_values, text
from styrgraf.graph.entities import entity_id
from styrgraf.graph.queries import NotFound, _people, _rows, find_people, require, role_object
from styrgraf.graph.store.interface import GraphStore

_PARTICIPATIONS = """
SELECT ?p ?n ?meeting ?doc ?role ?attendance ?body WHERE {{
  VALUES ?p {{ {values} }}
  ?n prov:agent ?p . ?meeting prov:qualifiedAssociation ?n ; dcterms:source ?doc .
  OPTIONAL {{ ?n prov:hadRole ?role }} OPTIONAL {{ ?n sg:attendanceText ?attendance }}
  OPTIONAL {{ ?meeting prov:wasAssociatedWith ?body . ?body a org:Organization }}
}}"""
_PARTIES = "SELECT ?p ?party WHERE {{ VALUES ?p {{ {values} }} ?p sg:party ?party }}"


def _match_obj(p, m) -> dict:
    return {"a": p.person_obj(m.a), "b": p.person_obj(m.b), "method": m.method, "confidence": m.confidence,
            "merged": m.identity, "reasons": [r.as_dict() for r in m.reasons]}


def _document_obj(p, doc: str) -> dict:
    n = p.node(doc)
    return {"type": "document", "id": entity_id(doc), "iri": doc, "title": n.get("title"), "date": n.get("date"),
            "identifier": n.get("identifier")}


def _meeting_roles(store: GraphStore, p, members: list[str]) -> list[tuple[str, str, dict]]:
    """(person, document, role) for each role a member held at a meeting (chair, member, adjuster …)."""
    rows = _rows(store, _PARTICIPATIONS.format(values=iri_values(members)))
    by_node: dict[str, dict] = {}
    for r in rows:
        item = by_node.setdefault(str(r["n"]), {"p": str(r["p"]), "doc": str(r["doc"]), "roles": [], "body": None,
                                                "text": text(r.get("attendance")), "meeting": str(r["meeting"])})
        if r.get("role") is not None and str(r["role"]) not in item["roles"]:
            item["roles"].append(str(r["role"]))
        if r.get("body") is not None:
            item["body"] = str(r["body"])
    ev = evidence(store, list(by_node))
    out = []
    for node, item in sorted(by_node.items()):
        body = p.organisation_obj(item["body"]) if item["body"] and item["body"] in p else None
        for role in item["roles"]:
            out.append((item["p"], item["doc"], {"role": role_object(role), "role_text": item["text"],
                                                  "subproject": None, "project": None, "body": body,
                                                  "meeting": {"type": "meeting", "id": entity_id(item["meeting"]),
                                                              "iri": item["meeting"]},
                                                  "evidence": ev.get(node, [])}))
    return out


def _membership_roles(store: GraphStore, members: list[str], known: dict | None = None
                      ) -> tuple[dict[str, dict], list[tuple[str, str | None, dict]]]:
    """The members as `graph.queries` reads people (`known`: one of them, read already), and
    (person, document, role) of their memberships."""
    people = {known["iri"]: known} if known and known["iri"] in members else {}
    people.update({x["iri"]: x for x in _people(store, [m for m in members if m not in people])})
    out = []
    for iri, person in people.items():
        for r in person["roles"]:
            doc = (r.get("document") or {}).get("iri") or next(
                (e["document"]["iri"] for e in r.get("evidence", ()) if e.get("document")), None)
            unit = r.get("project") or {}
            body = unit if unit.get("type") == "organisation" else None
            role = {k: v for k, v in r.items() if k != "document"}  # listed under its document
            out.append((iri, doc, dict(role, project=None if body else r.get("project"), body=body)))
    return people, out


def _documents(p, people: dict[str, dict], roles: list[tuple[str, str | None, dict]]) -> list[dict]:
    """The identity's documents, oldest first, each with the roles held there and the name written."""
    by_doc: dict[str, list[dict]] = defaultdict(list)
    seen = set()
    for iri, doc, role in roles:
        key = (iri, doc, role["role"]["key"], (role.get("subproject") or {}).get("iri"))
        if doc is None or key in seen:
            continue  # a chair is both a membership of the body and a role at its meeting: listed once
        seen.add(key)
        by_doc[doc].append(dict(role, person=p.person_obj(iri)))
    for iri in people:
        for doc in p.node(iri).get("docs", ()):
            by_doc.setdefault(doc, [])
    names = {doc: sorted({p.node(x).get("name") for x in people if doc in p.node(x).get("docs", ())} - {None})
             for doc in by_doc}
    docs = [dict(_document_obj(p, doc), names=names[doc], roles=items) for doc, items in by_doc.items()]
    return sorted(docs, key=lambda d: (d["date"] or "9999", d["iri"]))


def _municipality(p, members: list[str]) -> str | None:
    """The municipality as its documents write it (the people were compared within it)."""
    names = sorted({p.node(d).get("municipality") for x in members for d in p.node(x).get("docs", ())} - {None})
    return names[0] if names else None


def identity(store: GraphStore, ref: str, known: dict | None = None) -> dict:
    """A person's resolved identity: the person nodes joined into it, with confidence and reasons,
    the documents and roles across them, and the candidates kept apart (`known`: a member as
    `graph.queries.person` has read it, not read again)."""
    from styrgraf.graph.analysis.resolution import load_resolution

    iri = require(store, ref, ("person",))
    p, res = load_resolution(store)
    canon = res.canon(iri)
    members = [m for m in res.members(canon) if m in p] or [iri]
    links = [m for m in res.matches if m.kind == "person" and m.identity
             and res.canon(m.a) == canon and res.canon(m.b) == canon]
    people, roles = _membership_roles(store, members, known)
    roles += _meeting_roles(store, p, members)
    parties = _rows(store, _PARTIES.format(values=iri_values(members)))
    candidates = sorted(res.possibly(canon).items(), key=lambda kv: (-kv[1].confidence, kv[0]))
    return {
        "type": "person", "id": entity_id(canon), "iri": canon, "name": p.node(canon).get("name"),
        "municipality": _municipality(p, members),
        "confidence": min((m.confidence for m in links), default=None), "threshold": MERGE_THRESHOLD,
        "members": [dict(p.person_obj(x), documents=[entity_id(d) for d in p.node(x).get("docs", ())]) for x in members],
        "titles": sorted({t for x in members for t in people.get(x, {}).get("titles", ())}),
        "parties": sorted({str(r["party"]) for r in parties}),
        "links": [_match_obj(p, m) for m in sorted(links, key=lambda m: (-m.confidence, m.a, m.b))],
        "documents": _documents(p, people, roles),
        "candidates": [dict(_match_obj(p, m), person=p.person_obj(other)) for other, m in candidates],
    }


def identities_named(store: GraphStore, name: str) -> list[dict]:
    """The resolved identities whose person nodes match a typed name (every word; folded), one per
    identity however many of its names match; NotFound when none do."""
    from styrgraf.graph.analysis.resolution import load_resolution

    found = find_people(store, name)
    if not found:
        raise NotFound.of("person.missing", name=name)
    _p, res = load_resolution(store)
    canon = sorted(dict.fromkeys(res.canon(x) for x in found))
    return [identity(store, c) for c in canon]


def identity_of(store: GraphStore, ref: str) -> list[dict]:
    """The identity of a person given by id or IRI, else of the people a name matches."""
    try:
        return [identity(store, ref)]
    except NotFound:
        return identities_named(store, ref)


def municipalities(store: GraphStore, iris: list[str]) -> dict[str, str | None]:
    """Each person's municipality as its documents write it."""
    from styrgraf.graph.analysis.resolution import load_resolution

    p, res = load_resolution(store)
    return {i: _municipality(p, res.members(res.canon(i))) for i in iris}


def one_per_identity(store: GraphStore, iris: list[str]) -> list[str]:
    """The people given, one per resolved identity (its canonical node), in the order first met."""
    from styrgraf.graph.analysis.resolution import load_resolution

    _p, res = load_resolution(store)
    return list(dict.fromkeys(res.canon(i) for i in iris))


def merged(store: GraphStore, person: dict) -> dict:
    """A person as `graph.queries` reads it, with the titles, affiliations, roles and evidence of every
    person node merged into the same identity (above the threshold; candidates stay out)."""
    from styrgraf.graph.analysis.resolution import load_resolution

    _p, res = load_resolution(store)
    others = [m for m in res.members(res.canon(person["iri"])) if m != person["iri"]]
    if not others:
        return person
    out = dict(person, titles=list(person["titles"]), affiliations=list(person["affiliations"]),
               roles=list(person["roles"]), evidence=list(person["evidence"]))
    for other in _people(store, others):
        out["titles"] += [t for t in other["titles"] if t not in out["titles"]]
        out["affiliations"] += [a for a in other["affiliations"] if a not in out["affiliations"]]
        out["roles"] += other["roles"]
        out["evidence"] += [e for e in other["evidence"] if e not in out["evidence"]]
    return out


def shared_identities(store: GraphStore, doc: str) -> list[tuple[str, str, str, float]]:
    """(other document, person here, person there, confidence) for each person of `doc` merged with a
    person node written differently in another document: documents that share a person only
    through resolution (the same IRI in both is found by the stored facts alone)."""
    from styrgraf.graph.analysis.resolution import load_resolution

    p, res = load_resolution(store)
    merged_nodes = set(res.canonical) | set(res.canonical.values())
    out = []
    for here in sorted(x for x in merged_nodes if doc in p.node(x).get("docs", ())):
        for there in res.members(res.canon(here)):
            if there == here:
                continue
            match = res.match_between(here, there)
            for other in p.node(there).get("docs", ()):
                if other != doc and other not in p.node(here).get("docs", ()):
                    out.append((other, here, there, match.confidence if match else MERGE_THRESHOLD))
    return out
