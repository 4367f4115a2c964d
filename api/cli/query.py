"""The read commands of the `styrgraf` CLI: `ask`, `show`, `trace`, `search`.

Built on the same `graph/` functions as the HTTP API; `--json` prints exactly
the data the API returns. Human output is Swedish by default, `--lang en` for
English. `register(app)` adds the commands to the typer app of `api.cli`.
"""
from __future__ import annotations

import json
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.tree import Tree

from styrgraf.api.cli.messages import (decimal, dependent_label, error_text, fact_label, help_text,
                                       severity_label)
from styrgraf.api.cli.options import (AskLangOption, EntityArgument, QueryJsonOption, QueryLangOption, StoreOption,
                                      TypeOption)
from styrgraf.graph import ask as ask_mod
from styrgraf.graph import queries as q
from styrgraf.graph import search as search_mod
from styrgraf.graph.store.interface import StoreError, open_store

out = Console(highlight=False)
err = Console(stderr=True, highlight=False)

TEXTS = {
    "sv": {
        "understood": "Tolkning", "not_understood": "Inte förstått", "evidence": "Belägg", "page": "s.",
        "type": "Typ", "what": "Vad", "detail": "Detalj", "where": "Var", "score": "Poäng",
        "no_hits": "Inga träffar för {q}.", "chain": "Beslutskedja (närmast först)", "no_chain": "Ingen beslutskedja.",
        "purpose": "Syfte", "intentions": "Intentioner", "people": "Personer", "organisations": "Organisationer",
        "considers": "Ska beakta", "milestones": "Milstolpar", "budget": "Kostnader/budget", "reporting": "Rapportering",
        "project": "Projekt", "document": "Dokument", "role": "Roll", "subproject": "Delprojekt", "name": "Namn",
        "date": "Datum", "label": "Milstolpe", "invalid": "omöjligt datum", "scope": "avgränsning",
        "roles": "Roller", "titles": "Titlar", "affiliations": "Tillhör", "builds_on": "Bygger på",
        "covered_by": "Täcks av", "owner": "Ansvarig", "subprojects": "Delprojekt", "appendices": "Bilagor",
        "findings": "Anmärkningar", "renditions": "Filer", "pages": "sidor", "decided_by": "Beslutad av",
        "whole_project": "hela projektet", "note": "Obs", "siblings": "övriga delprojekt",
        "store_missing": "Lagret kunde inte öppnas: {msg}",
        "rests_on_it": "Vilar på detta", "nothing_rests": "Inget i grafen vilar på detta.",
    },
    "en": {
        "understood": "Understood as", "not_understood": "Not understood", "evidence": "Evidence", "page": "p.",
        "type": "Type", "what": "What", "detail": "Detail", "where": "Where", "score": "Score",
        "no_hits": "No hits for {q}.", "chain": "Chain of decisions (nearest first)", "no_chain": "No chain of decisions.",
        "purpose": "Purpose", "intentions": "Intentions", "people": "People", "organisations": "Organisations",
        "considers": "Must take into account", "milestones": "Milestones", "budget": "Costs/budget",
        "reporting": "Reporting", "project": "Project", "document": "Document", "role": "Role",
        "subproject": "Subproject", "name": "Name", "date": "Date", "label": "Milestone", "invalid": "impossible date",
        "scope": "scope", "roles": "Roles", "titles": "Titles", "affiliations": "Belongs to", "builds_on": "Builds on",
        "covered_by": "Addressed by", "owner": "Accountable", "subprojects": "Subprojects", "appendices": "Appendices",
        "findings": "Findings", "renditions": "Files", "pages": "pages", "decided_by": "Decided by",
        "whole_project": "whole project", "note": "Note", "siblings": "the other subprojects",
        "store_missing": "The store could not be opened: {msg}",
        "rests_on_it": "What rests on it", "nothing_rests": "Nothing in the graph rests on it.",
    },
}

TYPE_NAMES = {
    "sv": {"document": "dokument", "project": "projekt", "subproject": "delprojekt", "intention": "intention",
           "decision": "beslut", "person": "person", "organisation": "organisation", "work": "utredning/process",
           "milestone": "milstolpe", "passage": "textavsnitt", "overlap": "överlapp", "appendix": "bilaga",
           "related_document": "relaterat dokument (länk)", "scope_limit": "avgränsning", "method_step": "metodsteg",
           "decision_point": "beslutspunkt", "finding": "anmärkning"},
    "en": {"document": "document", "project": "project", "subproject": "subproject", "intention": "intention",
           "decision": "decision", "person": "person", "organisation": "organisation", "work": "work",
           "milestone": "milestone", "passage": "passage", "overlap": "overlap", "appendix": "appendix",
           "related_document": "related document (link)", "scope_limit": "scope limit", "method_step": "method step",
           "decision_point": "decision point", "finding": "finding"},
}
DECISION_KINDS = {
    "sv": {"assignment": "uppdrag", "tabling": "bordläggning", "decision": "beslut", "plan": "projektplan"},
    "en": {"assignment": "assignment", "tabling": "tabling", "decision": "decision", "plan": "project plan"},
}


