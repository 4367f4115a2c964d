"""Read-only checkpoints of the embedded store, for the SPARQL query processes.

A query process cannot open the live store: the server holds its RocksDB lock,
and pyoxigraph calls reading a store that another process writes undefined
behaviour.  A checkpoint (pyoxigraph `Store.backup`: hard links to the
immutable table files plus a small manifest) is a separate, never-written
directory that any process may open read-only, and it is cheap: ~10-30 ms
measured on the seed store, plus one memtable flush after a write.

A checkpoint is reused until the store changed (`changed()`, called by the
server's own writes) or it is `max_age` seconds old, which bounds how stale
the SPARQL endpoint can be after writes made some other way.  A replaced
checkpoint is deleted once no query uses it.  Checkpoints live in a hidden
directory beside the store (same file system, so hard links work), named with
the server's pid; directories left by dead servers are removed at start.
"""
from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass
from typing import Any

from styrgraf.api.http.server_registry import pid_alive
from styrgraf.graph.errors import StoreError

PREFIX = ".styrgraf-sparql-"


@dataclass
class Snapshot:
    path: str
    created: float
    refs: int = 0


def _remove_stale(parent: str) -> None:
    try:
        names = os.listdir(parent)
    except OSError:
        return
    for name in names:
        if not name.startswith(PREFIX):
            continue
        pid_text = name[len(PREFIX):].split("-", 1)[0]
        if pid_text.isdigit() and int(pid_text) != os.getpid() and not pid_alive(int(pid_text)):
            shutil.rmtree(os.path.join(parent, name), ignore_errors=True)


def _make_directory(location: str) -> str:
    parent = os.path.dirname(os.path.realpath(location))
    _remove_stale(parent)
    try:
        return tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-", dir=parent)
    except OSError:
        # Not writable beside the store: the checkpoint copies files instead of linking.
        return tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-")


class Snapshots:
    def __init__(self, store: Any, max_age: float = 5.0) -> None:
        self._store = store
        self.max_age = max_age
        self.directory = _make_directory(store.location)
        self._lock = threading.Lock()
        self._current: Snapshot | None = None
        self._counter = 0
        self._dirty = True
        self._closed = False
        atexit.register(self.close)

    def changed(self) -> None:
        """The store was written: the next query gets a new checkpoint."""
        with self._lock:
            self._dirty = True

    def acquire(self) -> Snapshot:
        with self._lock:
            if self._closed:
                raise StoreError.of("store.shutting_down", code="unreachable")
            current = self._current
            if current is None or self._dirty or time.monotonic() - current.created > self.max_age:
                self._counter += 1
                path = os.path.join(self.directory, str(self._counter))
                # Cleared before the checkpoint: a write committed meanwhile marks it again.
                self._dirty = False
                try:
                    self._store._store.backup(path)
                except OSError as error:
                    self._dirty = True
                    shutil.rmtree(path, ignore_errors=True)
                    raise StoreError.of("store.unreadable_for_query", code="io", error=error) from None
                if current is not None and current.refs == 0:
                    shutil.rmtree(current.path, ignore_errors=True)
                current = self._current = Snapshot(path, time.monotonic())
            current.refs += 1
            return current

    def release(self, snapshot: Snapshot) -> None:
        with self._lock:
            snapshot.refs -= 1
            if snapshot.refs == 0 and (snapshot is not self._current or self._closed):
                shutil.rmtree(snapshot.path, ignore_errors=True)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._current = None
        shutil.rmtree(self.directory, ignore_errors=True)
