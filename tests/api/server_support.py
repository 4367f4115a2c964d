"""Shared helpers for the HTTP server tests: seeded stores, a live uvicorn, `styrgraf serve`.

Stores are built by code (ingesting the seed document), once per session as a
template directory that no app ever opens; each test gets a copy.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import httpx
import uvicorn

from styrgraf.graph.documents import ingest_file
from styrgraf.graph.store.interface import open_store

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "corpus" / "000_5a26368617003b47.txt"
SEED_PDF = ROOT / "corpus" / "halmstad-projektplan-2012.pdf"
SEED_TITLE = "PROJEKTPLAN FÖR UTVECKLING AV KOMMUNENS NÄRINGSLIVSARBETE"
READY_TIMEOUT = 60.0


def build_seed_store(directory: Path) -> Path:
    store = open_store(str(directory))
    try:
        result = ingest_file(store, SEED)
        assert result.status == "ingested", result.reason
    finally:
        store.close()
    return directory


@contextmanager
def seeded_remote_store(directory: Path) -> Iterator[str]:
    """A real `oxigraph serve` holding the seed, for the remote-store path; yields its URL."""
    from tests.graph.conftest import oxigraph_server

    with oxigraph_server(directory) as server:
        remote = open_store(server.url)
        try:
            assert ingest_file(remote, SEED).status == "ingested"
        finally:
            remote.close()
        yield server.url


def copy_store(template: Path, target: Path) -> Path:
    shutil.copytree(template, target)
    return target


@contextmanager
def live_server(app) -> Iterator[str]:
    """Run `app` with uvicorn in a thread on a free loopback port; yields its base URL."""
    from styrgraf.api.http.serve import bind

    sock = bind("127.0.0.1", 0)
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for_health(url, lambda: thread.is_alive())
        yield url
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        sock.close()


@contextmanager
def serving_copy(template: Path, folder: Path) -> Iterator[str]:
    """The API app on a copy of the store `template` (in `folder`), served live; yields its base URL."""
    from styrgraf.api.http.app import close_app, create_app

    application = create_app(str(copy_store(template, folder / "store")))
    try:
        with live_server(application) as url:
            yield url
    finally:
        close_app(application)


def wait_for_health(url: str, alive=lambda: True, timeout: float = READY_TIMEOUT) -> dict:
    deadline = time.monotonic() + timeout
    last: Exception | None = None
    while time.monotonic() < deadline:
        if not alive():
            raise RuntimeError(f"server at {url} stopped before it answered")
        try:
            response = httpx.get(url + "/health", timeout=2, trust_env=False)
            if response.status_code == 200:
                return response.json()
        except httpx.HTTPError as error:
            last = error
        time.sleep(0.1)
    raise RuntimeError(f"server at {url} not ready within {timeout} s: {last}")


def wait_until(condition, timeout: float = 30.0, step: float = 0.05) -> bool:
    """Poll `condition` until true or the time is up (a wait, not a timing assertion)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return condition()


def styrgraf_command(*args: str) -> list[str]:
    """`styrgraf ARGS` as a subprocess command; `serve` is registered here if the CLI does not have it yet."""
    launcher = (
        "import sys\n"
        "from styrgraf.api.cli.main import app\n"
        "if not any(c.name == 'serve' for c in app.registered_commands):\n"
        "    from styrgraf.api.http.serve import register\n"
        "    register(app)\n"
        "app()\n"
    )
    return [sys.executable, "-c", launcher, *args]


def free_port() -> int:
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ServeProcess:
    """`styrgraf serve` as a real subprocess."""

    def __init__(self, store: Path, *extra: str, env: dict[str, str] | None = None, port: int | None = None):
        self.store = store
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = store.parent / f"serve-{self.port}.log"
        environment = {k: v for k, v in os.environ.items() if k not in ("STYRGRAF_TOKEN", "STYRGRAF_STORE")}
        environment.update(env or {})
        self._log = open(self.log_path, "wb")
        self.process = subprocess.Popen(
            styrgraf_command("serve", "--store", str(store), "--port", str(self.port), *extra),
            cwd=ROOT, env=environment, stdout=self._log, stderr=subprocess.STDOUT)

    def wait_ready(self) -> dict:
        try:
            return wait_for_health(self.url, lambda: self.process.poll() is None)
        except RuntimeError as error:
            raise RuntimeError(f"{error}\n{self.log()}") from None

    def log(self) -> str:
        if not self._log.closed:
            self._log.flush()
        return self.log_path.read_text(errors="replace")

    def terminate(self, timeout: float = 30.0) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=timeout)
        self._log.close()
        return self.process.returncode
