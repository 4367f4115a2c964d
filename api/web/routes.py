"""The web pages at `/`: start (question or search), documents, entities, meetings, coverage,
overlaps and checks, as server-rendered HTML that works without JavaScript.

Every answer comes from `graph/` (`graph.ask`, `graph.search`, `graph.queries`,
`graph.meetings`, `graph.versions`, `graph.analysis`); these routes read the
parameters, render templates, and turn "no such id" or a bad parameter into an
HTML error page (404, 422) in the page's language.
"""
from __future__ import annotations

import csv
import io
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, Response
from fastapi.concurrency import run_in_threadpool

from styrgraf.graph import ask as ask_mod
from styrgraf.graph import meetings as meetings_mod
from styrgraf.graph import plan_graph as plan_graph_mod
from styrgraf.graph import queries as q
from styrgraf.graph import search as search_mod
from styrgraf.graph import strategies as strategies_mod
from styrgraf.graph import versions as versions_mod
from styrgraf.graph.analysis import AnalysisError, compute_overlaps, coverage_matrix
from styrgraf.graph.analysis.checks import checks_page as checks_of
from styrgraf.graph.analysis.overlaps import count_overlaps
from styrgraf.graph.documents import newest_documents

from styrgraf.api.http.deps import get_store
from styrgraf.api.web.diagram import chain_layout, dependency_layout, plan_layout
from styrgraf.api.web.facts import (fact_rows, links_by_paragraph, participant_groups, person_sections, plan_rows,
                                    uncovered_intentions, with_role)
from styrgraf.api.web.render import STATIC, page_lang, render
from styrgraf.api.web.texts import TEXTS

router = APIRouter(include_in_schema=False)

LATEST_CHECKS = 5
START_DOCUMENTS = 25  # the newest documents on the start page; all of them at /dokument
SEARCH_LIMIT = 20
SHOWN_PAIRS = 100  # the strongest overlaps on the page; the CSV has them all
# Lists of a large store are shown this many at a time (`?sida=2` for the next), with how many there are.
SHOWN_DOCUMENTS = 100
SHOWN_FINDINGS = 100
# The entity pages: web path segment -> the entity type `graph.queries.show` is asked for.
ENTITY_KINDS = {"delprojekt": "subproject", "intention": "intention", "person": "person",
                "organisation": "organisation", "beslut": "decision", "projekt": "project", "utredning": "work"}
# The kinds with a page of their own below (the rest are shown by the generic entity page).
DESIGNED_PAGES = ("person",)


class PageError(Exception):
    """A page that cannot be shown: status and the reason in the page's language."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def _error_page(request: Request, error: PageError) -> Response:
    t = TEXTS[page_lang(request)]
    heading = t["not_found"] if error.status == 404 else t["bad_request"]
    return render(request, "error.html", status=error.status, heading=heading, message=error.message)


async def _page(request: Request, build, template: str) -> Response:
    """Build the page's data in a worker thread and render `template`; errors become error pages."""
    try:
        context = await run_in_threadpool(build)
    except q.NotFound as missing:
        return _error_page(request, PageError(404, missing.message_en if page_lang(request) == "en" else missing.message))
    except AnalysisError as refused:
        message = refused.message_en if page_lang(request) == "en" else refused.message
        return _error_page(request, PageError(refused.status, message))
    except PageError as error:
        return _error_page(request, error)
    return render(request, template, **context)


@router.get("/webb.css")
def stylesheet() -> FileResponse:
    return FileResponse(STATIC / "webb.css", media_type="text/css; charset=utf-8")


# -- start ---------------------------------------------------------------------

def _answer(store: Any, question: str, lang: str) -> dict:
    """The answer of `graph.ask`, with the search results when the question was not understood."""
    answer = ask_mod.ask(store, question, lang)
    hits = None if answer.get("understood_as") else search_mod.search(store, question, SEARCH_LIMIT)
    return {"answer": answer, "hits": hits}


def _list_page(params: dict, lang: str) -> int:
    """The 1-based page of a long list (`?sida=`); a page that is not a positive number is a 422."""
    value = params.get("sida")
    number = _int(value) if value not in (None, "") else 1
    if number is None or number < 1:
        raise PageError(422, TEXTS[lang]["list_page_error"].format(value=value))
    return number


