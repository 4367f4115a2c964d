"""The read side of the query API: one function per resource, returning plain data.

Each function takes a `GraphStore` and returns JSON-serialisable dicts and
lists; `api/http/routes.py` and the CLI only render them. Every item that states a
fact carries `evidence` (verbatim quotes, see `graph.entities.evidence_for`).
Referenced entities are entity objects (`graph.describe`).

Speed: no query per row. An answer fetches its facts in one query (an
entity asked about is written into the patterns as a constant IRI, which
Oxigraph turns into index lookups), then the entity objects of all rows
(`describe`) and their evidence (`evidence`), batched by `describe.CHUNK`.
Tables that need the whole store (plans, people's names, the search index)
are cached until the stored documents change (`graph.cache`).

Client text never enters a query: ids go through `resolve_ref` (which refuses
anything but the characters of minted ids and IRIs), numbers are ints, dates
are checked ISO dates.
"""
from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from styrgraf.ingest.records import severity_of
from styrgraf.ingest.roles import ROLES
from styrgraf.ontology.terms import DATE_ROLE_PROPERTIES, SG, TIME, sparql_prefixes

from styrgraf.graph.store.cache import cached, remembered
from styrgraf.graph.describe import CHUNK, Described, boolean, describe, evidence, integer, iri_values, properties, resolve_ref, text
from styrgraf.graph.documents import list_documents
from styrgraf.graph.entities import entity_id, entity_type
from styrgraf.graph.linking import link_index
from styrgraf.graph.errors import Words, texts
from styrgraf.graph.store.interface import GraphStore
from styrgraf.graph.swedish import fold, words

P = sparql_prefixes()


class NotFound(LookupError):
    """An id that names no stored entity of the wanted kind."""

    def __init__(self, message: str, message_en: str | None = None):
        super().__init__(message)
        self.message = message
        self.message_en = message_en or message

    @classmethod
    def of(cls, key: str, **fields: object) -> "NotFound":
        return cls(*texts(key, **fields))


# "No such …" in both languages, with the Swedish article of each kind.
NOT_FOUND = {
    "document": ("inget dokument", "document"), "project": ("inget projekt", "project"),
    "subproject": ("inget delprojekt", "subproject"), "intention": ("ingen intention", "intention"),
    "decision": ("inget beslut", "decision"), "person": ("ingen person", "person"),
    "organisation": ("ingen organisation", "organisation"), "work": ("ingen utredning eller process", "work"),
    "milestone": ("ingen milstolpe", "milestone"), None: ("ingen entitet", "entity"),
}


class Ambiguous(NotFound):
    """A reference typed by a person that names several entities: its candidates are listed."""

    def __init__(self, ref: str, candidates: list[str], listed: list[str]):
        more = f" (+{len(candidates) - len(listed)})" if len(candidates) > len(listed) else ""
        super().__init__(*texts("entity.ambiguous", ref=ref, n=len(candidates), listed="; ".join(listed), more=more))
        self.candidates = candidates


def require(store: GraphStore, ref: str, types: tuple[str, ...] | None = None) -> str:
    """The IRI of the stored entity `ref` names, or NotFound.

    `ref` is an id or IRI, or a reference as a person types it (`delprojekt 1`, `KS 2011/0456`, a
    name, `beslutet 2012-02-07`); one that names several entities raises Ambiguous."""
    iri = resolve_ref(store, ref, types)
    if iri is None and ref and len(ref) <= 200:
        # The question parser reads typed references; it builds on this module, so it is imported here.
        from styrgraf.graph.questions import references

        found = references.candidates(store, ref, types)
        if len(found) > 1:
            raise Ambiguous(ref, found, references.labels(store, found))
        iri = found[0] if found else None
    if iri is None:
        sv, en = NOT_FOUND.get(types[0] if types and len(types) == 1 else None, NOT_FOUND[None])
        raise NotFound.of("entity.missing", kind=Words(sv, en), ref=ref)
    return iri


def role_object(role_iri) -> dict:
    key = str(role_iri).rsplit("role-", 1)[-1]
    role = ROLES.get(key)
    return {"key": key, "label_sv": role.label_sv if role else key, "label_en": role.label_en if role else key}


def _role_rank(key: str) -> int:
    keys = list(ROLES)
    return keys.index(key) if key in keys else len(keys)


def _rows(store: GraphStore, query: str) -> list[dict]:
    return store.select(P + query)


def _s(row: dict, key: str) -> str | None:
    return text(row.get(key))


# -- pages of lists ----------------------------------------------------------

DEFAULT_LIMIT = 100
MAX_LIMIT = 1000


@dataclass(frozen=True)
class Page:
    """One page of a list answer: `items` from position `offset` of `total`, at most `limit` of them."""

    items: list
    total: int
    offset: int
    limit: int | None

    @property
    def next_offset(self) -> int | None:
        end = self.offset + len(self.items)
        return end if self.limit is not None and end < self.total else None


def window(offset: int, limit: int | None) -> slice:
    """Positions `offset` .. `offset + limit` (all from `offset` when `limit` is None)."""
    return slice(offset, None if limit is None else offset + limit)


def page(items: list, offset: int = 0, limit: int | None = None) -> Page:
    """A page of a list that is built whole anyway (small lists, computed answers)."""
    return Page(items[window(offset, limit)], len(items), offset, limit)


def documents_page(store: GraphStore, offset: int = 0, limit: int | None = None) -> Page:
    """Like `documents`, with evidence fetched for the page's documents only."""
    docs = list_documents(store)
    return Page(_documents(store, docs[window(offset, limit)]), len(docs), offset, limit)


def projects_page(store: GraphStore, offset: int = 0, limit: int | None = None) -> Page:
    """Like `projects`: the order is known from one light query, only the page is assembled."""
    rows = _rows(store, "SELECT ?p (MIN(STR(?doc)) AS ?d) WHERE { ?p a sg:Project . "
                        "OPTIONAL { ?p dcterms:source ?doc } } GROUP BY ?p")
    order = sorted((_s(r, "d") or "") + str(r["p"]) for r in rows)
    keys = {(_s(r, "d") or "") + str(r["p"]): str(r["p"]) for r in rows}
    wanted = [keys[k] for k in order[window(offset, limit)]]
    return Page(projects(store, iris=wanted) if wanted else [], len(order), offset, limit)


def people_page(store: GraphStore, name: str | None = None, offset: int = 0, limit: int | None = None) -> Page:
    """Like `people`: the order comes from the cached name table, only the page's people are read."""
    iris = find_people(store, name) if name is not None else [i for i, _, _ in person_names(store)]
    return Page(_people(store, iris[window(offset, limit)]), len(iris), offset, limit)


# -- documents ---------------------------------------------------------------

def documents(store: GraphStore) -> list[dict]:
    """Stored documents, with the evidence of their title, date and Dnr."""
    return _documents(store, list_documents(store))


def _documents(store: GraphStore, docs: list[dict]) -> list[dict]:
    ev = evidence(store, [d["iri"] for d in docs])
    return [{
        "id": entity_id(d["iri"]), "iri": d["iri"], "graph": d["graph"], "title": d["title"],
        "identifier": d["identifier"], "date": d["date"], "type": d["type"], "pages": d["pages"],
        "sha256": d["sha256"], "ingested_at": d["ingested_at"], "evidence": ev.get(d["iri"], []),
    } for d in docs]


def document(store: GraphStore, ref: str) -> dict:
    """One document: metadata, renditions, appendices, pages' text, related and linked documents.

    Kept per store generation for the documents last asked for (`graph.store.cache.remembered`):
    shared, not to be changed by the caller.
    """
    return remembered(store, "document", ref, lambda: _document(store, ref))


