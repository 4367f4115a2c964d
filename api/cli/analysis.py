"""CLI commands of the analysis layer: `overlaps`, `check`, `matrix coverage|people`, `resolve`.

`register(app)` adds them to the `styrgraf` typer app. Output is Swedish by
default (`--lang en` for English), `--json` for scripts. `overlaps` shows the
pairs scoring at least `DEFAULT_MIN_SCORE` and says how many it hides; a matrix
is a readable table unless `--csv` or `--json` asks for data. `check` exits 1
when an error-level finding exists, 2 when the store cannot be opened.
"""
from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Callable, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from styrgraf.api.cli.messages import decimal, error_text, help_text, say, severity_label
from styrgraf.api.cli.options import (CsvOption, FormatOption, JsonOption, LangOption, OutputOption, ProjectOption,
                                      StoreOption)
from styrgraf.api.cli.people import format_reasons
from styrgraf.graph.analysis import (
    AnalysisError, coverage_csv, coverage_matrix, people_csv, people_matrix, run_checks,
    store_resolution,
)
from styrgraf.graph.analysis.checks import DEFAULT_MAX_SUBPROJECTS
from styrgraf.graph.analysis.overlaps import DEFAULT_MIN_SCORE, overlaps_answer
from styrgraf.graph.analysis.projection import ROLE_LABELS
from styrgraf.graph.analysis.resolution import method_label
from styrgraf.graph.store.interface import StoreError, open_store

TEXTS = {
    "sv": {
        "no_overlaps": "Inga överlapp.", "score": "poäng", "uncertain": "osäker", "plan": "Projekt",
        "hidden": "{n} par med poäng under {min_score} visas inte; --min-score 0 visar alla.",
        "limited": "{n} par till visas inte; --limit 0 visar alla.",
        "kinds": {"intention": "Intention", "person": "Person", "investigation": "Beakta",
                  "organisation": "Organisation", "text": "Text"},
        "summary": "{error} fel, {warning} varningar, {info} upplysningar",
        "no_findings": "Inga anmärkningar.",
        "resolved": "Entitetsupplösning sparad i {graph} ({triples} tripler).",
        "merged": "Sammanslagna", "possible": "Möjligen samma", "reasons": "skäl",
        "kind_names": {"person": "personer", "organisation": "organisationer", "work": "arbeten",
                       "municipality": "kommuner"},
        "written": "Skrev {n} byte till {file}",
        "intention": "Intention", "person": "Person", "count": "Antal", "written_as": "skrivs även",
        "scopes": "Avgränsningar", "subprojects": "Delprojekt", "unknown": "finns inte",
        "addressed": "✓", "scoped": "✓*", "scope_note": "* med avgränsning:",
    },
    "en": {
        "no_overlaps": "No overlaps.", "score": "score", "uncertain": "uncertain", "plan": "Project",
        "hidden": "{n} pairs scoring below {min_score} are not shown; --min-score 0 shows them all.",
        "limited": "{n} more pairs are not shown; --limit 0 shows them all.",
        "kinds": {"intention": "Intention", "person": "Person", "investigation": "Consider",
                  "organisation": "Organisation", "text": "Text"},
        "summary": "{error} errors, {warning} warnings, {info} notes",
        "no_findings": "No findings.",
        "resolved": "Entity resolution stored in {graph} ({triples} triples).",
        "merged": "Merged", "possible": "Possibly the same", "reasons": "reasons",
        "kind_names": {"person": "people", "organisation": "organisations", "work": "works",
                       "municipality": "municipalities"},
        "written": "Wrote {n} bytes to {file}",
        "intention": "Intention", "person": "Person", "count": "Count", "written_as": "also written",
        "scopes": "Scopes", "subprojects": "Subprojects", "unknown": "does not exist",
        "addressed": "✓", "scoped": "✓*", "scope_note": "* with a scope:",
    },
}


def _t(lang: str) -> dict:
    return TEXTS.get(lang, TEXTS["sv"])


def _open(store: Optional[str], read_only: bool, lang: str = "sv"):
    try:
        return open_store(store, read_only=read_only)
    except StoreError as e:
        typer.echo(error_text(e, lang), err=True)
        raise typer.Exit(2)