def _paged(items_total: int, number: int, size: int) -> dict:
    """Where page `number` of a list of `items_total` starts and ends, and its neighbours (None: none)."""
    first = (number - 1) * size
    return {"first": first + 1, "last": min(items_total, first + size), "total": items_total, "number": number,
            "previous": number - 1 if number > 1 else None, "next": number + 1 if first + size < items_total else None}


@router.get("/")
async def start(request: Request) -> Response:
    store = get_store(request)
    lang = page_lang(request)
    question = (request.query_params.get("q") or "").strip()[:ask_mod.MAX_QUESTION]

    def build() -> dict:
        documents = newest_documents(store)
        context = {"question": question, "documents": documents[:START_DOCUMENTS], "document_count": len(documents),
                   "checks": checks_of(store, lang=lang, limit=LATEST_CHECKS),
                   "can_upload": bool(request.app.state.token), "examples": ask_mod.EXAMPLES}
        if question:
            context.update(_answer(store, question, lang))
        return context

    return await _page(request, build, "start.html")


# -- documents -----------------------------------------------------------------

def _documents(store: Any, params: dict, lang: str) -> dict:
    """One page of the stored documents, newest first."""
    documents = newest_documents(store)
    paged = _paged(len(documents), _list_page(params, lang), SHOWN_DOCUMENTS)
    return {"documents": documents[paged["first"] - 1:paged["last"]], "paged": paged}


@router.get("/dokument")
async def documents_page(request: Request) -> Response:
    store = get_store(request)
    lang = page_lang(request)
    params = dict(request.query_params)
    return await _page(request, lambda: _documents(store, params, lang), "documents.html")


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except ValueError:
        return None


def highlighted(page_text: str, start: int | None, end: int | None) -> tuple[str, str, str] | None:
    """The page's text split around `[start, end)`, or None when the offsets are not on the page."""
    if start is None or end is None or not 0 <= start < end <= len(page_text):
        return None
    return page_text[:start], page_text[start:end], page_text[end:]


def _document(store: Any, doc_id: str, params: dict) -> dict:
    document = q.document(store, doc_id)
    page, start, end = _int(params.get("sida")), _int(params.get("fran")), _int(params.get("till"))
    numbers = {p["number"] for p in document["pages"]}
    if params.get("sida") and page not in numbers:
        raise PageError(404, TEXTS[params["lang"]]["page_error"].format(value=params.get("sida")))
    pages = [dict(p, marked=highlighted(p["text"], start, end) if p["number"] == page else None)
             for p in document["pages"]]
    links = q.document_links(store, doc_id)
    versions = versions_mod.versions(store, doc_id)["versions"]
    strategy = strategies_mod.document_strategy(store, document["iri"])
    return {"document": document, "pages": pages, "links": links, "versions": versions, "shown_page": page,
            "changes": _changes(store, document["id"], versions),
            "strategy_rows": fact_rows(strategy, params["lang"]) if strategy else []}


def _changes(store: Any, doc_id: str, versions: list[dict]) -> dict | None:
    """What this version changes against the version before it, when there is one."""
    ids = [v["id"] for v in versions]
    if doc_id not in ids or ids.index(doc_id) == 0:
        return None
    previous = versions[ids.index(doc_id) - 1]
    return dict(versions_mod.diff(store, doc_id, previous["id"]), previous=previous)


@router.get("/dokument/{doc_id}")
async def document_page(request: Request, doc_id: str) -> Response:
    store = get_store(request)
    params = dict(request.query_params, lang=page_lang(request))
    return await _page(request, lambda: _document(store, doc_id, params), "document.html")


# -- entities and meetings -------------------------------------------------------

def _entity(store: Any, kind: str, entity_id: str, lang: str) -> dict:
    shown = q.show(store, entity_id, (kind,))
    data = shown["data"]
    diagram = dependency_layout(q.dependencies(store, data["iri"], 1, (kind,)), lang) if kind == "subproject" else None
    return {"kind": shown["type"], "entity": data, "rows": fact_rows(data, lang), "diagram": diagram}


def _entity_route(segment: str, kind: str) -> None:
    async def entity_page(request: Request, entity_id: str) -> Response:
        store = get_store(request)
        lang = page_lang(request)
        return await _page(request, lambda: _entity(store, kind, entity_id, lang), "entity.html")

    router.add_api_route(f"/{segment}/{{entity_id}}", entity_page, methods=["GET"], name=f"web-{kind}")