def _document(store: GraphStore, ref: str) -> dict:
    doc = require(store, ref, ("document",))
    meta = _rows(store, f"""
        SELECT ?g ?title ?identifier ?date ?dateText ?valid ?pages ?type ?at ?muni ?signatory ?signatoryTitle WHERE {{
          BIND(<{doc}> AS ?doc)
          OPTIONAL {{ ?g sg:about ?doc ; a sg:DocumentGraph . OPTIONAL {{ ?g prov:generatedAtTime ?at }} }}
          OPTIONAL {{ ?doc dcterms:title ?title }} OPTIONAL {{ ?doc dcterms:identifier ?identifier }}
          OPTIONAL {{ ?doc dcterms:date ?date }} OPTIONAL {{ ?doc sg:dateText ?dateText }}
          OPTIONAL {{ ?doc sg:dateValid ?valid }} OPTIONAL {{ ?doc sg:pageCount ?pages }}
          OPTIONAL {{ ?doc dcterms:type ?type }} OPTIONAL {{ ?doc sg:municipality ?muni }}
          OPTIONAL {{ ?doc sg:signatory ?signatory }} OPTIONAL {{ ?doc sg:signatoryTitle ?signatoryTitle }}
        }} LIMIT 1""")[0]
    renditions = _rows(store, f"""
        SELECT ?sha ?name ?format ?size WHERE {{ <{doc}> sg:rendition ?f . ?f sg:sha256 ?sha .
          OPTIONAL {{ ?f sg:fileName ?name }} OPTIONAL {{ ?f dcterms:format ?format }} OPTIONAL {{ ?f sg:byteSize ?size }}
        }} ORDER BY ?sha""")
    parts = _rows(store, f"""
        SELECT ?kind ?x ?n ?value ?en ?sp WHERE {{
          {{ <{doc}> dcterms:hasPart ?x . ?x a sg:Appendix . BIND("appendix" AS ?kind)
             OPTIONAL {{ ?sp sg:appendix ?x }} }}
          UNION {{ <{doc}> sg:hasPage ?x . ?x sg:pageNumber ?n ; rdf:value ?value . BIND("page" AS ?kind) }}
          UNION {{ <{doc}> dcterms:relation ?x . OPTIONAL {{ ?x dcterms:title ?value }} BIND("related" AS ?kind) }}
          UNION {{ <{doc}> sg:finding ?x . BIND("finding" AS ?kind)
                   OPTIONAL {{ ?x sg:code ?n }} OPTIONAL {{ ?x sg:severity ?sp }}
                   OPTIONAL {{ ?x rdfs:comment ?value FILTER(lang(?value) != "en") }}
                   OPTIONAL {{ ?x rdfs:comment ?en FILTER(lang(?en) = "en") }} }}
          UNION {{ ?x dcterms:source <{doc}> ; a ?cls . FILTER(?cls IN (sg:Project, sg:Decision))
                   BIND(IF(?cls = sg:Project, "project", "decision") AS ?kind) }}
        }}""")
    linked = _rows(store, f"""
        SELECT ?other (COUNT(DISTINCT ?x) AS ?shared) WHERE {{
          {{ ?m org:organization/dcterms:source <{doc}> ; org:member ?x .
             ?m2 org:member ?x ; org:organization/dcterms:source ?other }}
          UNION {{ ?c sg:subproject/dcterms:source <{doc}> ; sg:considers ?x . ?x a sg:ReferencedWork .
                   ?c2 sg:considers ?x ; sg:subproject/dcterms:source ?other }}
          FILTER(?other != <{doc}>)
        }} GROUP BY ?other ORDER BY DESC(?shared) ?other""")
    by_kind: dict[str, list[dict]] = defaultdict(list)
    for r in parts:
        by_kind[str(r["kind"])].append(r)
    dated, cases = _dates_and_case_numbers(store, doc)
    refs = [doc] + [str(r["x"]) for r in parts if str(r["kind"]) != "page"] + [str(r["sp"]) for r in by_kind["appendix"] if r.get("sp")]
    refs += [str(r["other"]) for r in linked] + [str(meta[k]) for k in ("muni", "signatory") if meta.get(k)]
    d = describe(store, refs)
    ev = evidence(store, refs)
    appendices = _document_appendices(by_kind["appendix"], d, ev)
    pages = sorted(({"number": integer(r["n"]), "text": str(r["value"])} for r in by_kind["page"]), key=lambda p: p["number"])
    related = _document_related(by_kind["related"], ev)
    findings = _document_findings(by_kind["finding"], ev)
    doc_type = _s(meta, "type")
    return {
        "type": doc_type.rsplit("doctype-", 1)[-1] if doc_type else None,
        "id": entity_id(doc), "iri": doc, "graph": _s(meta, "g"), "title": _s(meta, "title"),
        "identifier": _s(meta, "identifier"), "date": _s(meta, "date") or _s(meta, "dateText"),
        "date_valid": boolean(meta.get("valid")), "pages_count": integer(meta.get("pages")),
        "dates": dated, "case_numbers": cases,
        "ingested_at": _s(meta, "at"), "municipality": d.get(_s(meta, "muni")),
        "signatory": d.get(_s(meta, "signatory")), "signatory_title": _s(meta, "signatoryTitle"),
        "sha256": [str(r["sha"]) for r in renditions],
        "renditions": [{"sha256": str(r["sha"]), "file_name": _s(r, "name"), "media_type": _s(r, "format"),
                        "size": integer(r.get("size"))} for r in renditions],
        "projects": sorted((d[str(r["x"])] for r in by_kind["project"]), key=lambda x: x["iri"]),
        "decisions": sorted((d[str(r["x"])] for r in by_kind["decision"]), key=lambda x: (x["date"] or "", x["iri"])),
        "appendices": appendices,
        "pages": pages,
        "related_documents": related,
        "linked_documents": [dict(d[str(r["other"])], shared_entities=integer(r["shared"])) for r in linked],
        "findings": findings,
        "evidence": ev.get(doc, []),
    }


def _document_appendices(rows: list[dict], d: dict, ev: dict) -> list[dict]:
    appendices = []
    for r in rows:
        a = d[str(r["x"])]
        a.pop("document", None)
        a.update(subproject=d.get(_s(r, "sp")), evidence=ev.get(str(r["x"]), []))
        appendices.append(a)
    return sorted(appendices, key=lambda a: (a["number"] is None, a["number"] or 0))


def _document_related(rows: list[dict], ev: dict) -> list[dict]:
    """The documents a document's text names, in the order it names them."""
    return sorted(({"type": "related_document", "id": entity_id(str(r["x"])), "iri": str(r["x"]),
                    "title": _s(r, "value"), "evidence": ev.get(str(r["x"]), [])} for r in rows),
                  key=lambda x: (x["evidence"][0]["start"] if x["evidence"] else 0, x["iri"]))


def _document_findings(rows: list[dict], ev: dict) -> list[dict]:
    """What the ingest noticed in a document, its message in Swedish and (when stored) English."""
    return sorted(({"id": entity_id(str(r["x"])), "iri": str(r["x"]), "code": _s(r, "n"),
                    "severity": severity_of(_s(r, "n")) if _s(r, "n") else _s(r, "sp"),
                    "message": _s(r, "value"), "message_en": _s(r, "en"), "evidence": ev.get(str(r["x"]), [])}
                   for r in rows), key=lambda f: f["iri"])


def _dates_and_case_numbers(store: GraphStore, doc: str) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """A document's typed dates besides its own ({"meeting": [...], ...}) and its further case
    numbers ({"own": [...], "cited": [...]})."""
    roles = {str(p): role for role, p in DATE_ROLE_PROPERTIES.items()}
    roles |= {str(SG.caseNumber): "own", str(SG.citesCaseNumber): "cited"}
    rows = _rows(store, f"SELECT ?p ?v WHERE {{ VALUES ?p {{ {iri_values(list(roles))} }} <{doc}> ?p ?v }} ORDER BY ?p ?v")
    dates: dict[str, list[str]] = {}
    cases: dict[str, list[str]] = {"own": [], "cited": []}
    for r in rows:
        role = roles[str(r["p"])]
        (cases[role] if role in cases else dates.setdefault(role, [])).append(str(r["v"]))
    return dates, cases


