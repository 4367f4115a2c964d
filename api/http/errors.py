"""Every HTTP error is a problem document (RFC 9457), `application/problem+json`:

    {"type": "about:blank", "title": <HTTP reason phrase>, "status": <code>,
     "detail": <text>, "error": <stable English key>}

`detail` is Swedish, or English when the request asks for it (`request_lang`: `?lang=en`,
else an `Accept-Language` that prefers English); the answer's `Content-Language` says which.

`type`, `title`, `status` and `detail` are RFC 9457's members; `error` (the key
clients branch on) is kept as an extension member, and `detail` keeps its
meaning, so clients written for the older `{error, detail}` body still work.
Routes raise `ApiError` (or let a `StoreError` through); FastAPI's own errors
(unknown path, wrong method, bad parameters) are reshaped here so that clients
see one error format.  The catch-all handler exists so that a bug never leaks a
stack trace; the tests show that no request reaches it.
"""
from __future__ import annotations

import logging
import re
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from styrgraf.graph.errors import StoreError, message_in, texts
from styrgraf.graph.wording import LANGS

log = logging.getLogger("styrgraf.api")


PROBLEM_JSON = "application/problem+json"
PROBLEM_TYPE = "about:blank"


class ErrorBody(BaseModel):
    type: str
    title: str
    status: int
    detail: str
    error: str


class ApiError(Exception):
    """An error answer: HTTP status, stable key, Swedish detail (and its English, where written)."""

    def __init__(self, status: int, error: str, detail: str, headers: dict[str, str] | None = None,
                 detail_en: str | None = None) -> None:
        super().__init__(detail)
        self.status = status
        self.error = error
        self.detail = detail
        self.message, self.message_en = detail, detail_en  # read by `message_in`
        self.headers = headers

    @classmethod
    def say(cls, status: int, error: str, message: str, /, headers: dict[str, str] | None = None,
            **fields: object) -> "ApiError":
        """The answer that says the catalogue's `message` (graph/errors.py), in both languages."""
        sv, en = texts(message, **fields)
        return cls(status, error, sv, headers, en)

    @classmethod
    def of(cls, status: int, error: str, failure: Exception) -> "ApiError":
        """The answer to a graph error that carries both languages (NotFound, NotVersions, AnalysisError)."""
        return cls(status, error, getattr(failure, "message", str(failure)), detail_en=getattr(failure, "message_en", None))


def request_lang(request: Request) -> str:
    """The language an error is told in: `?lang=` when it is sv or en, else the first of sv and en that
    `Accept-Language` names (by its q-values), else Swedish."""
    asked = request.query_params.get("lang")
    if asked in LANGS:
        return asked
    ranked = []
    for position, part in enumerate(request.headers.get("accept-language", "").split(",")):
        tag, _, params = part.strip().partition(";")
        try:
            weight = float(params.strip()[2:]) if params.strip().startswith("q=") else 1.0
        except ValueError:
            weight = 0.0
        primary = tag.strip().lower().split("-")[0]
        if primary in LANGS and weight > 0:
            ranked.append((-weight, position, primary))
    return min(ranked)[2] if ranked else "sv"


# StoreError.code -> HTTP status.  Store trouble that is not the client's
# fault is 503 (try later), never 500.
STORE_STATUS = {
    "not_found": 404,
    "bad_query": 400,
    "refused": 400,
    "invalid_data": 422,
    "not_acceptable": 406,
    "unsupported_format": 415,
    "timeout": 503,
    "unreachable": 503,
    "locked": 503,
    "io": 503,
    "server_error": 502,
    "read_only": 403,
    "not_union": 503,
    "bad_location": 503,
}

# Default keys for FastAPI/Starlette HTTP errors.
STATUS_KEYS = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    413: "too_large",
    415: "unsupported_media_type",
    409: "ambiguous",
    422: "invalid_parameters",
    503: "unavailable",
}
STATUS_TEXTS = {
    "sv": {404: "Resursen finns inte.", 405: "Metoden stöds inte för den här adressen.",
           "invalid": "Ogiltiga parametrar", "missing": "saknas", "bad_value": "ogiltigt värde", "request": "begäran",
           500: "Ett oväntat fel uppstod i servern. Felet har loggats."},
    "en": {404: "There is no such resource.", 405: "The method is not supported at this address.",
           "invalid": "Invalid parameters", "missing": "missing", "bad_value": "invalid value", "request": "request",
           500: "An unexpected error happened in the server. It has been logged."},
}


def problem(status: int, error: str, detail: str) -> dict[str, Any]:
    """The problem document of an error; `about:blank` since `error` already names the kind."""
    try:
        title = HTTPStatus(status).phrase
    except ValueError:
        title = "Error"
    return {"type": PROBLEM_TYPE, "title": title, "status": status, "detail": detail, "error": error}


def error_response(status: int, error: str, detail: str, headers: dict[str, str] | None = None,
                   lang: str = "sv") -> JSONResponse:
    headers = {**(headers or {}), "Content-Language": lang}
    return JSONResponse(problem(status, error, detail), status_code=status, headers=headers, media_type=PROBLEM_JSON)


def store_error_response(error: StoreError, lang: str = "sv") -> JSONResponse:
    status = STORE_STATUS.get(error.code, 503)
    return error_response(status, error.code, message_in(error, lang), lang=lang)


async def _api_error(request: Request, exc: ApiError) -> Response:
    lang = request_lang(request)
    return error_response(exc.status, exc.error, message_in(exc, lang), exc.headers, lang)


