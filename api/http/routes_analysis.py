"""Analysis endpoints: overlaps, checks, matrices, dependency cycles.

The answers are built in `graph.analysis`; this module only reads parameters
and renders (JSON, or CSV for the matrices). Errors are `{error, detail}`:
404 for an unknown project, 422 for a bad parameter.
"""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse, Response

from styrgraf.graph.analysis import (
    AnalysisError, compute_overlaps, coverage_csv, coverage_matrix, find_cycles, people_csv, people_matrix, run_checks,
)
from styrgraf.graph.analysis.checks import DEFAULT_MAX_SUBPROJECTS

from styrgraf.api.http.deps import get_store

from styrgraf.api.http.errors import responses as error_responses  # noqa: E402

router = APIRouter(tags=["analys"])
# Unknown projects are 404, bad parameters 422: documented so that clients (and schemathesis) know.
_ERRORS = error_responses(404, 422)


def _error(status: int, detail: str) -> JSONResponse:
    key = {404: "not_found", 422: "invalid_parameters"}.get(status, "bad_request")
    return JSONResponse({"error": key, "detail": detail}, status_code=status)


def _float(name: str, value: str | None, default: float) -> float:
    if value is None or value == "":
        return default
    try:
        return float(value.replace(",", "."))
    except ValueError:
        raise AnalysisError(f"{name} måste vara ett tal, inte {value!r}") from None


def _int(name: str, value: str | None, default: int) -> int:
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise AnalysisError(f"{name} måste vara ett heltal, inte {value!r}") from None


def _bool(name: str, value: str | None) -> bool:
    if value is None or value == "":
        return False
    if value.lower() in ("1", "true", "yes", "ja"):
        return True
    if value.lower() in ("0", "false", "no", "nej"):
        return False
    raise AnalysisError(f"{name} måste vara true eller false, inte {value!r}")


def _lang(value: str | None) -> str:
    if value in (None, "", "sv", "en"):
        return value or "sv"
    raise AnalysisError(f"lang måste vara sv eller en, inte {value!r}")


def _format(value: str | None) -> str:
    if value in (None, "", "json", "csv"):
        return value or "json"
    raise AnalysisError(f"format måste vara json eller csv, inte {value!r}")


def _answer(work) -> Any:
    try:
        return work()
    except AnalysisError as e:
        return _error(e.status, e.message)


@router.get("/api/overlaps", responses=_ERRORS, summary="Delprojekt som överlappar, rangordnade med skäl och belägg")
def overlaps(project: str | None = Query(None, description="Projektets (eller dokumentets) id eller IRI"),
             min_score: str | None = Query(None, description="Lägsta poäng, 0–1"),
             limit: str | None = Query(None, description="Högst så många par"),
             lang: str | None = Query(None, description="sv (standard) eller en"),
             store=Depends(get_store)):
    return _answer(lambda: compute_overlaps(store, project or None, _float("min_score", min_score, 0.0),
                                            lang=_lang(lang), limit=_int("limit", limit, 0) or None))


@router.get("/api/checks", responses=_ERRORS, summary="Konsistenskontroller: datum, intentioner, ledare, personer, SHACL")
def checks(max_subprojects: str | None = Query(None, description="Högsta antal delprojekt per person (standard 3)"),
           shacl: str | None = Query(None, description="true: kör även SHACL-validering (långsamt)"),
           lang: str | None = Query(None, description="sv (standard) eller en"),
           store=Depends(get_store)):
    return _answer(lambda: run_checks(store, _int("max_subprojects", max_subprojects, DEFAULT_MAX_SUBPROJECTS),
                                      shacl=_bool("shacl", shacl), lang=_lang(lang)))


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
