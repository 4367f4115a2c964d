"""Analysis benchmark: projection, entity resolution, overlaps and checks on generated stores.

    python bench/bench_analysis.py --docs 1000 10000 [--repeat 3] [--seed 1] [--trace] [--warm-page-cache]

Documents are synthetic plans from `bench/synth.py` (`generate_plan`), extracted
by the real pipeline in parallel and cached under bench/out/ (the same cache as
bench/bench_store.py), then loaded into an embedded store, one named graph per
document (cached too). Each size is measured in a fresh subprocess, so that its
peak memory (ru_maxrss) is its own. Phases, each timed on its own:
  state       - each document graph and its ingest time listed, on the store just
                opened (it warms the store's caches; not part of the target)
  projection  - each document's stored analysis rows (`graph.analysis.rows`) read
                and the projection built
  resolution  - entity resolution over the projection
  overlaps    - all overlapping pairs and their reasons
  checks      - all consistency checks (SHACL off)
The issue's target covers these four ("target" line: their sum, and the peak
memory when they are done). Then what the API does with them for a reader: the
100 strongest pairs, and one plan's pairs, rendered with their evidence.
Stores cached before documents carried analysis rows get them first, once
(`bench/extracted.py`, like `styrgraf reindex`); that time is printed, not measured.
`--repeat N` measures each size N times, each in a fresh process, and reports each
phase's median (and every run's time): on a shared machine one run can be a fifth
slower or faster than the next. `--trace` also reports the Python heap peak of
each phase (tracemalloc; slower).
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "bench" / "out"

from bench.extracted import build_store  # noqa: E402


MEASURE = r"""
import json, resource, sys, time, tracemalloc
sys.path.insert(0, {root!r})
location, trace = sys.argv[1], sys.argv[2] == "1"
from styrgraf.graph.store.interface import open_store
from styrgraf.graph.analysis.projection import load_projection, state_key
from styrgraf.graph.analysis.resolution import load_resolution
from styrgraf.graph.analysis import compute_overlaps, run_checks
from styrgraf.graph.analysis.overlaps import overlap_model

store = open_store(location, read_only=True)
out = {{}}

