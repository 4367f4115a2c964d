"""The second wall: SPARQL worker processes cannot open network connections (Linux)."""
from __future__ import annotations

import socket
import sys
import threading
import time

import pytest

from styrgraf.api.sparql.pool import WorkerPool
from tests.api.test_sparql_smuggling import ConnectionCounter


def _ask(pool: WorkerPool, job: dict) -> dict:
    worker = pool.take(None)
    try:
        header, _ = worker.ask(job, threading.Event(), time.monotonic() + 30)
    finally:
        worker.kill()
    return header


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="network namespaces are Linux only")
def test_query_workers_cannot_reach_even_loopback():
    pool = WorkerPool()
    try:
        with ConnectionCounter() as listener:
            port = int(listener.url.rsplit(":", 1)[1])
            with socket.create_connection(("127.0.0.1", port), timeout=5):
                pass  # the listener is reachable from here
            assert _wait(lambda: listener.connections == 1)
            header = _ask(pool, {"kind": "connect", "host": "127.0.0.1", "port": port})
            assert header["status"] == "ok", header
            if not header["isolated"]:
                pytest.skip("unshare(CLONE_NEWNET) is not permitted here, not even in a user namespace")
            assert header["connected"] is False
            assert listener.connections == 1
    finally:
        pool.close()


def _wait(condition, timeout: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and not condition():
        time.sleep(0.02)
    return condition()