def _analyse(store: Optional[str], analysis: Callable, read_only: bool = True, lang: str = "sv"):
    """`analysis(store)` on the opened store, closed afterwards; an AnalysisError exits with code 2."""
    s = _open(store, read_only=read_only, lang=lang)
    try:
        return analysis(s)
    except AnalysisError as e:
        typer.echo(error_text(e, lang), err=True)
        raise typer.Exit(2)
    finally:
        s.close()


def _print_json(data) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _check_lang(lang: str) -> str:
    # `--lang` is checked when it is parsed (`messages.check_lang`); this stays for direct calls.
    return lang if lang in TEXTS else "sv"


def _plan(sp: dict) -> str:
    return (sp.get("project") or {}).get("title") or ""


def _sp(o: dict) -> str:
    return f"DP{o['number']} {o['title'] or ''}".strip()


def _pair_line(o: dict, one_plan: bool) -> str:
    """`DP1 … ↔ DP2 …`, naming the plan once: not at all when every pair is in one plan (it heads the list),
    once after the pair when both are in one plan, after each subproject when they are in two."""
    a, b = o["a"], o["b"]
    if one_plan or not (_plan(a) or _plan(b)):
        return f"{_sp(a)}  ↔  {_sp(b)}"
    if _plan(a) == _plan(b):
        return f"{_sp(a)}  ↔  {_sp(b)}  [{_plan(a)}]"
    return f"{_sp(a)} [{_plan(a)}]  ↔  {_sp(b)} [{_plan(b)}]"


def _evidence_line(ev: list[dict], lang: str = "sv") -> str:
    pages = sorted({(e["document"]["id"], e["page"]) for e in ev})
    if not pages:
        return ""
    page = "s." if lang == "sv" else "p."
    docs = {d for d, _p in pages}
    if len(docs) == 1:
        return f"{page} " + ", ".join(str(p) for _d, p in pages)
    return "; ".join(f"{d} {page} {p}" for d, p in pages)


def overlaps_cmd(
    project: ProjectOption = None,
    min_score: float = typer.Option(DEFAULT_MIN_SCORE, "--min-score", help=help_text("opt.min_score")),
    limit: int = typer.Option(0, "--limit", help=help_text("opt.limit_pairs")),
    store: StoreOption = None, lang: LangOption = "sv", json_out: JsonOption = False,
):
    lang = _check_lang(lang)

    answer = _analyse(store, lambda s: overlaps_answer(s, project, min_score, lang=lang, limit=limit or None), lang=lang)
    if json_out:
        _print_json(answer)
        return
    result = answer["overlaps"]
    t = _t(lang)
    if not result:
        print(t["no_overlaps"])
    plans = {_plan(side) for o in result for side in (o["a"], o["b"])}
    one_plan = len(plans) == 1 and "" not in plans
    if one_plan:
        print(f"{t['plan']}: {plans.pop()}\n")
    for n, o in enumerate(result, 1):
        print(f"{n}. {_pair_line(o, one_plan)}  ({t['score']} {decimal(o['score'], lang)})")
        for r in o["reasons"]:
            mark = f" ({t['uncertain']})" if not r.get("certain", True) else ""
            where = _evidence_line(r["evidence"], lang)
            print(f"   • {t['kinds'][r['kind']]}{mark}: {r['detail']}" + (f"  [{where}]" if where else ""))
        print()
    if answer["total"] > len(result):
        print(t["limited"].format(n=answer["total"] - len(result)))
    if answer["hidden"]:
        print(t["hidden"].format(n=answer["hidden"], min_score=decimal(min_score, lang)))


