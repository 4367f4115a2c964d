"""Hostile PDFs are refused at the read limits; PDFs with only an owner password are read."""
from __future__ import annotations

import json
import time
from pathlib import Path

import pdfplumber
import pypdfium2
import pytest

from styrgraf.ingest.formats import pdf_reader
from styrgraf.ingest.limits import LimitExceeded, ReadLimits
from styrgraf.ingest.pipeline import extract_path
from styrgraf.ingest.sources import SourceError, open_source
from tests.ingest import badfiles, pdf_bombs

SEED_PDF = Path(__file__).resolve().parents[2] / "corpus" / "halmstad-projektplan-2012.pdf"
REFUSE_WITHIN = 30.0  # seconds, as the issue demands


def refused(path: Path, limits: ReadLimits | None = None) -> SourceError:
    with pytest.raises(SourceError) as info:
        open_source(path, limits=limits)
    return info.value


def assert_names(error: SourceError, path: Path, *words: str) -> None:
    message = str(error)
    assert error.code == "limit-exceeded"
    assert path.name in message and "\n" not in message
    for word in words:
        assert word in message


# --- the bombs of the issue, at the default limits ---------------------------

@pytest.mark.parametrize(("build", "variable"), [
    (lambda d: pdf_bombs.spaces_bomb(d, 400), "STYRGRAF_PDF_MAX_PAGE_MB"),
    (lambda d: pdf_bombs.operator_bomb(d, 10), "STYRGRAF_PDF_MAX_PAGE_MB"),
    (lambda d: pdf_bombs.operator_bomb(d, 300), "STYRGRAF_PDF_MAX_PAGE_MB"),
    (lambda d: pdf_bombs.nested_forms(d, 7), "STYRGRAF_PDF_MAX_PAGE_MB"),
], ids=["400-MB-spaces", "10-MB-q-Q", "300-MB-q-Q", "10-million-forms"])
def test_bombs_are_refused_quickly_at_the_defaults(tmp_path, build, variable):
    path = build(tmp_path)
    started = time.monotonic()
    error = refused(path)
    assert time.monotonic() - started < REFUSE_WITHIN
    assert_names(error, path, "överskrider gränsen", variable)


# --- each limit, and its setting ---------------------------------------------

def test_decompressed_bytes_per_file(tmp_path):
    path = badfiles.write(tmp_path, "stor.pdf", pdf_bombs.pdf_with_contents(
        [pdf_bombs.deflated(b" ", 3 * pdf_bombs.MB)] * 3))
    error = refused(path, ReadLimits(decompressed_mb=8, page_mb=4))
    assert_names(error, path, "uppackad data per fil", "8 MB", "STYRGRAF_PDF_MAX_DECOMPRESSED_MB")
    assert open_source(path, limits=ReadLimits(decompressed_mb=10, page_mb=4)).page_count == 3


def test_embedded_fonts_count_for_the_file(tmp_path):
    path = pdf_bombs.font_bomb(tmp_path, 12)
    error = refused(path, ReadLimits(decompressed_mb=10))
    assert_names(error, path, "uppackad data per fil", "10 MB", "STYRGRAF_PDF_MAX_DECOMPRESSED_MB")
    assert open_source(path, limits=ReadLimits(decompressed_mb=14)).page_count == 1


def test_decompressed_bytes_per_page(tmp_path):
    path = pdf_bombs.spaces_bomb(tmp_path, 3)
    error = refused(path, ReadLimits(page_mb=2))
    assert_names(error, path, "sidan 1", "per sida", "2 MB")
    assert open_source(path, limits=ReadLimits(page_mb=4)).page_count == 1


def test_a_second_read_in_the_same_process_has_a_budget_of_its_own(tmp_path):
    """The warm starter reads a document before it forks: a read after another is charged once, not once per read."""
    path = pdf_bombs.spaces_bomb(tmp_path, 3)
    limits = ReadLimits(page_mb=4)
    assert len(pdf_reader.read_pages(path, limits)) == 1
    assert len(pdf_reader.read_pages(path, limits)) == 1
    with pytest.raises(LimitExceeded):
        pdf_reader.read_pages(path, ReadLimits(page_mb=2))
    # and once a read has ended, pdfminer decodes on its own again (pdfplumber, in this process)
    with pdfplumber.open(path) as plumber:
        assert "hostilt test" in plumber.pages[0].extract_text()

