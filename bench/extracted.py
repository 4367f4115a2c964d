"""Synthetic plans extracted by the real pipeline, cached as N-Triples for the benchmarks.

`prepare(docs, seed)` returns a folder of `NNNNN.nt` files (first line: the graph IRI),
shared by bench_store.py and bench_analysis.py; `build_store(docs, seed)` an embedded
store holding them (shared by bench_analysis.py and bench_api.py). `prepare(docs, seed,
corpus="linked")` does the same for the linked families of `bench/synth.py`
(`generate_family`: document `i` is document `i % 6` of family `i // 6`), for bench_links.py.
"""
from __future__ import annotations

import os
import random
import sys
import time
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "bench" / "out"


def synthetic_text(corpus: str, index: int, seed: int) -> str:
    """The text of synthetic document `index` of a corpus ("plans" or "linked")."""
    from bench.synth import FAMILY_DOCS, generate_family, generate_plan

    if corpus == "linked":
        family = index // len(FAMILY_DOCS)
        return generate_family(random.Random(seed * 1_000_003 + family), family)[FAMILY_DOCS[index % len(FAMILY_DOCS)]]
    return generate_plan(random.Random(seed * 1_000_003 + index), index)[0]


def _extract_one(args: tuple[int, int, str, str]) -> tuple[str, str, int]:
    """Generate document `index`, extract it with the real pipeline, write its graph as N-Triples."""
    index, seed, directory, corpus = args
    from styrgraf.graph.store.interface import triples_to_lines
    from styrgraf.ingest.pipeline import extract_path

    text = synthetic_text(corpus, index, seed)
    src = Path(directory) / f"{index:05d}.txt"
    src.write_text(text, encoding="utf-8")
    from styrgraf.graph.documents import with_analysis_rows

    graph_iri, graph = extract_path(src).to_graph()
    lines = triples_to_lines(with_analysis_rows(graph_iri, graph))  # as ingest_file writes it
    nt = Path(directory) / f"{index:05d}.nt"
    nt.write_text(graph_iri + "\n" + "\n".join(lines) + "\n", encoding="utf-8")
    src.unlink()
    return graph_iri, str(nt), len(lines)


def prepare(docs: int, seed: int, corpus: str = "plans") -> Path:
    """Extracted N-Triples of `docs` documents (cached; shared with bench_store.py's cache layout)."""
    directory = OUT / (f"docs-{docs}-seed-{seed}" if corpus == "plans" else f"{corpus}-{docs}-seed-{seed}")
    if (directory / "DONE").exists():
        return directory
    directory.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    todo = [(i, seed, str(directory), corpus) for i in range(docs) if not (directory / f"{i:05d}.nt").exists()]
    with Pool(os.cpu_count() or 2) as pool:
        for i, _ in enumerate(pool.imap_unordered(_extract_one, todo, 8)):
            if (i + 1) % 500 == 0:
                print(f"  extracted {i + 1}/{len(todo)}", flush=True)
    (directory / "DONE").write_text(f"{time.perf_counter() - t:.1f}\n")
    return directory


def build_store(docs: int, seed: int) -> Path:
    """An embedded store holding the `docs` plans, one named graph each (cached under bench/out/)."""
    location = OUT / f"analysis-store-{docs}-seed-{seed}"
    if (location / "DONE").exists():
        return _with_rows(location)
    source = prepare(docs, seed)
    from styrgraf.graph.store.interface import open_store

    t = time.perf_counter()
    store = open_store(str(location))
    for f in sorted(source.glob("*.nt")):
        iri, _, body = f.read_text(encoding="utf-8").partition("\n")
        # The store's own replace path (what replace_graph does after encoding the triples).
        store._replace_lines(iri, body.splitlines())
    store.close()
    (location / "DONE").write_text(f"{time.perf_counter() - t:.1f}\n")
    return _with_rows(location)


def _with_rows(location: Path) -> Path:
    """A cached store written before its documents carried current analysis rows gets them, once
    (what `styrgraf reindex` does); the time taken is kept in the marker file."""
    from styrgraf.graph.analysis.rows import ROWS_VERSION, write_missing_rows
    from styrgraf.graph.store.interface import open_store

    marker = location / f"ROWS-{ROWS_VERSION}"
    if marker.exists():
        return location
    t = time.perf_counter()
    store = open_store(str(location))

    def progress(done: int, total: int) -> None:
        if done % 500 == 0 or done == total:
            print(f"  analysis rows written for {done}/{total} documents ({time.perf_counter() - t:.0f} s)", flush=True)
    written = write_missing_rows(store, progress)
    store.close()
    marker.write_text(f"{len(written)} documents in {time.perf_counter() - t:.1f} s\n")
    return location
