"""Hostile uploads against a real `styrgraf serve`: refused fast, memory flat, abandoned when the client leaves."""
from __future__ import annotations

import os
import socket
import time
import uuid

import httpx
import psutil
import pytest

from tests.api.server_support import SEED_PDF, ServeProcess, wait_until
from tests.ingest import pdf_bombs

TOKEN = "test-token-" + "y" * 20
AUTH = {"Authorization": f"Bearer {TOKEN}"}
REFUSE_WITHIN = 30.0  # seconds, as the issue demands
MEMORY_GROWTH = 200 * 1024 * 1024  # bytes, as the issue demands


@pytest.fixture()
def serve(tmp_path):
    started: list[ServeProcess] = []

    def start(**env: str) -> ServeProcess:
        server = ServeProcess(tmp_path / f"store{len(started)}", env={"STYRGRAF_TOKEN": TOKEN, **env})
        started.append(server)
        server.wait_ready()
        return server

    yield start
    for server in started:
        server.terminate()


def documents(server: ServeProcess) -> list:
    response = httpx.get(server.url + "/api/documents", trust_env=False, timeout=30)
    response.raise_for_status()
    body = response.json()
    return body["items"] if isinstance(body, dict) and "items" in body else body


def rss(server: ServeProcess) -> int:
    return psutil.Process(server.process.pid).memory_info().rss


def test_bombs_are_refused_fast_and_the_server_stays_small(serve, tmp_path):
    server = serve()
    bombs = [pdf_bombs.spaces_bomb(tmp_path, 400), pdf_bombs.operator_bomb(tmp_path, 10),
             pdf_bombs.operator_bomb(tmp_path, 300, "operatorer-300.pdf")]
    httpx.get(server.url + "/api/documents", trust_env=False, timeout=30)  # warm up
    before = rss(server)
    for bomb in bombs:
        started = time.monotonic()
        response = httpx.post(server.url + "/api/documents", headers=AUTH, trust_env=False, timeout=120,
                              files={"file": (bomb.name, bomb.read_bytes(), "application/pdf")})
        assert time.monotonic() - started < REFUSE_WITHIN, bomb.name
        assert response.status_code == 422, response.text
        assert bomb.name in response.text and "överskrider gränsen" in response.text
        assert rss(server) - before < MEMORY_GROWTH, bomb.name
    assert documents(server) == []


def _multipart(name: str, data: bytes) -> tuple[bytes, bytes]:
    boundary = uuid.uuid4().hex
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n"
            "Content-Type: application/pdf\r\n\r\n").encode()
    body = head + data + f"\r\n--{boundary}--\r\n".encode()
    return boundary.encode(), body


def _send_and_leave(server: ServeProcess, name: str, data: bytes, fraction: float = 1.0) -> None:
    """A raw client that sends (part of) an upload and closes the connection without reading the answer."""
    boundary, body = _multipart(name, data)
    request = (b"POST /api/documents HTTP/1.1\r\nHost: 127.0.0.1\r\n"
               + f"Authorization: Bearer {TOKEN}\r\n".encode()
               + b"Content-Type: multipart/form-data; boundary=" + boundary + b"\r\n"
               + f"Content-Length: {len(body)}\r\n\r\n".encode())
    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as sock:
        sock.sendall(request + body[: int(len(body) * fraction)])
        time.sleep(0.5)  # the server is reading the PDF now (or waiting for the rest)


def _busy(server: ServeProcess) -> bool:
    """Whether the server, or a process it started, used CPU in the last half second."""
    def cpu() -> float:
        process = psutil.Process(server.process.pid)
        total = sum(process.cpu_times()[:2])
        for child in process.children(recursive=True):
            try:
                total += sum(child.cpu_times()[:2])
            except psutil.NoSuchProcess:
                pass
        return total

    first = cpu()
    time.sleep(0.5)
    return cpu() - first > 0.1


def _readers(server: ServeProcess) -> list[psutil.Process]:
    """The server's processes reading a file: of its own, or forked by its warm starter (which reads
    no file itself). A spare fork waiting for its file is none: a reading process writes its answer to
    a pipe, a spare's output is still the starter's (/dev/null)."""
    def starter(process: psutil.Process) -> bool:
        return "--serve" in process.cmdline() and process.ppid() == server.process.pid

    def reading_a_file(process: psutil.Process) -> bool:
        try:
            return os.readlink(f"/proc/{process.pid}/fd/1").startswith("pipe:")
        except OSError:  # ended meanwhile
            return False

    return [child for child in psutil.Process(server.process.pid).children(recursive=True)
            if "pdf_reader" in " ".join(child.cmdline()) and not starter(child) and reading_a_file(child)]


@pytest.mark.parametrize("fraction", [1.0, 0.5], ids=["whole-upload", "half-upload"])
def test_an_upload_whose_client_leaves_is_abandoned_and_writes_nothing(serve, tmp_path, fraction):
    # A real plan with one slow page, allowed by the limits: read to the end it would be stored.
    server = serve(STYRGRAF_PDF_MAX_PAGE_MB="100")
    slow = pdf_bombs.slow_plan(SEED_PDF, tmp_path, operators_mb=60)  # seconds of reading: time for the server to see the client leave
    _send_and_leave(server, slow.name, slow.read_bytes(), fraction)
    started = time.monotonic()
    assert wait_until(lambda: not _busy(server), timeout=60), "the server kept working for a client that left"
    assert time.monotonic() - started < 10.0
    assert not _readers(server)
    assert documents(server) == []
    # The same file, from a client that waits, is stored: the refusal above was the disconnect.
    response = httpx.post(server.url + "/api/documents", headers=AUTH, trust_env=False, timeout=300,
                          files={"file": (slow.name, slow.read_bytes(), "application/pdf")})
    assert response.status_code == 201, response.text
