"""The analysis benchmark's summary of repeated runs (the runs themselves are the benchmark, not a test)."""
from __future__ import annotations

from bench.bench_analysis import summarise


def _run(seconds: dict[str, float], rss: int) -> dict:
    return {**{name: {"seconds": s, "rss_mb": rss} for name, s in seconds.items()}, "sizes": {"pairs": 3}}


def test_repeated_runs_report_each_phases_median_and_the_largest_peak_memory():
    runs = [_run({"projection": 15.0, "target": 50.0}, 1900), _run({"projection": 12.0, "target": 61.0}, 1950),
            _run({"projection": 20.0, "target": 48.0}, 1920)]
    summary = summarise(runs)
    assert summary["projection"] == {"seconds": 15.0, "rss_mb": 1950, "runs": [15.0, 12.0, 20.0]}
    assert summary["target"]["seconds"] == 50.0  # the median of the runs' own totals, not a sum of medians
    assert summary["sizes"] == {"pairs": 3}
