"""CLI commands of the analysis layer: `overlaps`, `check`, `matrix coverage|people`, `resolve`.

`register(app)` adds them to the `styrgraf` typer app. Output is Swedish by
default (`--lang en` for English), `--json` for scripts. `check` exits 1 when
an error-level finding exists, 2 when the store cannot be opened.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Callable, Optional

import typer

from styrgraf.api.cli.people import format_reasons
from styrgraf.api.cli.options import FormatOption, JsonOption, LangOption, OutputOption, ProjectOption, StoreOption
from styrgraf.graph.analysis import (
    AnalysisError, compute_overlaps, coverage_csv, coverage_matrix, people_csv, people_matrix, run_checks,
    store_resolution,
)
from styrgraf.graph.analysis.checks import DEFAULT_MAX_SUBPROJECTS
from styrgraf.graph.store.interface import StoreError, open_store

TEXTS = {
    "sv": {
        "no_overlaps": "Inga överlapp.", "score": "poäng", "uncertain": "osäker",
        "kinds": {"intention": "Intention", "person": "Person", "investigation": "Beakta",
                  "organisation": "Organisation", "text": "Text"},
        "severity": {"error": "FEL", "warning": "VARNING", "info": "INFO"},
        "summary": "{error} fel, {warning} varningar, {info} upplysningar",
        "no_findings": "Inga anmärkningar.",
        "resolved": "Entitetsupplösning sparad i {graph} ({triples} tripler).",
        "merged": "Sammanslagna", "possible": "Möjligen samma", "reasons": "skäl",
        "kind_names": {"person": "personer", "organisation": "organisationer", "work": "arbeten",
                       "municipality": "kommuner"},
        "written": "Skrev {n} byte till {file}",
    },
    "en": {
        "no_overlaps": "No overlaps.", "score": "score", "uncertain": "uncertain",
        "kinds": {"intention": "Intention", "person": "Person", "investigation": "Consider",
                  "organisation": "Organisation", "text": "Text"},
        "severity": {"error": "ERROR", "warning": "WARNING", "info": "INFO"},
        "summary": "{error} errors, {warning} warnings, {info} notes",
        "no_findings": "No findings.",
        "resolved": "Entity resolution stored in {graph} ({triples} triples).",
        "merged": "Merged", "possible": "Possibly the same", "reasons": "reasons",
        "kind_names": {"person": "people", "organisation": "organisations", "work": "works",
                       "municipality": "municipalities"},
        "written": "Wrote {n} bytes to {file}",
    },
}


def _t(lang: str) -> dict:
    return TEXTS.get(lang, TEXTS["sv"])


def _open(store: Optional[str], read_only: bool):
    try:
        return open_store(store, read_only=read_only)
    except StoreError as e:
        typer.echo(e.message, err=True)
        raise typer.Exit(2)


def _analyse(store: Optional[str], analysis: Callable, read_only: bool = True):
    """`analysis(store)` on the opened store, closed afterwards; an AnalysisError exits with code 2."""
    s = _open(store, read_only=read_only)
    try:
        return analysis(s)
    except AnalysisError as e:
        typer.echo(e.message, err=True)
        raise typer.Exit(2)
    finally:
        s.close()


def _print_json(data) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _check_lang(lang: str) -> str:
    if lang not in TEXTS:
        typer.echo("--lang måste vara sv eller en", err=True)
        raise typer.Exit(2)
    return lang


def _sp(o: dict) -> str:
    doc = (o.get("project") or {}).get("title") or ""
    return f"DP{o['number']} {o['title'] or ''}".strip() + (f" [{doc}]" if doc else "")


def _evidence_line(ev: list[dict]) -> str:
    pages = sorted({(e["document"]["id"], e["page"]) for e in ev})
    if not pages:
        return ""
    docs = {d for d, _p in pages}
    if len(docs) == 1:
        return "s. " + ", ".join(str(p) for _d, p in pages)
    return "; ".join(f"{d} s. {p}" for d, p in pages)


def overlaps_cmd(
    project: ProjectOption = None,
    min_score: float = typer.Option(0.0, "--min-score", help="Lägsta poäng (0–1)."),
    limit: int = typer.Option(0, "--limit", help="Högst så många par (0 = alla)."),
    store: StoreOption = None, lang: LangOption = "sv", json_out: JsonOption = False,
):
    """Delprojekt som överlappar: rangordnade par med skäl och belägg."""
    lang = _check_lang(lang)
    result = _analyse(store, lambda s: compute_overlaps(s, project, min_score, lang=lang, limit=limit or None))
    if json_out:
        _print_json(result)
        return
    t = _t(lang)
    if not result:
        print(t["no_overlaps"])
    for n, o in enumerate(result, 1):
        print(f"{n}. {_sp(o['a'])}  ↔  {_sp(o['b'])}  ({t['score']} {o['score']:.2f})")
        for r in o["reasons"]:
            mark = f" ({t['uncertain']})" if not r.get("certain", True) else ""
            where = _evidence_line(r["evidence"])
            print(f"   • {t['kinds'][r['kind']]}{mark}: {r['detail']}" + (f"  [{where}]" if where else ""))
        print()


def check_cmd(
    max_subprojects: int = typer.Option(DEFAULT_MAX_SUBPROJECTS, "--max-subprojects",
                                        help="Flagga personer i fler delprojekt än så här."),
    shacl: bool = typer.Option(False, "--shacl", help="Kör även SHACL-validering (långsamt)."),
    store: StoreOption = None, lang: LangOption = "sv", json_out: JsonOption = False,
):
    """Konsistenskontroller. Avslutar med kod 1 om något fel (error) hittas."""
    lang = _check_lang(lang)
    result = _analyse(store, lambda s: run_checks(s, max_subprojects, shacl=shacl, lang=lang))
    if json_out:
        _print_json(result)
    else:
        t = _t(lang)
        if not result["findings"]:
            print(t["no_findings"])
        for f in result["findings"]:
            where = _evidence_line(f.get("evidence", []))
            print(f"{t['severity'][f['severity']]:8} {f['message']}" + (f"  [{where}]" if where else ""))
        print(t["summary"].format(**result["counts"]), file=sys.stderr)
    raise typer.Exit(1 if result["counts"]["error"] else 0)


def _matrix(kind: str, project: Optional[str], fmt: str, output: Optional[Path], store: Optional[str], lang: str):
    lang = _check_lang(lang)
    if fmt not in ("csv", "json"):
        typer.echo("--format måste vara csv eller json", err=True)
        raise typer.Exit(2)
    data = _analyse(store, lambda s: (coverage_matrix if kind == "coverage" else people_matrix)(s, project))
    if fmt == "json":
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    else:
        text = (coverage_csv if kind == "coverage" else people_csv)(data, lang)
    if output:
        output.write_text(text, encoding="utf-8")
        typer.echo(_t(lang)["written"].format(n=len(text.encode()), file=output), err=True)
    else:
        sys.stdout.write(text)


matrix_app = typer.Typer(help="Matriser: intentioner × delprojekt och personer × delprojekt.", no_args_is_help=True)


@matrix_app.command("coverage")
def matrix_coverage(project: ProjectOption = None, fmt: FormatOption = "csv", output: OutputOption = None,
                    store: StoreOption = None, lang: LangOption = "sv"):
    """Vilka delprojekt adresserar vilka intentioner, med avgränsningar."""
    _matrix("coverage", project, fmt, output, store, lang)


@matrix_app.command("people")
def matrix_people(project: ProjectOption = None, fmt: FormatOption = "csv", output: OutputOption = None,
                  store: StoreOption = None, lang: LangOption = "sv"):
    """Vilka personer finns i vilka delprojekt, med roller."""
    _matrix("people", project, fmt, output, store, lang)


def resolve_cmd(store: StoreOption = None, lang: LangOption = "sv", json_out: JsonOption = False):
    """Kör entitetsupplösning (personer, organisationer, utredningar) och spara resultatet i grafen."""
    lang = _check_lang(lang)
    s = _open(store, read_only=False)
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
        print(f"  {sign} {m['note']}  ({m['method']}, {m['confidence']:.2f})")
        if m.get("reasons"):  # people: each piece of evidence with its weight
            print(f"      {t['reasons']}: {format_reasons(m, lang)}")


def register(app: typer.Typer) -> None:
    """Add `overlaps`, `check`, `resolve` and `matrix` to the CLI (once, however often called)."""
    present = {c.name or (c.callback.__name__ if c.callback else None) for c in app.registered_commands}
    for name, command in (("overlaps", overlaps_cmd), ("check", check_cmd), ("resolve", resolve_cmd)):
        if name not in present:
            app.command(name)(command)
    if not any(g.name == "matrix" for g in app.registered_groups):
        app.add_typer(matrix_app, name="matrix")
