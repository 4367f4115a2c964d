"""API load benchmark: `styrgraf serve` under 16 concurrent clients (wrk), core endpoints against /health.

    python bench/bench_api.py --docs 200                 # build (or reuse) the 200-plan store
    python bench/bench_api.py --docs 10000 --seed 1      # bench/out/analysis-store-10000-seed-1
    python bench/bench_api.py --store PATH [--in-place]  # an existing store folder
    python bench/bench_api.py --docs 200 --duration 30 --connections 32 --paths 100

Needs `wrk` (Debian package `wrk`: apt-get install wrk).

Steps:
1. The store: `--store PATH`, or `--docs N [--seed S]` built by bench/extracted.py's
   `build_store` from the cached synthetic extraction (one named graph per plan).
   It is copied to a temporary folder and served from there (serving opens the
   store read-write), unless `--in-place`.
2. `styrgraf serve` starts as a subprocess on a free loopback port; the script
   waits for /health (the first /health counts every triple: long on a large store).
3. Real ids come from the API: /api/projects (projects, subprojects, plan ids),
   /api/intentions?project=… (intention numbers), /sparql (people).  For each core
   endpoint `--paths` distinct paths (default 200), spread over the plans:
     intention coverage  /api/intentions?project=P&number=N
     subproject          /api/subprojects/ID
     person              /api/people/ID
     trace               /api/trace/ID            (subprojects and intentions)
     ask                 /api/ask?q=…             (Swedish questions naming the plan)
4. Cold: every path requested once, one at a time, before anything else asks for
   it (no cached answer): what the response cache hides.
5. wrk, `--threads` threads and `--connections` connections, a Lua script rotating
   through the endpoint's paths: a `--warmup` run per endpoint, then one measured
   run of `--duration` seconds per endpoint, /health first and last (its mean is
   the baseline of the ratios).
6. Per endpoint: requests/s, p50, p99 (wrk --latency), non-2xx and socket errors
   (any is a failure), ratio to /health, PASS/MISS against the targets (ratio >= 0.5,
   p99 <= 50 ms).  Written to bench/out/bench_api.json.
The server is stopped at the end, also on errors and Ctrl-C.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote, urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "bench" / "out"

import httpx  # noqa: E402

from bench.extracted import build_store  # noqa: E402

TARGET_RATIO = 0.5
TARGET_P99_MS = 50.0
READY_TIMEOUT = 1800.0  # the first /health counts all triples
CORE = ("intention coverage", "subproject", "person", "trace", "ask")

LUA = """
local paths = {%(paths)s}
local counter = 0
function setup(thread)
  thread:set("offset", counter)
  counter = counter + 1
