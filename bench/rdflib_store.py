"""The benchmark baseline: the graph layer's queries over an in-memory rdflib Dataset."""
from __future__ import annotations

import rdflib

from styrgraf.graph.store.interface import GraphStore


class RdflibStore(GraphStore):
    """Read-only adapter so that graph/queries.py runs unchanged on rdflib (union default graph)."""

    location = "memory"
    read_only = True

    def __init__(self, dataset: rdflib.Dataset):
        self.ds = dataset

    def select(self, sparql, *, timeout=None):
        result = self.ds.query(sparql)
        names = [str(v) for v in result.vars]
        return [{n: row[i] for i, n in enumerate(names)} for row in result]

    def ask(self, sparql, *, timeout=None):
        return bool(self.ds.query(sparql).askAnswer)

    def construct(self, sparql, *, timeout=None):
        return self.ds.query(sparql).graph

    def query_raw(self, sparql, accept, **kw):
        raise NotImplementedError

    def _query_raw(self, *args, **kw):
        raise NotImplementedError

    def close(self):
        pass

    def _replace_lines(self, graph_iri, lines):
        raise NotImplementedError

    def _execute_update(self, sparql):
        raise NotImplementedError

    def _quads(self, graph_iri):
        raise NotImplementedError
