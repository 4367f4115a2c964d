"""Server time of the web pages (`api/web/`), per page, against /health measured in the same run.

    python bench/bench_web.py                      # the seed store
    python bench/bench_web.py --docs 1000          # bench/extracted.py's store of 1 000 synthetic plans
    python bench/bench_web.py --pages start,overlaps --repeat 20 --timeout 60

Each page is measured in a process of its own that opens the store and builds the app, so that
its first request is truly cold (the first answer after the store was opened, every in-process
cache empty); then the page is requested `--repeat` times warm. /health is measured the same
way in each process, and the page's warm median is given as a ratio of it. The app runs in the
process (no network in between). A page that gives no answer within `--timeout` seconds is
reported as such and its process ended, and the next page is measured. Printed per page as it
is measured: cold ms, warm median and p95 ms, the ratio to /health, and PASS/MISS against the
target (warm p95 and cold under 300 ms). Written to bench/out/bench_web.json.

`--warm-up` measures what `styrgraf serve` gives: the app builds the store-wide tables in the
background when it opens the store (`graph.warm`); the bench waits for that (and prints how long it
took), then measures every page in that one process, "cold" being each page's first request.
Written to bench/out/bench_web_warm_up.json.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import shutil
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TARGET_MS = 300.0
QUESTION = "Vilket delprojekt täcker intention 8?"
PAGES = ("start", "question", "search", "documents", "document", "subproject", "person", "coverage",
         "coverage_plan", "overlaps", "checks", "plan_graph")


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
             "documents": "/dokument", "coverage": "/tackning", "overlaps": "/overlapp", "checks": "/kontroller"}
    if documents:
        paths["document"] = f"/dokument/{documents[0]['id']}?sida=1&fran=0&till=5"
    if subproject:
        paths["subproject"] = f"/delprojekt/{subproject}"
    if projects:
        paths["coverage_plan"] = f"/tackning?plan={projects[0]['id']}"
    if people:
        paths["person"] = f"/person/{people[0]['id']}"
    if projects:
        paths["plan_graph"] = f"/projekt/{projects[0]['id']}/beroenden"
    return {name: paths[name] for name in PAGES if name in paths}


def _time(client, path: str) -> float:
    started = time.perf_counter()
    response = client.get(path)
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise RuntimeError(f"{path}: HTTP {response.status_code}")
    return elapsed


def _in_app(store: str, work, *args, warm_up: bool = False):
    """`work(client, *args)` with an app on a freshly opened store, in-process caches empty
    (with `warm_up`: once the app's warm-up has built the store-wide tables)."""
    from fastapi.testclient import TestClient

    from styrgraf.api.http.app import close_app, create_app
    from styrgraf.graph.store import cache

    cache.clear()
    started = time.perf_counter()
    app = create_app(store, warm_up=warm_up)
    if warm_up:
        app.state.warm_up.join()
        print(f"warm-up: {time.perf_counter() - started:.1f} s", flush=True)
    try:
        return work(TestClient(app), *args)
    finally:
        close_app(app)


def _measure(client, path: str, repeat: int) -> dict:
    """The page cold (before anything else was asked), then warm; /health warm for the ratio."""
    cold = _time(client, path)
    warm = sorted(_time(client, path) for _ in range(repeat))
    health = sorted(_time(client, "/health") for _ in range(repeat))
    return {"path": path, "cold_ms": round(cold, 1), "median_ms": round(statistics.median(warm), 1),
            "p95_ms": round(warm[max(0, int(len(warm) * 0.95) - 1)], 1),
            "health_ms": round(statistics.median(health), 2)}


def _measure_all(client, paths: dict[str, str], repeat: int) -> dict:
    rows = {}
    for name, path in paths.items():
        rows[name] = _with_verdict(_measure(client, path, repeat))
        _print_row(name, rows[name])
    return rows


def _with_verdict(row: dict) -> dict:
    row["ratio"] = round(row["median_ms"] / (row["health_ms"] or 0.01), 1)
    row["pass"] = row["cold_ms"] <= TARGET_MS and row["p95_ms"] <= TARGET_MS
    return row


def _child(result, store: str, work, *args, warm_up: bool = False) -> None:
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    try:
        result.put(("ok", _in_app(store, work, *args, warm_up=warm_up)))
    except Exception as error:  # reported by the parent, which goes on with the next page
        result.put(("error", f"{type(error).__name__}: {error}"))


def _run(context, timeout: float, store: str, work, *args, warm_up: bool = False):
    """`_in_app(store, work, *args)` in a process of its own: ("ok", value), ("error", text) or ("timeout", None)."""
    result = context.Queue()
    process = context.Process(target=_child, args=(result, store, work, *args), kwargs={"warm_up": warm_up},
                              daemon=True)
    process.start()
    try:
        return result.get(timeout=timeout)
    except Exception:  # queue.Empty: no answer in time
        return ("timeout", None)
    finally:
        if process.is_alive():
            process.kill()
        process.join()


def _print_row(name: str, row: dict) -> None:
    if "failed" in row:
        print(f"{name:<14} {row['failed']}", flush=True)
        return
    print(f"{name:<14} {row['cold_ms']:>8} {row['median_ms']:>8} {row['p95_ms']:>8} {row['health_ms']:>8} "
          f"{row['ratio']:>10}  {'PASS' if row['pass'] else 'MISS'}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=None)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--pages", default=",".join(PAGES), help=f"comma-separated, of: {', '.join(PAGES)}")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds a page may take (cold and warm)")
    parser.add_argument("--warm-up", action="store_true", help="measure after the app's warm-up, as `styrgraf serve`")
    args = parser.parse_args()
    wanted = [name.strip() for name in args.pages.split(",") if name.strip()]
    unknown = sorted(set(wanted) - set(PAGES))
    if unknown:
        parser.error(f"unknown pages: {', '.join(unknown)}")
    context = multiprocessing.get_context("spawn")
    rows: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="bench-web-") as tmp:
        store = str(_store(args.docs, args.seed, Path(tmp)))
        status, paths = _run(context, max(args.timeout, 600.0), store, _paths)
        if status != "ok":
            raise SystemExit(f"could not read the ids for the pages: {status} {paths or ''}")
        print(f"{'page':<14} {'cold ms':>8} {'median':>8} {'p95':>8} {'/health':>8} {'× /health':>10}  "
              f"target {TARGET_MS:.0f} ms", flush=True)
        if args.warm_up:
            status, rows = _run(context, max(args.timeout, 1800.0), store, _measure_all,
                                {name: paths[name] for name in wanted if name in paths}, args.repeat, warm_up=True)
            if status != "ok":
                raise SystemExit(f"warm-up run failed: {status} {rows or ''}")
        for name in [] if args.warm_up else wanted:
            if name not in paths:
                print(f"{name:<14} (no such page on this store)", flush=True)
                continue
            status, row = _run(context, args.timeout, store, _measure, paths[name], args.repeat)
            if status == "ok":
                row = _with_verdict(row)
            else:
                row = {"path": paths[name], "pass": False,
                       "failed": f"no answer within {args.timeout:.0f} s" if status == "timeout" else row}
            rows[name] = row
            _print_row(name, row)
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / ("bench_web_warm_up.json" if args.warm_up else "bench_web.json")).write_text(json.dumps({"docs": args.docs, "pages": rows}, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
