"""Query worker processes (`python -m styrgraf.api.sparql.worker`) for the SPARQL endpoint.

A worker answers one job at a time over stdin/stdout frames; on Linux it
first moves into a network namespace of its own (`worker.isolate_network`).  Idle workers
are reused (a worker starts in ~0.1 s); a worker whose query passed its time
limit, or that died (memory limit), is killed and not given back.
"""
from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from styrgraf.api.sparql import worker as sparql_worker

_POLL = 0.05
# The repository root (not api/: its http/ folder would shadow the standard library in the worker).
_PROJECT_ROOT = str(Path(__file__).resolve().parents[2])


class Cancelled(Exception):
    """Nobody waits for this query any more (time limit passed or client gone)."""


class WorkerGone(Exception):
    """The worker process ended; `before_job` if it never got the job (an idle worker had died)."""

    def __init__(self, before_job: bool) -> None:
        super().__init__("query worker ended")
        self.before_job = before_job


class Worker:
    """One `python -m styrgraf.api.sparql.worker` process."""

    def __init__(self, memory_bytes: int | None) -> None:
        env = dict(os.environ)
        env["STYRGRAF_SPARQL_MEMORY"] = str(memory_bytes or "")
        env["RUST_BACKTRACE"] = "0"  # an out-of-memory abort logs one line, not a backtrace attempt
        env["PYTHONPATH"] = os.pathsep.join(p for p in (_PROJECT_ROOT, env.get("PYTHONPATH")) if p)
        self.process = subprocess.Popen([sys.executable, "-m", "styrgraf.api.sparql.worker"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, env=env, cwd=_PROJECT_ROOT, bufsize=0,
                                        close_fds=True)

    def alive(self) -> bool:
        return self.process.poll() is None

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                stream.close()

    def ask(self, job: dict[str, Any], cancel: threading.Event, deadline: float) -> tuple[dict[str, Any], bytes]:
        assert self.process.stdin is not None
        try:
            self.process.stdin.write(sparql_worker.frame(job))
            self.process.stdin.flush()
        except (BrokenPipeError, OSError):
            raise WorkerGone(before_job=True) from None
        size = int.from_bytes(self._read(4, cancel, deadline), "big")
        header = json.loads(self._read(size, cancel, deadline))
        body = self._read(header["size"], cancel, deadline) if header.get("status") == "ok" else b""
        return header, body

    def _read(self, size: int, cancel: threading.Event, deadline: float) -> bytes:
        assert self.process.stdout is not None
        fd = self.process.stdout.fileno()
        chunks: list[bytes] = []
        missing = size
        while missing:
            if cancel.is_set() or time.monotonic() > deadline:
                raise Cancelled()
            ready, _, _ = select.select([fd], [], [], _POLL)
            if not ready:
                continue
            chunk = os.read(fd, min(missing, 1 << 20))
            if not chunk:
                raise WorkerGone(before_job=False)
            chunks.append(chunk)
            missing -= len(chunk)
        return b"".join(chunks)


class WorkerPool:
    """Idle workers, reused; a killed worker is simply not given back.

    When the last idle worker is taken, a spare is started in the background:
    a worker needs ~1 s to start (the checking parser is built at import), which
    the next query should not wait for.
    """

    def __init__(self) -> None:
        self._idle: list[Worker] = []
        self._lock = threading.Lock()
        self._closed = False
        self._starting = False

    def take(self, memory_bytes: int | None) -> Worker:
        with self._lock:
            while self._idle:
                worker = self._idle.pop()
                if worker.alive():
                    self._start_spare(memory_bytes)
                    return worker
            self._start_spare(memory_bytes)
        return Worker(memory_bytes)

    def _start_spare(self, memory_bytes: int | None) -> None:
        """Start one spare worker if none is idle or starting (called with the lock held)."""
        if self._idle or self._starting or self._closed:
            return
        self._starting = True

        def start() -> None:
            try:
                spare = Worker(memory_bytes)
            except OSError:
                spare = None
            with self._lock:
                self._starting = False
                if spare is not None and not self._closed:
                    self._idle.append(spare)
                    return
            if spare is not None:
                spare.kill()

        threading.Thread(target=start, name="styrgraf-sparql-spare", daemon=True).start()

    def give(self, worker: Worker) -> None:
        with self._lock:
            if not self._closed:
                self._idle.append(worker)
                return
        worker.kill()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for worker in idle:
            worker.kill()