end
local i = 0
function init(args)
  -- Threads start at different places in the rotation.
  i = (offset or 0) * math.floor(#paths / 2)
end
function request()
  i = i %% #paths + 1
  return wrk.format("GET", paths[i])
end
"""


def wrk_binary() -> str:
    found = shutil.which("wrk")
    if found is None:
        raise SystemExit("wrk is not installed: install the Debian package `wrk` (apt-get install wrk).")
    return found


def styrgraf_command() -> list[str]:
    beside = Path(sys.executable).parent / "styrgraf"
    if beside.exists():
        return [str(beside)]
    found = shutil.which("styrgraf")
    if found:
        return [found]
    return [sys.executable, "-c", "from styrgraf.api.cli.main import app; app()"]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# -- the server ----------------------------------------------------------------------------


class Server:
    """`styrgraf serve` in a subprocess of its own session; `stop()` always ends it."""

    def __init__(self, store: Path, log: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        env = {k: v for k, v in os.environ.items() if k not in ("STYRGRAF_TOKEN", "STYRGRAF_STORE")}
        with open(log, "wb") as out:
            self.process = subprocess.Popen(
                [*styrgraf_command(), "serve", "--store", str(store), "--host", "127.0.0.1", "--port", str(self.port)],
                stdout=out, stderr=subprocess.STDOUT, cwd=ROOT, env=env, start_new_session=True)

    def wait_ready(self, timeout: float = READY_TIMEOUT) -> dict:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"styrgraf serve exited with {self.process.returncode}:\n{self.tail()}")
            try:
                response = httpx.get(self.url + "/health", timeout=timeout, trust_env=False)
                if response.status_code == 200:
                    return response.json()
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        raise SystemExit(f"styrgraf serve did not answer /health within {timeout:.0f} s:\n{self.tail()}")

    def tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def stop(self) -> None:
        if self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=30)


# -- paths with real ids ------------------------------------------------------------------


def get_json(client: httpx.Client, path: str, **params) -> object:
    response = client.get(path, params=params or None)
    if response.status_code != 200:
        raise SystemExit(f"GET {path} {params or ''} answered {response.status_code}: {response.text[:300]}")
    return response.json()


def spread(items: list, count: int, rng: random.Random) -> list:
    """`count` items spread over the list (all of them, shuffled, if there are fewer)."""
    items = list(items)
    rng.shuffle(items)
    return items[:count]


def people_ids(client: httpx.Client, limit: int) -> list[str]:
    from styrgraf.graph.entities import parse_iri
    from styrgraf.ontology.terms import sparql_prefixes

    query = sparql_prefixes() + f"SELECT DISTINCT ?p WHERE {{ ?p a foaf:Person }} LIMIT {limit}"
    data = get_json(client, "/sparql", query=query)
    ids = []
    for row in data["results"]["bindings"]:  # type: ignore[index]
        parsed = parse_iri(row["p"]["value"])
        if parsed and parsed[0] == "person":
            ids.append(parsed[1])
    return ids


def question(kind: str, plan: str, number: int, name: str | None) -> str:
    if kind == "coverage":
        return f"Vilka delprojekt täcker intention {number} i plan {plan}?"
    if kind == "leaders":
        return f"Vem leder delprojekt {number} i plan {plan}?"
    if kind == "members":
        return f"Vilka ingår i delprojekt {number} i plan {plan}?"
    if kind == "decision":
        return f"Vilket beslut bygger delprojekt {number} på i plan {plan}?"
    return f"I vilka delprojekt är {name} med?"


def build_paths(client: httpx.Client, count: int, seed: int) -> dict[str, list[str]]:
    rng = random.Random(seed)
    projects = get_json(client, "/api/projects?limit=1000")
    assert isinstance(projects, list) and projects, "no projects in the store"
    chosen = spread(projects, count, rng)
    coverage: list[tuple[str, int]] = []
    intention_ids: list[str] = []
    for project in chosen:
        intentions = get_json(client, "/api/intentions", project=project["id"])
        numbers = sorted({i["number"] for i in intentions if i.get("number")})  # type: ignore[union-attr]
        if numbers:
            coverage.append((project["id"], rng.choice(numbers)))
        intention_ids += [i["id"] for i in intentions]  # type: ignore[union-attr]
    subprojects = [(p, s) for p in projects for s in p.get("subprojects", [])]
    sub_sample = spread(subprojects, count, rng)
    people = people_ids(client, max(5 * count, 1000))
    names = [p["owner"]["name"] for p in chosen if p.get("owner") and p["owner"].get("name")]
    trace_ids = [s["id"] for _, s in spread(subprojects, count // 2, rng)]
    trace_ids += spread(intention_ids, count - len(trace_ids), rng)

    # Questions name the plan by its document id, like a user narrowing the question down.
    plan_of = {p["id"]: p["document"]["id"] for p in projects}
    questions = []
    kinds = ("coverage", "leaders", "members", "decision", "person")
    for index, (project, subproject) in enumerate(spread(subprojects, count, rng)):
        kind = kinds[index % len(kinds)]
        plan, number = project["document"]["id"], subproject["number"]
        name = names[index % len(names)] if names else None
        if kind == "coverage" and coverage:
            project_id, number = coverage[index % len(coverage)]
            plan = plan_of[project_id]
        elif kind == "person" and not name:
            kind = "leaders"
        questions.append(question(kind, plan, number, name))

    return {
        "health": ["/health"],
        "intention coverage": [f"/api/intentions?{urlencode({'project': p, 'number': n})}" for p, n in coverage],
        "subproject": [f"/api/subprojects/{quote(s['id'], safe='')}" for _, s in sub_sample],
        "person": [f"/api/people/{quote(p, safe='')}" for p in spread(people, count, rng)],
        "trace": [f"/api/trace/{quote(t, safe='')}" for t in trace_ids],
        "ask": [f"/api/ask?{urlencode({'q': q})}" for q in questions],
    }


# -- measuring -------------------------------------------------------------------------------


def cold_pass(client: httpx.Client, paths: list[str]) -> dict:
    """Each path once, one at a time; the first request of a path is computed, not cached."""
    times, failures, understood, with_results = [], [], 0, 0
    for path in paths:
        t = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - t) * 1000)
        if response.status_code != 200:
            failures.append(f"{response.status_code} {path}")
        elif path.startswith("/api/ask"):
            answer = response.json()
            understood += bool(answer.get("understood_as"))
            with_results += bool(answer.get("results"))
    if failures:
        raise SystemExit("cold requests that did not answer 200:\n  " + "\n  ".join(failures[:20]))
    out = {"requests": len(times), "mean_ms": round(statistics.fmean(times), 1),
           "p50_ms": round(percentile(times, 50), 1), "p99_ms": round(percentile(times, 99), 1),
           "max_ms": round(max(times), 1)}
    if paths and paths[0].startswith("/api/ask"):
        out["understood"] = understood
        out["with_results"] = with_results
    return out


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def _ms(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    if not match:
        raise ValueError(f"unexpected wrk latency {text!r}")
    return float(match.group(1)) * _UNITS_MS[match.group(2)]


def parse_wrk(output: str) -> dict:
    """requests/s, p50 and p99 (ms) and error counts from `wrk --latency` output."""
    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    p50 = re.search(r"^\s+50%\s+(\S+)", output, re.MULTILINE)
    p99 = re.search(r"^\s+99%\s+(\S+)", output, re.MULTILINE)
    total = re.search(r"(\d+) requests in", output)
    if not (rps and p50 and p99 and total):
        raise SystemExit("could not read wrk's output:\n" + output)
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return {"requests_per_s": float(rps.group(1)), "p50_ms": round(_ms(p50.group(1)), 2),
            "p99_ms": round(_ms(p99.group(1)), 2), "requests": int(total.group(1)),
            "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
            "socket_errors": sum(map(int, sockets.groups())) if sockets else 0}


def run_wrk(url: str, paths: list[str], seconds: float, args: argparse.Namespace, workdir: Path) -> dict:
    script = workdir / "paths.lua"
    script.write_text(LUA % {"paths": ", ".join(json.dumps(p) for p in paths)}, encoding="utf-8")
    command = [wrk_binary(), f"-t{args.threads}", f"-c{args.connections}", f"-d{seconds:g}s",
               "--timeout", "10s", "--latency", "-s", str(script), url]
    done = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 120)
    if done.returncode != 0:
        raise SystemExit(f"wrk failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return parse_wrk(done.stdout)


def measure(server: Server, paths: dict[str, list[str]], args: argparse.Namespace, workdir: Path) -> dict:
    results: dict[str, dict] = {}
    with httpx.Client(base_url=server.url, timeout=600, trust_env=False) as client:
        print("cold (each path once, one at a time, nothing cached):", flush=True)
        for name in CORE:
            cold = cold_pass(client, paths[name])
            results[name] = {"paths": len(paths[name]), "cold": cold}
            extra = (f", understood {cold['understood']}, with results {cold['with_results']}"
                     if "understood" in cold else "")
            print(f"  {name:20} {cold['requests']:4} paths  mean {cold['mean_ms']:8.1f} ms  "
                  f"p50 {cold['p50_ms']:8.1f} ms  p99 {cold['p99_ms']:8.1f} ms  max {cold['max_ms']:8.1f} ms{extra}",
                  flush=True)
    print(f"warm-up: {args.warmup:g} s of wrk per endpoint", flush=True)
    for name in ("health", *CORE):
        run_wrk(server.url, paths[name], args.warmup, args, workdir)
    print(f"measured: {args.duration:g} s per endpoint, {args.connections} connections, {args.threads} threads",
          flush=True)
    health_first = run_wrk(server.url, paths["health"], args.duration, args, workdir)
    for name in CORE:
        results[name].update(run_wrk(server.url, paths[name], args.duration, args, workdir))
    health_last = run_wrk(server.url, paths["health"], args.duration, args, workdir)
    baseline = (health_first["requests_per_s"] + health_last["requests_per_s"]) / 2
    results["health"] = {"paths": 1, "first": health_first, "last": health_last,
                         "requests_per_s": round(baseline, 1),
                         "p50_ms": max(health_first["p50_ms"], health_last["p50_ms"]),
                         "p99_ms": max(health_first["p99_ms"], health_last["p99_ms"]),
                         "non_2xx": health_first["non_2xx"] + health_last["non_2xx"],
                         "socket_errors": health_first["socket_errors"] + health_last["socket_errors"]}
    for name in CORE:
        item = results[name]
        item["ratio_to_health"] = round(item["requests_per_s"] / baseline, 2) if baseline else 0.0
        item["pass"] = item["ratio_to_health"] >= TARGET_RATIO and item["p99_ms"] <= TARGET_P99_MS
    return results


def report(results: dict) -> list[str]:
    print(f"\n{'endpoint':20} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'non-2xx':>8} {'ratio':>6}  "
          f"target (>= {TARGET_RATIO:.0%} of /health, p99 <= {TARGET_P99_MS:g} ms)")
    health = results["health"]
    print(f"{'/health':20} {health['requests_per_s']:9.0f} {health['p50_ms']:8.2f} {health['p99_ms']:8.2f} "
          f"{health['non_2xx'] + health['socket_errors']:8} {1:6.2f}  (first {health['first']['requests_per_s']:.0f}, "
          f"last {health['last']['requests_per_s']:.0f} req/s)")
    errors = []
    if health["non_2xx"] or health["socket_errors"]:
        errors.append(f"/health: {health['non_2xx']} non-2xx, {health['socket_errors']} socket errors")
    for name in CORE:
        item = results[name]
        bad = item["non_2xx"] + item["socket_errors"]
        verdict = "PASS" if item["pass"] else "MISS"
        print(f"{name:20} {item['requests_per_s']:9.0f} {item['p50_ms']:8.2f} {item['p99_ms']:8.2f} {bad:8} "
              f"{item['ratio_to_health']:6.2f}  {verdict}")
        if bad:
            errors.append(f"{name}: {item['non_2xx']} non-2xx, {item['socket_errors']} socket errors")
    return errors


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    where = ap.add_mutually_exclusive_group(required=True)
    where.add_argument("--store", type=Path, help="an existing store folder")
    where.add_argument("--docs", type=int, help="build (or reuse) the store of this many synthetic plans")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--in-place", action="store_true", help="serve --store itself instead of a temporary copy")
    ap.add_argument("--duration", type=float, default=15.0, help="seconds per measured run (default 15)")
    ap.add_argument("--warmup", type=float, default=3.0, help="seconds of warm-up per endpoint (default 3)")
    ap.add_argument("--connections", type=int, default=16)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--paths", type=int, default=200, help="distinct paths per core endpoint (default 200)")
    ap.add_argument("--out", type=Path, default=OUT / "bench_api.json")
    args = ap.parse_args(argv)
    wrk_binary()
    source = args.store.resolve() if args.store else build_store(args.docs, args.seed)
    if not source.is_dir():
        raise SystemExit(f"no store folder at {source}")

    workdir = Path(tempfile.mkdtemp(prefix="styrgraf-bench-api-"))
    server: Server | None = None
    try:
        if args.in_place:
            store = source
        else:
            t = time.perf_counter()
            store = workdir / "store"
            shutil.copytree(source, store, ignore=shutil.ignore_patterns("server.json", "DONE"))
            print(f"store {source} copied to {store} in {time.perf_counter() - t:.1f} s", flush=True)
        server = Server(store, workdir / "serve.log")
        t = time.perf_counter()
        health = server.wait_ready()
        ready = time.perf_counter() - t
        print(f"server {server.url} ready in {ready:.1f} s: {health['store']['graphs']} graphs, "
              f"{health['store']['triples']} triples", flush=True)
        with httpx.Client(base_url=server.url, timeout=600, trust_env=False) as client:
            t = time.perf_counter()
            paths = build_paths(client, args.paths, args.seed)
            print(f"paths from the API in {time.perf_counter() - t:.1f} s: "
                  + ", ".join(f"{name} {len(p)}" for name, p in paths.items()), flush=True)
        results = measure(server, paths, args, workdir)
        errors = report(results)
        summary = {
            "store": str(source), "documents": health["store"]["graphs"], "triples": health["store"]["triples"],
            "server_ready_s": round(ready, 1), "duration_s": args.duration, "warmup_s": args.warmup,
            "connections": args.connections, "threads": args.threads, "cpus": os.cpu_count(),
            "load_average_after": [round(x, 2) for x in os.getloadavg()],
            "targets": {"ratio_to_health": TARGET_RATIO, "p99_ms": TARGET_P99_MS},
            "endpoints": results, "examples": {name: p[:3] for name, p in paths.items()},
        }
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(summary, indent=2, ensure_ascii=False), encoding="utf-8")
        print(f"\nwritten to {args.out}")
        if errors:
            print("FAILED: requests that did not answer 2xx:\n  " + "\n  ".join(errors), file=sys.stderr)
            return 1
        missed = [name for name in CORE if not results[name]["pass"]]
        print("all targets met" if not missed else "targets missed: " + ", ".join(missed))
        return 0
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    finally:
        if server is not None:
            server.stop()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