async def _store_error(request: Request, exc: StoreError) -> Response:
    if STORE_STATUS.get(exc.code, 503) >= 500:
        log.warning("store error on %s %s: %s (%s)", request.method, request.url.path, exc.message, exc.code)
    return store_error_response(exc, request_lang(request))


def schema_paths(app: Any) -> list[tuple[re.Pattern[str], str, set[str]]]:
    """(pattern, template, methods) of every documented path, from the OpenAPI schema."""
    cached = getattr(app.state, "_schema_paths", None)
    if cached is None:
        cached = []
        for template, item in app.openapi().get("paths", {}).items():
            pattern = re.compile("^" + re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(template)) + "$")
            methods = {m.upper() for m in item if m in ("get", "put", "post", "delete", "patch", "head", "options")}
            cached.append((pattern, template, methods))
        app.state._schema_paths = cached
    return cached


def allowed_methods(app: Any, path: str) -> list[str]:
    # Starlette names only the first matching route's methods in Allow; a path
    # served by several routes (GET and POST /sparql) needs all of them.
    methods: set[str] = set()
    for pattern, _, route_methods in schema_paths(app):
        if pattern.match(path):
            methods |= route_methods
    if "GET" in methods:
        methods.add("HEAD")  # answered by `conditional.ConditionalMiddleware`
    return sorted(methods)


async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
    detail: Any = exc.detail
    headers = dict(exc.headers or {})
    if exc.status_code == 405:
        methods = allowed_methods(request.app, request.url.path)
        if methods:
            headers["Allow"] = ", ".join(methods)
    error = STATUS_KEYS.get(exc.status_code, "error")
    if isinstance(detail, dict) and "detail" in detail:
        error = str(detail.get("error") or error)
        detail = detail["detail"]
    if not isinstance(detail, str):
        detail = str(detail)
    lang = request_lang(request)
    # Starlette's default detail is the English reason phrase; staff read Swedish.
    if exc.status_code in (404, 405) and detail in ("Not Found", "Method Not Allowed"):
        detail = STATUS_TEXTS[lang][exc.status_code]
    if exc.status_code in (204, 304) or exc.status_code < 200:
        return Response(status_code=exc.status_code, headers=headers)
    return error_response(exc.status_code, error, detail, headers or None, lang)


def describe_validation_errors(errors: list[dict[str, Any]], lang: str = "sv") -> str:
    """One line naming each bad parameter (location and problem); pydantic's own problem texts are English."""
    words = STATUS_TEXTS[lang]
    parts = []
    for item in errors:
        loc = [str(x) for x in item.get("loc", ()) if x not in ("body",)]
        where = ".".join(loc[1:]) if len(loc) > 1 else ".".join(loc) or words["request"]
        kind = item.get("type", "")
        if kind == "missing":
            problem = words["missing"]
        else:
            problem = str(item.get("msg", words["bad_value"]))
        parts.append(f"{where}: {problem}")
    return f"{words['invalid']}: " + "; ".join(parts) if parts else f"{words['invalid']}."


async def _validation_error(request: Request, exc: RequestValidationError) -> Response:
    lang = request_lang(request)
    return error_response(422, "invalid_parameters", describe_validation_errors(list(exc.errors()), lang), lang=lang)


async def _unexpected(request: Request, exc: Exception) -> Response:
    # Logged with the traceback for the operator; the client gets no internals.
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    lang = request_lang(request)
    return error_response(500, "internal_error", STATUS_TEXTS[lang][500], lang=lang)


def install(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, _api_error)  # type: ignore[arg-type]
    app.add_exception_handler(StoreError, _store_error)  # type: ignore[arg-type]
    app.add_exception_handler(StarletteHTTPException, _http_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _validation_error)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, _unexpected)


def responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses=` entries for the error statuses an operation documents."""
    texts = {
        400: "Felaktig begäran", 401: "Nyckel saknas", 403: "Nyckeln nekas eller skrivning är avstängd",
        404: "Finns inte", 406: "Inget begärt format kan levereras", 413: "För stort",
        415: "Medietypen stöds inte", 409: "Flera träffar: ange id", 422: "Ogiltiga parametrar", 503: "Tillfälligt otillgänglig",
    }
    return {s: {"model": ErrorBody, "description": texts.get(s, "Fel")} for s in statuses}


def patch_openapi(app: FastAPI) -> None:
    """Make the schema tell the truth about errors: each is an ErrorBody as `application/problem+json`.

    FastAPI documents 422 as its own `HTTPValidationError` and every error as
    `application/json`; our handlers answer problem documents instead, so the
    schema is rewritten to match.  Each route
    lists its own error statuses (see `responses()`); there is deliberately no
    catch-all `default`, so that schemathesis checks the statuses for real.
    """
    original = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = original()
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        components["ErrorBody"] = ErrorBody.model_json_schema()
        error_content = {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/ErrorBody"}}}
        for path_item in schema.get("paths", {}).values():
            for operation in path_item.values():
                if not isinstance(operation, dict) or "responses" not in operation:
                    continue
                ops = operation["responses"]
                if "422" in ops:
                    ops["422"] = {"description": "Ogiltiga parametrar", "content": error_content}
                for status, response in ops.items():
                    if status.startswith(("4", "5")) and isinstance(response, dict):
                        response["content"] = error_content
        for name in ("HTTPValidationError", "ValidationError"):
            components.pop(name, None)
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