def check_cmd(
    max_subprojects: int = typer.Option(DEFAULT_MAX_SUBPROJECTS, "--max-subprojects",
                                        help=help_text("opt.max_subprojects")),
    shacl: bool = typer.Option(False, "--shacl", help=help_text("opt.shacl")),
    store: StoreOption = None, lang: LangOption = "sv", json_out: JsonOption = False,
):
    lang = _check_lang(lang)
    result = _analyse(store, lambda s: run_checks(s, max_subprojects, shacl=shacl, lang=lang), lang=lang)
    if json_out:
        _print_json(result)
    else:
        t = _t(lang)
        if not result["findings"]:
            print(t["no_findings"])
        for f in result["findings"]:
            where = _evidence_line(f.get("evidence", []), lang)
            print(f"{severity_label(f['severity'], lang):8} {f['message']}" + (f"  [{where}]" if where else ""))
        print(t["summary"].format(**result["counts"]), file=sys.stderr)
    raise typer.Exit(1 if result["counts"]["error"] else 0)


MATRIX_FORMATS = ("table", "csv", "json")
INTENTION_WIDTH = 50  # the intention's text in a table row, cut after this many characters


def _matrix_format(fmt: Optional[str], csv_out: bool, json_out: bool, lang: str) -> str:
    """`--json`, `--csv` or `--format`: one of MATRIX_FORMATS (a readable table unless asked for data)."""
    if fmt is not None and fmt not in MATRIX_FORMATS:
        typer.echo(say(lang, "bad_format", value=fmt, choices=", ".join(MATRIX_FORMATS)), err=True)
        raise typer.Exit(2)
    return "json" if json_out else "csv" if csv_out else fmt or "table"


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _subproject_legend(columns: list[dict], lang: str) -> list[str]:
    """What the columns `DP1`, `DP2` … are: one line each under the table."""
    return [f"{_t(lang)['subprojects']}:"] + ["  " + escape(_sp(c)) for c in columns]


def _coverage_tables(data: dict, lang: str) -> list:
    """One table per plan: a row per intention, a column per subproject; the scopes listed under it."""
    t = _t(lang)
    out: list = []
    for m in data["matrices"]:
        title = (m["project"] or {}).get("title") or ""
        table = Table(title=f"{t['plan']}: {title}" if title else None, show_header=True, header_style="bold",
                      show_lines=False)
        table.add_column(t["intention"], no_wrap=True)
        for c in m["columns"]:
            table.add_column(f"DP{c['number']}", justify="center")
        table.add_column(t["count"], justify="right")
        scopes = []
        for row in m["rows"]:
            i = row["intention"]
            letter = f" ({i['letter']})" if i.get("letter") else ""
            cells = []
            for c in m["columns"]:
                cell = row["cells"].get(c["id"])
                if cell and cell["scope"]:
                    scopes.append(f"DP{c['number']}, {t['intention'].lower()} {i['number']}{letter}: {cell['scope']}")
                cells.append("" if cell is None else t["scoped"] if cell["scope"] else t["addressed"])
            table.add_row(escape(f"{i['number']}{letter} {_short(i.get('text') or '', INTENTION_WIDTH)}"), *cells,
                          str(row["count"]))
        for u in m["unknown"]:
            cells = [t["unknown"] if c["id"] == u["subproject"]["id"] else "" for c in m["columns"]]
            table.add_row(escape(f"{u['number']} ({t['unknown']})"), *cells, "")
        out.append(table)
        out += _subproject_legend(m["columns"], lang)
        if scopes:
            out.append(escape(t["scope_note"]))
            out += ["  " + escape(x) for x in scopes]
    return out


def _people_table(data: dict, lang: str) -> list:
    """A row per person (busiest first), a column per subproject with the person's roles there."""
    t = _t(lang)
    cols = data["columns"]
    plans = {_plan(c) for c in cols}
    one_plan = len(plans) <= 1
    title = f"{t['plan']}: {plans.pop()}" if one_plan and plans and "" not in plans else None
    table = Table(title=title, show_header=True, header_style="bold")
    table.add_column(t["person"], no_wrap=True)
    table.add_column(t["count"], justify="right")
    for c in cols:
        table.add_column(f"DP{c['number']}" if one_plan else f"DP{c['number']} [{_short(_plan(c), 20)}]")
    idx = 0 if lang == "sv" else 1
    for row in data["rows"]:
        name = row["person"]["name"] or ""
        others = [w for w in row["written"] if w != name]
        if others:
            name += f" ({t['written_as']} {', '.join(others)})"
        cells = [", ".join(ROLE_LABELS.get(r, (r, r))[idx] for r in row["cells"].get(c["id"], [])) for c in cols]
        table.add_row(escape(name), str(row["count"]), *map(escape, cells))
    return [table, *_subproject_legend(cols, lang)]


