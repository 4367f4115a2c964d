"""Linking benchmark: the time to link one new document into stores of 1 000, 3 000 and 10 000
documents, how it grows with the store, against a baseline measured in the same run.

    python bench/bench_links.py                          # 1 000, 3 000 and 10 000 documents
    python bench/bench_links.py --sizes 300,1000 --new 3

Corpus: the linked families of `bench/synth.py` (`generate_family`: a strategy, a directive, the
minutes adopting it, council minutes citing the strategy, a plan, and later minutes following up
the directive and approving the plan), extracted by the real text pipeline in parallel and cached
as N-Triples under bench/out/linked-N-seed-S/ (`bench/extracted.py`; the first run at 10 000
documents takes a while). Each store is filled by the bulk loader (`GraphStore.load_new_graphs`)
with exactly the triples `ingest_file` would write, because building a 10 000-document store
through `ingest_file` (one extraction and one transaction per document) takes far longer than
the benchmark; the smaller stores hold the first documents of the same corpus.

New documents: the follow-up minutes of `--new` families spread over the store are held back
from the bulk load; each is then ingested with the real `ingest_file` and linked with
`graph.queries.document_links`, as after an upload. Such minutes have links of every type:
same case (the directive, its adopting minutes, the plan), decides (the plan),
follows up (the directive and its adopting minutes), cited (by the plan, which cites the
directive's Dnr) and shares (the board's members). Per new document:
  ingest      ingest_file of the minutes (extraction and write)
  link        the first document_links after that write: the link facts of the store are read
              again (any write makes the cached index stale) and the document is linked with the
              candidates the index gives
  again       document_links once more, the index cached: the linking itself
  candidates  how many documents the index gave, against the store's size
Baseline, in the same process on the same store: one indexed SPARQL lookup (the documents of a
given Dnr), the median of 50. Growth is the ratio of the median link time between two sizes,
also as per doubling and per 10x of the store. Each size runs in its own process, so that its
peak memory (ru_maxrss) is its own; it is printed after loading and at the end.
"""
from __future__ import annotations

import argparse
import json
import math
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.extracted import prepare, synthetic_text  # noqa: E402
from bench.synth import FAMILY_DOCS  # noqa: E402

SEED = 1
TARGET_SECONDS = 1.0