for _segment, _kind in ENTITY_KINDS.items():
    if _kind not in DESIGNED_PAGES:
        _entity_route(_segment, _kind)


def _trail(store: Any, kind: str, entity_id: str, lang: str) -> dict:
    """The audit trail: the decisions the entity rests on, oldest first, then the entity itself."""
    trail = q.trace(store, entity_id, (kind,))
    steps = sorted(trail["chain"], key=lambda d: d.get("date") or "")
    entity = dict(trail["entity"], evidence=trail["evidence"], recorded_in=trail.get("recorded_in"))
    steps = [s for s in steps if s["iri"] != entity["iri"]] + [entity]
    return {"trail": trail, "steps": steps, "diagram": chain_layout(steps, lang)}


@router.get("/spar/{segment}/{entity_id}")
async def trail_page(request: Request, segment: str, entity_id: str) -> Response:
    store = get_store(request)
    lang = page_lang(request)
    kind = ENTITY_KINDS.get(segment)
    if kind is None:
        return _error_page(request, PageError(404, TEXTS[lang]["no_trail"].format(value=segment)))
    return await _page(request, lambda: _trail(store, kind, entity_id, lang), "trail.html")


def _meeting(store: Any, meeting_id: str, lang: str) -> dict:
    data = meetings_mod.meeting(store, meeting_id)
    minutes = (data.get("document") or {}).get("id")
    links = [link for link in q.document_links(store, minutes) if link["type"] == "decides"] if minutes else []
    placed, rest = links_by_paragraph(data["paragraphs"], links)
    return {"kind": "meeting", "entity": data, "links": links, "paragraph_links": placed, "other_links": rest,
            "groups": participant_groups(data), "chairs": with_role(data, "ordforande"),
            "secretaries": with_role(data, "sekreterare"), "adjusters": with_role(data, "justerare")}


@router.get("/sammantrade/{meeting_id}")
async def meeting_page(request: Request, meeting_id: str) -> Response:
    store = get_store(request)
    lang = page_lang(request)
    return await _page(request, lambda: _meeting(store, meeting_id, lang), "meeting.html")


# -- analyses --------------------------------------------------------------------

def _coverage(store: Any, project: str | None) -> dict:
    """The matrices, and the evidence of each cell (intention id, subproject id) from `graph.queries.intentions`.

    Without a plan, a store of several plans is asked which one: every plan's matrix on one page
    would be thousands of tables at 1 000 plans.
    """
    plans = q.plan_index(store)
    if project is None and len(plans) > 1:
        return {"matrices": [], "cell_evidence": {}, "choose": plans}
    matrices = coverage_matrix(store, project)
    evidence = {(i["id"], c["subproject"]["id"]): c.get("evidence") or []
                for i in q.intentions(store, project=project) for c in i.get("covered_by") or []}
    return dict(matrices, cell_evidence=evidence, choose=None, several_plans=len(plans) > 1)


@router.get("/tackning")
async def coverage_page(request: Request) -> Response:
    store = get_store(request)
    project = request.query_params.get("plan") or None
    return await _page(request, lambda: _coverage(store, project), "coverage.html")


def _score(value: str | None, lang: str) -> float:
    if value in (None, ""):
        return 0.0
    try:
        score = float(value.replace(",", "."))
    except ValueError:
        score = -1.0
    if not 0.0 <= score <= 1.0:
        raise PageError(422, TEXTS[lang]["score_error"].format(value=value))
    return score


def _overlaps(store: Any, params: dict, lang: str, limit: int | None = SHOWN_PAIRS) -> dict:
    """The ranked pairs (the first `limit`; None: all, for the CSV), how many there are, the plans."""
    plan = params.get("plan") or None
    min_score = _score(params.get("min"), lang)
    return {"pairs": compute_overlaps(store, plan, min_score, lang=lang, limit=limit),
            "total": count_overlaps(store, plan, min_score), "plans": q.plan_index(store),
            "plan": plan, "min_score": params.get("min") or ""}


@router.get("/overlapp")
async def overlaps_page(request: Request) -> Response:
    store = get_store(request)
    lang = page_lang(request)
    params = dict(request.query_params)
    return await _page(request, lambda: _overlaps(store, params, lang), "overlaps.html")