# -- projects and subprojects ------------------------------------------------

def projects(store: GraphStore, *, iris: list[str] | None = None) -> list[dict]:
    """Projects with their document, owner, the decision that made them, and subprojects."""
    values = f"VALUES ?p {{ {iri_values(iris)} }}" if iris is not None else ""
    rows = _rows(store, """
        SELECT ?p ?doc ?owner ?dec ?sp WHERE { """ + values + """ ?p a sg:Project .
          OPTIONAL { ?p dcterms:source ?doc } OPTIONAL { ?p sg:owner ?owner }
          OPTIONAL { ?p prov:wasGeneratedBy ?dec } OPTIONAL { ?p sg:hasSubproject ?sp } }""")
    iris = {str(v) for r in rows for v in r.values() if v is not None}
    d = describe(store, iris)
    ev = evidence(store, [str(r["p"]) for r in rows])
    out: dict[str, dict] = {}
    for r in rows:
        p = str(r["p"])
        item = out.setdefault(p, dict(d[p], document=d.get(_s(r, "doc")), owner=d.get(_s(r, "owner")),
                                      decision=d.get(_s(r, "dec")), subprojects=[], evidence=ev.get(p, [])))
        sp = _s(r, "sp")
        if sp and all(s["iri"] != sp for s in item["subprojects"]):
            s = d[sp]
            s.pop("project", None)
            item["subprojects"].append(s)
    for item in out.values():
        item["subprojects"].sort(key=lambda s: (s["number"] or 0, s["iri"]))
    return sorted(out.values(), key=lambda p: (p["document"] or {}).get("iri", "") + p["iri"])


def plan_index(store: GraphStore) -> list[dict]:
    """Every project with its document, title and Dnr: what a plan can be named by (cached)."""
    def build(s: GraphStore) -> list[dict]:
        rows = _rows(s, """SELECT ?p ?title ?doc ?docTitle ?identifier WHERE { ?p a sg:Project .
            OPTIONAL { ?p dcterms:title ?title } OPTIONAL { ?p dcterms:source ?doc .
              OPTIONAL { ?doc dcterms:title ?docTitle } OPTIONAL { ?doc dcterms:identifier ?identifier } } }""")
        out: dict[str, dict] = {}
        for r in sorted(rows, key=lambda r: tuple(str(v) for v in r.values())):
            out.setdefault(str(r["p"]), {
                "iri": str(r["p"]), "id": entity_id(str(r["p"])), "title": _s(r, "title"), "document": _s(r, "doc"),
                "document_id": entity_id(str(r["doc"])) if r.get("doc") else None,
                "document_title": _s(r, "docTitle"), "identifier": _s(r, "identifier")})
        return sorted(out.values(), key=lambda p: p["iri"])
    return cached(store, "plans", build)


def find_plans(store: GraphStore, ref: str) -> list[dict]:
    """The plans (projects) a reference typed by staff names: an id, a Dnr, or words of the title."""
    def build(s: GraphStore) -> list[tuple[dict, set[str], str, str]]:
        out = []
        for p in plan_index(s):
            keys = {fold(k) for k in (p["id"], p["document_id"], p["iri"], p["document"]) if k}
            identifier = fold(" ".join((p["identifier"] or "").split()))
            title = fold(p["title"] or "") + " | " + fold(p["document_title"] or "")
            out.append((p, keys, identifier, title))
        return out
    wanted = fold(" ".join(ref.split()))
    return [p for p, keys, identifier, title in cached(store, "plan-keys", build)
            if wanted in keys or (identifier and wanted == identifier) or (len(wanted) >= 3 and wanted in title)]


def project_iris(store: GraphStore, ref: str) -> list[str]:
    """The projects a project or document id names."""
    iri = require(store, ref, ("project", "document"))
    if entity_type(iri) == "project":
        return [iri]
    rows = _rows(store, f"SELECT ?p WHERE {{ ?p a sg:Project ; dcterms:source <{iri}> }}")
    return sorted(str(r["p"]) for r in rows)


def _project_filter(var: str, project_list: list[str] | None) -> str:
    return f"VALUES {var} {{ {iri_values(project_list)} }}" if project_list is not None else ""


def subprojects_by_number(store: GraphStore, number: int, project_list: list[str] | None = None) -> list[str]:
    """Subprojects numbered `number` (in the given projects, or in all)."""
    if project_list is None:
        rows = _rows(store, f"SELECT ?s WHERE {{ ?s sg:number {int(number)} ; a sg:Subproject }}")
    else:
        rows = _rows(store, f"""SELECT ?s WHERE {{ {_project_filter("?p", project_list)}
            ?s sg:number {int(number)} ; a sg:Subproject ; org:subOrganizationOf ?p }}""")
    return sorted({str(r["s"]) for r in rows})


def _intention_pattern(number: int | None, project_list: list[str] | None, iris: list[str] | None) -> str:
    """Patterns binding ?i (an intention), ?n (its number) and ?doc (its document).

    A plan, when given, comes first and a number is written into the pattern:
    Oxigraph then walks from the plan (or the number) by index lookups instead
    of scanning every intention of every plan.
    """
    n = f"{int(number)}" if number is not None else "?n"
    bind = f"BIND({int(number)} AS ?n)" if number is not None else ""
    values = f"VALUES ?i {{ {iri_values(iris)} }}" if iris is not None else ""
    if project_list is not None:
        return (f"VALUES ?proj {{ {iri_values(project_list)} }} ?proj dcterms:source ?doc . "
                f"?scheme dcterms:source ?doc ; a sg:IntentionScheme . ?i skos:inScheme ?scheme ; sg:number {n} . "
                f"{values} {bind}")
    return (f"{values} ?i sg:number {n} ; a sg:Intention . {bind} "
            f"OPTIONAL {{ ?i skos:inScheme/dcterms:source ?doc }}")


def intention_iris(store: GraphStore, number: int, project_list: list[str] | None = None) -> list[str]:
    """The intentions numbered `number` (in the given projects, or in all)."""
    rows = _rows(store, f"SELECT ?i WHERE {{ {_intention_pattern(number, project_list, None)} }}")
    return sorted({str(r["i"]) for r in rows})


def intentions(store: GraphStore, project: str | None = None, number: int | None = None,
               *, project_list: list[str] | None = None, iris: list[str] | None = None) -> list[dict]:
    """Intentions with the decision that laid them down and the subprojects that address them."""
    if project is not None:
        project_list = project_iris(store, project)
    found = sorted({str(r["i"]) for r in _rows(store, f"SELECT ?i WHERE {{ {_intention_pattern(number, project_list, iris)} }}")})
    rows = []
    for start in range(0, len(found), CHUNK):
        # One branch per intention, its IRI written into the patterns: index lookups, whatever
        # the number of plans (the same OPTIONALs on a variable were planned as scans).
        rows += _rows(store, "SELECT ?i ?n ?dec ?doc ?cov ?sp ?scope WHERE { " + " UNION ".join(
            f"""{{ <{i}> sg:number ?n . BIND(<{i}> AS ?i)
                  OPTIONAL {{ <{i}> skos:inScheme/dcterms:source ?doc }} OPTIONAL {{ <{i}> sg:decidedBy ?dec }}
                  OPTIONAL {{ ?cov sg:intention <{i}> ; a sg:Coverage ; sg:subproject ?sp . OPTIONAL {{ ?cov sg:scope ?scope }} }} }}"""
            for i in found[start:start + CHUNK]) + " }")
    iris = {str(v) for r in rows for k, v in r.items() if v is not None and k in ("i", "dec", "doc", "sp")}
    d = describe(store, iris)
    ev = evidence(store, [str(r["i"]) for r in rows] + [str(r["cov"]) for r in rows if r.get("cov")])
    out: dict[str, dict] = {}
    for r in rows:
        i = str(r["i"])
        item = out.setdefault(i, dict(d[i], decided_by=d.get(_s(r, "dec")), document=d.get(_s(r, "doc")),
                                      covered_by=[], evidence=ev.get(i, [])))
        cov = _s(r, "cov")
        if cov and all(c["coverage"] != cov for c in item["covered_by"]):
            item["covered_by"].append({"subproject": d[str(r["sp"])], "scope": _s(r, "scope"),
                                       "coverage": cov, "evidence": ev.get(cov, [])})
    for item in out.values():
        item["covered_by"].sort(key=lambda c: (c["subproject"]["number"] or 0, c["subproject"]["iri"]))
    return sorted(out.values(), key=lambda x: ((x["document"] or {}).get("iri", ""), x["number"] or 0))


