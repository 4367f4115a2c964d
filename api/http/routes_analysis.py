"""Analysis endpoints: overlaps, checks, matrices, dependency cycles.

The answers are built in `graph.analysis`; this module only reads parameters
and renders (JSON, or CSV for the matrices). Errors are `{error, detail}`:
404 for an unknown project, 422 for a bad parameter.
"""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response

from styrgraf.graph.analysis import (
    AnalysisError, coverage_csv, coverage_matrix, find_cycles, people_csv, people_matrix, run_checks,
)
from styrgraf.graph.analysis.checks import DEFAULT_MAX_SUBPROJECTS
from styrgraf.graph.analysis.overlaps import DEFAULT_MIN_SCORE, overlaps_answer
from styrgraf.graph.queries import DEFAULT_LIMIT, MAX_LIMIT, Page, page

from styrgraf.api.http import pagination as paging

from styrgraf.api.http.deps import get_store

from styrgraf.api.http.errors import ApiError, responses as error_responses  # noqa: E402

router = APIRouter(tags=["analys"])
# Unknown projects are 404, bad parameters 422: documented so that clients (and schemathesis) know.
_ERRORS = error_responses(404, 422)
_LIST_ERRORS = {**_ERRORS, 200: {"description": "En sida av listan.", "headers": paging.headers_doc()}}


def _float(name: str, value: str | None, default: float) -> float:
    if value is None or value == "":
        return default
    try:
        return float(value.replace(",", "."))
    except ValueError:
        raise AnalysisError.of("param.number", name=name, value=value) from None


def _int(name: str, value: str | None, default: int) -> int:
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise AnalysisError.of("param.integer", name=name, value=value) from None


def _bool(name: str, value: str | None) -> bool:
    if value is None or value == "":
        return False
    if value.lower() in ("1", "true", "yes", "ja"):
        return True
    if value.lower() in ("0", "false", "no", "nej"):
        return False
    raise AnalysisError.of("param.boolean", name=name, value=value)


def _lang(value: str | None) -> str:
    if value in (None, "", "sv", "en"):
        return value or "sv"
    raise AnalysisError.of("param.lang", value=value)


def _format(value: str | None) -> str:
    if value in (None, "", "json", "csv"):
        return value or "json"
    raise AnalysisError.of("param.format", value=value)


def _answer(work) -> Any:
    try:
        return work()
    except AnalysisError as e:
        # Answered by the error handler, in the language the request asks for.
        raise ApiError.of(e.status, {404: "not_found", 422: "invalid_parameters"}.get(e.status, "bad_request"), e) from None


def _limit(value: str | None) -> int:
    limit = _int("limit", value, DEFAULT_LIMIT)
    if not 1 <= limit <= MAX_LIMIT:
        raise AnalysisError.of("param.limit", most=MAX_LIMIT, value=limit)
    return limit


def _overlaps_page(request: Request, response: Response, store, project: str | None, min_score: float, lang: str,
                   offset: int, limit: int) -> dict:
    # Ranked up to the page's end only: the ranking keeps `offset + limit` pairs, not all of them.
    answer = overlaps_answer(store, project, min_score, lang=lang, limit=limit, offset=offset)
    return dict(answer, overlaps=paging.render(request, response, Page(answer["overlaps"], answer["total"], offset, limit)))


@router.get("/api/overlaps", responses=_LIST_ERRORS, summary="Delprojekt som överlappar, rangordnade med skäl och belägg")
def overlaps(request: Request, response: Response,
             project: str | None = Query(None, description="Projektets (eller dokumentets) id eller IRI"),
             min_score: str | None = Query(None, description=f"Lägsta poäng, 0–1 (standard {DEFAULT_MIN_SCORE}, "
                                           "som i CLI:t; 0 visar alla par)"),
             limit: str | None = Query(None, description=f"Högst så många par per sida (standard {DEFAULT_LIMIT}, högst {MAX_LIMIT})"),
             cursor: str | None = paging.cursor_query(),
             lang: str | None = Query(None, description="sv (standard) eller en"),
             store=Depends(get_store)):
    offset = paging.decode_cursor(cursor)
    return _answer(lambda: _overlaps_page(request, response, store, project or None,
                                          _float("min_score", min_score, DEFAULT_MIN_SCORE), _lang(lang), offset,
                                          _limit(limit)))


def _checks_answer(request: Request, response: Response, found: dict, offset: int, limit: int) -> dict:
    # A page of the findings; `counts` stay those of all findings.
    return dict(found, findings=paging.render(request, response, page(found["findings"], offset, limit)))


@router.get("/api/checks", responses=_LIST_ERRORS, summary="Konsistenskontroller: datum, intentioner, ledare, personer, SHACL")
def checks(request: Request, response: Response,
           max_subprojects: str | None = Query(None, description="Högsta antal delprojekt per person (standard 3)"),
           shacl: str | None = Query(None, description="true: kör även SHACL-validering (långsamt)"),
           limit: str | None = Query(None, description=f"Högst så många fynd per sida (standard {DEFAULT_LIMIT}, högst {MAX_LIMIT})"),
           cursor: str | None = paging.cursor_query(),
           lang: str | None = Query(None, description="sv (standard) eller en"),
           store=Depends(get_store)):
    offset = paging.decode_cursor(cursor)
    return _answer(lambda: _checks_answer(request, response, run_checks(
        store, _int("max_subprojects", max_subprojects, DEFAULT_MAX_SUBPROJECTS), shacl=_bool("shacl", shacl),
        lang=_lang(lang)), offset, _limit(limit)))


def _matrix(store, data_fn, csv_fn, project: str | None, fmt: str | None, lang: str | None, name: str):
    f, lg = _format(fmt), _lang(lang)
    data = data_fn(store, project or None)
    if f == "csv":
        return Response(csv_fn(data, lg), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'inline; filename="{name}.csv"'})
    return data


@router.get("/api/matrices/coverage", responses=_ERRORS, summary="Intentioner × delprojekt, med avgränsningar")
def matrix_coverage(project: str | None = Query(None), format: str | None = Query(None, description="json eller csv"),
                    lang: str | None = Query(None), store=Depends(get_store)):
    return _answer(lambda: _matrix(store, coverage_matrix, coverage_csv, project, format, lang, "tackning"))


@router.get("/api/matrices/people", responses=_ERRORS, summary="Personer × delprojekt, med roller")
def matrix_people(project: str | None = Query(None), format: str | None = Query(None, description="json eller csv"),
                  lang: str | None = Query(None), store=Depends(get_store)):
    return _answer(lambda: _matrix(store, people_matrix, people_csv, project, format, lang, "personer"))


@router.get("/api/dependencies/cycles", responses=_ERRORS, summary="Cirkulära beroenden mellan delprojekt")
def dependency_cycles(lang: str | None = Query(None), store=Depends(get_store)):
    return _answer(lambda: find_cycles(store, _lang(lang)))
