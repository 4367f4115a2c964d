"""The `styrgraf` command line. Messages in Swedish by default, `--lang en` for English.

The CLI only calls the graph layer; it never parses documents itself.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Iterator, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from styrgraf.api.http.server_registry import remove_via_server, running_server, upload_via_server
from styrgraf.graph.documents import IngestResult, ingest_files, list_documents, prepare_ingest, remove_document
from styrgraf.graph.store.interface import StoreError, open_store, resolve_location
from styrgraf.api.cli import click_words
from styrgraf.api.cli.messages import LANG_ENV, check_lang, decimal, error_text, help_lang, help_text
from styrgraf.api.cli.options import JsonOption, LangOption, StoreOption
from styrgraf.ingest.kinds.generic import UNKNOWN_KIND
from styrgraf.ingest.records import Evidence, Finding

# A folder is scanned for these endings; a file named on the command line is
# read whatever its name, since sources are recognised by content.
FOLDER_SUFFIXES = (".pdf", ".txt", ".text")

click_words.install(help_lang())
app = typer.Typer(add_completion=False, no_args_is_help=True, help=help_text("app"))
err = Console(stderr=True)
out = Console()


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        print(f"styrgraf {version('styrgraf')}")
        raise typer.Exit(0)


@app.callback()
def _main(ctx: typer.Context,
          show_version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                            help=help_text("version")),
          lang: Optional[str] = typer.Option(None, "--lang", callback=check_lang, help=help_text("opt.lang"))) -> None:
    # `styrgraf --lang en COMMAND`: the language of every command of this run (as STYRGRAF_LANG would be,
    # ahead of it), unless the command is given its own --lang.
    if lang is not None:
        before = os.environ.get(LANG_ENV)
        os.environ[LANG_ENV] = lang
        ctx.call_on_close(lambda: os.environ.pop(LANG_ENV) if before is None else os.environ.update({LANG_ENV: before}))

TEXTS = {
    "sv": {
        "ingested": "inläst", "replaced": "ersatt", "rendition": "ny återgivning av lagrat dokument", "version": "ny version av lagrat dokument", "unchanged": "oförändrad", "failed": "misslyckades",
        "summary": "{n} filer: {ok} inlästa, {same} oförändrade, {bad} misslyckade",
        "no_files": "Inga filer att läsa in i {paths}",
        "skipped": "{n} överhoppade ({why})",
        "skipped_other": "{n} med annan filändelse än {suffixes}: {names}",
        "skipped_hidden": "{n} dolda filer eller filer i dolda kataloger",
        "missing": "filen eller katalogen finns inte",
        "removed": "Borttaget: {graph}", "not_found": "Inget dokument matchar {ref}",
        "progress": "Läser in", "invalid_date": "omöjligt datum",
        "unknown_kind": "okänd dokumentsort: endast grunduppgifter (titel, datum, diarienummer, kommun, personer, beslut)",
        "exported": "Exporterade {n} byte till {file}", "imported": "Importerade {n} tripler",
        "none": "Inga dokument lagrade.", "pages": "s.",
        "via_server": "Lagret används av en körande server ({url}); filerna skickas dit.",
        "reindexing": "Beräknar analysrader", "reindexed": "Analysrader skrivna för {n} dokument ({ok} var redan aktuella)",
    },
    "en": {
        "ingested": "ingested", "replaced": "replaced", "rendition": "new rendition of a stored document", "version": "new version of a stored document", "unchanged": "unchanged", "failed": "failed",
        "summary": "{n} files: {ok} ingested, {same} unchanged, {bad} failed",
        "no_files": "No files to ingest in {paths}",
        "skipped": "{n} skipped ({why})",
        "skipped_other": "{n} not ending in {suffixes}: {names}",
        "skipped_hidden": "{n} hidden files or files in hidden folders",
        "missing": "no such file or folder",
        "removed": "Removed: {graph}", "not_found": "No document matches {ref}",
        "progress": "Ingesting", "invalid_date": "impossible date",
        "unknown_kind": "no known kind of document: basic facts only (title, date, case number, municipality, people, decisions)",
        "exported": "Exported {n} bytes to {file}", "imported": "Imported {n} triples",
        "none": "No documents stored.", "pages": "p.",
        "via_server": "The store is held by a running server ({url}); sending the files there.",
        "reindexing": "Computing analysis rows", "reindexed": "Analysis rows written for {n} documents ({ok} were current)",
    },
}


def _t(lang: str, key: str, **kw) -> str:
    return TEXTS.get(lang, TEXTS["sv"])[key].format(**kw)


def _open(store: Optional[str], lang: str, read_only: bool = False):
    try:
        return open_store(store, read_only=read_only)
    except StoreError as e:
        err.print(f"[red]{escape(error_text(e, lang))}[/red]")
        raise typer.Exit(2)


def collect_files(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """Files named directly, and the supported files inside named folders (sorted)."""
    files: list[Path] = []
    missing: list[Path] = []
    for p in paths:
        if p.is_dir():
            files += sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in FOLDER_SUFFIXES
                            and not any(part.startswith(".") for part in f.relative_to(p).parts))
        elif p.exists():
            files.append(p)
        else:
            missing.append(p)
    return files, missing


def skipped_files(paths: list[Path]) -> tuple[list[Path], int]:
    """What a folder scan passes over: files of other endings (named in the summary) and hidden files (counted)."""
    other: list[Path] = []
    hidden = 0
    for p in paths:
        if not p.is_dir():
            continue
        for f in sorted(p.rglob("*")):
            if not f.is_file():
                continue
            if any(part.startswith(".") for part in f.relative_to(p).parts):
                hidden += 1
            elif f.suffix.lower() not in FOLDER_SUFFIXES:
                other.append(f)
    return other, hidden


SHOWN_SKIPPED = 5


def _skipped_note(lang: str, other: list[Path], hidden: int) -> str:
    """The summary's tail naming what the folder scan did not read, and why."""
    parts = []
    if other:
        names = ", ".join(f.name for f in other[:SHOWN_SKIPPED]) + (", …" if len(other) > SHOWN_SKIPPED else "")
        parts.append(_t(lang, "skipped_other", n=len(other), suffixes="/".join(FOLDER_SUFFIXES), names=names))
    if hidden:
        parts.append(_t(lang, "skipped_hidden", n=hidden))
    return "; " + _t(lang, "skipped", n=len(other) + hidden, why="; ".join(parts)) if parts else ""