def subproject(store: GraphStore, ref: str) -> dict:
    """A subproject with its intentions, people, considerations, milestones, budget and reporting."""
    sp = require(store, ref, ("subproject",))
    S = f"<{sp}>"
    rows = _rows(store, f"""
        SELECT ?kind ?node ?target ?extra ?flag ?order WHERE {{
          {{ ?node a sg:Coverage ; sg:subproject {S} . BIND("intention" AS ?kind)
             OPTIONAL {{ ?node sg:intention ?target }} OPTIONAL {{ ?node sg:intentionNumber ?order }}
             OPTIONAL {{ ?node sg:scope ?extra }} }}
          UNION {{ ?node org:organization {S} ; org:member ?target ; org:role ?flag . BIND("member" AS ?kind)
                   OPTIONAL {{ ?node sg:roleText ?extra }} }}
          UNION {{ ?node a sg:Consideration ; sg:subproject {S} ; sg:considers ?target . BIND("considers" AS ?kind)
                   OPTIONAL {{ ?node sg:siblings ?flag }} }}
          UNION {{ ?target sg:milestoneOf {S} . BIND("milestone" AS ?kind) }}
          UNION {{ {S} sg:scopeLimit ?target . BIND("scope_limit" AS ?kind) OPTIONAL {{ ?target sg:order ?order }} }}
          UNION {{ {S} sg:methodStep ?target . BIND("method_step" AS ?kind) OPTIONAL {{ ?target sg:order ?order }} }}
          UNION {{ {S} ?prop ?extra . VALUES (?prop ?kind) {{ (sg:purpose "purpose") (sg:budget "budget") (sg:reporting "reporting") }} }}
          UNION {{ {S} sg:appendix ?target . BIND("appendix" AS ?kind) }}
          UNION {{ {S} dcterms:source ?target . BIND("document" AS ?kind) }}
        }}""")
    targets = [str(r["target"]) for r in rows if r.get("target")]
    d = describe(store, [sp] + targets)
    ev = evidence(store, [sp] + [str(r["node"]) for r in rows if r.get("node")] + targets)
    by_kind: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_kind[str(r["kind"])].append(r)
    own = ev.get(sp, [])

    def fact(kind: str) -> dict | None:
        r = next(iter(by_kind[kind]), None)
        if r is None:
            return None
        return {"text": _s(r, "extra"), "evidence": [e for e in own if e.get("property") == kind]}

    intentions_ = []
    for r in by_kind["intention"]:
        node = str(r["node"])
        obj = d[str(r["target"])] if r.get("target") else {"type": "intention", "id": None, "iri": None,
                                                         "number": integer(r.get("order")), "text": None, "defined": False}
        intentions_.append(dict(obj, scope=_s(r, "extra"), evidence=ev.get(node, [])))
    intentions_.sort(key=lambda i: i["number"] or 0)
    people, organisations = [], []
    for r in by_kind["member"]:
        target = str(r["target"])
        item = {"role": role_object(r["flag"]), "role_text": _s(r, "extra"), "evidence": ev.get(str(r["node"]), [])}
        if entity_type(target) == "person":
            people.append(dict(item, person=d[target]))
        else:
            organisations.append(dict(item, organisation=d[target]))
    people.sort(key=lambda p: (_role_rank(p["role"]["key"]), p["person"]["name"] or ""))
    organisations.sort(key=lambda o: (_role_rank(o["role"]["key"]), o["organisation"]["name"] or ""))
    considers = _considers_items(by_kind["considers"], d, ev)
    milestones_ = sorted((dict(d[str(r["target"])], evidence=ev.get(str(r["target"]), []))
                          for r in by_kind["milestone"]), key=_milestone_sort_key)
    texts = {k: sorted(({**d[str(r["target"])], "evidence": ev.get(str(r["target"]), [])} for r in by_kind[k]),
                       key=lambda x: x["number"] or 0) for k in ("scope_limit", "method_step")}
    obj = d[sp]
    appendix = next((d[str(r["target"])] for r in by_kind["appendix"]), None)
    if appendix:
        appendix.pop("document", None)
    return dict(
        obj, document=next((d[str(r["target"])] for r in by_kind["document"]), None), appendix=appendix,
        purpose=fact("purpose"), intentions=intentions_, people=people, organisations=organisations,
        considers=considers, milestones=milestones_, scope_limits=texts["scope_limit"],
        method_steps=texts["method_step"], budget=fact("budget"), reporting=fact("reporting"),
        evidence=[e for e in own if not e.get("property")],
    )


def _considers_items(rows: list[dict], d: Described, ev: dict) -> list[dict]:
    items: dict[str, dict] = {}
    for r in rows:
        target = str(r["target"])
        item = items.setdefault(target, dict(d[target], siblings=bool(boolean(r.get("flag"))), evidence=[]))
        item["evidence"] += [e for e in ev.get(str(r["node"]), []) if e not in item["evidence"]]
    # Named investigations first (in the order the plan lists them), then the sibling subprojects.
    return sorted(items.values(), key=lambda x: (x["siblings"], x.get("number") or 0,
                                                 x["evidence"][0]["page"] if x["evidence"] else 0,
                                                 x["evidence"][0]["start"] if x["evidence"] else 0, x["iri"]))


# -- people ------------------------------------------------------------------

def people(store: GraphStore, name: str | None = None) -> list[dict]:
    """People (whose name matches `name`, folded: `almer` finds Almér) with their roles."""
    return _people(store, find_people(store, name) if name is not None else [i for i, _, _ in person_names(store)])


def find_people(store: GraphStore, name: str) -> list[str]:
    """People whose name holds every word typed (folded; from 3 letters a word may be the start of a name word)."""
    wanted = words(name)
    if not wanted:
        return []
    entries, index = cached(store, "person-name-index", _name_index)
    found: set[int] | None = None
    for w in wanted:
        lo = bisect.bisect_left(index, (w,))
        hits = set()
        for word, i in index[lo:]:
            if word != w and not (len(w) >= 3 and word.startswith(w)):
                break
            hits.add(i)
        found = hits if found is None else found & hits
        if not found:
            return []
    return [entries[i][0] for i in sorted(found or ())]


def _name_index(store: GraphStore) -> tuple[list[tuple[str, str, tuple[str, ...]]], list[tuple[str, int]]]:
    """The people (as `person_names`) and their sorted (name word, position) pairs."""
    entries = person_names(store)
    return entries, sorted((word, i) for i, (_, _, have) in enumerate(entries) for word in set(have))


def person_names(store: GraphStore) -> list[tuple[str, str, tuple[str, ...]]]:
    """Every person, name and folded name words, sorted by name (cached until the documents change)."""
    def build(s: GraphStore) -> list[tuple[str, str, tuple[str, ...]]]:
        rows = _rows(s, "SELECT ?p ?name WHERE { ?p a foaf:Person ; foaf:name ?name }")
        names = sorted({str(r["p"]): str(r["name"]) for r in rows}.items(), key=lambda x: (x[1], x[0]))
        return [(iri, name, tuple(words(name))) for iri, name in names]
    return cached(store, "person-names", build)


