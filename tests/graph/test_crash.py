"""SIGKILL a writer in the middle of replacing a document graph.

A real subprocess replaces one large graph in a loop, announcing each
replacement before it starts and after it returns.  We kill it with SIGKILL
while a replacement is under way, reopen the store and require exactly one
complete version: the last one committed or the one being written.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from styrgraf.graph.store.interface import open_store

GRAPH = "http://example.org/graph/big"
EX = "http://example.org/"
SHARED = 2000  # triples common to all versions (exercises the diff path)

WRITER = r"""
import sys
from rdflib import Literal, URIRef
from styrgraf.graph.store.interface import open_store

EX = "http://example.org/"
GRAPH, SHARED, FIRST = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])

def size(version):
    return 20000 + 113 * (version % 7)

def triples(version):
    out = [(URIRef(f"{EX}c{i}"), URIRef(EX + "const"), Literal(i)) for i in range(SHARED)]
    out += [(URIRef(f"{EX}s{i}"), URIRef(EX + "val"), Literal(f"v{version}-{i}"))
            for i in range(size(version))]
    return out

store = open_store(sys.argv[1])
version = FIRST
while True:
    data = triples(version)
    print("begin", version, flush=True)
    store.replace_graph(GRAPH, data)
    print("done", version, flush=True)
    version += 1
"""

CHECK = (
    "SELECT ?ver (COUNT(*) AS ?n) WHERE {{ GRAPH <{g}> {{ "
    "{{ ?s <{ex}val> ?o . BIND(STRBEFORE(STR(?o), \"-\") AS ?ver) }} UNION "
    "{{ ?s <{ex}const> ?o . BIND(\"const\" AS ?ver) }} }} }} GROUP BY ?ver"
)


def size(version: int) -> int:
    return 20000 + 113 * (version % 7)


def read_until(process: subprocess.Popen[str], wanted: str, timeout: float) -> list[str]:
    """Lines printed by the writer up to and including `wanted` (bounded wait)."""
    deadline = time.monotonic() + timeout
    lines = []
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            raise AssertionError(f"writer exited early: {process.stderr.read()}")
        lines.append(line.strip())
        if line.strip() == wanted:
            return lines
    raise AssertionError(f"writer did not print {wanted!r} in {timeout} s")


def one_complete_version(store) -> int:
    """The one version the graph holds, checked complete: the shared triples and all of its own."""
    rows = store.select(CHECK.format(g=GRAPH, ex=EX))
    seen = {str(row["ver"]): int(row["n"]) for row in rows}
    assert seen.pop("const") == SHARED
    assert len(seen) == 1, f"mixed or missing versions: {seen}"
    ((label, count),) = seen.items()
    version = int(label[1:])
    assert count == size(version)
    return version


@pytest.mark.parametrize("round_", range(3))
def test_sigkill_during_replace_leaves_old_or_new_version(tmp_path, round_):
    location = str(tmp_path / "store")
    first_version = 10 * round_
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, location, GRAPH, str(SHARED), str(first_version)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        # Time one full replacement of an existing graph, then kill the next
        # one at 30 %, 50 % or 70 % of that duration: inside the store write,
        # not in the Python-side encoding that precedes it.
        lines = read_until(process, f"begin {first_version + 1}", timeout=120)
        started = time.monotonic()
        lines += read_until(process, f"done {first_version + 1}", timeout=120)
        duration = time.monotonic() - started
        lines += read_until(process, f"begin {first_version + 2}", timeout=120)
        time.sleep(duration * (0.3 + 0.2 * round_))
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    lines += [line.strip() for line in process.stdout.read().splitlines()]
    committed = max(int(line.split()[1]) for line in lines + [f"done {first_version}"] if line.startswith("done"))
    begun = max(int(line.split()[1]) for line in lines if line.startswith("begin"))

    store = open_store(location)  # must open cleanly: no stale lock, no corruption
    try:
        version = one_complete_version(store)
        assert version in (committed, begun), (version, committed, begun)
        assert [info.iri for info in store.graphs()] == [GRAPH]
        # And the store is writable again.
        store.replace_graph(GRAPH, [])
        assert store.graphs() == []
    finally:
        store.close()


def test_sigkill_of_oxigraph_server_during_replace(tmp_path, start_oxigraph):
    """Remote backend: the server process dies mid-update; after a restart the
    graph holds one complete version."""
    import threading

    from rdflib import Literal, URIRef

    def triples(version: int) -> list[tuple]:
        out = [(URIRef(f"{EX}c{i}"), URIRef(EX + "const"), Literal(i)) for i in range(SHARED)]
        out += [
            (URIRef(f"{EX}s{i}"), URIRef(EX + "val"), Literal(f"v{version}-{i}"))
            for i in range(size(version))
        ]
        return out

    data_dir = tmp_path / "data"
    with start_oxigraph(data_dir) as server:
        store = open_store(server.url)
        store.replace_graph(GRAPH, triples(0))
        started = time.monotonic()
        store.replace_graph(GRAPH, triples(1))
        duration = time.monotonic() - started
        errors: list[BaseException] = []

        def replace() -> None:
            try:
                store.replace_graph(GRAPH, triples(2))
            except BaseException as error:  # noqa: BLE001 - expected: the server dies
                errors.append(error)

        writer = threading.Thread(target=replace)
        writer.start()
        time.sleep(duration * 0.5)
        server.process.send_signal(signal.SIGKILL)
        server.process.wait(timeout=30)
        writer.join(timeout=60)
        store.close()
    with start_oxigraph(data_dir) as server:  # same data directory, new process
        store = open_store(server.url)
        try:
            assert one_complete_version(store) in (1, 2)
        finally:
            store.close()