def _from_server(d: dict) -> IngestResult:
    """An upload answer of a running server as an IngestResult."""
    findings = [
        Finding(f.get("severity", "warning"), f.get("code", ""), f.get("message", ""),
                tuple(Evidence(e.get("page", 0), e.get("start", 0), e.get("end", 0), e.get("quote", ""))
                      for e in f.get("evidence") or ()), f.get("message_en", ""))
        for f in d.get("findings") or ()
    ]
    return IngestResult(Path(d["path"]), d["status"], graph=d.get("graph"), document=d.get("document"),
                        title=d.get("title"), reason=d.get("reason"), reason_en=d.get("reason_en"), findings=findings)


def _line(r: IngestResult, lang: str) -> str:
    status = _t(lang, r.status)
    if r.status == "failed":
        reason = r.reason_en if lang == "en" and r.reason_en else r.reason
        return f"{r.path}: {status}: {reason}"
    extra = ""
    bad_dates = [f for f in r.findings if f.code == "invalid-date"]
    if bad_dates:
        quotes = sorted({f.evidence[0].quote for f in bad_dates if f.evidence})
        extra = f" ({_t(lang, 'invalid_date')}: {', '.join(quotes)})"
    if any(f.code == UNKNOWN_KIND for f in r.findings):
        extra += f" ({_t(lang, 'unknown_kind')})"
    title = f" — {r.title}" if r.title else ""
    return f"{r.path}: {status}{title}{extra}"


def _ingested(files: list[Path], server: dict | None, store) -> Iterator[IngestResult]:
    """Each file's result, in order: sent to the running server, or ingested into the store (the
    next file read while the current one is written)."""
    if not server:
        yield from ingest_files(store, files)
        return
    for f in files:
        try:
            yield _from_server(upload_via_server(server, f))
        except StoreError as e:
            yield IngestResult(f, "failed", reason=e.message, reason_en=e.message_en)


