"""The read API: documents (and a strategy's own parts), projects, intentions, subprojects, people, decisions,
trace, dependencies, milestones, search and questions (all GET, all JSON).

The answers are built in `graph/` (`graph.queries`, `graph.search`,
`graph.ask`); these routes only validate parameters and map "no such id" to
404. Bad parameters are 422 through FastAPI's validation; the app reshapes
every error to a problem document (`api.http.errors`).  Lists come in pages
(`limit`, `cursor`; `api.http.pagination`).
"""
from __future__ import annotations

import datetime as dt
from typing import Literal, Optional

from fastapi import APIRouter, Depends, Path, Query, Request, Response

from styrgraf.graph import ask as ask_mod
from styrgraf.graph import meetings as meetings_mod
from styrgraf.graph import queries as q
from styrgraf.graph import search as search_mod
from styrgraf.graph import versions as versions_mod
from styrgraf.graph import strategies as strategies_mod
from styrgraf.graph.store.interface import GraphStore

from styrgraf.api.http import pagination as paging
from styrgraf.api.http.deps import get_store
from styrgraf.api.http.errors import ApiError, responses

router = APIRouter(prefix="/api", tags=["frågor"])

# Error statuses each kind of route documents (the body is always `{error, detail}`).
ONE = responses(404, 409, 422, 503)
MANY = responses(422, 503)
# Lists come in pages (`api.http.pagination`): the 200 answer documents its paging headers.
_PAGED = {200: {"description": "En sida av listan.", "headers": paging.headers_doc()}}
LIST = {**MANY, **_PAGED}
ONE_LIST = {**ONE, **_PAGED}

EntityType = Literal["document", "project", "subproject", "intention", "decision", "person", "organisation", "work",
                     "milestone", "appendix", "decision_point", "scope_limit", "method_step", "coverage",
                     "consideration", "membership", "related_document", "finding"]
Lang = Literal["sv", "en"]


def _id_path():
    # A new Path per route: FastAPI binds a parameter object to the first name it is used for.
    return Path(..., min_length=1, max_length=500, description="Entitetens id (slug) eller IRI.")


def _type_query():
    return Query(None, description="Entitetstyp, när samma id finns för flera typer (t.ex. delprojekt 1 och bilaga 1).")


def _date_query(description: str):
    return Query(None, pattern=r"^\d{4}-\d{2}-\d{2}$", description=description)