def person(store: GraphStore, ref: str) -> dict:
    """One person with titles, affiliations and roles, and the identity person resolution gives it
    across the municipality's documents (`graph.persons.identity`)."""
    from styrgraf.graph.persons import identity

    out = _people(store, [require(store, ref, ("person",))])[0]
    return dict(out, identity=identity(store, out["iri"], known=out))


def _people(store: GraphStore, iris: list[str]) -> list[dict]:
    if not iris:
        return []
    rows = []
    for start in range(0, len(iris), CHUNK):
        # VALUES inside each branch: outside a UNION it would not restrict the branches.
        v = f"VALUES ?p {{ {iri_values(iris[start:start + CHUNK])} }}"
        rows += _rows(store, f"""
            SELECT ?p ?kind ?x ?m ?role ?roleText ?unitProject ?doc WHERE {{
              {{ {v} ?p sg:jobTitle ?x . BIND("title" AS ?kind) }}
              UNION {{ {v} ?p org:memberOf ?x . BIND("affiliation" AS ?kind) }}
              UNION {{ {v} ?m org:member ?p ; org:organization ?x ; org:role ?role . BIND("role" AS ?kind)
                       OPTIONAL {{ ?m sg:roleText ?roleText }}
                       OPTIONAL {{ ?x org:subOrganizationOf ?up }}
                       BIND(COALESCE(?up, ?x) AS ?unitProject)
                       OPTIONAL {{ ?unitProject dcterms:source ?doc }} }}
            }}""")
    refs = list(iris) + [str(v) for r in rows for k, v in r.items()
                         if v is not None and k in ("x", "unitProject", "doc") and str(r["kind"]) != "title"]
    d = describe(store, refs)
    ev = evidence(store, list(iris) + [str(r["m"]) for r in rows if r.get("m")])
    out = {p: dict(d[p], titles=[], affiliations=[], roles=[], evidence=ev.get(p, [])) for p in iris}
    for r in rows:
        item = out[str(r["p"])]
        kind = str(r["kind"])
        if kind == "title":
            if str(r["x"]) not in item["titles"]:
                item["titles"].append(str(r["x"]))
        elif kind == "affiliation":
            if all(a["iri"] != str(r["x"]) for a in item["affiliations"]):
                item["affiliations"].append(d[str(r["x"])])
        else:
            unit = str(r["x"])
            node = _s(r, "m")
            is_sub = entity_type(unit) == "subproject"
            sub = d[unit] if is_sub else None
            if sub:
                sub.pop("project", None)
            item["roles"].append({
                "role": role_object(r["role"]), "role_text": _s(r, "roleText"), "subproject": sub,
                "project": d.get(_s(r, "unitProject")), "document": d.get(_s(r, "doc")),
                "evidence": ev.get(node, []) if node else [],
            })
    for item in out.values():
        item["titles"].sort()
        item["affiliations"].sort(key=lambda a: a["iri"])
        item["roles"].sort(key=lambda r: ((r["document"] or {}).get("iri", ""), (r["subproject"] or {}).get("number") or 0,
                                          _role_rank(r["role"]["key"])))
    return [out[p] for p in iris]


# -- decisions and trace -------------------------------------------------------

def decisions(store: GraphStore) -> list[dict]:
    return _decisions(store, None)


def decision(store: GraphStore, ref: str) -> dict:
    iri = require(store, ref, ("decision",))
    item = _decisions(store, [iri])[0]
    item["chain"] = trace(store, iri)["chain"]  # its ancestors: the decision itself is not one
    item["recorded_in"] = recorded_in(store, iri)
    return item


def _decisions(store: GraphStore, iris: list[str] | None) -> list[dict]:
    # VALUES (or the type) inside each branch: outside a UNION it would not restrict the branches.
    v = f"VALUES ?d {{ {iri_values(iris)} }}" if iris is not None else "?d a sg:Decision ."
    rows = _rows(store, f"""
        SELECT ?d ?kind ?x ?value ?n WHERE {{
          {{ {v} ?d dcterms:description ?value . BIND("text" AS ?kind) }}
          UNION {{ {v} ?d sg:buildsOn ?x . BIND("builds_on" AS ?kind) }}
          UNION {{ {v} ?x sg:buildsOn ?d . BIND("built_upon_by" AS ?kind) }}
          UNION {{ {v} ?d dcterms:source ?x . BIND("document" AS ?kind) }}
          UNION {{ {v} ?d prov:generated ?x . BIND("generated" AS ?kind) }}
          UNION {{ {v} ?d sg:hasPoint ?x . ?x rdf:value ?value . BIND("point" AS ?kind) OPTIONAL {{ ?x sg:number ?n }} }}
          UNION {{ {v} ?x sg:decidedBy ?d . BIND("decided" AS ?kind) }}
        }}""")
    if iris is None:
        rows += [{"d": r["d"], "kind": None} for r in _rows(store, "SELECT ?d WHERE { ?d a sg:Decision }")]
    if iris is None:
        iris = sorted({str(r["d"]) for r in rows})
    rows = [r for r in rows if r.get("kind") is not None]
    refs = list(iris) + [str(r["x"]) for r in rows if r.get("x")]
    d = describe(store, refs)
    ev = evidence(store, list(iris) + [str(r["x"]) for r in rows if str(r["kind"]) == "point"])
    out = {i: dict(d[i], text=None, document=None, builds_on=[], built_upon_by=[], generated=[], points=[],
                   laid_down=[], evidence=ev.get(i, [])) for i in iris}
    for r in rows:
        item = out.get(str(r["d"]))
        if item is None:
            continue
        kind, x = str(r["kind"]), _s(r, "x")
        if kind == "text":
            item["text"] = _s(r, "value")
        elif kind == "document":
            item["document"] = d[x]
        elif kind == "point":
            item["points"].append({"number": integer(r.get("n")), "text": _s(r, "value"), "evidence": ev.get(x, [])})
        else:
            key = {"decided": "laid_down"}.get(kind, kind)
            if all(o["iri"] != x for o in item[key]):
                item[key].append(d[x])
    for item in out.values():
        item["points"].sort(key=lambda p: p["number"] or 0)
        for key in ("builds_on", "built_upon_by", "generated", "laid_down"):
            item[key].sort(key=lambda o: (o.get("date") or "", o.get("number") or 0, o["iri"]))
    return sorted(out.values(), key=lambda x: (x["date"] or "", x["iri"]))


# How an entity reaches the decisions it rests on, per kind of entity.
_ANCHORS = """
  {{ ?e a sg:Decision . BIND(?e AS ?d) BIND("self" AS ?via) }}
  UNION {{ ?e org:subOrganizationOf?/prov:wasGeneratedBy ?d . BIND("project" AS ?via) }}
  UNION {{ ?e (sg:milestoneOf|sg:subproject|org:organization)/org:subOrganizationOf?/prov:wasGeneratedBy ?d . BIND("owner" AS ?via) }}
  UNION {{ ?s (sg:scopeLimit|sg:methodStep) ?e . ?s org:subOrganizationOf/prov:wasGeneratedBy ?d . BIND("owner" AS ?via) }}
  UNION {{ ?e sg:decidedBy ?d . BIND("decided_by" AS ?via) }}
  UNION {{ ?e a sg:Intention . FILTER NOT EXISTS {{ ?e sg:decidedBy ?any }}
           ?e skos:inScheme/dcterms:source ?doc . ?proj dcterms:source ?doc ; prov:wasGeneratedBy ?d .
           BIND("document" AS ?via) }}
"""


# What rests on an entity, one branch per way (`how`): a later decision building on a decision, what a
# decision generated or decided, the subprojects of a project, and the subprojects that must take it
# into account. The IRI is written into each branch, as in _ANCHORS.
_DEPENDENTS = """
  {{ ?x sg:buildsOn ?e . BIND("builds_on" AS ?how) }}
  UNION {{ ?x prov:wasGeneratedBy ?e . BIND("generated_by" AS ?how) }}
  UNION {{ ?x sg:decidedBy ?e . BIND("decided_by" AS ?how) }}
  UNION {{ ?x org:subOrganizationOf ?e . BIND("part_of" AS ?how) }}
  UNION {{ ?c a sg:Consideration ; sg:considers ?e ; sg:subproject ?x . BIND("considers" AS ?how) }}
"""
DEPENDENT_KINDS = ("builds_on", "generated_by", "decided_by", "part_of", "considers")


