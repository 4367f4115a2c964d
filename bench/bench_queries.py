"""Latency of the read API's core questions, measured in-process on a store.

    python bench/bench_queries.py [--store var/store] [--repeat 50] [--plan ID-or-Dnr] [--json]

Runs each core question (the `ask` intents, search, a subproject, a trace and
dependencies) `repeat` times after one warm-up run (which builds the cached
search index and name tables) and prints the median and p95 wall-clock and
CPU milliseconds. `--plan` adds "i plan X" to the questions, which is how
staff narrow a question when many plans are stored. Nothing is written.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from styrgraf.graph import queries as q  # noqa: E402
from styrgraf.graph.ask import ask  # noqa: E402
from styrgraf.graph.search import search  # noqa: E402
from styrgraf.graph.store.interface import open_store  # noqa: E402

QUESTIONS = (
    "vilka delprojekt täcker intention 8?",
    "which subprojects address intention 8",
    "vem leder delprojekt 3?",
    "who is in subproject 3",
    "i vilka delprojekt är Karolina Davidsson med?",
    "vad ska delprojekt 2 beakta?",
    "vilket beslut bygger delprojekt 1 på?",
    "which decision is intention 8 from",
    "vilka milstolpar ligger före 2012-05-01?",
    "vilka delprojekt överlappar?",
    "vad är meningen med livet?",
)


def measure(run, repeat: int) -> dict:
    run()  # warm-up: caches and the store's block cache
    wall, cpu = [], []
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        run()
        wall.append((time.perf_counter() - t) * 1000)
        cpu.append((time.process_time() - c) * 1000)
    wall.sort()
    cpu.sort()
    p95 = max(0, int(round(0.95 * repeat)) - 1)
    return {"median_ms": round(statistics.median(wall), 2), "p95_ms": round(wall[p95], 2),
            "cpu_median_ms": round(statistics.median(cpu), 2), "cpu_p95_ms": round(cpu[p95], 2)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store", default="var/store")
    ap.add_argument("--repeat", type=int, default=50)
    ap.add_argument("--plan", default=None, help='add "i plan X" to every question')
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    store = open_store(args.store, read_only=True)
    try:
        triples = store.count_triples()
        suffix = f" i plan {args.plan}" if args.plan else ""
        cases = {}
        for question in QUESTIONS:
            text = question.rstrip("?") + suffix + ("?" if question.endswith("?") else "")
            cases[f"ask: {text}"] = lambda text=text: ask(store, text)
        subs = [p["subprojects"] for p in q.projects(store)[:1]]
        first_sub = subs[0][min(2, len(subs[0]) - 1)]["iri"] if subs and subs[0] else None
        if first_sub:
            cases["subproject detail"] = lambda: q.subproject(store, first_sub)
            cases["trace subproject"] = lambda: q.trace(store, first_sub)
            cases["dependencies depth 2"] = lambda: q.dependencies(store, first_sub, 2)
        cases["search: Näringslivsstrategin"] = lambda: search(store, "Näringslivsstrategin", 20)
        cases["search: delprojektledare"] = lambda: search(store, "delprojektledare", 20)
        results = {name: measure(run, args.repeat) for name, run in cases.items()}
    finally:
        store.close()
    if args.json:
        print(json.dumps({"store": args.store, "triples": triples, "repeat": args.repeat, "results": results},
                         ensure_ascii=False, indent=2))
        return
    print(f"store {args.store}: {triples} triples, {args.repeat} runs each (after one warm-up)")
    print(f"{'question':70s} {'median':>8s} {'p95':>8s} {'cpu med':>8s} {'cpu p95':>8s}  (ms)")
    for name, r in results.items():
        print(f"{name[:70]:70s} {r['median_ms']:8.2f} {r['p95_ms']:8.2f} {r['cpu_median_ms']:8.2f} {r['cpu_p95_ms']:8.2f}")


if __name__ == "__main__":
    main()