def _matrix(kind: str, project: Optional[str], fmt: str, output: Optional[Path], store: Optional[str], lang: str):
    lang = _check_lang(lang)
    data = _analyse(store, lambda s: (coverage_matrix if kind == "coverage" else people_matrix)(s, project), lang=lang)
    if fmt == "table":
        # On a terminal the table fits the window; into a file or a pipe it is as wide as it needs.
        console = (Console(file=io.StringIO(), width=MATRIX_WIDTH, highlight=False) if output
                   else Console(highlight=False, width=None if sys.stdout.isatty() else MATRIX_WIDTH))
        for part in (_coverage_tables if kind == "coverage" else _people_table)(data, lang):
            console.print(part)
        if not output:
            return
        text = console.file.getvalue()
    elif fmt == "json":
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    else:
        text = (coverage_csv if kind == "coverage" else people_csv)(data, lang)
    if output:
        output.write_text(text, encoding="utf-8")
        typer.echo(_t(lang)["written"].format(n=len(text.encode()), file=output), err=True)
    else:
        sys.stdout.write(text)


MATRIX_WIDTH = 160  # a table written to a file: as wide as a page of a spreadsheet, not a terminal

matrix_app = typer.Typer(help=help_text("matrix"), no_args_is_help=True)


@matrix_app.command("coverage", help=help_text("matrix.coverage"))
def matrix_coverage(project: ProjectOption = None, fmt: FormatOption = None, csv_out: CsvOption = False,
                    json_out: JsonOption = False, output: OutputOption = None, store: StoreOption = None,
                    lang: LangOption = "sv"):
    _matrix("coverage", project, _matrix_format(fmt, csv_out, json_out, lang), output, store, lang)


@matrix_app.command("people", help=help_text("matrix.people"))
def matrix_people(project: ProjectOption = None, fmt: FormatOption = None, csv_out: CsvOption = False,
                  json_out: JsonOption = False, output: OutputOption = None, store: StoreOption = None,
                  lang: LangOption = "sv"):
    _matrix("people", project, _matrix_format(fmt, csv_out, json_out, lang), output, store, lang)


def resolve_cmd(store: StoreOption = None, lang: LangOption = "sv", json_out: JsonOption = False):
    lang = _check_lang(lang)
    s = _open(store, read_only=False, lang=lang)
    try:
        result = store_resolution(s)
    finally:
        s.close()
    if json_out:
        _print_json(result)
        return
    t = _t(lang)
    print(t["resolved"].format(graph=result["graph"], triples=result["triples"]))
    names = t["kind_names"]
    merged = ", ".join(f"{n} {names.get(k, k)}" for k, n in sorted(result["identity"].items()))
    possible = ", ".join(f"{n} {names.get(k, k)}" for k, n in sorted(result["possible"].items()))
    print(f"{t['merged']}: {merged or '0'}; {t['possible']}: {possible or '0'}")
    for m in result["matches"]:
        sign = "=" if m["identity"] else "~"
        print(f"  {sign} {m['note']}  ({method_label(m['method'], lang)}, {decimal(m['confidence'], lang)})")
        if m.get("reasons"):  # people: each piece of evidence with its weight
            print(f"      {t['reasons']}: {format_reasons(m, lang)}")


def register(app: typer.Typer) -> None:
    """Add `overlaps`, `check`, `resolve` and `matrix` to the CLI (once, however often called)."""
    present = {c.name or (c.callback.__name__ if c.callback else None) for c in app.registered_commands}
    for name, command in (("overlaps", overlaps_cmd), ("check", check_cmd), ("resolve", resolve_cmd)):
        if name not in present:
            app.command(name, help=help_text(name))(command)
    if not any(g.name == "matrix" for g in app.registered_groups):
        app.add_typer(matrix_app, name="matrix")
