"""Server time of the web pages (`api/web/`), per page, against /health measured in the same run.

    python bench/bench_web.py                 # the seed store
    python bench/bench_web.py --docs 1000     # bench/extracted.py's store of 1 000 synthetic plans
    python bench/bench_web.py --repeat 20

The app runs in this process (no network in between): each page is requested once cold (the
first answer after the store was opened, caches empty), then `--repeat` times warm. Printed per
page: cold ms, warm median and p95 ms, the warm median's ratio to /health's, and PASS/MISS
against the target (warm p95 and cold under 300 ms). Written to bench/out/bench_web.json.
"""
from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TARGET_MS = 300.0
QUESTION = "Vilket delprojekt täcker intention 8?"


def _store(docs: int | None, seed: int, work: Path) -> Path:
    if docs:
        from bench.extracted import build_store

        source = build_store(docs, seed)
    else:
        from tests.api.server_support import build_seed_store

        return build_seed_store(work / "seed")
    shutil.copytree(source, work / "store")
    return work / "store"


def _paths(client) -> dict[str, str]:
    """One path per page, with ids read from the API."""
    documents = client.get("/api/documents", params={"limit": 1}).json()
    projects = client.get("/api/projects", params={"limit": 1}).json()
    subproject = (projects[0].get("subprojects") or [{}])[0].get("id") if projects else None
    people = client.get("/api/people", params={"limit": 1}).json()
    paths = {"start": "/", "question": f"/?q={QUESTION}", "search": "/?q=näringsliv strategi",
             "coverage": "/tackning", "overlaps": "/overlapp", "checks": "/kontroller"}
    if documents:
        paths["document"] = f"/dokument/{documents[0]['id']}?sida=1&fran=0&till=5"
    if subproject:
        paths["subproject"] = f"/delprojekt/{subproject}"
    if people:
        paths["person"] = f"/person/{people[0]['id']}"
    if projects:
        paths["plan_graph"] = f"/projekt/{projects[0]['id']}/beroenden"
    return paths


def _time(client, path: str) -> float:
    started = time.perf_counter()
    response = client.get(path)
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise SystemExit(f"{path}: HTTP {response.status_code}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=None)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    from fastapi.testclient import TestClient

    from styrgraf.api.http.app import close_app, create_app

    with tempfile.TemporaryDirectory(prefix="bench-web-") as tmp:
        app = create_app(str(_store(args.docs, args.seed, Path(tmp))))
        try:
            client = TestClient(app)
            paths = _paths(client)
            rows = {}
            for name, path in {"health": "/health", **paths}.items():
                cold = _time(client, path)
                warm = sorted(_time(client, path) for _ in range(args.repeat))
                rows[name] = {"path": path, "cold_ms": round(cold, 1), "median_ms": round(statistics.median(warm), 1),
                              "p95_ms": round(warm[max(0, int(len(warm) * 0.95) - 1)], 1)}
        finally:
            close_app(app)
    baseline = rows["health"]["median_ms"] or 0.01
    print(f"{'page':<12} {'cold ms':>8} {'median':>8} {'p95':>8} {'× /health':>10}  target {TARGET_MS:.0f} ms")
    for name, row in rows.items():
        row["ratio"] = round(row["median_ms"] / baseline, 1)
        row["pass"] = row["cold_ms"] <= TARGET_MS and row["p95_ms"] <= TARGET_MS
        print(f"{name:<12} {row['cold_ms']:>8} {row['median_ms']:>8} {row['p95_ms']:>8} {row['ratio']:>10}  "
              f"{'PASS' if row['pass'] else 'MISS'}")
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "bench_web.json").write_text(json.dumps({"docs": args.docs, "pages": rows}, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