def _t(lang: str, key: str, **kw) -> str:
    return TEXTS.get(lang, TEXTS["sv"])[key].format(**kw)


def _type_name(lang: str, kind: str | None) -> str:
    return TYPE_NAMES.get(lang, TYPE_NAMES["sv"]).get(kind or "", kind or "")


def _lang(lang: Optional[str]) -> str:
    return lang if lang in ("sv", "en") else "sv"


def _open(store: Optional[str], lang: str):
    try:
        return open_store(store, read_only=True)
    except StoreError as e:
        err.print(escape(_t(lang, "store_missing", msg=error_text(e, lang))))
        raise typer.Exit(2)


def _print_json(data) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def label(obj: dict | None, lang: str = "sv") -> str:
    """A short human label of an entity object."""
    if not obj:
        return "-"
    kind = obj.get("type")
    if kind == "subproject":
        return f"{_type_name(lang, kind).capitalize()} {obj.get('number')}: {obj.get('title') or ''}".rstrip(": ")
    if kind == "intention":
        letter = f" ({obj['letter']})" if obj.get("letter") else ""
        return f"Intention {obj.get('number')}{letter}: {obj.get('text') or ''}"
    if kind == "decision":
        body = (obj.get("body") or {}).get("abbreviation") or (obj.get("body") or {}).get("name") or ""
        ident = f" ({obj['identifier']})" if obj.get("identifier") else ""
        kind = DECISION_KINDS.get(lang, DECISION_KINDS["sv"]).get(obj.get("kind") or "", obj.get("kind") or "")
        return f"{obj.get('date') or ''} {body} {kind}{ident}".replace("  ", " ").strip()
    if kind == "milestone":
        return f"{obj.get('date') or obj.get('date_text') or ''} {obj.get('label') or ''}".strip()
    if kind == "organisation":
        abbr = f" ({obj['abbreviation']})" if obj.get("abbreviation") and obj.get("abbreviation") != obj.get("name") else ""
        return f"{obj.get('name')}{abbr}"
    for key in ("name", "title", "label", "text", "message"):
        if obj.get(key):
            return str(obj[key])
    return str(obj.get("id"))


def _evidence_lines(evidence: list[dict], lang: str, limit: int = 8, kind: str | None = None) -> list[str]:
    """`s. 6: ”…”`; with the entity's `kind`, each says which fact it supports: `s. 6, kostnader/budget: ”…”`."""
    lines = []
    for e in evidence[:limit]:
        quote = e.get("quote") or ""
        if len(quote) > 160:
            quote = quote[:157] + "…"
        fact = f", {fact_label(e.get('property'), _type_name(lang, kind), lang)}" if kind else ""
        lines.append(f"{_t(lang, 'page')} {e.get('page')}{fact}: ”{quote}”")
    if len(evidence) > limit:
        lines.append(f"… (+{len(evidence) - limit})")
    return lines


def _print_evidence(evidence: list[dict], lang: str, limit: int = 8, kind: str | None = None) -> None:
    if not evidence:
        return
    out.print(f"[bold]{_t(lang, 'evidence')}[/bold]")
    for line in _evidence_lines(evidence, lang, limit, kind):
        out.print("  " + escape(line))


# -- ask ---------------------------------------------------------------------

def _result_detail(r: dict, lang: str) -> str:
    parts = []
    role = r.get("role")
    if isinstance(role, dict):
        parts.append(role.get("label_sv" if lang == "sv" else "label_en", role.get("key")))
    if r.get("scope"):
        parts.append(f"{_t(lang, 'scope')}: {r['scope']}")
    if r.get("subproject") and isinstance(r["subproject"], dict) and r.get("type") != "subproject":
        parts.append(label(r["subproject"], lang))
    if r.get("of"):
        parts.append(label(r["of"], lang))
    if r.get("siblings"):
        parts.append(_t(lang, "siblings"))
    if r.get("type") == "overlap":
        parts.append(str(r.get("score")))
    return "; ".join(p for p in parts if p)