@app.command(help=help_text("ingest"))
def ingest(
    paths: list[Path] = typer.Argument(..., help=help_text("opt.paths")),
    store: StoreOption = None,
    lang: LangOption = "sv",
    json_out: JsonOption = False,
):
    files, missing = collect_files(paths)
    results: list[IngestResult] = [
        IngestResult(m, "failed", reason=_t("sv", "missing"), reason_en=_t("en", "missing")) for m in missing
    ]
    skipped_note = _skipped_note(lang, *skipped_files(paths))
    if not files and not missing:
        err.print(_t(lang, "no_files", paths=", ".join(map(str, paths))) + skipped_note, markup=False, soft_wrap=True)
        raise typer.Exit(1)
    if not json_out:
        for r in results:
            print(_line(r, lang), flush=True)
    # A running `styrgraf serve` holds the embedded store: hand the files to it instead.
    server = running_server(resolve_location(store))
    if not server:
        prepare_ingest(files)  # it starts while the store is opened
    s = None if server else _open(store, lang)
    if server and not json_out:
        err.print(TEXTS[lang if lang in TEXTS else "sv"]["via_server"].format(url=server.get("url")))
    try:
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=err, transient=True, disable=len(files) < 2 or json_out) as progress:
            task = progress.add_task(_t(lang, "progress"), total=len(files))
            names = [f"{_t(lang, 'progress')} {f.name}" for f in files] + [_t(lang, "progress")]
            progress.update(task, description=names[0])
            for i, r in enumerate(_ingested(files, server, s), 1):
                results.append(r)
                if not json_out:
                    print(_line(r, lang), flush=True)
                progress.update(task, advance=1, description=names[i])  # the file now being read
    finally:
        if s is not None:
            s.close()
    bad = sum(not r.ok for r in results)
    if json_out:
        print(json.dumps([{
            "path": str(r.path), "status": r.status, "graph": r.graph, "title": r.title, "reason": r.reason,
            "findings": [{"code": f.code, "severity": f.severity, "message": f.message, "message_en": f.message_en}
                         for f in r.findings],
        } for r in results], ensure_ascii=False, indent=2))
    else:
        err.print(_t(lang, "summary", n=len(results), ok=sum(r.status in ("ingested", "replaced", "rendition", "version") for r in results),
                     same=sum(r.status == "unchanged" for r in results), bad=bad) + skipped_note,
                  markup=False, soft_wrap=True)
    raise typer.Exit(1 if bad else 0)


@app.command(help=help_text("documents"))
def documents(store: StoreOption = None, lang: LangOption = "sv", json_out: JsonOption = False):
    s = _open(store, lang, read_only=True)
    try:
        docs = list_documents(s)
    finally:
        s.close()
    if json_out:
        print(json.dumps(docs, ensure_ascii=False, indent=2))
        return
    if not docs:
        out.print(_t(lang, "none"))
        return
    for d in docs:
        print(f"{d['date'] or '-':<10}  {d['identifier'] or '-':<14}  {d['pages']:>3} {_t(lang, 'pages')}  {d['title']}")
        print(f"            {d['iri']}")
        print(f"            sha256 {', '.join(x[:16] for x in d['sha256'])}  {d['ingested_at']}")


@app.command(help=help_text("remove"))
def remove(doc: str = typer.Argument(..., help=help_text("opt.doc_ref")),
           store: StoreOption = None, lang: LangOption = "sv"):
    server = running_server(resolve_location(store))
    if server:
        answer = remove_via_server(server, doc)
        if answer["status"] == "failed":
            err.print(answer.get("reason") or "")
            raise typer.Exit(2)
        graph = answer.get("graph") if answer["status"] == "removed" else None
    else:
        s = _open(store, lang)
        try:
            graph = remove_document(s, doc)
        finally:
            s.close()
    if graph is None:
        err.print(_t(lang, "not_found", ref=doc))
        raise typer.Exit(1)
    print(_t(lang, "removed", graph=graph))


