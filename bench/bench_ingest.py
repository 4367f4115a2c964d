"""Ingest benchmark: the pipeline's pages per second against raw text extraction, and its peak memory.

Measures in one run, each in a fresh subprocess (so peak RSS is the task's own):
  pdfium   - raw PDFium text extraction of every page (pypdfium2; the baseline of the targets)
  plumber  - raw pdfplumber `extract_text` of every page (the reader before PDFium)
  reader   - the pipeline's reading process alone (start, budget, PDFium, lines), started cold from a
             small process so that its peak memory is its own (the pipeline forks it from a warm
             starter instead, and so does not pay the start's imports per file)
  full     - the whole pipeline: read (its reading process included), normalise, extract records,
             make the document's RDF triples (`ExtractedDocument.to_triples`, what ingest stores),
             file after file as `styrgraf ingest` takes them (`extract_ahead`: the next file is
             extracted and the one after it read while the current one's triples are made). The PDF reader's
             starter process is started and ready before the clock, as `styrgraf serve` has it
             from its start (and `styrgraf ingest` starts it while it opens the store): its
             imports are left out as the baselines' imports are
  cold     - `full` with the starter started by the first file (a script that reads one file)
  stored   - `ingest_files` into an embedded store: the pipeline, the analysis rows, the store's
             write (shown for what a user waits for; not part of the targets). Its time also
             holds removing the document between repeats, so that each is written anew
on the seed PDF (N times) and on a generated PDF of >= 500 pages, and prints the pipeline's
pages/s as a share of each baseline's (and, since wall time on a shared machine swings with other
work, the same share by CPU time, reading processes included). Targets: the pipeline at >= 10 % of raw PDFium's pages/s,
peak memory < 300 MB (the pipeline's process; its reading process is measured on its own).

    python bench/bench_ingest.py [--repeat 10] [--pages 500] [--pdf PATH] [--json out.json]
                                 [--profile N]

`--profile N` runs the pipeline once more on the generated PDF under cProfile and prints the share
of each part of the code, the N functions with the most time of their own and the N of the
project's functions with the most cumulative time.
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
MODES = ("pdfium", "plumber", "reader", "full", "cold", "stored")
TARGET_SHARE = 0.10  # of raw PDFium's pages/s
TARGET_PEAK_MB = 300

TASK = r"""
import json, os, resource, shutil, sys, tempfile, time
sys.path.insert(0, {root!r})
mode, path, repeat = sys.argv[1], sys.argv[2], int(sys.argv[3])
work = tempfile.mkdtemp(prefix="bench-ingest-")  # the store and the warm-up PDF, removed at the end
# imports are not part of the measured work
if mode == "pdfium":
    import pypdfium2 as pdfium
elif mode == "plumber":
    import pdfplumber
elif mode == "reader":
    import subprocess
    reader = [sys.executable, "-m", "styrgraf.ingest.formats.pdf_reader", path, "{{}}"]
    reader_peak = 0.0
elif mode == "stored":
    from styrgraf.graph.documents import ingest_files
    from styrgraf.graph.store.interface import open_store
    import pypdfium2 as pdfium
    store = open_store(os.path.join(work, "store"))
    file_pages = len(pdfium.PdfDocument(path))
else:
    from styrgraf.ingest.pipeline import extract_ahead
if mode in ("full", "stored"):  # the reader's starter started and ready, as a server has it
    from pathlib import Path
    from styrgraf.ingest.formats import pdf_warm_up
    from styrgraf.ingest.sources import open_source
    warm = Path(work) / "warm.pdf"
    warm.write_bytes(pdf_warm_up.document())
    open_source(warm).pages()
pages = 0
cpu0 = sum(u.ru_utime + u.ru_stime for u in map(resource.getrusage, (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)))
t0 = time.perf_counter()
# The raw modes read the file `repeat` times here; the pipeline's modes take the files in one go, below.
for _ in range(repeat if mode in ("pdfium", "plumber", "reader") else 0):
    if mode == "pdfium":
        pdf = pdfium.PdfDocument(path)
        for index in range(len(pdf)):
            page = pdf[index]
            text_page = page.get_textpage()
            text_page.get_text_range()
            text_page.close()
            page.close()
            pages += 1
        pdf.close()
    elif mode == "plumber":
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_text()
                page.close()
                pages += 1
    elif mode == "reader":
        child = subprocess.Popen(reader, stdout=subprocess.PIPE)
        out = child.stdout.read()
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        pages += len(json.loads(out)["pages"])
        reader_peak = max(reader_peak, usage.ru_maxrss / 1024)
if mode == "stored":  # the files in one go, as `styrgraf ingest` takes them
    for result in ingest_files(store, [path] * repeat):
        assert result.ok, result.reason_en
        store.drop_graph(result.graph)  # so that the next one is written anew
        pages += file_pages
elif mode in ("full", "cold"):  # likewise
    for _path, x in extract_ahead([path] * repeat):
        x.to_triples()
        pages += len(x.pages)
elapsed = time.perf_counter() - t0
peak = reader_peak if mode == "reader" else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
if mode in ("full", "cold"):  # the reading processes' CPU time is counted once the starter that forked them has ended
    from styrgraf.ingest.formats import pdf as pdf_format
    starter = getattr(pdf_format, "_STARTER", None)
    if starter is not None:
        starter._stop()
cpu = sum(u.ru_utime + u.ru_stime for u in map(resource.getrusage, (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)))
if mode == "stored":
    store.close()
