"""Store benchmark: loading and core-question latency on the embedded store, a remote
Oxigraph server and, as the baseline, an in-memory rdflib graph — all in one run.

    python bench/bench_store.py --docs 200            # about a million triples
    python bench/bench_store.py --docs 10000 --baseline-docs 200 --bulk --keep

With `--baseline-docs N` smaller than `--docs`, the remote server and the rdflib
baseline (which holds everything in memory) are loaded with the first N documents,
and so is a second embedded store, so that the three are compared at equal size in
the same run; the embedded store alone is also measured at the full size. `--keep`
keeps the full embedded store as bench/out/analysis-store-DOCS-seed-SEED, where
bench_analysis.py and bench_api.py look for it. `--bulk` fills that full store with
the bulk loader (one transaction per document would take hours at 40 million
triples) and then times ordinary ingest of its last documents into it.

Documents are synthetic plans from `bench/synth.py`, extracted by the real pipeline
(in parallel, cached under bench/out/) and loaded through the real store layer,
one named graph per document. Each backend is loaded in a fresh subprocess so that
its peak memory is its own. The core questions are the graph layer's own answer
functions (graph/queries.py):
  intention  - which subprojects address intention N of a plan
  person     - a person's roles across all documents
  considers  - what a subproject must take into account (and what depends on it)
"""
from __future__ import annotations

import argparse
import json
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "bench" / "out"

from bench.extracted import prepare  # noqa: E402


LOADER = r"""
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
kind, location, directory = sys.argv[1], sys.argv[2], Path(sys.argv[3])
files = sorted(directory.glob("*.nt"))
triples = 0
if kind == "rdflib":
    import rdflib
    ds = rdflib.Dataset(default_union=True)
    t0 = time.perf_counter()
    for f in files:
        iri, _, body = f.read_text(encoding="utf-8").partition("\n")
        ds.graph(rdflib.URIRef(iri)).parse(data=body, format="nt")
        triples += body.count("\n")
elif kind == "embedded-bulk":
    from styrgraf.graph.store.interface import open_store
    store = open_store(location)

    def graphs():
        for f in files:
            iri, _, body = f.read_text(encoding="utf-8").partition("\n")
            yield iri, body.splitlines()
    t0 = time.perf_counter()
    triples = store.load_new_graphs(graphs())
    store.close()
else:
    from styrgraf.graph.store.interface import open_store
    store = open_store(location)
    t0 = time.perf_counter()
    for f in files:
        iri, _, body = f.read_text(encoding="utf-8").partition("\n")
        lines = body.splitlines()
        store._replace_lines(iri, lines)
        triples += len(lines)
    store.close()
print(json.dumps({{"seconds": time.perf_counter() - t0, "triples": triples,
                   "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""

QUERIER = r"""
import json, random, sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
kind, location, directory, repeat = sys.argv[1], sys.argv[2], Path(sys.argv[3]), int(sys.argv[4])
from styrgraf.graph import queries
if kind == "rdflib":
    import rdflib
    from bench.rdflib_store import RdflibStore
    ds = rdflib.Dataset(default_union=True)
    for f in sorted(directory.glob("*.nt")):
        iri, _, body = f.read_text(encoding="utf-8").partition("\n")
        ds.graph(rdflib.URIRef(iri)).parse(data=body, format="nt")
    store = RdflibStore(ds)
else:
    from styrgraf.graph.store.interface import open_store
    store = open_store(location, read_only=(kind == "embedded"))