def test_pages(tmp_path):
    path = pdf_bombs.many_pages(tmp_path, 12)
    assert_names(refused(path, ReadLimits(pages=11)), path, "antal sidor", "11 sidor", "STYRGRAF_PDF_MAX_PAGES")
    assert open_source(path, limits=ReadLimits(pages=12)).page_count == 12


def test_text_per_page(tmp_path):
    path = pdf_bombs.wordy_page(tmp_path, 5000)
    assert_names(refused(path, ReadLimits(page_chars=4000)), path, "text per sida", "STYRGRAF_PDF_MAX_PAGE_CHARS")
    assert open_source(path, limits=ReadLimits(page_chars=6000)).page_count == 1


def test_forms_are_charged_each_time_they_are_drawn(tmp_path):
    path = pdf_bombs.nested_forms(tmp_path, 3)  # 1000 draws of a 256-byte form: 256 000 bytes of content
    assert_names(refused(path, ReadLimits(page_mb=0.2)), path, "sidan 1", "per sida", "STYRGRAF_PDF_MAX_PAGE_MB")
    assert open_source(path, limits=ReadLimits(page_mb=0.3)).page_count == 1


def test_wall_time(tmp_path):
    path = pdf_bombs.nested_forms(tmp_path, 6)  # a million forms: PDFium takes many seconds
    started = time.monotonic()
    error = refused(path, ReadLimits(seconds=1, page_mb=1000))
    assert time.monotonic() - started < REFUSE_WITHIN
    assert_names(error, path, "tidsgränsen", "1 s", "STYRGRAF_PDF_MAX_SECONDS")


def test_memory(tmp_path):
    path = pdf_bombs.spaces_bomb(tmp_path, 300)
    error = refused(path, ReadLimits(page_mb=1000, decompressed_mb=1000, memory_mb=400))
    assert_names(error, path, "minnesgränsen", "STYRGRAF_PDF_MAX_MEMORY_MB")


def test_memory_in_pdfium(tmp_path):
    # Allowed by the content limits, so the memory runs out inside PDFium, which aborts the reading process.
    path = pdf_bombs.nested_forms(tmp_path, 7)
    error = refused(path, ReadLimits(page_mb=10**6, memory_mb=400))
    assert_names(error, path, "minnesgränsen", "STYRGRAF_PDF_MAX_MEMORY_MB")


def test_limits_come_from_the_environment(tmp_path, monkeypatch):
    path = pdf_bombs.many_pages(tmp_path, 3)
    monkeypatch.setenv("STYRGRAF_PDF_MAX_PAGES", "2")
    assert_names(refused(path), path, "2 sidor")
    monkeypatch.setenv("STYRGRAF_PDF_MAX_PAGES", "inte-ett-tal")
    error = refused(path)
    assert error.code == "bad-setting" and "STYRGRAF_PDF_MAX_PAGES" in str(error)


def test_from_env_reads_every_setting():
    limits = ReadLimits.from_env({"STYRGRAF_PDF_MAX_DECOMPRESSED_MB": "1,5", "STYRGRAF_PDF_MAX_PAGE_MB": "2",
                                  "STYRGRAF_PDF_MAX_PAGES": "3", "STYRGRAF_PDF_MAX_PAGE_CHARS": "4",
                                  "STYRGRAF_PDF_MAX_SECONDS": "5", "STYRGRAF_PDF_MAX_MEMORY_MB": "600"})
    assert limits == ReadLimits(decompressed_mb=1.5, page_mb=2, pages=3, page_chars=4, seconds=5, memory_mb=600)
    assert ReadLimits.from_env({}) == ReadLimits()
    with pytest.raises(ValueError, match="STYRGRAF_PDF_MAX_SECONDS"):
        ReadLimits.from_env({"STYRGRAF_PDF_MAX_SECONDS": "-1"})