def _rss_mb() -> int:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def held_back(size: int, new: int) -> list[int]:
    """The corpus indexes of the follow-up minutes ingested as new documents: `new` families spread
    evenly over the first `size` documents, whole families only."""
    families = size // len(FAMILY_DOCS)
    step = max(1, families // new)
    follow_up = FAMILY_DOCS.index("follow_up")
    return [f * len(FAMILY_DOCS) + follow_up for f in range(step // 2, families, step)][:new]


def _baseline(store, dnr: str) -> float:
    from styrgraf.ontology.terms import sparql_prefixes

    query = sparql_prefixes() + f'SELECT ?doc WHERE {{ ?doc dcterms:identifier "{dnr}" }}'
    times = []
    for _ in range(50):
        t = time.perf_counter()
        store.select(query)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def run_size(size: int, new: int, corpus: Path) -> dict:
    """Load a store of `size` documents less the held-back ones, then ingest and link each of those."""
    from styrgraf.graph import queries as q
    from styrgraf.graph.documents import ingest_file
    from styrgraf.graph.store.interface import open_store
    from styrgraf.ingest.identity import Minter

    hold = held_back(size, new)
    tmp = Path(tempfile.mkdtemp(prefix="bench-links-"))
    store = open_store(str(tmp / "store"))

    def graphs():
        for i in range(size):
            if i not in hold:
                iri, _, body = (corpus / f"{i:05d}.nt").read_text(encoding="utf-8").partition("\n")
                yield iri, body.splitlines()
    t = time.perf_counter()
    triples = store.load_new_graphs(graphs())
    load_seconds = time.perf_counter() - t
    q.document_links(store, q.documents(store)[0]["iri"])  # the index of the loaded store, once
    rss_loaded = _rss_mb()
    rows = []
    for index in hold:
        path = tmp / f"{index:05d}.txt"
        path.write_text(synthetic_text("linked", index, SEED), encoding="utf-8")
        t = time.perf_counter()
        result = ingest_file(store, path)
        ingest = time.perf_counter() - t
        assert result.ok, result.reason
        doc = Minter.of_graph(result.graph).document()
        t = time.perf_counter()
        links = q.document_links(store, doc)
        link = time.perf_counter() - t
        t = time.perf_counter()
        q.document_links(store, doc)
        again = time.perf_counter() - t
        facts = q.link_index(store)
        rows.append({"ingest": ingest, "link": link, "again": again,
                     "candidates": len(facts.candidates(facts.facts[doc])), "links": sorted({l["type"] for l in links}),
                     "baseline": _baseline(store, facts.facts[doc].own[0][0])})
    store.close()
    shutil.rmtree(tmp, ignore_errors=True)
    return {"size": size, "triples": triples, "load_seconds": load_seconds, "rss_loaded_mb": rss_loaded,
            "rss_peak_mb": _rss_mb(), "documents": len(rows), "rows": rows}


def _median(rows: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in rows)


def report(results: list[dict]) -> None:
    print(f"{'dokument':>9} {'tripplar':>9} {'ingest s':>9} {'länka s':>8} {'igen ms':>8} {'bas ms':>7} "
          f"{'länka/bas':>10} {'kandidater':>10} {'RSS MB':>7}")
    for r in results:
        link, base = _median(r["rows"], "link"), _median(r["rows"], "baseline")
        print(f"{r['size']:>9} {r['triples']:>9} {_median(r['rows'], 'ingest'):>9.3f} {link:>8.3f} "
              f"{1000 * _median(r['rows'], 'again'):>8.1f} {1000 * base:>7.2f} {link / base:>10.0f} "
              f"{max(x['candidates'] for x in r['rows']):>10} {r['rss_peak_mb']:>7}")
    types = sorted({t for r in results for x in r["rows"] for t in x["links"]})
    print(f"länktyper för de nya dokumenten: {', '.join(types)}")
    pairs = list(zip(results, results[1:])) + ([(results[0], results[-1])] if len(results) > 2 else [])
    for a, b in pairs:
        for key, label in (("link", "länka"), ("again", "igen")):
            ratio = _median(b["rows"], key) / _median(a["rows"], key)
            growth = b["size"] / a["size"]
            print(f"{label} {a['size']} -> {b['size']} dokument (x{growth:.1f}): x{ratio:.2f}, "
                  f"x{ratio ** (1 / math.log2(growth)):.2f} per fördubbling, "
                  f"x{ratio ** (1 / math.log10(growth)):.2f} per 10x")
    last = results[-1]
    verdict = "under" if _median(last["rows"], "link") < TARGET_SECONDS else "ÖVER"
    print(f"mål: under {TARGET_SECONDS:.0f} s per dokument vid {last['size']} dokument: {verdict} "
          f"({_median(last['rows'], 'link'):.3f} s)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Tid för att länka ett nytt dokument i lager av olika storlek.")
    ap.add_argument("--sizes", default="1000,3000,10000", help="lagrens storlekar i dokument (standard 1000,3000,10000)")
    ap.add_argument("--new", type=int, default=5, help="nya dokument per storlek (standard 5)")
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    sizes = sorted(int(s) for s in args.sizes.split(","))
    corpus = prepare(max(sizes), SEED, corpus="linked")
    if args.child:
        print(json.dumps(run_size(args.child, args.new, corpus)))
        return 0
    results = []
    for size in sizes:
        out = subprocess.run([sys.executable, __file__, "--sizes", args.sizes, "--new", str(args.new),
                              "--child", str(size)], capture_output=True, text=True, check=True)
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print(f"  {size} dokument: laddade {results[-1]['triples']} tripplar på {results[-1]['load_seconds']:.1f} s",
              flush=True)
    report(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
