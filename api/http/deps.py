"""What the routes share: the store, and what follows a write.

`styrgraf serve` builds the store-wide tables of the pages in the background (`graph.warm`) when
it opens the store and again after each write, so that the first visitor after an upload does not
wait for them either. One warm-up thread at a time: one that finishes while the store has moved on
to a newer generation builds again.
"""
from __future__ import annotations

import threading

from fastapi import Request

from styrgraf.graph.warm import warm_up as warm_store


def get_store(request: Request):
    return request.app.state.store


def store_written(request: Request) -> None:
    """After a write (also one that failed half-way): SPARQL reads the new generation, and the
    warm-up, where the server has one, builds the new generation's tables."""
    state = request.app.state
    state.query_runner.store_changed()
    if state.warm_steps is not None:
        start_warm_up(state)


def start_warm_up(state) -> None:
    """Start the warm-up thread unless one runs; a running one sees the new generation when it ends."""
    with state.warm_lock:
        if state.warm_up is not None and state.warm_up.is_alive():
            state.warm_again = True
            return
        state.warm_again = False
        state.warm_up = threading.Thread(target=_warm_until_current, args=(state,), name="styrgraf-warm-up",
                                         daemon=True)
        state.warm_up.start()


def _warm_until_current(state) -> None:
    while not state.closing.is_set():
        warm_store(state.store, state.closing.is_set, state.warm_steps)
        with state.warm_lock:
            if not state.warm_again:
                return
            state.warm_again = False