def _dependents(store: GraphStore, iri: str) -> list[dict]:
    """What rests on `iri` (one step): `[{…entity, how}]`, in the order of DEPENDENT_KINDS, then by label."""
    rows = _rows(store, "SELECT DISTINCT ?x ?how WHERE { " + _DEPENDENTS.format().replace("?e", f"<{iri}>") + "}")
    found = {(str(r["how"]), str(r["x"])) for r in rows if str(r["x"]) != iri}
    d = describe(store, sorted(x for _how, x in found)) if found else {}
    items = [dict(d[x], how=how) for how, x in found]
    items.sort(key=lambda x: (DEPENDENT_KINDS.index(x["how"]), x["type"], x.get("number") or 0, x["iri"]))
    return items


def trace(store: GraphStore, ref: str, types: tuple[str, ...] | None = None) -> dict:
    """An entity's evidence; for decisions, projects, subprojects, intentions and what belongs to
    them, the chain of decisions it rests on, nearest first, back to the first (never the entity
    itself: a decision is not its own ancestor); and what rests on it (`rests_on_it`)."""
    iri = require(store, ref, types)
    # The IRI is written into each branch: a BIND outside a UNION does not
    # restrict the branches, which would then be evaluated for every entity.
    anchors = _rows(store, "SELECT DISTINCT ?d ?via WHERE { " + _ANCHORS.format().replace("?e", f"<{iri}>") + "}")
    starts = sorted({str(r["d"]) for r in anchors})
    links = _rows(store, f"""
        SELECT DISTINCT ?d ?prev WHERE {{ VALUES ?start {{ {iri_values(starts)} }}
          ?start sg:buildsOn* ?d . OPTIONAL {{ ?d sg:buildsOn ?prev }} }}""") if starts else []
    previous: dict[str, list[str]] = defaultdict(list)
    for r in links:
        if r.get("prev"):
            previous[str(r["d"])].append(str(r["prev"]))
    # Walk back from the anchors; a decision reached twice is listed once.
    order: list[str] = []
    frontier = list(starts)
    while frontier:
        nxt = []
        for x in frontier:
            if x not in order:
                order.append(x)
                nxt += sorted(previous.get(x, []))
        frontier = nxt
    order = [x for x in order if x != iri]
    texts = _rows(store, f"SELECT ?d ?t WHERE {{ VALUES ?d {{ {iri_values(order)} }} ?d dcterms:description ?t }}") if order else []
    text_of = {str(r["d"]): str(r["t"]) for r in texts}
    d = describe(store, [iri] + order)
    ev = evidence(store, [iri] + order)
    via = sorted({str(r["via"]) for r in anchors})
    # Each decision of the chain with the minutes paragraphs that record it, once those are stored.
    chain = [dict(d[x], text=text_of.get(x), builds_on=[{"type": "decision", "id": entity_id(p), "iri": p}
                                                        for p in sorted(previous.get(x, []))],
                  evidence=ev.get(x, []), recorded_in=recorded_in(store, x)) for x in order]
    note = None
    if "document" in via:
        note = {"sv": "Intentionen är inte kopplad till ett enskilt beslut i grafen; kedjan gäller planen som anger den.",
                "en": "The intention is not linked to a single decision in the graph; the chain is that of the plan stating it."}
    recorded = recorded_in(store, iri) if d[iri].get("type") == "decision" else []
    return {"entity": d[iri], "evidence": ev.get(iri, []), "via": via, "note": note, "chain": chain,
            "first": chain[-1] if chain else None, "recorded_in": recorded, "rests_on_it": _dependents(store, iri)}


# -- dependencies ------------------------------------------------------------

def dependencies(store: GraphStore, ref: str, depth: int = 1, types: tuple[str, ...] | None = None) -> dict:
    """What an entity must take into account (sg:mustConsider) and what must take it into account,
    followed transitively up to `depth` steps (1..10)."""
    if not 1 <= depth <= 10:
        raise ValueError("depth must be between 1 and 10")
    iri = require(store, ref, types)
    forward = _walk(store, iri, depth, forward=True)
    backward = _walk(store, iri, depth, forward=False)
    reached = [x["iri"] for x in forward + backward] + [x["via"] for x in forward + backward if x["via"]]
    d = describe(store, [iri] + reached)
    ev = evidence(store, [n for x in forward + backward for n in x["nodes"]])

    def render(items: list[dict]) -> list[dict]:
        out = []
        for x in items:
            evidence = [e for n in x["nodes"] for e in ev.get(n, [])]
            out.append(dict(d[x["iri"]], depth=x["depth"], via=d.get(x["via"]) if x["via"] else None,
                            siblings=x["siblings"], evidence=evidence))
        return out

    return {"entity": d[iri], "depth": depth, "depends_on": render(forward), "depended_by": render(backward)}


def _walk(store: GraphStore, root: str, depth: int, *, forward: bool) -> list[dict]:
    """Breadth-first over considerations: one query per level, for the whole frontier."""
    seen = {root}
    found: dict[str, dict] = {}
    frontier = [root]
    for level in range(1, depth + 1):
        if not frontier:
            break
        here = "?s" if forward else "?t"
        rows = []
        for start in range(0, len(frontier), CHUNK):
            rows += _rows(store, f"""
                SELECT ?c ?s ?t ?sib WHERE {{ VALUES {here} {{ {iri_values(frontier[start:start + CHUNK])} }}
                  ?c a sg:Consideration ; sg:subproject ?s ; sg:considers ?t . OPTIONAL {{ ?c sg:siblings ?sib }} }}""")
        nxt = []
        for r in sorted(rows, key=lambda r: (str(r["s"]), str(r["t"]), str(r["c"]))):
            src, dst = (str(r["s"]), str(r["t"])) if forward else (str(r["t"]), str(r["s"]))
            if dst in seen and dst not in found:
                continue
            item = found.get(dst)
            if item is None:
                item = found[dst] = {"iri": dst, "depth": level, "via": src if src != root else None,
                                     "siblings": bool(boolean(r.get("sib"))), "nodes": []}
                seen.add(dst)
                nxt.append(dst)
            if item["depth"] == level and str(r["c"]) not in item["nodes"]:
                item["nodes"].append(str(r["c"]))
        frontier = nxt
    return sorted(found.values(), key=lambda x: (x["depth"], x["siblings"], x["iri"]))


# -- milestones --------------------------------------------------------------

def _milestone_sort_key(m: dict):
    return (m["date"] is None, m["date"] or "", (m.get("of") or {}).get("number") or 0, m["iri"])


def _milestone_kind(props: dict, before: dt.date | None, after: dt.date | None) -> str | None:
    """"dated" if the milestone's date qualifies, "invalid", "undated", or None (outside the range)."""
    if any(str(v).lower() == "false" for v in props.get(str(SG.dateValid), [])):
        return "invalid"
    day, month = props.get(str(TIME.inXSDDate)), props.get(str(TIME.inXSDgYearMonth))
    try:
        if day:
            first = last = dt.date.fromisoformat(str(day[0])[:10])
        elif month:
            first, last = _month_bounds(str(month[0]))
        else:
            return "undated"
    except ValueError:
        return "invalid"
    if (before is None or last < before) and (after is None or first > after):
        return "dated"
    return None