def print_ask(data: dict, lang: str) -> None:
    if data["understood_as"] is None:
        out.print(f"[yellow]{escape(data['answer'])}[/yellow]")
        return
    out.print(f"[bold]{escape(data['answer'])}[/bold]")
    understood = data["understood_as"].get("text" if lang == "sv" else "text_en")
    out.print(f"[dim]{_t(lang, 'understood')}: {escape(understood)}[/dim]")
    if data["results"]:
        table = Table(show_header=True, header_style="bold")
        table.add_column(_t(lang, "type"))
        table.add_column(_t(lang, "what"))
        table.add_column(_t(lang, "detail"))
        for r in data["results"]:
            what = (f"{label(r.get('a'), lang)} ↔ {label(r.get('b'), lang)}" if r.get("type") == "overlap"
                    else label(r, lang))
            table.add_row(_type_name(lang, r.get("type")), escape(what), escape(_result_detail(r, lang)))
        out.print(table)
    invalid = data.get("invalid_dates") or []
    if invalid:
        out.print(f"[yellow]{_t(lang, 'invalid')}:[/yellow]")
        for m in invalid:
            out.print("  " + escape(f"{m.get('date_text')} {m.get('label')} ({label(m.get('of'), lang)})"))
    _print_evidence(data.get("evidence") or [], lang)


# -- show --------------------------------------------------------------------

def _fact(title: str, fact: dict | None, lang: str) -> None:
    if fact and fact.get("text"):
        out.print(f"[bold]{escape(title)}[/bold]: {escape(fact['text'])}")


def _show_subproject(d: dict, lang: str) -> None:
    out.print(f"[bold]{escape(label(d, lang))}[/bold]")
    out.print(f"{_t(lang, 'project')}: {escape(label(d.get('project'), lang))}")
    _fact(_t(lang, "purpose"), d.get("purpose"), lang)
    if d.get("intentions"):
        out.print(f"[bold]{_t(lang, 'intentions')}[/bold]")
        for i in d["intentions"]:
            scope = f" — {_t(lang, 'scope')}: ”{i['scope']}”" if i.get("scope") else ""
            out.print("  " + escape(f"{label(i, lang)}{scope}"))
    if d.get("people") or d.get("organisations"):
        table = Table(title=_t(lang, "people"), show_header=True, header_style="bold")
        table.add_column(_t(lang, "role"))
        table.add_column(_t(lang, "name"))
        for p in d.get("people", []):
            table.add_row(escape(p["role"]["label_sv" if lang == "sv" else "label_en"]), escape(p["person"]["name"] or ""))
        for o in d.get("organisations", []):
            table.add_row(escape(o["role"]["label_sv" if lang == "sv" else "label_en"]), escape(label(o["organisation"], lang)))
        out.print(table)
    if d.get("considers"):
        out.print(f"[bold]{_t(lang, 'considers')}[/bold]")
        for c in d["considers"]:
            out.print("  - " + escape(label(c, lang)))
    if d.get("milestones"):
        table = Table(title=_t(lang, "milestones"), show_header=True, header_style="bold")
        table.add_column(_t(lang, "date"))
        table.add_column(_t(lang, "label"))
        for m in d["milestones"]:
            date = m.get("date") or m.get("date_text") or "-"
            if m.get("valid") is False:
                date = f"{m.get('date_text')} ({_t(lang, 'invalid')})"
            table.add_row(escape(date), escape(m.get("label") or ""))
        out.print(table)
    _fact(_t(lang, "budget"), d.get("budget"), lang)
    _fact(_t(lang, "reporting"), d.get("reporting"), lang)


def _show_person(d: dict, lang: str) -> None:
    out.print(f"[bold]{escape(d.get('name') or '')}[/bold]")
    if d.get("titles"):
        out.print(f"{_t(lang, 'titles')}: {escape(', '.join(d['titles']))}")
    if d.get("affiliations"):
        out.print(f"{_t(lang, 'affiliations')}: {escape(', '.join(label(a, lang) for a in d['affiliations']))}")
    if d.get("roles"):
        table = Table(title=_t(lang, "roles"), show_header=True, header_style="bold")
        table.add_column(_t(lang, "role"))
        table.add_column(_t(lang, "subproject"))
        table.add_column(_t(lang, "project"))
        for r in d["roles"]:
            sub = label(r["subproject"], lang) if r.get("subproject") else _t(lang, "whole_project")
            table.add_row(escape(r["role"]["label_sv" if lang == "sv" else "label_en"]), escape(sub),
                          escape((r.get("project") or {}).get("title") or ""))
        out.print(table)
    if d.get("identity"):
        from styrgraf.api.cli.people import print_identity  # the person command renders identities

        print_identity(d["identity"], lang)


