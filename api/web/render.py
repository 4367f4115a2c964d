"""The Jinja2 environment of the web pages: templates, filters, links and the page's language.

Pages are Swedish; `?lang=en` renders them in English and every link made by
`href` keeps the choice.  Dates are written out (`7 februari 2012`), evidence
becomes a link to the document page that opens at the quoted words.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse

from styrgraf.graph.entities import entity_id
from styrgraf.ingest.dates import MONTHS

from styrgraf.api.web.texts import LANGS, TEXTS

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"

_SV_MONTHS = {number: name for name, number in MONTHS.items()}
_EN_MONTHS = {i + 1: name for i, name in enumerate(
    ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
     "November", "December"))}

# The web path segment of each entity type that has a page of its own.
ENTITY_PATHS = {
    "document": "dokument", "subproject": "delprojekt", "intention": "intention", "person": "person",
    "organisation": "organisation", "decision": "beslut", "meeting": "sammantrade", "project": "projekt",
    "work": "utredning",
}


def page_lang(request: Request) -> str:
    """The language asked for by `?lang=`; Swedish unless it is `en`."""
    return "en" if request.query_params.get("lang") == "en" else "sv"


def long_date(value: Any, lang: str = "sv") -> str:
    """`2012-02-07` as `7 februari 2012` (`7 February 2012` in English); other text unchanged."""
    if not value:
        return ""
    text = str(value)
    try:
        day = dt.date.fromisoformat(text[:10])
    except ValueError:
        return text
    months = _EN_MONTHS if lang == "en" else _SV_MONTHS
    return f"{day.day} {months[day.month]} {day.year}"


def with_lang(path: str, lang: str, **params: Any) -> str:
    """`path` with its query parameters, and `lang=en` when the page is English."""
    query = {k: v for k, v in params.items() if v is not None and v != ""}
    if lang == "en":
        query["lang"] = "en"
    return path + ("?" + urlencode(query) if query else "")


def entity_path(entity: dict | None) -> str | None:
    """The web path of an entity object (`{type, id, ...}`), or None when it has no page."""
    if not entity or not entity.get("id"):
        return None
    segment = ENTITY_PATHS.get(entity.get("type") or "")
    return f"/{segment}/{quote(str(entity['id']), safe='')}" if segment else None


def evidence_path(evidence: dict) -> str | None:
    """The document page at the quoted words of one evidence record."""
    document = evidence.get("document") or {}
    if not document.get("id") or evidence.get("page") is None:
        return None
    path = f"/dokument/{quote(str(document['id']), safe='')}"
    return path, {"sida": evidence["page"], "fran": evidence.get("start"), "till": evidence.get("end")}


def entity_label(entity: dict | None, lang: str = "sv") -> str:
    """A short human label of an entity object."""
    if not entity:
        return ""
    t = TEXTS[lang]
    kind = entity.get("type")
    if kind == "subproject":
        return f"{t['subproject']} {entity.get('number') or ''}: {entity.get('title') or ''}".strip(": ")
    if kind == "intention":
        label = entity.get("number") or entity.get("letter") or ""
        return f"{t['intention']} {label}: {entity.get('text') or ''}".strip(": ")
    if kind == "decision":
        parts = [entity.get("body_name") or _name(entity.get("body")), long_date(entity.get("date"), lang),
                 entity.get("identifier")]
        return f"{t['decision']} " + ", ".join(p for p in parts if p)
    if kind == "meeting":
        return ", ".join(p for p in (_name(entity.get("body")), long_date(entity.get("date"), lang)) if p)
    for key in ("name", "title", "text", "label", "identifier"):
        if entity.get(key):
            return str(entity[key])
    return str(entity.get("id") or "")


def _name(body: Any) -> str:
    if isinstance(body, dict):
        return body.get("name") or body.get("abbreviation") or ""
    return str(body or "")


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["long_date"] = long_date
    env.globals.update(entity_path=entity_path, entity_label=entity_label, iri_id=entity_id)
    return env


ENVIRONMENT = _environment()


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    """The page `template` in the request's language, with the shared helpers of every page."""
    lang = page_lang(request)

    def href(path: str, **params: Any) -> str:
        return with_lang(path, lang, **params)

    def evidence_href(evidence: dict) -> str | None:
        target = evidence_path(evidence)
        return href(target[0], **target[1]) + f"#sida-{evidence['page']}" if target else None

    def entity_href(entity: dict | None) -> str | None:
        path = entity_path(entity)
        return href(path) if path else None

    other = "sv" if lang == "en" else "en"
    toggle = dict(request.query_params, lang=other) if other == "en" else {
        k: v for k, v in request.query_params.items() if k != "lang"}
    html = ENVIRONMENT.get_template(template).render(
        request=request, lang=lang, t=TEXTS[lang], langs=LANGS, href=href, evidence_href=evidence_href,
        entity_href=entity_href, date=lambda value: long_date(value, lang),
        label=lambda entity: entity_label(entity, lang),
        toggle_href=request.url.path + ("?" + urlencode(toggle) if toggle else ""), **context)
    return HTMLResponse(html, status_code=status)