def overlaps_csv(pairs: list[dict], lang: str) -> str:
    """One line per pair: the two subprojects, their plans, the score and the reasons."""
    t = TEXTS[lang]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if lang == "sv" else ",")
    writer.writerow([f"{t['subproject']} A", f"{t['plan']} A", f"{t['subproject']} B", f"{t['plan']} B",
                     t["score"], t["reasons"]])
    for pair in pairs:
        a, b = pair["a"], pair["b"]
        score = f"{pair['score']:.2f}"
        writer.writerow([_subproject_name(a), (a.get("project") or {}).get("title") or "", _subproject_name(b),
                         (b.get("project") or {}).get("title") or "",
                         score.replace(".", ",") if lang == "sv" else score,
                         " | ".join(r["detail"] for r in pair["reasons"])])
    return out.getvalue()


def _subproject_name(sub: dict) -> str:
    return f"{sub.get('number') or ''} {sub.get('title') or ''}".strip()


@router.get("/overlapp.csv")
async def overlaps_download(request: Request) -> Response:
    store = get_store(request)
    lang = page_lang(request)
    params = dict(request.query_params)
    try:
        found = await run_in_threadpool(_overlaps, store, params, lang, None)
    except AnalysisError as refused:
        return _error_page(request, PageError(refused.status, refused.message_en if lang == "en" else refused.message))
    except PageError as error:
        return _error_page(request, error)
    return Response(overlaps_csv(found["pairs"], lang), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="overlapp.csv"'})


def _checks(store: Any, params: dict, lang: str) -> dict:
    """One page of the findings (of one severity, `?allvar=`), most severe first, and the counts of all."""
    severity = params.get("allvar") or None  # checked by `checks_of`: an unknown one is a 422
    number = _list_page(params, lang)
    found = checks_of(store, lang=lang, severity=severity, offset=(number - 1) * SHOWN_FINDINGS, limit=SHOWN_FINDINGS)
    return dict(found, severity=severity, paged=_paged(found["total"], number, SHOWN_FINDINGS))


@router.get("/kontroller")
async def checks_page(request: Request) -> Response:
    store = get_store(request)
    lang = page_lang(request)
    params = dict(request.query_params)
    return await _page(request, lambda: _checks(store, params, lang), "checks.html")


# -- the pages designed for one kind: a plan's graph, a person, a meeting, a strategy -------------------------

def _plan_graph(store: Any, project_id: str, lang: str) -> dict:
    graph = plan_graph_mod.plan_graph(store, project_id)
    return {"graph": graph, "diagram": plan_layout(graph, lang), "rows": plan_rows(graph),
            "uncovered": uncovered_intentions(graph)}


@router.get("/projekt/{project_id}/beroenden")
async def plan_graph_page(request: Request, project_id: str) -> Response:
    store = get_store(request)
    lang = page_lang(request)
    return await _page(request, lambda: _plan_graph(store, project_id, lang), "plan_graph.html")


def _person(store: Any, person_id: str) -> dict:
    """A person for people: titles and parties, roles in projects and subprojects, the groups and
    bodies they sit in, the meetings they took part in and the documents they appear in."""
    data = q.show(store, person_id, ("person",))["data"]
    reservations = meetings_mod.reservations_by(store, [m["iri"] for m in data["identity"]["members"]])
    return dict(person_sections(data, reservations), person=data, identity=data["identity"],
                documents=data["identity"]["documents"])


@router.get("/person/{person_id}")
async def person_page(request: Request, person_id: str) -> Response:
    store = get_store(request)
    return await _page(request, lambda: _person(store, person_id), "person.html")


@router.get("/strategi/{doc_id}")
async def strategy_page(request: Request, doc_id: str) -> Response:
    store = get_store(request)
    return await _page(request, lambda: {"strategy": strategies_mod.strategy(store, doc_id)}, "strategy.html")


# What `styrgraf serve`'s warm-up (`graph.warm`) also prepares: the first answers of the pages most
# opened, which read evidence (slow on a store whose files are not yet in memory).
WARM_UP_STEPS = (
    ("start page checks", lambda store: checks_of(store, lang="sv", limit=LATEST_CHECKS)),
    ("overlap page", lambda store: compute_overlaps(store, None, 0.0, lang="sv", limit=SHOWN_PAIRS)),
)