def _show_document(d: dict, lang: str) -> None:
    out.print(f"[bold]{escape(d.get('title') or '')}[/bold]")
    out.print(escape(f"{d.get('identifier') or '-'}  {d.get('date') or '-'}  {d.get('type') or ''}  "
                     f"{d.get('pages_count')} {_t(lang, 'pages')}"))
    for r in d.get("renditions", []):
        out.print(escape(f"  {r['file_name']}  {r['media_type']}  sha256 {r['sha256'][:16]}…"))
    if d.get("appendices"):
        out.print(f"[bold]{_t(lang, 'appendices')}[/bold]")
        for a in d["appendices"]:
            sub = f" → {label(a['subproject'], lang)}" if a.get("subproject") else ""
            out.print("  " + escape(f"{a.get('number')}. {a.get('title') or ''} ({a.get('date') or '-'}){sub}"))
    if d.get("findings"):
        out.print(f"[bold]{_t(lang, 'findings')}[/bold]")
        for f in d["findings"]:
            message = (lang == "en" and f.get("message_en")) or f.get("message")
            out.print("  " + escape(f"{severity_label(f.get('severity') or '', lang)}: {message}"))


def _show_decision(d: dict, lang: str) -> None:
    out.print(f"[bold]{escape(label(d, lang))}[/bold]")
    if d.get("text"):
        out.print(escape(d["text"]))
    for p in d.get("points", []):
        out.print("  " + escape(f"{p.get('number')}. {p.get('text')}"))
    if d.get("chain"):
        out.print(f"[bold]{_t(lang, 'builds_on')}[/bold]")
        for c in d["chain"]:
            out.print("  ← " + escape(label(c, lang)))


def _show_project(d: dict, lang: str) -> None:
    out.print(f"[bold]{escape(d.get('title') or '')}[/bold]")
    out.print(f"{_t(lang, 'owner')}: {escape(label(d.get('owner'), lang))}")
    out.print(f"[bold]{_t(lang, 'subprojects')}[/bold]")
    for s in d.get("subprojects", []):
        out.print("  " + escape(label(s, lang)))


def _show_intention(d: dict, lang: str) -> None:
    out.print(f"[bold]{escape(label(d, lang))}[/bold]")
    if d.get("decided_by"):
        out.print(f"{_t(lang, 'decided_by')}: {escape(label(d['decided_by'], lang))}")
    if d.get("covered_by"):
        out.print(f"[bold]{_t(lang, 'covered_by')}[/bold]")
        for c in d["covered_by"]:
            scope = f" — {_t(lang, 'scope')}: ”{c['scope']}”" if c.get("scope") else ""
            out.print("  " + escape(label(c["subproject"], lang) + scope))


SHOW = {"subproject": _show_subproject, "person": _show_person, "document": _show_document,
        "decision": _show_decision, "project": _show_project, "intention": _show_intention}


def print_show(data: dict, lang: str) -> None:
    d = data["data"]
    render = SHOW.get(data["type"])
    if render:
        render(d, lang)
    else:
        out.print(f"[bold]{escape(_type_name(lang, data['type']).capitalize())}: {escape(label(d, lang))}[/bold]")
    _print_evidence(d.get("evidence") or [], lang, kind=data["type"])


# -- trace and search ----------------------------------------------------------

def _typed_label(obj: dict, lang: str) -> str:
    """`Beslut: 2012-02-07 KLU beslut`; `Delprojekt 4: …` as it is, its label naming its kind already."""
    kind, text = _type_name(lang, obj.get("type")).capitalize(), label(obj, lang)
    return text if text.casefold().startswith(kind.casefold()) else f"{kind}: {text}"


def print_trace(data: dict, lang: str) -> None:
    entity = data["entity"]
    tree = Tree(f"[bold]{escape(_typed_label(entity, lang))}[/bold]")
    ev = tree.add(_t(lang, "evidence"))
    for line in _evidence_lines(data.get("evidence") or [], lang, kind=entity.get("type")):
        ev.add(escape(line))
    if data.get("chain"):
        node = tree.add(_t(lang, "chain"))
        for c in data["chain"]:
            branch = node.add("← " + escape(label(c, lang)))
            for line in _evidence_lines(c.get("evidence") or [], lang, 2, kind=c.get("type")):
                branch.add(f"[dim]{escape(line)}[/dim]")
    else:
        tree.add(_t(lang, "no_chain"))
    rests = data.get("rests_on_it") or []
    node = tree.add(_t(lang, "rests_on_it") if rests else _t(lang, "nothing_rests"))
    for x in rests:
        node.add("→ " + escape(f"{_typed_label(x, lang)} ({dependent_label(x['how'], lang)})"))
    out.print(tree)
    if data.get("note"):
        out.print(f"[dim]{_t(lang, 'note')}: {escape(data['note'][lang])}[/dim]")