shutil.rmtree(work, ignore_errors=True)
print(json.dumps({{"seconds": elapsed, "pages": pages, "peak_mb": peak, "cpu_seconds": cpu - cpu0}}))
"""

PROFILE = r"""
import cProfile, pstats, sys
sys.path.insert(0, {root!r})
from styrgraf.ingest.pipeline import extract_path
path, top = sys.argv[1], int(sys.argv[2])
profile = cProfile.Profile()
profile.enable()
extract_path(path).to_triples()
profile.disable()
stats = pstats.Stats(profile).stats
total = sum(row[2] for row in stats.values())
def part(filename, name):
    if filename == "~" and "poll" in name:
        return "waiting for the reading process"
    for mark in ("/ingest/formats/", "/ingest/kinds/", "/ingest/", "/rdflib/", "/pdfminer/", "/pypdfium2/"):
        if mark in filename:
            return mark.strip("/")
    return "other"
parts = {{}}
for (filename, _line, name), row in stats.items():
    parts[part(filename, name)] = parts.get(part(filename, name), 0.0) + row[2]
print(f"profile of the pipeline's own process, {{total:.2f}} s (cProfile; the reading process is one wait)")
for name, seconds in sorted(parts.items(), key=lambda kv: -kv[1]):
    print(f"  {{name:<36}}{{seconds:>8.2f}} s {{100 * seconds / total:>5.1f}} %")
def show(title, rows):
    print(title)
    for (filename, line, name), row in rows:
        short = filename.replace({root!r} + "/", "").split("site-packages/")[-1]
        print(f"  {{row[2]:>8.2f}} s own {{row[3]:>8.2f}} s cum {{100 * row[3] / total:>5.1f}} %  {{name}} ({{short}}:{{line}})")
show("  top functions by own time:", sorted(stats.items(), key=lambda kv: -kv[1][2])[:top])
ours = [kv for kv in stats.items() if kv[0][0].startswith({root!r}) and "site-packages" not in kv[0][0]]
show("  the project's functions by cumulative time:", sorted(ours, key=lambda kv: -kv[1][3])[:top])
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


def pages_per_second(result: dict) -> float:
    return result["pages"] / result["seconds"] if result["seconds"] else float("inf")


def pages_per_cpu_second(result: dict) -> float:
    return result["pages"] / result["cpu_seconds"] if result["cpu_seconds"] else float("inf")


def compare(results: dict[str, dict]) -> dict:
    """The pipeline's pages/s as a share of each raw extraction's, and whether the targets are met."""
    full = pages_per_second(results["full"])
    of_pdfium = full / pages_per_second(results["pdfium"])
    return {"of_pdfium": of_pdfium, "of_plumber": full / pages_per_second(results["plumber"]),
            "cold_of_pdfium": pages_per_second(results["cold"]) / pages_per_second(results["pdfium"]),
            "of_pdfium_cpu": pages_per_cpu_second(results["full"]) / pages_per_cpu_second(results["pdfium"]),
            "share_target_met": of_pdfium >= TARGET_SHARE,
            "peak_target_met": results["full"]["peak_mb"] < TARGET_PEAK_MB}


def measure(inputs: list[tuple[str, Path, int]]) -> list[dict]:
    print(f"{'input':<26}{'mode':<9}{'pages':>7}{'seconds':>10}{'pages/s':>10}{'of PDFium':>11}{'peak MB':>10}"
          f"{'CPU s':>9}")
    out = []
    for label, path, repeat in inputs:
        results = {mode: run(mode, path, repeat) for mode in MODES}
        for mode, r in results.items():
            share = pages_per_second(r) / pages_per_second(results["pdfium"])
            print(f"{label:<26}{mode:<9}{r['pages']:>7}{r['seconds']:>10.2f}{pages_per_second(r):>10.1f}"
                  f"{100 * share:>10.1f}%{r['peak_mb']:>10.1f}{r['cpu_seconds']:>9.2f}")
        ratios = compare(results)
        print(f"{label:<26}pipeline at {100 * ratios['of_pdfium']:.1f} % of raw PDFium's pages/s "
              f"(target >= {100 * TARGET_SHARE:.0f} %: {'met' if ratios['share_target_met'] else 'missed'}), "
              f"{100 * ratios['of_plumber']:.0f} % of raw pdfplumber's; peak {results['full']['peak_mb']:.0f} MB "
              f"(target < {TARGET_PEAK_MB} MB: {'met' if ratios['peak_target_met'] else 'missed'}); "
              f"by CPU time (less swayed by other work on the machine) {100 * ratios['of_pdfium_cpu']:.1f} % of raw PDFium's; "
              f"cold (the first file starts the reader) {100 * ratios['cold_of_pdfium']:.1f} %")
        out.append({"input": label, "path": str(path), "repeat": repeat, **results, "ratios": ratios})
    return out


def profile(path: Path, top: int) -> None:
    done = subprocess.run([sys.executable, "-c", PROFILE.format(root=str(ROOT)), str(path), str(top)],
                          capture_output=True, text=True, check=True)
    print(done.stdout, end="")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=10, help="times the seed PDF is ingested (default 10)")
    ap.add_argument("--pages", type=int, default=500, help="pages of the large generated PDF (default 500)")
    ap.add_argument("--pdf", type=Path, default=SEED_PDF, help="the small PDF (default: the seed PDF)")
    ap.add_argument("--json", type=Path, help="also write the figures to this file")
    ap.add_argument("--profile", type=int, default=0, metavar="N", help="profile the pipeline on the large PDF")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        big = big_pdf(args.pages, Path(tmp))
        print(f"generated {big.name}: built in {time.perf_counter() - t:.1f} s")
        label = "seed PDF" if args.pdf == SEED_PDF else args.pdf.name
        results = measure([(f"{label} x{args.repeat}", args.pdf, args.repeat), ("generated PDF", big, 1)])
        if args.profile:
            profile(big, args.profile)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