def test_the_seed_pdf_is_far_below_the_defaults():
    assert open_source(SEED_PDF).page_count > 1


def test_pages_are_read_one_at_a_time(tmp_path, monkeypatch):
    """Each page is closed before the next is loaded, so a long document is not held in memory."""
    open_pages: list[int] = []
    most = []
    load, close = pypdfium2.PdfDocument.__getitem__, pypdfium2.PdfPage.close

    def loading(self, index):
        open_pages.append(index)
        most.append(len(open_pages))
        return load(self, index)

    def closing(self, *args, **kwargs):
        if open_pages and getattr(self, "_counted", True):
            open_pages.pop()
            self._counted = False
        return close(self, *args, **kwargs)

    monkeypatch.setattr(pypdfium2.PdfDocument, "__getitem__", loading)
    monkeypatch.setattr(pypdfium2.PdfPage, "close", closing)
    pages = pdf_reader.read_pages(badfiles.good_pdf(tmp_path), ReadLimits())
    assert len(pages) == 3 and pages[0][0] == "2012-02-22 KS 2011/0456"
    assert len(most) == 3 and max(most) == 1 and not open_pages


# --- owner passwords ----------------------------------------------------------

@pytest.mark.parametrize("encryption", [{"R": 6}, {"R": 4, "aes": True}, {"R": 4, "aes": False, "metadata": False}, {"R": 3, "aes": False, "metadata": False}],
                         ids=["AES-256", "AES-128", "RC4-128-R4", "RC4-128-R3"])
def test_pdf_with_only_an_owner_password_is_read(tmp_path, encryption):
    plain = badfiles.pdf_bytes([["Bakgrund", badfiles.SWEDISH], ["Sida två"]])
    path = pdf_bombs.owner_restricted(plain, tmp_path, **encryption)
    source = open_source(path)
    assert [page.lines for page in source.pages()] == [["Bakgrund", badfiles.SWEDISH], ["Sida två"]]


def test_owner_restricted_plan_is_extracted_like_the_plain_one(tmp_path):
    path = pdf_bombs.owner_restricted(SEED_PDF.read_bytes(), tmp_path)
    plain, restricted = extract_path(SEED_PDF), extract_path(path)
    assert restricted.records.document.title == plain.records.document.title
    assert [p.text for p in restricted.pages] == [p.text for p in plain.pages]


@pytest.mark.parametrize("build", [badfiles.encrypted_pdf, badfiles.encrypted_pdf_aes_user])
def test_pdf_that_needs_a_password_keeps_the_clear_error(tmp_path, build):
    path = build(tmp_path)
    with pytest.raises(SourceError) as info:
        open_source(path)
    assert info.value.code == "encrypted-pdf"
    assert "lösenordsskyddad" in str(info.value) and path.name in str(info.value)


def test_cli_refuses_a_bomb_naming_file_and_limit(tmp_path):
    """`styrgraf ingest` as a person runs it: one line for the bomb, exit 1, nothing stored."""
    import os
    import subprocess
    import sys

    bomb = pdf_bombs.spaces_bomb(tmp_path, 400)
    env = {**os.environ, "STYRGRAF_STORE": str(tmp_path / "store")}
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "styrgraf.api.cli", "ingest", str(bomb)], env=env,
                          capture_output=True, text=True, timeout=300)
    assert time.monotonic() - started < REFUSE_WITHIN
    assert done.returncode == 1
    assert "mellanslag.pdf" in done.stdout and "överskrider gränsen" in done.stdout
    assert "STYRGRAF_PDF_MAX_PAGE_MB" in done.stdout
    listed = subprocess.run([sys.executable, "-m", "styrgraf.api.cli", "documents", "--json"], env=env,
                            capture_output=True, text=True, timeout=300)
    assert listed.returncode == 0 and json.loads(listed.stdout) == []
