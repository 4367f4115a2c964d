"""Files extracted ahead: in order, each refusal in its place, the next files under way while the
caller still works on the current one."""
from __future__ import annotations

import threading
from pathlib import Path

from styrgraf.ingest import pipeline
from styrgraf.ingest.sources import SourceError

ROOT = Path(__file__).resolve().parents[2]
SEED_TEXT = ROOT / "corpus" / "000_5a26368617003b47.txt"


def test_extractions_come_in_order_with_refusals_in_their_place(tmp_path):
    empty = tmp_path / "tom.txt"
    empty.write_text("", encoding="utf-8")
    out = list(pipeline.extract_ahead([SEED_TEXT, empty, SEED_TEXT]))
    assert [path for path, _ in out] == [SEED_TEXT, empty, SEED_TEXT]
    first, refused, last = (x for _, x in out)
    assert isinstance(refused, SourceError) and refused.path == empty
    assert first.records.document.title == last.records.document.title == pipeline.extract_path(SEED_TEXT).records.document.title


def test_the_files_ahead_are_read_and_extracted_while_the_caller_holds_the_current_one(tmp_path, monkeypatch):
    paths = []
    for name in ("a.txt", "b.txt", "c.txt", "d.txt"):
        path = tmp_path / name
        path.write_text(SEED_TEXT.read_text(encoding="utf-8"), encoding="utf-8")
        paths.append(path)
    read = {path: threading.Event() for path in paths}
    extracted = {path: threading.Event() for path in paths}
    open_source, extract_source = pipeline.open_source, pipeline.extract_source

    def reading(path):
        read[Path(path)].set()
        return open_source(path)

    def extracting(src):
        extracted[src.path].set()
        return extract_source(src)

    monkeypatch.setattr(pipeline, "open_source", reading)
    monkeypatch.setattr(pipeline, "extract_source", extracting)
    seen = []
    for path, extraction in pipeline.extract_ahead(paths):
        seen.append(path)
        following = paths[len(seen):len(seen) + 2]  # the caller has not asked for them: under way already
        if following:
            assert extracted[following[0]].wait(timeout=20)
        if len(following) == 2:
            assert read[following[1]].wait(timeout=20)
        assert extraction.source.file_name == path.name
    assert seen == paths


def test_a_caller_that_stops_early_does_not_wait_for_the_files_ahead(tmp_path, monkeypatch):
    paths = [tmp_path / name for name in ("a.txt", "b.txt", "c.txt", "d.txt")]
    for path in paths:
        path.write_text(SEED_TEXT.read_text(encoding="utf-8"), encoding="utf-8")
    release, open_source = threading.Event(), pipeline.open_source
    asked: list[str] = []

    def held_at_b(path):
        asked.append(Path(path).name)
        if Path(path).name == "b.txt":
            release.wait(timeout=60)
        return open_source(path)

    monkeypatch.setattr(pipeline, "open_source", held_at_b)
    ahead = pipeline.extract_ahead(paths)
    first_path, _ = next(ahead)  # b.txt is being read, and held; c.txt waits for its turn
    closing = threading.Thread(target=ahead.close)
    closing.start()
    closing.join(timeout=20)
    stopped = not closing.is_alive()
    release.set()
    assert first_path == paths[0] and stopped
    assert "c.txt" not in asked and "d.txt" not in asked
