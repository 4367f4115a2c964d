"""Fixtures for the graph store tests.

`store` runs each behaviour test against both backends: an embedded on-disk
Oxigraph store in a temp directory, and a real `oxigraph serve` process that
this module starts on a free loopback port with a temp data directory and
stops afterwards.  The `oxigraph` binary comes from the `oxigraph` PyPI
package (test extra); without it the remote cases are skipped with a reason.
"""

from __future__ import annotations

import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import httpx
import pytest

from styrgraf.graph.store.interface import GraphStore, open_store

READY_TIMEOUT = 30.0


def find_oxigraph() -> str | None:
    """The `oxigraph` binary of this venv, else one on PATH."""
    beside_python = Path(sys.executable).parent / "oxigraph"
    if beside_python.is_file() and os.access(beside_python, os.X_OK):
        return str(beside_python)
    return shutil.which("oxigraph")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class OxigraphServer:
    def __init__(self, process: subprocess.Popen[bytes], url: str, data_dir: Path, log: Path):
        self.process = process
        self.url = url
        self.data_dir = data_dir
        self.log = log

    def clear(self) -> None:
        response = httpx.post(
            self.url + "/update",
            content=b"DROP ALL",
            headers={"Content-Type": "application/sparql-update"},
            timeout=30,
        )
        response.raise_for_status()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def _wait_ready(server: OxigraphServer) -> None:
    deadline = time.monotonic() + READY_TIMEOUT
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(
                f"oxigraph serve exited with {server.process.returncode}: "
                + server.log.read_text(errors="replace")
            )
        try:
            response = httpx.post(
                server.url + "/query",
                data={"query": "ASK {}"},
                headers={"Accept": "application/sparql-results+json"},
                timeout=2,
            )
            if response.status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    server.stop()
    raise RuntimeError(f"oxigraph serve not ready within {READY_TIMEOUT} s")


@contextmanager
def oxigraph_server(data_dir: Path, *, union: bool = True) -> Iterator[OxigraphServer]:
    """Run `oxigraph serve` on a free loopback port; always stopped on exit."""
    binary = find_oxigraph()
    if binary is None:
        pytest.skip("the `oxigraph` binary (PyPI package `oxigraph`) is not installed")
    data_dir.mkdir(parents=True, exist_ok=True)
    last_error: Exception | None = None
    for _attempt in range(3):  # the free port may be taken between probe and bind
        port = _free_port()
        log = data_dir.parent / f"oxigraph-{port}.log"
        command = [binary, "serve", "--location", str(data_dir), "--bind", f"127.0.0.1:{port}"]
        if union:
            command.append("--union-default-graph")
        with open(log, "wb") as log_file:
            process = subprocess.Popen(command, stdout=log_file, stderr=subprocess.STDOUT)
        server = OxigraphServer(process, f"http://127.0.0.1:{port}", data_dir, log)
        try:
            _wait_ready(server)
        except RuntimeError as error:
            server.stop()
            last_error = error
            continue
        try:
            yield server
        finally:
            server.stop()
        return
    raise RuntimeError(f"could not start oxigraph serve: {last_error}")


@pytest.fixture
def start_oxigraph():
    """The `oxigraph_server` context manager, for tests needing their own server."""
    return oxigraph_server


@pytest.fixture
def free_port() -> int:
    return _free_port()


@pytest.fixture(scope="session")
def remote_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphServer]:
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph") / "data") as server:
        yield server


@pytest.fixture(params=["embedded", "remote"])
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def store_factory(backend: str, request: pytest.FixtureRequest, tmp_path: Path):
    """Open an empty store of the parametrised backend.

    Embedded: each call gets a new directory.  Remote: one server per session
    keeps the suite fast, so each call empties that server (earlier stores of
    the same test see the data vanish; tests use them one after the other).
    """
    opened: list[GraphStore] = []
    counter = iter(range(1000))

    def make() -> GraphStore:
        if backend == "embedded":
            store = open_store(str(tmp_path / f"store{next(counter)}"))
        else:
            server: OxigraphServer = request.getfixturevalue("remote_server")
            server.clear()
            store = open_store(server.url)
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()


@pytest.fixture
def store(store_factory) -> GraphStore:
    return store_factory()


@pytest.fixture
def embedded_store(tmp_path: Path) -> Iterator[GraphStore]:
    store = open_store(str(tmp_path / "store"))
    yield store
    store.close()


class RequestRecorder:
    """A loopback HTTP listener that records every request it receives."""

    def __init__(self) -> None:
        self.paths: list[str] = []
        recorder = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def _record(self) -> None:
                recorder.paths.append(self.path)
                self.send_response(500)
                self.end_headers()

            do_GET = do_POST = do_HEAD = _record

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "RequestRecorder":
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def request_recorder() -> Iterator[RequestRecorder]:
    with RequestRecorder() as recorder:
        yield recorder
