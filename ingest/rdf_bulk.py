"""A new rdflib graph filled with many triples at once, and the terms of many triples made fast.

rdflib's in-memory store (`Memory`) adds a triple through an event dispatch and a context
bookkeeping step per triple, some ten microseconds each: most of the time of turning a long
document's records into a graph. For a graph made fresh, whose every triple is in that graph's
one context and none is quoted, that bookkeeping always ends in the same state (the store's
default context information, no per-triple entry, and nobody yet listens for additions), so the
indexes are filled directly. The
result is the store `Memory.add` leaves, field for field (`tests/ingest/test_rdf_bulk.py`); any
other store, or a `Memory` whose fields are not the ones known here, takes the ordinary path.
"""
from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.plugins.stores.memory import Memory

# The private fields of rdflib's `Memory` that are filled here (name-mangled as Python does).
_FIELDS = ("_Memory__spo", "_Memory__pos", "_Memory__osp", "_Memory__contextTriples", "_Memory__tripleContexts")


def graph_of(triples: Iterable[tuple]) -> Graph:
    """A new graph (rdflib's default store) holding `triples`, written straight into its store."""
    g = Graph()
    store = g.store
    triples = iter(triples)
    first = next(triples, None)
    if first is None:
        return g
    store.add(first, g)  # the ordinary path sets up the context and the default context information
    if type(store) is not Memory or not all(hasattr(store, field) for field in _FIELDS):
        for triple in triples:
            store.add(triple, g)
        return g
    # The indexes are dicts of dicts and tuples, no cycles: the cyclic collector, which would
    # walk the whole growing heap again and again while they are made, has nothing to find.
    with collector_paused():
        _index(store, triples)
    return g


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused: for work that makes many objects and no cycles
    (terms, triples, N-Triples rows), where each collection would only walk the growing heap."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _index(store: Memory, triples: Iterable[tuple]) -> None:
    contexts = store._Memory__contextTriples  # noqa: SLF001
    (graph_key,) = (key for key in contexts if key is not None)
    spo, pos, osp = store._Memory__spo, store._Memory__pos, store._Memory__osp  # noqa: SLF001
    added = []
    # A literal's hash is computed in Python: each term is looked up as few times as it can be
    # (`setdefault` hashes its key once where a miss and then a store would hash it twice).
    spo_get, pos_setdefault, osp_setdefault = spo.get, pos.setdefault, osp.setdefault
    for triple in triples:
        s, p, o = triple
        po = spo_get(s)
        if po is None:
            po = spo[s] = {}
        objects = po.get(p)
        if objects is None:
            objects = po[p] = {}
        known = len(objects)
        objects[o] = 1
        if len(objects) == known:
            continue  # a triple given twice
        pos_setdefault(p, {}).setdefault(o, {})[s] = 1
        osp_setdefault(o, {}).setdefault(s, {})[p] = 1
        added.append(triple)
    in_graph = contexts[graph_key]
    in_graph.update(added)
    contexts[None].update(in_graph)  # from a set: its hashes are taken, not computed again


# -- terms ------------------------------------------------------------------
# A document's graph has thousands of literals (quotes, offsets) and IRIs. rdflib's constructors
# check and convert each (some microseconds apiece: a quarter of turning records into triples).
# For the two commonest literals, a plain string and an xsd:integer, the result is always the same
# four fields, so they are set directly; a probe at import compares them with what rdflib's own
# constructor makes, and any difference (another rdflib) falls back to the constructor.

def _literal_fields(lit: Literal) -> tuple:
    return (type(lit), str(lit), lit.language, lit.datatype, lit.value, lit.ill_typed)


def _fast_plain(text: str) -> Literal:
    lit = str.__new__(Literal, text)
    lit._language = None  # noqa: SLF001
    lit._datatype = None  # noqa: SLF001
    lit._value = text  # noqa: SLF001
    lit._ill_typed = None  # noqa: SLF001
    return lit


def _fast_integer(n: int) -> Literal:
    lit = str.__new__(Literal, str(n))
    lit._language = None  # noqa: SLF001
    lit._datatype = XSD.integer  # noqa: SLF001
    lit._value = n  # noqa: SLF001
    lit._ill_typed = None  # noqa: SLF001
    return lit


def _ordinary_plain(text: str) -> Literal:
    return Literal(text)


def _ordinary_integer(n: int) -> Literal:
    return Literal(n, datatype=XSD.integer)


def _same_as_rdflib() -> bool:
    texts = ("", "Delprojekt 1", "rad\nrad \"citat\" \\ åäö", "\u2028")
    try:
        return (all(_literal_fields(_fast_plain(t)) == _literal_fields(Literal(t)) for t in texts)
                and all(_literal_fields(_fast_integer(n)) == _literal_fields(Literal(n, datatype=XSD.integer))
                        for n in (0, 7, -3, 10 ** 20)))
    except (AttributeError, TypeError):
        return False


plain_literal, integer_literal = ((_fast_plain, _fast_integer) if _same_as_rdflib()
                                  else (_ordinary_plain, _ordinary_integer))


def minted_iri(value: str) -> URIRef:
    """A URIRef of an IRI Styrgraf made itself: `URIRef(value)` without its check of every
    character, which for a bad IRI only logs a warning (the store's encoder refuses it)."""
    return str.__new__(URIRef, value)
