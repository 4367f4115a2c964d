"""The meeting commands of the `styrgraf` CLI: `meetings` (the list) and `meeting ID` (one meeting).

Built on `graph.meetings`, like `GET /api/meetings` and `GET /api/meetings/{id}`; `--json` prints
exactly the data the API returns. Human output is Swedish by default, `--lang en` for English.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Optional

import typer
from rich.markup import escape
from rich.table import Table

from styrgraf.api.cli.messages import error_text, help_text
from styrgraf.api.cli.options import EntityArgument, QueryJsonOption, QueryLangOption, StoreOption
from styrgraf.api.cli.query import _lang, _open, _print_evidence, _print_json, err, out
from styrgraf.graph import meetings as meetings_mod
from styrgraf.graph import queries as q

TEXTS = {
    "sv": {
        "date": "Datum", "body": "Organ", "place": "Plats och tid", "paragraphs": "Paragrafer", "id": "Id",
        "extract": "utdrag", "none": "Inga sammanträden matchar.", "bad_date": "Ogiltigt datum: {date} (skriv ÅÅÅÅ-MM-DD).",
        "adjustment": "Justering", "range": "Paragrafer", "posted": "Anslaget uppsatt", "removed": "Anslaget nedtaget",
        "document": "Protokoll", "participants": "Deltagare", "name": "Namn", "role": "Roll", "party": "Parti",
        "replaces": "ersätter {name}", "attended": "närvarande § {paras}", "dnr": "Dnr", "proposal": "Förslag",
        "motions": "Yrkanden", "votes": "Beslutsgång", "decision": "Beslut", "reservations": "Reservationer", "sent_to": "Expedieras till",
    },
    "en": {
        "date": "Date", "body": "Body", "place": "Place and time", "paragraphs": "Paragraphs", "id": "Id",
        "extract": "extract", "none": "No meetings match.", "bad_date": "Invalid date: {date} (write YYYY-MM-DD).",
        "adjustment": "Adjustment", "range": "Paragraphs", "posted": "Notice posted", "removed": "Notice removed",
        "document": "Minutes", "participants": "Participants", "name": "Name", "role": "Role", "party": "Party",
        "replaces": "replaces {name}", "attended": "present § {paras}", "dnr": "Case", "proposal": "Proposal",
        "motions": "Motions", "votes": "Vote", "decision": "Decision", "reservations": "Reservations", "sent_to": "Sent to",
    },
}

BodyOption = Annotated[Optional[str], typer.Option("--body", help=help_text("opt.body"))]
DateOption = Annotated[Optional[str], typer.Option("--date", help=help_text("opt.date"))]


def _t(lang: str, key: str, **kw) -> str:
    return TEXTS.get(lang, TEXTS["sv"])[key].format(**kw)


def _body(body: dict | None) -> str:
    if not body:
        return "-"
    name, abbr = body.get("name") or "", body.get("abbreviation")
    return f"{name} ({abbr})" if abbr and abbr != name else name or abbr or "-"


def print_meetings(items: list[dict], lang: str) -> None:
    if not items:
        out.print(_t(lang, "none"))
        return
    table = Table(show_header=True, header_style="bold")
    for key in ("date", "body", "place", "paragraphs", "id"):
        table.add_column(_t(lang, key), justify="right" if key == "paragraphs" else "left")
    for m in items:
        body = _body(m.get("body")) + (f" ({_t(lang, 'extract')})" if m.get("extract") else "")
        table.add_row(escape(m.get("date") or "-"), escape(body), escape(m.get("place") or "-"),
                      str(m.get("paragraphs")), escape(m["id"]))
    out.print(table)


def _line(title: str, value: str | None) -> None:
    if value:
        out.print(f"[bold]{escape(title)}[/bold]: {escape(value)}")


def _role_labels(p: dict, lang: str) -> str:
    return ", ".join(r["label_sv" if lang == "sv" else "label_en"] for r in p["roles"])


def print_meeting(m: dict, lang: str) -> None:
    out.print(f"[bold]{escape(_body(m.get('body')))} {escape(m.get('date') or '')}[/bold]")
    _line(_t(lang, "document"), (m.get("document") or {}).get("title"))
    _line(_t(lang, "place"), (m.get("place_time") or {}).get("text"))
    _line(_t(lang, "adjustment"), (m.get("adjustment") or {}).get("text"))
    _line(_t(lang, "range"), (m.get("paragraph_range") or {}).get("text"))
    _line(_t(lang, "posted"), (m.get("notice_posted") or {}).get("date"))
    _line(_t(lang, "removed"), (m.get("notice_removed") or {}).get("date"))
    if m["participants"]:
        table = Table(title=_t(lang, "participants"), show_header=True, header_style="bold")
        for key in ("name", "party", "role"):
            table.add_column(_t(lang, key))
        for p in m["participants"]:
            person = p.get("person") or {}
            role = _role_labels(p, lang)
            if p.get("replaces"):
                role += "; " + _t(lang, "replaces", name=p["replaces"].get("name"))
            if p.get("paragraphs"):
                role += "; " + _t(lang, "attended", paras=p["paragraphs"])
            table.add_row(escape(person.get("name") or ""), escape(person.get("party") or ""), escape(role))
        out.print(table)
    for p in m["paragraphs"]:
        _print_paragraph(p, lang)
    _print_evidence(m.get("evidence") or [], lang)


def _print_paragraph(p: dict, lang: str) -> None:
    number = p.get("number") or "?"
    # A number read with its body's letters (`KLU 3`, the sign lost) is shown as read.
    sign = f"§ {number}" if re.fullmatch(r"\d+(?:/\d+)?", number) else number
    out.print("")
    out.print(f"[bold]{escape(sign)} {escape(p.get('title') or '')}[/bold]")
    _line(_t(lang, "dnr"), p.get("identifier"))
    _line(_t(lang, "proposal"), (p.get("proposal") or {}).get("text"))
    for motion in p.get("motions", []):
        _line(_t(lang, "motions"), motion["text"])
    for vote in p.get("votes", []):
        _line(_t(lang, "votes"), vote["text"])
    decision = p.get("decision")
    if decision:
        _line(_t(lang, "decision"), decision.get("text"))
        for point in decision.get("points", []):
            out.print("  " + escape(f"{point.get('number')}. {point.get('text')}"))
    for r in p.get("reservations", []):
        _line(_t(lang, "reservations"), r.get("text"))
    if p.get("sent_to"):
        _line(_t(lang, "sent_to"), ", ".join(x["text"] for x in p["sent_to"]))


def meetings(body: BodyOption = None, date: DateOption = None, store: StoreOption = None,
             lang: QueryLangOption = "sv", json_out: QueryJsonOption = False):
    """Lista sammanträden (protokoll och protokollsutdrag): organ, datum, plats, antal paragrafer."""
    lang = _lang(lang)
    if date is not None:
        try:
            date = dt.date.fromisoformat(date).isoformat()
        except ValueError:
            err.print(escape(_t(lang, "bad_date", date=date)))
            raise typer.Exit(2)
    s = _open(store, lang)
    try:
        items = meetings_mod.meetings(s, body, date)
    finally:
        s.close()
    _print_json(items) if json_out else print_meetings(items, lang)


def meeting(entity: EntityArgument, store: StoreOption = None, lang: QueryLangOption = "sv",
            json_out: QueryJsonOption = False):
    """Visa ett sammanträde: försättsblad, deltagare och varje paragraf med beslut och reservationer."""
    lang = _lang(lang)
    s = _open(store, lang)
    try:
        data = meetings_mod.meeting(s, entity)
    except q.NotFound as missing:
        err.print(escape(error_text(missing, lang)))
        raise typer.Exit(1)
    finally:
        s.close()
    _print_json(data) if json_out else print_meeting(data, lang)


COMMANDS = {"meetings": meetings, "meeting": meeting}


def register(app: typer.Typer) -> None:
    """Add `meetings` and `meeting` to the CLI (once, however often called)."""
    present = {c.name or (c.callback.__name__ if c.callback else None) for c in app.registered_commands}
    for name, command in COMMANDS.items():
        if name not in present:
            app.command(name, help=help_text(name))(command)
