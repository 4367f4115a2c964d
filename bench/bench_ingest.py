"""Ingest benchmark: pages per second, peak memory, and the pipeline's cost over raw pdfplumber.

Measures in one run, each in a fresh subprocess (so peak RSS is the task's own):
  raw   - pdfplumber text extraction of every page (the baseline)
  full  - the whole pipeline: read, normalise, extract records, build the RDF graph
on the seed PDF (N times) and on a generated PDF of >= 500 pages.

    python bench/bench_ingest.py [--repeat 10] [--pages 500]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SEED_TEXT = ROOT / "corpus" / "000_5a26368617003b47.txt"
SEED_PDF = ROOT / "corpus" / "halmstad-projektplan-2012.pdf"

TASK = r"""
import json, resource, sys, time
sys.path.insert(0, {root!r})
mode, path, repeat = sys.argv[1], sys.argv[2], int(sys.argv[3])
import pdfplumber  # imports are not part of the measured work
if mode == "full":
    from styrgraf.ingest.pipeline import extract_path
pages = 0
t0 = time.perf_counter()
for _ in range(repeat):
    if mode == "raw":
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_text()
                page.close()
                pages += 1
    else:
        x = extract_path(path)
        x.to_graph()
        pages += len(x.pages)
elapsed = time.perf_counter() - t0
print(json.dumps({{"seconds": elapsed, "pages": pages,
                   "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def run(mode: str, path: Path, repeat: int) -> dict:
    out = subprocess.run([sys.executable, "-c", TASK.format(root=str(ROOT)), mode, str(path), str(repeat)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def big_pdf(pages: int, directory: Path) -> Path:
    """A PDF of at least `pages` pages: the seed's transcript repeated, through the corpus builder."""
    from corpus.build_pdf import build_pdf

    text = SEED_TEXT.read_text(encoding="utf-8")
    preamble, transcript = text.split("Transkript:", 1)
    paras = [p for p in transcript.split("\n\n") if p.strip()]
    copies = -(-pages // len(paras))
    seed = directory / "big-seed.txt"
    seed.write_text(preamble + "Transkript:\n\n" + "\n\n".join(paras * copies) + "\n", encoding="utf-8")
    return build_pdf(seed, directory / "big.pdf")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=10, help="times the seed PDF is ingested (default 10)")
    ap.add_argument("--pages", type=int, default=500, help="pages of the large generated PDF (default 500)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        big = big_pdf(args.pages, Path(tmp))
        print(f"generated {big.name}: built in {time.perf_counter() - t:.1f} s")
        print(f"{'input':<22}{'mode':<6}{'pages':>7}{'seconds':>10}{'pages/s':>10}{'peak MB':>10}")
        for label, path, repeat in (("seed PDF x%d" % args.repeat, SEED_PDF, args.repeat),
                                    (f"generated PDF", big, 1)):
            res = {mode: run(mode, path, repeat) for mode in ("raw", "full")}
            for mode, r in res.items():
                print(f"{label:<22}{mode:<6}{r['pages']:>7}{r['seconds']:>10.2f}{r['pages'] / r['seconds']:>10.1f}"
                      f"{r['peak_mb']:>10.1f}")
            ratio = res["full"]["seconds"] / res["raw"]["seconds"]
            print(f"{label:<22}full/raw time ratio {ratio:.2f} (pipeline adds {100 * (ratio - 1):.0f} % "
                  f"on top of raw extraction; target <= 25 %)")


if __name__ == "__main__":
    main()
