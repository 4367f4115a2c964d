"""Abandoning a read whose result nobody waits for any more.

An upload whose client has gone away must not keep a core busy for minutes
and must not be written. The HTTP layer sets a `threading.Event` for the
ingest running in a worker thread (`abandon_when`); the PDF reader polls it
while its child process works and kills the child when it is set (`abandoned`),
and `graph.documents.ingest_file` asks once more just before it writes: a client
that leaves while the text is extracted finds nothing stored either.
"""
from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

ABANDONED_SV = "inläsningen avbröts (klienten kopplade ner)"
ABANDONED_EN = "the read was abandoned (the client disconnected)"

_EVENT: ContextVar[threading.Event | None] = ContextVar("styrgraf_abandon", default=None)


@contextmanager
def abandon_when(event: threading.Event) -> Iterator[None]:
    """Reads started inside this block stop once `event` is set."""
    token = _EVENT.set(event)
    try:
        yield
    finally:
        _EVENT.reset(token)


def abandoned() -> bool:
    event = _EVENT.get()
    return event is not None and event.is_set()