def _milestone_kinds_in_store(store: GraphStore, before: dt.date | None, after: dt.date | None) -> dict[str, str]:
    """The milestones of every plan in the range, compared in the store (only those are fetched)."""
    day_filter, month_filter = [], []
    if before is not None:
        day_filter.append(f'?d < "{before.isoformat()}"^^xsd:date')
        month_filter.append(f'STR(?ym) < "{before.isoformat()[:7]}"')
    if after is not None:
        day_filter.append(f'?d > "{after.isoformat()}"^^xsd:date')
        month_filter.append(f'STR(?ym) > "{after.isoformat()[:7]}"')
    day = f"FILTER({' && '.join(day_filter)})" if day_filter else ""
    month = f"FILTER({' && '.join(month_filter)})" if month_filter else ""
    rows = _rows(store, f"""
        SELECT ?m ?kind WHERE {{
          {{ ?m time:inXSDDate ?d . {day} BIND("dated" AS ?kind) }}
          UNION {{ ?m time:inXSDgYearMonth ?ym . {month} BIND("dated" AS ?kind) }}
          UNION {{ ?m sg:dateValid false . BIND("invalid" AS ?kind) }}
          UNION {{ ?m a sg:Milestone . FILTER NOT EXISTS {{ ?m time:inXSDDate ?x }}
                   FILTER NOT EXISTS {{ ?m time:inXSDgYearMonth ?y }} FILTER NOT EXISTS {{ ?m sg:dateValid false }}
                   BIND("undated" AS ?kind) }}
        }}""")
    return {str(r["m"]): str(r["kind"]) for r in rows}


def _month_bounds(value: str) -> tuple[dt.date, dt.date]:
    year, month = int(value[:4]), int(value[5:7])
    first = dt.date(year, month, 1)
    last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1))
    return first, last


def milestones(store: GraphStore, before: dt.date | None = None, after: dt.date | None = None,
               project_list: list[str] | None = None) -> dict:
    """Milestones strictly before/after the given dates, by date.

    A milestone whose date is impossible (2012-04-31) cannot be placed in
    time: it is never compared and is listed under `invalid_dates` instead,
    so the reader sees it rather than have it silently dropped or shifted.
    A month (`maj 2012`) is before a day only if the whole month is (its
    month is earlier), and after it only if the whole month is. A milestone
    without a usable date (no year) is listed under `undated`.
    """
    if project_list is None:
        kinds = _milestone_kinds_in_store(store, before, after)
    else:
        # A plan's few milestones are fetched and compared here.
        v = iri_values(project_list)
        mine = _rows(store, f"""SELECT ?m WHERE {{
            {{ VALUES ?p {{ {v} }} ?o org:subOrganizationOf ?p . ?m sg:milestoneOf ?o }}
            UNION {{ VALUES ?p {{ {v} }} ?m sg:milestoneOf ?p }} }}""")
        dates = properties(store, [str(r["m"]) for r in mine], (TIME.inXSDDate, TIME.inXSDgYearMonth, SG.dateValid))
        kinds = {}
        for r in mine:
            m = str(r["m"])
            kind = _milestone_kind(dates.get(m, {}), before, after)
            if kind:
                kinds[m] = kind
    iris = sorted(kinds)
    d = describe(store, iris)
    ev = evidence(store, iris)
    groups: dict[str, list[dict]] = {"dated": [], "invalid": [], "undated": []}
    for m in iris:
        groups[kinds[m]].append(dict(d[m], evidence=ev.get(m, [])))
    return {
        "before": before.isoformat() if before else None, "after": after.isoformat() if after else None,
        "milestones": sorted(groups["dated"], key=_milestone_sort_key),
        "invalid_dates": sorted(groups["invalid"], key=_milestone_sort_key),
        "undated": sorted(groups["undated"], key=_milestone_sort_key),
    }


# -- overlaps ----------------------------------------------------------------

def overlaps(store: GraphStore, project_list: list[str] | None = None, min_score: float = 0.0,
             lang: str = "sv") -> list[dict]:
    """Pairs of subprojects that overlap, strongest first: `[{a, b, score, reasons}]`.

    The analysis module (`graph.analysis.overlaps.compute_overlaps`) does the
    work when it is installed; this module's simple count of shared
    intentions, people and investigations is the fallback.
    """
    try:
        from styrgraf.graph.analysis.overlaps import compute_overlaps
    except ImportError:
        return _shared_counts(store, project_list, min_score)
    project = project_list[0] if project_list and len(project_list) == 1 else None
    pairs = compute_overlaps(store, project=project, min_score=min_score, lang=lang)
    if project_list is not None and project is None:
        wanted = set(project_list)
        pairs = [p for p in pairs if ((p["a"].get("project") or {}).get("iri") in wanted
                                      or (p["b"].get("project") or {}).get("iri") in wanted)]
    return [dict(p, type="overlap") for p in pairs]


def _shared_counts(store: GraphStore, project_list: list[str] | None, min_score: float) -> list[dict]:
    """Pairs of subprojects of one project sharing intentions, people or investigations (score: their count)."""
    rows = _rows(store, f"""
        SELECT ?a ?b ?kind ?x ?n1 ?n2 WHERE {{ {_project_filter("?p", project_list)}
          ?a a sg:Subproject ; org:subOrganizationOf ?p . ?b a sg:Subproject ; org:subOrganizationOf ?p .
          FILTER(STR(?a) < STR(?b))
          {{ ?n1 a sg:Coverage ; sg:subproject ?a ; sg:intention ?x . ?n2 a sg:Coverage ; sg:subproject ?b ; sg:intention ?x .
             BIND("intentions" AS ?kind) }}
          UNION {{ ?n1 org:organization ?a ; org:member ?x . ?n2 org:organization ?b ; org:member ?x . ?x a foaf:Person .
                   BIND("people" AS ?kind) }}
          UNION {{ ?n1 a sg:Consideration ; sg:subproject ?a ; sg:considers ?x . ?n2 a sg:Consideration ; sg:subproject ?b ; sg:considers ?x .
                   ?x a sg:ReferencedWork . BIND("considerations" AS ?kind) }}
        }}""")
    d = describe(store, {str(r[k]) for r in rows for k in ("a", "b", "x")})
    ev = evidence(store, [str(r[k]) for r in rows for k in ("n1", "n2")])
    pairs: dict[tuple[str, str], dict] = {}
    for r in rows:
        a, b, x, kind = str(r["a"]), str(r["b"]), str(r["x"]), str(r["kind"])
        pair = pairs.setdefault((a, b), {"type": "overlap", "a": d[a], "b": d[b], "intentions": [], "people": [],
                                         "considerations": [], "score": 0, "reasons": [], "evidence": []})
        if all(o["iri"] != x for o in pair[kind]):
            pair[kind].append(d[x])
        for node in (str(r["n1"]), str(r["n2"])):
            pair["evidence"] += [e for e in ev.get(node, []) if e not in pair["evidence"]]
    out = []
    for pair in pairs.values():
        for kind in ("intentions", "people", "considerations"):
            pair[kind].sort(key=lambda o: (o.get("number") or 0, o.get("name") or o.get("title") or "", o["iri"]))
        pair["score"] = len(pair["intentions"]) + len(pair["people"]) + len(pair["considerations"])
        pair["reasons"] = [{"kind": kind, "detail": ", ".join(str(o.get("number") or o.get("name") or o.get("title"))
                                                                for o in pair[kind]), "evidence": []}
                           for kind in ("intentions", "people", "considerations") if pair[kind]]
        if pair["score"] >= min_score:
            out.append(pair)
    return sorted(out, key=lambda p: (-p["score"], p["a"]["number"] or 0, p["b"]["number"] or 0, p["a"]["iri"]))


# -- any entity ----------------------------------------------------------------

def show(store: GraphStore, ref: str, types: tuple[str, ...] | None = None) -> dict:
    """The fullest answer about any entity: `{type, data}`."""
    iri = require(store, ref, types)
    kind = entity_type(iri)
    if kind == "document":
        data = document(store, iri)
    elif kind == "subproject":
        data = subproject(store, iri)
    elif kind == "person":
        data = person(store, iri)
    elif kind == "decision":
        data = decision(store, iri)
    elif kind == "project":
        data = projects(store, iris=[iri])[0]
    elif kind == "intention":
        data = intentions(store, iris=[iri])[0]
    else:
        data = dict(describe(store, [iri])[iri], evidence=evidence(store, [iri]).get(iri, []))
    return {"type": kind, "data": data}