from styrgraf.ontology.terms import sparql_prefixes
rng = random.Random(5)
projects = [str(r["p"]) for r in store.select(sparql_prefixes() + "SELECT ?p WHERE {{ ?p a sg:Project }} LIMIT 500")]
people = [str(r["x"]) for r in store.select(sparql_prefixes() + "SELECT ?x WHERE {{ ?x a foaf:Person }} LIMIT 500")]
subs = [str(r["s"]) for r in store.select(sparql_prefixes() + "SELECT ?s WHERE {{ ?s a sg:Subproject }} LIMIT 500")]
questions = {{
    "intention": lambda: queries.intentions(store, project=rng.choice(projects), number=rng.randint(1, 5)),
    "person": lambda: queries.person(store, rng.choice(people)),
    "considers": lambda: queries.dependencies(store, rng.choice(subs), depth=1),
}}
out = {{}}
for name, ask in questions.items():
    for _ in range(min(5, max(1, repeat // 5))):
        ask()  # warm-up
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        ask()
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    out[name] = {{"p50": times[len(times) // 2], "p95": times[min(len(times) - 1, -(-len(times) * 95 // 100) - 1)]}}
print(json.dumps(out))
"""


INCREMENTAL = r"""
import json, sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
location, directory, count = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
from styrgraf.graph.store.interface import open_store
store = open_store(location)
files = sorted(directory.glob("*.nt"))[-count:]
docs = []
for f in files:
    iri, _, body = f.read_text(encoding="utf-8").partition("\n")
    docs.append((iri, body.splitlines()))
for iri, _lines in docs:
    store.drop_graph(iri)
t0 = time.perf_counter()
for iri, lines in docs:
    store._replace_lines(iri, lines)  # what ingest_file's replace_graph does after extraction
seconds = time.perf_counter() - t0
store.close()
print(json.dumps({{"seconds": seconds, "triples": sum(len(l) for _i, l in docs), "documents": len(docs)}}))
"""


def run(script: str, *args: str) -> dict:
    res = subprocess.run([sys.executable, "-c", script.format(root=str(ROOT)), *args],
                         capture_output=True, text=True, cwd=ROOT)
    if res.returncode != 0:
        raise SystemExit(f"benchmark step failed: {' '.join(args)}\n{res.stderr[-3000:]}")
    return json.loads(res.stdout.strip().splitlines()[-1])


def du(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def oxigraph_server(data: Path):
    port = free_port()
    binary = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    proc = subprocess.Popen([binary, "serve", "--location", str(data), "--bind", f"127.0.0.1:{port}",
                             "--union-default-graph"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    import httpx

    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/query", params={"query": "ASK {}"}, timeout=1)
            return proc, f"http://127.0.0.1:{port}"
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("oxigraph serve did not start")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def measure_embedded(directory: Path, location: Path, repeat: int, *, bulk: bool = False,
                     incremental: int = 0) -> dict:
    result = run(LOADER, "embedded-bulk" if bulk else "embedded", str(location), str(directory))
    result["disk_mb"] = du(location)
    if incremental:
        # Ingest into the full store: the last documents dropped, then written back one
        # transaction each, as `styrgraf ingest` writes a document.
        result["incremental"] = run(INCREMENTAL, str(location), str(directory), str(incremental))
    result.update(q=run(QUERIER, "embedded", str(location), str(directory), str(repeat)))
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=200, help="synthetic documents (default 200, about 1 M triples)")
    ap.add_argument("--baseline-docs", type=int, default=None,
                    help="documents for the remote server and the rdflib baseline (default: --docs)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=200, help="timed runs per question (default 200)")
    ap.add_argument("--rdflib-repeat", type=int, default=5, help="timed runs per question on rdflib (default 5)")
    ap.add_argument("--no-rdflib", action="store_true", help="skip the in-memory rdflib baseline")
    ap.add_argument("--keep", action="store_true", help="keep the full embedded store for the other benchmarks")
    ap.add_argument("--bulk", action="store_true",
                    help="load the full-size embedded store with the bulk loader (GraphStore.load_new_graphs), "
                         "then time ordinary ingest of its last --incremental documents into it")
    ap.add_argument("--incremental", type=int, default=100, help="documents re-ingested into the full store (with --bulk)")
    args = ap.parse_args()
    base_docs = min(args.baseline_docs or args.docs, args.docs)

    t = time.perf_counter()
    directory = prepare(args.docs, args.seed)
    base_directory = prepare(base_docs, args.seed) if base_docs != args.docs else directory
    print(f"{args.docs} documents extracted (cached in {directory.relative_to(ROOT)}; "
          f"{time.perf_counter() - t:.1f} s this run)", flush=True)
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(dir=OUT) as tmp:
        tmp = Path(tmp)
        if base_docs != args.docs:
            full = f"embedded ({args.docs} docs)"
            if args.bulk:
                full = f"embedded bulk ({args.docs} docs)"
            results[full] = measure_embedded(directory, tmp / "embedded-full", args.repeat, bulk=args.bulk,
                                             incremental=args.incremental if args.bulk else 0)
            print(f"  {full}: loaded and measured", flush=True)
            if args.keep:
                keep = OUT / f"analysis-store-{args.docs}-seed-{args.seed}"
                shutil.rmtree(keep, ignore_errors=True)
                shutil.move(str(tmp / "embedded-full"), keep)
                (keep / "DONE").write_text(f"{results[full]['seconds']:.1f}\n")
            else:
                shutil.rmtree(tmp / "embedded-full")
        results["embedded"] = measure_embedded(base_directory, tmp / "embedded", args.repeat)
        if args.keep and base_docs == args.docs:
            keep = OUT / f"analysis-store-{args.docs}-seed-{args.seed}"
            shutil.rmtree(keep, ignore_errors=True)
            shutil.copytree(tmp / "embedded", keep)
            (keep / "DONE").write_text(f"{results['embedded']['seconds']:.1f}\n")

        server, url = oxigraph_server(tmp / "remote")
        try:
            results["remote"] = run(LOADER, "remote", url, str(base_directory))
            results["remote"].update(q=run(QUERIER, "remote", url, str(base_directory), str(args.repeat)))
            results["remote"]["server_peak_mb"] = rss_mb(server.pid)
        finally:
            server.terminate()
            server.wait(10)
        results["remote"]["disk_mb"] = du(tmp / "remote")
        if not args.no_rdflib:
            results["rdflib"] = run(LOADER, "rdflib", "-", str(base_directory))
            # rdflib answers in seconds: a few timed runs are enough for its p50/p95.
            results["rdflib"].update(q=run(QUERIER, "rdflib", "-", str(base_directory), str(args.rdflib_repeat)))

    base = results.get("rdflib")
    width = max(len(n) for n in results) + 2
    print(f"\n{'backend':<{width}}{'triples':>10}{'load s':>9}{'triples/s':>11}{'disk MB':>9}{'loader peak MB':>16}")
    for name, r in results.items():
        print(f"{name:<{width}}{r['triples']:>10}{r['seconds']:>9.1f}{r['triples'] / r['seconds']:>11.0f}"
              f"{r.get('disk_mb', float('nan')):>9.1f}{r['peak_mb']:>16.0f}"
              + (f"   (server peak {r['server_peak_mb']:.0f} MB)" if "server_peak_mb" in r else ""))
    for name, r in results.items():
        if "incremental" in r:
            inc = r["incremental"]
            print(f"{name}: ordinary ingest of {inc['documents']} documents into the full store: "
                  f"{inc['seconds']:.1f} s, {inc['triples'] / inc['seconds']:.0f} triples/s, "
                  f"{inc['seconds'] / inc['documents'] * 1000:.0f} ms per document")
    print(f"\n{'question':<11}" + "".join(f"{n + ' p50/p95 ms':>{max(26, len(n) + 16)}}" for n in results))
    for q in ("intention", "person", "considers"):
        print(f"{q:<11}" + "".join(f"{r['q'][q]['p50']:>{max(26, len(n) + 16) - 9}.2f} /{r['q'][q]['p95']:>7.2f}"
                                   for n, r in results.items()))
    if base:
        print(f"\nratios against the rdflib baseline at {base_docs} documents (p95 time; < 1 is faster):")
        for name in ("embedded", "remote"):
            parts = [f"{q} {results[name]['q'][q]['p95'] / base['q'][q]['p95']:.3f}" for q in ("intention", "person", "considers")]
            load = (results[name]["triples"] / results[name]["seconds"]) / (base["triples"] / base["seconds"])
            print(f"  {name:<9} load speed x{load:.1f}; " + ", ".join(parts))
    for name, e in results.items():
        if not name.startswith("embedded"):
            continue
        print(f"\ntargets ({name}, {e['triples']} triples): p95 <= 10 ms: "
              + ", ".join(f"{q} {'met' if e['q'][q]['p95'] <= 10 else 'MISSED'}" for q in ("intention", "person", "considers"))
              + f"; load >= 20 000 triples/s: {'met' if e['triples'] / e['seconds'] >= 20000 else 'MISSED'}"
              + f"; loader peak <= 1 GB: {'met' if e['peak_mb'] <= 1024 else 'MISSED'}")
    (OUT / f"bench_store-{args.docs}.json").write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
