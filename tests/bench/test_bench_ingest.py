"""The ingest benchmark prints and writes its ratios (the figures themselves are the benchmark, not a test)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from bench.bench_ingest import compare
from tests.ingest.devset.build import dev_specs
from tests.ingest.devset.render import write_document

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "bench_ingest.py"


def test_ratios_are_shares_of_each_raw_extractions_pages_per_second():
    results = {"pdfium": {"pages": 100, "seconds": 1.0, "cpu_seconds": 1.0},
               "plumber": {"pages": 100, "seconds": 20.0, "cpu_seconds": 20.0},
               "full": {"pages": 100, "seconds": 5.0, "peak_mb": 310.0, "cpu_seconds": 8.0},
               "cold": {"pages": 100, "seconds": 8.0, "peak_mb": 310.0, "cpu_seconds": 8.0}}
    ratios = compare(results)
    assert ratios["of_pdfium"] == 0.2 and ratios["of_plumber"] == 4.0 and ratios["of_pdfium_cpu"] == 0.125
    assert ratios["cold_of_pdfium"] == 0.125
    assert ratios["share_target_met"] and not ratios["peak_target_met"]


def test_one_run_measures_every_mode_on_both_inputs(tmp_path):
    tiny = write_document(next(spec for spec in dev_specs() if spec.fmt == "pdf"), tmp_path)  # a one-page plan
    out = tmp_path / "bench.json"
    done = subprocess.run([sys.executable, str(SCRIPT), "--pdf", str(tiny), "--repeat", "1", "--pages", "1",
                           "--json", str(out)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    results = json.loads(out.read_text(encoding="utf-8"))
    assert [r["input"] for r in results] == [f"{tiny.name} x1", "generated PDF"]
    for result in results:
        assert {"pdfium", "plumber", "reader", "full", "cold", "stored", "ratios"} <= result.keys()
        pages = {result[mode]["pages"] for mode in ("pdfium", "plumber", "reader", "full", "cold", "stored")}
        assert len(pages) == 1 and pages.pop() > 0
        assert result["full"]["peak_mb"] > 0 and result["reader"]["peak_mb"] > 0
        assert result["ratios"]["of_pdfium"] > 0 and result["ratios"]["of_plumber"] > 0
        assert result["ratios"]["cold_of_pdfium"] > 0
        assert result["full"]["cpu_seconds"] > 0 and result["ratios"]["of_pdfium_cpu"] > 0
    assert done.stdout.count("of raw PDFium's pages/s") == 2 and done.stdout.count("by CPU time") == 2