def phase(name, work):
    if trace:
        tracemalloc.start()
    t = time.perf_counter()
    value = work()
    seconds = time.perf_counter() - t
    item = {{"seconds": round(seconds, 2), "rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}}
    if trace:
        item["heap_peak_mb"] = round(tracemalloc.get_traced_memory()[1] / 2 ** 20)
        tracemalloc.stop()
    out[name] = item
    print(name + "\t" + json.dumps(item), file=sys.stderr, flush=True)  # progress: a phase done
    return value

state = phase("state (cold store)", lambda: state_key(store))
# Through the per-store cache, as a server builds them on its first request.
p = phase("projection", lambda: load_projection(store))
_p, res = phase("resolution", lambda: load_resolution(store))
model = phase("overlaps (all pairs and reasons)", lambda: overlap_model(store))
checks = phase("checks (no evidence)", lambda: run_checks(store, with_evidence=False))
target = ("projection", "resolution", "overlaps (all pairs and reasons)", "checks (no evidence)")
out["target"] = {{"seconds": round(sum(out[k]["seconds"] for k in target), 2), "rss_mb": out[target[-1]]["rss_mb"]}}
print("target (projection, overlaps, checks)\t" + json.dumps(out["target"]), file=sys.stderr, flush=True)
# What the API does with them, for what a caller reads: the 100 strongest pairs, and one plan's pairs,
# rendered with their evidence (every pair rendered at once is not an answer anybody reads).
strong = phase("overlaps (100 strongest, with evidence)", lambda: compute_overlaps(store, limit=100))
plan = p.document_obj(p.of_kind("document")[0])["iri"]
mine = phase("overlaps of one plan (with evidence)", lambda: compute_overlaps(store, project=plan))
kinds = {{}}
for (_a, _b), reasons in model.items():
    for r in reasons:
        kinds[r.kind] = kinds.get(r.kind, 0) + 1
out["sizes"] = {{
    "documents": len(p.of_kind("document")), "subprojects": len(p.of_kind("subproject")),
    "people": len(p.of_kind("person")), "works": len(p.of_kind("work")),
    "nodes": p.number_of_nodes(), "edges": p.number_of_edges(),
    "matches": len(res.matches), "merged": len(res.canonical),
    "pairs": len(model), "pairs_of_one_plan": len(mine), "reasons_by_kind": kinds,
    "findings": checks["counts"], "triples": store.count_triples(),
}}
store.close()
print(json.dumps(out))
"""


def measure(location: Path, trace: bool) -> dict:
    """Run the phases in a fresh process; each phase's figures are printed as it ends."""
    proc = subprocess.Popen([sys.executable, "-c", MEASURE.format(root=str(ROOT)), str(location), "1" if trace else "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    errors = []
    assert proc.stderr is not None and proc.stdout is not None
    for line in proc.stderr:
        name, _, figures = line.rstrip("\n").partition("\t")
        if figures.startswith("{"):
            _print_phase(name, json.loads(figures))
        else:
            errors.append(line)
    stdout = proc.stdout.read()
    if proc.wait() != 0:
        raise SystemExit("".join(errors))
    return json.loads(stdout.strip().splitlines()[-1])


def summarise(runs: list[dict]) -> dict:
    """Each phase's median time over the runs, the largest peak memory, and every run's time."""
    out: dict = {}
    for name in runs[0]:
        if name == "sizes":
            continue
        seconds = [r[name]["seconds"] for r in runs]
        item = {"seconds": round(statistics.median(seconds), 2), "rss_mb": max(r[name]["rss_mb"] for r in runs),
                "runs": seconds}
        if "heap_peak_mb" in runs[0][name]:
            item["heap_peak_mb"] = max(r[name]["heap_peak_mb"] for r in runs)
        out[name] = item
    out["sizes"] = runs[-1]["sizes"]
    return out


def _print_phase(name: str, item: dict) -> None:
    extra = f", heap peak {item['heap_peak_mb']} MB" if "heap_peak_mb" in item else ""
    print(f"  {name:42} {item['seconds']:8.2f} s   peak RSS {item['rss_mb']:6} MB{extra}", flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=1,
                    help="measure each size this many times, each in a fresh process, and report the medians "
                         "(timings on a shared machine vary from run to run)")
    ap.add_argument("--trace", action="store_true", help="also measure the Python heap peak (tracemalloc)")
    ap.add_argument("--warm-page-cache", action="store_true",
                    help="read the store's files once before measuring, as on a server that has been running "
                         "(the 'cold store' phase is then cold for the store's own caches only)")
    args = ap.parse_args(argv)
    if args.repeat < 1:
        ap.error("--repeat must be at least 1")
    results = {}
    for n in args.docs:
        t = time.perf_counter()
        location = build_store(n, args.seed)
        print(f"== {n} documents (store ready in {time.perf_counter() - t:.0f} s: {location})", flush=True)
        if args.warm_page_cache:
            t = time.perf_counter()
            for f in sorted(location.iterdir()):
                if f.is_file():
                    with f.open("rb") as handle:
                        while handle.read(1 << 24):
                            pass
            print(f"  page cache warmed in {time.perf_counter() - t:.0f} s", flush=True)
        runs = []
        for i in range(args.repeat):
            if args.repeat > 1:
                print(f"  -- run {i + 1} of {args.repeat}", flush=True)
            runs.append(measure(location, args.trace))
        m = summarise(runs)
        results[n] = m
        print("  sizes: " + json.dumps(m["sizes"], ensure_ascii=False), flush=True)
        if args.repeat > 1:
            print(f"  == median of {args.repeat} runs (peak RSS: the largest of the runs)", flush=True)
            for name, item in m.items():
                if name != "sizes":
                    _print_phase(name, item)
                    print(f"  {'':42} runs: {', '.join(f'{s:.2f}' for s in item['runs'])} s", flush=True)
    if len(results) > 1:
        sizes = sorted(results)
        a, b = sizes[0], sizes[-1]
        print(f"== growth {a} -> {b} documents (x{b / a:g})")
        for name in results[a]:
            if name == "sizes":
                continue
            ta, tb = results[a][name]["seconds"], results[b][name]["seconds"]
            print(f"  {name:42} x{tb / ta if ta else float('nan'):.1f}")
    (OUT / "bench_analysis.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