# -- links between documents -----------------------------------------------------

def link_facts(store: GraphStore) -> dict:
    """Every document's facts that links are made from (`graph.analysis.links.DocFacts`); indexed
    by `link_index` (`graph.linking`)."""
    return link_index(store).facts


LINK_LABELS = {
    ("same-case", "mutual"): ("samma ärende", "same case"),
    ("cites", "outgoing"): ("hänvisar till", "cites"), ("cites", "incoming"): ("hänvisas till av", "cited by"),
    ("decides", "outgoing"): ("beslutar om", "decides"), ("decides", "incoming"): ("beslutas i", "decided in"),
    ("follows-up", "outgoing"): ("följer upp", "follows up"), ("follows-up", "incoming"): ("följs upp av", "followed up by"),
    ("shares", "mutual"): ("delar personer eller organisationer med", "shares people or organisations with"),
}


def document_links(store: GraphStore, ref: str) -> list[dict]:
    """A document's links to other stored documents (`graph.analysis.links`), each with type,
    direction, the other document, confidence, the rules that gave it, and the quotes on both sides.
    Kept per store generation like `document` (shared, not to be changed by the caller)."""
    return remembered(store, "document-links", ref, lambda: _document_links(store, ref))


def _document_links(store: GraphStore, ref: str) -> list[dict]:
    from styrgraf.graph.analysis import links as lk

    doc = require(store, ref, ("document",))
    index = link_index(store)
    facts = index.facts
    found = lk.document_links(index, doc) if doc in facts else []
    shared = _shared_entities(store, doc)
    nodes = [f.node for l in found for _, f in l.facts] + [n for s in shared for n in s["nodes"]]
    ev = evidence(store, nodes)

    def quotes(side: str, fact) -> list[dict]:
        return [dict(e, side=side) for e in ev.get(fact.node, [])
                if fact.prop is None or e.get("property") == fact.prop]

    def other(iri: str) -> dict:
        f = facts.get(iri)
        return {"type": "document", "id": entity_id(iri), "iri": iri, "title": f.title if f else None,
                "kind": f.kind if f else None, "date": f.date if f else None}

    out = []
    for l in found:
        sv, en = LINK_LABELS[(l.type, l.direction)]
        items = []
        for side, fact in l.facts:
            items += [e for e in quotes(side, fact) if e not in items]
        out.append({"type": l.type, "direction": l.direction, "label_sv": sv, "label_en": en,
                    "document": other(l.other), "confidence": l.confidence, "rules": l.rules, "evidence": items})
    sv, en = LINK_LABELS[("shares", "mutual")]
    for s in shared:
        # A person's quotes come from every document naming it: each side keeps its own document's.
        items = [dict(e, side=side) for side, n in zip(s["sides"], s["nodes"]) for e in ev.get(n, [])
                 if (e.get("document") or {}).get("iri", doc if side == "this" else s["other"])
                 == (doc if side == "this" else s["other"])]
        confidence = min(0.9, 0.4 + 0.1 * len(s["entities"]), s.get("resolved", 1.0))
        out.append({"type": "shares", "direction": "mutual", "label_sv": sv, "label_en": en,
                    "document": other(s["other"]), "confidence": round(confidence, 2),
                    "rules": ["shared-entities"] + (["resolved-person"] if "resolved" in s else []),
                    "entities": s["entities"], "evidence": items})
    return out


def document_links_page(store: GraphStore, ref: str, offset: int = 0, limit: int | None = None) -> Page:
    return page(document_links(store, ref), offset, limit)


def _shared_entities(store: GraphStore, doc: str) -> list[dict]:
    """Other documents naming the same people or organisations as members or meeting participants
    (the memberships and considerations `document()` counts as linked_documents, and meetings)."""
    rows = _rows(store, f"""
        SELECT DISTINCT ?other ?x ?n1 ?n2 WHERE {{
          {{ ?n1 org:organization/dcterms:source <{doc}> ; org:member ?x .
             ?n2 org:member ?x ; org:organization/dcterms:source ?other }}
          UNION {{ ?n1 sg:subproject/dcterms:source <{doc}> ; sg:considers ?x . ?x a sg:ReferencedWork .
                   ?n2 sg:considers ?x ; sg:subproject/dcterms:source ?other }}
          UNION {{ ?m1 dcterms:source <{doc}> ; a sg:Meeting ; prov:qualifiedAssociation ?n1 . ?n1 prov:agent ?x .
                   ?n2 prov:agent ?x . ?m2 prov:qualifiedAssociation ?n2 ; dcterms:source ?other }}
          UNION {{ ?n1 org:organization/dcterms:source <{doc}> ; org:member ?x .
                   ?m2 prov:qualifiedAssociation ?n2 ; dcterms:source ?other . ?n2 prov:agent ?x }}
          UNION {{ ?m1 dcterms:source <{doc}> ; a sg:Meeting ; prov:qualifiedAssociation ?n1 . ?n1 prov:agent ?x .
                   ?n2 org:member ?x ; org:organization/dcterms:source ?other }}
          FILTER(?other != <{doc}>)
        }}""")
    d = describe(store, {str(r["x"]) for r in rows})
    by_other: dict[str, dict] = {}
    for r in sorted(rows, key=lambda r: (str(r["other"]), str(r["x"]), str(r["n1"]), str(r["n2"]))):
        item = by_other.setdefault(str(r["other"]), {"other": str(r["other"]), "entities": [], "nodes": [], "sides": []})
        x = str(r["x"])
        if all(e["iri"] != x for e in item["entities"]):
            item["entities"].append(d[x])
        for side, n in (("this", str(r["n1"])), ("other", str(r["n2"]))):
            if n not in item["nodes"]:
                item["nodes"].append(n)
                item["sides"].append(side)
    _add_resolved_people(store, doc, by_other)
    return sorted(by_other.values(), key=lambda s: (-len(s["entities"]), s["other"]))


def _add_resolved_people(store: GraphStore, doc: str, by_other: dict[str, dict]) -> None:
    """Documents sharing a person only through person resolution (`Anna K Berg` here, `Anna Berg`
    there, merged above the threshold): the person as an entity with the name written there."""
    from styrgraf.graph.persons import shared_identities

    found = shared_identities(store, doc)
    d = describe(store, {x for _o, here, there, _c in found for x in (here, there)})
    for other, here, there, confidence in found:
        item = by_other.setdefault(other, {"other": other, "entities": [], "nodes": [], "sides": []})
        if all(e["iri"] != here for e in item["entities"]):
            item["entities"].append(dict(d[here], same_as=d[there], confidence=confidence))
        item["resolved"] = min(item.get("resolved", 1.0), confidence)
        for side, n in (("this", here), ("other", there)):
            if n not in item["nodes"]:
                item["nodes"].append(n)
                item["sides"].append(side)


def recorded_in(store: GraphStore, decision_iri: str) -> list[dict]:
    """The minutes paragraphs that record a decision: a paragraph's decision of the same date with
    the same Dnr or the same text (`graph.analysis.links.recorded_in`)."""
    index = link_index(store)
    facts = index.facts
    mine = next((d for f in facts.values() for d in f.decisions if d.iri == decision_iri), None)
    if mine is None:
        return []
    found = index.recording(mine)
    ev = evidence(store, [p.iri for _, p in found])
    return [{"type": "meeting_paragraph", "id": p.iri.rsplit("/", 1)[-1], "iri": p.iri, "title": p.title,
             "identifier": p.identifier, "date": p.decision.date if p.decision else None,
             "document": {"type": "document", "id": entity_id(doc), "iri": doc, "title": facts[doc].title},
             "decision": {"type": "decision", "id": entity_id(p.decision.iri), "iri": p.decision.iri} if p.decision else None,
             "evidence": ev.get(p.iri, [])} for doc, p in found]
