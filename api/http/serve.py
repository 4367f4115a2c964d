"""`styrgraf serve`: run the HTTP server (optionally after ingesting files).

Registered on the CLI with `register(app)`.  For an embedded store the
server writes `server.json` (see `api.server_registry`) once it listens and
removes it when it stops (SIGTERM or Ctrl-C), so that `styrgraf ingest` can
hand files to it instead of failing on the store lock.
"""
from __future__ import annotations

import secrets
import signal
import socket
import sys
from pathlib import Path
from typing import Optional

import typer

from styrgraf.graph.documents import ingest_file
from styrgraf.graph.errors import StoreError, message_in
from styrgraf.graph.store.interface import resolve_location

from styrgraf.api.cli.messages import help_text
from styrgraf.api.cli.options import LangOption, StoreOption
from styrgraf.api.http.server_registry import remove_server_info, running_server, write_server_info

FOLDER_SUFFIXES = (".pdf", ".txt", ".text")

TEXTS = {
    "sv": {
        "in_use": "Lagret {store} används redan av `styrgraf serve` på {url} (process {pid}).",
        "bind": "Kan inte lyssna på {host}:{port}: {error}",
        "serving": "Styrgraf serverar {url}  (lager: {store}; skrivning över HTTP: {writing})",
        "writing_on": "på (STYRGRAF_TOKEN)", "writing_off": "av (ingen STYRGRAF_TOKEN)",
        "missing": "Finns inte: {path}", "stopped": "Servern har stoppats.",
        "ingested": "inläst", "replaced": "ersatt", "rendition": "ny återgivning av lagrat dokument",
        "version": "ny version av lagrat dokument",
        "unchanged": "oförändrad", "failed": "misslyckades",
        "rows": "Analysrader skrivna för {n} dokument som saknade aktuella.",
        "rows_start": "Skriver analysrader för {n} dokument som saknar aktuella …",
    },
    "en": {
        "in_use": "The store {store} is already served by `styrgraf serve` at {url} (process {pid}).",
        "bind": "Cannot listen on {host}:{port}: {error}",
        "serving": "Styrgraf serving {url}  (store: {store}; writing over HTTP: {writing})",
        "writing_on": "on (STYRGRAF_TOKEN)", "writing_off": "off (no STYRGRAF_TOKEN)",
        "missing": "Does not exist: {path}", "stopped": "The server has stopped.",
        "ingested": "ingested", "replaced": "replaced", "rendition": "new rendition of a stored document",
        "version": "new version of a stored document",
        "unchanged": "unchanged", "failed": "failed",
        "rows": "Analysis rows written for {n} documents that lacked current ones.",
        "rows_start": "Writing analysis rows for {n} documents that lack current ones …",
    },
}


def _t(lang: str, key: str, **values: object) -> str:
    return TEXTS.get(lang, TEXTS["sv"])[key].format(**values)


def _say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _files(paths: list[Path], lang: str) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(f for f in path.rglob("*") if f.is_file() and f.suffix.lower() in FOLDER_SUFFIXES
                            and not any(part.startswith(".") for part in f.relative_to(path).parts))
        elif path.exists():
            files.append(path)
        else:
            _say(_t(lang, "missing", path=path))
    return files


def _ingest_first(store: object, paths: list[Path], lang: str) -> None:
    for path in _files(paths, lang):
        try:
            result = ingest_file(store, path)  # type: ignore[arg-type]
        except StoreError as error:
            _say(f"{path}: {_t(lang, 'failed')}: {message_in(error, lang)}")
            continue
        if result.ok:
            title = f" — {result.title}" if result.title else ""
            _say(f"{path}: {_t(lang, result.status)}{title}")
        else:
            reason = result.reason_en if lang == "en" and result.reason_en else result.reason
            _say(f"{path}: {_t(lang, 'failed')}: {reason}")


def _write_missing_rows(store, lang: str) -> None:
    """Documents stored without current analysis rows (an older version, an import) get them before serving,
    so that the first analysis request does not compute them."""
    from styrgraf.graph.analysis.rows import write_missing_rows

    if getattr(store, "read_only", False):
        return
    try:
        written = write_missing_rows(
            store, lambda done, total: _say(_t(lang, "rows_start", n=total)) if done == 1 else None)
    except StoreError as error:
        _say(message_in(error, lang))
        return
    if written:
        _say(_t(lang, "rows", n=len(written)))


def bind(host: str, port: int) -> socket.socket:
    """A listening socket; port 0 picks a free one (read it back from the socket)."""
    family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM,
                                                         flags=socket.AI_PASSIVE)[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    return sock


class _Stop(Exception):
    pass


def _stop(signum: int, frame: object) -> None:
    # uvicorn shuts down gracefully on SIGTERM and then re-raises the signal
    # with the previous handler: this one, so that cleanup below still runs.
    raise _Stop()


def serve(
    host: str = typer.Option("127.0.0.1", "--host", help=help_text("opt.host")),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help=help_text("opt.port")),
    store: StoreOption = None,
    ingest: list[Path] = typer.Option([], "--ingest", help=help_text("opt.serve_ingest")),
    query_timeout: float = typer.Option(10.0, "--query-timeout", min=0.1, help=help_text("opt.query_timeout")),
    row_cap: int = typer.Option(10_000, "--row-cap", min=1, help=help_text("opt.row_cap")),
    lang: LangOption = "sv",
) -> None:
    """Start the web server; `register` gives the command its help in the run's language."""
    import uvicorn

    from styrgraf.api.http.app import close_app, create_app

    location = resolve_location(store)
    embedded = "://" not in location
    if embedded:
        other = running_server(location)
        if other is not None:
            _say(_t(lang, "in_use", store=location, url=other["url"], pid=other["pid"]))
            raise typer.Exit(2)
    local_token = secrets.token_urlsafe(32)
    try:
        app = create_app(location, local_token=local_token, query_timeout=query_timeout, row_cap=row_cap,
                         warm_up=True)
    except StoreError as error:
        _say(message_in(error, lang))
        raise typer.Exit(2)
    registered = False
    previous = signal.signal(signal.SIGTERM, _stop)
    try:
        if ingest:
            _ingest_first(app.state.store, ingest, lang)
        _write_missing_rows(app.state.store, lang)
        try:
            sock = bind(host, port)
        except OSError as error:
            _say(_t(lang, "bind", host=host, port=port, error=error.strerror or error))
            raise typer.Exit(2)
        actual_port = sock.getsockname()[1]
        if embedded:
            info = write_server_info(location, host=host, port=actual_port, token=local_token)
            registered = True
            url = info["url"]
        else:
            url = f"http://{host}:{actual_port}"
        writing = _t(lang, "writing_on" if app.state.token else "writing_off")
        _say(_t(lang, "serving", url=url, store=app.state.store_location, writing=writing))
        server = uvicorn.Server(uvicorn.Config(app, log_level="info", proxy_headers=False, server_header=False))
        server.run(sockets=[sock])
    except (_Stop, KeyboardInterrupt):
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        if registered:
            remove_server_info(location, local_token)
        close_app(app)
    _say(_t(lang, "stopped"))


def register(app: typer.Typer) -> None:
    app.command("serve", help=help_text("serve"))(serve)
