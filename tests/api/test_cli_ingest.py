"""`styrgraf ingest` as a person runs it: real subprocess, real on-disk store."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ingest import badfiles

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "corpus" / "000_5a26368617003b47.txt"
PDF = ROOT / "corpus" / "halmstad-projektplan-2012.pdf"


def styrgraf(*args: str, store: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "STYRGRAF_STORE": str(store)}
    return subprocess.run([sys.executable, "-m", "styrgraf.api.cli", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)


BAD = {
    "empty": badfiles.empty,
    "text named pdf": badfiles.text_named_pdf,
    "png named txt": badfiles.png_named_txt,
    "truncated pdf": badfiles.truncated_pdf,
    "corrupt pdf": badfiles.corrupt_pdf,
    "encrypted pdf": badfiles.encrypted_pdf,
    "scanned pdf": badfiles.scanned_pdf,
    "windows-1252 text": badfiles.windows_1252_text,
    "zip named pdf": badfiles.zip_named_pdf,
}


@pytest.fixture()
def store(tmp_path):
    return tmp_path / "store"


def test_ingest_corpus_then_unchanged(store):
    first = styrgraf("ingest", str(ROOT / "corpus"), store=store)
    assert first.returncode == 0, first.stderr
    lines = first.stdout.strip().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{ROOT / 'corpus' / SEED.name}: inläst")
    assert "omöjligt datum: 2012-04-31" in lines[0]
    assert ": ny återgivning av lagrat dokument" in lines[1]
    again = styrgraf("ingest", str(ROOT / "corpus"), store=store)
    assert again.returncode == 0
    assert [l.split(": ")[1].split(" —")[0] for l in again.stdout.strip().splitlines()] == ["oförändrad", "oförändrad"]
    docs = json.loads(styrgraf("documents", "--json", store=store).stdout)
    assert len(docs) == 1 and docs[0]["identifier"] == "KS 2011/0456" and len(docs[0]["sha256"]) == 2


def test_bad_files_fail_one_line_each_and_the_rest_is_ingested(store, tmp_path):
    batch = tmp_path / "batch"
    batch.mkdir()
    shutil.copy(SEED, batch / "plan.txt")
    bad_paths = {name: make(batch) for name, make in BAD.items()}
    result = styrgraf("ingest", *map(str, [batch / "plan.txt", *bad_paths.values()]), store=store)
    assert result.returncode == 1
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1 + len(BAD)
    assert ": inläst" in lines[0]
    for name, path in bad_paths.items():
        line = next(l for l in lines if l.startswith(str(path) + ":"))
        assert ": misslyckades: " in line, (name, line)
        assert "Traceback" not in result.stderr
    docs = json.loads(styrgraf("documents", "--json", store=store).stdout)
    assert [d["identifier"] for d in docs] == ["KS 2011/0456"]


def test_failed_file_leaves_stored_documents_intact(store, tmp_path):
    assert styrgraf("ingest", str(SEED), store=store).returncode == 0
    before = styrgraf("export", "--format", "nquads", store=store).stdout
    bad = badfiles.corrupt_pdf(tmp_path)
    assert styrgraf("ingest", str(bad), store=store).returncode == 1
    assert styrgraf("export", "--format", "nquads", store=store).stdout == before


def test_missing_path_is_reported(store, tmp_path):
    result = styrgraf("ingest", str(tmp_path / "finns-inte.pdf"), store=store)
    assert result.returncode == 1
    assert "finns-inte.pdf" in result.stdout and "finns inte" in result.stdout


def test_english_messages(store):
    result = styrgraf("ingest", "--lang", "en", str(SEED), store=store)
    assert result.returncode == 0
    assert ": ingested" in result.stdout and "impossible date: 2012-04-31" in result.stdout


def test_remove_document(store):
    assert styrgraf("ingest", str(SEED), store=store).returncode == 0
    assert styrgraf("remove", "KS 2011/0456", store=store).returncode == 0
    assert json.loads(styrgraf("documents", "--json", store=store).stdout) == []
    assert styrgraf("remove", "KS 2011/0456", store=store).returncode == 1


def test_folder_summary_names_what_was_skipped_and_why(store, tmp_path):
    folder = tmp_path / "folder"
    (folder / "sub").mkdir(parents=True)
    (folder / ".cache").mkdir()
    shutil.copy(SEED, folder / SEED.name)
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")
    (folder / "sub" / "[bild].png").write_bytes(b"\x89PNG")
    (folder / ".cache" / "x.txt").write_text("dold")
    result = styrgraf("ingest", str(folder), store=store)
    assert result.returncode == 0, result.stderr
    summary = result.stderr.strip().splitlines()[-1]
    assert summary.startswith("1 filer: 1 inlästa")
    assert "3 överhoppade" in summary
    assert "2 med annan filändelse än .pdf/.txt/.text: notes.docx, [bild].png" in summary
    assert "1 dolda" in summary
    english = styrgraf("ingest", str(folder), "--lang", "en", store=store)
    assert "3 skipped (2 not ending in .pdf/.txt/.text: notes.docx, [bild].png; 1 hidden" in english.stderr


OFFICERS_REPORT = """Lövnäs kommun
Kulturförvaltningen
Datum: 2022-03-01
Diarienummer: KFN 2022/41

Tjänsteskrivelse om öppettider för biblioteken

Förvaltningen föreslår att biblioteken har öppet även på lördagar.
"""


def test_a_document_of_no_known_kind_is_ingested_and_the_line_says_so(store, tmp_path):
    path = tmp_path / "skrivelse.txt"
    path.write_text(OFFICERS_REPORT, encoding="utf-8")
    swedish = styrgraf("ingest", str(path), store=store)
    assert swedish.returncode == 0, swedish.stderr
    assert "okänd dokumentsort: endast grunduppgifter" in swedish.stdout
    assert "Tjänsteskrivelse om öppettider för biblioteken" in swedish.stdout
    listed = styrgraf("documents", "--json", store=store)
    assert "Tjänsteskrivelse om öppettider för biblioteken" in listed.stdout
