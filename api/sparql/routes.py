"""The SPARQL 1.1 Protocol endpoint (queries only): `GET/POST /sparql`.

Query via GET `?query=`, POST `application/x-www-form-urlencoded` (`query=`) or
POST `application/sparql-query` (the body is the query); `default-graph-uri`
and `named-graph-uri` name an explicit dataset (otherwise the default graph is
the union of all document graphs).  Results by `Accept`: SPARQL JSON/XML, CSV,
TSV for SELECT/ASK; Turtle, N-Triples, JSON-LD, RDF/XML for CONSTRUCT/DESCRIBE.

Read-only: updates are refused (400), SERVICE is refused (the server never
contacts other hosts; FROM/FROM NAMED may only name stored graphs), and the
store's bookkeeping graph is never part of the dataset.  The query text is
checked and rewritten in a worker process (`graph.store.guard`,
`api.sparql.worker`), never here.  Limits are described in `api.sparql.execute`.
"""
from __future__ import annotations

from urllib.parse import parse_qsl

from fastapi import APIRouter, Request
from fastapi.responses import Response

from styrgraf.graph.store.media import GRAPH_TYPES, SOLUTION_TYPES

from styrgraf.api.http.errors import ApiError, ErrorBody
from styrgraf.api.sparql.execute import QueryRequest

router = APIRouter(tags=["sparql"])

MAX_QUERY_BYTES = 1_000_000
FORM = "application/x-www-form-urlencoded"
DIRECT = "application/sparql-query"
UPDATE = "application/sparql-update"

DESCRIPTION = """SPARQL 1.1 Protocol, endast läsfrågor (SELECT, ASK, CONSTRUCT, DESCRIBE).

Standardgrafen är unionen av alla dokumentgrafer om inte `default-graph-uri`/`named-graph-uri`
eller FROM/FROM NAMED anger en datamängd; FROM får bara nämna grafer som finns i lagret.
SERVICE och uppdateringar nekas (400): servern kontaktar aldrig någon annan värd. Lagrets egen
bokföringsgraf syns inte.

Gränser: en fråga som tar längre tid än tidsgränsen (standard 10 s) avbryts med 503
`{"error": "query_timeout"}`; ett svar med fler rader (lösningar eller tripler) än radtaket
(standard 10 000) ger 413 `{"error": "result_too_large"}` i stället för ett avkortat svar;
när alla frågearbetare är upptagna svarar servern 503 `{"error": "busy"}`."""

_GRAPH_PARAMS = [
    {"name": name, "in": "query", "required": False, "description": text,
     "schema": {"type": "array", "items": {"type": "string"}}, "style": "form", "explode": True}
    for name, text in (("default-graph-uri", "Graf som ingår i standardgrafen (upprepningsbar)."),
                       ("named-graph-uri", "Namngiven graf som frågan får använda (upprepningsbar)."))
]
_QUERY_PARAM = {"name": "query", "in": "query", "required": True, "description": "SPARQL-frågan.",
                "schema": {"type": "string"}}
_ERROR = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}}
RESPONSES = {
    200: {"description": "Frågans resultat i det förhandlade formatet.",
          "content": {m: {"schema": {}} for m in (*SOLUTION_TYPES, *GRAPH_TYPES)}},
    **{status: {"model": ErrorBody, "description": text} for status, text in (
        (400, "Ogiltig SPARQL, uppdatering eller SERVICE"), (406, "Inget begärt format kan levereras"),
        (413, "Frågan eller svaret är för stort"), (415, "Medietypen stöds inte"),
        (422, "Ogiltiga parametrar"), (503, "Tidsgränsen passerad eller servern upptagen"))},
}


def _update_refused() -> ApiError:
    return ApiError.say(400, "update_not_allowed", "sparql.update_refused")


def _one_query(values: list[str]) -> str:
    if not values:
        raise ApiError.say(422, "invalid_parameters", "sparql.no_query")
    if len(values) > 1:
        raise ApiError.say(422, "invalid_parameters", "sparql.two_queries")
    return values[0]


async def _answer(request: Request, query: str, default_graphs: list[str], named_graphs: list[str]) -> Response:
    state = request.app.state
    body, media = await state.query_runner.run(
        QueryRequest(query, request.headers.get("accept"), tuple(default_graphs), tuple(named_graphs)),
        state.query_limits,
    )
    return Response(body, media_type=media, headers={"Vary": "Accept"})


@router.get("/sparql", summary="SPARQL-fråga (GET)", description=DESCRIPTION, response_class=Response,
            responses=RESPONSES, openapi_extra={"parameters": [_QUERY_PARAM, *_GRAPH_PARAMS]})
async def sparql_get(request: Request) -> Response:
    params = request.query_params
    if "update" in params:
        raise _update_refused()
    return await _answer(request, _one_query(params.getlist("query")),
                         params.getlist("default-graph-uri"), params.getlist("named-graph-uri"))


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refusing (413) to read more than `limit` bytes."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise ApiError.say(413, "too_large", "sparql.too_large", limit=limit)
    chunks, total = [], 0
    async for chunk in request.stream():
        total += len(chunk)
        if total > limit:
            raise ApiError.say(413, "too_large", "sparql.too_large", limit=limit)
        chunks.append(chunk)
    return b"".join(chunks)


def media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";", 1)[0].strip().lower()


@router.post("/sparql", summary="SPARQL-fråga (POST)", description=DESCRIPTION, response_class=Response,
             responses=RESPONSES, openapi_extra={
                 "parameters": _GRAPH_PARAMS,
                 "requestBody": {"required": True, "content": {
                     FORM: {"schema": {"type": "object", "required": ["query"], "properties": {
                         "query": {"type": "string"},
                         "default-graph-uri": {"type": "array", "items": {"type": "string"}},
                         "named-graph-uri": {"type": "array", "items": {"type": "string"}}}}},
                     DIRECT: {"schema": {"type": "string"}},
                 }}})
async def sparql_post(request: Request) -> Response:
    kind = media_type(request)
    if kind == UPDATE:
        raise _update_refused()
    if kind not in (FORM, DIRECT):
        raise ApiError.say(415, "unsupported_media_type", "sparql.media_type", kind=kind or "(-)", form=FORM,
                           direct=DIRECT)
    raw = await read_body(request, MAX_QUERY_BYTES)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ApiError.say(400, "bad_request", "sparql.not_utf8") from None
    url = request.query_params
    default_graphs, named_graphs = url.getlist("default-graph-uri"), url.getlist("named-graph-uri")
    if kind == DIRECT:
        return await _answer(request, text, default_graphs, named_graphs)
    try:
        fields = parse_qsl(text, keep_blank_values=True, encoding="utf-8", errors="strict")
    except (UnicodeDecodeError, ValueError):
        raise ApiError.say(400, "bad_request", "sparql.bad_form") from None
    names = [name for name, _ in fields]
    if "update" in names:
        raise _update_refused()
    queries = [value for name, value in fields if name == "query"]
    default_graphs += [value for name, value in fields if name == "default-graph-uri"]
    named_graphs += [value for name, value in fields if name == "named-graph-uri"]
    return await _answer(request, _one_query(queries), default_graphs, named_graphs)
