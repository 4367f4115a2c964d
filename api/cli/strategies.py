"""The `styrgraf strategy DOC` command: a strategy's, policy's or programme's own parts.

Built on `graph.strategies`, like `GET /api/documents/{id}/strategy`; `--json` prints exactly the
data the API returns. Human output is Swedish by default, `--lang en` for English.
"""
from __future__ import annotations

import typer
from rich.markup import escape

from styrgraf.api.cli.messages import error_text, help_text
from styrgraf.api.cli.options import EntityArgument, QueryJsonOption, QueryLangOption, StoreOption
from styrgraf.api.cli.query import _lang, _open, _print_evidence, _print_json, err, out
from styrgraf.graph import queries as q
from styrgraf.graph import strategies as strategies_mod

TEXTS = {
    "sv": {
        "adopted": "Antagen av", "paragraph": "§ {n}", "valid_from": "Gäller från", "valid_until": "Gäller till",
        "further": "Gäller", "further_value": "tills vidare", "owner": "Dokumentansvarig", "revisions": "Revisioner",
        "areas": "Målområden", "goals": "Mål", "strategies": "Strategier", "measures": "Åtgärder",
        "indicators": "Indikatorer", "general": "Utanför målområdena", "none": "Inga uppgifter.",
    },
    "en": {
        "adopted": "Adopted by", "paragraph": "§ {n}", "valid_from": "Valid from", "valid_until": "Valid until",
        "further": "Valid", "further_value": "until further notice", "owner": "Document owner",
        "revisions": "Revisions", "areas": "Goal areas", "goals": "Goals", "strategies": "Strategies",
        "measures": "Measures", "indicators": "Indicators", "general": "Outside the goal areas",
        "none": "Nothing stated.",
    },
}


def _t(lang: str, key: str, **kw) -> str:
    return TEXTS.get(lang, TEXTS["sv"])[key].format(**kw)


def _line(title: str, value: str | None) -> None:
    if value:
        out.print(f"[bold]{escape(title)}[/bold]: {escape(value)}")


def _adoption_text(a: dict | None, lang: str) -> str | None:
    if not a:
        return None
    body = (a.get("body") or {}).get("name")
    parts = [p for p in (body, a.get("date"), _t(lang, "paragraph", n=a["paragraph"]) if a.get("paragraph") else None) if p]
    return ", ".join(parts) or None


def _items(title: str, items: list[dict], indent: str = "  ") -> None:
    if items:
        out.print(f"{indent}[bold]{escape(title)}[/bold]")
        for item in items:
            out.print(f"{indent}  - {escape(item.get('text') or '')}")


def print_strategy(st: dict, lang: str) -> None:
    out.print(f"[bold]{escape((st.get('document') or {}).get('title') or '')}[/bold]")
    _line(_t(lang, "adopted"), _adoption_text(st.get("adoption"), lang))
    v = st["validity"]
    _line(_t(lang, "valid_from"), v.get("valid_from"))
    _line(_t(lang, "valid_until"), v.get("valid_until"))
    if v.get("until_further_notice"):
        _line(_t(lang, "further"), _t(lang, "further_value"))
    _line(_t(lang, "owner"), (st.get("owner") or {}).get("text"))
    if st["revisions"]:
        out.print(f"[bold]{_t(lang, 'revisions')}[/bold]")
        for r in st["revisions"]:
            out.print("  " + escape(" ".join(x for x in (r.get("version"), r.get("date"), r.get("change")) if x)))
    if st["goal_areas"]:
        out.print(f"[bold]{_t(lang, 'areas')}[/bold]")
    for area in st["goal_areas"]:
        out.print(f"  [bold]{escape(' '.join(str(x) for x in (area.get('word'), area.get('number')) if x))}: "
                  f"{escape(area.get('title') or '')}[/bold]")
        for key in ("goals", "strategies", "measures", "indicators"):
            _items(_t(lang, key), area[key], "    ")
    general = st["general"]
    if any(general.values()):
        out.print(f"[bold]{_t(lang, 'general')}[/bold]")
        for key in ("strategies", "measures", "indicators"):
            _items(_t(lang, key), general[key])
    adoption = st.get("adoption") or {}
    _print_evidence(adoption.get("evidence", []) + adoption.get("date_evidence", [])
                    + (st.get("owner") or {}).get("evidence", []), lang)


def strategy(entity: EntityArgument, store: StoreOption = None, lang: QueryLangOption = "sv",
             json_out: QueryJsonOption = False):
    """Visa en strategis, policys eller ett programs antagande, giltighet, dokumentansvarig,
    revisioner och målområden med mål, åtgärder och indikatorer."""
    lang = _lang(lang)
    s = _open(store, lang)
    try:
        data = strategies_mod.strategy(s, entity)
    except q.NotFound as missing:
        err.print(escape(error_text(missing, lang)))
        raise typer.Exit(1)
    finally:
        s.close()
    _print_json(data) if json_out else print_strategy(data, lang)


def register(app: typer.Typer) -> None:
    """Add `strategy` to the CLI (once, however often called)."""
    present = {c.name or (c.callback.__name__ if c.callback else None) for c in app.registered_commands}
    if "strategy" not in present:
        app.command("strategy", help=help_text("strategy"))(strategy)
