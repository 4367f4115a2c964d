"""The version commands of the `styrgraf` CLI: `versions DOC` and `diff DOC --from OTHER`.

Built on `graph.versions`, like `GET /api/documents/{id}/versions` and
`GET /api/documents/{id}/diff?from=`; `--json` prints exactly the data the API returns.
Human output is Swedish by default, `--lang en` for English.
"""
from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape

from styrgraf.api.cli.messages import error_text, help_text
from styrgraf.api.cli.options import QueryJsonOption, QueryLangOption, StoreOption
from styrgraf.api.cli.query import _lang, _open, _print_json, err, out
from styrgraf.graph import queries as q
from styrgraf.graph import versions as versions_mod

TEXTS = {
    "sv": {
        "version": "version {n}", "latest": "senaste", "revises": "reviderar {id}",
        "compared": "{new} jämfört med {old}", "added": "Tillagt", "removed": "Borttaget", "changed": "Ändrat",
        "none": "Inga skillnader i delprojekt, intentioner, roller, beslut eller dokumentets uppgifter.",
        "fields": {"title": "titel", "date": "datum", "pages": "sidor", "signatory": "undertecknare",
                   "purpose": "syfte", "intentions": "intentioner", "leaders": "ledare", "letter": "bokstav",
                   "text": "text", "kind": "slag", "points": "punkter"},
    },
    "en": {
        "version": "version {n}", "latest": "latest", "revises": "revises {id}",
        "compared": "{new} compared with {old}", "added": "Added", "removed": "Removed", "changed": "Changed",
        "none": "No differences in subprojects, intentions, roles, decisions or the document's facts.",
        "fields": {"title": "title", "date": "date", "pages": "pages", "signatory": "signatory",
                   "purpose": "purpose", "intentions": "intentions", "leaders": "leaders", "letter": "letter",
                   "text": "text", "kind": "kind", "points": "points"},
    },
}

DocArgument = Annotated[str, typer.Argument(help=help_text("opt.doc_id"))]
FromOption = Annotated[str, typer.Option("--from", help=help_text("opt.diff_from"))]

# What an added or removed item shows after its label.
_SUMMARY_FIELD = {"subproject": "title", "intention": "text", "decision": "text"}
_SHORT = 90


def _t(lang: str, key: str, **kw):
    value = TEXTS.get(lang, TEXTS["sv"])[key]
    return value.format(**kw) if kw else value


def _value(value) -> str:
    if value is None or value == []:
        return "-"
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    value = " ".join(str(value).split())
    return value if len(value) <= _SHORT else value[: _SHORT - 1] + "…"


def _version_line(v: dict, lang: str) -> str:
    parts = [_t(lang, "version", n=v["version"]), v.get("date") or "-"]
    if v.get("latest"):
        parts.append(_t(lang, "latest"))
    if v.get("revision_of"):
        parts.append(_t(lang, "revises", id=v["revision_of"]))
    return f"{'*' if v.get('current') else ' '} {v.get('title') or '-'} ({', '.join(parts)}) [{v['id']}]"


def print_versions(data: dict, lang: str) -> None:
    for v in data["versions"]:
        out.print(escape(_version_line(v, lang)))


def _label(item: dict, lang: str) -> str:
    return item["label_sv"] if lang == "sv" else item["label_en"]


def print_diff(data: dict, lang: str) -> None:
    def name(v: dict) -> str:
        return f"{_t(lang, 'version', n=v.get('version') or '?')} ({v.get('date') or '-'}) [{v['id']}]"

    out.print(f"[bold]{escape(data['document'].get('title') or '')}[/bold]")
    out.print(escape(_t(lang, "compared", new=name(data["document"]), old=name(data["from"]))))
    if not (data["added"] or data["removed"] or data["changed"]):
        out.print(escape(_t(lang, "none")))
    fields = _t(lang, "fields")
    for section, sign in (("added", "+"), ("removed", "-")):
        if data[section]:
            out.print(f"[bold]{_t(lang, section)} ({len(data[section])})[/bold]")
        for item in data[section]:
            summary = item["values"].get(_SUMMARY_FIELD.get(item["kind"], ""))
            out.print(escape(f"  {sign} {_label(item, lang)}" + (f": {_value(summary)}" if summary else "")))
    if data["changed"]:
        out.print(f"[bold]{_t(lang, 'changed')} ({len(data['changed'])})[/bold]")
    for item in data["changed"]:
        out.print(escape(f"  ~ {_label(item, lang)}"))
        for f in item["fields"]:
            out.print(escape(f"      {fields.get(f['field'], f['field'])}: {_value(f['from'])} → {_value(f['to'])}"))


def versions(doc: DocArgument, store: StoreOption = None, lang: QueryLangOption = "sv", json_out: QueryJsonOption = False):
    """Ett dokuments lagrade versioner, äldst först (samma kommun, diarienummer och titel)."""
    lang = _lang(lang)
    s = _open(store, lang)
    try:
        data = versions_mod.versions(s, doc)
    except q.NotFound as missing:
        err.print(escape(error_text(missing, lang)))
        raise typer.Exit(1) from None
    finally:
        s.close()
    _print_json(data) if json_out else print_versions(data, lang)


def diff(doc: DocArgument, from_doc: FromOption, store: StoreOption = None, lang: QueryLangOption = "sv",
         json_out: QueryJsonOption = False):
    """Vad en version av ett dokument lägger till, tar bort och ändrar jämfört med en annan."""
    lang = _lang(lang)
    s = _open(store, lang)
    try:
        data = versions_mod.diff(s, doc, from_doc)
    except (q.NotFound, versions_mod.NotVersions) as refused:
        err.print(escape(error_text(refused, lang)))
        raise typer.Exit(1) from None
    finally:
        s.close()
    _print_json(data) if json_out else print_diff(data, lang)


def register(app: typer.Typer) -> None:
    app.command("versions", help=help_text("versions"))(versions)
    app.command("diff", help=help_text("diff"))(diff)
