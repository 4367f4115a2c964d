"""Linked data: `GET /id/{kind}/{slug}` describes the entity `base_iri() + kind/slug`.

The description is every triple with the entity as subject, plus the Web
Annotation evidence that points at it (annotation, target, selectors), so a
client can check each statement against the verbatim quote.  Formats by
`Accept`: `application/json` (simple JSON, the default), `text/turtle`,
`application/ld+json`, `application/n-triples`.  `text/html` is redirected
(303) to the entity's web page (`api.web`) when its type has one, else to the
read API's JSON resource when one exists, else answered with the JSON.
"""
from __future__ import annotations

from typing import Any
from urllib.parse import quote

import rdflib
from fastapi import APIRouter, Request
from fastapi import Path as PathParam
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, RedirectResponse, Response

from styrgraf.graph.store.media import choose
from styrgraf.graph.entities import KIND_TO_TYPE, entity_id, entity_type, evidence_for
from styrgraf.ingest.identity import base_iri
from styrgraf.ontology.terms import PREFIXES

from styrgraf.api.http.deps import get_store
from styrgraf.api.http.errors import ApiError, ErrorBody, schema_paths
from styrgraf.api.web.render import entity_path

router = APIRouter(tags=["linked data"])

JSON, TURTLE, JSONLD, NTRIPLES, HTML = (
    "application/json", "text/turtle", "application/ld+json", "application/n-triples", "text/html")
OFFERED = (JSON, TURTLE, JSONLD, NTRIPLES, HTML)
KIND_PATTERN = r"^[a-z][a-z_]{0,39}$"
SLUG_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._~-]{0,299}$"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_OA = "http://www.w3.org/ns/oa#"

# Plural or alternative path segments under which the read API may publish a type.
_ALTERNATIVE_SEGMENTS = {"person": ("people", "persons"), "work": ("works",)}


def _value(term: Any) -> dict[str, Any]:
    if isinstance(term, rdflib.Literal):
        out: dict[str, Any] = {"value": str(term)}
        if term.language:
            out["lang"] = term.language
        elif term.datatype is not None:
            out["datatype"] = str(term.datatype)
        return out
    iri = str(term)
    ref: dict[str, Any] = {"iri": iri}
    kind = entity_type(iri)
    if kind:
        ref.update(type=kind, id=entity_id(iri))
    return ref


def describe_json(store: Any, iri: str) -> dict[str, Any] | None:
    rows = store.select(f"SELECT ?p ?o WHERE {{ <{iri}> ?p ?o }}")
    if not rows:
        return None
    types: set[str] = set()
    properties: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        predicate = str(row["p"])
        if predicate == RDF_TYPE:
            types.add(str(row["o"]))
            continue
        properties.setdefault(predicate, []).append(_value(row["o"]))
    for values in properties.values():
        values.sort(key=lambda v: (v.get("iri") or "", v.get("value") or "", v.get("lang") or ""))
    return {
        "type": entity_type(iri) or "entity", "id": entity_id(iri), "iri": iri,
        "types": sorted(types),
        "properties": dict(sorted(properties.items())),
        "evidence": evidence_for(store, [iri]).get(iri, []),
    }


def describe_graph(store: Any, iri: str) -> rdflib.Graph:
    """The entity's triples and its evidence annotations as one graph."""
    graph = store.construct(f"""
        PREFIX oa: <{_OA}>
        CONSTRUCT {{ <{iri}> ?p ?o . ?ev ?ep ?eo . ?t ?tp ?to . ?sel ?sp ?so }} WHERE {{
          {{ <{iri}> ?p ?o }}
          UNION {{ ?ev oa:hasBody <{iri}> ; ?ep ?eo }}
          UNION {{ ?ev oa:hasBody <{iri}> ; oa:hasTarget ?t . ?t ?tp ?to }}
          UNION {{ ?ev oa:hasBody <{iri}> ; oa:hasTarget/oa:hasSelector ?sel . ?sel ?sp ?so }}
        }}""")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
    return graph


def api_path(request: Request, kind: str, slug: str) -> str | None:
    """The read API's path for this entity (`/api/<type>s/{id}` or similar), if the API has one."""
    type_name = KIND_TO_TYPE.get(kind)
    if type_name is None:
        return None
    hyphen = type_name.replace("_", "-")
    segments = {type_name, type_name + "s", hyphen, hyphen + "s", kind, kind + "s",
                *_ALTERNATIVE_SEGMENTS.get(type_name, ())}
    for _, template, methods in schema_paths(request.app):
        parts = template.strip("/").split("/")
        if ("GET" in methods and len(parts) == 3 and parts[0] == "api" and parts[1] in segments
                and parts[2].startswith("{") and parts[2].endswith("}")):
            return f"/api/{parts[1]}/{quote(slug, safe='')}"
    return None


_RESPONSES = {
    200: {"description": "Entitetens beskrivning.",
          "content": {JSON: {"schema": {"type": "object"}}, TURTLE: {"schema": {"type": "string"}},
                      JSONLD: {"schema": {}}, NTRIPLES: {"schema": {"type": "string"}}}},
    303: {"description": "Webbläsare skickas vidare till entitetens webbsida, eller till API-resursen."},
    404: {"model": ErrorBody, "description": "Ingen sådan entitet"},
    406: {"model": ErrorBody, "description": "Inget begärt format kan levereras"},
    422: {"model": ErrorBody, "description": "Ogiltig sökväg"},
}


@router.get("/id/{kind}/{slug}", summary="Beskriv en entitet (länkade data)", response_class=Response,
            responses=_RESPONSES)
async def linked_entity(request: Request,
                        kind: str = PathParam(..., pattern=KIND_PATTERN, description="IRI:ns typsegment, t.ex. subproject."),
                        slug: str = PathParam(..., pattern=SLUG_PATTERN, description="Entitetens id.")) -> Response:
    media = choose(request.headers.get("accept"), OFFERED)
    if media is None:
        raise ApiError.say(406, "not_acceptable", "http.not_acceptable", offered=", ".join(OFFERED))
    iri = f"{base_iri()}{kind}/{slug}"
    store = get_store(request)
    data = await run_in_threadpool(describe_json, store, iri)
    if data is None:
        raise ApiError.say(404, "not_found", "http.no_entity", iri=iri)
    vary = {"Vary": "Accept"}
    if media == HTML:
        target = entity_path({"type": KIND_TO_TYPE.get(kind), "id": slug}) or api_path(request, kind, slug)
        if target:
            return RedirectResponse(target, status_code=303, headers=vary)
        media = JSON
    if media == JSON:
        return JSONResponse(data, headers=vary)
    graph = await run_in_threadpool(describe_graph, store, iri)
    if media == TURTLE:
        return Response(graph.serialize(format="turtle"), media_type="text/turtle; charset=utf-8", headers=vary)
    if media == NTRIPLES:
        return Response(graph.serialize(format="nt11"), media_type="application/n-triples; charset=utf-8",
                        headers=vary)
    body = graph.serialize(format="json-ld", context={p: str(ns) for p, ns in PREFIXES.items()}, auto_compact=True)
    return Response(body, media_type=JSONLD, headers=vary)
