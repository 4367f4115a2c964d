"""The `person` command of the `styrgraf` CLI: who a person is across a municipality's documents.

Built on `graph.persons`, like the `identity` of `GET /api/people/{id}`; `--json` prints exactly
that data (a list: a typed name may match people of several municipalities, who stay apart).
Human output is Swedish by default, `--lang en` for English; `show` renders the same identity
under a person.
"""
from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from styrgraf.api.cli.messages import error_text, help_text
from styrgraf.api.cli.options import QueryJsonOption, QueryLangOption, StoreOption
from styrgraf.api.cli.query import _lang, _open, _print_json, err, label, out
from styrgraf.graph import persons
from styrgraf.graph import queries as q

TEXTS = {
    "sv": {
        "identity": "Identitet", "municipality": "Kommun", "written": "Skrivs", "titles": "Titlar",
        "parties": "Partier", "merged": "Sammanförda ({confidence}, över gränsen {threshold})",
        "alone": "En person i {n} dokument; inget annat namn sammanfört.", "documents": "Dokument och roller",
        "date": "Datum", "document": "Dokument", "name": "Namn", "role": "Roll", "where": "Var",
        "candidates": "Hålls isär (under gränsen {threshold})", "reasons": "skäl", "several": "{n} personer matchar ”{name}” (olika kommuner eller för osäkert för att föra samman):",
        "whole_project": "hela projektet",
    },
    "en": {
        "identity": "Identity", "municipality": "Municipality", "written": "Written", "titles": "Titles",
        "parties": "Parties", "merged": "Merged ({confidence}, above the threshold {threshold})",
        "alone": "One person in {n} document(s); no other name merged.", "documents": "Documents and roles",
        "date": "Date", "document": "Document", "name": "Name", "role": "Role", "where": "Where",
        "candidates": "Kept apart (below the threshold {threshold})", "reasons": "reasons",
        "several": "{n} people match “{name}” (other municipalities, or too uncertain to merge):",
        "whole_project": "the whole project",
    },
}

NameArgument = Annotated[str, typer.Argument(help=help_text("opt.person_name"))]


def _t(lang: str, key: str, **kw) -> str:
    return TEXTS.get(lang, TEXTS["sv"])[key].format(**kw)


def _number(value: float, lang: str) -> str:
    text = f"{value:.2f}"
    return text.replace(".", ",") if lang == "sv" else text


def format_reasons(match: dict, lang: str) -> str:
    """A match's reasons as a reader reads them: `förenliga titlar +0,20 (kommundirektör / kommundirektör); …`."""
    key = "label_sv" if lang == "sv" else "label_en"
    parts = []
    for r in match["reasons"]:
        weight = f" {'+' if r['weight'] >= 0 else '−'}{_number(abs(r['weight']), lang)}" if r["weight"] else ""
        detail = f" ({r['detail']})" if r.get("detail") and r["code"] != "same-municipality" else ""
        parts.append(f"{r[key]}{weight}{detail}")
    return "; ".join(parts)


def _where(role: dict, lang: str) -> str:
    if role.get("subproject"):
        return label(role["subproject"], lang)
    if role.get("body"):
        return label(role["body"], lang)
    return _t(lang, "whole_project") if role.get("project") else "-"


def print_identity(d: dict, lang: str) -> None:
    threshold = _number(d["threshold"], lang)
    out.print(f"[bold]{_t(lang, 'identity')}: {escape(d.get('name') or '')}[/bold]")
    if d.get("municipality"):
        out.print(f"{_t(lang, 'municipality')}: {escape(d['municipality'])}")
    out.print(f"{_t(lang, 'written')}: {escape(', '.join(m['name'] or '' for m in d['members']))}")
    for key in ("titles", "parties"):
        if d.get(key):
            out.print(f"{_t(lang, key)}: {escape(', '.join(d[key]))}")
    if d["links"]:
        out.print(f"[bold]{_t(lang, 'merged', confidence=_number(d['confidence'], lang), threshold=threshold)}[/bold]")
        for m in d["links"]:
            out.print("  " + escape(f"{m['a']['name']} = {m['b']['name']}: {_number(m['confidence'], lang)} — "
                                    f"{format_reasons(m, lang)}"))
    else:
        out.print(_t(lang, "alone", n=len(d["documents"])))
    table = Table(title=_t(lang, "documents"), show_header=True, header_style="bold")
    for key in ("date", "document", "name", "role", "where"):
        table.add_column(_t(lang, key))
    for doc in d["documents"]:
        rows = doc["roles"] or [None]
        for r in rows:
            table.add_row(escape(doc.get("date") or "-"), escape(doc.get("title") or doc["id"]),
                          escape(r["person"]["name"] if r else ", ".join(doc["names"])),
                          escape(r["role"]["label_sv" if lang == "sv" else "label_en"] if r else "-"),
                          escape(_where(r, lang) if r else "-"))
    out.print(table)
    if d["candidates"]:
        out.print(f"[bold]{_t(lang, 'candidates', threshold=threshold)}[/bold]")
        for c in d["candidates"]:
            out.print("  " + escape(f"{c['person']['name']} ({c['person']['id']}): {_number(c['confidence'], lang)} — "
                                    f"{format_reasons(c, lang)}"))


def person(name: NameArgument, store: StoreOption = None, lang: QueryLangOption = "sv",
           json_out: QueryJsonOption = False):
    """Vem en person är i kommunens dokument: namn som förts samman (med säkerhet och skäl), dokument och roller, och namn som hålls isär."""
    lang = _lang(lang)
    s = _open(store, lang)
    try:
        found = persons.identity_of(s, name)
    except q.NotFound as missing:
        err.print(escape(error_text(missing, lang)))
        raise typer.Exit(1)
    finally:
        s.close()
    if json_out:
        _print_json(found)
        return
    if len(found) > 1:
        out.print(escape(_t(lang, "several", n=len(found), name=name)))
    for i, d in enumerate(found):
        if i:
            out.print("")
        print_identity(d, lang)


COMMANDS = {"person": person}


def register(app: typer.Typer) -> None:
    """Add `person` to the CLI (once, however often called)."""
    present = {c.name or (c.callback.__name__ if c.callback else None) for c in app.registered_commands}
    for command_name, command in COMMANDS.items():
        if command_name not in present:
            app.command(command_name, help=help_text(command_name))(command)