@app.command("export", help=help_text("export"))
def export_cmd(fmt: str = typer.Option("trig", "--format", help=help_text("opt.export_format")),
               document: Optional[str] = typer.Option(None, "--document", help=help_text("opt.export_document")),
               output: Optional[Path] = typer.Option(None, "--output", "-o", help=help_text("opt.export_output")),
               store: StoreOption = None, lang: LangOption = "sv"):
    from styrgraf.graph.documents import find_document_graph

    s = _open(store, lang, read_only=True)
    try:
        graph = None
        if document:
            graph = find_document_graph(s, document)
            if graph is None:
                err.print(_t(lang, "not_found", ref=document))
                raise typer.Exit(1)
        data = s.export(fmt, graph)
    except StoreError as e:
        err.print(f"[red]{escape(error_text(e, lang))}[/red]")
        raise typer.Exit(2)
    finally:
        s.close()
    if output:
        output.write_bytes(data)
        err.print(_t(lang, "exported", n=len(data), file=output))
    else:
        sys.stdout.buffer.write(data)


@app.command("import", help=help_text("import"))
def import_cmd(file: Path = typer.Argument(..., exists=True, dir_okay=False, help=help_text("opt.import_file")),
               store: StoreOption = None, lang: LangOption = "sv"):
    fmt = {".trig": "trig", ".nq": "nquads", ".nquads": "nquads"}.get(file.suffix.lower(), "trig")
    s = _open(store, lang)
    try:
        n = s.import_data(file.read_bytes(), fmt)
        # An export may come from another version: its documents get current analysis rows now, not on first read.
        _write_rows(s, lang)
    except StoreError as e:
        err.print(f"[red]{escape(error_text(e, lang))}[/red]")
        raise typer.Exit(2)
    finally:
        s.close()
    print(_t(lang, "imported", n=n))


def _write_rows(s, lang: str) -> int:
    from styrgraf.graph.analysis.rows import write_missing_rows

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=True) as progress:
        task = progress.add_task(_t(lang, "reindexing"), total=None)

        def step(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)
        return len(write_missing_rows(s, step))


@app.command(help=help_text("reindex"))
def reindex(store: StoreOption = None, lang: LangOption = "sv"):
    s = _open(store, lang)
    try:
        total = len(list_documents(s))
        n = _write_rows(s, lang)
    except StoreError as e:
        err.print(f"[red]{escape(error_text(e, lang))}[/red]")
        raise typer.Exit(2)
    finally:
        s.close()
    print(_t(lang, "reindexed", n=n, ok=total - n))


@app.command(help=help_text("links"))
def links(doc: str = typer.Argument(..., help=help_text("opt.doc_id")), store: StoreOption = None,
          lang: LangOption = "sv", json_out: JsonOption = False):
    from styrgraf.graph import queries as q

    s = _open(store, lang, read_only=True)
    try:
        data = q.document_links(s, doc)
    except q.NotFound as missing:
        err.print(error_text(missing, lang), markup=False)
        raise typer.Exit(1) from None
    finally:
        s.close()
    if json_out:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return
    if not data:
        print("No links." if lang == "en" else "Inga länkar.")
    for link in data:
        other = link["document"]
        label = link["label_en"] if lang == "en" else link["label_sv"]
        print(f"{label}: {other['title']} ({other['kind'] or '-'}, {other['date'] or '-'}) [{other['id']}] "
              f"{decimal(link['confidence'], lang)} {', '.join(link['rules'])}")
        for e in link["evidence"]:
            side = {"this": "här" if lang != "en" else "here", "other": "där" if lang != "en" else "there"}[e["side"]]
            page = "p." if lang == "en" else "s."
            print(f"    {side} ({page} {e['page']}): {e['quote']}")


from styrgraf.api.http.serve import register as register_serve  # noqa: E402  (commands defined in their own modules)

register_serve(app)

from styrgraf.api.cli.query import register as register_query_commands  # noqa: E402

register_query_commands(app)

from styrgraf.api.cli.analysis import register as register_analysis_commands  # noqa: E402

register_analysis_commands(app)

from styrgraf.api.cli.meetings import register as register_meeting_commands  # noqa: E402

register_meeting_commands(app)

from styrgraf.api.cli.versions import register as register_version_commands  # noqa: E402

register_version_commands(app)
from styrgraf.api.cli.strategies import register as register_strategy_commands  # noqa: E402

register_strategy_commands(app)
from styrgraf.api.cli.people import register as register_people_commands  # noqa: E402

register_people_commands(app)


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
