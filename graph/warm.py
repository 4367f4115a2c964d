"""Building the store-wide tables ahead of the first request (`styrgraf serve` does it once the store is open).

The pages and answers rest on tables built from the whole store and kept per store generation
(`graph.store.cache`): the analysis projection and its checks and ranked overlaps, the documents
newest first, the search index, the name tables of the questions, the document links. At 1 000
plans building them takes about a minute, which the first person to open a page would otherwise
wait for. Building them in the background right after the store opens moves that wait to the
server's start; a request arriving meanwhile waits only for the table it needs, which is being
built already (one build per table at a time).
"""
from __future__ import annotations

import logging
from typing import Callable

from styrgraf.graph import queries as q
from styrgraf.graph.analysis.checks import checks_page
from styrgraf.graph.analysis.overlaps import count_overlaps
from styrgraf.graph.ask import EXAMPLES, ask
from styrgraf.graph.documents import newest_documents
from styrgraf.graph.linking import link_index
from styrgraf.graph.search import get_index
from styrgraf.graph.store.interface import GraphStore

log = logging.getLogger(__name__)

Step = tuple[str, Callable[[GraphStore], object]]  # (name, step)

# The cheap and most asked first: the start page's documents and checks, then what the other pages need.
STEPS: tuple[Step, ...] = (
    ("documents", newest_documents),
    ("checks", lambda store: checks_page(store, limit=0)),
    ("plans", q.plan_index),
    ("person names", q.person_names),
    ("questions", lambda store: ask(store, EXAMPLES[0]["sv"], "sv")),
    ("search index", get_index),
    ("document links", link_index),
    ("overlaps", count_overlaps),
)


def warm_up(store: GraphStore, stopped: Callable[[], bool] = lambda: False, also: tuple[Step, ...] = ()) -> list[str]:
    """Build the store-wide tables of the current generation, in `STEPS` order, then the caller's own
    steps `also` (the first answers of its pages), until `stopped()`; returns the names of the steps
    done. A store that closes or fails meanwhile ends the warm-up: the requests that need a table
    build it themselves (and report the store's trouble)."""
    done = []
    for name, step in STEPS + also:
        if stopped():
            break
        try:
            step(store)
        except Exception as error:  # noqa: BLE001 - an optimisation only: the requests build what is missing
            log.info("warm-up stopped at %s: %s", name, error)
            break
        done.append(name)
    return done