def print_search(data: dict, lang: str) -> None:
    if not data["results"]:
        out.print(escape(_t(lang, "no_hits", q=data["query"])))
        return
    table = Table(show_header=True, header_style="bold")
    table.add_column("#", justify="right")
    table.add_column(_t(lang, "type"))
    table.add_column(_t(lang, "what"))
    table.add_column(_t(lang, "where"))
    table.add_column(_t(lang, "score"), justify="right")
    for i, r in enumerate(data["results"], 1):
        if r["kind"] == "entity":
            what, kind = label(r["entity"], lang), r["entity"].get("type")
            ev = (r.get("evidence") or [{}])[0]
        else:
            what, kind, ev = r["text"], "passage", r
        if len(what) > 140:
            what = what[:137] + "…"
        where = f"{_t(lang, 'page')} {ev.get('page')}" if ev.get("page") is not None else ""
        table.add_row(str(i), _type_name(lang, kind), escape(what), escape(where), decimal(r['score'], lang))
    out.print(table)


# -- registration ------------------------------------------------------------

def ask(ctx: typer.Context, question: str = typer.Argument(..., help=help_text("opt.question")),
        store: StoreOption = None, lang: AskLangOption = None, json_out: QueryJsonOption = False):
    """Ställ en fråga: ”Vem leder delprojekt 3?”, ”Vilka delprojekt täcker intention 8?” …"""
    s = _open(store, _lang(lang))
    # The answer is in the question's language unless --lang is given; STYRGRAF_LANG is the run's default,
    # not a wish about this answer. (By name: typer's copy of click has its own ParameterSource.)
    given = getattr(ctx.get_parameter_source("lang"), "name", None) == "COMMANDLINE"
    try:
        data = ask_mod.ask(s, question, lang if given and lang in ("sv", "en") else None)
    finally:
        s.close()
    if json_out:
        _print_json(data)
    else:
        print_ask(data, data["lang"])
    raise typer.Exit(0 if data["understood_as"] is not None else 1)


def _entity_command(lookup, render, entity: str, entity_type: Optional[str], store: Optional[str], lang: str,
                    json_out: bool) -> None:
    """Run `lookup(store, entity, types)` and print its data, or a Swedish/English message when not found."""
    lang = _lang(lang)
    s = _open(store, lang)
    try:
        data = lookup(s, entity, (entity_type,) if entity_type else None)
    except q.NotFound as missing:
        err.print(escape(error_text(missing, lang)))
        raise typer.Exit(1)
    finally:
        s.close()
    _print_json(data) if json_out else render(data, lang)


def show(entity: EntityArgument, entity_type: TypeOption = None, store: StoreOption = None, lang: QueryLangOption = "sv",
         json_out: QueryJsonOption = False):
    """Visa allt om en entitet: delprojekt, person, dokument, beslut, intention …"""
    _entity_command(q.show, print_show, entity, entity_type, store, lang, json_out)


def trace(entity: EntityArgument, entity_type: TypeOption = None, store: StoreOption = None, lang: QueryLangOption = "sv",
          json_out: QueryJsonOption = False):
    """Belägg för en entitet och beslutskedjan den vilar på, tillbaka till det första beslutet."""
    _entity_command(q.trace, print_trace, entity, entity_type, store, lang, json_out)


def search(query: str = typer.Argument(..., help=help_text("opt.search_query")),
           limit: int = typer.Option(20, "--limit", min=1, max=search_mod.MAX_LIMIT, help=help_text("opt.limit_hits")),
           store: StoreOption = None, lang: QueryLangOption = "sv", json_out: QueryJsonOption = False):
    """Sök bland entiteter och textavsnitt."""
    lang = _lang(lang)
    s = _open(store, lang)
    try:
        data = search_mod.search(s, query, limit)
    finally:
        s.close()
    _print_json(data) if json_out else print_search(data, lang)


COMMANDS = {"ask": ask, "show": show, "trace": trace, "search": search}


def register(app: typer.Typer) -> None:
    """Add `ask`, `show`, `trace` and `search` to the CLI (once, however often called)."""
    present = {c.name or (c.callback.__name__ if c.callback else None) for c in app.registered_commands}
    for name, command in COMMANDS.items():
        if name not in present:
            app.command(name, help=help_text(name))(command)