def _date(value: Optional[str], name: str) -> Optional[dt.date]:
    """An ISO date; an impossible one (2012-04-31) is a bad parameter, not a date to guess."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ApiError.say(422, "invalid_parameters", "http.bad_date", name=name, value=value) from None


def _found(call, *args, **kwargs):
    try:
        return call(*args, **kwargs)
    except q.Ambiguous as several:
        raise ApiError.of(409, "ambiguous", several) from None
    except q.NotFound as missing:
        raise ApiError.of(404, "not_found", missing) from None


def _types(entity_type: Optional[str]) -> tuple[str, ...] | None:
    return (entity_type,) if entity_type else None


@router.get("/documents", summary="Lagrade dokument", responses=LIST)
def list_documents(request: Request, response: Response, limit: int = paging.limit_query(),
                   cursor: Optional[str] = paging.cursor_query(), store: GraphStore = Depends(get_store)) -> list[dict]:
    return paging.render(request, response, q.documents_page(store, paging.decode_cursor(cursor), limit))


@router.get("/documents/{doc_id}", summary="Ett dokument: metadata, bilagor, sidornas text, relaterade dokument", responses=ONE)
def get_document(doc_id: str = _id_path(), store: GraphStore = Depends(get_store)) -> dict:
    return _found(q.document, store, doc_id)


@router.get("/documents/{doc_id}/links", summary="Ett dokuments länkar till andra dokument: samma ärende, hänvisar, "
            "beslutar om, följer upp, delar personer; med säkerhet och belägg", responses=ONE_LIST)
def get_document_links(request: Request, response: Response, doc_id: str = _id_path(), limit: int = paging.limit_query(),
                       cursor: Optional[str] = paging.cursor_query(), store: GraphStore = Depends(get_store)) -> list[dict]:
    offset = paging.decode_cursor(cursor)
    return paging.render(request, response, _found(q.document_links_page, store, doc_id, offset, limit))


@router.get("/documents/{doc_id}/versions", summary="Ett dokuments lagrade versioner (samma kommun, diarienummer "
            "och titel), äldst först, var och en med den version den reviderar", responses=ONE)
def get_document_versions(doc_id: str = _id_path(), store: GraphStore = Depends(get_store)) -> dict:
    return _found(versions_mod.versions, store, doc_id)


@router.get("/documents/{doc_id}/diff", summary="Vad en version lägger till, tar bort och ändrar jämfört med en annan "
            "version av samma dokument (delprojekt, intentioner, roller, beslut), med belägg", responses=ONE)
def get_document_diff(doc_id: str = _id_path(),
                      from_doc: str = Query(..., alias="from", min_length=1, max_length=500,
                                            description="Id eller IRI för den version som jämförs med."),
                      store: GraphStore = Depends(get_store)) -> dict:
    try:
        return _found(versions_mod.diff, store, doc_id, from_doc)
    except versions_mod.NotVersions as refused:
        raise ApiError.of(422, "not_versions", refused) from None
@router.get("/documents/{doc_id}/strategy", summary="En strategis, policys eller ett programs antagande, giltighet, "
            "dokumentansvarig, revisioner och målområden med mål, åtgärder och indikatorer, med belägg", responses=ONE)
def get_document_strategy(doc_id: str = _id_path(), store: GraphStore = Depends(get_store)) -> dict:
    return _found(strategies_mod.strategy, store, doc_id)


@router.get("/projects", summary="Projekt med ägare och delprojekt", responses=LIST)
def list_projects(request: Request, response: Response, limit: int = paging.limit_query(),
                  cursor: Optional[str] = paging.cursor_query(), store: GraphStore = Depends(get_store)) -> list[dict]:
    return paging.render(request, response, q.projects_page(store, paging.decode_cursor(cursor), limit))


@router.get("/intentions", summary="Intentioner, vilket beslut som lade fast dem och vilka delprojekt som täcker dem",
            responses=ONE_LIST)
def list_intentions(
    request: Request, response: Response,
    project: Optional[str] = Query(None, min_length=1, max_length=500, description="Projektets eller dokumentets id."),
    number: Optional[int] = Query(None, ge=1, le=9999, description="Intentionens nummer."),
    limit: int = paging.limit_query(), cursor: Optional[str] = paging.cursor_query(),
    store: GraphStore = Depends(get_store),
) -> list[dict]:
    offset = paging.decode_cursor(cursor)
    return paging.render(request, response, q.page(_found(q.intentions, store, project=project, number=number),
                                                   offset, limit))


@router.get("/subprojects/{subproject_id}", summary="Ett delprojekt: intentioner, personer, beroenden, milstolpar", responses=ONE)
def get_subproject(subproject_id: str = _id_path(), store: GraphStore = Depends(get_store)) -> dict:
    return _found(q.subproject, store, subproject_id)


@router.get("/people", summary="Personer och deras roller (namnsökning tål å/ä/ö och versaler)", responses=LIST)
def list_people(request: Request, response: Response, name: Optional[str] = Query(None, min_length=1, max_length=200),
                limit: int = paging.limit_query(), cursor: Optional[str] = paging.cursor_query(),
                store: GraphStore = Depends(get_store)) -> list[dict]:
    return paging.render(request, response, q.people_page(store, name, paging.decode_cursor(cursor), limit))


@router.get("/people/{person_id}", summary="En person och hans eller hennes roller", responses=ONE)
def get_person(person_id: str = _id_path(), store: GraphStore = Depends(get_store)) -> dict:
    return _found(q.person, store, person_id)


@router.get("/decisions", summary="Beslut och vilka beslut de bygger på", responses=LIST)
def list_decisions(request: Request, response: Response, limit: int = paging.limit_query(),
                   cursor: Optional[str] = paging.cursor_query(), store: GraphStore = Depends(get_store)) -> list[dict]:
    return paging.render(request, response, q.page(q.decisions(store), paging.decode_cursor(cursor), limit))


@router.get("/decisions/{decision_id}", summary="Ett beslut, dess punkter och beslutskedjan bakåt", responses=ONE)
def get_decision(decision_id: str = _id_path(), store: GraphStore = Depends(get_store)) -> dict:
    return _found(q.decision, store, decision_id)


@router.get("/trace/{entity_id}", summary="Belägg för en entitet, beslutskedjan den vilar på och det som vilar på den",
            responses=ONE)
def get_trace(entity_id: str = _id_path(), type: Optional[EntityType] = _type_query(),
              store: GraphStore = Depends(get_store)) -> dict:
    return _found(q.trace, store, entity_id, _types(type))


@router.get("/dependencies/{entity_id}", summary="Vad en entitet ska beakta och vad som ska beakta den", responses=ONE)
def get_dependencies(entity_id: str = _id_path(), depth: int = Query(1, ge=1, le=10), type: Optional[EntityType] = _type_query(),
                     store: GraphStore = Depends(get_store)) -> dict:
    return _found(q.dependencies, store, entity_id, depth, _types(type))


@router.get("/milestones", summary="Milstolpar före/efter ett datum; omöjliga datum listas separat", responses=ONE)
def list_milestones(before: Optional[str] = _date_query("Milstolpar före detta datum (ÅÅÅÅ-MM-DD)."),
                    after: Optional[str] = _date_query("Milstolpar efter detta datum (ÅÅÅÅ-MM-DD)."),
                    project: Optional[str] = Query(None, min_length=1, max_length=500),
                    store: GraphStore = Depends(get_store)) -> dict:
    projects = _found(q.project_iris, store, project) if project else None
    return q.milestones(store, before=_date(before, "before"), after=_date(after, "after"), project_list=projects)


@router.get("/entities/{entity_id}", summary="Allt om en entitet av valfri typ", responses=ONE)
def get_entity(entity_id: str = _id_path(), type: Optional[EntityType] = _type_query(), store: GraphStore = Depends(get_store)) -> dict:
    return _found(q.show, store, entity_id, _types(type))


@router.get("/search", summary="Sök entiteter och textavsnitt (svensk böjning, å/ä/ö, sammansättningar)", responses=MANY)
def get_search(q_: str = Query(..., alias="q", min_length=1, max_length=500),
               limit: int = Query(20, ge=1, le=search_mod.MAX_LIMIT), store: GraphStore = Depends(get_store)) -> dict:
    return search_mod.search(store, q_, limit)


@router.get("/ask", summary="Ställ en fråga på svenska eller engelska", responses=MANY)
def get_ask(q_: str = Query(..., alias="q", min_length=1, max_length=ask_mod.MAX_QUESTION),
            lang: Optional[Lang] = Query(None, description="Svarets språk; utan: frågans språk."),
            store: GraphStore = Depends(get_store)) -> dict:
    return ask_mod.ask(store, q_, lang)


# -- meetings (minutes and protocol extracts) ---------------------------------

@router.get("/meetings", summary="Sammanträden: organ, datum, plats, protokoll och antal paragrafer", responses=LIST)
def list_meetings(request: Request, response: Response,
                  body: Optional[str] = Query(None, min_length=1, max_length=200,
                                              description="Organets namn, förkortning eller id (KS, kommunstyrelsen)."),
                  date: Optional[str] = _date_query("Sammanträdesdatum (ÅÅÅÅ-MM-DD)."),
                  limit: int = paging.limit_query(), cursor: Optional[str] = paging.cursor_query(),
                  store: GraphStore = Depends(get_store)) -> list[dict]:
    day = _date(date, "date")
    page = meetings_mod.meetings_page(store, body, day.isoformat() if day else None, paging.decode_cursor(cursor), limit)
    return paging.render(request, response, page)


@router.get("/meetings/{meeting_id}", summary="Ett sammanträde: försättsblad, deltagare och paragrafer med belägg",
            responses=ONE)
def get_meeting(meeting_id: str = _id_path(), store: GraphStore = Depends(get_store)) -> dict:
    return _found(meetings_mod.meeting, store, meeting_id)
